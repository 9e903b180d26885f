"""Wrong codes the resolver must not give (sentences written for these tests): currencies and
amounts lend no country, noise the model tags as ORG/NORP is no actor, honorifics are no
short names, officials of a named organisation take its sector, and a minister or judge with
no country in reach stays uncoded (a wrong country is worse than none)."""

from __future__ import annotations

import pytest

from flashpoint.actors.syntax import in_amount

CASES = [
    # officials of a named organisation take its sector
    ("Red Cross officials suspended deliveries in the north.", "Red Cross officials", "NGO"),
    ("NATO officials rejected the request on Friday.", "NATO officials", "IGO"),
    ("A NATO spokesman denied the report.", "NATO spokesman", "IGO"),
    ("Hamas officials rejected the proposal.", "Hamas officials", "PSEREB"),
    # a nationality in a real syntactic relation still codes the person or group
    ("Kenyan officials accused the company of fraud.", "Kenyan officials", "KENGOV"),
    ("The Peruvian government accepted US $20 million in aid.", "Peruvian government",
     "PERGOV"),
    # a currency after a party to the action does not unmake it
    ("The European Union gave Bolivia 5 million dollars for schools.", "Bolivia", "BOL"),
    # leaders of transnational groups are coded as their group
    ("Osama bin Laden threatened new attacks.", "Osama bin Laden", "REB"),
]

# phrase -> no actor, or an actor without that country
NO_COUNTRY = [
    # a currency's country is not the country of a person next to it
    ("Former president Albert Mbeki was accused of misusing up to US $40 million in state "
     "funds.", "Albert Mbeki", "USA"),
    ("Judge Carla Nunes fined the firm 300 U.S. dollars.", "Carla Nunes", "USA"),
    # an honorific at the end of one person's name is not a short name for anybody titled so
    ("Sheikh Hamad bin Jassim launched a mediation effort.", "Hamad bin Jassim", "PSE"),
    # a minister or judge with no country in reach stays uncoded
    ("Interior Minister Paulo Mendes banned the rally.", "Paulo Mendes", "BRA"),
]

NOT_ACTORS = [
    ("Police fired tear gas at the crowd on Monday night.", "tear gas"),
    ("Police fired tear gas at the crowd on Monday night.", "Monday night"),
    ("The company paid US $3 million to settle the case.", "US"),
    ("The bank lent 200 million U.S. dollars to the port.", "U.S."),
]


@pytest.mark.parametrize(("text", "phrase", "expected"), CASES)
def test_codes(code_of, text, phrase, expected):
    assert code_of(text, phrase, "2005-06-01") == expected


@pytest.mark.parametrize(("text", "phrase", "wrong"), NO_COUNTRY)
def test_no_wrong_country(code_of, text, phrase, wrong):
    code = code_of(text, phrase, "2005-06-01")
    assert code is None or not code.startswith(wrong)


@pytest.mark.parametrize(("text", "phrase"), NOT_ACTORS)
def test_not_actors(code_of, text, phrase):
    assert code_of(text, phrase, "2005-06-01") is None


def test_minister_without_country_stays_uncoded(code_of):
    assert code_of("Interior Minister Paulo Mendes banned the rally.", "Paulo Mendes") == "GOV"
    assert code_of("Judge Ana Ruiz opened an inquiry.", "Ana Ruiz") == "JUD"


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Aid of US $50 million arrived.", "US", True),
    ("The bank holds 300 U.S. dollars.", "U.S.", True),
    ("South Korea won the final.", "South Korea", False),
    ("The U.S. sanctioned Iran.", "U.S.", False),
])
def test_in_amount(parse, text, phrase, expected):
    doc = parse(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert in_amount(doc, span.start, span.end) is expected
