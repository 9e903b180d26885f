"""Dyad time series against counts worked out by hand from ``demo_analyses``."""

import pytest

from flashpoint.analytics import dyad_series, top_dyads
from flashpoint.errors import SettingError


def test_undirected_country_series_counts_by_hand(con):
    s = dyad_series(con, "usa", "IRN")
    assert [p["period"] for p in s["periods"]] == [f"2020-01-0{d}" for d in range(3, 9)]
    by_day = {p["period"]: p for p in s["periods"]}
    assert by_day["2020-01-03"]["events"] == 2  # the strike and the accusation
    assert by_day["2020-01-03"]["material_conflict"] == 1
    assert by_day["2020-01-03"]["verbal_conflict"] == 1
    assert by_day["2020-01-03"]["goldstein_sum"] == -11.0
    assert by_day["2020-01-03"]["goldstein_mean"] == -5.5
    assert by_day["2020-01-05"]["events"] == 0  # zero-filled gap
    assert by_day["2020-01-05"]["goldstein_mean"] is None
    assert s["totals"]["conflict"] == 3 and s["totals"]["cooperation"] == 0
    assert s["totals"]["a_to_b"] == 1 and s["totals"]["b_to_a"] == 2


def test_directed_series_counts_one_direction(con):
    assert dyad_series(con, "USA", "IRN", directed=True)["totals"]["events"] == 1
    assert dyad_series(con, "IRN", "USA", directed=True)["totals"]["events"] == 2


@pytest.mark.parametrize("modality, events", [("asserted", 3), ("any", 5),
                                              ("hypothetical", 1), ("negated", 1)])
def test_negated_and_hypothetical_are_excluded_unless_asked(con, modality, events):
    assert dyad_series(con, "USA", "IRN", modality=modality)["totals"]["events"] == events


def test_weekly_series_and_date_range(con):
    s = dyad_series(con, "USA", "IRN", freq="week", since="2019-12-25", until="2020-01-12")
    assert [p["period"] for p in s["periods"]] == ["2019-12-23", "2019-12-30", "2020-01-06"]
    assert [p["events"] for p in s["periods"]] == [0, 2, 1]


def test_actor_level_matches_names_case_insensitively(con):
    s = dyad_series(con, "united states", "Qassem Soleimani", level="actor")
    assert s["totals"]["events"] == 1 and s["totals"]["material_conflict"] == 1


def test_top_dyads_rank_conflict_first_and_skip_unknown_sides(con):
    rows = top_dyads(con)
    assert (rows[0]["a"], rows[0]["b"], rows[0]["conflict"]) == ("IRN", "USA", 3)
    pairs = {(r["a"], r["b"]) for r in rows}
    assert ("IRQ", "USA") in pairs and ("IRN", "ISR") in pairs
    coop = top_dyads(con, order="cooperation", limit=1)[0]
    assert (coop["a"], coop["b"], coop["cooperation"]) == ("IRQ", "USA", 2)


@pytest.mark.parametrize("kwargs, fragment", [
    ({"freq": "month"}, "freq 'month' is not one of day, week"),
    ({"level": "planet"}, "level 'planet' is not one of country, actor"),
    ({"modality": "maybe"}, "modality 'maybe'"),
    ({"since": "2020-02-30"}, "since '2020-02-30' is not an ISO date"),
])
def test_bad_settings_name_the_value_and_the_valid_ones(con, kwargs, fragment):
    with pytest.raises(SettingError, match=fragment.replace("(", r"\(")):
        dyad_series(con, "USA", "IRN", **kwargs)


def test_injection_strings_are_values_not_sql(con):
    for evil in ("USA' OR '1'='1", "x'); DROP TABLE events; --", "%", "_"):
        assert dyad_series(con, evil, "IRN")["totals"]["events"] == 0
        assert dyad_series(con, evil, "IRN", level="actor")["totals"]["events"] == 0
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 10
