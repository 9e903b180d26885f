"""Offline geocoding: the gazetteer and the small API the events stage calls.

``main_place(doc)`` is the article's main place; ``places_in(span)`` the place mentions inside a
token span (a clause or a sentence). Both read what the ``flashpoint_places`` component left on
the Doc (``doc._.fp_places``, ``doc._.fp_place_mentions``) and never re-run resolution.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from flashpoint.schema import Mention, Place

# Mentions that only describe ("Russian officials") rather than locate ("on Iraqi soil").
MODIFIER_VIAS = frozenset({"adjective", "demonym"})
# How much one mention of each kind counts towards being the main place.
_KIND_WEIGHT = {"city": 1.2, "admin": 1.1, "facility": 1.2, "country": 1.0, "region": 0.8,
                "sea": 0.8}
LEAD_CHARS = 300  # a place named in the dateline or first lines is what the story is about


def _places(doc: Doc) -> dict[str, Place]:
    return {p.id: p for p in (doc._.get("fp_places") or ())}


def places_in(span: Span, *, modifiers: bool = False) -> list[tuple[Mention, Place]]:
    """The (mention, place) pairs whose mention lies inside ``span``, in text order.

    Nationality adjectives and demonyms ("Russian officials", "the Saudis") are left out unless
    ``modifiers`` is true; a locating adjective ("on Iraqi soil") is always included. Unresolved
    places (no coordinates) are included: callers check ``place.lat``.
    """
    doc = span.doc
    places = _places(doc)
    return [(m, places[m.ref]) for m in (doc._.get("fp_place_mentions") or ())
            if span.start <= m.start and m.end <= span.end and m.ref in places
            and (modifiers or m.via not in MODIFIER_VIAS)]


def main_place(doc: Doc) -> Place | None:
    """The place the article is mainly about, or None if it names no resolved place.

    Scored by mentions (a describing adjective counts a third), a bonus for the lead (dateline),
    and a preference for the most specific kind; unresolved places never win.
    """
    places = _places(doc)
    scores: dict[str, float] = {}
    for m in doc._.get("fp_place_mentions") or ():
        place = places.get(m.ref)
        if place is None or place.lat is None:
            continue
        weight = (0.33 if m.via in MODIFIER_VIAS else 1.0) * _KIND_WEIGHT.get(place.kind, 1.0)
        if m.start_char < LEAD_CHARS:
            weight += 1.0
        scores[m.ref] = scores.get(m.ref, 0.0) + weight
    if not scores:
        return None
    order = {pid: i for i, pid in enumerate(places)}
    best = max(scores, key=lambda pid: (scores[pid], -order[pid]))
    return places[best]


__all__ = ["MODIFIER_VIAS", "main_place", "places_in"]
