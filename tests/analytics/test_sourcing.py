"""Corpus sourcing statistics over the demo store."""

from flashpoint.analytics import sourcing_stats


def test_named_anonymous_unattributed_and_share(con):
    s = sourcing_stats(con)
    assert (s["quotes"], s["named"], s["anonymous"], s["unattributed"]) == (5, 2, 2, 1)
    assert s["anonymous_share"] == 0.5
    assert s["direct"] == 4 and s["reported"] == 1


def test_speakers_by_country_and_sector(con):
    s = sourcing_stats(con)
    by_country = {r["country"]: r for r in s["by_country"]}
    assert by_country["IRN"] == {"country": "IRN", "named": 2, "anonymous": 0, "quotes": 2}
    assert by_country["USA"]["anonymous"] == 1
    assert s["by_sector"][0] == {"sector": "GOV", "named": 2, "anonymous": 2, "quotes": 4}
    assert s["speakers"][0] == {"speaker": "Javad Zarif", "country": "IRN", "sector": "GOV",
                                "quotes": 2, "articles": 2}
    assert all(sp["speaker"] != "one U.S. official" for sp in s["speakers"])


def test_date_and_country_filters(con):
    assert sourcing_stats(con, since="2020-01-05")["quotes"] == 2
    assert sourcing_stats(con, country="irq")["anonymous"] == 1
    assert sourcing_stats(con, until="2019-01-01")["anonymous_share"] is None
