"""Cheap fixtures for the events tests: the bare model (no Flashpoint stages) and a helper that
hand-annotates actors, so the events stage is tested alone, whatever the actors stage does."""

from __future__ import annotations

import re

import pytest

from flashpoint.events import EventCoder
from flashpoint.nlp.extensions import records
from flashpoint.schema import Actor, Mention


@pytest.fixture(scope="session")
def model():
    """The English model alone, loaded once."""
    import spacy

    from flashpoint.config import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


def annotate(doc, actors: dict[str, str]) -> None:
    """Mark every whole-word occurrence of each name as a mention of an actor coded ``code``
    ("IRN", "USAGOV": country then optional sector)."""
    found, mentions = [], []
    for number, (name, code) in enumerate(actors.items(), start=1):
        spans = []
        for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            spans.append(span)
            mentions.append(Mention(span.start, span.end, span.start_char, span.end_char,
                                    ref=f"A{number}", via="dictionary"))
        found.append(Actor(id=f"A{number}", name=name, type="country", country=code[:3],
                           sector=code[3:] or None,
                           mentions=tuple((s.start_char, s.end_char) for s in spans)))
    records(doc, "fp_actors").extend(found)
    records(doc, "fp_actor_mentions").extend(mentions)


@pytest.fixture(scope="session")
def code_text(model):
    """``code_text(text, actors, date=None, max_dyads=12) -> (events, errors)``."""

    def run(text, actors, *, date="2020-01-03", max_dyads=12):
        doc = model(text)
        doc._.fp_article_date = date
        annotate(doc, actors)
        return EventCoder(max_dyads=max_dyads).code_doc(doc)

    return run


@pytest.fixture(scope="module")
def events_of(nlp):
    """``events_of(text, date) -> [Event]`` through the full pipeline."""
    def run(text: str, date: str = "1995-06-01"):
        doc = nlp.make_doc(text)
        doc._.fp_article_date = date
        return records(nlp(doc), "fp_events")
    return run


@pytest.fixture(scope="module")
def dyads(events_of):
    """``dyads(text) -> {(trigger, source code, target code)}`` of the coded events."""
    def run(text: str):
        return {(e.trigger, code(e.source), code(e.target))
                for e in events_of(text, "2001-03-01")}
    return run


def code(ref) -> str | None:
    """A participant's country-level code: its country, else IGO/NGO (as CAMEO writes them)."""
    if ref is None:
        return None
    return ref.country or (ref.sector if ref.sector in ("IGO", "NGO") else None)
