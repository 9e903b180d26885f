"""Extraction on a Dask cluster: workers analyse batches, the client writes partitioned
Parquet, and the ingest runner loads each partition into DuckDB in one transaction.

``--dask local`` starts a LocalCluster of ``dask_workers`` processes (one thread each: spaCy
is CPU-bound and holds the GIL); ``--dask tcp://host:8786`` uses a running scheduler. The
workers only need Flashpoint and the model installed; they return Arrow-ready rows to the
client, which writes ``<db>.parts/part-<hash>/<table>.parquet``. So no shared filesystem is
needed, and DuckDB is touched by this one process only.

A partition is named after the hash of its article ids and marked complete by a ``_SUCCESS``
file written last; a rerun after a crash reuses complete partitions instead of recomputing
them, and a partition is deleted once loaded.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow.parquet as pq

from flashpoint.corpus.extract import BatchResult, extract_batch
from flashpoint.errors import SettingError
from flashpoint.schema import Article
from flashpoint.store import ids
from flashpoint.store.connection import resolve_db_path
from flashpoint.store.rows import dedupe, stored_article_id, to_arrow

SUCCESS = "_SUCCESS"


def staging_dir(db) -> Path:
    path = resolve_db_path(db)
    return path.with_name(path.name + ".parts")


@contextmanager
def dask_client(address: str, *, n_workers: int = 2):
    """A distributed Client on ``address``, or on a fresh LocalCluster for ``"local"``."""
    from dask.distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise SettingError(f"--dask {address!r}: cannot reach the scheduler ({exc}); give "
                           "tcp://HOST:PORT of a running dask scheduler, or 'local'") from exc
    with client:
        yield client


def write_partition(folder: Path, result: BatchResult) -> None:
    """One table per Parquet file, then the _SUCCESS marker (written last, so a partition
    without it is incomplete and is recomputed)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for table, rows in dedupe(result.rows).items():
        if rows:
            pq.write_table(to_arrow(table, rows), folder / f"{table}.parquet")
    meta = {"stored": result.stored, "failed": result.failed,
            "events_by_root": dict(result.events_by_root), "failures": result.failures}
    (folder / SUCCESS).write_text(json.dumps(meta))


def _read_meta(folder: Path) -> BatchResult:
    meta = json.loads((folder / SUCCESS).read_text())
    return BatchResult(stored=meta["stored"], failed=meta["failed"],
                       events_by_root=Counter(meta["events_by_root"]),
                       failures=meta["failures"])


def dask_partitions(articles: list[Article], options) -> Iterator[tuple[Path, BatchResult]]:
    """Yield (partition folder, its counts); the caller loads each, then it is removed."""
    staging = staging_dir(options.db)
    settings = options.settings.replace(workers=1)
    todo: dict[Path, list[Article]] = {}
    for i in range(0, len(articles), options.batch_size):
        batch = articles[i:i + options.batch_size]
        name = "part-" + ids.digest(*sorted(stored_article_id(a) for a in batch))
        todo[staging / name] = batch
    ready = [f for f in todo if (f / SUCCESS).exists()]
    for folder in ready:  # computed by an earlier, interrupted run
        yield folder, _read_meta(folder)
        shutil.rmtree(folder, ignore_errors=True)
    missing = {f: b for f, b in todo.items() if f not in ready}
    if not missing:
        return
    from dask.distributed import as_completed

    with dask_client(options.dask, n_workers=options.dask_workers) as client:
        futures = {client.submit(extract_batch, batch, settings, pure=False): folder
                   for folder, batch in missing.items()}
        for future in as_completed(futures):
            folder = futures[future]
            result = future.result()
            write_partition(folder, result)
            yield folder, _read_meta(folder)
            shutil.rmtree(folder, ignore_errors=True)
    try:
        staging.rmdir()
    except OSError:
        pass  # not empty (a concurrent run) or already gone: leave it
