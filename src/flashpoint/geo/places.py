"""Turn toponym spans into Place records and Mentions: resolve, then group by place.

A toponym the gazetteer cannot resolve is kept with kind "unresolved" and null coordinates; it
never removes other results. A facility takes its coordinates from the city it is in.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from flashpoint.geo.gazetteer import Entry, Gazetteer, Hit, norm
from flashpoint.geo.resolve import resolve_names
from flashpoint.geo.toponyms import Toponym
from flashpoint.schema import Mention, Place

# A nationality adjective before one of these places something ("on Iraqi soil").
LOCATIVE_HEADS = frozenset({
    "soil", "territory", "territories", "border", "borders", "city", "cities", "town", "towns",
    "village", "villages", "capital", "airspace", "waters", "coast", "coastline", "province",
    "provinces", "region", "side", "land", "ground", "port", "countryside", "mainland",
    "frontier", "enclave", "desert", "island", "islands", "mountains", "peninsula"})


@dataclass(frozen=True, slots=True)
class _Resolved:
    toponym: Toponym
    entry: Entry | None
    via: str


def _via(toponym: Toponym, hit: Hit | None) -> str:
    if hit is None or hit.how != "adjective":
        return toponym.via
    span = toponym.span
    if span[-1].tag_ in ("NNS", "NNPS") or span.text.endswith("s"):
        return "demonym"
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return "adjective:locative" if after is not None and after.lower_ in LOCATIVE_HEADS \
        else "adjective"


def _facility_entry(toponym: Toponym, resolved: list[_Resolved]) -> Entry | None:
    """The city (else admin, else country) a facility is in: "in Baghdad" first, then nearby."""
    span = toponym.span
    sent = span.sent
    near = [r for r in resolved if r.entry is not None and r.toponym.via != "facility"
            and r.toponym.span.start >= sent.start and r.toponym.span.end <= sent.end]
    after = [r for r in near if 0 <= r.toponym.span.start - span.end <= 3]
    rank = {"city": 0, "admin": 1, "region": 2, "country": 3, "sea": 4}
    pool = after or near
    if not pool:
        return None
    return min(pool, key=lambda r: (rank.get(r.entry.kind, 5),
                                    abs(r.toponym.span.start - span.end))).entry


def resolve_toponyms(toponyms: list[Toponym], gazetteer: Gazetteer) -> list[_Resolved]:
    """Each toponym with its chosen gazetteer entry (None: unresolved or facility)."""
    names = [t.span.text for t in toponyms if t.via != "facility"]
    chosen = resolve_names(names, gazetteer.lookup)
    resolved = []
    for t in toponyms:
        hit = chosen.get(norm(t.span.text)) if t.via != "facility" else None
        resolved.append(_Resolved(t, hit.entry if hit else None, _via(t, hit)))
    return [r if r.toponym.via != "facility"
            else _Resolved(r.toponym, _facility_entry(r.toponym, resolved), "facility")
            for r in resolved]


def _place_key(r: _Resolved) -> tuple:
    if r.toponym.via == "facility":
        return ("facility", norm(r.toponym.span.text))
    if r.entry is None:
        return ("unresolved", norm(r.toponym.span.text))
    return ("entry", r.entry.key)


def _place(pid: str, r: _Resolved, spans: tuple, named: str | None) -> Place:
    text = r.toponym.span.text
    if r.toponym.via == "facility":
        e = r.entry
        return Place(pid, text, "facility", e.country if e else None, e.lat if e else None,
                     e.lon if e else None, None, spans)
    if r.entry is None:
        return Place(pid, text, "unresolved", None, None, None, None, spans)
    e = r.entry
    # named as the article writes the name ("Britain", "Qamishli"; an adjective or demonym,
    # "Iraqi soil", is no name: then the gazetteer's), the gazetteer's name beside it
    return Place(pid, named or e.name, e.kind, e.country, e.lat, e.lon, e.geonameid, spans,
                 canonical=e.name)


def build_places(doc: Doc, toponyms: list[Toponym],
                 gazetteer: Gazetteer) -> tuple[list[Place], list[Mention]]:
    """Places (ids "P1"... in order of first mention) and one Mention per toponym span."""
    groups: dict[tuple, list[_Resolved]] = {}
    for r in resolve_toponyms(toponyms, gazetteer):
        groups.setdefault(_place_key(r), []).append(r)
    places, mentions = [], []
    for number, members in enumerate(groups.values(), start=1):
        pid = f"P{number}"
        spans = tuple((r.toponym.span.start_char, r.toponym.span.end_char) for r in members)
        names = [r.toponym.span.text for r in members
                 if not r.via.startswith(("adjective", "demonym"))]
        # a dateline's capitals ("BAGHDAD (AP)") are no spelling; acronyms ("UAE") are
        named = next((n for n in names if not n.isupper() or len(n) <= 4), None) or \
            (names[0].title() if names else None)
        places.append(_place(pid, members[0], spans, named))
        mentions.extend(_mention(r.toponym.span, pid, r.via) for r in members)
    mentions.sort(key=lambda m: m.start)
    return places, mentions


def _mention(span: Span, pid: str, via: str) -> Mention:
    return Mention(span.start, span.end, span.start_char, span.end_char, pid, via)
