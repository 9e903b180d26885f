"""Event confidence: features, the shipped model, filtering, and the threshold setting."""

from __future__ import annotations

import json

import pytest

from flashpoint.config import Settings
from flashpoint.errors import DataFileError, SettingError
from flashpoint.events.confidence import (MODEL_PATH, ConfidenceModel, event_features,
                                          load_model,
                                          shipped_model, side_kind, with_confidence)
from flashpoint.schema import Actor, ActorRef, Analysis, Article, Event

KEN = Actor(id="A1", name="Kenya", type="country", country="KEN")
POLICE = Actor(id="A2", name="police", type="group", country=None, sector="COP")
AU = Actor(id="A3", name="African Union", type="organization", sector="IGO", entry="AU")
ACTORS = {a.id: a for a in (KEN, POLICE, AU)}
SENTENCE = 'Kenya said "police fired on the crowd" in Garissa.'


def _event(source, target, *, rule="verbs:fire+coref", trigger=(18, 23), sentence=SENTENCE,
           hypothetical=False):
    return Event(id="E1", source=source, target=target, cameo="193", root="19",
                 plover="ASSAULT", mode=None, context=(), quad_class=4, goldstein=-10.0,
                 intensity=None, negated=False, hypothetical=hypothetical, date=None,
                 sentence=sentence, span=(0, len(sentence)), trigger="fired", rule=rule,
                 trigger_span=trigger)


def test_side_kinds():
    thing = ActorRef(actor=None, name="the bridge")
    placed = ActorRef(actor=None, name="Garissa", country="KEN")
    assert [side_kind(r, ACTORS) for r in (None, thing, placed, ActorRef.of(KEN),
                                           ActorRef.of(POLICE), ActorRef.of(AU))] \
        == ["none", "thing", "unlinked_country", "country", "group_nocountry", "dictionary"]


def test_features_say_how_the_event_was_built():
    f = event_features(_event(ActorRef.of(KEN), ActorRef.of(AU)), actors=ACTORS,
                       quoted=[(11, 38)])
    assert f["pattern=verbs"] == f["convention=coreference"] == f["in_quote"] == 1.0
    assert f["source=country"] == f["target=dictionary"] == f["identified_sides=2"] == 1.0
    assert "headline" not in f and "domestic" not in f
    headline = event_features(_event(ActorRef.of(POLICE), None, rule="nouns:x",
                                     sentence="Police fire on crowd in Garissa"),
                              actors=ACTORS, quoted=[])
    assert headline["headline"] == headline["identified_sides=0"] == 1.0
    assert "in_quote" not in headline and "convention=coreference" not in headline


def test_probability_is_a_logistic_of_the_weights():
    model = ConfidenceModel(intercept=0.0, weights={"a": 2.0, "b": -1.0}, threshold=0.5)
    assert model.probability({}) == 0.5
    assert model.probability({"a": 1.0}) > 0.85 > model.probability({"a": 1.0, "b": 1.0})
    assert 0.0 < model.probability({"a": 1e9}) <= 1.0  # no overflow


def test_filtering_keeps_the_floor_and_renumbers():
    events = (_event(ActorRef.of(KEN), None), _event(ActorRef.of(KEN), ActorRef.of(AU)))
    analysis = Analysis(article=Article(id="x", text=SENTENCE), actors=(KEN, POLICE, AU),
                        events=events)
    model = ConfidenceModel(intercept=-1.0, weights={"identified_sides=2": 3.0},
                            threshold=0.5)
    kept = with_confidence(analysis, model, min_confidence=0.5).events
    assert [(e.id, e.target and e.target.code) for e in kept] == [("E1", "IGOAU")]
    assert kept[0].confidence == pytest.approx(0.8808, abs=1e-4)
    everything = with_confidence(analysis, model, min_confidence=0.0).events
    assert [e.id for e in everything] == ["E1", "E2"]
    assert everything[0].confidence == pytest.approx(0.2689, abs=1e-4)


def test_shipped_model_is_valid():
    model = shipped_model()
    assert 0.0 <= model.threshold <= 1.0 and model.weights
    assert all(isinstance(v, float) for v in model.weights.values())


@pytest.mark.parametrize("content", ["{", '{"weights": {}}', '{"intercept": 0, "weights": {},'
                                     ' "threshold": 2}', '{"intercept": "x", "weights": {},'
                                     ' "threshold": 0.5}'])
def test_bad_model_file_names_the_file(tmp_path, content):
    path = tmp_path / "model.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match="model.json"):
        load_model(path)


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_min_confidence_setting_is_checked(value):
    with pytest.raises(SettingError, match="min_confidence"):
        Settings(min_confidence=value)


def test_model_file_records_its_fit():
    raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    report = raw["report"]
    assert report["articles"] > 0 and report["reliability"] and report["thresholds"]
    assert raw["threshold"] == report["chosen"]["threshold"]
