"""``POST /analyze`` (text in, the contract analysis out) and ``POST /articles`` (ingest).

Analysis is CPU-bound spaCy work: one lock runs one analysis at a time per server (the
pipeline is shared and not documented as thread-safe), in the thread pool, so reads keep
being answered meanwhile. Ingest analyses with the database closed, then commits the batch
in one short exclusive write (the store's concurrency design).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from flashpoint.api.responses import FastJSON
from flashpoint.api.security import check_write
from flashpoint.corpus.dedup import recluster
from flashpoint.corpus.extract import BatchResult
from flashpoint.errors import SettingError
from flashpoint.readers.decode import require_unicode
from flashpoint.schema import Analysis, Article
from flashpoint.store.rows import parse_date, stored_article_id
from flashpoint.store.writer import clusters_stale, existing_article_ids, write_rows

router = APIRouter(tags=["analysis"])

IsoDate = Annotated[str | None, Field(default=None, max_length=32,
                                      description="publication date, YYYY-MM-DD")]


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the article text, as published")
    date: IsoDate = None
    title: str | None = Field(default=None, max_length=1000)
    id: str | None = Field(default=None, max_length=200)
    min_confidence: float | None = Field(
        default=None, ge=0.0, le=1.0,
        description="keep events whose confidence is at least this (0: all; default: the "
                    "server's floor, the shipped threshold unless set)")


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    id: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    date: IsoDate = None
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1)


def _analyze(request: Request, articles: list[Article], *,
             min_confidence: float | None = None) -> list:
    floor = {} if min_confidence is None else {"min_confidence": min_confidence}
    with request.app.state.analysis_lock:
        return list(request.app.state.analyzer(articles, **floor))


@router.post("/analyze", summary="Analyse one text: actors, events, quotes, places")
def analyze(request: Request, body: AnalyzeRequest) -> FastJSON:
    """The analysis of docs/contract.md (``schema_version``, ``article``, ``actors``, ``events``,
    ``quotes``, ``places``, ...). Nothing is stored. Bad input (empty, not English, too
    large) is answered with its error's status and a message saying why."""
    if body.date:
        parse_date(body.date, "date")
    article = Article(id=body.id or "text", text=body.text, title=body.title, date=body.date,
                      origin="POST /analyze")
    (outcome,) = _analyze(request, [article], min_confidence=body.min_confidence)
    if not isinstance(outcome, Analysis):  # a Failure: its error says why
        raise outcome.error
    return FastJSON(outcome.to_json())


@router.post("/articles", summary="Analyse and store articles (token required)",
             dependencies=[Depends(check_write)])
def ingest(request: Request, body: IngestRequest) -> FastJSON:
    """``{"stored", "skipped", "failed", "articles": [{"id", "name", "events"}],
    "failures": [messages], "clusters"}``. Articles already stored (same text or URL) are
    skipped; a failed article is recorded in ``ingest_errors`` as ``flashpoint ingest``
    does, and the others are still stored."""
    cap = request.app.state.settings.max_articles
    if len(body.articles) > cap:
        raise SettingError(f"{len(body.articles)} articles in one request is over the limit "
                           f"of {cap} (setting max_articles)")
    for i, a in enumerate(body.articles):  # ids hash the text: refuse what UTF-8 cannot hold
        require_unicode(a.text, f"POST /articles#{i + 1}")
    articles = [Article(id=a.id or f"article-{i + 1}", text=a.text, title=a.title,
                        date=a.date, source=a.source, url=a.url,
                        origin=f"POST /articles#{i + 1}") for i, a in enumerate(body.articles)]
    db = request.app.state.db
    with db.read() as con:
        done = existing_article_ids(con, [stored_article_id(a) for a in articles if a.text])
    pending = [a for a in articles if not a.text or stored_article_id(a) not in done]
    result = BatchResult()
    for outcome in _analyze(request, pending):
        if isinstance(outcome, Analysis):
            result.add_analysis(outcome)
        else:
            result.add_failure(outcome.article, outcome.error)
    with db.write() as con:
        write_rows(con, result.rows)
        stale = clusters_stale(con)
        if stale and _small(con):  # a big store reclusters at the next `flashpoint ingest`
            recluster(con)
            stale = False
        clusters = con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]
    stored = [{"id": r["id"], "name": r["name"], "events": r["n_events"]}
              for r in result.rows["articles"]]
    return FastJSON({"stored": result.stored, "skipped": len(articles) - len(pending),
                     "failed": result.failed, "articles": stored,
                     "failures": result.failures, "clusters": clusters,
                     "clusters_stale": stale})


# Reclustering reads every event under the write lock: inline only while that takes well
# under a second; beyond it the clusters are marked stale and the next ingest run redoes them.
INLINE_RECLUSTER_EVENTS = 50_000


def _small(con) -> bool:
    return con.execute("SELECT count(*) FROM events").fetchone()[0] <= INLINE_RECLUSTER_EVENTS
