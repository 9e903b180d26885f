"""Ethnic and religious communities named without a nationality ("Yoruba leaders",
"Uyghurs") take their one home country from the peoples dictionary; a nationality or the
text's place for an ethnic phrase still wins. Sentences written for these tests."""

from __future__ import annotations

import pytest

# text, phrase (the actor is read at its last word), expected code (None: no actor)
PEOPLES = [
    ("Yoruba leaders rejected the new constitution on Monday.", "leaders", "NGACVL"),
    ("Ibo elders called for calm after the clashes in Enugu.", "elders", "NGACVL"),
    ("Hausa politicians walked out of the assembly.", "politicians", "NGAPTY"),
    ("Karen guerrillas attacked an army outpost near the border.", "guerrillas", "MMRREB"),
    ("Thousands of Uyghurs were detained last year.", "Uyghurs", "CHNCVL"),
    ("The Rohingya fled across the river.", "Rohingya", "MMRCVL"),
    ("Baloch militants blew up a gas pipeline.", "militants", "PAKREB"),
    ("Masalit villagers accused the militia of burning their homes.", "villagers", "SDNCVL"),
    ("Chechen fighters surrendered to federal troops.", "fighters", "RUSREB"),
    ("Crimean Tatars protested against the arrests.", "Tatars", "UKRCVL"),
    ("Kikuyu youths blocked the road to Nakuru.", "youths", "KENCVL"),
    # a nationality, or an ethnic phrase's place, wins over the people's home
    ("Nigerian Yoruba traders demanded compensation.", "traders", "NGABUS"),
    ("Ethnic Uyghurs in Kazakhstan demanded the release of relatives.", "Uyghurs", "KAZCVL"),
    ("Kazakh Uyghur activists appealed to the court.", "activists", "KAZOPP"),
    # left out on purpose: no single home country
    ("Kurdish villagers fled the shelling.", "villagers", "CVL"),
]


@pytest.mark.parametrize("text,phrase,expected", PEOPLES)
def test_peoples_codes(code_of, text, phrase, expected):
    assert code_of(text, phrase) == expected


def test_a_peoples_word_used_as_a_surname_is_the_person(code_of):
    text = "Police commissioner Jacob Zulu resigned. Zulu said he had been threatened."
    assert code_of(text, "Zulu", occurrence=1) != "ZAFCVL"


def test_a_peoples_word_used_as_a_given_name_is_the_person(code_of):
    text = "Karen Bass criticised the plan. Karen said the city would appeal."
    assert code_of(text, "Karen", occurrence=1) != "MMRCVL"
