"""``mount_dashboard(app)``: the dashboard's pages, static assets and its few data routes.

Pages are static HTML shells (pages.py) whose ES modules fetch JSON from the REST API
(``/events``, ``/network``, ...) and from the read-only ``/ui/data/*`` routes here, which
cover what the API does not serve: a stored article with its text, corpus counts, events
grouped by place, and the text of an uploaded HTML page. Nothing is loaded from outside the server, and a
strict Content-Security-Policy makes the browser refuse inline scripts and any request to
another origin, so article text that slipped through escaping still could not run.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Query
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from flashpoint.errors import FlashpointError, SettingError
from flashpoint.readers.webpage import read_html
from flashpoint.store.connection import connect
from flashpoint.store.queries import EventFilter
from flashpoint.web import data
from flashpoint.web.pages import PAGES, render_page

STATIC = Path(__file__).parent / "static"
MAX_HTML_CHARS = 5_000_000

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


class HtmlPage(BaseModel):
    html: str = Field(max_length=MAX_HTML_CHARS)


def mount_dashboard(app: FastAPI, *, db: str | os.PathLike | None = None,
                    prefix: str = "/ui") -> None:
    """Add the dashboard to ``app``: ``/`` (overview), ``{prefix}/<page>``, ``{prefix}/static``
    and ``{prefix}/data/*``.

    Reads go through ``app.state.db.read()`` when the API set one (its gate keeps reads and
    ``POST /articles`` apart); otherwise a read-only connection to ``db`` (default:
    ``app.state.db_path``, then ``$FLASHPOINT_DB``, then ./flashpoint.duckdb).
    """
    def reader() -> Any:
        # The API's Database shares a readers-writer gate with POST /articles (one process
        # cannot hold the file read-only and read-write at once); use it when present.
        shared = getattr(app.state, "db", None)
        if hasattr(shared, "read"):
            return shared.read()
        path = db or shared or getattr(app.state, "db_path", None)
        return connect(path, read_only=True)

    app.mount(f"{prefix}/static", StaticFiles(directory=STATIC), name="dashboard-static")
    router = APIRouter(include_in_schema=False)
    _add_pages(router, prefix)
    _add_data_routes(router, prefix, reader)
    app.include_router(router)


def _add_pages(router: APIRouter, prefix: str) -> None:
    def page_route(slug: str) -> Callable[[], HTMLResponse]:
        def show() -> HTMLResponse:
            return HTMLResponse(render_page(slug, prefix), headers=SECURITY_HEADERS)
        show.__name__ = f"dashboard_{slug}"
        return show

    router.add_api_route("/", page_route("overview"), methods=["GET"],
                         response_class=HTMLResponse)
    for slug in PAGES:
        router.add_api_route(f"{prefix}/{slug}", page_route(slug), methods=["GET"],
                             response_class=HTMLResponse)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"status": status, "message": message}, status_code=status)


def _read(reader: Callable[[], Any], fn: Callable, *args, **kwargs) -> Any:
    """Run ``fn(con, ...)`` on a short-lived read-only connection; errors become JSON."""
    try:
        with reader() as con:
            return fn(con, *args, **kwargs)
    except FlashpointError as exc:  # the catalogue's own status, as the API's handler maps it
        return _error(exc.http_status, str(exc))


def _add_data_routes(router: APIRouter, prefix: str, reader: Callable[[], Any]) -> None:
    @router.get(f"{prefix}/data/summary")
    def dashboard_summary() -> Any:
        return _read(reader, data.summary)

    @router.get(f"{prefix}/data/article/{{article_id}}")
    def dashboard_article(article_id: str) -> Any:
        return _read(reader, data.article_analysis, article_id)

    @router.get(f"{prefix}/data/map")
    def dashboard_map(since: str | None = Query(None, max_length=10),
                      until: str | None = Query(None, max_length=10),
                      actor: str | None = Query(None, max_length=200),
                      country: str | None = Query(None, max_length=3),
                      code: str | None = Query(None, max_length=4),
                      modality: str = Query("any", max_length=12)) -> Any:
        try:
            filters = EventFilter(since=since or None, until=until or None,
                                  actor=actor or None, country=country or None,
                                  code=code or None, modality=modality or "any")
        except SettingError as exc:
            return _error(400, str(exc))
        return _read(reader, data.map_points, filters)

    @router.post(f"{prefix}/data/html-text")
    def dashboard_html_text(page: HtmlPage) -> Any:
        # The Analyse page sends an opened HTML file here instead of parsing it in the
        # browser: the text is what `flashpoint analyze page.html` would read (boilerplate
        # removed), and no markup from the file is ever built into a DOM.
        try:
            article = read_html(page.html, id="upload", origin="uploaded file")
        except FlashpointError as exc:
            return _error(422, str(exc))
        return {"text": article.text, "title": article.title, "date": article.date}
