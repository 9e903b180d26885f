"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from flashpoint.config import Settings
from flashpoint.errors import InputError


def iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=iso_date, help="publication date of articles that carry "
                        "none (YYYY-MM-DD); relative dates resolve against it")
    parser.add_argument("--workers", type=positive_int, default=1,
                        help="processes for the NLP pipeline (default 1)")
    parser.add_argument("--batch-size", type=positive_int, default=16,
                        help="documents per nlp.pipe batch (default 16)")
    parser.add_argument("--actors", type=Path, action="append", default=[], metavar="YAML",
                        help="extra actor dictionary merged over the built-in one (repeatable)")
    add_confidence_option(parser)
    parser.add_argument("--no-repair", action="store_true",
                        help="do not repair degraded text (lost apostrophes, quote variants)")


def confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} must be between 0 and 1")
    return number


def add_confidence_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-confidence", type=confidence, default=None, metavar="P",
                        help="keep events whose confidence is at least P (0 keeps all; "
                             "default: the shipped threshold, chosen for precision >= 0.85)")


def settings_from(args: argparse.Namespace) -> Settings:
    for path in args.actors:
        if not path.is_file():
            raise InputError(str(path), "actor dictionary not found")
    return Settings(workers=args.workers, batch_size=args.batch_size,
                    actor_dictionaries=tuple(args.actors), repair=not args.no_repair,
                    min_confidence=args.min_confidence)


def report_failure(failure) -> None:
    print(f"flashpoint: {failure.error}", file=sys.stderr)
