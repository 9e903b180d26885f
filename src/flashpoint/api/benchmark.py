"""Latency of the read routes against a running server (the 1,000,000-event benchmark).

``python -m flashpoint.api.benchmark --events 1000000`` builds a synthetic store
(``flashpoint.analytics.synthetic.bulk_events``), starts ``flashpoint serve`` on a free
loopback port, sends each query ``repeats`` times in sequence and prints p50/p95 in ms.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np

QUERIES = {
    "/events (no filter)": ("/events", {"limit": 50}),
    "/events country+date": ("/events", {"country": "IRN", "since": "2021-01-01",
                                         "until": "2021-03-31", "limit": 50}),
    "/events actor+code+asserted": ("/events", {"actor": "Iran", "code": "19",
                                                "modality": "asserted", "limit": 50}),
    "/events deep page": ("/events", {"country": "USA", "offset": 5000, "limit": 100}),
    "/dyads/USA/IRN/series day": ("/dyads/USA/IRN/series", {}),
    "/dyads/USA/IRN/series week 2021": ("/dyads/USA/IRN/series",
                                        {"freq": "week", "since": "2021-01-01",
                                         "until": "2021-12-31"}),
    "/dyads/USA/IRN/series directed": ("/dyads/USA/IRN/series", {"directed": "true"}),
}


def measure(base: str, *, repeats: int = 50, warmup: int = 3) -> dict:
    """``{label: {"p50_ms", "p95_ms", "max_ms"}}`` for :data:`QUERIES`."""
    out = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for label, (path, params) in QUERIES.items():
            for _ in range(warmup):
                client.get(path, params=params).raise_for_status()
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                client.get(path, params=params).raise_for_status()
                times.append((time.perf_counter() - start) * 1000)
            out[label] = {"p50_ms": round(float(np.percentile(times, 50)), 1),
                          "p95_ms": round(float(np.percentile(times, 95)), 1),
                          "max_ms": round(max(times), 1)}
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*, events: int, repeats: int, db: Path | None = None,
        server_args: tuple[str, ...] = ()) -> dict:
    """``server_args``: extra ``flashpoint serve`` options (``--per-request-connections``:
    every request opens the file, the query cost without warm connection or answer cache)."""
    from flashpoint.analytics.synthetic import bulk_events

    folder = Path(tempfile.mkdtemp(prefix="fp-bench-"))
    db = db or folder / "bench.duckdb"
    if not db.exists():
        bulk_events(db, events)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "FLASHPOINT_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", str(db),
                             "--port", str(port), "--log-level", "warning", "--workers", "1",
                             *server_args], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc)
        return {"events": events, "repeats": repeats, "server_args": list(server_args),
                "latency": measure(base, repeats=repeats)}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise RuntimeError("server did not start within 120 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--db", type=Path, help="reuse this store (built if missing)")
    parser.add_argument("--per-request-connections", action="store_true",
                        help="the server opens the file per request (no warm connection, "
                        "no answer cache): the queries' own cost")
    args = parser.parse_args(argv)
    print(json.dumps(run(events=args.events, repeats=args.repeats, db=args.db,
                         server_args=("--per-request-connections",)
                         if args.per_request_connections else ()), indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
