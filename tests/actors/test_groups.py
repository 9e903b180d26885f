"""Groups and titled people coded from context: nationality modifiers on person and group
nouns, coordinated nationalities, possessors, and the article's dominant country for heads
of state. Sentences written for these tests (not from any gold set)."""

from __future__ import annotations

import pytest

from flashpoint.actors import actors_at
from flashpoint.actors.context import dominant_country
from flashpoint.actors.lexicon import get_lexicon

# text, phrase (the actor is read at its last word), expected code (None: no actor)
GROUPS = [
    ("Hundreds of Peruvian nurses walked out of hospitals on Friday.", "nurses", "PERHLH"),
    ("Chilean miners blocked the highway for a second day.", "miners", "CHLLAB"),
    ("Tunisian youths clashed with police in the capital.", "youths", "TUNCVL"),
    ("Mongolian herders and Mongolian teachers signed a petition.", "teachers", "MNGEDU"),
    ("Syrian refugees crossed into Jordan overnight.", "refugees", "SYRREF"),
    ("Turkish tanks shelled positions near the border.", "tanks", "TURMIL"),
    ("Bosnian Croats boycotted the vote.", "Croats", "BIHCVL"),
    ("Thousands of Turkish Kurds rallied in the square.", "Kurds", "TURCVL"),
    ("Norway's Cabinet approved the budget on Tuesday.", "Cabinet", "NORGOV"),
    # negative cases: no person noun; an ethnic group named where it lives takes that place
    # (CAMEO/ICEWS convention, see test_modifiers.py)
    ("Chilean copper exports fell sharply.", "exports", None),
    ("The teachers marched to the ministry.", "teachers", "EDU"),
    ("Ethnic Albanians in Serbia demanded autonomy.", "Albanians", "SRBCVL"),
]


@pytest.mark.parametrize("text,phrase,expected", GROUPS)
def test_group_codes(code_of, text, phrase, expected):
    assert code_of(text, phrase) == expected


@pytest.mark.parametrize("text,phrase,codes", [
    ("Kenyan and Ugandan negotiators met in Arusha.", "negotiators", {"KENGOV", "UGAGOV"}),
    ("Danish and Dutch warships escorted the convoy.", "warships", {"DNKMIL", "NLDMIL"}),
])
def test_coordinated_nationalities_give_one_actor_each(parse, text, phrase, codes):
    doc = parse(text)
    i = text.index(phrase)
    token = doc.char_span(i, i + len(phrase)).root.i
    assert {a.code for a in actors_at(doc, token)} == codes


LEADERS = [
    # possessive and of-phrases place a titled stranger
    ("Malawi's President Bingu Zulu dissolved the cabinet.", "Bingu Zulu", "MWI"),
    ("President Bingu Zulu of Malawi dissolved the cabinet.", "Bingu Zulu", "MWI"),
    # the only country the article talks about, for a head of state
    ("President Bingu Zulu lifted the curfew imposed in Malawi after the riots.",
     "Bingu Zulu", "MWI"),
    # a later mention with a country places the earlier one, and the pronoun follows
    ("President Bingu Zulu spoke on Monday. Zulu, of Malawi, said he would resign.",
     "he", "MWI"),
    # negative cases: another leader's country, a party to the action, a non-head title
    ("President Bingu Zulu welcomed Zambian leader Jonas Phiri on Friday.",
     "Bingu Zulu", None),
    ("President Bingu Zulu met Zambia's envoy and threatened Zambia.", "Bingu Zulu", None),
    ("Judge Bingu Zulu froze the accounts of a bank in Malawi.", "Bingu Zulu", None),
    ("President Bingu Zulu visited Zambia and Tanzania.", "Bingu Zulu", None),
]


@pytest.mark.parametrize("text,phrase,country", LEADERS)
def test_titled_people_placed_by_context(parse, text, phrase, country):
    doc = parse(text)
    i = text.index(phrase)
    token = doc.char_span(i, i + len(phrase), alignment_mode="expand")[-1].i
    actor = actors_at(doc, token)
    assert actor, f"no actor at {phrase!r}"
    assert actor[0].country == country


@pytest.mark.parametrize("text,expected", [
    ("The curfew in Malawi was lifted in Lilongwe.", "MWI"),
    ("Talks in Malawi and Zambia stalled.", None),
    ("Zambian officials arrived.", None),  # a nationality of people is not the setting
    ("Nothing happened.", None),
])
def test_dominant_country(parse, text, expected):
    doc = parse(text)
    assert dominant_country(doc, get_lexicon(doc.vocab)) == expected
