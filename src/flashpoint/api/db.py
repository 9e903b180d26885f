"""Database access for the API: short read-only connections, and rare exclusive writes.

The store's concurrency design (``flashpoint.store.connection``): every request opens its
own read-only connection and closes it when done, so a concurrent ``flashpoint ingest``
(another process) can take the file for a batch commit between requests. Inside this one
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
from flashpoint.store.connection import connect, open_db


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
    """The store file behind one app: ``with db.read() as con`` / ``with db.write() as con``."""

    def __init__(self, path: str | os.PathLike, *, wait: float = 10.0) -> None:
        self.path = path
        self.wait = wait
        self.gate = Gate()

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.gate.reading(), connect(self.path, read_only=True, wait=self.wait) as con:
            yield con

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.gate.writing():
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
