import subprocess
import sys
import time

import pytest

from flashpoint.errors import StoreError
from flashpoint.store.connection import connect, resolve_db_path
from flashpoint.store.sql import check_read_only, run_sql


def test_default_path(monkeypatch):
    monkeypatch.delenv("FLASHPOINT_DB", raising=False)
    assert str(resolve_db_path()) == "flashpoint.duckdb"
    monkeypatch.setenv("FLASHPOINT_DB", "/data/x.duckdb")
    assert str(resolve_db_path()) == "/data/x.duckdb"
    assert str(resolve_db_path("y.duckdb")) == "y.duckdb"


def test_missing_and_corrupt_files_are_named(tmp_path):
    with pytest.raises(StoreError, match="no database here"):
        run_sql("SELECT 1", db=tmp_path / "none.duckdb")
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 500)
    with pytest.raises(StoreError, match="bad.duckdb"):
        with connect(bad):
            pass
    assert bad.read_bytes() == b"this is not a database" * 500  # untouched


@pytest.mark.parametrize("query", ["DELETE FROM events", "DROP TABLE events",
                                   "COPY events TO 'x.csv'", "ATTACH 'x.db'",
                                   "SELECT 1; DELETE FROM events", "INSTALL httpfs"])
def test_sql_refuses_writes(query):
    with pytest.raises(StoreError, match="only read queries"):
        check_read_only(query)


def test_sql_reads(tmp_path):
    db = tmp_path / "s.duckdb"
    with connect(db):
        pass
    cols, rows = run_sql("SELECT count(*) AS n FROM events WHERE root = ?", db=db,
                         params=["19"])
    assert cols == ["n"] and rows == [(0,)]


HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def test_a_reader_waits_for_a_short_write_and_names_a_long_one(tmp_path):
    db = tmp_path / "l.duckdb"
    with connect(db):
        pass
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), "1.5"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    start = time.monotonic()
    with connect(db, read_only=True, wait=20) as con:  # waits out the writer
        assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)
    assert time.monotonic() - start > 0.5
    holder.wait()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), "5"],
                              stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    try:
        with pytest.raises(StoreError, match="locked by another process"):
            with connect(db, read_only=True, wait=0.3):
                pass
    finally:
        holder.kill()
        holder.wait()
