"""The ``flashpoint`` command line: one thin module per command, registered here.

Each command module exposes ``register(subparsers)`` which adds its parser and sets
``func(args) -> int``. Commands call one library function and print; no logic lives here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from importlib.metadata import PackageNotFoundError, version

from flashpoint.errors import FlashpointError

# Modules under flashpoint.cli, in the order --help lists them.
COMMANDS = ("analyze", "ingest", "retry", "sql", "export", "serve", "dyads", "network",
            "escalation", "eval", "calibrate", "bench", "cache")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flashpoint",
        description="Political event data from news articles.",
        epilog="Example: flashpoint analyze article.txt --date 2020-01-03 --format table")
    parser.add_argument("--version", action="version", version=version_line())
    # Not required: a bare ``flashpoint`` prints this help instead of an argparse error.
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"flashpoint.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"flashpoint.cli.{name}":
                continue  # command not built in this version
            raise
        module.register(subparsers)
    return parser


def version_line() -> str:
    """``flashpoint 0.1.0 (JSON schema_version 1)``: the package and the contract version."""
    from flashpoint.schema import SCHEMA_VERSION

    try:
        number = version("flashpoint")
    except PackageNotFoundError:  # run from a source tree that was never installed
        number = "unknown"
    return f"flashpoint {number} (JSON schema_version {SCHEMA_VERSION})"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except FlashpointError as exc:
        print(f"flashpoint: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
