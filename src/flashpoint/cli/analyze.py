"""flashpoint analyze: articles in, contract JSON (or a table, or an HTML page) out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console

from flashpoint.analysis import Failure, analyze_articles
from flashpoint.cli.common import add_pipeline_options, report_failure, settings_from
from flashpoint.readers import read_inputs
from flashpoint.render import render_html, render_table

FORMATS = ("json", "jsonl", "table", "html")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "analyze", help="analyse articles and print or write their event data",
        description="Analyse articles: actors, events, quotes and places, as contract JSON.",
        epilog="Example: flashpoint analyze article.txt --date 2020-01-03 --format table",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt/.md/.html files, directories, .jsonl files, or - for stdin")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="write DIR/<id>.json per article (.html with --format html; both with --format table)")
    p.add_argument("--format", choices=FORMATS, default="json", help="output format (default json)")
    add_pipeline_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    articles = read_inputs(args.inputs, default_date=args.date)
    results = analyze_articles(articles, settings=settings)
    writer = _Writer(args.format, args.out, several=_several(args.inputs))
    failed = 0
    for result in results:
        if isinstance(result, Failure):
            failed += 1
            report_failure(result)
            continue
        writer.write(result)
    return 1 if failed else 0


def _several(inputs: list[str]) -> bool:
    if len(inputs) > 1:
        return True
    path = Path(inputs[0])
    return path.is_dir() or path.suffix.lower() in (".jsonl", ".ndjson")


class _Writer:
    """Prints or writes each analysis as it comes, so memory stays bounded."""

    def __init__(self, fmt: str, out: Path | None, *, several: bool) -> None:
        self.fmt, self.out, self.several = fmt, out, several
        # Piped output gets a wide table rather than Rich's 80-column default.
        self.console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
        self.used: set[str] = set()

    def write(self, analysis) -> None:
        if self.out is not None:
            self._to_file(analysis)
        elif self.fmt == "table":
            render_table(analysis, self.console)
        elif self.fmt == "html":
            sys.stdout.write(render_html(analysis))
        elif self.fmt == "json" and not self.several:
            json.dump(analysis.to_json(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def _to_file(self, analysis) -> None:
        name = _safe_name(analysis.article.id)
        stem, n = name, 1
        while stem in self.used:  # two inputs with one id must not overwrite each other
            n += 1
            stem = f"{name}-{n}"
        self.used.add(stem)
        if self.fmt in ("html", "table"):  # a table is for the terminal; the page keeps it
            (self.out / f"{stem}.html").write_text(render_html(analysis), encoding="utf-8")
        if self.fmt != "html":
            path = self.out / f"{stem}.json"
            path.write_text(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
        if self.fmt == "table":
            render_table(analysis, self.console)


def _safe_name(article_id: str) -> str:
    """A file name from an article id: path separators and oddities replaced."""
    keep = "".join(c if c.isalnum() or c in "-_." else "_" for c in article_id).strip(".")
    return keep[:120] or "article"
