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
    """``with connect(db, read_only=True) as con:`` -- closed (lock released) on exit."""
    con = open_db(path, read_only=read_only, wait=wait)
    try:
        yield con
    finally:
        con.close()


def _connect_with_retry(db: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only)
        except duckdb.IOException as exc:
            if _is_lock_error(exc) and time.monotonic() < deadline:
                # Jitter so a reader and a writer retrying together do not stay in lock-step.
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 0.5)
                continue
            raise StoreError(_describe(db, exc)) from exc
        except duckdb.Error as exc:
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
