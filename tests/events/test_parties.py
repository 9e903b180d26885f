"""Who may be a side of an event: things never are; joint acts are reciprocal; the press is
no one consulted; international bodies keep their own codes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The raid threatened regional stability.",
    "The campaign has met with little resistance.",
    "Saboteurs blew up a bridge in Kherson.",
])
def test_a_thing_is_never_a_side(events_of, text):
    things = ("stability", "resistance", "bridge", "campaign", "raid")
    for event in events_of(text):
        for ref in (event.source, event.target):
            assert ref is None or ref.name.split()[-1] not in things, event


def test_role_nouns_and_names_stay_parties(dyads):
    assert ("arrested", "NGA", "NGA") in dyads("Nigerian police arrested 12 men in Lagos.")
    assert any(t == "exchanged" for t, _, _ in dyads(
        "The delegations exchanged views on the crisis."))


def test_joint_cooperation_is_reciprocal(events_of):
    found = {(e.source.country, e.target.country) for e in events_of(
        "Kenyan and Somali officials met in Nairobi on Monday.") if e.root == "04"}
    assert found == {("KEN", "SOM"), ("SOM", "KEN")}, found
    # a visit has a direction: no reciprocal pair
    visits = [e for e in events_of("Kenyan and Somali officials visited Ethiopia.")
              if e.cameo.startswith("042")]
    assert visits and all(e.target is None or e.target.country == "ETH" for e in visits)


def test_talking_to_the_press_is_no_consultation(events_of):
    assert not [e for e in events_of("The Kenyan minister spoke to reporters in Nairobi.")
                if e.root == "04"]
    assert [e for e in events_of("The Kenyan minister spoke with Somali officials.")
            if e.root == "04"]


def test_international_bodies_have_distinct_codes(events_of):
    codes = {e.source.code for e in events_of(
        "The European Union and NATO condemned Russia. The African Union criticised Sudan.")
        if e.source is not None}
    assert {"IGOEU", "IGONATO", "IGOAU"} <= codes, codes


@pytest.mark.parametrize(("text", "root"), [
    ("The Kenyan president attacked the Somali leader for raising questions about the war.",
     "11"),                                              # words aimed at a person
    ("Somali gunmen attacked the Kenyan governor for his stance on the militias.", "18"),
    ("Kenyan troops attacked Somali fighters for hours.", "19"),  # force, whatever its length
])
def test_attacks_for_what_someone_said_are_criticism(events_of, text, root):
    roots = {e.root for e in events_of(text) if e.trigger == "attacked"}
    assert roots and (root in roots or (root == "18" and roots <= {"18", "19"})), roots


def test_a_war_is_a_state_of_affairs(events_of):
    assert not [e for e in events_of("That agreement ended a war that lasted three years "
                                     "and killed 100,000 people.") if e.root in ("18", "19")]
    assert [e for e in events_of("Russia's war against Ukraine entered its fourth year.")
            if e.root == "19" and e.target is not None and e.target.country == "UKR"]


def test_legal_charges_are_coercion(events_of):
    found = [e for e in events_of("Kenyan prosecutors charged two Somali men with terrorism.")
             if e.trigger == "charged"]
    assert [(e.cameo, e.target.country) for e in found] == [("173", "SOM")], found


def test_the_titled_name_acts_not_the_titles_possessor(events_of):
    found = [e for e in events_of("U.S. President Donald Trump's special envoy, Steve Witkoff, "
                                  "spoke with Russian President Vladimir Putin on Thursday.",
                                  "2025-03-14") if e.trigger == "spoke"]
    assert [(e.source.name, e.target.name) for e in found] == [
        ("Steve Witkoff", "Vladimir Putin")], found


def test_possessor_controls_the_infinitive_of_its_decision(events_of):
    found = [(e.trigger, e.source and e.source.country, e.target and e.target.country)
             for e in events_of("Somalia protested Kenya's decision to deploy troops to the "
                                "border.", "2024-05-06")]
    assert ("protested", "SOM", "KEN") in found and \
        any(t == "deploy" and s == "KEN" for t, s, _ in found), found


def test_where_an_attack_came_from_is_not_its_target(events_of):
    assert not [e for e in events_of("Rockets fired from Libya hit the port.")
                if e.target is not None and e.target.country == "LBY"]
    withdrawn = [e for e in events_of("Russia withdrew its troops from Moldova.")
                 if e.trigger == "withdrew"]
    assert [e.target.country for e in withdrawn] == ["MDA"]


def test_recalled_from_is_the_target(dyads):
    assert ("recalled", "FRA", "MLI") in dyads("France recalled its ambassador from Mali.")
