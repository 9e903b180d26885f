"""``flashpoint sql``: a read-only query against the store, printed as a table."""

from __future__ import annotations

import csv
import sys

from flashpoint.cli.ingest import add_db_argument


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "sql", help="Run a read-only SQL query against the store.",
        description="Run one read-only query (SELECT/WITH/EXPLAIN) against the database; "
                    "tables: articles, actors, events, quotes, places, event_clusters, ...",
        epilog="Example: flashpoint sql \"SELECT root, count(*) FROM events GROUP BY root\"")
    p.add_argument("query", metavar="QUERY")
    add_db_argument(p)
    p.add_argument("--format", choices=("table", "csv", "tsv"), default="table")
    p.set_defaults(func=run)


def run(args) -> int:
    from flashpoint.store.sql import run_sql

    columns, rows = run_sql(args.query, db=args.db)
    if args.format in ("csv", "tsv"):
        writer = csv.writer(sys.stdout, delimiter="," if args.format == "csv" else "\t",
                            lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(width=200).print(table)
    return 0
