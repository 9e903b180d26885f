"""Load on loopback: a real ``flashpoint serve`` and an open-loop asyncio client.

``python -m flashpoint.loadtest --rate 200 --duration 30`` builds a store of synthetic
events, starts the server on a free 127.0.0.1 port, and for each endpoint sends requests
at a fixed rate (open loop: request i is due at ``i / rate`` seconds whatever the earlier
ones did), then prints throughput, errors and p50/p99 latency per endpoint.

``--ingest DIR`` runs a real ``flashpoint ingest`` of copies of the articles in DIR beside
the load (each round's copies are new articles, so every batch commits), and ``--probe S``
commits one marker article through the store every S seconds and measures how long the
server takes to show it (``visible`` in the figures: the ingest's rows are visible within
that time of its commit).

Latency is measured from the moment a request was *due*, not from when it was sent, so a
server that falls behind shows its queue in the figures (no coordinated omission). Traffic
only ever goes to the server this module starts on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

from flashpoint.errors import SettingError

HOST = "127.0.0.1"  # the only address traffic is ever sent to
TOKEN_ENV = "FLASHPOINT_TOKEN"
SHORT_TEXTS = [
    "Ruritania accused Borduria of shelling the border town on Monday.",
    "Officials in Zenda said the army would withdraw its troops from the river.",
    "The United States condemned the attack and called for talks.",
    "Borduria rejected the proposal and threatened new sanctions.",
]
# endpoint name -> (method, path, body builder from the request number)
ENDPOINTS = {
    "events": ("GET", "/events?limit=50", None),
    "dyads": ("GET", "/dyads", None),
    # {id} is filled per request from event ids drawn from the store (see _event_ids)
    "event": ("GET", "/events/{id}", None),
    "analyze": ("POST", "/analyze",
                lambda i: {"text": SHORT_TEXTS[i % len(SHORT_TEXTS)], "date": "2024-01-01"}),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(db: Path, *, token: str | None = None, wait_s: float = 120,
                   log_level: str = "warning",
                   server_args: tuple[str, ...] = ()) -> Iterator[tuple[str, subprocess.Popen]]:
    """``flashpoint serve`` on a free loopback port; yields (base URL, process).
    ``server_args``: more ``serve`` options (``--workers 1``, ``--per-request-connections``)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    if token:
        env[TOKEN_ENV] = token
    proc = subprocess.Popen([sys.executable, "-m", "flashpoint.cli.main", "serve", "--db",
                             str(db), "--host", HOST, "--port", str(port), "--log-level",
                             log_level, *server_args], env=env)
    base = f"http://{HOST}:{port}"
    try:
        wait_until_up(base, proc, wait_s)
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_until_up(base: str, proc: subprocess.Popen, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SettingError(f"the server exited with status {proc.returncode} on start")
        try:
            if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SettingError(f"the server did not answer within {wait_s:.0f} s")


@dataclass
class Figures:
    endpoint: str
    rate: float
    duration: float
    sent: int
    ok: int
    errors: int
    elapsed: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    first_error: str | None = None
    ingested: int = 0  # articles the ingest beside stored during the run (--ingest)
    visible_ms: list[float] | None = None  # commit -> visible through the server (--probe)

    @property
    def throughput(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0

    def line(self) -> str:
        seen = ""
        if self.visible_ms:
            seen = (f", {len(self.visible_ms)} probe commits visible after max "
                    f"{max(self.visible_ms):.0f} ms (median {np.median(self.visible_ms):.0f})")
        return (f"{self.endpoint:8s} {self.rate:6.0f}/s x {self.duration:.0f} s: "
                f"{self.sent} sent, {self.throughput:6.1f} ok/s, {self.errors} errors, "
                f"p50 {self.p50_ms:.0f} ms, p99 {self.p99_ms:.0f} ms, max {self.max_ms:.0f} ms"
                + (f", ingest stored {self.ingested} articles" if self.ingested else "") + seen
                + (f"  (first error: {self.first_error})" if self.first_error else ""))


async def _one(client, method, path, body, due, latencies, failures) -> None:
    await asyncio.sleep(max(0.0, due - time.perf_counter()))
    try:
        response = await client.request(method, path, json=body)
        if response.status_code >= 400:
            failures.append(f"HTTP {response.status_code}: {response.text[:120]}")
            return
    except httpx.HTTPError as exc:
        failures.append(f"{type(exc).__name__}: {exc}"[:160])
        return
    latencies.append((time.perf_counter() - due) * 1000)


async def _drive_raw(base: str, endpoint: str, *, rate: float, duration: float,
                     timeout: float, ids: list[str] | None = None,
                     delay: float = 0.0,
                     count: int | None = None) -> tuple[list[float], list[str], float, int]:
    """(latencies in ms, failures, elapsed s, requests sent) of one open-loop client
    sending ``count`` requests (default ``rate * duration``)."""
    method, path, build = ENDPOINTS[endpoint]
    n = int(rate * duration) if count is None else count
    paths = [path.replace("{id}", ids[i % len(ids)]) if ids else path for i in range(n)]
    latencies: list[float] = []
    failures: list[str] = []
    # Enough connections that the client never queues requests the server could take.
    limits = httpx.Limits(max_connections=512, max_keepalive_connections=512)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        start = time.perf_counter() + 0.2 + delay
        tasks = [asyncio.create_task(_one(client, method, paths[i], build(i) if build else None,
                                          start + i / rate, latencies, failures))
                 for i in range(n)]
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - start
    return latencies, failures, elapsed, n


def _figures(endpoint: str, rate: float, duration: float, latencies: list[float],
             failures: list[str], elapsed: float, sent: int) -> Figures:
    lat = np.array(latencies or [0.0])
    return Figures(endpoint=endpoint, rate=rate, duration=duration, sent=sent,
                   ok=len(latencies), errors=len(failures), elapsed=elapsed,
                   p50_ms=float(np.percentile(lat, 50)), p99_ms=float(np.percentile(lat, 99)),
                   max_ms=float(lat.max()), first_error=failures[0] if failures else None)


async def _drive(base: str, endpoint: str, *, rate: float, duration: float,
                 timeout: float, ids: list[str] | None = None) -> Figures:
    raw = await _drive_raw(base, endpoint, rate=rate, duration=duration, timeout=timeout,
                           ids=ids)
    return _figures(endpoint, rate, duration, *raw)


def _client(base, endpoint, rate, duration, timeout, ids, delay, count, queue) -> None:
    queue.put(asyncio.run(_drive_raw(base, endpoint, rate=rate, duration=duration,
                                     timeout=timeout, ids=ids, delay=delay, count=count)))


def _drive_clients(base: str, endpoint: str, *, rate: float, duration: float, timeout: float,
                   ids: list[str], clients: int) -> Figures:
    """``clients`` client processes, each sending ``rate / clients`` requests/s, staggered
    so that together they keep the schedule of one client at ``rate``: one Python client
    cannot drive 200 requests/s on a busy 2-core machine without falling behind itself."""
    if clients <= 1:
        return asyncio.run(_drive(base, endpoint, rate=rate, duration=duration,
                                  timeout=timeout, ids=ids))
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    total = int(rate * duration)
    procs = [context.Process(target=_client, args=(base, endpoint, rate / clients, duration,
                                                   timeout, ids[k::clients], 1.0 + k / rate,
                                                   len(range(k, total, clients)), queue))
             for k in range(clients)]
    for proc in procs:
        proc.start()
    parts = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    latencies = [x for part in parts for x in part[0]]
    failures = [x for part in parts for x in part[1]]
    return _figures(endpoint, rate, duration, latencies, failures,
                    max(part[2] for part in parts), sum(part[3] for part in parts))


def _warm_up(base: str, endpoint: str, ids: list[str]) -> None:
    """A few requests first: each server process loads the spaCy model on its first
    analysis and opens its database connection on its first read."""
    method, path, build = ENDPOINTS[endpoint]
    fast, deadline, i = 0, time.monotonic() + 300, 0
    while fast < 12 and time.monotonic() < deadline:  # until every worker answers quickly
        start = time.perf_counter()
        httpx.request(method, f"{base}{path.replace('{id}', ids[i % len(ids)])}",
                      json=build(0) if build else None, timeout=120).raise_for_status()
        fast = fast + 1 if time.perf_counter() - start < 0.25 else 0
        i += 1


def _event_ids(db: Path, n: int = 20_000, seed: int = 1) -> list[str]:
    """``n`` event ids drawn at random from the store (read before the server starts)."""
    from flashpoint.store.connection import connect

    with connect(db, read_only=True) as con:
        return [r[0] for r in con.execute(
            f"SELECT id FROM events USING SAMPLE reservoir({int(n)} ROWS) "
            f"REPEATABLE ({int(seed)})").fetchall()]


class Ingest:
    """A real ``flashpoint ingest`` running beside the load, round after round over fresh
    copies of the articles in ``folder`` (so that every batch is new and commits)."""

    def __init__(self, db: Path, folder: Path, *, batch_size: int = 8) -> None:
        import threading

        self.db, self.folder, self.batch_size = db, folder, batch_size
        self.stop = threading.Event()
        self.stored = 0
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=600)

    def _loop(self) -> None:
        import json
        import uuid

        from flashpoint.readers import read_inputs

        texts = [a.text for a in read_inputs([str(self.folder)]) if getattr(a, "text", None)]
        work = Path(tempfile.mkdtemp(prefix="fp-ingest-"))
        while not self.stop.is_set():
            batch = work / f"{uuid.uuid4().hex}.jsonl"
            with batch.open("w", encoding="utf-8") as handle:
                for i, text in enumerate(texts):
                    handle.write(json.dumps({"id": f"{batch.stem}-{i}", "date": "2024-01-01",
                                             "text": f"{text}\n\nRef {batch.stem}-{i}."}) + "\n")
            proc = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "ingest",
                                     str(batch), "--db", str(self.db), "--batch-size",
                                     str(self.batch_size), "--quiet"],
                                    stdout=subprocess.DEVNULL)
            while proc.poll() is None:
                if self.stop.wait(0.2):  # the load is over: stop the ingest (kill-safe)
                    proc.kill()
                    proc.wait()
                    break
        self.stored = self._stored(work)

    def _stored(self, work: Path) -> int:
        """Articles this ingest stored (their origin is one of its files)."""
        from flashpoint.store.connection import connect

        with connect(self.db, read_only=True, wait=60) as con:
            return con.execute("SELECT count(*) FROM articles WHERE starts_with(origin, ?)",
                               [str(work)]).fetchone()[0]


class Probe:
    """Every ``every`` s, commit one marker article through the store (as ingest does) and
    time how long the server takes to show it: ``visible_ms``. Runs in its own process, like
    an ingest, so that its writing never slows the load client."""

    def __init__(self, db: Path, base: str, *, every: float = 2.0) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.stop = context.Event()
        self.results = context.Queue()
        self.process = context.Process(target=_probe_loop,
                                       args=(str(db), base, every, self.stop, self.results),
                                       daemon=True)
        self.visible_ms: list[float] = []
        self.failures: list[str] = []

    def __enter__(self):
        self.process.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.process.join(timeout=60)
        if self.process.is_alive():
            self.process.kill()
        while not self.results.empty():
            kind, value = self.results.get()
            (self.visible_ms if kind == "visible" else self.failures).append(value)


def _probe_loop(db: str, base: str, every: float, stop, results) -> None:
    from flashpoint.analytics.synthetic import EventSpec, build_store, make_analysis
    from flashpoint.store.rows import stored_article_id

    n = 0
    with httpx.Client(base_url=base, timeout=30) as client:
        while not stop.wait(every):
            n += 1
            analysis = make_analysis(f"probe-{os.getpid()}-{time.time_ns()}", "2024-01-02",
                                     [EventSpec(source="TUR", target="SYR")])
            aid = stored_article_id(analysis.article)  # the store's id: a hash of the text
            build_store(db, [analysis], recluster=False)
            committed = time.perf_counter()
            while time.perf_counter() - committed < 30:
                r = client.get("/events", params={"article_id": aid})
                if r.status_code == 200 and r.json()["total"] > 0:
                    results.put(("visible", (time.perf_counter() - committed) * 1000))
                    break
                time.sleep(0.05)
            else:
                results.put(("failure", f"probe {n} not visible after 30 s"))


def run(*, rate: float = 200, duration: float = 30, endpoints: tuple[str, ...] = ("events",
        "analyze"), events: int = 5000, timeout: float = 30, db: Path | None = None,
        server_args: tuple[str, ...] = (), ingest: Path | None = None,
        probe: float | None = None, clients: int = 4, on_result=None) -> list[Figures]:
    """Build a store of ``events`` synthetic events (unless ``db`` exists), serve it, and
    load each endpoint in turn at ``rate`` requests/s for ``duration`` seconds, with a real
    ``flashpoint ingest`` of ``ingest``'s articles beside it and a visibility probe every
    ``probe`` seconds, if given, from ``clients`` client processes. ``on_result(figures)``
    is called as each endpoint ends."""
    unknown = set(endpoints) - set(ENDPOINTS)
    if unknown or rate <= 0 or duration <= 0:
        raise SettingError(f"bad load settings: endpoints must be among {sorted(ENDPOINTS)} "
                           f"(got {sorted(unknown)}), rate and duration > 0")
    from flashpoint.analytics.synthetic import bulk_events

    db = db or Path(tempfile.mkdtemp(prefix="fp-load-")) / "load.duckdb"
    if not db.exists():
        bulk_events(db, events)
    ids = _event_ids(db)
    results = []
    with running_server(db, server_args=server_args) as (base, _):
        for endpoint in endpoints:
            _warm_up(base, endpoint, ids)
            with contextlib.ExitStack() as stack:
                writer = stack.enter_context(Ingest(db, ingest)) if ingest else None
                prober = stack.enter_context(Probe(db, base, every=probe)) if probe else None
                figures = _drive_clients(base, endpoint, rate=rate, duration=duration,
                                         timeout=timeout, ids=ids, clients=clients)
            if writer:
                figures.ingested = writer.stored
            if prober:
                figures.visible_ms = prober.visible_ms
                if prober.failures:
                    figures.errors += len(prober.failures)
                    figures.first_error = figures.first_error or prober.failures[0]
            results.append(figures)
            if on_result:
                on_result(figures)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200, help="requests/s (default 200)")
    parser.add_argument("--duration", type=float, default=30, help="seconds (default 30)")
    parser.add_argument("--endpoints", default="events,analyze",
                        help=f"comma-separated, among {','.join(ENDPOINTS)}")
    parser.add_argument("--events", type=int, default=5000, help="synthetic events stored")
    parser.add_argument("--db", type=Path, help="reuse this store (built if missing)")
    parser.add_argument("--server-args", default="",
                        help="more `flashpoint serve` options, e.g. '--workers 1' or "
                        "'--per-request-connections'")
    parser.add_argument("--ingest", type=Path, metavar="DIR",
                        help="run a real `flashpoint ingest` of copies of DIR's articles beside")
    parser.add_argument("--clients", type=int, default=4,
                        help="client processes sharing the rate (default 4)")
    parser.add_argument("--probe", type=float, metavar="SECONDS",
                        help="commit a marker article every SECONDS and time its visibility")
    args = parser.parse_args(argv)
    print(f"flashpoint load test on {HOST} (pid {os.getpid()}, {os.cpu_count()} CPUs)")
    run(rate=args.rate, duration=args.duration, db=args.db,
        server_args=tuple(args.server_args.split()), ingest=args.ingest, probe=args.probe,
        clients=args.clients,
        endpoints=tuple(args.endpoints.split(",")), events=args.events,
        on_result=lambda figures: print(figures.line(), flush=True))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
