"""Hand-coded real-news gold files: read and validate them into typed records.

A gold file (``<name>_gold.json``) codes one article of a corpus: the events a careful
CAMEO/PLOVER coder takes from it, the phrases that must not be coded as fact, its quotes,
central actors and places. Every problem is reported as a :class:`GoldFileError` naming the
file and the field (``events[3].roots``), so one bad file never stops the others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.errors import GoldFileError

ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))
# A side: None (anything), "NONE" (no country), an ISO code, or a tuple of those.
Side = str | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    must: bool
    sent: str
    src: Side
    tgt: Side
    roots: frozenset[str]


@dataclass(frozen=True, slots=True)
class GoldSpeculative:
    sent: str
    roots: frozenset[str]
    src: Side = None
    tgt: Side = None


@dataclass(frozen=True, slots=True)
class GoldQuote:
    id: str
    must: bool
    text: str
    speakers: tuple[str, ...]
    anonymous: bool
    direct: bool


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    country: Side  # None or "NONE": the actor has no country
    sectors: frozenset[str]


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str  # the gold file's name without ``_gold.json``
    path: Path
    doc: str
    date: str | None
    text: str
    events: tuple[GoldEvent, ...]
    speculative: tuple[GoldSpeculative, ...]
    quotes: tuple[GoldQuote, ...]
    actors: tuple[GoldActor, ...]
    places: tuple[GoldPlace, ...]


def gold_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*_gold.json"))


def default_corpus(directory: Path) -> Path:
    """Where a gold directory's ``doc`` paths are relative to: ``<gold>/../../corpus``."""
    return directory.resolve().parent.parent / "corpus"


def load_gold(path: Path, *, corpus: Path, countries: frozenset[str]) -> GoldArticle:
    """One gold file with its article text; raises GoldFileError naming file and field."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(str(path), None, f"cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldFileError(str(path), None,
                            f"not JSON (line {exc.lineno}: {exc.msg})") from exc
    reader = _Reader(path, countries)
    if not isinstance(raw, dict):
        raise GoldFileError(str(path), None, "must hold a JSON object")
    doc = reader.text(raw, "doc")
    article = corpus / doc
    if not article.is_file():
        raise GoldFileError(str(path), "doc", f"names a missing article {str(article)!r}")
    date = raw.get("date")
    if date is not None and not isinstance(date, str):
        raise GoldFileError(str(path), "date", "must be a YYYY-MM-DD string")
    return GoldArticle(
        name=path.name.removesuffix("_gold.json"), path=path, doc=doc, date=date,
        text=article.read_text(encoding="utf-8"),
        events=tuple(reader.event(e, f"events[{i}]")
                     for i, e in enumerate(reader.items(raw, "events"))),
        speculative=tuple(reader.speculative(s, f"speculative[{i}]")
                          for i, s in enumerate(reader.items(raw, "speculative"))),
        quotes=tuple(reader.quote(q, f"quotes[{i}]")
                     for i, q in enumerate(reader.items(raw, "quotes"))),
        actors=tuple(reader.actor(a, f"actors[{i}]")
                     for i, a in enumerate(reader.items(raw, "actors"))),
        places=tuple(reader.place(p, f"places[{i}]")
                     for i, p in enumerate(reader.items(raw, "places"))))


class _Reader:
    def __init__(self, path: Path, countries: frozenset[str]) -> None:
        self.path = path
        self.countries = countries

    def fail(self, where: str, problem: str) -> GoldFileError:
        return GoldFileError(str(self.path), where, problem)

    def items(self, raw: dict, key: str) -> list[dict]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "must be a list of objects")
        return value

    def text(self, raw: dict, key: str, where: str = "") -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{key}" if where else key, "must be a non-empty string")
        return value

    def flag(self, raw: dict, key: str, where: str) -> bool:
        value = raw.get(key)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", f"must be true or false, got {value!r}")
        return value

    def country(self, value: Any, where: str, *, none_word: bool) -> str | None:
        if value is None or (none_word and value == "NONE"):
            return value
        if not isinstance(value, str) or value not in self.countries:
            raise self.fail(where, f"{value!r} is not an ISO 3166 alpha-3 country code"
                                   + (' or "NONE"' if none_word else ""))
        return value

    def side(self, raw: dict, key: str, where: str) -> Side:
        value = raw.get(key)
        if isinstance(value, list):
            return tuple(self.country(v, f"{where}.{key}", none_word=True) or "NONE"
                         for v in value)
        return self.country(value, f"{where}.{key}", none_word=True)

    def roots(self, raw: dict, where: str) -> frozenset[str]:
        value = raw.get("roots")
        if not isinstance(value, list) or not value or any(r not in ROOTS for r in value):
            raise self.fail(f"{where}.roots", f"must list two-digit CAMEO roots 01-20, "
                                              f"got {value!r}")
        return frozenset(value)

    def event(self, raw: dict, where: str) -> GoldEvent:
        return GoldEvent(id=str(raw.get("id") or where), must=self.flag(raw, "must", where),
                         sent=self.text(raw, "sent", where), src=self.side(raw, "src", where),
                         tgt=self.side(raw, "tgt", where), roots=self.roots(raw, where))

    def speculative(self, raw: dict, where: str) -> GoldSpeculative:
        return GoldSpeculative(sent=self.text(raw, "sent", where), roots=self.roots(raw, where),
                               src=self.side(raw, "src", where),
                               tgt=self.side(raw, "tgt", where))

    def quote(self, raw: dict, where: str) -> GoldQuote:
        speaker = raw.get("speaker")
        speakers = tuple(speaker) if isinstance(speaker, list) else (speaker,)
        if not speakers or not all(isinstance(s, str) and s for s in speakers):
            raise self.fail(f"{where}.speaker", "must be a string or a list of strings")
        return GoldQuote(id=str(raw.get("id") or where), must=self.flag(raw, "must", where),
                         text=self.text(raw, "text", where), speakers=speakers,
                         anonymous=self.flag(raw, "anonymous", where),
                         direct=self.flag(raw, "direct", where))

    def actor(self, raw: dict, where: str) -> GoldActor:
        sectors = raw.get("sectors")
        if not isinstance(sectors, list) or not all(isinstance(s, str) for s in sectors):
            raise self.fail(f"{where}.sectors", "must be a list of sector codes")
        return GoldActor(name=self.text(raw, "name", where),
                         country=self.side(raw, "country", where), sectors=frozenset(sectors))

    def place(self, raw: dict, where: str) -> GoldPlace:
        lat, lon = raw.get("lat"), raw.get("lon")
        if (lat is None) != (lon is None) or not all(
                v is None or isinstance(v, (int, float)) for v in (lat, lon)):
            raise self.fail(f"{where}.lat", "lat and lon must both be numbers, or both absent")
        country = self.country(raw.get("country"), f"{where}.country", none_word=False)
        return GoldPlace(name=self.text(raw, "name", where), country=country,
                         lat=None if lat is None else float(lat),
                         lon=None if lon is None else float(lon))
