"""``flashpoint escalation``: escalation signal and conflict forecast per dyad."""

from __future__ import annotations

import sys

from flashpoint.cli.dyads import emit
from flashpoint.cli.ingest import add_db_argument

COLUMNS = ("a", "b", "level", "window_events", "baseline_rate", "z", "p_value",
           "change_date", "forecast")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "escalation", help="Escalation signal and conflict forecast per dyad.",
        description="Compare each dyad's latest window of conflict events with its own "
                    "trailing baseline (z-score, exact Poisson test, change point) and "
                    "forecast the next days with an interval. Without A B: the top dyads.",
        epilog="Example: flashpoint escalation USA IRN --window 7 --baseline 28 --horizon 7")
    p.add_argument("pair", nargs="*", metavar="A B")
    add_db_argument(p)
    p.add_argument("--level", choices=("country", "actor"), default="country")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="default: the newest event date")
    p.add_argument("--window", type=int, default=7)
    p.add_argument("--baseline", type=int, default=28)
    p.add_argument("--horizon", type=int, default=7, help="forecast days")
    p.add_argument("--top", type=int, default=10, help="dyads listed without A B")
    p.add_argument("--modality", choices=("asserted", "negated", "hypothetical", "any"),
                   default="asserted")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=run)


def run(args) -> int:
    from flashpoint.analytics import (EscalationSettings, ForecastSettings, dyad_escalation,
                                      escalation_report)
    from flashpoint.store.connection import connect

    if len(args.pair) not in (0, 2):
        print("flashpoint escalation: give two sides A B, or none for the top dyads",
              file=sys.stderr)
        return 2
    settings = EscalationSettings(window=args.window, baseline=args.baseline,
                                  history=max(180, args.window + args.baseline),
                                  forecast=ForecastSettings(horizon=args.horizon))
    common = dict(level=args.level, as_of=args.as_of, modality=args.modality,
                  settings=settings)
    with connect(args.db, read_only=True) as con:
        if args.pair:
            result = dyad_escalation(con, *args.pair, **common)
            dyads = [result]
        else:
            result = escalation_report(con, top=args.top, **common)
            dyads = result["dyads"]
    emit(result, [_row(d) for d in dyads], COLUMNS, args.format)
    return 0


def _row(d: dict) -> dict:
    s, cp, total = d["signal"], d["change_point"], d["forecast"]["total"]
    return {"a": d["a"], "b": d["b"], "level": s["level"], "window_events": s["window_events"],
            "baseline_rate": s["baseline_rate"], "z": s["z"], "p_value": s["p_value"],
            "change_date": cp["date"] if cp else None,
            "forecast": f"{total['mean']:.1f} [{total['lower']:.0f}-{total['upper']:.0f}]"}
