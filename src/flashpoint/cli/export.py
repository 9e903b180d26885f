"""``flashpoint export``: events as csv, jsonl, parquet, GDELT-style TSV or PLOVER JSON."""

from __future__ import annotations

import sys

from flashpoint.cli.ingest import add_db_argument
from flashpoint.store.names import FORMATS


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export", help="Export stored events (csv, jsonl, parquet, gdelt, plover).",
        description="Write the stored events, optionally filtered, to a file or stdout.",
        epilog="Example: flashpoint export --format gdelt --since 2020-01-01 --country IRN "
               "--out events.tsv")
    p.add_argument("--format", choices=FORMATS, required=True)
    add_db_argument(p)
    p.add_argument("--out", metavar="FILE", default=None, help="default: standard output")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--actor", metavar="ID|NAME")
    p.add_argument("--country", metavar="ISO3")
    p.add_argument("--root", metavar="CAMEO_ROOT")
    p.add_argument("--code", metavar="CAMEO_PREFIX")
    p.add_argument("--modality", choices=("asserted", "negated", "hypothetical", "any"),
                   default="any")
    p.set_defaults(func=run)


def run(args) -> int:
    from flashpoint.store import EventFilter, connect, export_events

    filters = EventFilter(since=args.since, until=args.until, actor=args.actor,
                          country=args.country, root=args.root, code=args.code,
                          modality=args.modality)
    with connect(args.db, read_only=True) as con:
        if args.out is None:
            export_events(con, args.format, sys.stdout.buffer, filters)
            sys.stdout.buffer.flush()
            return 0
        # Write beside the target, then rename: a failed export never leaves half a file.
        from pathlib import Path
        out = Path(args.out)
        tmp = out.with_name(out.name + ".partial")
        try:
            with tmp.open("wb") as handle:
                n = export_events(con, args.format, handle, filters)
            tmp.replace(out)
        finally:
            tmp.unlink(missing_ok=True)
    print(f"{n} events -> {out}", file=sys.stderr)
    return 0
