"""End-to-end ingest with the real pipeline on tiny own-text articles.

Counts of events depend on extractors still being written, so these tests assert structure
and idempotency exactly and counts only where the store itself decides them.
"""

import json
import os
import subprocess
import sys

import pytest

from flashpoint.corpus import IngestOptions, ingest, retry
from flashpoint.store.connection import connect

CONTENT = {  # what "exactly the same rows" means: every table, without timestamps
    "articles": "id, name, title, date, source, url, origin, text_sha256, n_events",
    "actors": "*", "article_actors": "*", "places": "*", "article_places": "*",
    "events": "*", "event_actors": "*", "event_places": "*", "quotes": "*",
    "event_clusters": "*", "event_cluster_members": "*",
    "ingest_errors": "key, article_id, origin, error_type, message, attempts",
}


def content(db):
    with connect(db, read_only=True) as con:
        return {t: con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall()
                for t, cols in CONTENT.items()}


def test_ingest_is_idempotent_and_records_failures(tiny_corpus, tmp_path):
    (tiny_corpus / "empty.txt").write_text("   \n")
    db = tmp_path / "s.duckdb"
    first = ingest([str(tiny_corpus)], IngestOptions(db=db, default_date="2020-01-03",
                                                     batch_size=2))
    assert (first.read, first.stored, first.failed, first.skipped) == (5, 4, 1, 0)
    state = content(db)
    assert len(state["articles"]) == 4
    [error] = state["ingest_errors"]
    assert error[2].endswith("empty.txt") and error[3] == "EmptyInputError"
    again = ingest([str(tiny_corpus)], IngestOptions(db=db, default_date="2020-01-03"))
    assert (again.stored, again.failed, again.skipped) == (0, 0, 5)
    assert content(db) == state


def test_retry_stores_what_now_succeeds(tiny_corpus, tmp_path):
    bad = tiny_corpus / "later.txt"
    bad.write_text("")
    db = tmp_path / "r.duckdb"
    ingest([str(tiny_corpus)], IngestOptions(db=db, default_date="2020-01-03"))
    still = retry(IngestOptions(db=db))
    assert (still.stored, still.failed) == (0, 1)
    bad.write_text("Chinese and Indian troops clashed in the Galwan valley on Monday.")
    fixed = retry(IngestOptions(db=db, default_date="2020-06-15"))
    assert (fixed.stored, fixed.failed) == (1, 0)
    state = content(db)
    assert state["ingest_errors"] == [] and len(state["articles"]) == 5


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "flashpoint.cli.main", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def test_cli_ingest_sql_export(tiny_corpus, tmp_path):
    db = tmp_path / "cli.duckdb"
    done = run_cli("ingest", str(tiny_corpus), "--db", str(db), "--date", "2020-01-03")
    assert done.returncode == 0, done.stderr
    assert "stored" in done.stderr and "art/s" in done.stderr
    out = run_cli("sql", "SELECT count(*) AS n FROM articles", "--db", str(db),
                  "--format", "csv")
    assert out.stdout.splitlines() == ["n", "4"]
    refused = run_cli("sql", "DELETE FROM articles", "--db", str(db))
    assert refused.returncode == 2 and "only read queries" in refused.stderr
    exported = run_cli("export", "--format", "jsonl", "--db", str(db))
    assert exported.returncode == 0
    assert all(json.loads(line)["article_id"] for line in exported.stdout.splitlines())
    target = tmp_path / "e.tsv"
    assert run_cli("export", "--format", "gdelt", "--db", str(db), "--out",
                   str(target)).returncode == 0
    assert target.read_text().startswith("GlobalEventID\tDay\t")
    env = dict(os.environ, FLASHPOINT_DB=str(db))
    assert run_cli("sql", "SELECT 1", "--format", "csv", env=env).returncode == 0


def test_cli_bad_database_is_a_clear_error(tmp_path, tiny_corpus):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"garbage" * 1000)
    done = run_cli("ingest", str(tiny_corpus), "--db", str(bad), "--quiet")
    assert done.returncode == 2 and str(bad) in done.stderr
    assert bad.read_bytes() == b"garbage" * 1000


@pytest.mark.slow
def test_two_workers_store_the_same_rows(tiny_corpus, tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([str(tiny_corpus)], IngestOptions(db=one, default_date="2020-01-03", batch_size=1))
    ingest([str(tiny_corpus)], IngestOptions(db=two, default_date="2020-01-03", batch_size=1,
                                             workers=2))
    assert content(one) == content(two)
