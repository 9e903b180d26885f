"""text -> (trigger, source code, target code) for the argument rules about objects: indirect
objects, amounts, officials of organisations, pronoun subjects of reported clauses (full
pipeline; sentences written for these tests; a code is the country, else IGO/NGO)."""

from __future__ import annotations

import pytest


POSITIVE = [
    # an indirect object (dative) is the target of a ditransitive act
    ("The World Bank on Friday gave Malawi 40 million dollars of aid.", ("gave", "IGO", "MWI")),
    # an amount's "of" phrase is what the object is ("3 million dollars of aid")
    ("Sweden gave Mozambique 3 million dollars of aid.", ("gave", "SWE", "MOZ")),
    # officials of a named organisation act for it, not for the place they act in
    # ... and what they suspend in a place, naming no actor, is aimed at that place
    ("Red Cross officials suspended food deliveries in Kabul on Monday.",
     ("suspended", "NGO", "AFG")),
    # a pronoun subject of a reported clause stands for the reporting subject
    ("The Labour party said it would boycott the parliament.", ("boycott", "GBR", None)),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_dyad(dyads, text, expected):
    assert expected in dyads(text)


NEGATIVE = [
    # the organisation's officials do not take the country of the place
    ("Red Cross officials suspended food deliveries in Kabul on Monday.",
     ("suspended", "AFG", None)),
    # unnamed officials still take the place ("officials in Kabul")
    ("Officials suspended food deliveries in Kabul on Monday.", ("suspended", None, None)),
    # "they" cannot stand for a singular reporting subject
    ("Norway said they attacked the embassy.", ("attacked", "NOR", None)),
]


@pytest.mark.parametrize(("text", "unexpected"), NEGATIVE)
def test_no_dyad(dyads, text, unexpected):
    assert unexpected not in dyads(text)


def test_pronoun_takes_reporting_subject(dyads):
    found = dyads("Chad said on Sunday it had attacked rebel bases in Sudan.")
    assert any(t == "attacked" and s == "TCD" for t, s, _ in found), found


def test_dative_target_with_prepositional_pattern(dyads):
    found = dyads("Germany gave Jordan emergency aid on Tuesday.")
    assert not any(s == "JOR" and t == "DEU" for _, s, t in found), found
