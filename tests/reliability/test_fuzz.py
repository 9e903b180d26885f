"""Hypothesis fuzzing of quote finding and of the user-dictionary loader.

The property: whatever the input, only a FlashpointError (a clear message) escapes.
``scripts/fuzz_quotes.py`` and ``scripts/fuzz_dictionaries.py`` run the same targets under
atheris for longer, outside the default run.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.dictionaries import load_dictionaries
from flashpoint.dictionaries.loader import read_file
from flashpoint.errors import FlashpointError
from flashpoint.quotes import find_quotes

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

# Text made of what quote finding reacts to: marks of every kind, cue verbs, names.
PIECES = ["\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "``", "''",
          " said", " told reporters", " according to", " officials", " he", " she", ",",
          ".", "\n\n", " Ruritania", " the minister", " that", " a source", " who declined",
          " - ", ":", " (", ")", " We will not", " anonymity"]
quote_text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))


@FAST
@given(text=quote_text)
def test_find_quotes_never_crashes(nlp, text):
    doc = nlp(text)
    try:
        quotes = find_quotes(doc)
    except FlashpointError:
        return
    for quote in quotes:  # spans stay inside the text
        start, end = quote.span
        assert 0 <= start <= end <= len(text)


# --- dictionaries ------------------------------------------------------------------------

SECTION_KEYS = {
    "countries": ["id", "iso2", "name", "aliases", "adjectives", "demonyms", "capitals", "seats"],
    "organizations": ["id", "name", "country", "sector", "type", "aliases"],
    "people": ["id", "name", "country", "sector", "roles", "aliases", "short", "died"],
    "agents": ["word", "plural", "sector", "type", "title"],
}
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=True),
                    st.sampled_from(["USA", "IRN", "GOV", "MIL", "XX", "", " ", "2020-13-01",
                                     "2019-01-01..2020-01-01 GOV President", "..", "person"]),
                    st.text(max_size=12))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6)


# A valid entry per section: fuzzing one or two of its fields reaches the later checks,
# which random entries rarely do (they fail on the first field).
VALID = {
    "countries": {"id": "RUR", "iso2": "RU", "name": "Ruritania", "aliases": ["Ruritany"]},
    "organizations": {"id": "zenda_guard", "name": "Zenda Guard", "country": "USA",
                      "sector": "MIL", "aliases": ["the Guard"]},
    "people": {"name": "Rudolf Rassendyll", "country": "USA",
               "roles": ["2019-01-01..2020-01-01 GOV President"], "aliases": ["Rudolf"]},
    "agents": {"word": "courtier", "plural": "courtiers", "sector": "GOV"},
}


@st.composite
def mutated_docs(draw) -> str:
    section = draw(st.sampled_from(list(VALID)))
    entry = dict(VALID[section])
    for key in draw(st.lists(st.sampled_from(SECTION_KEYS[section]), min_size=1, max_size=2)):
        entry[key] = draw(values)
    return yaml.safe_dump({section: [entry]}, allow_unicode=True)


@st.composite
def dictionary_docs(draw) -> str:
    """A YAML document shaped like a user dictionary, with wrong types and values inside."""
    doc = {}
    for section in draw(st.lists(st.sampled_from(list(SECTION_KEYS) + ["bogus"]), max_size=3)):
        keys = SECTION_KEYS.get(section, ["x"])
        entries = draw(st.lists(st.dictionaries(st.sampled_from(keys), values, max_size=6),
                                max_size=3))
        doc[section] = draw(st.one_of(st.just(entries), values))
    return yaml.safe_dump(doc, allow_unicode=True)


yaml_texts = st.one_of(
    mutated_docs(),
    dictionary_docs(),
    st.text(max_size=200),
    st.lists(st.sampled_from(["countries:", "people:", "- ", "{", "}", "[", "]", "&a", "*a",
                              "!!python/object:os.system", "id: USA", "\n", "  ", ": ",
                              "name: X", "!!binary", "? ", "%YAML 1.1\n", "---\n"]),
             max_size=30).map("".join))


@FAST
@given(text=yaml_texts)
def test_user_dictionary_loader_never_crashes(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("dict") / "user.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        # read_file is what merge_user_dictionary parses with (merging mutates the cache).
        read_file(path, known=load_dictionaries().countries)
    except FlashpointError:
        pass


@pytest.mark.parametrize("text, message", [
    # Found by the fuzzing: PyYAML's recursive parser raised RecursionError.
    ("people: " + "[" * 5000 + "]" * 5000, "nested too deeply"),
    # Found by the fuzzing: a number where a list of names belongs raised TypeError.
    ("organizations: [{id: x, name: X, sector: GOV, aliases: 5}]", "'aliases' must be a list"),
    ("people: [{name: X, roles: 7, sector: GOV}]", "'roles' must be a list"),
    ("people: [{name: X, sector: GOV, short: {a: 1}}]", "'short' must be a list"),
    # Found by the fuzzing: keys of mixed types (null and int) could not be sorted.
    ("?\n0:", "unknown section"),
    ("agents: [{word: x, sector: GOV, 1: a, b: c}]", "unknown key"),
])
def test_regression_dictionary_crashes_are_clear_errors(tmp_path, text, message):
    path = tmp_path / "user.yaml"
    path.write_text(text)
    with pytest.raises(FlashpointError, match=message) as caught:
        read_file(path, known=load_dictionaries().countries)
    assert "user.yaml" in str(caught.value)
