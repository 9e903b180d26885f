import datetime as dt
import random

import pytest

from flashpoint.corpus.dedup import DedupSettings, cluster_events, pair_scores, recluster

BASE = dict(root="19", cameo="190", quad_class=4, negated=False, hypothetical=False,
            source_actor_id="cUSA", source_name="United States", source_country="USA",
            source_sector="MIL", target_actor_id="cIRN", target_name="Iran",
            target_country="IRN", target_sector="MIL", location_name="Baghdad",
            location_country="IRQ", location_lat=33.3, location_lon=44.4, span_start=0)


def ev(id, article, day, sentence, **changes):
    row = dict(BASE, id=id, article_id=article, date=dt.date(2020, 1, day), date_precision="day",
               article_date=dt.date(2020, 1, day), sentence=sentence)
    row.update(changes)
    return row


STRIKE = "US drone strike near Baghdad airport killed Iranian general Soleimani"
EVENTS = [
    ev("e1", "a1", 3, STRIKE),
    ev("e2", "a2", 4, "Iranian general Soleimani killed by US drone strike at Baghdad airport"),
    ev("e3", "a2", 4, "Pentagon confirmed the attack", span_start=300),  # same article repeat
    ev("e4", "a3", 20, STRIKE),  # too late
    ev("e5", "a4", 3, STRIKE, negated=True),  # a denial is not the event
    ev("e6", "a5", 3, STRIKE, target_country="IRQ", target_actor_id="cIRQ"),  # other dyad
    ev("e7", "a6", 3, STRIKE, location_country="SYR", location_lat=None),  # elsewhere
    ev("e8", "a7", 3, "Markets fell sharply in Tokyo trading"),  # unrelated evidence
]


def groups(assignment):
    by = {}
    for eid, cid in assignment.items():
        by.setdefault(cid, set()).add(eid)
    return sorted(sorted(g) for g in by.values())


def test_same_happening_is_one_cluster_and_the_rest_are_not():
    assert groups(cluster_events([dict(e) for e in EVENTS])) == \
        [["e1", "e2", "e3"], ["e4"], ["e5"], ["e6"], ["e7"], ["e8"]]


def test_clusters_do_not_depend_on_order():
    expected = cluster_events([dict(e) for e in EVENTS])
    for seed in range(5):
        shuffled = [dict(e) for e in EVENTS]
        random.Random(seed).shuffle(shuffled)
        assert cluster_events(shuffled) == expected


def test_window_is_a_setting():
    wide = cluster_events([dict(e) for e in EVENTS], settings=DedupSettings(window_days=30))
    assert ["e1", "e2", "e3", "e4"] in groups(wide)


def test_recluster_counts_and_pair_scores(con, make_analysis, make_event):
    from flashpoint.schema import Actor
    from flashpoint.store.rows import analysis_rows, merge
    from flashpoint.store.writer import clusters_stale, write_rows

    usa = Actor(id="A1", name="United States", type="country", country="USA", sector="MIL")
    irn = Actor(id="A2", name="Iran", type="country", country="IRN", sector="MIL")
    docs = [make_analysis(f"text {i}", id=f"d{i}", date=f"2020-01-0{d}", actors=(usa, irn),
                          events=[make_event("E1", usa, irn, date=f"2020-01-0{d}",
                                             sentence=STRIKE)])
            for i, d in ((1, 3), (2, 4), (3, 9))]
    write_rows(con, merge(analysis_rows(d) for d in docs))
    assert recluster(con) == 2 and not clusters_stale(con)
    row = con.execute("SELECT article_count, mention_count, first_report, last_report "
                      "FROM event_clusters ORDER BY article_count DESC LIMIT 1").fetchone()
    assert row == (2, 2, dt.date(2020, 1, 3), dt.date(2020, 1, 4))
    assert recluster(con) == 2  # recomputing is stable
    score = pair_scores(con, [("d1.txt", "d2.txt", True), ("d1.txt", "d3.txt", False),
                              ("d2.txt", "d3.txt", True)])
    assert (score.tp, score.fp, score.fn, score.tn) == (1, 0, 1, 1)
    assert score.precision == 1.0 and score.recall == 0.5


@pytest.mark.slow
def test_precision_recall_on_the_shared_corpus(dated_corpus_jsonl, pairs, tmp_path, capsys):
    """Measured, not asserted beyond structure: the extractors are still growing."""
    from flashpoint.corpus import IngestOptions, ingest
    from flashpoint.store.connection import connect

    db = tmp_path / "c.duckdb"
    summary = ingest([str(dated_corpus_jsonl)], IngestOptions(db=db))
    assert summary.stored + summary.failed == summary.read
    with connect(db, read_only=True) as con:
        score = pair_scores(con, pairs)
    assert score.tp + score.fp + score.fn + score.tn == len(pairs)
    with capsys.disabled():
        print(f"\ndedup on {len(pairs)} labelled pairs: {score} "
              f"P={score.precision:.2f} R={score.recall:.2f}; "
              f"{summary.read} articles in {summary.seconds:.1f} s = {summary.rate:.2f} art/s; "
              f"events={sum(summary.events_by_root.values())} clusters={summary.clusters}")


def test_vague_dates_do_not_cluster():
    rows = [dict(e, date_precision="month") for e in EVENTS[:2]]
    assert groups(cluster_events(rows)) == [["e1"], ["e2"]]


def test_article_main_place_does_not_veto_a_match():
    # one report places the strike by its clause, the other only by the article's main place
    placed = ev("p1", "b1", 3, STRIKE)
    fallback = ev("p2", "b2", 3, STRIKE, location_country="IRN", location_lat=None,
                  location_basis="article")
    assert groups(cluster_events([placed, fallback])) == [["p1", "p2"]]
    elsewhere = dict(fallback, location_basis="clause")
    assert groups(cluster_events([placed, elsewhere])) == [["p1"], ["p2"]]
