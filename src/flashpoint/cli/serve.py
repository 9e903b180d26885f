"""``flashpoint serve``: the REST API and the dashboard on 127.0.0.1."""

from __future__ import annotations

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
    p.add_argument("--keep-alive", type=float, default=0.0, metavar="SECONDS",
                   help="share one read-only database connection for this many idle "
                   "seconds (faster reads; a concurrent ingest commits at the next pause in "
                   "traffic). Default 0: one connection per request")
    p.add_argument("--log-level", default="info",
                   choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=run)


def run(args) -> int:
    from flashpoint.api.server import serve

    serve(db=args.db, host=args.host, port=args.port, insecure_local=args.insecure_local,
          log_level=args.log_level, keep_alive=args.keep_alive)
    return 0
