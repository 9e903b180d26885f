"""Find toponym spans in a parsed Doc: the model's entities plus a gazetteer phrase matcher.

The model finds most toponyms (GPE, LOC, FAC, and NORP for "Iraqi", "Saudis"); the matcher adds
the country, region, adjective and large-city names it missed ("BEIRUT" in a dateline, "U.S."
inside "the U.S. Embassy"). Spans the model or the actors stage call a person are never taken.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from flashpoint.cache import cached, fingerprint, phrase_specs, tokenizer_fingerprint
from flashpoint.geo.gazetteer import Gazetteer, norm

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


def build_matcher(nlp: Language, gazetteer: Gazetteer, *,
                  cache_dir: str | os.PathLike | None = None) -> PhraseMatcher:
    """A case-insensitive matcher over the gazetteer's curated names (built once per pipeline).

    Patterns go through the pipeline's own tokenizer so "U.S." splits as it does in a Doc;
    the tokenized patterns come from the start-up cache when the gazetteer and the tokenizer
    are unchanged.
    """
    phrases = sorted(gazetteer.phrases)
    key = fingerprint(files=(Path(__file__),),
                      extra=(*phrases, tokenizer_fingerprint(nlp.tokenizer)))
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    specs = cached("toponyms", key=key, directory=cache_dir,
                   build=lambda: phrase_specs(nlp.tokenizer, phrases, attr="LOWER"))
    matcher.add("TOPONYM", specs)
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
    """Surnames from full names ("Qassem Soleimani" -> soleimani): a lone "Soleimani" is him."""
    return {ent[-1].lower_ for ent in doc.ents if ent.label_ in PERSON_LABELS and len(ent) > 1
            and all(t.is_title for t in ent if t.is_alpha)}


@dataclass(frozen=True, slots=True)
class _Votes:
    """How the model labelled each name across the article: place versus person."""

    place: Counter
    person: Counter

    @classmethod
    def of(cls, doc: Doc) -> _Votes:
        place, person = Counter(), Counter()
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS | ADJECTIVE_LABELS:
                place[norm(ent.text)] += 1
            elif ent.label_ in PERSON_LABELS:
                person[norm(ent.text)] += 1
        return cls(place, person)


def _rescued(span: Span, votes: _Votes, gazetteer: Gazetteer) -> bool:
    """A PERSON label the article itself contradicts: the same name is a place more often
    ("Douma's fall" beside "the city of Douma"), or a nationality adjective before a noun
    ("by Azerbaijani soldiers")."""
    key = norm(span.text)
    hits = gazetteer.lookup(span.text)
    if not hits:
        return False
    if votes.place[key] >= votes.person[key]:
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (len(span) == 1 and all(h.how == "adjective" for h in hits) and after is not None
            and after.pos_ == "NOUN" and after.is_lower)


def _looks_like_person(span: Span, person_words: set[str]) -> bool:
    """Labelled a person, a surname of a full name in the article, or after a title."""
    if any(t.ent_type_ in PERSON_LABELS for t in span):
        return True
    if len(span) != 1:
        return False
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    return span[0].lower_ in person_words or before in PERSON_TITLES


# Capitalised words that are dates before they are places ("on March 4", not March, England).
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday"})
# "US dollars", "Hong Kong dollar": a currency, not a place.
CURRENCY_WORDS = frozenset({"dollar", "dollars", "cents", "pound", "pounds", "yuan", "rupee",
                            "rupees", "ruble", "rubles", "roubles"})


def _not_a_place_word(span: Span) -> bool:
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (span[0].lower_ in CALENDAR_WORDS and len(span) == 1) or (
        after is not None and after.lower_ in CURRENCY_WORDS)


def _capitalised(span: Span) -> bool:
    first = span[0].text
    return first[:1].isupper() and (not span[0].is_sent_start or span[0].pos_ == "PROPN"
                                     or span[0].is_upper or len(span) > 1
                                     or span[0].pos_ == "ADJ")


def _matched(doc: Doc, matcher: PhraseMatcher) -> list[Span]:
    spans = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        if _capitalised(span) and not any(t.ent_type_ in OPAQUE_LABELS for t in span) \
                and not _not_a_place_word(span):
            spans.append(span)
    return spans


def _facility(ent: Span) -> bool:
    return ent.label_ == "FAC" or (ent.label_ == "ORG" and ent[-1].lower_ in FACILITY_HEADS)


def find_toponyms(doc: Doc, matcher: PhraseMatcher, gazetteer: Gazetteer) -> list[Toponym]:
    """Every toponym span in ``doc``, non-overlapping, in text order."""
    person_words = _person_words(doc)
    votes = _Votes.of(doc)
    matched = [s for s in _matched(doc, matcher) if not _looks_like_person(s, person_words)]
    found: list[Toponym] = []
    for ent in doc.ents:
        span = _trim(ent)
        if span is None:
            continue
        if ent.label_ in PERSON_LABELS:
            if _rescued(span, votes, gazetteer):
                found.append(Toponym(span, "ner"))
            continue
        if _looks_like_person(span, person_words):
            continue
        found.extend(_from_entity(ent, span, matched, gazetteer))
    found = _non_overlapping(found + _uncovered(found, matched))
    found = _non_overlapping(found + _after_prepositions(doc, found, gazetteer, person_words))
    found = _non_overlapping(found + _same_name_elsewhere(doc, found, gazetteer))
    return [t for t in found if _plausible(t, gazetteer)]


def _from_entity(ent: Span, span: Span, matched: list[Span],
                 gazetteer: Gazetteer) -> list[Toponym]:
    inner = [m for m in matched if m.start >= span.start and m.end <= span.end]
    known = bool(gazetteer.lookup(span.text))
    if _facility(ent) and not known:
        # the facility, and any toponym inside it ("U.S." in "U.S. Embassy")
        return [Toponym(span, "facility")] + [Toponym(m, "gazetteer") for m in inner]
    if _not_a_place_word(span):
        return []
    if ent.label_ in PLACE_LABELS | ADJECTIVE_LABELS and known:
        return [Toponym(span, "ner")]
    if inner:  # "Nagorno-Karabakh Republic", "Syrian-Turkish": keep the known parts
        return [Toponym(m, "gazetteer") for m in inner]
    if ent.label_ in PLACE_LABELS:
        return [Toponym(span, "ner")]  # kept, to be reported unresolved
    return []


def _plausible(toponym: Toponym, gazetteer: Gazetteer) -> bool:
    """Keep an unknown one-word GPE only where the text treats it as a place.

    The small model calls first names and acronyms GPE ("Yulia said", "the MoD"); a one-word
    name the gazetteer lacks is kept after a locative preposition or before a place noun.
    """
    span = toponym.span
    if toponym.via != "ner" or len(span) > 1 or span.label_ == "LOC":
        return True
    if span[0].ent_type_ == "LOC" or gazetteer.lookup(span.text):
        return True
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in LOCATIVE_PREPOSITIONS or after in PLACE_NOUNS


# Nouns after an unknown name that show it is a place ("Kasba area", "Tanf base").
PLACE_NOUNS = frozenset({"area", "city", "town", "village", "district", "province", "region",
                         "governorate", "county", "camp", "valley", "river", "base", "border"})


def _covered(found: list[Toponym]) -> set[int]:
    return {i for t in found for i in range(t.span.start, t.span.end)}


def _uncovered(found: list[Toponym], spans: list[Span], via: str = "gazetteer") -> list[Toponym]:
    taken = _covered(found)
    return [Toponym(s, via) for s in spans if not any(i in taken for i in range(s.start, s.end))]


# Words after which a known place name is a place even when the model missed it.
LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "near", "from", "into", "outside", "inside", "across", "toward", "towards",
    "around", "to", "on", "via", "through", "throughout", "between"})
MAX_NAME_TOKENS = 4


def _after_prepositions(doc: Doc, found: list[Toponym], gazetteer: Gazetteer,
                        person_words: set[str]) -> list[Toponym]:
    """Gazetteer names right after a locative preposition ("in Colchester", "on Qamishli")."""
    taken, spans = _covered(found), []
    for token in doc[1:]:
        if token.i in taken or not token.is_title or token.pos_ != "PROPN":
            continue
        if doc[token.i - 1].lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i < MAX_NAME_TOKENS and doc[end].is_title \
                and doc[end].pos_ == "PROPN" and end not in taken:
            end += 1
        span = _longest_known(doc, token.i, end, gazetteer)
        if span is not None and not any(t.ent_type_ in OPAQUE_LABELS for t in span) \
                and not _looks_like_person(span, person_words) and not _not_a_place_word(span):
            spans.append(span)
    return _uncovered(found, spans)


def _longest_known(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> Span | None:
    for stop in range(end, start, -1):
        if gazetteer.lookup(doc[start:stop].text):
            return doc[start:stop]
    return None


def _same_name_elsewhere(doc: Doc, found: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """One sense per article: a name found as a place is a place at its other, unlabelled,
    occurrences too ("Douma is surrounded" after "the city of Douma")."""
    forms: dict[str, set[tuple[str, ...]]] = {}
    for t in found:
        if t.via != "facility" and t.span[0].text[:1].isupper() and gazetteer.lookup(t.span.text):
            forms.setdefault(t.span[0].text, set()).add(tuple(tok.text for tok in t.span))
    taken, spans = _covered(found), []
    for token in doc:
        if token.i in taken or token.text not in forms or token.ent_type_ in OPAQUE_LABELS:
            continue
        for form in sorted(forms[token.text], key=len, reverse=True):
            stop = token.i + len(form)
            if tuple(t.text for t in doc[token.i:stop]) == form:
                spans.append(doc[token.i:stop])
                break
    return _uncovered(found, spans)


def _non_overlapping(found: list[Toponym]) -> list[Toponym]:
    """Resolve overlaps: a facility may contain toponyms; otherwise the longest span wins."""
    facilities = [t for t in found if t.via == "facility"]
    others = [t for t in found if t.via != "facility"]
    kept_spans = {(s.start, s.end) for s in filter_spans([t.span for t in others])}
    kept = [t for t in others if (t.span.start, t.span.end) in kept_spans]
    unique = {(t.span.start, t.span.end): t for t in kept + facilities}
    return sorted(unique.values(), key=lambda t: (t.span.start, -t.span.end))
