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
    # a subjectless conjunct shares its first conjunct's governor; one with its own does not
    ("Canada urged Peru to accept the deal or face sanctions from Chile.", "16",
     {(False, True)}),
    ("Israel attacked Syria and killed ten soldiers.", "18", {(False, False)}),
    # scheduled, called for, lacking: not asserted
    ("Israel and Syria were scheduled to hold talks on Monday.", "04", {(False, True)}),
    ("Canada called for sanctions against Iran.", "11", {(False, False)}),  # CAMEO manual
    ("Peru blamed Chile for the lack of a meeting with Israel.", "04", {(True, False)}),
    # a present clause of time under a future, and a purpose, are not yet acts
    ("Canada will convene after Peru returns to Chile.", "08", {(False, True)}),
    ("Israel moved troops to the border to attack Syria.", "19", {(False, True)}),
    # someone's belief about another's act is no announcement
    ("Canada believes Israel will attack Syria.", "19", {(False, True)}),
    # facing criticism happened
    ("Israel faced criticism from Canada.", "11", {(False, False)}),
]


@pytest.mark.parametrize(("text", "root", "expected"), CASES)
def test_modality(code_text, text, root, expected):
    events, errors = code_text(text, ACTORS)
    assert not errors
    assert flags(events, root) == expected
