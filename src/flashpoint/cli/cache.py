"""``flashpoint cache``: build (or clear) the start-up cache and show where it is."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "cache", help="Build or clear the start-up cache.",
        description="Compile what start-up builds (actor dictionaries, the gazetteer, the "
                    "matchers' patterns) into the start-up cache now, as setup.sh does, and "
                    "list its entries. The folder: --dir, else $FLASHPOINT_CACHE_DIR, else "
                    "the platform's user cache folder.",
        epilog="Example: flashpoint cache --actors extra.yaml")
    p.add_argument("--dir", type=Path, default=None, metavar="DIR",
                   help="cache folder (default: $FLASHPOINT_CACHE_DIR, else the user cache)")
    p.add_argument("--actors", type=Path, action="append", default=[], metavar="YAML",
                   help="also compile this actor dictionary (repeatable)")
    p.add_argument("--clear", action="store_true", help="delete every entry instead")
    p.set_defaults(func=run)


def run(args) -> int:
    from flashpoint import cache
    from flashpoint.config import Settings
    from flashpoint.nlp.pipeline import warm_cache

    folder = cache.cache_dir(args.dir)
    if args.clear:
        print(f"{folder}: {cache.clear(args.dir)} entries deleted")
        return 0
    entries = warm_cache(Settings(cache_dir=args.dir, actor_dictionaries=tuple(args.actors)))
    print(f"start-up cache in {folder}:")
    for path in entries:
        print(f"  {path.name}  {path.stat().st_size / 1e6:.1f} MB")
    return 0
