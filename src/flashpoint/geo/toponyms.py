"""Find toponym spans in a parsed Doc: the model's entities plus a gazetteer phrase matcher.

The model finds most toponyms (GPE, LOC, FAC, and NORP for "Iraqi", "Saudis"); the matcher adds
the country, region, adjective and large-city names it missed ("BEIRUT" in a dateline, "U.S."
inside "the U.S. Embassy"). Spans the model or the actors stage call a person are never taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from flashpoint.geo.gazetteer import Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ADJECTIVE_LABELS = frozenset({"NORP", "LANGUAGE"})
PERSON_LABELS = frozenset({"PERSON"})
# Entities the matcher must not look inside: a place name in a title is not a place here.
OPAQUE_LABELS = frozenset({"PERSON", "WORK_OF_ART", "LAW", "EVENT"})
# Words before a capitalised name that make it a person ("Gen. Jordan", "Mr. Paris").
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "general", "president", "minister", "sen", "senator", "rep",
    "gov", "governor", "col", "colonel", "lt", "maj", "major", "capt", "captain", "adm",
    "admiral", "sgt", "prof", "sheikh", "ayatollah", "commander", "judge", "pope", "king",
    "queen", "prince", "princess", "spokesman", "spokeswoman", "secretary", "ambassador"})
# An ORG whose head is one of these is a facility ("the U.S. Embassy", "Bagram Air Base").
FACILITY_HEADS = frozenset({
    "embassy", "consulate", "airport", "base", "prison", "hospital", "university", "compound",
    "palace", "mosque", "church", "cathedral", "stadium", "camp", "bridge", "dam", "square",
    "centre", "center", "port", "harbor", "harbour", "plant", "refinery", "graveyard",
    "cemetery", "court", "airbase", "barracks"})


@dataclass(frozen=True, slots=True)
class Toponym:
    """A candidate toponym: its token span and how it was found (ner | gazetteer | facility)."""

    span: Span
    via: str


def build_matcher(nlp: Language, gazetteer: Gazetteer) -> PhraseMatcher:
    """A case-insensitive matcher over the gazetteer's curated names (built once per pipeline).

    Patterns go through the pipeline's own tokenizer so "U.S." splits as it does in a Doc.
    """
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("TOPONYM", list(nlp.tokenizer.pipe(sorted(gazetteer.phrases))))
    return matcher


def _trim(span: Span) -> Span | None:
    """Drop a leading determiner and trailing possessive or punctuation ("the Gulf's" -> Gulf)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    return doc[start:end] if end > start else None


def _person_words(doc: Doc) -> set[str]:
    return {t.lower_ for ent in doc.ents if ent.label_ in PERSON_LABELS for t in ent
            if t.is_alpha and t.is_title}


def _looks_like_person(span: Span, person_words: set[str]) -> bool:
    """A single capitalised word that names a person elsewhere, or follows a title."""
    if any(t.ent_type_ in PERSON_LABELS for t in span):
        return True
    if len(span) != 1:
        return False
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    return span[0].lower_ in person_words or before in PERSON_TITLES


def _capitalised(span: Span) -> bool:
    first = span[0].text
    return first[:1].isupper() and (not span[0].is_sent_start or span[0].pos_ == "PROPN"
                                     or span[0].is_upper or len(span) > 1
                                     or span[0].pos_ == "ADJ")


def _matched(doc: Doc, matcher: PhraseMatcher) -> list[Span]:
    spans = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        if _capitalised(span) and not any(t.ent_type_ in OPAQUE_LABELS for t in span):
            spans.append(span)
    return spans


def _facility(ent: Span) -> bool:
    return ent.label_ == "FAC" or (ent.label_ == "ORG" and ent[-1].lower_ in FACILITY_HEADS)


def find_toponyms(doc: Doc, matcher: PhraseMatcher, gazetteer: Gazetteer) -> list[Toponym]:
    """Every toponym span in ``doc``, non-overlapping, in text order."""
    person_words = _person_words(doc)
    matched = [s for s in _matched(doc, matcher) if not _looks_like_person(s, person_words)]
    found: list[Toponym] = []
    for ent in doc.ents:
        span = _trim(ent)
        if span is None or _looks_like_person(span, person_words):
            continue
        inner = [m for m in matched if m.start >= span.start and m.end <= span.end]
        known = bool(gazetteer.lookup(span.text))
        if _facility(ent) and not known:
            found.append(Toponym(span, "facility"))
            found.extend(Toponym(m, "gazetteer") for m in inner)  # "U.S." in "U.S. Embassy"
        elif ent.label_ in PLACE_LABELS | ADJECTIVE_LABELS and known:
            found.append(Toponym(span, "ner"))
        elif inner:  # "Nagorno-Karabakh Republic", "Syrian-Turkish": keep the known parts
            found.extend(Toponym(m, "gazetteer") for m in inner)
        elif ent.label_ in PLACE_LABELS:
            found.append(Toponym(span, "ner"))  # kept, to be reported unresolved
    taken = {i for t in found for i in range(t.span.start, t.span.end)}
    found.extend(Toponym(m, "gazetteer") for m in matched
                 if not any(i in taken for i in range(m.start, m.end)))
    return _non_overlapping(found)


def _non_overlapping(found: list[Toponym]) -> list[Toponym]:
    """Resolve overlaps: a facility may contain toponyms; otherwise the longest span wins."""
    facilities = [t for t in found if t.via == "facility"]
    others = [t for t in found if t.via != "facility"]
    kept_spans = {(s.start, s.end) for s in filter_spans([t.span for t in others])}
    kept = [t for t in others if (t.span.start, t.span.end) in kept_spans]
    unique = {(t.span.start, t.span.end): t for t in kept + facilities}
    return sorted(unique.values(), key=lambda t: (t.span.start, -t.span.end))
