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
