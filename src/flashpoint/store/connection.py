"""Opening the database: default path, short-lived connections, lock waits, clear errors.

Concurrency design (see README.md in this folder). DuckDB lets one process open a file
read-write, or any number of processes open it read-only, never both at once. So nobody
holds the file for long:

* the writer (``flashpoint ingest``/``retry``) does all NLP work with the file closed and
  opens it read-write only to commit one batch (a few hundred ms at most), then closes it;
* readers (``flashpoint serve``, ``sql``, ``export``) open a read-only connection per
  request/command and close it when done.

Whoever finds the file locked waits and retries with backoff (``wait`` seconds, default 30),
so a reader sees the store as of the last committed batch and ingest never fails because a
request happened to be running.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

try:
    import fcntl
except ImportError:  # pragma: no cover  (Windows)
    fcntl = None

from flashpoint.errors import StoreError
from flashpoint.store.migrations import applied_versions, latest_version, migrate
from flashpoint.store.names import DB_ENV, DEFAULT_DB  # re-exported

DEFAULT_WAIT = 30.0


def resolve_db_path(path: str | os.PathLike | None = None) -> Path:
    """``path``, else ``$FLASHPOINT_DB``, else ``./flashpoint.duckdb``."""
    return Path(path or os.environ.get(DB_ENV) or DEFAULT_DB)


def _is_lock_error(exc: duckdb.Error) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set" in text)


def open_db(path: str | os.PathLike | None = None, *, read_only: bool = False,
            wait: float = DEFAULT_WAIT) -> duckdb.DuckDBPyConnection:
    """A connection; read-write ones are migrated to the latest schema first.

    Raises StoreError naming the file for a missing (read-only), corrupt, foreign or
    still-locked database.
    """
    db = resolve_db_path(path)
    if read_only and not db.exists():
        raise StoreError(f"{db}: no database here; create it with `flashpoint ingest`")
    if not read_only and db.parent and not db.parent.exists():
        raise StoreError(f"{db}: folder {db.parent} does not exist")
    con = _connect_with_retry(db, read_only=read_only, wait=wait)
    try:
        if read_only:
            _check_version(con, db)
        else:
            migrate(con)
    except StoreError:
        con.close()
        raise
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"{db}: {exc}") from exc
    return con


@contextmanager
def connect(path: str | os.PathLike | None = None, *, read_only: bool = False,
            wait: float = DEFAULT_WAIT) -> Iterator[duckdb.DuckDBPyConnection]:
    """``with connect(db, read_only=True) as con:`` -- closed (lock released) on exit.

    A read-write connection first takes the writer's intent lock (:func:`writer_intent`),
    which tells servers holding warm read-only connections to let go of the file.
    """
    if read_only:
        con = open_db(path, read_only=True, wait=wait)
        try:
            yield con
        finally:
            con.close()
        return
    with writer_intent(path, wait=wait):
        con = open_db(path, wait=wait)
        try:
            yield con
        finally:
            con.close()


# -- the writer's intent ---------------------------------------------------------------------
INTENT_SUFFIX = ".writer"


def intent_path(path: str | os.PathLike | None = None) -> Path:
    """The lock file beside the database that a writer holds while it wants or has the file."""
    db = resolve_db_path(path)
    return db.with_name(db.name + INTENT_SUFFIX)


@contextmanager
def writer_intent(path: str | os.PathLike | None = None, *,
                  wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold ``<db>.writer`` exclusively (``flock``) for the block: one writer at a time, and
    readers that keep a warm connection (``flashpoint serve``) see the lock and close theirs
    within a poll interval (:class:`IntentWatch`). The kernel drops the lock when the
    process dies, so a killed ingest never leaves it behind. Without ``fcntl`` (Windows):
    no intent; servers there use a connection per request.
    """
    if fcntl is None or resolve_db_path(path).resolve() in _HELD:  # none, or already ours
        yield
        return
    lock = intent_path(path)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:  # a read-only folder: DuckDB cannot write there either, it will say so
        yield
        return
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(f"{resolve_db_path(path)}: database is locked by another "
                                     f"writer (still busy after waiting {wait:g} s)") from None
                time.sleep(0.01)
        _HELD.add(resolve_db_path(path).resolve())
        try:
            yield
        finally:
            _HELD.discard(resolve_db_path(path).resolve())
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


_HELD: set[Path] = set()  # databases whose intent this process holds (retry fast on them)


class IntentWatch:
    """A reader's view of the writer's intent: ``wanted()`` is True while a writer holds (or
    waits for) the database. One open file, one non-blocking ``flock`` probe per call."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.lock = intent_path(path)
        self._fd: int | None = None

    @staticmethod
    def supported() -> bool:
        return fcntl is not None

    def wanted(self) -> bool:
        if fcntl is None:
            return False
        if self._fd is None:
            try:
                self._fd = os.open(self.lock, os.O_RDONLY | os.O_CREAT, 0o666)
            except OSError:
                try:
                    self._fd = os.open(self.lock, os.O_RDONLY)
                except OSError:  # no lock file and none can be made: no writer uses it
                    return False
        try:
            fcntl.flock(self._fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        return False

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _connect_with_retry(db: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    delay = 0.02
    # A writer holding the intent knows readers are letting go within milliseconds: poll fast.
    intent = not read_only and db.resolve() in _HELD
    cap = 0.02 if intent else 0.5
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only)
        except duckdb.Error as exc:
            # A lock held by another process; with the intent held, also a warm read-only
            # connection of this process (a server in a thread) that is closing for us.
            waiting = (_is_lock_error(exc) if isinstance(exc, duckdb.IOException)
                       else intent and "different configuration" in str(exc))
            if waiting and time.monotonic() < deadline:
                # Jitter so a reader and a writer retrying together do not stay in lock-step.
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, cap)
                continue
            raise StoreError(_describe(db, exc)) from exc


def _describe(db: Path, exc: Exception) -> str:
    text = str(exc)
    if _is_lock_error(exc):
        return f"{db}: database is locked by another process (still busy after waiting): {text}"
    if "not a valid DuckDB database" in text or "Corrupt" in text or "corrupt" in text:
        return f"{db}: not a valid Flashpoint/DuckDB database file (corrupt or foreign): {text}"
    return f"{db}: cannot open database: {text}"


def _check_version(con: duckdb.DuckDBPyConnection, db: Path) -> None:
    versions = applied_versions(con)
    if not versions:
        raise StoreError(f"{db}: not a Flashpoint database (no schema_migrations table)")
    if max(versions) < latest_version():
        raise StoreError(f"{db}: schema version {max(versions)} is older than "
                         f"{latest_version()}; run `flashpoint ingest` once to migrate it")
