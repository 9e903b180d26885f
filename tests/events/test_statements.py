"""Statements about another actor (CAMEO 010), and what is not one."""

from __future__ import annotations

import pytest


def _statements(events_of, text):
    return {(e.source.country, e.target.country) for e in events_of(text, "2024-05-06")
            if e.rule.startswith("statements:")}


@pytest.mark.parametrize(("text", "dyad"), [
    ("Kenya told Somali officials that the border would stay open.", ("KEN", "SOM")),
    ("The Kenyan minister said Somalia had made progress against the militants.",
     ("KEN", "SOM")),
])
def test_statement_to_or_about_another_actor(events_of, text, dyad):
    assert _statements(events_of, text) == {dyad}


@pytest.mark.parametrize("text", [
    "The Kenyan minister said Kenya would keep its border open.",   # about its own side
    "The Kenyan minister told Reuters the border would stay open.",  # to the press
    "The Kenyan minister said Somali troops attacked the border post.",  # an event itself
    "The Kenyan minister said the weather was bad.",                 # about no actor
])
def test_no_statement_event(events_of, text):
    assert not _statements(events_of, text)
