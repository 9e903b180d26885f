"""Typed records passed between stages, and their JSON form (docs/contract.md).

Every record is a frozen dataclass. Offsets are ``(start, end)`` character offsets;
inside the pipeline they refer to the (repaired) text the model saw, and
:func:`flashpoint.analysis.build_analysis` maps them back onto the original text
before anything leaves the library.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"

Span = tuple[int, int]

ACTOR_TYPES = ("person", "organization", "country", "group")
# Bodies of no one country: coded by sector plus the organisation's own id ("IGOUN",
# "IGOEU", "IGONATO", "NGOAMNESTY"), so each is its own node, never one "IGO".
STATELESS_SECTORS = ("IGO", "NGO")


def actor_code(country: str | None, sector: str | None, entry: str | None) -> str | None:
    """CAMEO-style actor code: country + sector, or sector + organisation id for an IGO/NGO.

    >>> actor_code("IRQ", "GOV", None), actor_code(None, "IGO", "EU"), actor_code(None, "IGO", None)
    ('IRQGOV', 'IGOEU', 'IGO')
    """
    if country is None and sector is None:
        return None
    if country is None and sector in STATELESS_SECTORS and entry:
        return f"{sector}{entry.upper()}"
    return f"{country or ''}{sector or ''}"
SECTORS = (
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "MED", "EDU", "BUS",
    "CRM", "CVL", "REL", "IGO", "NGO", "LAB", "REF", "HLH", "ELI", "AGR", "ENV", "UAF",
    "INS", "SEP", "MNC", "DEV", "HRI", "IMG", "PPL",
)


# Where an article's date came from (``Article.date_basis``); see docs/contract.md.
ARTICLE_DATE_BASES = {
    "file-name": "a file name starting YYYY-MM-DD",
    "page": "the HTML page's metadata",
    "field": "the input's own date field: a JSONL 'date', a CSV date column, a feed entry",
    "dateline": "a wire dateline with day, month and year at the top of the text",
    "dateline+given-year": "a dateline's day and month, the year from --date",
    "first-line": "a line at the top of the text that is only a date",
    "given": "the caller: --date, or the date of POST /analyze and POST /articles",
}


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, as read; ``text`` is never modified."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO date YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from (path, "-", "file.jsonl:12")
    date_basis: str | None = None  # a key of ARTICLE_DATE_BASES; None when there is no date

    def __post_init__(self) -> None:
        # A date handed in without saying where it came from was given by the caller.
        if self.date is not None and self.date_basis is None:
            object.__setattr__(self, "date_basis", "given")
        elif self.date is None and self.date_basis is not None:
            object.__setattr__(self, "date_basis", None)

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "date": self.date,
            "date_basis": self.date_basis, "source": self.source, "url": self.url,
            "text_sha256": self.text_sha256,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor with every place it is mentioned."""

    id: str
    name: str
    type: str  # one of ACTOR_TYPES
    country: str | None = None
    sector: str | None = None
    mentions: tuple[Span, ...] = ()
    entry: str | None = None  # dictionary entry id, when resolved from a dictionary
    role: str | None = None  # role title at the article date ("President", "commander")

    @property
    def code(self) -> str | None:
        return actor_code(self.country, self.sector,
                          self.entry if self.type == "organization" else None)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "country": self.country,
            "sector": self.sector, "code": self.code,
            "mentions": [list(m) for m in self.mentions],
            "entry": self.entry, "role": self.role,
        }


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An event's participant: the actor's id plus the fields docs/contract.md repeats inline."""

    actor: str | None
    name: str
    country: str | None = None
    sector: str | None = None
    span: Span | None = None  # the mention that filled the role
    entry: str | None = None  # an organisation's dictionary entry: an IGO/NGO's code

    @property
    def code(self) -> str | None:
        return actor_code(self.country, self.sector, self.entry)

    @classmethod
    def of(cls, actor: Actor, span: Span | None = None) -> ActorRef:
        return cls(actor=actor.id, name=actor.name, country=actor.country, sector=actor.sector,
                   span=span, entry=actor.entry if actor.type == "organization" else None)

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor, "name": self.name, "country": self.country,
            "sector": self.sector, "code": self.code,
            "span": list(self.span) if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Location:
    place: str | None
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    basis: str = "article"  # clause | sentence | article

    def to_json(self) -> dict[str, Any]:
        return {"place": self.place, "name": self.name, "country": self.country,
                "lat": self.lat, "lon": self.lon, "basis": self.basis}


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: a dyad, a CAMEO code with its PLOVER reading, modality and evidence."""

    id: str
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    root: str
    plover: str | None
    mode: str | None
    context: tuple[str, ...]
    quad_class: int
    goldstein: float
    intensity: float | None
    negated: bool
    hypothetical: bool
    date: str | None
    sentence: str
    span: Span  # the sentence's span
    trigger: str
    rule: str
    trigger_span: Span | None = None
    fatalities: int | None = None
    injured: int | None = None
    location: Location | None = None
    date_basis: str = "article"  # text | article
    modality_cue: str | None = None
    date_precision: str = "day"  # day | month | year: how much of ``date`` the text gave
    # Calibrated probability that sentence, type and dyad are right (events/confidence.py).
    confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "cameo": self.cameo, "root": self.root, "plover": self.plover, "mode": self.mode,
            "context": list(self.context), "quad_class": self.quad_class,
            "goldstein": self.goldstein, "intensity": self.intensity,
            "negated": self.negated, "hypothetical": self.hypothetical,
            "date": self.date, "date_basis": self.date_basis,
            "date_precision": self.date_precision,
            "fatalities": self.fatalities, "injured": self.injured,
            "location": self.location.to_json() if self.location else None,
            "sentence": self.sentence, "span": list(self.span), "trigger": self.trigger,
            "trigger_span": list(self.trigger_span) if self.trigger_span else None,
            "rule": self.rule, "modality_cue": self.modality_cue,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    span: Span | None
    actor: str | None = None
    name: str | None = None
    anonymous: bool = False
    country: str | None = None
    sector: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"actor": self.actor, "text": self.text, "name": self.name,
                "span": list(self.span) if self.span else None, "anonymous": self.anonymous,
                "country": self.country, "sector": self.sector}


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    span: Span
    direct: bool
    speaker: Speaker | None
    cue: str | None = None
    cue_span: Span | None = None
    rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "span": list(self.span),
                "direct": self.direct,
                "speaker": self.speaker.to_json() if self.speaker else None,
                "cue": self.cue, "cue_span": list(self.cue_span) if self.cue_span else None,
                "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str  # country | city | region | admin | facility | unresolved ...
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: tuple[Span, ...] = ()
    canonical: str | None = None  # the gazetteer's name; ``name`` is as the article writes it

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid,
                "mentions": [list(m) for m in self.mentions], "canonical": self.canonical}


@dataclass(frozen=True, slots=True)
class StageError:
    """A failure recorded on an article instead of raised: which stage, why, where."""

    stage: str
    message: str
    sentence: str | None = None
    rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything Flashpoint says about one article; ``to_json`` is the public contract."""

    article: Article
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    sourcing: dict[str, Any] = field(default_factory=dict)
    errors: tuple[StageError, ...] = ()
    repairs: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "article": self.article.to_json(),
            "actors": [a.to_json() for a in self.actors],
            "events": [e.to_json() for e in self.events],
            "quotes": [q.to_json() for q in self.quotes],
            "places": [p.to_json() for p in self.places],
            "sourcing": self.sourcing,
            "errors": [e.to_json() for e in self.errors],
            "repairs": self.repairs,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One textual mention of a resolved actor or place, in the Doc's coordinates.

    ``start``/``end`` are token indices (``doc[start:end]``), ``start_char``/``end_char``
    character offsets; ``ref`` is the Actor or Place id; ``via`` says how it was found
    (``ner``, ``dictionary``, ``coref:pronoun``, ...).
    """

    start: int
    end: int
    start_char: int
    end_char: int
    ref: str
    via: str = "ner"
