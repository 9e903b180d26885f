"""Read queries for the analytics and the API; every value is a bound parameter.

All functions take an open connection (``with connect(db, read_only=True) as con``) and
return plain dicts/lists ready for JSON. Filters are one typed record, :class:`EventFilter`,
shared by ``/events``, ``flashpoint export`` and the analytics.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

import duckdb

from flashpoint.errors import NotFoundError, SettingError

MODALITIES = ("asserted", "negated", "hypothetical", "any")
MAX_LIMIT = 10_000


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """Which events: every field is optional and they combine with AND."""

    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    actor: str | None = None  # actor id, or a case-insensitive part of a source/target name
    country: str | None = None  # ISO3 of source or target
    source_country: str | None = None
    target_country: str | None = None
    code: str | None = None  # CAMEO code prefix: "19" matches 190..196
    root: str | None = None  # CAMEO root, exact
    plover: str | None = None
    quad_class: int | None = None
    modality: str = "any"  # asserted | negated | hypothetical | any
    article_id: str | None = None
    cluster_id: str | None = None

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise SettingError(f"modality {self.modality!r} is not one of {', '.join(MODALITIES)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise SettingError(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def where_clause(f: EventFilter, alias: str = "e") -> tuple[str, list]:
    """SQL ``WHERE ...`` (or empty) and its parameters, for ``events AS alias``."""
    a = alias
    parts: list[str] = []
    params: list = []

    def add(sql: str, *values) -> None:
        parts.append(sql)
        params.extend(values)

    if f.since:
        add(f"{a}.date >= CAST(? AS DATE)", f.since)
    if f.until:
        add(f"{a}.date <= CAST(? AS DATE)", f.until)
    if f.actor:
        add(f"({a}.source_actor_id = ? OR {a}.target_actor_id = ? OR "
            f"{a}.source_name ILIKE ? OR {a}.target_name ILIKE ?)",
            f.actor, f.actor, f"%{_escape_like(f.actor)}%", f"%{_escape_like(f.actor)}%")
    if f.country:
        add(f"({a}.source_country = ? OR {a}.target_country = ?)", f.country.upper(),
            f.country.upper())
    if f.source_country:
        add(f"{a}.source_country = ?", f.source_country.upper())
    if f.target_country:
        add(f"{a}.target_country = ?", f.target_country.upper())
    if f.code:
        add(f"starts_with({a}.cameo, ?)", f.code)
    if f.root:
        add(f"{a}.root = ?", f.root.zfill(2))
    if f.plover:
        add(f"{a}.plover = ?", f.plover.upper())
    if f.quad_class is not None:
        add(f"{a}.quad_class = ?", f.quad_class)
    if f.modality == "asserted":
        add(f"NOT {a}.negated AND NOT {a}.hypothetical")
    elif f.modality == "negated":
        add(f"{a}.negated")
    elif f.modality == "hypothetical":
        add(f"{a}.hypothetical")
    if f.article_id:
        add(f"{a}.article_id = ?", f.article_id)
    if f.cluster_id:
        add(f"{a}.id IN (SELECT event_id FROM event_cluster_members WHERE cluster_id = ?)",
            f.cluster_id)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_LIMIT:
        raise SettingError(f"limit {limit} must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise SettingError(f"offset {offset} must be >= 0")
    return limit, offset


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def query_events(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None, *,
                 limit: int = 100, offset: int = 0) -> list[dict]:
    """One page of events (every ``events`` column plus ``cluster_id``), newest first."""
    limit, offset = _page(limit, offset)
    where, params = where_clause(filters or EventFilter())
    sql = ("SELECT e.*, m.cluster_id FROM events e "
           "LEFT JOIN event_cluster_members m ON m.event_id = e.id"
           f"{where} ORDER BY e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?")
    return _dicts(con.execute(sql, [*params, limit, offset]))


def count_events(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None) -> int:
    where, params = where_clause(filters or EventFilter())
    return con.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict:
    """One event with its evidence: article, actors, place, and its cluster's other reports."""
    # Point look-ups by key, one table each: DuckDB then uses the key indexes (a join
    # here would scan the 1,000,000-row members table: 5 ms instead of 1.5).
    rows = _dicts(con.execute("SELECT * FROM events WHERE id = ?", [event_id]))
    if not rows:
        raise NotFoundError(f"no event with id {event_id!r}")
    event = rows[0]
    member = con.execute("SELECT cluster_id FROM event_cluster_members WHERE event_id = ?",
                         [event_id]).fetchone()
    event["cluster_id"] = member[0] if member else None
    event["article"] = _dicts(con.execute(
        "SELECT id, name, title, date, source, url, origin FROM articles WHERE id = ?",
        [event["article_id"]]))[0]
    event["actors"] = _dicts(con.execute(
        "SELECT ea.role, ea.span_start, ea.span_end, a.* FROM event_actors ea "
        "JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY ea.role",
        [event_id]))
    event["places"] = _dicts(con.execute(
        "SELECT ep.basis, p.* FROM event_places ep JOIN places p ON p.id = ep.place_id "
        "WHERE ep.event_id = ?", [event_id]))
    event["cluster"] = get_cluster(con, event["cluster_id"]) if event["cluster_id"] else None
    return event


def get_cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> dict:
    """A de-duplicated real-world event with every evidence sentence that reports it."""
    rows = _dicts(con.execute("SELECT * FROM event_clusters WHERE id = ?", [cluster_id]))
    if not rows:
        raise NotFoundError(f"no event cluster with id {cluster_id!r}")
    cluster = rows[0]
    # What the cluster_evidence view gives, in two key look-ups (half the time on a big store).
    ids = [r[0] for r in con.execute("SELECT event_id FROM event_cluster_members "
                                     "WHERE cluster_id = ?", [cluster_id]).fetchall()]
    marks = ", ".join("?" * len(ids))
    cluster["evidence"] = _dicts(con.execute(
        f"SELECT * FROM evidence WHERE event_id IN ({marks}) "
        "ORDER BY article_date NULLS LAST, article_id, span_start", ids)) if ids else []
    return cluster


def query_clusters(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None, *,
                   min_articles: int = 1, limit: int = 100, offset: int = 0) -> list[dict]:
    """Clusters having at least one member event that matches ``filters``; most reported first."""
    limit, offset = _page(limit, offset)
    where, params = where_clause(filters or EventFilter())
    sql = ("SELECT c.* FROM event_clusters c WHERE c.article_count >= ? AND c.id IN "
           "(SELECT m.cluster_id FROM event_cluster_members m JOIN events e ON e.id = m.event_id"
           f"{where}) ORDER BY c.article_count DESC, c.mention_count DESC, c.id "
           "LIMIT ? OFFSET ?")
    return _dicts(con.execute(sql, [min_articles, *params, limit, offset]))


def list_actors(con: duckdb.DuckDBPyConnection, *, name: str | None = None,
                country: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """Actors with how many articles mention them and how many events they take part in."""
    limit, offset = _page(limit, offset)
    parts, params = [], []
    if name:
        parts.append("a.name ILIKE ?")
        params.append(f"%{_escape_like(name)}%")
    if country:
        parts.append("a.country = ?")
        params.append(country.upper())
    where = (" WHERE " + " AND ".join(parts)) if parts else ""
    sql = ("SELECT a.*, "
           "(SELECT count(*) FROM article_actors x WHERE x.actor_id = a.id) AS n_articles, "
           "(SELECT count(*) FROM event_actors y WHERE y.actor_id = a.id) AS n_events "
           f"FROM actors a{where} ORDER BY n_events DESC, n_articles DESC, a.id "
           "LIMIT ? OFFSET ?")
    return _dicts(con.execute(sql, [*params, limit, offset]))


def list_quotes(con: duckdb.DuckDBPyConnection, *, article_id: str | None = None,
                speaker: str | None = None, anonymous: bool | None = None,
                limit: int = 100, offset: int = 0) -> list[dict]:
    limit, offset = _page(limit, offset)
    parts, params = [], []
    if article_id:
        parts.append("q.article_id = ?")
        params.append(article_id)
    if speaker:
        parts.append("(q.speaker_actor_id = ? OR q.speaker_name ILIKE ?)")
        params.extend([speaker, f"%{_escape_like(speaker)}%"])
    if anonymous is not None:
        parts.append("q.anonymous = ?")
        params.append(anonymous)
    where = (" WHERE " + " AND ".join(parts)) if parts else ""
    sql = (f"SELECT q.*, a.date AS article_date FROM quotes q JOIN articles a "
           f"ON a.id = q.article_id{where} ORDER BY a.date DESC NULLS LAST, q.id LIMIT ? OFFSET ?")
    return _dicts(con.execute(sql, [*params, limit, offset]))


def list_errors(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return _dicts(con.execute("SELECT key, article_id, origin, error_type, message, attempts, "
                              "first_seen, last_seen FROM ingest_errors ORDER BY origin"))


def store_stats(con: duckdb.DuckDBPyConnection) -> dict:
    """Row counts per table and events per CAMEO root (the ingest summary)."""
    tables = ("articles", "actors", "places", "events", "quotes", "event_clusters",
              "ingest_errors")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    roots = dict(con.execute("SELECT root, count(*) FROM events GROUP BY root ORDER BY root")
                 .fetchall())
    return {"counts": counts, "events_by_root": roots}


FILTER_FIELDS = tuple(f.name for f in fields(EventFilter))
