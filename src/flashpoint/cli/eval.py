"""flashpoint eval: measure the pipeline against a public gold set."""

from __future__ import annotations

import argparse
import importlib
import json
from pathlib import Path

from flashpoint.cli.common import add_confidence_option
from flashpoint.errors import InputError

HARNESSES = {
    "plover": "PLOVER gold records: event type and dyad accuracy",
    "quotes": "PolNeAR attribution gold: quote/source precision, recall, speaker accuracy",
    "places": "GeoWebNews toponyms: recall, precision, GeoNames-id accuracy, Acc@161km",
    "articles": "hand-coded real-news articles (a directory of *_gold.json): event recall and "
                "precision, speculative-as-fact, quote attribution, actors, places",
}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eval", help="evaluate against a gold set",
        description="Evaluate against a gold set: " + "; ".join(
            f"{k} = {v}" for k, v in HARNESSES.items()),
        epilog="Example: flashpoint eval articles ../shared/gold/articles_dev/ --errors")
    p.add_argument("harness", choices=sorted(HARNESSES))
    p.add_argument("gold", type=Path, help="the gold file (articles: the gold directory)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--errors", action="store_true",
                   help="articles: list every missed gold event and every wrong factual event")
    p.add_argument("--corpus", type=Path, default=None,
                   help="articles: where the gold files' doc paths point (default "
                        "GOLD/../../corpus)")
    add_confidence_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.harness == "articles":
        return _run_articles(args)
    if not args.gold.is_file():
        raise InputError(str(args.gold), "gold file not found")
    module = importlib.import_module(f"flashpoint.evaluation.{args.harness}")
    report = module.evaluate(args.gold)
    print(json.dumps(report, indent=2) if args.json else module.format_report(report))
    return 0


def _run_articles(args: argparse.Namespace) -> int:
    from flashpoint.config import Settings
    from flashpoint.evaluation import articles

    if not args.gold.is_dir():
        raise InputError(str(args.gold), "not a directory of *_gold.json files")
    evaluation = articles.evaluate(args.gold, corpus=args.corpus, settings=Settings(min_confidence=args.min_confidence))
    if args.json:
        print(json.dumps(articles.to_json(evaluation), indent=2))
    else:
        print(articles.format_report(evaluation, errors=args.errors))
    return 1 if evaluation.gold_errors or evaluation.analysis_errors else 0
