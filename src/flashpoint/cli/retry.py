"""``flashpoint retry``: re-run every failure recorded by ``flashpoint ingest``."""

from __future__ import annotations

from flashpoint.cli.ingest import add_db_argument, report


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "retry", help="Re-run the articles that failed during ingest.",
        description="Re-analyse every article recorded in the ingest_errors table; those "
                    "that succeed are stored and leave the table.",
        epilog="Example: flashpoint retry --db news.duckdb")
    add_db_argument(p)
    p.add_argument("--workers", type=int, default=1, metavar="N")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.set_defaults(func=run)


def run(args) -> int:
    from rich.console import Console

    from flashpoint.corpus import IngestOptions, retry
    from flashpoint.corpus.progress import NullProgress, RichProgress

    console = Console(stderr=True)
    options = IngestOptions(db=args.db, workers=args.workers)
    if args.quiet:
        return report(retry(options, progress=NullProgress()), True, console)
    with RichProgress(console).running() as progress:
        summary = retry(options, progress=progress)
    return report(summary, False, console)
