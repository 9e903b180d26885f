"""Every command, setting and option is documented (datasette-style doc tests)."""

import argparse
import dataclasses
from pathlib import Path

import pytest

from flashpoint.cli.main import build_parser
from flashpoint.config import SETTINGS_HELP, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def _commands():
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_is_in_the_readme_and_its_help_ends_with_an_example(name):
    assert f"`{name}`" in README
    sub = _commands()[name]
    assert (sub.epilog or "").startswith("Example: flashpoint " + name)


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Settings)])
def test_every_setting_has_help_and_is_in_the_readme(field):
    assert SETTINGS_HELP.get(field)
    assert f"`{field}`" in README


def test_analyze_options_are_documented():
    sub = _commands()["analyze"]
    for action in sub._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert flag in README, flag


# --- docs/contract.md: every field of the JSON contract, with its type and an example ----------

CONTRACT_DOC = Path(__file__).resolve().parents[1] / "docs" / "contract.md"
# Objects whose keys are data (country and sector codes), not fields.
OPEN_OBJECTS = {"sourcing.by_country", "sourcing.by_sector"}
# ``target`` is documented once, as ``source``: the same record.
ALIASES = {"events[].target.": "events[].source."}
JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array",
              dict: "object"}


def _full_analysis():
    """An analysis with every optional field filled, built from the schema's own records."""
    from flashpoint.schema import (Actor, ActorRef, Analysis, Article, Event, Location, Place,
                                   Quote, Speaker, StageError)
    from flashpoint.sourcing import sourcing_summary

    text = "Ruritania shelled Zenda, an official said."
    article = Article(id="a1", text=text, title="Shelling", date="2024-05-01",
                      date_basis="dateline", source="Wire", url="https://example.org/1")
    rur = Actor(id="A1", name="Ruritania", type="country", country="RUR", sector="GOV",
                mentions=((0, 9),), entry="RUR", role="government")
    znd = Actor(id="A2", name="Zenda", type="country", country="ZND", sector="MIL",
                mentions=((18, 23),), entry="ZND", role="army")
    place = Place(id="P1", name="Zenda", kind="city", country="ZND", lat=1.0, lon=2.0,
                  geonameid=1, mentions=((18, 23),))
    event = Event(id="E1", source=ActorRef.of(rur, (0, 9)), target=ActorRef.of(znd, (18, 23)),
                  cameo="195", root="19", plover="ASSAULT", mode="aerial",
                  context=("military",), quad_class=4, goldstein=-10.0, intensity=-8.0,
                  negated=False, hypothetical=False, date="2024-05-01", sentence=text,
                  span=(0, 42), trigger="shelled", rule="verbs:1", trigger_span=(10, 17),
                  fatalities=2, injured=3, modality_cue="not",
                  location=Location(place="P1", name="Zenda", country="ZND", lat=1.0, lon=2.0,
                                    basis="sentence"))
    quote = Quote(id="Q1", text="Ruritania shelled Zenda", span=(0, 23), direct=False,
                  speaker=Speaker(text="an official", span=(25, 36), actor="A1",
                                  name="Official", anonymous=True, country="RUR",
                                  sector="GOV"),
                  cue="said", cue_span=(37, 41), rule="unmarked:trailing")
    return Analysis(article=article, actors=(rur, znd), events=(event,), quotes=(quote,),
                    places=(place,), sourcing=sourcing_summary([quote]),
                    errors=(StageError(stage="events", message="x", sentence=text,
                                       rule="verbs:1"),), repairs=1)


def _fields(value, path=""):
    """``{"events[].source.code": sample value, ...}`` for every field of a JSON value."""
    found = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            name = f"{path}.{key}" if path else key
            found[name] = inner
            if name not in OPEN_OBJECTS:
                found.update(_fields(inner, name))
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        found.update(_fields(value[0], f"{path}[]"))
    return found


def _documented() -> dict[str, tuple[str, str]]:
    """Field -> (type, example) from the tables of docs/contract.md."""
    rows = {}
    for line in CONTRACT_DOC.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) >= 4:
            rows[cells[0].strip("`")] = (cells[1], cells[2])
    return rows


def _doc_name(field: str) -> str:
    for alias, to in ALIASES.items():
        if field.startswith(alias):
            return to + field[len(alias):]
    return field


CONTRACT_FIELDS = _fields(_full_analysis().to_json())


@pytest.mark.parametrize("field", sorted(CONTRACT_FIELDS))
def test_every_contract_field_is_documented_with_type_and_example(field):
    documented = _documented()
    name = _doc_name(field)
    assert name in documented, f"{name} is not in docs/contract.md"
    kind, example = documented[name]
    assert kind and example.startswith("`"), f"{name}: type or example missing"
    value = CONTRACT_FIELDS[field]
    expected = JSON_TYPES[type(value)] if value is not None else "null"
    assert expected in kind or (expected == "array" and "pair" in kind), \
        f"{name}: documented as {kind!r}, the code emits {expected}"


def test_docs_name_no_field_the_code_does_not_emit():
    emitted = {_doc_name(f) for f in CONTRACT_FIELDS}
    assert set(_documented()) - emitted == set()


def test_contract_doc_states_the_version_and_the_readme_links_it():
    from flashpoint.schema import SCHEMA_VERSION

    text = CONTRACT_DOC.read_text()
    assert "`schema_version`" in text and f'`"{SCHEMA_VERSION}"`' in text
    assert "(docs/contract.md)" in README
    assert "../shared/CONTRACT.md" not in README


def test_the_shared_contract_names_nothing_undocumented():
    """Optional: the contract this project was given (../shared) is covered too."""
    import json
    import re

    shared = Path(__file__).resolve().parents[2] / "shared" / "CONTRACT.md"
    if not shared.is_file():
        pytest.skip("../shared/CONTRACT.md is not available")
    block = re.search(r"```json\n(.*?)```", shared.read_text(), re.S).group(1)
    named = {_doc_name(f) for f in _fields(json.loads(block))}
    assert named - set(_documented()) == set()
