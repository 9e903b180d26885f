"""The DuckDB store: schema and migrations, idempotent writes, queries, exports, read-only SQL.

Default database: ``$FLASHPOINT_DB``, else ``./flashpoint.duckdb``.

Concurrency: DuckDB allows one read-write process *or* many read-only ones per file. The
writer (ingest) opens the file only to commit a batch and closes it at once; readers (serve,
sql, export) open a read-only connection per request. Either side waits for a lock with
backoff (``connection.open_db(wait=...)``). See README.md in this folder.

For the analytics/API::

    from flashpoint.store import connect, EventFilter, query_events, get_event
    with connect(db, read_only=True) as con:
        page = query_events(con, EventFilter(country="IRN", since="2020-01-01"), limit=50)
"""

import importlib

# Loaded on first use (PEP 562), so that importing one light module of the store (names) or
# a command's parser does not load DuckDB and Arrow.
_HOME = {
    "DEFAULT_DB": "names", "DB_ENV": "names", "FORMATS": "names",
    "connect": "connection", "open_db": "connection", "resolve_db_path": "connection",
    "export_events": "export", "latest_version": "migrations", "migrate": "migrations",
    "EventFilter": "queries", "count_events": "queries", "get_cluster": "queries",
    "get_event": "queries", "list_actors": "queries", "list_errors": "queries",
    "list_quotes": "queries", "query_clusters": "queries", "query_events": "queries",
    "store_stats": "queries", "where_clause": "queries", "run_query": "sql", "run_sql": "sql",
    "write_rows": "writer",
}


def __getattr__(name: str):
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'flashpoint.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"flashpoint.store.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


__all__ = [
    "DEFAULT_DB", "DB_ENV", "FORMATS", "EventFilter", "connect", "count_events",
    "export_events", "get_cluster", "get_event", "latest_version", "list_actors",
    "list_errors", "list_quotes", "migrate", "open_db", "query_clusters", "query_events",
    "resolve_db_path", "run_query", "run_sql", "store_stats", "where_clause", "write_rows",
]
