"""Idempotent writes: one batch of rows is committed in one transaction, or not at all.

Upserts are ``INSERT OR IGNORE``: every key is a content hash, so a row that exists already
is the same row. A batch that dies half-way (SIGKILL, full disk) leaves nothing behind,
because DuckDB discards an uncommitted transaction when the file is next opened.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from flashpoint.errors import StoreError
from flashpoint.store.rows import ROW_SCHEMAS, TABLE_ORDER, Rows, dedupe, to_arrow


def existing_article_ids(con: duckdb.DuckDBPyConnection, candidates: Iterable[str]) -> set[str]:
    """Which of ``candidates`` are stored already (the skip test of a resumed ingest)."""
    wanted = sorted(set(candidates))
    if not wanted:
        return set()
    found = con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [wanted])
    return {r[0] for r in found.fetchall()}


def write_rows(con: duckdb.DuckDBPyConnection, rows: Rows) -> None:
    """Commit the rows of one batch (analyses and failures) atomically."""
    rows = dedupe(rows)
    stored = [r["id"] for r in rows.get("articles", [])]
    with transaction(con, failure=f"writing a batch of {len(stored)} article(s) failed, "
                                  "nothing of it was stored"):
        for table in TABLE_ORDER:
            _insert(con, table, rows.get(table, []))
        _record_errors(con, rows.get("ingest_errors", []))
        if stored:
            # An article that now succeeded is no longer a failure (the retry path).
            con.execute("DELETE FROM ingest_errors WHERE list_contains(?, article_id)", [stored])
            mark_clusters_stale(con)


def load_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Load one partition folder (``<table>.parquet`` files) in one transaction."""
    with transaction(con, failure=f"{folder}: loading the partition failed, nothing of it "
                                  "was stored"):
        for table in (*TABLE_ORDER, "ingest_errors"):
            path = folder / f"{table}.parquet"
            if not path.exists():
                continue
            if table == "ingest_errors":
                cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
                names = [d[0] for d in cursor.description]
                _record_errors(con, [dict(zip(names, r)) for r in cursor.fetchall()])
                continue
            con.execute(f"INSERT OR IGNORE INTO {table} BY NAME "  # table: our constant
                        "SELECT * FROM read_parquet(?)", [str(path)])
        mark_clusters_stale(con)


def mark_clusters_stale(con: duckdb.DuckDBPyConnection, *, stale: bool = True) -> None:
    con.execute("INSERT OR REPLACE INTO store_state VALUES ('clusters_stale', ?)",
                ["1" if stale else "0"])


def clusters_stale(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT value FROM store_state WHERE key = 'clusters_stale'").fetchone()
    return row is not None and row[0] == "1"


def _insert(con: duckdb.DuckDBPyConnection, table: str, table_rows: list[dict]) -> None:
    if not table_rows:
        return
    batch = to_arrow(table, table_rows)  # noqa: F841  (DuckDB reads the local by name)
    # ``table`` is one of our constant names, never input; values go through Arrow.
    con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM batch")


def _record_errors(con: duckdb.DuckDBPyConnection, errors: list[dict]) -> None:
    """Upsert failures: a repeated failure bumps ``attempts`` and keeps the latest reason."""
    for row in errors:
        con.execute(
            "INSERT INTO ingest_errors (key, article_id, origin, error_type, message, article) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
            "attempts = ingest_errors.attempts + 1, error_type = excluded.error_type, "
            "message = excluded.message, last_seen = now()",
            [row[c] for c in ROW_SCHEMAS["ingest_errors"].names])


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, *, failure: str) -> Iterator[None]:
    """All or nothing: commit the block, or roll back and raise StoreError("<failure>: ...")."""
    try:
        con.execute("BEGIN TRANSACTION")
        yield
        con.execute("COMMIT")
    except duckdb.Error as exc:
        rollback(con)
        raise StoreError(f"{failure}: {exc}") from exc


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is open; never hides the error that caused it."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # the transaction was never opened or is already gone; nothing to undo
