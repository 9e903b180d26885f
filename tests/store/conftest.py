"""Cheap store fixtures: hand-built Analysis records and an in-memory migrated DuckDB."""

from __future__ import annotations

import duckdb
import pytest

from flashpoint.schema import (Actor, ActorRef, Analysis, Article, Event, Location, Place,
                               Quote, Speaker)
from flashpoint.store.migrations import migrate


def make_event(local_id, src, tgt, *, cameo="190", root="19", quad=4, date="2020-01-03",
               sentence="The United States killed Soleimani in Baghdad.", span=(0, 46),
               negated=False, hypothetical=False, place=None):
    return Event(id=local_id, source=ActorRef.of(src) if src else None,
                 target=ActorRef.of(tgt) if tgt else None, cameo=cameo, root=root,
                 plover="ASSAULT", mode="aerial", context=("military",), quad_class=quad,
                 goldstein=-10.0, intensity=-9.5, negated=negated, hypothetical=hypothetical,
                 date=date, sentence=sentence, span=span, trigger="killed", rule="test:rule",
                 trigger_span=(18, 24),
                 location=Location(place=place.id, name=place.name, country=place.country,
                                   lat=place.lat, lon=place.lon) if place else None)


def make_analysis(text="The United States killed Soleimani in Baghdad. Iran vowed revenge.",
                  *, id="a1", date="2020-01-03", url=None, events=None, n_events=1,
                  actors=None):
    usa = Actor(id="A1", name="United States", type="country", country="USA", sector="GOV",
                mentions=((4, 17),))
    sol = Actor(id="A2", name="Qassem Soleimani", type="person", country="IRN", sector="MIL",
                mentions=((25, 34),))
    baghdad = Place(id="P1", name="Baghdad", kind="city", country="IRQ", lat=33.3, lon=44.4,
                    geonameid=98182, mentions=((38, 45),))
    if events is None:
        events = tuple(make_event(f"E{i + 1}", usa, sol, place=baghdad, span=(0, 46 + i))
                       for i in range(n_events))
    quote = Quote(id="Q1", text="revenge", span=(59, 66), direct=False,
                  speaker=Speaker(text="Iran", span=(47, 51), name="Iran", country="IRN"))
    article = Article(id=id, text=text, date=date, url=url, title="Strike", origin=f"{id}.txt")
    return Analysis(article=article, actors=tuple(actors or (usa, sol)), events=tuple(events), quotes=(quote,),
                    places=(baghdad,))


@pytest.fixture
def con():
    connection = duckdb.connect()
    migrate(connection)
    yield connection
    connection.close()


@pytest.fixture(name="make_analysis")
def _make_analysis_fixture():
    return make_analysis


@pytest.fixture(name="make_event")
def _make_event_fixture():
    return make_event
