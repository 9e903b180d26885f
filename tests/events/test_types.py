"""text -> PLOVER type of the events coded: the vocabulary and crosswalk of each category.

Sentences written for these tests (not from the gold); each row names the types it must produce,
negative rows the types it must not.
"""

from __future__ import annotations

import pytest

from flashpoint.ontology import load_ontology

ACTORS = {
    "Israel": "ISR", "Hamas": "PSEREB", "Russia": "RUS", "Britain": "GBR", "France": "FRA",
    "Chad": "TCD", "Syria": "SYR", "Iran": "IRN", "Canada": "CAN", "Kenya": "KEN",
    "Somalia": "SOM", "Peru": "PER", "Chile": "CHL", "Mali": "MLI", "Gaza": "PSE",
    "the opposition": "KENOPP", "the union": "KENLAB", "the minister": "KENGOV",
}


def types(events):
    return {(e.plover, e.negated or e.hypothetical) for e in events}


CASES = [
    # SUPPORT: welcoming a decision endorses it; signing a treaty is SUPPORT in PLOVER
    ("Russia welcomed the decision by France.", "SUPPORT"),
    ("Chile and Peru signed a treaty of friendship.", "SUPPORT"),
    ("Canada supports Kenya.", "SUPPORT"),
    # AID: giving money, contributing troops, providing things to someone
    ("France contributed troops to the force in Mali.", "AID"),
    ("Canada provided maps and radios to Kenya.", "AID"),
    # CONCEDE: permissions, easing curfews, calling off strikes
    ("Kenya relaxed the curfew in Nairobi.", "CONCEDE"),
    ("The union called off the strike on Monday.", "CONCEDE"),
    # SANCTION: withdrawing peacekeepers or inspectors, suspending links, forcing out
    ("Canada withdrew its peacekeepers from Mali.", "SANCTION"),
    ("Russia pulled its inspectors out of Syria.", "SANCTION"),
    ("France announced a suspension of flights with Syria.", "SANCTION"),
    ("Kenya forced the agency out of Somalia.", "SANCTION"),
    # COERCE: abduction, human shields and blockades constrain without force meant to harm
    ("Hamas kidnapped two soldiers from Israel.", "COERCE"),
    ("Israel reimposed a blockade on Gaza.", "COERCE"),
    # ACCUSE: indictments are legal accusations, not arrests
    ("Peru indicted Chile's former minister.", "ACCUSE"),
    # THREATEN: vowing violence is a threat; announced curfews and mediation halts threaten
    ("Hamas vowed to fight Israel.", "THREATEN"),
    ("Kenya will extend the curfew in Somalia.", "THREATEN"),
    ("France may halt mediation between Chad and Mali if talks fail.", "THREATEN"),
    ("Canada will withdraw its inspectors from Iran.", "THREATEN"),
    # REQUEST: pushing or pressuring someone for something
    ("Canada pressured Kenya to release the prisoners.", "REQUEST"),
    # RETREAT: a resignation its own actor announces is still a resignation
    ("The minister will resign.", "RETREAT"),
    # troop withdrawal stays a de-escalation
    ("Syria withdrew its troops from Lebanon.", "RETREAT"),
]


@pytest.mark.parametrize(("text", "plover"), CASES)
def test_type(code_text, text, plover):
    events, errors = code_text(text, ACTORS)
    assert not errors
    assert plover in {e.plover for e in events}, types(events)


NEGATIVE = [
    # vowing cooperation is no threat
    ("Hamas vowed to cooperate with Israel.", "THREATEN"),
    # withdrawing troops is no sanction
    ("Syria withdrew its troops from Lebanon.", "SANCTION"),
    # a strike called off is no protest that happened
    ("The union called off the strike on Monday.", "PROTEST"),
    # "allowed" with no actor as target is no concession
    ("The rules allowed it.", "CONCEDE"),
    # providing with no recipient is no aid
    ("Canada provided a statement.", "AID"),
]


@pytest.mark.parametrize(("text", "plover"), NEGATIVE)
def test_not_type(code_text, text, plover):
    events, errors = code_text(text, ACTORS)
    assert not errors
    assert plover not in {e.plover for e in events if not (e.negated or e.hypothetical)}


@pytest.mark.parametrize(("cameo", "plover"), [
    ("057", "SUPPORT"), ("037", "AGREE"), ("181", "COERCE"), ("184", "COERCE"),
    ("191", "COERCE"), ("1381", "THREATEN"), ("190", "ASSAULT"), ("1661", "SANCTION"),
    ("0831", "RETREAT"), ("115", "ACCUSE"),
])
def test_crosswalk(cameo, plover):
    assert load_ontology().coding(cameo).plover == plover
