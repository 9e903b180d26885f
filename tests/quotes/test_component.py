"""The spaCy component's contract, its error handling, the sourcing summary, and a
property test that the finder never raises on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.nlp.components.quotes import QuotesComponent
from flashpoint.quotes import find_quotes
from flashpoint.schema import Quote, Speaker
from flashpoint.sourcing import sourcing_summary


def test_component_contract(quotes_nlp):
    nlp = quotes_nlp.__class__(quotes_nlp.vocab)  # a blank pipeline sharing the vocab
    nlp.add_pipe("flashpoint_quotes")
    analysis = nlp.analyze_pipes()
    assert analysis["summary"]["flashpoint_quotes"]["assigns"] == ["doc._.fp_quotes"]
    assert "token.dep" in analysis["summary"]["flashpoint_quotes"]["requires"]


def test_component_fills_quotes(parse):
    doc = QuotesComponent()(parse('"We will stay," an American official said.'))
    assert [q.speaker.text for q in doc._.fp_quotes] == ["an American official"]
    assert doc._.fp_quotes[0].speaker.country == "USA"


def test_component_records_a_failure_instead_of_raising(parse):
    class Broken(QuotesComponent):
        def find(self, doc):
            raise ValueError("boom")

    doc = Broken()(parse("Text."))
    assert doc._.fp_quotes == [] and doc._.fp_errors[0].stage == "quotes"


def test_sourcing_summary():
    anon = Speaker("one U.S. official", (0, 17), anonymous=True, country="USA", sector="GOV")
    named = Speaker("Afshon Ostovar", (40, 54), name="Afshon Ostovar")
    quotes = [Quote("Q1", "a", (20, 21), True, anon), Quote("Q2", "b", (22, 23), True, anon),
              Quote("Q3", "c", (30, 31), False, named), Quote("Q4", "d", (60, 61), True, None)]
    summary = sourcing_summary(quotes)
    assert (summary["named"], summary["anonymous"], summary["unattributed"]) == (1, 2, 1)
    assert summary["by_country"] == {"USA": 2, "unknown": 1}
    assert summary["speakers"][0] == {"speaker": "one U.S. official", "quotes": 2,
                                      "anonymous": True, "country": "USA", "sector": "GOV"}
    assert (summary["named_speakers"], summary["anonymous_speakers"]) == (1, 1)


_ALPHABET = list("abc Hesaid,.:;?!\n\"'\u201c\u201d\u00ab\u00bb") + ["said", "according to",
                                                                     "official", "he", " "]


@given(st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_find_quotes_never_raises(parse, text):
    doc = parse(text, repaired=False)
    for quote in find_quotes(doc):
        assert doc.text[quote.span[0]:quote.span[1]] == quote.text


@pytest.mark.parametrize("text", ["\u201c\u201d", "said said said", "according to", "\n\n\n"])
def test_degenerate_texts(parse, text):
    find_quotes(parse(text, repaired=False))
