"""text -> expected events: (root, source code, target code, negated, hypothetical)."""

from __future__ import annotations

import pytest

ACTORS = {
    "Israel": "ISR", "Israeli": "ISR", "Hamas": "PSEREB", "Russia": "RUS", "Britain": "GBR",
    "France": "FRA", "Germany": "DEU", "Turkey": "TUR", "Pakistan": "PAK", "India": "IND",
    "Japan": "JPN", "North Korea": "PRK", "China": "CHN", "Taiwan": "TWN", "Egypt": "EGY",
    "Ukraine": "UKR", "Syria": "SYR", "Iran": "IRN", "Canada": "CAN", "Kenya": "KEN",
    "Somalia": "SOM", "Chile": "CHL", "Peru": "PER",
}


def summary(events):
    return {(e.root, e.source and e.source.code, e.target and e.target.code, e.negated,
             e.hypothetical) for e in events}


CASES = [
    # plain subject-verb-object
    ("Russia condemned Britain on Monday.", {("11", "RUS", "GBR", False, False)}),
    # coordination: one event per dyad
    ("France and Germany criticized Turkey.",
     {("11", "FRA", "TUR", False, False), ("11", "DEU", "TUR", False, False)}),
    # prepositional target
    ("Pakistan clashed with India along the disputed border.",
     {("19", "PAK", "IND", False, False)}),
    # verb + object noun + preposition; negation
    ("Japan did not impose sanctions on North Korea.", {("16", "JPN", "PRK", True, False)}),
    # modal: speculation stays hypothetical
    ("China could attack Taiwan next year.", {("19", "CHN", "TWN", False, True)}),
    # frame: threat with a complement
    ("Turkey threatened Syria with military action.", {("13", "TUR", "SYR", False, False)}),
    # appeal frame
    ("Egypt called on Israel to release the prisoners.", {("02", "EGY", "ISR", False, False)}),
    # an action announced by its source is an intent, and a fact
    ("Ukraine will release the prisoners.", {("03", "UKR", None, False, False)}),
    # nominal with by/on arguments
    ("An attack by Hamas on Israel wounded several people.",
     {("19", "PSEREB", "ISR", False, False)}),
    # passive with agent
    ("Kenya was attacked by Somalia last week.", {("19", "SOM", "KEN", False, False)}),
    # question
    ("Will Iran attack Israel?", {("19", "IRN", "ISR", False, True)}),
    # negating governor
    ("Peru refrained from attacking Chile.", {("19", "PER", "CHL", True, False)}),
    # hypothetical governor
    ("Canada considered imposing sanctions on Iran.", {("16", "CAN", "IRN", False, True)}),
    # support with source preposition, target from the receiving verb's subject
    ("Japan's plan earned applause from Canada.", {("05", "CAN", "JPN", False, False)}),
    # negative cases: no event
    ("The weather was cold in Moscow on Monday.", set()),
    ("Canada, Chile, Peru, Kenya.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_coding(code_text, text, expected):
    events, errors = code_text(text, ACTORS)
    assert not errors
    assert summary(events) == expected


def test_event_carries_ontology_and_evidence(code_text):
    text = "Russia condemned Britain on Monday."
    (event,), _ = code_text(text, ACTORS)
    assert (event.cameo, event.plover, event.quad_class) == ("111", "ACCUSE", 3)
    assert event.goldstein == -2.0 and event.intensity is not None and event.mode
    assert event.sentence == text and event.span == (0, len(text))
    assert event.trigger == "condemned" and text[slice(*event.trigger_span)] == "condemned"
    assert event.rule.startswith("verbs:")
    assert event.date == "2019-12-30" and event.date_basis == "text"


def test_relative_dates_resolve_against_article_date(code_text):
    (event,), _ = code_text("Just days ago, Syria shelled Turkey.", ACTORS)
    assert (event.date, event.date_basis) == ("2019-12-31", "text")
    (event,), _ = code_text("Syria shelled Turkey.", ACTORS)
    assert (event.date, event.date_basis) == ("2020-01-03", "article")


def test_fatalities_from_number_words(code_text):
    events, _ = code_text("Israel bombed a camp, killing some two dozen Hamas fighters.", ACTORS)
    assert max(e.fatalities or 0 for e in events) == 24


def test_event_coreference_inherits_source(code_text):
    text = "Israel launched a strike on Hamas. The strike, which also killed a Hamas commander, was condemned."
    events, _ = code_text(text, ACTORS)
    killed = [e for e in events if e.trigger == "killed"]
    assert killed and killed[0].source.code == "ISR" and killed[0].rule.endswith("+coref")
    assert killed[0].target.code == "PSEREB"


def test_protest_aim_makes_code_specific(code_text):
    events, _ = code_text("Students in Iran protested to demand the resignation of the leader.",
                          ACTORS)
    assert [e.cameo for e in events] == ["1411"]


def test_max_dyads_caps_expansion(code_text):
    text = "France, Germany, Japan and Canada criticized Turkey, Syria and Iran."
    events, _ = code_text(text, ACTORS, max_dyads=3)
    assert len(events) == 3


def test_odd_input_never_raises(code_text):
    names = ", ".join(["Canada", "Chile", "Peru"] * 700)  # one 4,000-token "sentence"
    table = "\n".join("| Iran | 12 | 3.4 | Syria |" for _ in range(50))
    for text in (names, table, "...", "Iran attacked Syria " * 300):
        events, errors = code_text(text, ACTORS)
        assert isinstance(events, list) and isinstance(errors, list)


def test_failing_sentence_is_recorded_and_rest_coded(code_text, monkeypatch):
    from flashpoint.events import matching

    real = matching.SentenceMatcher.matches

    def flaky(self, sent):
        if "Peru" in sent.text:
            raise RuntimeError("boom")
        return real(self, sent)

    monkeypatch.setattr(matching.SentenceMatcher, "matches", flaky)
    events, errors = code_text("Peru attacked Chile. Russia condemned Britain.", ACTORS)
    assert [e.root for e in events] == ["11"]
    assert errors[0].stage == "events" and "Peru" in errors[0].sentence
    assert "boom" in errors[0].message


def test_component_records_events(model):
    import flashpoint.nlp.components  # noqa: F401
    from flashpoint.nlp.extensions import records

    nlp = __import__("spacy").blank("en")
    nlp.add_pipe("flashpoint_events", config={"max_dyads": 2})
    doc = model("Russia condemned Britain.")
    doc = nlp.get_pipe("flashpoint_events")(doc)
    assert records(doc, "fp_errors") == []
    assert isinstance(records(doc, "fp_events"), list)
