"""The API's database access: the readers-writer gate and the shared-connection mode."""

import threading
import time

import duckdb

from flashpoint.api.db import Database, Gate


def test_gate_lets_readers_share_and_writers_wait():
    gate, order = Gate(), []
    with gate.reading(), gate.reading():  # two readers at once
        writer = threading.Thread(target=lambda: gate.writing().__enter__() or order.append("w"))
        writer.start()
        time.sleep(0.05)
        order.append("r")  # the writer is still waiting for both readers
    writer.join(timeout=2)
    assert order == ["r", "w"]


def test_per_request_mode_closes_the_file(demo_db):
    db = Database(demo_db, warm=False)
    with db.read() as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 10
    assert db._con is None  # closed: another process could write now
    duckdb.connect(str(demo_db)).close()  # and it can
    assert not db.tracks_changes


def test_warm_mode_keeps_one_connection(demo_db):
    db = Database(demo_db)
    with db.read():
        pass
    first = db._con
    with db.read(), db.read():
        assert db._con is first  # reused, no second open
    assert db.tracks_changes and db.generation == 0
    db.close()


def test_warm_connection_yields_to_a_writer_and_sees_its_commit(fresh_db):
    from flashpoint.analytics.synthetic import EventSpec, build_store, make_analysis

    db = Database(fresh_db, poll=0.02)
    with db.read() as con:
        before = con.execute("SELECT count(*) FROM events").fetchone()[0]
    start = time.monotonic()
    # A writer through the store (what ingest does): it takes the intent lock, the watcher
    # closes the warm connection, the write proceeds.
    build_store(fresh_db, [make_analysis("new", "2020-02-01", [EventSpec(source="TUR",
                                                                         target="SYR")])])
    assert time.monotonic() - start < 5
    while db.generation < 1 and time.monotonic() - start < 5:  # the watcher reopens after it
        time.sleep(0.01)
    assert db.generation >= 1
    with db.read() as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == before + 1
    db.close()


def test_write_closes_the_shared_connection_first(fresh_db):
    db = Database(fresh_db)
    with db.read():
        pass
    generation = db.generation
    with db.write() as con:  # would fail if a read-only instance were still open
        con.execute("SELECT 1")
    assert db.generation > generation
    with db.read() as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 10
    db.close()
