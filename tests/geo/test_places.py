"""The places stage: text -> expected place, including negative and disambiguation cases.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from flashpoint.geo import main_place, places_in

FOUND = [
    # text, surface, expected name, kind, country
    ("Protesters gathered in Baghdad on Friday.", "Baghdad", "Baghdad", "city", "IRQ"),
    ("Iran and Iraq signed the accord.", "Iran", "Iran", "country", "IRN"),
    ("The drone fell on Iraqi soil.", "Iraqi", "Iraq", "country", "IRQ"),
    ("Officials from the UAE arrived.", "UAE", "UAE", "country", "ARE"),
    ("Tankers crossed the Gulf at dawn.", "Gulf", "Gulf", "sea", None),
    ("Trade with Latin America grew.", "Latin America", "Latin America", "region", None),
    ("Fighting spread across the Sahel last year.", "Sahel", "Sahel", "region", None),
    ("Ships patrol the South China Sea.", "South China Sea", "South China Sea", "sea", None),
    ("Aid reached the Middle East.", "Middle East", "Middle East", "region", None),
    ("BEIRUT (AP) - The talks failed.", "BEIRUT", "Beirut", "city", "LBN"),
    ("Clashes erupted in Qamishli overnight.", "Qamishli", "Qamishli", "city", "SYR"),
    ("He spoke to the Saudis in private.", "Saudis", "Saudi Arabia", "country", "SAU"),
]


CANONICAL = {"UAE": "United Arab Emirates", "Gulf": "Persian Gulf", "BEIRUT": "Beirut",
             "Qamishli": "Al Qāmishlī", "Iraqi": "Iraq", "Saudis": "Saudi Arabia"}


@pytest.mark.parametrize("text, surface, name, kind, country", FOUND)
def test_found(places_of, text, surface, name, kind, country):
    # named as the article writes the name (an adjective or demonym is none), the
    # gazetteer's name beside it
    place = places_of(text).get(surface)
    assert place is not None, places_of(text)
    assert (place.name, place.kind, place.country) == (name, kind, country)
    assert place.canonical == CANONICAL.get(surface, name)
    assert place.lat is not None and place.lon is not None


DISAMBIGUATION = [
    ("Georgia's government in Tbilisi protested.", "Georgia", "country", "GEO"),
    ("Georgia's governor met voters in Atlanta.", "Georgia", "admin", "USA"),
    ("Washington warned Tehran against retaliation.", "Washington", "city", "USA"),
    ("Tripoli was calm as Lebanon's army deployed.", "Tripoli", "city", "LBN"),
    ("Tripoli was calm as Libya's rival governments met.", "Tripoli", "city", "LBY"),
    ("Police in St. Petersburg said Russia had no comment.", "St. Petersburg", "city", "RUS"),
    ("Tourists flocked to Paris this summer.", "Paris", "city", "FRA"),
    ("Crowds filled the streets of New York.", "New York", "city", "USA"),
]


@pytest.mark.parametrize("text, surface, kind, country", DISAMBIGUATION)
def test_disambiguation(places_of, text, surface, kind, country):
    place = places_of(text)[surface]
    assert (place.kind, place.country) == (kind, country)


NOT_PLACES = [
    ("The meeting is on March 4 in the capital.", "March"),
    ("The fee is about 40 US dollars a month.", "US"),
    ("Yulia said she was getting better.", "Yulia"),
    ("Gen. Jordan said the operation was over.", "Jordan"),
]


@pytest.mark.parametrize("text, surface", NOT_PLACES)
def test_not_a_place(places_of, text, surface):
    assert surface not in places_of(text)


def test_facility_takes_its_city(places_of):
    found = places_of("Rockets hit the U.S. Embassy compound in Baghdad on Sunday.")
    facility = next(p for p in found.values() if p.kind == "facility")
    assert facility.country == "IRQ" and facility.lat == pytest.approx(33.34, abs=0.1)
    assert found["Baghdad"].kind == "city"


def test_unresolved_is_kept_and_does_not_remove_others(places_nlp):
    doc = places_nlp("Fighters entered the village of Zarqobad near Kabul in Afghanistan.")
    kinds = {p.name: p.kind for p in doc._.fp_places}
    assert kinds.get("Kabul") == "city" and kinds.get("Afghanistan") == "country"
    for place in doc._.fp_places:
        if place.kind == "unresolved":
            assert place.lat is None and place.lon is None and place.geonameid is None


def test_mentions_point_at_places(places_nlp):
    text = "Iran said Iran would respond. Iranian media agreed."
    doc = places_nlp(text)
    (iran,) = [p for p in doc._.fp_places if p.name == "Iran"]
    assert [text[s:e] for s, e in iran.mentions] == ["Iran", "Iran", "Iranian"]
    assert iran.id == "P1"
    assert {m.ref for m in doc._.fp_place_mentions} == {"P1"}
    vias = [m.via for m in doc._.fp_place_mentions]
    assert vias[-1] == "adjective"


def test_places_in_and_main_place(places_nlp):
    text = ("BAGHDAD (AP) - A rocket struck near Baghdad airport. Russian officials condemned it. "
            "Separately, a strike hit Basra.")
    doc = places_nlp(text)
    russian = next(t.i for t in doc if t.text == "Russian")
    separately = next(t.i for t in doc if t.text == "Separately")
    first, second, third = doc[:russian], doc[russian:separately], doc[separately:]
    assert {p.name for _, p in places_in(first)} == {"Baghdad"}
    assert places_in(second) == []  # "Russian officials" describes, it does not locate
    assert [p.name for _, p in places_in(second, modifiers=True)] == ["Russia"]
    assert [(p.kind, p.country) for _, p in places_in(third)] == [("city", "IRQ")]
    assert main_place(doc).name == "Baghdad"


def test_main_place_none_without_places(places_nlp):
    assert main_place(places_nlp("Nothing happened today.")) is None


def test_seed_places(places_nlp, seed_text):
    doc = places_nlp(seed_text)
    names = {p.canonical for p in doc._.fp_places if p.lat is not None}
    for name in ("Baghdad", "Iraq", "Iran", "Tehran", "Israel", "Saudi Arabia",
                 "United Arab Emirates", "Africa", "Latin America", "Persian Gulf"):
        assert name in names


def test_contract_is_declared(places_nlp):
    analysis = places_nlp.analyze_pipes()
    assert analysis["problems"]["flashpoint_places"] == []
    assert "doc._.fp_places" in analysis["summary"]["flashpoint_places"]["assigns"]
