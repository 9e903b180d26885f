"""The escalation signal: is a dyad's latest conflict out of line with its own past?

For each dyad the daily count of (asserted) conflict events, quad classes 3 and 4, is
compared between the latest ``window`` days and the ``baseline`` days before them:

* ``z``: the window's excess over the baseline rate, in standard deviations, with the
  baseline variance floored at the Poisson variance (news counts are over-dispersed, never
  under-dispersed) and at ``1 / baseline`` (so a silent baseline does not divide by zero);
* ``p_value``: an exact test of equal rates. Given ``n`` events in window and baseline
  together, under equal rates the window's share is Binomial(n, w / (w + b)); the one-sided
  tail is the p-value (the conditional test for two Poisson rates);
* ``level``: ``alert`` when p < ``alert_p`` with at least ``min_window_events`` in the
  window; ``watch`` when p < ``watch_p``; ``de-escalation`` when the lower tail is below
  ``alert_p``; else ``normal``;
* a change point: the single split of the history that best separates two Poisson rates
  (maximum likelihood), with the rates on each side.

The forecast (``flashpoint.analytics.forecast``) is attached for the next ``horizon`` days.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import duckdb
import numpy as np
from scipy.stats import binom

from flashpoint.analytics.common import Scope, parse_date
from flashpoint.analytics.forecast import ForecastSettings, forecast
from flashpoint.analytics.series import dyad_series, top_dyads
from flashpoint.errors import SettingError


@dataclass(frozen=True, kw_only=True)
class EscalationSettings:
    window: int = 7
    baseline: int = 28
    history: int = 180
    alert_p: float = 0.01
    watch_p: float = 0.05
    min_window_events: int = 3
    forecast: ForecastSettings = field(default_factory=ForecastSettings)

    def __post_init__(self) -> None:
        if not 1 <= self.window <= 90 or not 1 <= self.baseline <= 730:
            raise SettingError(f"window {self.window} must be 1..90 days and baseline "
                               f"{self.baseline} 1..730 days")
        if self.history < self.window + self.baseline or self.history > 3660:
            raise SettingError(f"history {self.history} must be at least window + baseline "
                               f"({self.window + self.baseline}) and at most 3660 days")


ESCALATION_HELP = {
    "window": "Latest days compared against the baseline.",
    "baseline": "Days before the window that form the dyad's own trailing baseline.",
    "history": "Days of history read for the change point and the forecast model.",
    "alert_p": "p-value below which a rise is an alert (exact two-rate Poisson test).",
    "watch_p": "p-value below which a rise is worth watching.",
    "min_window_events": "Fewest conflict events in the window for an alert.",
    "forecast": "Forecast settings (see FORECAST_HELP).",
}


def signal(counts, *, window: int = 7, baseline: int = 28, alert_p: float = 0.01,
           watch_p: float = 0.05, min_window_events: int = 3) -> dict:
    """The latest ``window`` of daily ``counts`` against the ``baseline`` days before it.

    >>> signal([0] * 28 + [0, 0, 1, 2, 3, 2, 4])["level"]
    'alert'
    >>> signal([1] * 35)["level"]
    'normal'
    >>> signal([2, 3])["level"]
    'insufficient-data'
    """
    y = np.asarray(counts, dtype=float)
    if len(y) < window + 1:  # no baseline day: nothing to compare against
        return {"level": "insufficient-data", "window_events": int(y[-window:].sum()),
                "baseline_events": 0, "window_days": window, "baseline_days": 0,
                "baseline_rate": None, "window_rate": None, "expected": None, "z": None,
                "ratio": None, "p_value": None, "p_value_lower": None}
    recent, base = y[-window:], y[-(window + baseline):-window]
    x_w, x_b, b = float(recent.sum()), float(base.sum()), len(base)
    mean_b = x_b / b
    var_b = float(base.var(ddof=1)) if b > 1 else mean_b
    sd = math.sqrt(window * max(var_b, mean_b, 1.0 / b))
    n, share = int(x_w + x_b), window / (window + b)
    p_up = float(binom.sf(x_w - 1, n, share)) if x_w > 0 else 1.0
    p_down = float(binom.cdf(x_w, n, share)) if n else 1.0
    if p_up < alert_p and x_w >= min_window_events:
        level = "alert"
    elif p_up < watch_p:
        level = "watch"
    elif p_down < alert_p:
        level = "de-escalation"
    else:
        level = "normal"
    return {"level": level, "window_events": int(x_w), "baseline_events": int(x_b),
            "window_days": window, "baseline_days": b,
            "baseline_rate": round(mean_b, 4), "window_rate": round(x_w / window, 4),
            "expected": round(mean_b * window, 4), "z": round((x_w - mean_b * window) / sd, 4),
            "ratio": round((x_w / window) / mean_b, 4) if mean_b > 0 else None,
            "p_value": round(p_up, 6), "p_value_lower": round(p_down, 6)}


def change_point(counts, *, min_segment: int = 7) -> dict | None:
    """The split index k (the first day of the new regime) maximising the two-rate Poisson
    likelihood, with ``llr`` its log-likelihood ratio against one constant rate.

    >>> change_point([0] * 20 + [5] * 10)["index"]
    20
    """
    y = np.asarray(counts, dtype=float)
    n = len(y)
    if n < 2 * min_segment or y.sum() == 0:
        return None
    cum = np.cumsum(y)
    total = cum[-1]
    ks = np.arange(min_segment, n - min_segment + 1)
    s1, s2 = cum[ks - 1], total - cum[ks - 1]

    def ll(s, m):  # maximised Poisson log-likelihood of a segment (constants dropped)
        return np.where(s > 0, s * np.log(np.maximum(s, 1e-300) / m) - s, 0.0)

    gain = ll(s1, ks) + ll(s2, n - ks) - float(ll(np.array(total), n))
    best = int(np.argmax(gain))
    k = int(ks[best])
    return {"index": k, "llr": round(float(gain[best]), 4),
            "rate_before": round(float(s1[best]) / k, 4),
            "rate_after": round(float(s2[best]) / (n - k), 4)}


def scan(counts, settings: EscalationSettings = EscalationSettings()) -> list[str]:
    """The signal level on every day that has a full window and baseline behind it
    (``None`` before): how the signal would have read day by day (the backtest)."""
    y = np.asarray(counts)
    need = settings.window + settings.baseline
    return [None if t + 1 < need else signal(
        y[t + 1 - need:t + 1], window=settings.window, baseline=settings.baseline,
        alert_p=settings.alert_p, watch_p=settings.watch_p,
        min_window_events=settings.min_window_events)["level"] for t in range(len(y))]


def date_range(con: duckdb.DuckDBPyConnection,
               scope: Scope) -> tuple[dt.date | None, dt.date | None]:
    """The oldest and newest event dates in scope. The newest is the default "as of" (the
    corpus may be historical); history never reaches before the oldest, since days before
    the corpus began are unobserved, not quiet."""
    where, params = scope.where()
    return con.execute(f"SELECT min(e.date), max(e.date) FROM events e{where}",
                       params).fetchone()


def _history(con, scope: Scope, as_of: str | None,
             settings: EscalationSettings) -> tuple[dt.date, dt.date] | None:
    first, last = date_range(con, scope)
    if last is None:
        return None
    end = parse_date("as_of", as_of) if as_of else last
    start = max(end - dt.timedelta(days=settings.history - 1), first)
    return min(start, end), end


def dyad_escalation(con: duckdb.DuckDBPyConnection, a: str, b: str, *,
                    level: str = "country", directed: bool = False, as_of: str | None = None,
                    modality: str = "asserted",
                    settings: EscalationSettings = EscalationSettings()) -> dict:
    """Signal, change point and forecast for one dyad, as of ``as_of`` (default: the
    newest event date in the store)."""
    span = _history(con, Scope(modality=modality, level=level, until=as_of), as_of, settings)
    if span is None:
        raise SettingError("no dated events in the store to compute an escalation signal")
    start, end = span
    series = dyad_series(con, a, b, level=level, directed=directed, freq="day",
                         since=start.isoformat(), until=end.isoformat(), modality=modality)
    return escalation_from_series(series, end=end, settings=settings)


def escalation_from_series(series: dict, *, end: dt.date,
                           settings: EscalationSettings = EscalationSettings()) -> dict:
    """Signal, change point and forecast from a daily :func:`dyad_series` result (pure)."""
    rows = series["periods"]
    conflict = [r["conflict"] for r in rows]
    sig = signal(conflict, window=settings.window, baseline=settings.baseline,
                 alert_p=settings.alert_p, watch_p=settings.watch_p,
                 min_window_events=settings.min_window_events)
    cp = change_point(conflict)
    if cp is not None:
        cp["date"] = rows[cp["index"]]["period"]
    fc = forecast(conflict, settings.forecast)
    for day in fc["days"]:
        day["date"] = (end + dt.timedelta(days=day["step"])).isoformat()
    tail = settings.window + settings.baseline
    return {"a": series["a"], "b": series["b"], "level": series["level"],
            "directed": series["directed"], "modality": series["modality"],
            "as_of": end.isoformat(), "signal": sig, "change_point": cp, "forecast": fc,
            "series": [{"date": r["period"], "conflict": r["conflict"],
                        "cooperation": r["cooperation"]} for r in rows[-tail:]]}


_SEVERITY = {"alert": 0, "watch": 1, "de-escalation": 2, "normal": 3, "insufficient-data": 4}


def escalation_report(con: duckdb.DuckDBPyConnection, *, level: str = "country",
                      as_of: str | None = None, top: int = 10, modality: str = "asserted",
                      settings: EscalationSettings = EscalationSettings()) -> dict:
    """The signal for the ``top`` dyads with most conflict over the history, most severe
    first: ``{"as_of", "settings", "dyads": [dyad_escalation results]}``."""
    if not 1 <= top <= 100:
        raise SettingError(f"top {top} must be between 1 and 100")
    span = _history(con, Scope(modality=modality, level=level, until=as_of), as_of, settings)
    if span is None:
        return {"as_of": None, "window": settings.window, "baseline": settings.baseline,
                "dyads": []}
    start, end = span
    pairs = top_dyads(con, level=level, since=start.isoformat(), until=end.isoformat(),
                      modality=modality, limit=top)
    results = [dyad_escalation(con, p["a"], p["b"], level=level, as_of=end.isoformat(),
                               modality=modality, settings=settings) for p in pairs]
    for result, pair in zip(results, pairs):
        result["a_name"], result["b_name"] = pair["a_name"], pair["b_name"]
    results.sort(key=lambda r: (_SEVERITY[r["signal"]["level"]], -(r["signal"]["z"] or 0)))
    return {"as_of": end.isoformat(), "window": settings.window,
            "baseline": settings.baseline, "dyads": results}
