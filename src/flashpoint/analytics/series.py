"""Dyad time series: per day or week, counts by quad class, Goldstein and PLOVER intensity.

A dyad is a pair of countries (ISO3, ``level="country"``) or actors (stored actor id or
name, ``level="actor"``). Directed series count events from ``a`` to ``b`` only; undirected
ones count both directions and say how many went each way. Periods with no event are
present with zeros, because a gap in the news is information (and the escalation signal
needs a regular series). Only asserted events by default (see ``flashpoint.analytics.common``).
"""

from __future__ import annotations

import datetime as dt

import duckdb

from flashpoint.analytics.common import (FREQS, QUAD_NAMES, SIDE_KEYS, Scope, check_choice,
                                         dyad_condition, pair_columns, parse_date, periods)
from flashpoint.errors import SettingError

MAX_TOP = 1000

_AGGREGATES = (
    "count(*) AS events, "
    + ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS {name}"
                for q, name in QUAD_NAMES.items())
    + ", coalesce(sum(e.goldstein), 0) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean"
    ", coalesce(sum(e.intensity), 0) AS intensity_sum, avg(e.intensity) AS intensity_mean"
)
_ZERO = {"events": 0, **{n: 0 for n in QUAD_NAMES.values()}, "cooperation": 0, "conflict": 0,
         "goldstein_sum": 0.0, "goldstein_mean": None, "intensity_sum": 0.0,
         "intensity_mean": None, "a_to_b": 0, "b_to_a": 0}


def _finish_row(row: dict) -> dict:
    row["cooperation"] = row["verbal_cooperation"] + row["material_cooperation"]
    row["conflict"] = row["verbal_conflict"] + row["material_conflict"]
    for key in ("goldstein_sum", "goldstein_mean", "intensity_sum", "intensity_mean"):
        if row[key] is not None:
            row[key] = round(float(row[key]), 4)
    return row


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, *, level: str = "country",
                directed: bool = False, freq: str = "day", since: str | None = None,
                until: str | None = None, modality: str = "asserted") -> dict:
    """The time series of the dyad ``a``-``b``; see the module docstring.

    Returns ``{"a", "b", "level", "directed", "freq", "modality", "since", "until",
    "periods": [{"period": "YYYY-MM-DD", "events", <quad class names>, "cooperation",
    "conflict", "goldstein_sum", "goldstein_mean", "intensity_sum", "intensity_mean",
    "a_to_b", "b_to_a"}], "totals": {...same counts over all periods}}``.
    """
    check_choice("freq", freq, FREQS)
    if not a or not b:
        raise SettingError(f"a dyad needs two sides, got a={a!r} b={b!r}")
    if level == "country":
        a, b = a.upper(), b.upper()
    scope = Scope(since=since, until=until, modality=modality, level=level)
    where, params = scope.where()
    dyad, dyad_params = dyad_condition(level, a, b, directed=directed)
    forward, forward_params = dyad_condition(level, a, b, directed=True)
    # freq is one of FREQS (checked above), so it is safe as an SQL literal.
    sql = (f"SELECT CAST(date_trunc('{freq}', e.date) AS DATE) AS period, {_AGGREGATES}, "
           f"count(*) FILTER (WHERE {forward}) AS a_to_b FROM events e{where} AND {dyad} "
           "GROUP BY 1 ORDER BY 1")
    cursor = con.execute(sql, [*forward_params, *params, *dyad_params])
    names = [d[0] for d in cursor.description]
    found = {}
    for values in cursor.fetchall():
        row = _finish_row(dict(zip(names, values)))
        row["b_to_a"] = 0 if directed else row["events"] - row["a_to_b"]
        found[row.pop("period")] = row
    rows = [{"period": p.isoformat(), **found.get(p, _ZERO)}
            for p in _span(found, since, until, freq)]
    return {"a": a, "b": b, "level": level, "directed": directed, "freq": freq,
            "modality": modality, "since": since, "until": until, "periods": rows,
            "totals": totals(rows)}


def _span(found: dict, since: str | None, until: str | None, freq: str) -> list[dt.date]:
    first = parse_date("since", since) if since else min(found, default=None)
    last = parse_date("until", until) if until else max(found, default=None)
    if first is None or last is None or first > last:
        return sorted(found)
    return periods(first, last, freq)


def totals(rows: list[dict]) -> dict:
    """Counts and sums over a series' periods (means weighted by events)."""
    out = {k: sum(r[k] for r in rows) for k in
           ("events", *QUAD_NAMES.values(), "cooperation", "conflict", "a_to_b", "b_to_a")}
    for key in ("goldstein", "intensity"):
        total = sum(r[f"{key}_sum"] for r in rows)
        out[f"{key}_sum"] = round(total, 4)
        out[f"{key}_mean"] = round(total / out["events"], 4) if out["events"] else None
    return out


def top_dyads(con: duckdb.DuckDBPyConnection, *, level: str = "country",
              directed: bool = False, since: str | None = None, until: str | None = None,
              modality: str = "asserted", limit: int = 20, order: str = "conflict") -> list[dict]:
    """Dyads ranked by conflict (or ``order="events"``/``"cooperation"``), most first.

    Events with an unknown side or with both sides equal (domestic events at country level)
    are left out: a dyad is a pair of two different parties.
    """
    check_choice("order", order, ("conflict", "cooperation", "events"))
    if not 1 <= limit <= MAX_TOP:
        raise SettingError(f"limit {limit} must be between 1 and {MAX_TOP}")
    scope = Scope(since=since, until=until, modality=modality, level=level)
    where, params = scope.where()
    src, tgt = SIDE_KEYS[level]
    a, b, a_label, b_label = pair_columns(level, directed=directed)
    sql = (f"SELECT {a} AS a, {b} AS b, any_value({a_label}) AS a_name, "
           f"any_value({b_label}) AS b_name, {_AGGREGATES}, min(e.date) AS first_date, "
           f"max(e.date) AS last_date FROM events e{where} AND {src} IS NOT NULL AND "
           f"{tgt} IS NOT NULL AND {src} <> {tgt} GROUP BY 1, 2")
    cursor = con.execute(f"SELECT * FROM ({sql}) ORDER BY "
                         f"{_order_sql(order)} DESC, events DESC, a, b LIMIT ?", [*params, limit])
    names = [d[0] for d in cursor.description]
    out = []
    for values in cursor.fetchall():
        row = _finish_row(dict(zip(names, values)))
        row["first_date"] = row["first_date"].isoformat()
        row["last_date"] = row["last_date"].isoformat()
        out.append(row)
    return out


def _order_sql(order: str) -> str:
    return {"conflict": "(verbal_conflict + material_conflict)",
            "cooperation": "(verbal_cooperation + material_cooperation)",
            "events": "events"}[order]
