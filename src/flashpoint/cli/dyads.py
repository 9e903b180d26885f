"""``flashpoint dyads``: the top dyads by conflict, or one dyad's time series."""

from __future__ import annotations

import csv
import json
import sys

from flashpoint.cli.ingest import add_db_argument

SERIES_COLUMNS = ("period", "events", "cooperation", "conflict", "material_conflict",
                  "goldstein_sum", "goldstein_mean", "intensity_mean")
TOP_COLUMNS = ("a", "b", "events", "cooperation", "conflict", "goldstein_mean", "first_date",
               "last_date")


def add_scope_arguments(p) -> None:
    """--level/--since/--until/--modality, shared by dyads, network and escalation."""
    add_db_argument(p)
    p.add_argument("--level", choices=("country", "actor"), default="country")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--modality", choices=("asserted", "negated", "hypothetical", "any"),
                   default="asserted", help="default asserted: negated and hypothetical "
                   "events did not happen")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "dyads", help="Top dyads by conflict, or one dyad's time series.",
        description="Without A B: the dyads with most conflict. With A B (ISO3 codes, or "
                    "actor ids/names with --level actor): their series per day or week.",
        epilog="Example: flashpoint dyads USA IRN --freq week --since 2019-10-01")
    p.add_argument("pair", nargs="*", metavar="A B")
    add_scope_arguments(p)
    p.add_argument("--directed", action="store_true", help="only events from A to B")
    p.add_argument("--freq", choices=("day", "week"), default="day")
    p.add_argument("--limit", type=int, default=20, help="top dyads listed (default 20)")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(func=run)


def run(args) -> int:
    from flashpoint.analytics import dyad_series, top_dyads
    from flashpoint.store.connection import connect

    if len(args.pair) not in (0, 2):
        print("flashpoint dyads: give two sides A B, or none for the top dyads",
              file=sys.stderr)
        return 2
    scope = dict(level=args.level, directed=args.directed, since=args.since,
                 until=args.until, modality=args.modality)
    with connect(args.db, read_only=True) as con:
        if args.pair:
            result = dyad_series(con, *args.pair, freq=args.freq, **scope)
            rows, columns = result["periods"], SERIES_COLUMNS
        else:
            result = {"dyads": top_dyads(con, limit=args.limit, **scope)}
            rows, columns = result["dyads"], TOP_COLUMNS
    emit(result, rows, columns, args.format)
    return 0


def emit(result: dict, rows: list[dict], columns: tuple, fmt: str) -> None:
    """Print ``result`` as JSON, or ``rows`` as CSV or a table of ``columns``."""
    if fmt == "json":
        print(json.dumps(result, indent=2, default=str))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        Console().print(table)
