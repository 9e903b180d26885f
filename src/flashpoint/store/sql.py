"""``flashpoint sql``: ad-hoc queries that cannot change the database.

Two locks: the connection is opened read-only (DuckDB itself refuses writes), and only
query statements are accepted, so ``COPY ... TO``, ``ATTACH`` or ``INSTALL`` never run.
"""

from __future__ import annotations

import os

import duckdb

from flashpoint.errors import StoreError
from flashpoint.store.connection import connect

_READ_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


def check_read_only(query: str) -> None:
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise StoreError(f"query does not parse: {exc}") from exc
    if not statements:
        raise StoreError("empty query")
    for statement in statements:
        if statement.type not in _READ_TYPES:
            raise StoreError(f"only read queries (SELECT, EXPLAIN, WITH ... SELECT) run here; "
                             f"got a {statement.type.name} statement")


def run_query(con: duckdb.DuckDBPyConnection, query: str,
              params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Run a checked read query on ``con``; returns (column names, rows)."""
    check_read_only(query)
    try:
        cursor = con.execute(query, params or [])
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc
    return [d[0] for d in cursor.description], cursor.fetchall()


def run_sql(query: str, *, db: str | os.PathLike | None = None,
            params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Open ``db`` read-only, run one read query, close."""
    check_read_only(query)
    with connect(db, read_only=True) as con:
        return run_query(con, query, params)
