"""flashpoint eval: measure the pipeline against a public gold set."""

from __future__ import annotations

import argparse
import importlib
import json
from pathlib import Path

from flashpoint.errors import InputError

HARNESSES = {
    "plover": "PLOVER gold records: event type and dyad accuracy",
    "quotes": "PolNeAR attribution gold: quote/source precision, recall, speaker accuracy",
    "places": "GeoWebNews toponyms: recall, precision, GeoNames-id accuracy, Acc@161km",
}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eval", help="evaluate against a gold set",
        description="Evaluate against a gold set: " + "; ".join(
            f"{k} = {v}" for k, v in HARNESSES.items()),
        epilog="Example: flashpoint eval plover ../shared/gold/plover_gold_records.txt")
    p.add_argument("harness", choices=sorted(HARNESSES))
    p.add_argument("gold", type=Path, help="the gold file")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.gold.is_file():
        raise InputError(str(args.gold), "gold file not found")
    module = importlib.import_module(f"flashpoint.evaluation.{args.harness}")
    report = module.evaluate(args.gold)
    print(json.dumps(report, indent=2) if args.json else module.format_report(report))
    return 0
