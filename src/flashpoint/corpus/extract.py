"""One batch of articles -> rows: the unit of work every backend (inline, pool, Dask) runs.

A top-level function of picklable arguments, so process pools and Dask workers can call it;
the spaCy pipeline is built once per worker process (``get_nlp`` caches it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from flashpoint.config import Settings
from flashpoint.errors import FlashpointError
from flashpoint.schema import Analysis, Article
from flashpoint.store.rows import Rows, analysis_rows, empty_rows, error_row


@dataclass
class BatchResult:
    rows: Rows = field(default_factory=empty_rows)
    stored: int = 0
    failed: int = 0
    events_by_root: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # one line per failure, for stderr

    def add_analysis(self, analysis: Analysis) -> None:
        try:
            rows = analysis_rows(analysis)
        except FlashpointError as exc:  # e.g. an unparseable date: the article's fault
            self.add_failure(analysis.article, exc)
            return
        for table, table_rows in rows.items():
            self.rows[table].extend(table_rows)  # the writer drops repeated keys once
        self.stored += 1
        self.events_by_root.update(e.root for e in analysis.events)

    def add_failure(self, article: Article, error: FlashpointError) -> None:
        self.rows["ingest_errors"].append(error_row(article, error))
        self.failed += 1
        self.failures.append(str(error))


def extract_batch(articles: list[Article], settings: Settings) -> BatchResult:
    """Analyse a batch; every article ends as rows or as an ingest_errors row."""
    from flashpoint.analysis import Failure, analyze_articles

    result = BatchResult()
    for outcome in analyze_articles(articles, settings=settings):
        if isinstance(outcome, Failure):
            result.add_failure(outcome.article, outcome.error)
        else:
            result.add_analysis(outcome)
    return result
