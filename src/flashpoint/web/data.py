"""Read-only queries the dashboard needs and the REST API does not offer (yet).

* :func:`article_analysis`: a stored article rebuilt in docs/contract.md's analysis shape, so
  the browser renders stored articles and ``POST /analyze`` answers with one renderer;
* :func:`summary`: corpus counts and the latest articles for the overview;
* :func:`map_points`: events grouped by place, each with its latest events.

Quote sourcing comes from :func:`flashpoint.analytics.sourcing_stats`.

Every value is a bound parameter; filters reuse the store's :class:`EventFilter`.
"""

from __future__ import annotations

import json

import duckdb

from flashpoint.errors import NotFoundError
from flashpoint.store.queries import EventFilter, store_stats, where_clause

MAX_POINT_EVENTS = 25


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _span(start, end) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def article_analysis(con: duckdb.DuckDBPyConnection, article_id: str) -> dict:
    """The stored article with its actors, events, quotes and places (local ids, as analysed).

    Each record also carries ``store_id``, its id in the store (``/events/{id}`` takes it).
    """
    found = _dicts(con.execute("SELECT id, name, title, date, date_basis, source, url, text, "
                               "text_sha256 FROM articles WHERE id = ?", [article_id]))
    if not found:
        raise NotFoundError(f"no article with id {article_id!r}")
    art = found[0]
    actors = _dicts(con.execute(
        "SELECT aa.local_id, aa.role, aa.mentions, a.* FROM article_actors aa JOIN actors a "
        "ON a.id = aa.actor_id WHERE aa.article_id = ? ORDER BY aa.local_id", [article_id]))
    local_actor = {a["id"]: a["local_id"] for a in actors}
    places = _dicts(con.execute(
        "SELECT ap.local_id, ap.mentions, p.* FROM article_places ap JOIN places p "
        "ON p.id = ap.place_id WHERE ap.article_id = ? ORDER BY ap.local_id", [article_id]))
    local_place = {p["id"]: p["local_id"] for p in places}
    events = _dicts(con.execute("SELECT * FROM events WHERE article_id = ? "
                                "ORDER BY span_start, trigger_start", [article_id]))
    quotes = _dicts(con.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY span_start",
                                [article_id]))
    return {
        "schema_version": "1",
        "article": {"id": art["name"] or art["id"], "store_id": art["id"], "title": art["title"],
                    "date": art["date"], "date_basis": art["date_basis"],
                    "source": art["source"], "url": art["url"],
                    "text_sha256": art["text_sha256"], "text": art["text"]},
        "actors": [{"id": a["local_id"], "store_id": a["id"], "name": a["name"],
                    "type": a["type"], "country": a["country"], "sector": a["sector"],
                    "code": a["code"], "role": a["role"],
                    "mentions": json.loads(a["mentions"] or "[]")} for a in actors],
        "events": [_event(e, local_actor, local_place) for e in events],
        "quotes": [_quote(q, local_actor) for q in quotes],
        "places": [{"id": p["local_id"], "store_id": p["id"], "name": p["name"],
                    "kind": p["kind"], "country": p["country"], "lat": p["lat"],
                    "lon": p["lon"], "geonameid": p["geonameid"],
                    "mentions": json.loads(p["mentions"] or "[]")} for p in places],
    }


def _ref(e: dict, role: str, local_actor: dict) -> dict | None:
    if e[f"{role}_name"] is None:
        return None
    gid = e[f"{role}_actor_id"]
    return {"actor": local_actor.get(gid), "name": e[f"{role}_name"],
            "country": e[f"{role}_country"], "sector": e[f"{role}_sector"],
            "code": e[f"{role}_code"]}


def _event(e: dict, local_actor: dict, local_place: dict) -> dict:
    loc = None
    if e["location_name"] is not None:
        loc = {"place": local_place.get(e["location_place_id"]), "name": e["location_name"],
               "country": e["location_country"], "lat": e["location_lat"],
               "lon": e["location_lon"], "basis": e["location_basis"]}
    return {
        "id": e["local_id"] or e["id"], "store_id": e["id"],
        "source": _ref(e, "source", local_actor), "target": _ref(e, "target", local_actor),
        "cameo": e["cameo"], "root": e["root"], "plover": e["plover"], "mode": e["mode"],
        "context": list(e["context"] or []), "quad_class": e["quad_class"],
        "goldstein": e["goldstein"], "intensity": e["intensity"], "negated": e["negated"],
        "hypothetical": e["hypothetical"], "date": e["date"], "fatalities": e["fatalities"],
        "injured": e["injured"], "location": loc, "sentence": e["sentence"],
        "span": _span(e["span_start"], e["span_end"]), "trigger": e["trigger"],
        "trigger_span": _span(e["trigger_start"], e["trigger_end"]), "rule": e["rule"],
        "modality_cue": e["modality_cue"], "confidence": e.get("confidence")}


def _quote(q: dict, local_actor: dict) -> dict:
    speaker = None
    if q["speaker_text"] is not None or q["speaker_name"] is not None:
        speaker = {"actor": local_actor.get(q["speaker_actor_id"]), "text": q["speaker_text"],
                   "name": q["speaker_name"], "span": _span(q["speaker_start"], q["speaker_end"]),
                   "anonymous": bool(q["anonymous"]), "country": q["speaker_country"],
                   "sector": q["speaker_sector"]}
    return {"id": q["local_id"] or q["id"], "store_id": q["id"], "text": q["text"],
            "span": _span(q["span_start"], q["span_end"]), "direct": q["direct"],
            "speaker": speaker, "cue": q["cue"], "rule": q["rule"]}


def summary(con: duckdb.DuckDBPyConnection, *, top: int = 10) -> dict:
    """Counts, the date range, modality and quad-class totals, the latest articles."""
    stats = store_stats(con)
    span = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    quad = dict(con.execute("SELECT quad_class, count(*) FROM events GROUP BY 1").fetchall())
    modality = _dicts(con.execute(
        "SELECT count(*) FILTER (WHERE NOT negated AND NOT hypothetical) AS asserted, "
        "count(*) FILTER (WHERE negated) AS negated, "
        "count(*) FILTER (WHERE hypothetical) AS hypothetical FROM events"))[0]
    articles = _dicts(con.execute(
        "SELECT id, name, title, date, source, n_events FROM articles "
        "ORDER BY date DESC NULLS LAST, ingested_at DESC, id LIMIT ?", [top]))
    # Undated articles' events take whatever years their text names, which stretches the
    # period; the overview says how many there are next to it.
    undated = con.execute("SELECT count(*) FROM articles WHERE date IS NULL").fetchone()[0]
    return {**stats, "first_date": span[0], "last_date": span[1], "undated_articles": undated,
            "events_by_quad": {str(k): v for k, v in quad.items()}, "modality": modality,
            "latest_articles": articles}


def map_points(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None) -> dict:
    """Events with coordinates grouped by place (rounded to 0.1 degree)."""
    where, params = where_clause(filters or EventFilter())
    placed = "e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
    where = f"{where} AND {placed}" if where else f" WHERE {placed}"
    points = _dicts(con.execute(
        "SELECT round(e.location_lat, 1) AS lat, round(e.location_lon, 1) AS lon, "
        "mode(e.location_name) AS name, mode(e.location_country) AS country, "
        "count(*) AS n, count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict, "
        "count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation, "
        "list({'id': e.id, 'date': e.date, 'source': e.source_name, "
        "'target': e.target_name, 'cameo': e.cameo, 'quad_class': e.quad_class, "
        "'negated': e.negated, 'hypothetical': e.hypothetical, 'sentence': e.sentence} "
        f"ORDER BY e.date DESC NULLS LAST, e.id)[1:{MAX_POINT_EVENTS}] AS events "
        f"FROM events e{where} GROUP BY 1, 2 ORDER BY n DESC", params))
    unplaced_where, unplaced_params = where_clause(filters or EventFilter())
    unplaced_sql = f"NOT ({placed})"
    unplaced_where = (f"{unplaced_where} AND {unplaced_sql}" if unplaced_where
                      else f" WHERE {unplaced_sql}")
    unplaced = con.execute(f"SELECT count(*) FROM events e{unplaced_where}",
                           unplaced_params).fetchone()[0]
    return {"points": points, "unplaced": unplaced}
