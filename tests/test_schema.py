"""The JSON form of every record keeps each field docs/contract.md names."""

from flashpoint.schema import (Actor, ActorRef, Analysis, Article, Event, Location, Place, Quote,
                               Speaker)

EVENT_FIELDS = {"id", "source", "target", "cameo", "root", "plover", "mode", "context",
                "quad_class", "goldstein", "intensity", "negated", "hypothetical", "date",
                "fatalities", "location", "sentence", "span", "trigger", "rule"}


def _analysis() -> Analysis:
    article = Article(id="a1", text="Ruritania shelled Zenda.", date="2024-05-01")
    ruritania = Actor(id="A1", name="Ruritania", type="country", country="RUR", sector=None,
                      mentions=((0, 9),))
    zenda = Actor(id="A2", name="Zenda", type="country", country="ZND", sector="MIL",
                  mentions=((18, 23),))
    place = Place(id="P1", name="Zenda", kind="city", country="ZND", lat=1.0, lon=2.0,
                  geonameid=1, mentions=((18, 23),))
    event = Event(id="E1", source=ActorRef.of(ruritania), target=ActorRef.of(zenda, (18, 23)),
                  cameo="195", root="19", plover="ASSAULT", mode="aerial", context=("military",),
                  quad_class=4, goldstein=-10.0, intensity=-8.0, negated=False,
                  hypothetical=False, date="2024-05-01", sentence=article.text, span=(0, 24),
                  trigger="shelled", rule="verb:shell", trigger_span=(10, 17),
                  location=Location(place="P1", name="Zenda", country="ZND", lat=1.0, lon=2.0))
    quote = Quote(id="Q1", text="x", span=(0, 1), direct=True,
                  speaker=Speaker(text="an official", span=(2, 3), anonymous=True))
    return Analysis(article=article, actors=(ruritania, zenda), events=(event,),
                    quotes=(quote,), places=(place,))


def test_contract_fields_are_all_present():
    doc = _analysis().to_json()
    assert doc["schema_version"] == "1"
    assert {"id", "title", "date", "source", "url", "text_sha256"} <= doc["article"].keys()
    assert {"id", "name", "type", "country", "sector", "code", "mentions"} <= doc["actors"][0].keys()
    assert doc["actors"][0]["code"] == "RUR" and doc["actors"][1]["code"] == "ZNDMIL"
    event = doc["events"][0]
    assert EVENT_FIELDS <= event.keys()
    assert {"actor", "name", "country", "sector", "code"} <= event["source"].keys()
    assert {"place", "name", "country", "lat", "lon"} <= event["location"].keys()
    quote = doc["quotes"][0]
    assert {"id", "text", "span", "direct", "speaker"} <= quote.keys()
    assert {"actor", "text", "name", "span", "anonymous", "country", "sector"} <= quote["speaker"].keys()
    assert {"id", "name", "kind", "country", "lat", "lon", "geonameid", "mentions"} <= doc["places"][0].keys()


def test_records_are_frozen():
    import dataclasses

    import pytest

    with pytest.raises(dataclasses.FrozenInstanceError):
        _analysis().article.id = "b"
