"""Escalation signal and forecast, backtested on synthetic series with a known change.

Figures these tests pin (20 seeds, rate 1/day -> 4/day at day 90, 7-day window against a
28-day baseline): median detection delay 3 days, every change detected within 7 days,
alert on about 1% of pre-change days; change point within 3 days of the truth in 18/20.
"""

import numpy as np
import pytest

from flashpoint.analytics import backtest, change_point, dyad_escalation, escalation_report, \
    signal
from flashpoint.analytics.escalation import scan
from flashpoint.analytics.forecast import ForecastSettings, fit_ingarch, forecast, select_model
from flashpoint.analytics.synthetic import change_series, ingarch_series
from flashpoint.errors import SettingError

SEEDS = range(20)
CHANGE = 90


def _series(seed):
    return change_series(days=120, change_day=CHANGE, rate_before=1.0, rate_after=4.0,
                         seed=seed)


def test_signal_detects_the_known_change_quickly():
    delays = []
    for seed in SEEDS:
        levels = scan(_series(seed))
        alerts = [t for t in range(CHANGE, 120) if levels[t] == "alert"]
        assert alerts, f"seed {seed}: change never detected"
        delays.append(alerts[0] - CHANGE)
    assert np.median(delays) <= 4 and max(delays) <= 7


def test_signal_rarely_alerts_before_the_change_or_on_a_stationary_series():
    pre = [lvl for seed in SEEDS for lvl in scan(_series(seed))[:CHANGE] if lvl]
    assert sum(lvl == "alert" for lvl in pre) / len(pre) < 0.03
    rng = np.random.default_rng(7)
    flat = [lvl for _ in range(20) for lvl in scan(rng.poisson(2.0, 200)) if lvl]
    assert sum(lvl == "alert" for lvl in flat) / len(flat) < 0.02


def test_change_point_finds_the_known_day():
    found = [change_point(_series(seed))["index"] for seed in SEEDS]
    assert sum(abs(k - CHANGE) <= 3 for k in found) >= 16
    cp = change_point(_series(0))
    assert cp["rate_before"] < 1.5 < 3 < cp["rate_after"]


def test_signal_fields_and_de_escalation():
    s = signal([0] * 28 + [1, 2, 3, 2, 4, 3, 2])
    assert s["level"] == "alert" and s["window_events"] == 17 and s["p_value"] < 0.01
    assert s["z"] > 3 and s["ratio"] is None  # silent baseline: no finite ratio
    assert signal([3] * 28 + [0] * 7)["level"] == "de-escalation"
    assert signal([2, 1])["level"] == "insufficient-data"


def test_forecast_model_recovers_known_hawkes_parameters():
    m = fit_ingarch(ingarch_series(days=400, omega=0.5, alpha=0.4, beta=0.3, seed=3))
    assert m.name == "ingarch"
    assert abs(m.alpha - 0.4) < 0.12 and abs(m.alpha / (1 - m.beta) - 0.57) < 0.15


def test_forecast_interval_covers_held_out_data():
    result = backtest(ingarch_series(days=400, omega=0.5, alpha=0.4, beta=0.3, seed=3))
    assert result["origins"] >= 40
    assert 0.8 <= result["coverage"] <= 0.98


def test_model_choice_follows_the_data():
    rng = np.random.default_rng(1)
    assert select_model(rng.poisson(2.0, 200)).name == "constant"  # nothing to excite
    assert select_model(np.array([0, 1, 0, 2])).name == "constant"  # too short
    clustered = ingarch_series(days=300, omega=0.3, alpha=0.5, beta=0.4, seed=2)
    assert select_model(clustered).name == "ingarch"


def test_forecast_rises_after_the_change_and_is_reproducible():
    y = _series(0)
    before, after = forecast(y[:CHANGE])["total"], forecast(y)["total"]
    assert after["mean"] > 2 * before["mean"]
    assert forecast(y) == forecast(y)
    days = forecast(y, ForecastSettings(horizon=3))["days"]
    assert [d["step"] for d in days] == [1, 2, 3]
    assert all(d["lower"] <= d["mean"] <= d["upper"] for d in days)


def test_bad_forecast_settings_name_the_value():
    with pytest.raises(SettingError, match="horizon 0"):
        ForecastSettings(horizon=0)


def test_dyad_escalation_on_the_store(con):
    result = dyad_escalation(con, "USA", "IRN")
    assert result["as_of"] == "2020-01-08"
    assert sum(r["conflict"] for r in result["series"]) == 3
    assert len(result["forecast"]["days"]) == 7
    assert result["forecast"]["days"][0]["date"] == "2020-01-09"
    report = escalation_report(con, top=3)
    assert report["dyads"] and {"a", "b", "signal", "forecast"} <= set(report["dyads"][0])
    assert escalation_report(con, as_of="2019-01-01")["dyads"] == []
