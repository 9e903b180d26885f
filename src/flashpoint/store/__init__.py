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

from flashpoint.store.connection import DEFAULT_DB, DB_ENV, connect, open_db, resolve_db_path
from flashpoint.store.export import FORMATS, export_events
from flashpoint.store.migrations import latest_version, migrate
from flashpoint.store.queries import (EventFilter, count_events, get_cluster, get_event,
                                      list_actors, list_errors, list_quotes, query_clusters,
                                      query_events, store_stats, where_clause)
from flashpoint.store.sql import run_query, run_sql
from flashpoint.store.writer import write_rows

__all__ = [
    "DEFAULT_DB", "DB_ENV", "FORMATS", "EventFilter", "connect", "count_events",
    "export_events", "get_cluster", "get_event", "latest_version", "list_actors",
    "list_errors", "list_quotes", "migrate", "open_db", "query_clusters", "query_events",
    "resolve_db_path", "run_query", "run_sql", "store_stats", "where_clause", "write_rows",
]
