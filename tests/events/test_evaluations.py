"""Criticism voiced as a negative evaluation, reported by a speaker (events/evaluations.py)."""

from __future__ import annotations

import pytest

from flashpoint.errors import DataFileError
from flashpoint.events.evaluations import load_evaluations


@pytest.mark.parametrize(("text", "dyad"), [
    ("Washington said China's tariffs were unfair.", ("USA", "CHN")),
    ("Kenya said Somalia had been reckless.", ("KEN", "SOM")),
    ('"It is wrong for Russia to have done this," Britain said.', ("GBR", "RUS")),
    ("Kenya is deeply concerned about the recent actions of Somalia.", ("KEN", "SOM")),
])
def test_reported_evaluation_is_criticism(events_of, text, dyad):
    found = {(e.source.country, e.target.country) for e in events_of(text)
             if e.rule.startswith("evaluations:") and e.cameo == "111"}
    assert dyad in found, found


@pytest.mark.parametrize("text", [
    "The road to Garissa is dangerous.",                  # nobody voices it
    "Kenya said the road to Garissa was dangerous.",      # a thing no actor owns
    "Kenya said Somalia was not wrong.",                  # negated: no criticism as fact
    "Kenya said the dangerous road had been closed.",     # an attribute, not a predicate
    "Kenya is concerned about the economy.",              # a concern about no actor
])
def test_no_criticism_without_speaker_actor_and_predicate(events_of, text):
    assert not [e for e in events_of(text) if e.rule.startswith("evaluations:")
                and not (e.negated or e.hypothetical)]


def test_word_list_is_validated(tmp_path):
    path = tmp_path / "evaluations.tsv"
    path.write_text("# comment\nunfair\nUnfair\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="evaluations.tsv:3"):
        load_evaluations(path)
    path.write_text("unfair\nunfair\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="listed twice"):
        load_evaluations(path)
