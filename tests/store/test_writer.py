import dataclasses

import pytest

from flashpoint.errors import EmptyInputError, InputError, StoreError
from flashpoint.store.rows import analysis_rows, error_row, merge
from flashpoint.store.writer import clusters_stale, existing_article_ids, write_rows

TABLES = ("articles", "actors", "article_actors", "places", "article_places", "events",
          "event_actors", "event_places", "quotes", "ingest_errors")


@pytest.fixture
def two(con, make_analysis):
    rows = merge([analysis_rows(make_analysis(n_events=2)),
                  analysis_rows(make_analysis("Iran fired missiles at Al Asad.", id="a2"))])
    write_rows(con, rows)
    return rows


def test_ids_are_content_hashes(make_analysis):
    a, b = analysis_rows(make_analysis()), analysis_rows(make_analysis(id="renamed"))
    assert a["articles"][0]["id"] == b["articles"][0]["id"]  # the name is not the id
    assert [e["id"] for e in a["events"]] == [e["id"] for e in b["events"]]
    c = analysis_rows(make_analysis(url="https://x.org/a?utm_source=rss"))
    d = analysis_rows(make_analysis("other text", url="HTTPS://X.org/a/"))
    assert c["articles"][0]["id"] == d["articles"][0]["id"]  # canonical URL wins


def test_actors_and_places_are_shared_across_articles(con, two):
    assert con.execute("SELECT count(*) FROM actors").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM article_actors").fetchone()[0] == 4
    assert con.execute("SELECT count(*) FROM places").fetchone()[0] == 1


def test_writing_twice_changes_nothing(con, two):
    def state():
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    before = state()
    ev = con.execute("SELECT * FROM events ORDER BY id").fetchall()
    write_rows(con, two)
    assert state() == before
    assert con.execute("SELECT * FROM events ORDER BY id").fetchall() == ev
    assert before["events"] == 3 and before["articles"] == 2


def test_event_rows_flatten_the_contract(con, two):
    row = con.execute("SELECT source_name, source_country, source_code, target_code, cameo, "
                      "root, quad_class, negated, location_name, location_lat, span_start, "
                      "trigger, rule, context FROM events ORDER BY span_end LIMIT 1").fetchone()
    assert row == ("United States", "USA", "USAGOV", "IRNMIL", "190", "19", 4, False,
                   "Baghdad", 33.3, 0, "killed", "test:rule", ["military"])


def test_existing_ids_and_stale_flag(con, two):
    ids = [r["id"] for r in two["articles"]]
    assert existing_article_ids(con, ids + ["nope"]) == set(ids)
    assert clusters_stale(con)


def test_a_failed_batch_leaves_nothing(con, make_analysis):
    rows = analysis_rows(make_analysis())
    rows["events"].append(dict(rows["events"][0], id="e-bad", cameo=None))  # NOT NULL
    with pytest.raises(StoreError, match="nothing of it was stored"):
        write_rows(con, rows)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_failures_count_attempts_and_clear_on_success(con, make_analysis):
    analysis = make_analysis()
    err = error_row(analysis.article, EmptyInputError("a1.txt", "boom"))
    for _ in range(2):
        write_rows(con, {"ingest_errors": [err]})
    assert con.execute("SELECT attempts, message FROM ingest_errors").fetchone() == \
        (2, "a1.txt: boom")
    write_rows(con, analysis_rows(analysis))
    assert con.execute("SELECT count(*) FROM ingest_errors").fetchone()[0] == 0


def test_a_bad_date_is_the_articles_error(make_analysis):
    bad = make_analysis()
    bad = dataclasses.replace(bad, article=dataclasses.replace(bad.article, date="03/01/2020"))
    with pytest.raises(InputError, match="not an ISO date"):
        analysis_rows(bad)
