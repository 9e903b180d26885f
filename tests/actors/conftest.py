"""Fixtures for the actors tests: the real pipeline (session-scoped, cached) and a helper
that codes a phrase of a sentence."""

from __future__ import annotations

import pytest

from flashpoint.actors import actor_at
from flashpoint.nlp.pipeline import get_nlp


@pytest.fixture(scope="session")
def nlp():
    return get_nlp()


@pytest.fixture(scope="session")
def parse(nlp):
    def _parse(text: str, date: str | None = "2020-01-03"):
        doc = nlp.make_doc(text)
        doc._.fp_article_date = date
        return nlp(doc)
    return _parse


@pytest.fixture(scope="session")
def code_of(parse):
    """``code_of(text, phrase, date)`` -> the code of the actor at ``phrase`` (last word), or
    None when no actor covers it."""
    def _code(text: str, phrase: str, date: str | None = "2020-01-03", occurrence: int = 0):
        doc = parse(text, date)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        actor = actor_at(doc, span.end - 1)
        return None if actor is None else (actor.code or "")
    return _code
