"""flashpoint bench: throughput of the whole pipeline against a bare nlp.pipe."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from flashpoint.bench import default_inputs, load_articles, run_bench
from flashpoint.cli.common import positive_int
from flashpoint.config import Settings


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "bench", help="benchmark the pipeline against a bare nlp.pipe",
        description="Run the whole pipeline and a bare nlp.pipe of the same model over the same "
                    "articles; print articles/s, words/s, peak RSS, the ratio, and the time each "
                    "pipeline component takes.",
        epilog="Example: flashpoint bench examples/ --min-articles 500")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="articles to use (default: ../shared/corpus, else examples/ plus "
                        "60 generated articles; the first line of the output says which)")
    p.add_argument("--min-articles", type=positive_int, default=500,
                   help="repeat the inputs to at least this many articles (default 500)")
    p.add_argument("--workers", type=positive_int, default=1, help="processes (default 1)")
    p.add_argument("--no-split", action="store_true",
                   help="skip the per-component split (a third pass; with --workers 1 only)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="flashpoint-bench-") as scratch:
        if args.inputs:
            inputs, label = args.inputs, "inputs: " + ", ".join(args.inputs)
        else:
            inputs, label = default_inputs(Path(scratch))
        print(label)
        articles = load_articles(inputs, minimum=args.min_articles)
    print(run_bench(articles, settings=Settings(workers=args.workers),
                    split=not args.no_split).report())
    return 0
