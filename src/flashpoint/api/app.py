"""``create_app``: the FastAPI application behind ``flashpoint serve``.

Security defaults (see ``flashpoint.api.security``): write routes need a token or are off;
bodies and query strings are capped; no CORS; every SQL value is a bound parameter (the
store's and the analytics' queries). Reads share a warm read-only connection that is handed
back to any writer that announces itself (``flashpoint.api.db``), so a concurrent
``flashpoint ingest`` waits at most a poll interval plus one request, and GET answers are
cached until the next write (``flashpoint.api.cache``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from flashpoint.api import routes_analytics, routes_records, routes_write
from flashpoint.api.cache import ReadCache
from flashpoint.api.db import Database
from flashpoint.api.docs import install_docs
from flashpoint.api.responses import install_error_handlers
from flashpoint.api.security import LimitMiddleware
from flashpoint.api.settings import ApiSettings
from flashpoint.config import Settings
from flashpoint.errors import SettingError
from flashpoint.store.connection import resolve_db_path

# ``analyzer(articles, *, min_confidence=None)``: Analysis or Failure per article, in order.
Analyzer = Callable[..., Iterator]

DESCRIPTION = """Political event data from news articles: who did what to whom, with
modality, sources and places. Errors are JSON `{"status": ..., "message": ...}`. Write
routes need `Authorization: Bearer <FLASHPOINT_TOKEN>`. Analytics count asserted events
(neither negated nor hypothetical) unless `modality` says otherwise."""


def default_analyzer(settings: Settings | None = None) -> Analyzer:
    """``flashpoint.analysis.analyze_articles`` (imported on first use: spaCy is slow to load);
    ``min_confidence`` overrides the pipeline's event-confidence floor for one call."""
    def analyze(articles, *, min_confidence: float | None = None):
        from flashpoint.analysis import analyze_articles
        chosen = settings or Settings()
        if min_confidence is not None:
            chosen = chosen.replace(min_confidence=min_confidence)
        return analyze_articles(articles, settings=chosen)
    return analyze


def create_app(*, db_path: str | os.PathLike | None = None, token: str | None = None,
               insecure_local: bool = False, settings: ApiSettings | None = None,
               analyzer: Analyzer | None = None, pipeline: Settings | None = None,
               dashboard: bool = True) -> FastAPI:
    """The app serving the store at ``db_path`` (default: ``$FLASHPOINT_DB`` or
    ``./flashpoint.duckdb``).

    ``token``: what write routes require; None turns them off unless ``insecure_local``.
    ``analyzer``: ``articles -> Analysis|Failure`` (default: the real pipeline, built with
    ``pipeline`` settings). ``dashboard``: mount ``flashpoint.web`` when it is installed.
    """
    if token is not None and not token.strip():
        raise SettingError("token is empty: set FLASHPOINT_TOKEN to a non-empty secret")
    settings = settings or ApiSettings()
    path = resolve_db_path(db_path)
    app = FastAPI(title="Flashpoint", version="1", description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.settings = settings
    app.state.db = Database(path, wait=settings.db_wait, warm=settings.db_warm,
                            poll=settings.db_poll, threads=settings.db_threads or None)
    app.state.db_path = path
    app.state.token = token
    app.state.insecure_local = insecure_local
    app.state.analyzer = analyzer or default_analyzer(pipeline)
    app.state.analysis_lock = threading.Lock()
    if settings.cache_entries and app.state.db.tracks_changes:
        app.add_middleware(ReadCache, db=app.state.db, max_entries=settings.cache_entries)
    app.add_middleware(LimitMiddleware, max_body_bytes=settings.max_body_bytes,
                       max_query_bytes=settings.max_query_bytes)
    install_error_handlers(app)
    for module in (routes_write, routes_records, routes_analytics):
        app.include_router(module.router)
    if settings.docs:
        install_docs(app)
    if not (dashboard and _mount_dashboard(app, path)):
        app.add_api_route("/", _index, methods=["GET"], include_in_schema=False)
    return app


def _mount_dashboard(app: FastAPI, path) -> bool:
    try:
        from flashpoint.web import mount_dashboard
    except ImportError:
        return False  # the API works without the dashboard
    mount_dashboard(app, db=path)
    return True


def _index() -> JSONResponse:
    return JSONResponse({"name": "flashpoint", "docs": "/docs", "openapi": "/openapi.json"})


def writes_enabled(*, token: str | None, insecure_local: bool) -> bool:
    return token is not None or insecure_local
