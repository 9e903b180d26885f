"""A country from a mention's own post-modifiers ("rebels in Mali", "militants based in
Pakistan", "workers of the steel company of Mosul"), ethnic and religious groups coded with
the country the text places them in, and titled people coded only from their own phrase.
Sentences written for these tests (invented names; not from any gold set)."""

from __future__ import annotations

import pytest

from flashpoint.actors import actor_at

# text, phrase (the actor is read at its last word), expected code (None: no actor)
PLACED = [
    # prepositional post-modifiers of a group head
    ("Rebels in Mali ambushed a supply convoy near the border.", "Rebels", "MLIREB"),
    ("Protesters in Caracas demanded early elections on Sunday.", "Protesters", "VENOPP"),
    ("Thousands of teachers in Rajasthan walked out of their classrooms.", "teachers",
     "INDEDU"),
    ("Troops from Chad arrived in the northern town on Friday.", "Troops", "TCDMIL"),
    # participial and adjectival post-modifiers
    ("Militants based in Pakistan fired rockets across the frontier.", "Militants", "PAKREB"),
    ("Gunmen operating in northern Nigeria kidnapped a dozen farmers.", "Gunmen", "NGAUAF"),
    ("Fighters loyal to Libya's eastern commander seized the oil terminal.", "Fighters",
     "LBYREB"),
    ("Militiamen affiliated with the Iraqi Interior Ministry detained two reporters.",
     "Militiamen", "IRQREB"),
    # a city or province the gazetteer puts in a country, also through a name's own PP
    ("Workers of the Tarvik Steel Company of Mosul went on strike.", "Workers", "IRQLAB"),
    ("A group of villagers from Kandahar province met the district chief.", "villagers",
     "AFGCVL"),
    ("The government of Balochistan condemned the bombing.", "government", "PAKGOV"),
    ("A priest from Lyon was abducted by gunmen.", "priest", "FRAREL"),
]

ETHNIC = [
    # an ethnic or religious group takes the country the text places it in
    ("Ethnic Albanians in southern Serbia boycotted the census.", "Albanians", "SRBCVL"),
    ("Ethnic Turks in Bulgaria demanded schooling in their language.", "Turks", "BGRCVL"),
    ("Druze inhabitants of the Syrian Golan Heights rejected the identity cards.",
     "inhabitants", "SYRCVL"),
    ("Kurds in Syria accused the army of shelling their villages.", "Kurds", "SYRCVL"),
    ("Shiite Muslims in Bahrain marched through the capital.", "Muslims", "BHRCVL"),
    ("Jewish settlers in the West Bank blocked the road.", "settlers", "PSECVL"),
    # a nationality of its own wins over the place
    ("Iraqi Kurds in Germany held a rally outside the consulate.", "Kurds", "IRQCVL"),
    ("Afghan refugees in Pakistan queued for food.", "refugees", "AFGREF"),
    # without a place they keep today's coding
    ("Ethnic Albanians boycotted the census.", "Albanians", "ALBCVL"),
]


@pytest.mark.parametrize("text,phrase,expected", PLACED + ETHNIC)
def test_post_modifier_country(code_of, text, phrase, expected):
    assert code_of(text, phrase) == expected


@pytest.mark.parametrize("text,phrase,expected", [
    # their object, not their home
    ("Critics of Venezuela welcomed the ruling.", "Critics", None),
    # a place in front of an embassy is not the embassy's country
    ("Protesters in front of the British embassy chanted slogans.", "Protesters", "OPP"),
    # a patron is not the actor's country
    ("Militias backed by Iran attacked the base.", "Militias", "REB"),
    # where foreigners or an international body's people are is not where they are from
    ("Foreign fighters in Syria surrendered to the army.", "fighters", "REB"),
    ("Red Cross officials in Kabul suspended food deliveries.", "officials", "NGO"),
])
def test_what_does_not_place_a_group(code_of, text, phrase, expected):
    assert (code_of(text, phrase) or None) == expected


def test_place_read_as_a_name_is_not_a_person(parse):
    text = "A priest from Lyon was abducted by gunmen."
    doc = parse(text)
    lyon = doc.char_span(text.index("Lyon"), text.index("Lyon") + 4)
    actor = actor_at(doc, lyon.start)
    assert actor is None or actor.type != "person"


@pytest.mark.parametrize("text,phrase,expected", [
    # a titled person with no country in their own phrase stays uncoded (no guessing)
    ("Judge Marta Olsen criticized the ruling on Tuesday.", "Olsen", "JUD"),
    # ... but "of X" and "X's" place them
    ("Judge Marta Olsen of Norway criticized the ruling on Tuesday.", "Olsen", "NORJUD"),
    ("Norway's Judge Marta Olsen criticized the ruling on Tuesday.", "Olsen", "NORJUD"),
    ("Colonel Bram Tusk of Poland inspected the troops.", "Tusk", "POLMIL"),
    # a name after a title that the model did not tag is still a person
    ("Judge Ana Ruiz of Peru said the ruling was unfair.", "Ruiz", "PERJUD"),
    ("Colonel Bram Tusk from Estonia inspected the troops.", "Tusk", "ESTMIL"),
])
def test_titled_people(code_of, text, phrase, expected):
    assert code_of(text, phrase) == expected


def test_people_of_a_place_live_there(nlp):
    from flashpoint.nlp.extensions import records

    doc = nlp("The Hungarians of southern Slovakia demanded autonomy.")
    codes = {a.name: a.country for a in records(doc, "fp_actors")}
    assert "SVK" in codes.values(), codes


def test_the_place_name_wins_over_an_adjective_on_it(nlp):
    from flashpoint.nlp.extensions import records

    doc = nlp("Residents of the Israeli-occupied Golan Heights protested.")
    assert {a.country for a in records(doc, "fp_actors") if a.type == "group"} == {"SYR"}
