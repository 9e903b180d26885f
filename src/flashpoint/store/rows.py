"""Analysis -> table rows with content-hash ids; the one place the schema is flattened.

Pure functions: the in-process writer, the worker pool and the Dask workers all call
:func:`analysis_rows`, so every path stores exactly the same rows. ``ROW_SCHEMAS`` gives the
Arrow type of each column (a test checks it against the DuckDB tables after migration), so
batches and Parquet partitions have a fixed schema even when a column is all null.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable

import pyarrow as pa

from flashpoint.errors import FlashpointError, InputError
from flashpoint.schema import Actor, ActorRef, Analysis, Article, Event, Place, Quote
from flashpoint.store import ids

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
D = pa.date32()

ROW_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", S), ("name", S), ("title", S), ("date", D), ("source", S), ("url", S),
        ("origin", S), ("text_sha256", S), ("text", S), ("n_chars", I), ("n_events", I),
        ("repairs", I), ("sourcing", S), ("errors", S), ("date_basis", S)]),
    "actors": pa.schema([("id", S), ("name", S), ("type", S), ("country", S), ("sector", S),
                         ("code", S), ("entry", S)]),
    "article_actors": pa.schema([("article_id", S), ("local_id", S), ("actor_id", S),
                                 ("role", S), ("mentions", S)]),
    "places": pa.schema([("id", S), ("name", S), ("kind", S), ("country", S), ("lat", F),
                         ("lon", F), ("geonameid", I)]),
    "article_places": pa.schema([("article_id", S), ("local_id", S), ("place_id", S),
                                 ("mentions", S)]),
    "events": pa.schema([
        ("id", S), ("article_id", S), ("local_id", S), ("date", D), ("date_raw", S),
        ("date_precision", S), ("date_basis", S),
        ("source_actor_id", S), ("source_name", S), ("source_country", S),
        ("source_sector", S), ("source_code", S),
        ("target_actor_id", S), ("target_name", S), ("target_country", S),
        ("target_sector", S), ("target_code", S),
        ("cameo", S), ("root", S), ("plover", S), ("mode", S), ("context", pa.list_(S)),
        ("quad_class", I), ("goldstein", F), ("intensity", F), ("negated", B),
        ("hypothetical", B), ("fatalities", I), ("injured", I),
        ("location_place_id", S), ("location_name", S), ("location_country", S),
        ("location_lat", F), ("location_lon", F), ("location_basis", S),
        ("sentence", S), ("span_start", I), ("span_end", I), ("trigger", S),
        ("trigger_start", I), ("trigger_end", I), ("rule", S), ("modality_cue", S),
        ("confidence", F)]),
    "event_actors": pa.schema([("event_id", S), ("role", S), ("actor_id", S),
                               ("span_start", I), ("span_end", I)]),
    "event_places": pa.schema([("event_id", S), ("place_id", S), ("basis", S)]),
    "quotes": pa.schema([
        ("id", S), ("article_id", S), ("local_id", S), ("text", S), ("span_start", I),
        ("span_end", I), ("direct", B), ("speaker_text", S), ("speaker_name", S),
        ("speaker_actor_id", S), ("speaker_start", I), ("speaker_end", I), ("anonymous", B),
        ("speaker_country", S), ("speaker_sector", S), ("cue", S), ("rule", S)]),
    "ingest_errors": pa.schema([("key", S), ("article_id", S), ("origin", S),
                                ("error_type", S), ("message", S), ("article", S)]),
}

# Parents before children, so a reader never sees an event whose article is missing.
TABLE_ORDER = ("articles", "actors", "places", "article_actors", "article_places", "events",
               "event_actors", "event_places", "quotes")

Rows = dict[str, list[dict]]


def empty_rows() -> Rows:
    return {table: [] for table in ROW_SCHEMAS}


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=ROW_SCHEMAS[table])


def stored_article_id(article: Article) -> str:
    return ids.article_id(article.text, article.url)


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_date(value: str | None, origin: str) -> dt.date | None:
    """ISO date (a datetime's date part is accepted); anything else is the input's error."""
    return parse_partial_date(value, origin)[0]


def parse_partial_date(value: str | None, origin: str) -> tuple[dt.date | None, str | None]:
    """``(first day, precision)`` of "2020-01-03" (day), "2020-01" (month) or "2020" (year).

    The extractors resolve "in March 2018" to "2018-03"; ``date`` keeps the first day so
    range filters work, ``date_precision`` says how much of it is known.

    >>> parse_partial_date("2018-03", "x")
    (datetime.date(2018, 3, 1), 'month')
    """
    if value in (None, ""):
        return None, None
    text = str(value)
    try:
        partial = _PARTIAL.match(text)
        if partial:
            year, month = partial.groups()
            return dt.date(int(year), int(month or 1), 1), "month" if month else "year"
        return dt.date.fromisoformat(text[:10]), "day"
    except ValueError:
        raise InputError(origin, f"date {value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM "
                                 "or YYYY)") from None


def analysis_rows(analysis: Analysis) -> Rows:
    """Every row one analysis contributes, keyed by table name."""
    article = analysis.article
    aid = stored_article_id(article)
    origin = article.origin or article.id
    rows = empty_rows()
    rows["articles"].append({
        "id": aid, "name": article.id, "title": article.title,
        "date": parse_date(article.date, origin), "source": article.source,
        "url": article.url, "origin": origin, "text_sha256": article.text_sha256,
        "text": article.text, "n_chars": len(article.text), "n_events": len(analysis.events),
        "repairs": analysis.repairs, "sourcing": json.dumps(analysis.sourcing),
        "errors": json.dumps([e.to_json() for e in analysis.errors]),
        "date_basis": article.date_basis})
    actor_map = {a.id: _actor_id(a) for a in analysis.actors}
    for actor in analysis.actors:
        rows["actors"].append(_actor_row(actor, actor_map[actor.id]))
        rows["article_actors"].append({
            "article_id": aid, "local_id": actor.id, "actor_id": actor_map[actor.id],
            "role": actor.role, "mentions": json.dumps([list(m) for m in actor.mentions])})
    place_map = {p.id: _place_id(p) for p in analysis.places}
    for place in analysis.places:
        rows["places"].append(_place_row(place, place_map[place.id]))
        rows["article_places"].append({
            "article_id": aid, "local_id": place.id, "place_id": place_map[place.id],
            "mentions": json.dumps([list(m) for m in place.mentions])})
    for event in analysis.events:
        _add_event(rows, event, aid, actor_map, place_map, origin)
    for quote in analysis.quotes:
        rows["quotes"].append(_quote_row(quote, aid, actor_map))
    return dedupe(rows)


def error_row(article: Article, error: FlashpointError) -> dict:
    """An ingest_errors row; it keeps the article so ``flashpoint retry`` needs no input."""
    origin = article.origin or article.id
    aid = stored_article_id(article) if article.text else None
    return {"key": aid or "o" + ids.digest("origin", origin), "article_id": aid,
            "origin": origin, "error_type": type(error).__name__, "message": str(error),
            "article": json.dumps({"id": article.id, "text": article.text,
                                   "title": article.title, "date": article.date,
                                   "date_basis": article.date_basis,
                                   "source": article.source, "url": article.url,
                                   "origin": article.origin})}


def dedupe(rows: Rows) -> Rows:
    """Drop repeated primary keys (an actor named in two articles of one batch), keep first."""
    keys = {"article_actors": ("article_id", "local_id"),
            "article_places": ("article_id", "local_id"), "event_actors": ("event_id", "role"),
            "event_places": ("event_id", "place_id")}
    out = {}
    for table, table_rows in rows.items():
        key_cols = keys.get(table, ("key",) if table == "ingest_errors" else ("id",))
        seen, kept = set(), []
        for row in table_rows:
            key = tuple(row[c] for c in key_cols)
            if key not in seen:
                seen.add(key)
                kept.append(row)
        out[table] = kept
    return out


def merge(parts: Iterable[Rows]) -> Rows:
    merged = empty_rows()
    for part in parts:
        for table, table_rows in part.items():
            merged[table].extend(table_rows)
    return dedupe(merged)


def _actor_id(actor: Actor) -> str:
    return ids.actor_id(name=actor.name, type=actor.type, country=actor.country,
                        sector=actor.sector, entry=actor.entry)


def _actor_row(actor: Actor, gid: str) -> dict:
    return {"id": gid, "name": actor.name, "type": actor.type, "country": actor.country,
            "sector": actor.sector, "code": actor.code, "entry": actor.entry}


def _place_id(place: Place) -> str:
    return ids.place_id(name=place.canonical or place.name, kind=place.kind,
                        country=place.country, geonameid=place.geonameid)


def _place_row(place: Place, gid: str) -> dict:
    # the store keeps one row per place across articles: the gazetteer's name
    return {"id": gid, "name": place.canonical or place.name, "kind": place.kind,
            "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonameid": place.geonameid}


def _ref_cols(prefix: str, ref: ActorRef | None, actor_map: dict[str, str]) -> dict:
    if ref is None:
        return {f"{prefix}_{k}": None for k in ("actor_id", "name", "country", "sector", "code")}
    return {f"{prefix}_actor_id": actor_map.get(ref.actor) if ref.actor else None,
            f"{prefix}_name": ref.name, f"{prefix}_country": ref.country,
            f"{prefix}_sector": ref.sector, f"{prefix}_code": ref.code}


def _dyad_key(ref: ActorRef | None, actor_map: dict[str, str]) -> str | None:
    if ref is None:
        return None
    return actor_map.get(ref.actor) if ref.actor in actor_map else f"{ref.name}|{ref.code}"


def _add_event(rows: Rows, event: Event, aid: str, actor_map, place_map, origin: str) -> None:
    eid = ids.event_id(article=aid, span=event.span, source=_dyad_key(event.source, actor_map),
                       target=_dyad_key(event.target, actor_map), cameo=event.cameo)
    loc = event.location
    place_gid = place_map.get(loc.place) if loc is not None and loc.place else None
    trig = event.trigger_span or (None, None)
    day, precision = parse_partial_date(event.date, origin)
    rows["events"].append({
        "id": eid, "article_id": aid, "local_id": event.id,
        "date": day, "date_raw": event.date, "date_precision": precision,
        "date_basis": event.date_basis,
        **_ref_cols("source", event.source, actor_map),
        **_ref_cols("target", event.target, actor_map),
        "cameo": event.cameo, "root": event.root, "plover": event.plover, "mode": event.mode,
        "context": list(event.context), "quad_class": event.quad_class,
        "goldstein": event.goldstein, "intensity": event.intensity,
        "negated": event.negated, "hypothetical": event.hypothetical,
        "fatalities": event.fatalities, "injured": event.injured,
        "location_place_id": place_gid,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "location_basis": loc.basis if loc else None,
        "sentence": event.sentence, "span_start": event.span[0], "span_end": event.span[1],
        "trigger": event.trigger, "trigger_start": trig[0], "trigger_end": trig[1],
        "rule": event.rule, "modality_cue": event.modality_cue,
        "confidence": event.confidence})
    for role, ref in (("source", event.source), ("target", event.target)):
        if ref is not None and ref.actor in actor_map:
            span = ref.span or (None, None)
            rows["event_actors"].append({"event_id": eid, "role": role,
                                         "actor_id": actor_map[ref.actor],
                                         "span_start": span[0], "span_end": span[1]})
    if place_gid is not None:
        rows["event_places"].append({"event_id": eid, "place_id": place_gid,
                                     "basis": loc.basis})


def _quote_row(quote: Quote, aid: str, actor_map: dict[str, str]) -> dict:
    sp = quote.speaker
    s_span = (sp.span if sp and sp.span else None) or (None, None)
    return {"id": ids.quote_id(article=aid, span=quote.span), "article_id": aid,
            "local_id": quote.id, "text": quote.text, "span_start": quote.span[0],
            "span_end": quote.span[1], "direct": quote.direct,
            "speaker_text": sp.text if sp else None, "speaker_name": sp.name if sp else None,
            "speaker_actor_id": actor_map.get(sp.actor) if sp and sp.actor else None,
            "speaker_start": s_span[0], "speaker_end": s_span[1],
            "anonymous": sp.anonymous if sp else None,
            "speaker_country": sp.country if sp else None,
            "speaker_sector": sp.sector if sp else None,
            "cue": quote.cue, "rule": quote.rule}
