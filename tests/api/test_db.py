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
    db = Database(demo_db)
    with db.read() as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 10
    assert db._con is None  # closed: another process could write now
    duckdb.connect(str(demo_db)).close()  # and it can


def test_keep_alive_mode_shares_then_closes_when_idle(demo_db):
    db = Database(demo_db, keep_alive=0.1, max_hold=10)
    with db.read():
        pass
    first = db._con
    with db.read():
        assert db._con is first  # reused, no second open
    deadline = time.monotonic() + 5
    while db._con is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert db._con is None


def test_write_closes_the_shared_connection_first(fresh_db):
    db = Database(fresh_db, keep_alive=5, max_hold=10)
    with db.read():
        pass
    with db.write() as con:  # would fail if a read-only instance were still open
        con.execute("SELECT 1")
    with db.read() as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 10
    db.close()
