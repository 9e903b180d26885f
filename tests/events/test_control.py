"""Dyad rules that reach past the verb's own arguments: control verbs, targets inside object
phrases and complements, the that-clause of a demand, titles that place a person, and the
domestic default target of protests and demands (sentences written for these tests)."""

from __future__ import annotations

import pytest

from flashpoint.nlp.extensions import records


@pytest.fixture(scope="module")
def coded(nlp):
    """``coded(text) -> {(trigger, source code, target code, rule)}`` of the coded events."""
    def run(text: str, date: str = "1995-06-01"):
        doc = nlp.make_doc(text)
        doc._.fp_article_date = date
        doc = nlp(doc)
        return {(e.trigger, e.source and e.source.country, e.target and e.target.country,
                 e.rule) for e in records(doc, "fp_events")}
    return run


CASES = [
    # object control: the object of "ordered / asked" does what the complement says
    ("Kenya forced Uganda to withdraw its troops from Somalia.", ("withdraw", "UGA", "SOM")),
    ("The rebels persuaded Uganda to withdraw its troops from Somalia.",
     ("withdraw", "UGA", "SOM")),
    # passive control: the passive subject does it
    ("Chile was forced to withdraw its ambassador from Peru.", ("withdraw", "CHL", "PER")),
    # the target inside a thing-denoting object phrase
    ("Norway rejected demands by Sweden's government for compensation.",
     ("rejected", "NOR", "SWE")),
    ("Egypt lifted the ban on Libyan trucks.", ("lifted", "EGY", "LBY")),
    # the target inside a frame's complement ("threatened to break off relations with Y")
    ("Peru threatened to break off relations with Bolivia.", ("threatened", "PER", "BOL")),
    ("Japan pledged to continue economic aid to Vietnam.", ("pledged", "JPN", "VNM")),
    # a demand is made of the subject of the clause it demands
    ("Ghana demanded that Togo close its border camps.", ("demanded", "GHA", "TGO")),
    # a person placed by his title
    ("Arab League envoy Omar Hadid condemned Israel.", ("condemned", "IGO", "ISR")),
]


def _hit(found, expected):
    trigger, source, target = expected
    return any(d[0] == trigger and (source is None or d[1] == source or
                                    (source == "IGO" and d[1] is None))
               and (target is None or d[2] == target) for d in found)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reached_dyad(coded, text, expected):
    found = coded(text)
    assert _hit(found, expected), found


NEGATIVE = [
    # subject control: "promised Y to" is the promiser's act, not Y's
    ("Kenya promised Uganda to withdraw its troops.", "withdraw", "UGA"),
    # a statement's that-clause subject is no target of a non-demand
    ("Ghana condemned the claim that Togo closed its border.", "condemned", "TGO"),
]


@pytest.mark.parametrize(("text", "trigger", "wrong_source"), NEGATIVE)
def test_no_false_controller(coded, text, trigger, wrong_source):
    found = {d for d in coded(text) if d[0] == trigger}
    assert all(d[1] != wrong_source for d in found) or trigger == "condemned", found
    if trigger == "condemned":
        assert all(d[2] != wrong_source for d in found), found


DOMESTIC = [
    ("Algerian students demonstrated in Algiers on Monday.", "demonstrated", "DZA"),
    ("Egyptian teachers marched in Cairo on Sunday.", "marched", "EGY"),
    ("Egyptian students demanded higher grants.", "demanded", "EGY"),
]


@pytest.mark.parametrize(("text", "trigger", "country"), DOMESTIC)
def test_domestic_default_target(coded, text, trigger, country):
    found = {d for d in coded(text) if d[0] == trigger}
    assert any(d[1] == country and d[2] == country and d[3].endswith("+domestic")
               for d in found), found


NOT_DOMESTIC = [
    # a target named: no default
    ("Algerian students protested against France.", "protested"),
    # a group acting abroad protests to the host, not to its own government
    ("Turkish workers demonstrated in Berlin on Monday.", "demonstrated"),
    # a state, not a group
    ("Algeria protested on Monday.", "protested"),
    # not a protest or demand
    ("Algerian students met on Monday.", "met"),
]


@pytest.mark.parametrize(("text", "trigger"), NOT_DOMESTIC)
def test_no_domestic_default(coded, text, trigger):
    found = {d for d in coded(text) if d[0] == trigger}
    assert not any(d[3].endswith("+domestic") for d in found), found
