"""SIGKILL a real ``flashpoint serve`` while it stores articles (POST /articles).

After each kill the database must open and pass an integrity check, and sending the same
writes again must end with exactly the rows of an uninterrupted run (the approach of
tests/corpus/test_resume.py, for the server's write path).
"""

from __future__ import annotations

import random
import signal
import threading
import time

import duckdb
import httpx
import pytest

from flashpoint.loadtest import running_server

TOKEN = "crash-test-token"
TABLES = ("articles", "events", "event_actors", "actors", "quotes", "places",
          "event_clusters", "ingest_errors")
# Rows that must point at an existing row: (table, column, parent table, parent column).
LINKS = (("events", "article_id", "articles", "id"), ("quotes", "article_id", "articles", "id"),
         ("event_actors", "event_id", "events", "id"),
         ("article_actors", "article_id", "articles", "id"))


def batches(n_requests: int = 8, per_request: int = 3) -> list[list[dict]]:
    """Own sentences, varied so every article has its own content hash."""
    actors = ["Ruritania", "Borduria", "Syldavia", "Iran", "Iraq", "Turkey", "Russia", "India"]
    out = []
    for r in range(n_requests):
        batch = []
        for k in range(per_request):
            i = r * per_request + k
            a, b = actors[i % 8], actors[(i * 3 + 1) % 8]
            batch.append({"id": f"a{i:03d}", "date": "2021-05-01", "text":
                          f"{a} accused {b} of violating the ceasefire on day {i}.\n\n"
                          f"Officials in {b} denied the claim and called for talks, "
                          f"report {i} said."})
        out.append(batch)
    return out


def send_all(base: str, stop: threading.Event | None = None) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=base, timeout=120) as client:
        for batch in batches():
            if stop is not None and stop.is_set():
                return
            try:
                client.post("/articles", json={"articles": batch},
                            headers=headers).raise_for_status()
            except httpx.TransportError:
                return  # the server was killed under us: expected


def integrity(db) -> dict[str, int]:
    """Open read-write, checkpoint, count rows, check links; returns the row counts."""
    con = duckdb.connect(str(db))
    try:
        assert con.execute("PRAGMA database_size").fetchall()
        con.execute("CHECKPOINT")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        for table, column, parent, key in LINKS:
            orphans = con.execute(
                f"SELECT count(*) FROM {table} c LEFT JOIN {parent} p ON c.{column} = p.{key} "
                f"WHERE p.{key} IS NULL").fetchone()[0]
            assert orphans == 0, f"{orphans} rows of {table} point at no {parent}"
        ids = {r[0] for r in con.execute("SELECT name FROM articles").fetchall()}
        assert counts["articles"] == len(ids)
    finally:
        con.close()
    return counts


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Row counts and duration of an uninterrupted run."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    start = time.monotonic()
    with running_server(db, token=TOKEN) as (base, _):
        send_all(base)
    seconds = time.monotonic() - start
    counts = integrity(db)
    assert counts["articles"] == 24 and counts["events"] > 0 and counts["ingest_errors"] == 0
    return counts, seconds


def kill_and_rerun(tmp_path, reference, fraction: float, k: int) -> None:
    expected, seconds = reference
    db = tmp_path / f"killed{k}.duckdb"
    killed_at = seconds * fraction
    with running_server(db, token=TOKEN) as (base, proc):
        stop = threading.Event()
        writer = threading.Thread(target=send_all, args=(base, stop))
        writer.start()
        time.sleep(killed_at)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        writer.join(timeout=60)
    integrity(db)  # the killed store opens and is consistent
    with running_server(db, token=TOKEN) as (base, _):
        send_all(base)
    assert integrity(db) == expected, f"kill {k} at {fraction:.0%} ({killed_at:.1f} s)"


@pytest.mark.slow
@pytest.mark.parametrize("k", range(10))
def test_sigkill_server_under_writes_then_rerun(tmp_path, reference, k):
    # Seeded per run: a failure names the kill point, and it can be replayed.
    fraction = random.Random(1000 + k).uniform(0.05, 1.0)
    kill_and_rerun(tmp_path, reference, fraction, k)
