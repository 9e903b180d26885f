"""Disambiguation: choose one gazetteer entry per toponym from the article, not the first hit.

Two passes. Pass one picks each name's best entry on priors alone (feature type, population,
capital, main name versus alternate name). Those picks become the article's context: the
countries it mentions and the cities it names. Pass two rescores every ambiguous name with that
context, leaving out the name's own picks so a name cannot vote for itself. Hence "Georgia" next
to "Tbilisi" is the country and next to "Atlanta" the US state; "Washington" is the US capital
unless the article is about the state.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from flashpoint.geo.gazetteer import Entry, Hit, norm

# Priors by feature type: a name that is a country is usually the country.
KIND_PRIOR = {"country": 6.5, "region": 5.0, "sea": 5.0, "admin": 3.0}
ALIAS_PENALTY = 1.5  # a city's alternate name (historic, foreign) is a weaker claim than its name
NAME_BONUS = 0.5
CAPITAL_BONUS = 1.5
SAME_COUNTRY_BONUS = 3.0  # the article mentions the candidate's country elsewhere
CONTAINS_CITY_BONUS = 3.0  # the candidate (country/state) contains a city the article names


@dataclass
class Context:
    """What the rest of the article says: countries (ISO3 -> weight) and named cities."""

    countries: Counter = field(default_factory=Counter)
    cities: list[Entry] = field(default_factory=list)


def prior(hit: Hit) -> float:
    """Score of a hit with no context."""
    entry = hit.entry
    if entry.kind == "city":
        score = math.log10(max(entry.population, 10)) - 2.0
        score += CAPITAL_BONUS if entry.capital else 0.0
        score -= ALIAS_PENALTY if hit.how == "alias" else 0.0
    else:
        score = KIND_PRIOR.get(entry.kind, 3.0)
    return score + (NAME_BONUS if hit.how == "name" else 0.0)


def contextual(hit: Hit, ctx: Context) -> float:
    """Prior plus what the article's other toponyms say about this candidate."""
    entry, score = hit.entry, prior(hit)
    if entry.country and ctx.countries[entry.country] > 0:
        score += SAME_COUNTRY_BONUS
    if entry.kind == "country" and any(c.country == entry.country for c in ctx.cities):
        score += CONTAINS_CITY_BONUS
    if entry.kind == "admin" and entry.admin1 and any(
            c.country == entry.country and c.admin1 == entry.admin1 for c in ctx.cities):
        score += CONTAINS_CITY_BONUS
    if entry.kind == "admin" and any(c.country == entry.country for c in ctx.cities):
        score += 1.0  # a division of a country whose cities the article names
    return score


def best(hits: Sequence[Hit], ctx: Context | None = None) -> Hit | None:
    """The highest-scoring hit; ties go to the larger population, then the gazetteer order."""
    if not hits:
        return None
    if ctx is None:
        return max(hits, key=lambda h: (prior(h), h.entry.population))
    return max(hits, key=lambda h: (contextual(h, ctx), h.entry.population))


def _context(picks: dict[str, Hit | None], leave_out: str) -> Context:
    ctx = Context()
    for key, hit in picks.items():
        if hit is None or key == leave_out:
            continue
        if hit.entry.country:
            ctx.countries[hit.entry.country] += 1
        if hit.entry.kind == "city":
            ctx.cities.append(hit.entry)
    return ctx


def resolve_names(names: Sequence[str], lookup) -> dict[str, Hit | None]:
    """Resolve each distinct name (``norm`` key -> chosen Hit or None) with article context.

    ``lookup`` maps a name to its candidate hits (``Gazetteer.lookup``).
    """
    candidates = {norm(n): lookup(n) for n in names}
    first = {key: best(hits) for key, hits in candidates.items()}
    final = {}
    for key, hits in candidates.items():
        final[key] = hits[0] if len(hits) == 1 else best(hits, _context(first, key))
    return final
