"""Phrase -> code tables for the resolver, with negative cases. Sentences are our own."""

from __future__ import annotations

import pytest

CASES = [
    # dictionary people, date-aware
    ("Donald Trump said the talks had failed.", "2020-01-03", "Donald Trump", "USAGOV"),
    ("Donald Trump said the talks had failed.", "2023-03-01", "Donald Trump", "USAELI"),
    ("Donald Trump said the talks had failed.", "2025-06-01", "Donald Trump", "USAGOV"),
    ("Mike Pompeo met his counterpart on Monday.", "2019-05-01", "Mike Pompeo", "USAGOV"),
    ("Mike Pompeo met his counterpart on Monday.", "2022-05-01", "Mike Pompeo", "USAELI"),
    ("Soleimani was seen in Baghdad last week.", "2019-11-01", "Soleimani", "IRNMIL"),
    ("Officials said Ayatollah Ali Khamenei would speak.", "2020-01-03", "Khamenei", "IRNGOV"),
    ("The cleric Muqtada al-Sadr called for calm.", "2020-01-03", "al-Sadr", "IRQREL"),
    ("Ursula von der Leyen visited Kyiv.", "2023-02-02", "von der Leyen", "IGO"),
    ("Ahmed al-Sharaa addressed the crowd.", "2025-03-01", "al-Sharaa", "SYRGOV"),
    ("Ahmed al-Sharaa addressed the crowd.", "2020-03-01", "al-Sharaa", "SYRREB"),
    # organisations and seats of power
    ("The Quds Force moved weapons across the border.", None, "Quds Force", "IRNMIL"),
    ("Kataib Hezbollah denied the claim.", None, "Kataib Hezbollah", "IRQREB"),
    ("The White House declined to comment.", None, "White House", "USAGOV"),
    ("The Pentagon announced new deployments.", None, "Pentagon", "USAMIL"),
    ("NATO warned Moscow against escalation.", None, "NATO", "IGONATO"),
    ("The Kremlin rejected the proposal.", None, "Kremlin", "RUSGOV"),
    # agent phrases and unknown people coded from context
    ("One U.S. official said the strike was legal.", None, "official", "USAGOV"),
    ("A former Iraqi diplomat told reporters the plan would fail.", None, "diplomat", "IRQELI"),
    ("An American contractor was killed in the attack.", None, "contractor", "USABUS"),
    ("The Iraqi government condemned the raid.", None, "government", "IRQGOV"),
    ("Iraqi militia commander Karim Jabbar Haddad was arrested.", None, "Haddad", "IRQREB"),
    ("Nadia Farouk, an Egyptian diplomat, said the talks would resume.", None, "Farouk",
     "EGYGOV"),
    ("Protesters marched on the ministry.", None, "Protesters", "OPP"),
    ("Russian troops shelled the town.", None, "troops", "RUSMIL"),
    ("Many Syrians fled across the border.", None, "Syrians", "SYRCVL"),
    ("Fighters loyal to the Iran-backed militia seized the road.", None, "Fighters", "REB"),
    # countries that act are actors; places are not
    ("The U.S. imposed sanctions on Iran.", None, "U.S.", "USA"),
    ("Iran will respond, the minister said.", None, "Iran", "IRN"),
    ("The president threatened Tehran with military action.", None, "Tehran", "IRN"),
    ("Jordan closed its border with Syria.", None, "Jordan", "JOR"),
    ("Jordan Bardella criticised the government.", "2024-06-01", "Bardella", "FRAPTY"),
]

NEGATIVE = [
    ("The convoy was struck in Iraq on Friday.", "Iraq"),  # a place, not an actor
    ("They met in Tehran to discuss trade.", "Tehran"),
    ("Oil prices rose after the attack.", "Oil"),
    ("The leader of a state apparatus was killed.", "leader"),  # too vague
    ("Iranian influence has grown in the region.", "Iranian"),  # a modifier
]


@pytest.mark.parametrize("text,date,phrase,expected", CASES)
def test_phrase_is_coded(code_of, text, date, phrase, expected):
    assert code_of(text, phrase, date) == expected


@pytest.mark.parametrize("text,phrase", NEGATIVE)
def test_no_actor(code_of, text, phrase):
    assert code_of(text, phrase) is None


def test_two_countries_make_two_actors(parse):
    from flashpoint.actors import actors_at
    doc = parse("Saudi and UAE diplomats tried to cool tensions.")
    codes = sorted(a.code for a in actors_at(doc, 3))
    assert codes == ["AREGOV", "SAUGOV"]


def test_labels_consistent_across_document(parse):
    doc = parse("Donald Trump spoke on Friday. Later, Trump said the deal was dead.")
    trump = [a for a in doc._.fp_actors if a.entry == "donald_trump"]
    assert len(trump) == 1 and len(trump[0].mentions) == 2


def test_dictionary_overrides_model_place_label(parse):
    doc = parse("The strike killed Soleimani near the airport.")
    (actor,) = [a for a in doc._.fp_actors if a.entry == "qassem_soleimani"]
    assert actor.type == "person"


def test_unknown_surname_links_to_full_name(parse):
    doc = parse("Ahmad Karimi, an Iranian official, spoke first. Karimi then left the room.")
    people = [a for a in doc._.fp_actors if a.name == "Ahmad Karimi"]
    assert people and people[0].code == "IRNGOV" and len(people[0].mentions) == 2


def test_jordan_the_person_after_full_name(parse):
    doc = parse("Jim Jordan questioned the witness. Jordan said the answers were evasive.")
    jordan = [a for a in doc._.fp_actors if a.entry == "jim_jordan"]
    assert jordan and len(jordan[0].mentions) == 2
    assert not [a for a in doc._.fp_actors if a.country == "JOR"]
