"""The ingest runner: read inputs, skip what is stored, extract in batches, commit each batch.

Resumable by construction: every batch is committed in one transaction keyed by content
hashes, and a run starts by skipping every article (and every recorded failure) already in
the store. Kill it at any moment and run it again: it redoes at most the batches that were
not committed, and ends with exactly the rows of an uninterrupted run. Event clusters are
derived data, recomputed from all events at the end of a run whenever a batch has been
committed since the last recompute (the ``clusters_stale`` flag).

The database is opened only to check what is stored and to commit a batch, never during
NLP work, so a running ``flashpoint serve`` keeps reading (see ``flashpoint.store``).
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.config import Settings
from flashpoint.corpus.dedup import (DedupSettings, apply_recluster, plan_recluster,
                                     read_snapshot)
from flashpoint.corpus.extract import BatchResult, extract_batch
from flashpoint.corpus.progress import NullProgress
from flashpoint.corpus.sources import iter_articles
from flashpoint.errors import SettingError
from flashpoint.schema import Article
from flashpoint.store import ids
from flashpoint.store.connection import DEFAULT_WAIT, connect
from flashpoint.store.rows import stored_article_id
from flashpoint.store.writer import clusters_stale, existing_article_ids, load_parquet, write_rows


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    db: str | Path | None = None  # None: $FLASHPOINT_DB or ./flashpoint.duckdb
    workers: int = 1  # extraction processes on this machine
    dask: str | None = None  # scheduler address, or "local" for a LocalCluster
    dask_workers: int = 2  # LocalCluster size for dask="local"
    default_date: str | None = None
    csv_map: dict[str, str] = field(default_factory=dict)
    batch_size: int = 32  # articles per committed transaction
    settings: Settings = field(default_factory=Settings)
    dedup: DedupSettings = field(default_factory=DedupSettings)
    wait: float = DEFAULT_WAIT  # seconds to wait for a database lock

    def __post_init__(self) -> None:
        if self.workers < 1 or self.batch_size < 1:
            raise SettingError(f"workers ({self.workers}) and batch_size ({self.batch_size}) "
                               "must be >= 1")


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events_by_root: Counter = field(default_factory=Counter)
    clusters: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    undated: int = 0  # articles of this run with no date from any source

    @property
    def rate(self) -> float:
        done = self.stored + self.failed
        return done / self.seconds if self.seconds else 0.0

    def undated_warning(self) -> str | None:
        """What to do about undated articles: their events fall back on whatever years the
        text names, which scatters the timelines (a period of "1978 -> 2024")."""
        if not self.undated:
            return None
        return (f"{self.undated} article{'s' if self.undated != 1 else ''} "
                f"{'have' if self.undated != 1 else 'has'} no date: name files "
                "YYYY-MM-DD_*.txt, pass --date, or give a date column (CSV) or field (JSONL); "
                "a dateline at the top of the text ('NAIROBI, March 3, 2025 -') is read too")

    def absorb(self, result: BatchResult) -> None:
        self.stored += result.stored
        self.failed += result.failed
        self.events_by_root.update(result.events_by_root)
        self.failures.extend(result.failures)


def ingest(inputs: Iterable[str], options: IngestOptions | None = None, *,
           progress=None) -> IngestSummary:
    """Analyse and store every article of ``inputs``; see the module docstring."""
    options = options or IngestOptions()
    items = list(iter_articles(inputs, default_date=options.default_date,
                               csv_map=options.csv_map))
    return _run(items, options, progress or NullProgress(), skip_failed=True)


def retry(options: IngestOptions | None = None, *, progress=None) -> IngestSummary:
    """Re-run every recorded failure; those that now succeed leave ingest_errors."""
    options = options or IngestOptions()
    with connect(options.db, wait=options.wait) as con:
        rows = con.execute("SELECT key, origin, article FROM ingest_errors ORDER BY origin") \
            .fetchall()
    # A file that could not be read is re-read from its origin; its old record goes only
    # once the article is stored, so a crash in between loses nothing.
    reread = [r[1] for r in rows if not json.loads(r[2] or "{}").get("text")]
    fields = {f.name for f in dataclasses.fields(Article)}
    items: list = []
    for _key, _origin, article in rows:
        data = json.loads(article or "{}")
        if data.get("text"):
            items.append(Article(**{k: v for k, v in data.items() if k in fields}))
    items.extend(iter_articles(reread, default_date=options.default_date,
                               csv_map=options.csv_map))
    summary = _run(items, options, progress or NullProgress(), skip_failed=False)
    with connect(options.db, wait=options.wait) as con:
        con.execute("DELETE FROM ingest_errors WHERE article_id IS NULL AND origin IN "
                    "(SELECT origin FROM articles WHERE origin IS NOT NULL)")
    return summary


def _key(item) -> str:
    article = item if isinstance(item, Article) else item.article
    if article.text:
        return stored_article_id(article)
    return "o" + ids.digest("origin", article.origin or article.id)


def _run(items: list, options: IngestOptions, progress, *, skip_failed: bool) -> IngestSummary:
    start = time.monotonic()
    summary = IngestSummary(read=len(items))
    progress.start(len(items))
    pending, read_failures = _select_new(items, options, summary, skip_failed=skip_failed)
    progress.advance(summary.skipped)
    if read_failures:
        result = BatchResult()
        for failure in read_failures:
            result.add_failure(failure.article, failure.error)
        _commit(result, options)
        summary.absorb(result)
        progress.advance(len(read_failures))
    for unit in _backend(options)(pending, options):
        result = _commit(unit, options)
        summary.absorb(result)
        progress.advance(result.stored + result.failed)
    summary.clusters = _finish(options)
    summary.seconds = time.monotonic() - start
    return summary


def _select_new(items: list, options: IngestOptions, summary: IngestSummary, *,
                skip_failed: bool) -> tuple[list[Article], list]:
    keys = [_key(item) for item in items]
    with connect(options.db, wait=options.wait) as con:  # read-write: creates/migrates
        done = existing_article_ids(con, keys)
        if skip_failed:
            done |= {r[0] for r in con.execute(
                "SELECT key FROM ingest_errors WHERE list_contains(?, key)", [keys]).fetchall()}
    pending, failures, seen = [], [], set(done)
    for key, item in zip(keys, items):
        if key in seen:
            summary.skipped += 1
            continue
        seen.add(key)
        (pending if isinstance(item, Article) else failures).append(item)
        if isinstance(item, Article) and item.date is None:
            summary.undated += 1
    return pending, failures


def _commit(unit, options: IngestOptions) -> BatchResult:
    """Write one unit: a BatchResult's rows, or a Dask partition (folder, BatchResult)."""
    with connect(options.db, wait=options.wait) as con:
        if isinstance(unit, BatchResult):
            write_rows(con, unit.rows)
            return unit
        folder, result = unit
        load_parquet(con, folder)
        return result


def _finish(options: IngestOptions) -> int:
    # The events are read in a second (read-only: servers keep serving), clustered with the
    # file closed (other writers are free), and only the change is written: the file is held
    # read-write for milliseconds, not for the minutes clustering takes on a big store.
    with connect(options.db, read_only=True, wait=options.wait) as con:
        if not clusters_stale(con):
            return con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]
        snapshot = read_snapshot(con)
    plan = plan_recluster(snapshot, settings=options.dedup)
    with connect(options.db, wait=options.wait) as con:
        return apply_recluster(con, plan)


def _backend(options: IngestOptions):
    if options.dask:
        from flashpoint.distributed.runner import dask_partitions
        return dask_partitions
    return _pool if options.workers > 1 else _inline


def _batches(articles: list[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(articles), size):
        yield articles[i:i + size]


def _inline(articles: list[Article], options: IngestOptions) -> Iterator[BatchResult]:
    """In this process; one analyze_articles stream keeps spaCy's batches full."""
    from flashpoint.analysis import Failure, analyze_articles

    result = BatchResult()
    for outcome in analyze_articles(articles, settings=options.settings.replace(workers=1)):
        if isinstance(outcome, Failure):
            result.add_failure(outcome.article, outcome.error)
        else:
            result.add_analysis(outcome)
        if result.stored + result.failed >= options.batch_size:
            yield result
            result = BatchResult()
    if result.stored + result.failed:
        yield result


def _pool(articles: list[Article], options: IngestOptions) -> Iterator[BatchResult]:
    """``workers`` spawned processes, each with its own pipeline; at most 2 batches queued
    per worker so memory stays flat. Order of commits does not matter: ids are hashes."""
    settings = options.settings.replace(workers=1)
    batches = _batches(articles, options.batch_size)
    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    with ProcessPoolExecutor(max_workers=options.workers, mp_context=context) as pool:
        running = set()
        for batch in batches:
            running.add(pool.submit(extract_batch, batch, settings))
            if len(running) >= 2 * options.workers:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        for future in running:
            yield future.result()
