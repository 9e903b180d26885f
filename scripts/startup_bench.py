"""Start-up benchmark: one short article in a fresh process against a bare model load.

    python scripts/startup_bench.py --rounds 7

Each round runs, in fresh processes and alternating so both see the same machine load,
``python -c "import spacy; spacy.load(MODEL)"`` and
``echo "The United Nations condemned the attack." | flashpoint analyze - --date 2020-01-01``
(warm start-up cache), then prints the median wall time of each and their ratio. ``--cold``
also times runs with an empty cache folder (each builds the cache).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

TEXT = "The United Nations condemned the attack.\n"


def _time(cmd: list[str], *, env: dict, stdin: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, input=stdin, env=env, text=True, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    from flashpoint.config import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="also time an empty cache")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    bare_cmd = [sys.executable, "-c", f"import spacy; spacy.load({DEFAULT_MODEL!r})"]
    fp_cmd = [sys.executable, "-m", "flashpoint.cli", "analyze", "-", "--date", "2020-01-01"]
    _time(fp_cmd, env=env, stdin=TEXT)  # make sure the cache is warm
    bare, warm, cold = [], [], []
    for _ in range(args.rounds):
        bare.append(_time(bare_cmd, env=env))
        warm.append(_time(fp_cmd, env=env, stdin=TEXT))
        if args.cold:
            with tempfile.TemporaryDirectory() as folder:
                cold.append(_time(fp_cmd, env={**env, "FLASHPOINT_CACHE_DIR": folder},
                                  stdin=TEXT))
    b, w = statistics.median(bare), statistics.median(warm)
    print(f"rounds: {args.rounds} (medians; {os.cpu_count()} CPUs)")
    print(f"bare model load          : {b:6.2f} s  (all: {', '.join(f'{x:.2f}' for x in bare)})")
    print(f"analyze one article, warm: {w:6.2f} s  (all: {', '.join(f'{x:.2f}' for x in warm)})"
          f"  ratio {w / b:.2f}x")
    if cold:
        c = statistics.median(cold)
        print(f"analyze one article, cold: {c:6.2f} s  ratio {c / b:.2f}x (builds the cache)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
