"""The dashboard's own JSON (no browser): the overview summary counts undated articles."""

import dataclasses

from flashpoint.analytics.synthetic import EventSpec, build_store, make_analysis
from flashpoint.store.connection import connect
from flashpoint.web.data import summary


def test_summary_counts_articles_without_a_date(tmp_path):
    dated = make_analysis("dated", "2024-03-01", [EventSpec(source="IRN", target="USA")])
    later = make_analysis("undated", "2024-03-02", [EventSpec(source="IRQ", target="TUR")])
    undated = dataclasses.replace(later, article=dataclasses.replace(later.article, date=None))
    assert undated.article.date_basis is None
    db = tmp_path / "s.duckdb"
    build_store(db, [dated, undated])
    with connect(db, read_only=True) as con:
        data = summary(con)
    assert (data["undated_articles"], data["counts"]["articles"]) == (1, 2)
