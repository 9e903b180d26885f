"""Hand-built analyses for the dashboard tests: short articles written for these tests, with
actors, events (asserted, negated, hypothetical), quotes (named and anonymous) and places
at fixed offsets, plus one hostile article whose text and names carry ``<script>`` and
``onerror=``. Built as flashpoint.schema records and stored with the store's own writer,
so the dashboard reads exactly what ``flashpoint ingest`` would have stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flashpoint.schema import (Actor, ActorRef, Analysis, Article, Event, Location, Place, Quote,
                               Speaker)

ACTORS = {  # name: (type, country, sector)
    "United States": ("country", "USA", None), "Iran": ("country", "IRN", None),
    "Iraq": ("country", "IRQ", None), "Armenia": ("country", "ARM", None),
    "Azerbaijan": ("country", "AZE", None), "Russia": ("country", "RUS", None),
    "Qatar": ("country", "QAT", None), "Sudan": ("country", "SDN", None),
    "Revolutionary Guards": ("organization", "IRN", "MIL"),
    '<img src=x onerror="window.__xss=3">Mallory': ("person", "IRQ", "GOV"),
}
PLACES = {  # name: (kind, country, lat, lon)
    "Baghdad": ("city", "IRQ", 33.34, 44.40), "Sotk": ("city", "ARM", 40.22, 45.93),
    "Doha": ("city", "QAT", 25.29, 51.53), "Ain al-Asad": ("facility", "IRQ", 33.80, 42.44),
    "Tehran": ("city", "IRN", 35.69, 51.39),
}


@dataclass
class Ev:
    sentence: int
    source: str
    trigger: str
    target: str | None
    cameo: str
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False


@dataclass
class Doc:
    id: str
    date: str
    title: str
    sentences: list[str]
    events: list[Ev] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)  # sentence, text, speaker, anonymous, country


def _quad(cameo: str) -> int:
    """CAMEO root -> quad class, as GDELT groups them."""
    root = int(cameo[:2])
    if root <= 9:
        return 2 if root in (6, 7, 8) else 1
    return 3 if root <= 14 else 4


DOCS = [
    Doc("a01-accord", "2024-01-02", "Iran and Iraq sign a trade accord", [
        "Iran and Iraq signed a trade accord in Baghdad on Tuesday.",
        "The deal covers electricity and gas, officials said."],
        [Ev(0, "Iran", "signed", "Iraq", "057", "Baghdad")]),
    Doc("a02-envoy", "2024-01-10", "US envoy meets Iraqi leaders", [
        "A United States envoy met Iraq's prime minister in Baghdad.",
        "\"We discussed security and the economy,\" the envoy said."],
        [Ev(0, "United States", "met", "Iraq", "040", "Baghdad")],
        [(1, "We discussed security and the economy,", "the envoy", False, "USA")]),
    Doc("a03-sanctions", "2024-01-18", "Iran condemns new sanctions", [
        "Iran condemned new sanctions announced by the United States.",
        "\"Pressure will not change our course,\" said spokesman Reza Amini in Tehran."],
        [Ev(0, "Iran", "condemned", "United States", "111", "Tehran")],
        [(1, "Pressure will not change our course,", "Reza Amini", False, "IRN")]),
    Doc("a04-border", "2024-01-25", "Armenia accuses Azerbaijan of shelling near Sotk", [
        "Azerbaijan shelled Armenian positions near Sotk overnight, Armenia said.",
        "Armenia condemned the attack.",
        "Russia urged Azerbaijan to show restraint.",
        "\"Our units only returned fire,\" a defence official in Baku said."],
        [Ev(0, "Azerbaijan", "shelled", "Armenia", "195", "Sotk"),
         Ev(1, "Armenia", "condemned", "Azerbaijan", "111"),
         Ev(2, "Russia", "urged", "Azerbaijan", "023")],
        [(3, "Our units only returned fire,", "a defence official", True, "AZE")]),
    Doc("a05-talks", "2024-02-05", "Qatar hosts Sudan talks in Doha", [
        "Qatar hosted talks with Sudan's army in Doha on Monday.",
        "Qatar pledged aid to Sudan."],
        [Ev(0, "Qatar", "hosted talks", "Sudan", "043", "Doha"),
         Ev(1, "Qatar", "pledged aid", "Sudan", "073", "Doha")]),
    Doc("a06-strike", "2024-02-08", "Drone strike near Baghdad kills militia commanders", [
        "The United States struck a convoy of the Revolutionary Guards near Baghdad.",
        "Iran threatened to retaliate against the United States.",
        "Officials fear Iran could attack American bases in Iraq.",
        "The United States did not strike Iranian territory, a U.S. official said."],
        [Ev(0, "United States", "struck", "Revolutionary Guards", "183", "Baghdad"),
         Ev(1, "Iran", "threatened", "United States", "138"),
         Ev(2, "Iran", "attack", "United States", "190", "Iraq", hypothetical=True),
         Ev(3, "United States", "strike", "Iran", "190", negated=True)],
        [(3, "The United States did not strike Iranian territory", "a U.S. official", True, "USA")]),
    Doc("a07-missiles", "2024-02-10", "Iran fires missiles at Ain al-Asad", [
        "Iran fired missiles at the Ain al-Asad air base, which hosts troops of the United States.",
        "The United States vowed a response."],
        [Ev(0, "Iran", "fired missiles", "United States", "195", "Ain al-Asad"),
         Ev(1, "United States", "vowed", "Iran", "138")]),
    Doc("a08-raids", "2024-02-11", "US raids Revolutionary Guards sites", [
        "The United States bombed sites of the Revolutionary Guards on Sunday.",
        "Iran accused the United States of aggression.",
        "Iran shelled a base used by the United States near Baghdad."],
        [Ev(0, "United States", "bombed", "Revolutionary Guards", "195", "Baghdad"),
         Ev(1, "Iran", "accused", "United States", "112"),
         Ev(2, "Iran", "shelled", "United States", "195", "Baghdad")]),
    Doc("a09-hostile", "2024-02-12", 'Hostile <script>window.__xss=4</script> headline', [
        'Iraq condemned <script>window.__xss = 1</script> the raid by Iran.',
        '<img src=x onerror="window.__xss=2"> was posted, said <img src=x onerror="window.__xss=3">Mallory.',
        '"<script>window.__xss=5</script> we object," said <img src=x onerror="window.__xss=3">Mallory in Baghdad.'],
        [Ev(0, "Iraq", "condemned", "Iran", "111", "Baghdad"),
         Ev(1, '<img src=x onerror="window.__xss=3">Mallory', "posted", "Iran", "010")],
        [(2, "<script>window.__xss=5</script> we object,", '<img src=x onerror="window.__xss=3">Mallory', False, "IRQ")]),
]


def _mentions(text: str, name: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def build(doc: Doc) -> Analysis:
    text = doc.title + "\n\n" + " ".join(doc.sentences) + "\n"
    starts, pos = [], len(doc.title) + 2
    for s in doc.sentences:
        starts.append(pos)
        pos += len(s) + 1
    used = {e.source for e in doc.events} | {e.target for e in doc.events if e.target}
    used |= {q[2] for q in doc.quotes if q[2] in ACTORS}
    actors = {}
    for name in sorted(used):
        typ, country, sector = ACTORS[name]
        actors[name] = Actor(id=f"A{len(actors) + 1}", name=name, type=typ, country=country,
                             sector=sector, mentions=_mentions(text, name))
    places = {}
    for name, (kind, country, lat, lon) in PLACES.items():
        if name in text:
            places[name] = Place(id=f"P{len(places) + 1}", name=name, kind=kind, country=country,
                                 lat=lat, lon=lon, mentions=_mentions(text, name))
    events = []
    for i, e in enumerate(doc.events):
        s0 = starts[e.sentence]
        sentence = doc.sentences[e.sentence]
        t0 = s0 + sentence.index(e.trigger)

        def ref(name):
            if name is None:
                return None
            a = actors[name]
            at = s0 + sentence.index(name) if name in sentence else None
            return ActorRef.of(a, (at, at + len(name)) if at is not None else None)

        loc = None
        if e.place in places:
            p = places[e.place]
            loc = Location(place=p.id, name=p.name, country=p.country, lat=p.lat, lon=p.lon,
                           basis="sentence")
        quad = _quad(e.cameo)
        events.append(Event(
            id=f"E{i + 1}", source=ref(e.source), target=ref(e.target), cameo=e.cameo,
            root=e.cameo[:2], plover=None, mode=None, context=(), quad_class=quad,
            goldstein={1: 3.0, 2: 6.0, 3: -4.0, 4: -9.0}[quad], intensity=None,
            negated=e.negated, hypothetical=e.hypothetical, date=doc.date, sentence=sentence,
            span=(s0, s0 + len(sentence)), trigger=e.trigger, rule="test:hand-built",
            trigger_span=(t0, t0 + len(e.trigger)), location=loc,
            modality_cue="did not" if e.negated else "could" if e.hypothetical else None))
    quotes = []
    for i, (si, qtext, speaker, anonymous, country) in enumerate(doc.quotes):
        s0 = starts[si]
        sentence = doc.sentences[si]
        q0 = s0 + sentence.index(qtext)
        sp0 = s0 + sentence.rindex(speaker)
        actor = actors.get(speaker)
        quotes.append(Quote(
            id=f"Q{i + 1}", text=qtext, span=(q0, q0 + len(qtext)), direct=True,
            speaker=Speaker(text=speaker, span=(sp0, sp0 + len(speaker)),
                            actor=actor.id if actor else None,
                            name=None if anonymous else speaker, anonymous=anonymous,
                            country=country,
                            sector=actor.sector if actor else "GOV")))
    article = Article(id=doc.id, text=text, title=doc.title, date=doc.date, source="Test Wire",
                      origin=f"{doc.id}.txt")
    return Analysis(article=article, actors=tuple(actors.values()), events=tuple(events),
                    quotes=tuple(quotes), places=tuple(places.values()))


def analyses() -> list[Analysis]:
    return [build(d) for d in DOCS]


def write_db(path) -> list[Analysis]:
    """Create the store at ``path`` and write every demo analysis with the store's writer."""
    from flashpoint.store.connection import connect
    from flashpoint.store.rows import analysis_rows, merge
    from flashpoint.store.writer import write_rows

    built = analyses()
    with connect(path) as con:
        write_rows(con, merge(analysis_rows(a) for a in built))
    return built
