"""Exports of the ``events`` table: csv, jsonl, parquet, GDELT-style TSV, PLOVER JSON.

Rows stream from DuckDB in Arrow record batches, so an export of millions of events never
holds them all in memory (Parquet aside, whose writer buffers one row group).

* ``gdelt``: the 61 columns of a GDELT 2.0 event file, in order, with a header row; columns
  we do not code are empty. Differences: ``GlobalEventID`` is our content-hash id; country
  codes are ISO3 (as CAMEO uses) also in the ``*Geo_CountryCode`` columns (GDELT has FIPS);
  ``NumMentions``/``NumArticles``/``NumSources`` come from the event's de-duplication
  cluster, which is what GDELT counts.
* ``plover``: one JSON object per line with POLECAT's field names ("Event ID",
  "Event Type", "Event Mode", "Actor Name", "Recipient Name", ...).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import BinaryIO

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from flashpoint.errors import SettingError
from flashpoint.store.names import FORMATS  # re-exported
from flashpoint.store.queries import EventFilter, where_clause

_SQL = ("SELECT e.*, m.cluster_id, c.article_count AS cluster_articles, "
        "c.mention_count AS cluster_mentions, "
        "(SELECT count(DISTINCT a2.source) FROM event_cluster_members m2 JOIN articles a2 "
        " ON a2.id = m2.article_id WHERE m2.cluster_id = m.cluster_id) AS cluster_sources, "
        "a.url AS article_url, a.source AS article_source, a.date AS article_date, "
        "a.title AS article_title, a.ingested_at "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN event_cluster_members m ON m.event_id = e.id "
        "LEFT JOIN event_clusters c ON c.id = m.cluster_id")

GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in (
        "Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
        "FeatureID")],
    "DATEADDED", "SOURCEURL")


def event_batches(con: duckdb.DuckDBPyConnection, filters: EventFilter | None = None,
                  batch_rows: int = 10_000) -> pa.RecordBatchReader:
    """A reader of Arrow record batches (its ``schema`` is known even with no rows)."""
    where, params = where_clause(filters or EventFilter())
    # con.sql streams; con.execute would copy the whole result first.
    return con.sql(f"{_SQL}{where} ORDER BY e.date NULLS LAST, e.id", params=params) \
        .to_arrow_reader(batch_rows)


def export_events(con: duckdb.DuckDBPyConnection, fmt: str, out: BinaryIO,
                  filters: EventFilter | None = None) -> int:
    """Write the filtered events to the binary stream ``out``; returns the row count."""
    writers = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet, "gdelt": _gdelt,
               "plover": _plover}
    if fmt not in writers:
        raise SettingError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    return writers[fmt](event_batches(con, filters), out)


def _csv(batches, out: BinaryIO) -> int:
    n, header = 0, True
    for batch in batches:
        # CSV has no list type; the context list is written as "a;b".
        batch = _flatten_context(batch)
        sink = io.BytesIO()
        pacsv.write_csv(pa.Table.from_batches([batch]), sink,
                        pacsv.WriteOptions(include_header=header))
        out.write(sink.getvalue())
        header, n = False, n + batch.num_rows
    return n


def _flatten_context(batch: pa.RecordBatch) -> pa.RecordBatch:
    idx = batch.schema.get_field_index("context")
    joined = pa.array([";".join(v) if v else "" for v in batch.column(idx).to_pylist()])
    return batch.set_column(idx, "context", joined)


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _jsonl(batches, out: BinaryIO) -> int:
    n = 0
    for batch in batches:
        for row in batch.to_pylist():
            out.write(json.dumps(row, default=_json_default, ensure_ascii=False).encode() + b"\n")
            n += 1
    return n


def _parquet(reader: pa.RecordBatchReader, out: BinaryIO) -> int:
    n = 0
    with pq.ParquetWriter(out, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n


def _day(value: dt.date | None) -> tuple:
    if value is None:
        return ("", "", "", "")
    frac = value.year + (value.timetuple().tm_yday - 1) / 365.0
    return (value.strftime("%Y%m%d"), value.strftime("%Y%m"), value.year, f"{frac:.4f}")


def gdelt_row(e: dict) -> list:
    """One event as the 61 GDELT 2.0 columns (blank where Flashpoint codes nothing)."""
    day = _day(e["date"] or e["article_date"])
    actors = []
    for side in ("source", "target"):
        actors += [e[f"{side}_code"] or "", e[f"{side}_name"] or "", e[f"{side}_country"] or "",
                   "", "", "", "", e[f"{side}_sector"] or "", "", ""]
    geo_type = "" if e["location_name"] is None else (1 if e["location_country"] and
                                                      e["location_lat"] is None else 4)
    action_geo = [geo_type, e["location_name"] or "", e["location_country"] or "", "", "",
                  _blank(e["location_lat"]), _blank(e["location_lon"]), ""]
    cameo = e["cameo"]
    added = e["ingested_at"].strftime("%Y%m%d%H%M%S") if e["ingested_at"] else ""
    return [e["id"], *day, *actors, "", cameo, cameo[:3], e["root"], _blank(e["quad_class"]),
            _blank(e["goldstein"]), _blank(e["cluster_mentions"]),
            _blank(e["cluster_sources"]), _blank(e["cluster_articles"]), "",
            *([""] * 8), *([""] * 8), *action_geo, added, e["article_url"] or ""]


def _blank(value) -> object:
    return "" if value is None else value


def _gdelt(batches, out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                        escapechar="\\")
    writer.writerow(GDELT_COLUMNS)
    n = 0
    for batch in batches:
        for row in batch.to_pylist():
            writer.writerow(gdelt_row(row))
            n += 1
    text.detach()  # leave ``out`` open for the caller
    return n


def plover_record(e: dict) -> dict:
    """One event with POLECAT's field names (PLOVER event type, mode, context, intensity)."""
    quad = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
            4: "MATERIAL CONFLICT"}
    date = e["date"] or e["article_date"]
    return {
        "Event ID": e["id"], "Event Date": date.isoformat() if date else None,
        "Event Type": e["plover"], "Event Mode": e["mode"],
        "Event Intensity": e["intensity"], "Quad Code": quad.get(e["quad_class"]),
        "Contexts": ";".join(e["context"] or []) or None,
        "Actor Name": e["source_name"], "Actor Country": e["source_country"],
        "Primary Actor Sector": e["source_sector"], "Actor Name Raw": e["source_name"],
        "Recipient Name": e["target_name"], "Recipient Country": e["target_country"],
        "Primary Recipient Sector": e["target_sector"], "Recipient Name Raw": e["target_name"],
        "Placename": e["location_name"], "Country": e["location_country"],
        "Latitude": e["location_lat"], "Longitude": e["location_lon"],
        "Story ID": e["article_id"], "Source": e["article_source"],
        "Publication Date": e["article_date"].isoformat() if e["article_date"] else None,
        "Headline": e["article_title"], "Event Text": e["sentence"],
        "Negated": e["negated"], "Hypothetical": e["hypothetical"],
        "Fatalities": e["fatalities"], "CAMEO Code": e["cameo"], "Language": "en",
        "Version": "flashpoint",
    }


def _plover(batches, out: BinaryIO) -> int:
    n = 0
    for batch in batches:
        for row in batch.to_pylist():
            out.write(json.dumps(plover_record(row), ensure_ascii=False).encode() + b"\n")
            n += 1
    return n
