"""Database access for the API: a warm read-only connection that yields to writers.

The store's concurrency design (``flashpoint.store`` README): DuckDB lets one process hold a
file read-write or many hold it read-only, never both. Opening the file costs 15-45 ms, often
more than the query, so each server process keeps **one** read-only connection open (each
request its own cursor) and lets go of it whenever a writer asks: every writer
(``flashpoint ingest``, ``retry``, Dask, ``POST /articles``) holds the writer's intent lock
``<db>.writer`` (``flashpoint.store.connection.writer_intent``) while it wants or has the
file; a watcher thread probes that lock every ``poll`` seconds and, when it is taken, stops
new reads, lets the running ones finish, closes the connection and waits until the writer is
done, then reopens the file (seeing the commit) and bumps ``generation``, which is what the
response cache (``flashpoint.api.cache``) checks: answers cached before the write are served
while it runs (its commit is not there yet) and never after the reopen.

Inside this one process DuckDB adds a rule: the same file cannot be open read-only and
read-write at once. So ``POST /articles`` takes the readers-writer gate: reads share it, a
write waits for the running reads to finish (and new reads wait for the write).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from flashpoint.errors import StoreError
from flashpoint.store.connection import IntentWatch, open_db, writer_intent


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

    ``warm=True`` (default where ``fcntl`` exists): one read-only connection for the process,
    handed back to any writer that announces itself (see the module docstring); a writer
    waits at most ``poll`` seconds plus the longest running read. ``warm=False``: a
    read-only connection per request, closed when the request ends (for writers that do not
    use ``flashpoint.store``, at 15-45 ms more per request).
    """

    def __init__(self, path: str | os.PathLike, *, wait: float = 10.0, warm: bool = True,
                 poll: float = 0.05, threads: int | None = None) -> None:
        self.path = path
        self.threads = threads
        self.wait = wait
        self.warm = warm and IntentWatch.supported()
        self.poll = poll
        self.gate = Gate()
        self.generation = 0  # bumped whenever the connection closes: data may change then
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._intent = IntentWatch(path) if self.warm else None
        self._watcher: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def tracks_changes(self) -> bool:
        """True when ``generation`` changes before any other process's write is visible
        (warm mode), so answers may be cached per generation."""
        return self.warm

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
                if self.threads:  # the file's DuckDB instance in this process, not a config:
                    # other connections to the file here must not differ in configuration
                    self._con.execute(f"SET threads = {int(self.threads)}")
                if self.warm:
                    self._start_watcher()
            self._users += 1
            return self._con.cursor()

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users == 0 and not self.warm:
                self._close()

    def _close(self, *, bump: bool = True) -> None:  # holding self._lock, with no users
        if self._con is not None:
            self._con.close()
            self._con = None
            if bump:
                self.generation += 1

    def _start_watcher(self) -> None:
        if self._watcher is None or not self._watcher.is_alive():
            self._stop.clear()
            self._watcher = threading.Thread(target=self._watch, name="flashpoint-db-watch",
                                             daemon=True)
            self._watcher.start()

    def _watch(self) -> None:
        """Every ``poll`` s: if a writer wants the file, close the connection and hold new
        reads back until it is done (at most ``wait`` s; then reads retry on their own)."""
        while not self._stop.wait(self.poll):
            if self._con is None or not self._intent.wanted():
                continue
            with self.gate.writing():  # new reads wait; running ones finish first
                with self._lock:
                    # Not yet a new generation: until the writer is done its commit is not
                    # there, so answers cached before it are still right (and served).
                    self._close(bump=False)
                deadline = time.monotonic() + self.wait
                while self._intent.wanted() and time.monotonic() < deadline:
                    time.sleep(min(self.poll, 0.01))
                with self._lock:
                    try:  # reopen now, so that the commit is seen even if every read hits
                        self._con = open_db(self.path, read_only=True, wait=self.wait)
                        if self.threads:
                            self._con.execute(f"SET threads = {int(self.threads)}")
                    except Exception:  # the next read retries and reports it
                        self._con = None
                    self.generation += 1  # the writer is done: what was cached may be old

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.gate.writing():
            with self._lock:
                self._close()  # the gate guarantees no reader holds a cursor now
            with writer_intent(self.path, wait=self.wait):  # other processes let go too
                con = self._open_read_write()
                try:
                    yield con
                finally:
                    con.close()
                    with self._lock:
                        self.generation += 1

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
        self._stop.set()
        with self._lock:
            if self._users == 0:
                self._close()
        if self._intent is not None:
            self._intent.close()
