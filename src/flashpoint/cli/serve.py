"""``flashpoint serve``: the REST API and the dashboard on 127.0.0.1."""

from __future__ import annotations

from flashpoint.cli.common import positive_int
from flashpoint.cli.ingest import add_db_argument


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="Serve the REST API and the dashboard.",
        description="Serve the store over HTTP: the REST API (docs at /docs) and the "
                    "dashboard at /. Write routes (POST /articles) need the token in "
                    "$FLASHPOINT_TOKEN; without it they are off unless --insecure-local.",
        epilog="Example: flashpoint serve --db flashpoint.duckdb --port 8000")
    add_db_argument(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="TCP port (default 8000)")
    p.add_argument("--insecure-local", action="store_true",
                   help="allow write routes without a token (loopback addresses only)")
    p.add_argument("--workers", type=positive_int, default=None, metavar="N",
                   help="server processes sharing the port (default: one per core)")
    p.add_argument("--per-request-connections", action="store_true",
                   help="open the database per request instead of keeping one warm "
                   "read-only connection per process (slower; for writers that do not use "
                   "flashpoint, which cannot ask the server to let go of the file)")
    p.add_argument("--log-level", default="info",
                   choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=run)


def run(args) -> int:
    from flashpoint.api.server import serve

    serve(db=args.db, host=args.host, port=args.port, insecure_local=args.insecure_local,
          log_level=args.log_level, workers=args.workers,
          warm=not args.per_request_connections)
    return 0
