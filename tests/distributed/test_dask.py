"""A real LocalCluster of two worker processes writes Parquet; the store ends identical."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.corpus import IngestOptions, ingest
from flashpoint.distributed.runner import staging_dir

_spec = importlib.util.spec_from_file_location(
    "_fp_ingest_tests", Path(__file__).parents[1] / "corpus" / "test_ingest.py")
_ingest_tests = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ingest_tests)

TEXTS = [f"{a} troops shelled positions held by {b} near the border on day {i}, the army said."
         for i, (a, b) in enumerate([("Armenian", "Azerbaijan"), ("Indian", "Pakistan"),
                                     ("Israeli", "Hezbollah"), ("Russian", "Ukraine"),
                                     ("Turkish", "Kurdish fighters"), ("Sudanese", "RSF")])]


@pytest.mark.slow
def test_local_cluster_of_two_workers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"{i}.txt").write_text(text)
    inline, dask = tmp_path / "inline.duckdb", tmp_path / "dask.duckdb"
    summary = ingest([str(folder)], IngestOptions(db=dask, default_date="2022-01-01",
                                                  batch_size=2, dask="local", dask_workers=2))
    assert summary.stored == len(TEXTS)
    # The reference runs in a fresh process right after, like the workers: both load the
    # pipeline code and data as they are now (this process imported them long before).
    subprocess.run([sys.executable, "-m", "flashpoint.cli.main", "ingest", str(folder), "--db",
                    str(inline), "--date", "2022-01-01", "--quiet"], check=True, timeout=300)
    assert _ingest_tests.content(dask) == _ingest_tests.content(inline)
    assert not staging_dir(dask).exists()  # partitions are removed once loaded
    rerun = ingest([str(folder)], IngestOptions(db=dask, dask="local"))
    assert rerun.skipped == len(TEXTS)


def test_write_partition_round_trip(tmp_path):
    """Cheap: a partition written by the client loads into DuckDB as the same rows."""
    import duckdb

    from flashpoint.corpus.extract import BatchResult
    from flashpoint.distributed.runner import SUCCESS, _read_meta, write_partition
    from flashpoint.store.migrations import migrate
    from flashpoint.store.writer import load_parquet

    result = BatchResult()
    result.rows["articles"].append({"id": "a1", "name": "x", "text": "t", "text_sha256": "h",
                                    "date": None})
    result.stored = 1
    folder = tmp_path / "part-1"
    write_partition(folder, result)
    assert (folder / SUCCESS).exists() and _read_meta(folder).stored == 1
    con = duckdb.connect()
    migrate(con)
    load_parquet(con, folder)
    load_parquet(con, folder)  # idempotent
    assert con.execute("SELECT id, name FROM articles").fetchall() == [("a1", "x")]
