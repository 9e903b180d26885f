"""The public API other stages call, and the component's contract."""

from __future__ import annotations

import pytest

from flashpoint.actors import actor_at, describe, mentions_in


@pytest.mark.parametrize("text,expected", [
    ("one U.S. official", ("USA", "GOV")),
    ("a former Iraqi diplomat", ("IRQ", "ELI")),
    ("Iraqi militia commander", ("IRQ", "REB")),
    ("the Iran-backed militia", (None, "REB")),
    ("Saudi Arabia's foreign minister", ("SAU", "GOV")),
    ("the president of Iraq", ("IRQ", "GOV")),
    ("veteran Iran observers", (None, "EDU")),
    ("a large crowd", (None, None)),
])
def test_describe(nlp, text, expected):
    doc = nlp(text)
    assert describe(doc[:]) == expected


def test_actor_at_and_mentions_in(parse):
    doc = parse("Iran condemned the attack, and Donald Trump said he would respond.")
    trump = actor_at(doc, 6)
    assert trump is not None and trump.entry == "donald_trump"
    he = [t.i for t in doc if t.lower_ == "he"][0]
    assert actor_at(doc, he) == trump
    assert actor_at(doc, 2) is None  # "the"
    refs = {m.ref for m in mentions_in(doc[:])}
    assert {a.id for a in doc._.fp_actors} == refs


def test_mentions_are_consistent(parse):
    doc = parse("The U.S. struck sites held by Kataib Hezbollah, killing 25 fighters.")
    by_id = {a.id: a for a in doc._.fp_actors}
    assert [a.id for a in doc._.fp_actors] == [f"A{n}" for n in range(1, len(by_id) + 1)]
    for m in doc._.fp_actor_mentions:
        assert doc[m.start:m.end].text == doc.text[m.start_char:m.end_char]
        assert (m.start_char, m.end_char) in by_id[m.ref].mentions


def test_pipeline_contract(nlp):
    analysis = nlp.analyze_pipes()
    assert "doc._.fp_actors" in analysis["summary"]["flashpoint_actors"]["assigns"]
    assert not analysis["problems"]["flashpoint_actors"]


def test_component_records_errors_instead_of_raising(nlp):
    from flashpoint.nlp.components.actors import ActorsComponent

    class Broken(ActorsComponent):
        def find(self, doc):
            raise RuntimeError("boom")

    doc = Broken()(nlp.make_doc("Iran said no."))
    assert doc._.fp_actors == [] and doc._.fp_errors[0].stage == "actors"
