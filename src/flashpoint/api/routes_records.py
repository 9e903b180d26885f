"""Read routes over stored records: events (with evidence), actors, quotes, export."""

from __future__ import annotations

import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse

from flashpoint.api.params import Page, Short, event_filter
from flashpoint.api.responses import FastJSON
from flashpoint.store.export import export_events
from flashpoint.api.queries import page_events
from flashpoint.store.queries import (EventFilter, count_events, get_event, list_actors,
                                      list_quotes)

router = APIRouter(tags=["records"])

EVIDENCE_CONTEXT = 300  # characters of article text on each side of the evidence sentence
EXPORT_TYPES = {"csv": ("text/csv", "csv"), "jsonl": ("application/x-ndjson", "jsonl"),
                "parquet": ("application/vnd.apache.parquet", "parquet"),
                "gdelt": ("text/tab-separated-values", "tsv"),
                "plover": ("application/x-ndjson", "jsonl")}


@router.get("/events", summary="Events, filtered and paginated, newest first")
def events(request: Request, filters: Annotated[EventFilter, Depends(event_filter)],
           page: Annotated[Page, Depends()]) -> FastJSON:
    """``{"total", "limit", "offset", "next_offset", "events": [event rows]}``. Modality
    defaults to ``any`` here (every event, with its ``negated``/``hypothetical`` flags)."""
    with request.app.state.db.read() as con:
        rows = page_events(con, filters, limit=page.limit, offset=page.offset)
        total = count_events(con, filters)
    return FastJSON(page.wrap("events", rows, total))


@router.get("/events/{event_id}", summary="One event with its evidence")
def event(request: Request, event_id: Annotated[str, Path(max_length=64)]) -> FastJSON:
    """The event row, its ``article``, ``actors``, ``places``, de-duplication ``cluster``
    (every report of the same happening) and ``evidence``: the sentence, its span and the
    trigger's, with up to 300 characters of article text before and after."""
    with request.app.state.db.read() as con:
        record = get_event(con, event_id)
        record["evidence"] = _evidence(con, record)
    return FastJSON(record)


def _evidence(con, e: dict) -> dict:
    start, end = e["span_start"], e["span_end"]
    before = after = None
    if start is not None and end is not None:
        lo = max(start - EVIDENCE_CONTEXT, 0)
        before, after = con.execute(
            "SELECT substring(text, ? + 1, ?), substring(text, ? + 1, ?) FROM articles "
            "WHERE id = ?", [lo, start - lo, end, EVIDENCE_CONTEXT, e["article_id"]]).fetchone()
    return {"article_id": e["article_id"], "sentence": e["sentence"], "span": [start, end],
            "trigger": e["trigger"], "trigger_span": [e["trigger_start"], e["trigger_end"]],
            "rule": e["rule"], "before": before, "after": after}


@router.get("/actors", summary="Actors, most active first")
def actors(request: Request, page: Annotated[Page, Depends()],
           name: Short = None,
           country: Annotated[str | None, Query(max_length=3)] = None) -> FastJSON:
    """``{"limit", "offset", "next_offset", "actors": [{"id", "name", "type", "country",
    "sector", "code", "entry", "n_articles", "n_events"}]}``."""
    with request.app.state.db.read() as con:
        rows = list_actors(con, name=name, country=country, limit=page.limit,
                           offset=page.offset)
    return FastJSON(page.wrap("actors", rows))


@router.get("/quotes", summary="Quotes with their speakers, newest articles first")
def quotes(request: Request, page: Annotated[Page, Depends()], article_id: Short = None,
           speaker: Short = None, anonymous: bool | None = None) -> FastJSON:
    """``{"limit", "offset", "next_offset", "quotes": [quote rows with article_date]}``."""
    with request.app.state.db.read() as con:
        rows = list_quotes(con, article_id=article_id, speaker=speaker, anonymous=anonymous,
                           limit=page.limit, offset=page.offset)
    return FastJSON(page.wrap("quotes", rows))


@router.get("/export", summary="Download the filtered events (csv, jsonl, parquet, gdelt, "
                               "plover)")
def export(request: Request, filters: Annotated[EventFilter, Depends(event_filter)],
           format: Literal["csv", "jsonl", "parquet", "gdelt", "plover"] = "csv"
           ) -> StreamingResponse:
    """The same formats as ``flashpoint export``. The file is written to a temporary
    spool while the read connection is open, then streamed, so a slow client never keeps
    the database from a concurrent ingest."""
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    try:
        with request.app.state.db.read() as con:
            export_events(con, format, spool, filters)
    except BaseException:
        spool.close()  # a failed export must not leak its spool (memory, then disk)
        raise
    spool.seek(0)
    media, ext = EXPORT_TYPES[format]

    def chunks():
        try:
            while block := spool.read(1 << 16):
                yield block
        finally:
            spool.close()

    return StreamingResponse(chunks(), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="events.{ext}"'})
