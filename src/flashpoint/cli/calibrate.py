"""``flashpoint calibrate``: refit the event-confidence model on hand-coded articles."""

from __future__ import annotations

from pathlib import Path

from flashpoint.errors import InputError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "calibrate", help="Refit the event-confidence model on hand-coded gold articles.",
        description="Label every event of every gold article right or wrong, fit the "
                    "confidence model with leave-one-article-out cross-validation, print "
                    "reliability and precision/recall by threshold, and write the weights "
                    "and the threshold reaching the target precision (needs scikit-learn).",
        epilog="Example: flashpoint calibrate ../shared/gold/articles_dev/ --out model.json")
    p.add_argument("gold", type=Path, help="directory of *_gold.json files")
    p.add_argument("--corpus", type=Path, default=None,
                   help="where the gold files' doc paths point (default GOLD/../../corpus)")
    p.add_argument("--target-precision", type=float, default=0.85,
                   help="cross-validated precision the default threshold must reach")
    p.add_argument("--out", type=Path, default=None,
                   help="where to write the model (default: the shipped data file)")
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        import sklearn  # noqa: F401
    except ModuleNotFoundError:
        raise InputError("calibrate", "needs scikit-learn: pip install 'flashpoint[calibrate]'"
                         ) from None
    from flashpoint.evaluation import calibrate
    from flashpoint.events.confidence import MODEL_PATH

    if not args.gold.is_dir():
        raise InputError(str(args.gold), "not a directory of *_gold.json files")
    report = calibrate.calibrate(args.gold, corpus=args.corpus, out=args.out or MODEL_PATH,
                                 target_precision=args.target_precision)
    print(calibrate.format_report(report))
    return 0
