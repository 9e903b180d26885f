"""The cue and source word lists load, and a broken user file is named with its line."""

from __future__ import annotations

import pytest

from flashpoint.errors import DataFileError
from flashpoint.quotes.lexicon import default_lexicon, inflections, load_lexicon


def test_default_lexicon():
    lex = default_lexicon()
    assert lex.speech_lemma("said") == "say" and lex.speech_lemma("warns") == "warn"
    assert lex.roles["diplomat"] == "GOV" and "according to" in lex.according


@pytest.mark.parametrize("lemma, form", [("say", "says"), ("deny", "denied"), ("note", "noting"),
                                         ("stress", "stresses")])
def test_inflections(lemma, form):
    assert form in inflections(lemma)


@pytest.mark.parametrize("body, needle", [
    ("speech:\n  say: [said]\naccording: [according to]\nreported_only: [blab]\n", "blab"),
    ("speech:\n  Say!: []\naccording: []\nreported_only: []\n", "Say!"),
    ("speech: [\n", "YAML"),
    ("according: []\n", "missing section"),
])
def test_bad_cue_file(tmp_path, body, needle):
    path = tmp_path / "cues.yaml"
    path.write_text(body)
    with pytest.raises(DataFileError) as info:
        load_lexicon(cues=path)
    assert needle in str(info.value) and str(path) in str(info.value)


def test_bad_sector_names_the_line(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("roles:\n  official: GOV\n  spy: SPOOKS\nanonymous_phrases: []\n"
                    "plural_pronouns: [they]\nsingular_pronouns: [he]\n")
    with pytest.raises(DataFileError, match=r"sources.yaml:3: unknown sector 'SPOOKS'"):
        load_lexicon(sources=path)
