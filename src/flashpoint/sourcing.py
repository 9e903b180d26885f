"""Per-article sourcing summary: who is quoted, named or anonymous, from where."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from flashpoint.schema import Quote, Speaker


def sourcing_summary(quotes: Iterable[Quote]) -> dict[str, Any]:
    """Counts of quotes by speaker kind, country and sector; the distinct speakers.

    >>> sourcing_summary([])
    {'quotes': 0, 'direct': 0, 'reported': 0, 'named': 0, 'anonymous': 0, 'unattributed': 0, 'anonymous_share': None, 'by_country': {}, 'by_sector': {}, 'speakers': [], 'named_speakers': 0, 'anonymous_speakers': 0, 'anonymous_direct': 0}
    """
    quotes = list(quotes)
    named = [q for q in quotes if q.speaker and not q.speaker.anonymous]
    anonymous = [q for q in quotes if q.speaker and q.speaker.anonymous]
    attributed = named + anonymous
    speakers = Counter(_identity(q.speaker) for q in attributed)
    about = {_identity(q.speaker): q.speaker for q in attributed}
    return {
        "quotes": len(quotes),
        "direct": sum(q.direct for q in quotes),
        "reported": sum(not q.direct for q in quotes),
        "named": len(named),
        "anonymous": len(anonymous),
        "unattributed": len(quotes) - len(attributed),
        "anonymous_share": round(len(anonymous) / len(attributed), 3) if attributed else None,
        "by_country": dict(Counter(q.speaker.country or "unknown" for q in attributed)),
        "by_sector": dict(Counter(q.speaker.sector or "unknown" for q in attributed)),
        "speakers": [{"speaker": s, "quotes": n, "anonymous": about[s].anonymous,
                      "country": about[s].country, "sector": about[s].sector}
                     for s, n in speakers.most_common()],
        "named_speakers": len({s for s in speakers if not about[s].anonymous}),
        "anonymous_speakers": len({s for s in speakers if about[s].anonymous}),
        "anonymous_direct": sum(q.direct for q in anonymous),
    }


def _identity(speaker: Speaker) -> str:
    """One key per source: the actor's or person's name, else the words that describe them."""
    return speaker.name or speaker.text
