"""The bare command: ``flashpoint`` prints the short help, ``flashpoint --version`` the version."""

import subprocess
import sys

import pytest

from flashpoint.cli.main import COMMANDS, main
from flashpoint.schema import SCHEMA_VERSION


def test_no_command_prints_the_short_help_and_succeeds(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: flashpoint")
    for name in COMMANDS:
        assert name in out
    assert "Example: flashpoint analyze" in out


def test_version_names_the_package_and_the_contract_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("flashpoint ") and f"schema_version {SCHEMA_VERSION}" in out


def test_the_installed_entry_point_behaves_the_same():
    # A real process: no argparse "required" error, no traceback, exit 0.
    done = subprocess.run([sys.executable, "-m", "flashpoint.cli"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: flashpoint") and not done.stderr
    done = subprocess.run([sys.executable, "-m", "flashpoint.cli", "--version"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("flashpoint ")
