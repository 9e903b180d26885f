"""text -> (root, negated, hypothetical): the modality rules, on sentences written for them."""

from __future__ import annotations

import pytest

ACTORS = {"Israel": "ISR", "Iran": "IRN", "Syria": "SYR", "Canada": "CAN", "Peru": "PER",
          "Chile": "CHL"}


def flags(events, root):
    return {(e.negated, e.hypothetical) for e in events if e.root == root}


CASES = [
    # a wanted or unwanted action is hypothetical, and "not" negates the wanting, not the war
    ("Iran does not want a war with Israel.", "19", {(False, True)}),
    ("Iran wants a war with Israel.", "19", {(False, True)}),
    # speculation outranks a future "will" below it: no announced threat, still hypothetical
    ("The possibility that Syria will attack Israel worries Canada.", "19", {(False, True)}),
    # backing down from a strike: negated
    ("Peru backed down from attacking Chile.", "19", {(True, False)}),
    # never considered: not asserted
    ("Peru said attacking Chile had never been considered.", "19", {(False, True)}),
    # negative cases: plain reported facts stay asserted
    ("Canada said Israel attacked Syria.", "19", {(False, False)}),
    ("Israel attacked Syria on Monday.", "19", {(False, False)}),
]


@pytest.mark.parametrize(("text", "root", "expected"), CASES)
def test_modality(code_text, text, root, expected):
    events, errors = code_text(text, ACTORS)
    assert not errors
    assert flags(events, root) == expected
