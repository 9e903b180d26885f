"""Role words and pronouns that code actors: "it" as its clause's subject, IGOs by their older
names and abbreviations (sentences written for these tests)."""

from __future__ import annotations

import pytest

CASES = [
    # older and abbreviated IGO names are coded IGO
    # each IGO is its own code: sector + the organisation's id, never one "IGO"
    ("The European Community criticized the plan.", "European Community", "IGOEEC"),
    ("The EC criticized the plan.", "EC", "IGOEEC"),
    ("The OAU sent observers.", "OAU", "IGOOAU"),
    ("The ILO criticized the law.", "ILO", "IGOILO"),
    # "it" takes the country that is its sentence's subject
    ("Peru says it will close the border.", "it", "PER"),
]

NEGATIVE = [
    # expletive "it" is nobody
    ("Peru says it is likely that prices will rise.", "it"),
    # no subject actor before "it" in the sentence: left alone
    ("It rained in Lima.", "It"),
]


@pytest.mark.parametrize(("text", "phrase", "expected"), CASES)
def test_role_codes(code_of, text, phrase, expected):
    assert code_of(text, phrase, "1995-06-01") == expected


@pytest.mark.parametrize(("text", "phrase"), NEGATIVE)
def test_not_an_actor(code_of, text, phrase):
    assert code_of(text, phrase, "1995-06-01") is None
