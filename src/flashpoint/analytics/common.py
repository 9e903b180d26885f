"""What every analytic shares: the dyad level, the period, the modality filter.

Analytics count only **asserted** events by default: an event the text denies ("backed
down from a strike") or only fears ("could occur anywhere") did not happen, and counting it
would inflate conflict exactly when rhetoric runs hot. Pass ``modality="any"`` (or
``"negated"``/``"hypothetical"``) to look at those instead.

SQL here is built only from the constants below; every value is a bound parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flashpoint.errors import SettingError
from flashpoint.store.queries import MODALITIES, EventFilter, where_clause

LEVELS = ("country", "actor")
FREQS = ("day", "week")

# Per level: SQL for the source and target key of ``events e``. Actor keys fall back to the
# name for actors without a stored id (an unresolved name still makes a dyad).
# At country level an IGO is its own node ("IGOUN", "IGOEU"): it has no country.
_COUNTRY_OR_IGO = ("coalesce(e.{0}_country, "
                   "CASE WHEN starts_with(e.{0}_code, 'IGO') THEN e.{0}_{1} END)")
SIDE_KEYS = {
    "country": (_COUNTRY_OR_IGO.format("source", "code"),
                _COUNTRY_OR_IGO.format("target", "code")),
    "actor": ("coalesce(e.source_actor_id, e.source_name)",
              "coalesce(e.target_actor_id, e.target_name)"),
}
SIDE_LABELS = {
    "country": (_COUNTRY_OR_IGO.format("source", "name"),
                _COUNTRY_OR_IGO.format("target", "name")),
    "actor": ("e.source_name", "e.target_name"),
}

QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
              4: "material_conflict"}


@dataclass(frozen=True, kw_only=True)
class Scope:
    """Which events an analytic reads: a date range and a modality (asserted by default)."""

    since: str | None = None
    until: str | None = None
    modality: str = "asserted"
    level: str = "country"

    def __post_init__(self) -> None:
        check_choice("level", self.level, LEVELS)
        check_choice("modality", self.modality, MODALITIES)
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                parse_date(name, value)

    def where(self) -> tuple[str, list]:
        """``WHERE`` clause over ``events e`` (dated events only) and its parameters."""
        where, params = where_clause(EventFilter(since=self.since, until=self.until,
                                                 modality=self.modality))
        dated = "e.date IS NOT NULL"
        return (f"{where} AND {dated}" if where else f" WHERE {dated}"), params


def check_choice(name: str, value: object, valid: tuple) -> None:
    if value not in valid:
        raise SettingError(f"{name} {value!r} is not one of {', '.join(map(str, valid))}")


def parse_date(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise SettingError(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def side_match(level: str, side: str) -> tuple[str, int]:
    """SQL matching one side of an event to a key, and how many parameters it takes.

    Countries match the ISO3 code; actors match the stored actor id or, case-insensitively,
    the name, so ``/dyads/United States/Iran`` works as well as ids.
    """
    i = 0 if side == "source" else 1
    if level == "country":
        return f"{SIDE_KEYS['country'][i]} = upper(?)", 1
    return (f"({'e.source_actor_id' if i == 0 else 'e.target_actor_id'} = ? OR "
            f"lower({SIDE_LABELS['actor'][i]}) = lower(?))"), 2


def dyad_condition(level: str, a: str, b: str, *, directed: bool) -> tuple[str, list]:
    """SQL: the event is from ``a`` to ``b`` (or either way when undirected)."""
    src, n = side_match(level, "source")
    tgt, _ = side_match(level, "target")
    forward = f"({src} AND {tgt})"
    params = [a] * n + [b] * n
    if directed:
        return forward, params
    return f"({forward} OR ({src} AND {tgt}))", params + [b] * n + [a] * n


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week (DuckDB's ``date_trunc('week', ...)``).

    >>> week_start(dt.date(2020, 1, 3))
    datetime.date(2019, 12, 30)
    """
    return day - dt.timedelta(days=day.weekday())


# A series longer than this is refused: one period is one row in memory and in the answer.
MAX_PERIODS = 20_000


def periods(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    """Every period start from ``first`` to ``last`` inclusive (zero-filling a series).

    >>> [d.day for d in periods(dt.date(2020, 1, 1), dt.date(2020, 1, 3), "day")]
    [1, 2, 3]
    """
    step = dt.timedelta(days=1 if freq == "day" else 7)
    if freq == "week":
        first, last = week_start(first), week_start(last)
    count = (last - first) // step + 1
    if count > MAX_PERIODS:
        raise SettingError(f"{count:,} {freq}s from {first} to {last} is over the limit of "
                           f"{MAX_PERIODS:,} periods; narrow since/until or use freq=week")
    return [first + n * step for n in range(max(count, 0))]


def pair_columns(level: str, *, directed: bool) -> tuple[str, str, str, str]:
    """SQL for a dyad's two keys and two labels; undirected pairs are ordered so that a-b
    and b-a fall in one group."""
    src, tgt = SIDE_KEYS[level]
    src_label, tgt_label = SIDE_LABELS[level]
    if directed:
        return src, tgt, src_label, tgt_label
    return (f"least({src}, {tgt})", f"greatest({src}, {tgt})",
            f"CASE WHEN {src} <= {tgt} THEN {src_label} ELSE {tgt_label} END",
            f"CASE WHEN {src} <= {tgt} THEN {tgt_label} ELSE {src_label} END")
