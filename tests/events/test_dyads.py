"""text -> (trigger, source country, target country) over the full pipeline: the dyad rules of
the events stage working on what the actors stage found (sentences written for these tests)."""

from __future__ import annotations

import pytest

from flashpoint.nlp.extensions import records


@pytest.fixture(scope="module")
def dyads(nlp):
    """``dyads(text) -> {(trigger, source country, target country)}`` of the coded events."""
    def run(text: str, date: str = "1995-06-01"):
        doc = nlp.make_doc(text)
        doc._.fp_article_date = date
        doc = nlp(doc)
        return {(e.trigger, e.source and e.source.country, e.target and e.target.country)
                for e in records(doc, "fp_events")}
    return run


CASES = [
    # a country in a non-acting slot ("to X") is still the target of the event
    ("Norway apologized to Denmark for the incident.", ("apologized", "NOR", "DNK")),
    ("Chile extradited the banker to Argentina on Friday.", ("extradited", "CHL", "ARG")),
    # the target inside an "of" phrase of a role noun
    ("Kenya agreed to negotiate with the president of Uganda.", ("agreed", "KEN", "UGA")),
    # a nationality modifier of a nominal object or frame complement names the target
    ("The rebels welcomed Kenyan mediation in the conflict.", ("welcomed", None, "KEN")),
    ("Sudan agreed to Kenyan mediation.", ("agreed", "SDN", "KEN")),
    # coordinated place objects: one event per target
    ("Gabon sent aid to Mauritania and Senegal.", ("sent", "GAB", "MRT")),
    ("Gabon sent aid to Mauritania and Senegal.", ("sent", "GAB", "SEN")),
    # the subject of "willing / ready to" reaches through the adjective, "it" to the subject
    ("Peru says it is willing to withdraw its troops from Ecuador.",
     ("withdraw", "PER", "ECU")),
    # an object that is a thing: the country it is applied in or moved to is the target
    ("Ghana lifted the curfew in Togo last week.", ("lifted", "GHA", "TGO")),
    ("Brazil sent medicine to Bolivia.", ("sent", "BRA", "BOL")),
    # an unnamed group with no nationality takes the country the event is placed in
    ("Rebels blocked roads in Nairobi on Tuesday.", ("blocked", "KEN", None)),
    # IGOs by older names and abbreviations
    ("The European Community condemned Iraq.", ("condemned", None, "IRQ")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dyad(dyads, text, expected):
    found = dyads(text)
    trigger, source, target = expected
    hits = [d for d in found if d[0] == trigger]
    assert hits, found
    assert any((source is None or d[1] == source) and (target is None or d[2] == target)
               for d in hits), found


NEGATIVE = [
    # a named person is no national of the place the event is in
    ("Jacques Moreau condemned the attack in Nairobi.", "condemned", "KEN"),
    # an expletive "it" is nobody: the reported event gets no source from the speaker
    ("Norway said it is likely that troops will attack Denmark.", "attack", "NOR"),
    # the place of a thing is not a second target when an actor is the object
    ("Ghana condemned Togo in Lome.", "condemned", None),
]


@pytest.mark.parametrize(("text", "trigger", "wrong_source"), NEGATIVE)
def test_no_false_dyad(dyads, text, trigger, wrong_source):
    found = {d for d in dyads(text) if d[0] == trigger}
    assert all(d[1] != wrong_source for d in found if wrong_source), found
    if wrong_source is None:  # only the actor object is a target
        assert {d[2] for d in found} <= {"TGO"}, found
