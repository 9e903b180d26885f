"""Load on loopback: a real ``flashpoint serve`` and an open-loop asyncio client.

``python -m flashpoint.loadtest --rate 200 --duration 30`` builds a store of synthetic
events, starts the server on a free 127.0.0.1 port, and for each endpoint sends requests
at a fixed rate (open loop: request i is due at ``i / rate`` seconds whatever the earlier
ones did), then prints throughput, errors and p50/p99 latency per endpoint.

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
                   keep_alive: float = 0.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """``flashpoint serve`` on a free loopback port; yields (base URL, process)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    if token:
        env[TOKEN_ENV] = token
    proc = subprocess.Popen([sys.executable, "-m", "flashpoint.cli.main", "serve", "--db",
                             str(db), "--host", HOST, "--port", str(port), "--log-level",
                             log_level, "--keep-alive", str(keep_alive)], env=env)
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

    @property
    def throughput(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0

    def line(self) -> str:
        return (f"{self.endpoint:8s} {self.rate:6.0f}/s x {self.duration:.0f} s: "
                f"{self.sent} sent, {self.throughput:6.1f} ok/s, {self.errors} errors, "
                f"p50 {self.p50_ms:.0f} ms, p99 {self.p99_ms:.0f} ms, max {self.max_ms:.0f} ms"
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


async def _drive(base: str, endpoint: str, *, rate: float, duration: float,
                 timeout: float) -> Figures:
    method, path, build = ENDPOINTS[endpoint]
    n = int(rate * duration)
    latencies: list[float] = []
    failures: list[str] = []
    # Enough connections that the client never queues requests the server could take.
    limits = httpx.Limits(max_connections=512, max_keepalive_connections=512)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        start = time.perf_counter() + 0.2
        tasks = [asyncio.create_task(_one(client, method, path, build(i) if build else None,
                                          start + i / rate, latencies, failures))
                 for i in range(n)]
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - start
    lat = np.array(latencies or [0.0])
    return Figures(endpoint=endpoint, rate=rate, duration=duration, sent=n, ok=len(latencies),
                   errors=len(failures), elapsed=elapsed,
                   p50_ms=float(np.percentile(lat, 50)), p99_ms=float(np.percentile(lat, 99)),
                   max_ms=float(lat.max()), first_error=failures[0] if failures else None)


def _warm_up(base: str, endpoint: str) -> None:
    """One request first: the server loads the spaCy model on its first analysis."""
    method, path, build = ENDPOINTS[endpoint]
    httpx.request(method, f"{base}{path}", json=build(0) if build else None,
                  timeout=120).raise_for_status()


def run(*, rate: float = 200, duration: float = 30, endpoints: tuple[str, ...] = ("events",
        "analyze"), events: int = 5000, timeout: float = 30, db: Path | None = None,
        keep_alive: float = 0.0) -> list[Figures]:
    """Build a store of ``events`` synthetic events (unless ``db`` exists), serve it, and
    load each endpoint in turn at ``rate`` requests/s for ``duration`` seconds.
    ``keep_alive``: the server's ``--keep-alive`` (0, its default: a database connection
    per request, which costs ~30 ms of CPU and caps reads near 70/s on 2 cores)."""
    unknown = set(endpoints) - set(ENDPOINTS)
    if unknown or rate <= 0 or duration <= 0:
        raise SettingError(f"bad load settings: endpoints must be among {sorted(ENDPOINTS)} "
                           f"(got {sorted(unknown)}), rate and duration > 0")
    from flashpoint.analytics.synthetic import bulk_events

    db = db or Path(tempfile.mkdtemp(prefix="fp-load-")) / "load.duckdb"
    if not db.exists():
        bulk_events(db, events)
    results = []
    with running_server(db, keep_alive=keep_alive) as (base, _):
        for endpoint in endpoints:
            _warm_up(base, endpoint)
            results.append(asyncio.run(_drive(base, endpoint, rate=rate, duration=duration,
                                              timeout=timeout)))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200, help="requests/s (default 200)")
    parser.add_argument("--duration", type=float, default=30, help="seconds (default 30)")
    parser.add_argument("--endpoints", default="events,analyze",
                        help=f"comma-separated, among {','.join(ENDPOINTS)}")
    parser.add_argument("--events", type=int, default=5000, help="synthetic events stored")
    parser.add_argument("--db", type=Path, help="reuse this store (built if missing)")
    parser.add_argument("--keep-alive", type=float, default=0.0, metavar="SECONDS",
                        help="the server's --keep-alive (default 0: a connection per request)")
    args = parser.parse_args(argv)
    print(f"flashpoint load test on {HOST} (pid {os.getpid()}, {os.cpu_count()} CPUs)")
    for figures in run(rate=args.rate, duration=args.duration, db=args.db,
                       keep_alive=args.keep_alive,
                       endpoints=tuple(args.endpoints.split(",")), events=args.events):
        print(figures.line(), flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
