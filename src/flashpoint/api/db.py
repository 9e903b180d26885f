"""Database access for the API: short-lived read-only connections, rare exclusive writes.

The store's concurrency design (``flashpoint.store.connection``): readers hold the file
read-only only while they work, so a concurrent ``flashpoint ingest`` (another process) can
take it for a batch commit between requests (see :class:`Database`). Inside this one
process DuckDB adds a rule: the same file cannot be open read-only and read-write at once.
So ``POST /articles`` takes a readers-writer gate: reads share it, a write waits for the
running reads to finish (and new reads wait for the write, which is a few hundred ms).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from flashpoint.errors import StoreError
from flashpoint.store.connection import open_db


class Gate:
    """Many readers or one writer; a waiting writer holds back new readers (no starvation)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Database:
    """The store file behind one app: ``with db.read() as con`` / ``with db.write() as con``.

    Default (``keep_alive=0``): the store's design as documented, one read-only connection
    per request, closed when the request ends (concurrent requests share DuckDB's cached
    instance), so a concurrent ``flashpoint ingest`` finds the file free between requests.

    ``keep_alive > 0`` trades that for speed: opening a DuckDB file costs 15-40 ms, often
    more than the query, so reads share one connection (each request its own cursor) that
    is closed once no request uses it and either ``keep_alive`` seconds passed without a
    request or it has been open ``max_hold`` seconds. An ingest then commits at the next
    pause in traffic; under uninterrupted load it may wait (up to its own lock timeout).
    """

    def __init__(self, path: str | os.PathLike, *, wait: float = 10.0,
                 keep_alive: float = 0.0, max_hold: float = 2.0) -> None:
        self.path = path
        self.wait = wait
        self.keep_alive = keep_alive
        self.max_hold = max_hold
        self.gate = Gate()
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened = self._last = 0.0
        self._users = 0
        self._reaper: threading.Thread | None = None

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.gate.reading():
            cursor = self._acquire()
            try:
                yield cursor
            finally:
                cursor.close()
                self._release()

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._con is None:
                self._con = open_db(self.path, read_only=True, wait=self.wait)
                self._opened = time.monotonic()
                if self.keep_alive > 0:
                    self._start_reaper()
            self._users += 1
            return self._con.cursor()

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            self._last = time.monotonic()
            expired = self.keep_alive <= 0 or self._last - self._opened > self.max_hold
            if self._users == 0 and expired:
                self._close()

    def _close(self) -> None:  # holding self._lock, with no users
        if self._con is not None:
            self._con.close()
            self._con = None

    def _start_reaper(self) -> None:
        if self._reaper is None or not self._reaper.is_alive():
            self._reaper = threading.Thread(target=self._reap, name="flashpoint-db-reaper",
                                            daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        """Close the shared connection once idle for ``keep_alive`` seconds, then exit."""
        while True:
            time.sleep(self.keep_alive / 2)
            with self._lock:
                if self._con is None:
                    return
                if self._users == 0 and time.monotonic() - self._last >= self.keep_alive:
                    self._close()
                    return

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.gate.writing():
            with self._lock:
                self._close()  # the gate guarantees no reader holds a cursor now
            con = self._open_read_write()
            try:
                yield con
            finally:
                con.close()

    def _open_read_write(self) -> duckdb.DuckDBPyConnection:
        # Reads mounted by others (the dashboard) do not pass the gate; DuckDB then refuses
        # a read-write open in this process until they close. They are short: retry.
        deadline = time.monotonic() + self.wait
        while True:
            try:
                return open_db(self.path, wait=self.wait)
            except StoreError as exc:
                if "different configuration" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def ensure(self) -> None:
        """Create or migrate the database now (a write-enabled server at start-up)."""
        with self.write():
            pass

    def close(self) -> None:
        with self._lock:
            if self._users == 0:
                self._close()
