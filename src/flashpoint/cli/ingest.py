"""``flashpoint ingest``: analyse inputs and store them in DuckDB (resumable)."""

from __future__ import annotations

import sys

from flashpoint.config import Settings
from flashpoint.store.names import DB_ENV, DEFAULT_DB

EXAMPLE = "Example: flashpoint ingest examples/ --db news.duckdb --workers 2 --date 2020-01-03"


def add_db_argument(parser) -> None:
    parser.add_argument("--db", metavar="PATH", default=None,
                        help=f"DuckDB file (default: ${DB_ENV}, else ./{DEFAULT_DB})")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "ingest", help="Analyse articles and store them in a DuckDB database.",
        description="Analyse articles (text/HTML/JSONL files, directories, '-', RSS/Atom "
                    "feeds, CSV corpora) and store them. Already stored articles are skipped, "
                    "so an interrupted run can simply be run again.", epilog=EXAMPLE)
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    add_db_argument(p)
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="extraction processes on this machine (default 1)")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run extraction on a Dask cluster: tcp://HOST:PORT, or 'local'")
    p.add_argument("--dask-workers", type=int, default=2, metavar="N",
                   help="worker processes of the --dask local cluster (default 2)")
    p.add_argument("--date", metavar="YYYY-MM-DD", default=None,
                   help="publication date of articles that carry none")
    p.add_argument("--csv-map", metavar="FIELD=COLUMN,...", default=None,
                   help="CSV columns of the article fields id,text,title,date,source,url "
                        "(default: columns of those names)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N",
                   help="articles committed per transaction (default 32)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.set_defaults(func=run)


def options_from(args):
    from flashpoint.corpus import IngestOptions
    from flashpoint.corpus.sources import parse_csv_map

    return IngestOptions(db=args.db, workers=args.workers, dask=args.dask,
                         dask_workers=args.dask_workers, default_date=args.date,
                         csv_map=parse_csv_map(getattr(args, "csv_map", None)),
                         batch_size=args.batch_size, settings=Settings())


def report(summary, quiet: bool, console) -> int:
    for line in summary.failures:
        print(f"flashpoint: {line}", file=sys.stderr)
    if not quiet:
        from flashpoint.corpus.progress import summary_table
        console.print(summary_table(summary))
    if summary.undated_warning():  # even with --quiet: undated events skew every timeline
        print(f"flashpoint: warning: {summary.undated_warning()}", file=sys.stderr)
    return 1 if summary.failed else 0


def run(args) -> int:
    from rich.console import Console

    from flashpoint.corpus import ingest
    from flashpoint.corpus.progress import NullProgress, RichProgress

    console = Console(stderr=True)
    options = options_from(args)
    if args.quiet:
        return report(ingest(args.inputs, options, progress=NullProgress()), True, console)
    with RichProgress(console).running() as progress:
        summary = ingest(args.inputs, options, progress=progress)
    return report(summary, False, console)
