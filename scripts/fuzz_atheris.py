"""Coverage-guided fuzzing (atheris) of quote finding and the user-dictionary loader.

Not part of the test run: ``pip install atheris`` then, bounded by ``-runs`` or time,

    python scripts/fuzz_atheris.py quotes -runs=20000
    python scripts/fuzz_atheris.py dictionaries -max_total_time=120

Any exception other than a FlashpointError is a crash: atheris stops and writes the input
to ``crash-*``; turn it into a regression test (tests/reliability/test_fuzz.py) and fix it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from flashpoint.dictionaries import load_dictionaries
    from flashpoint.dictionaries.loader import read_file
    from flashpoint.errors import FlashpointError
    from flashpoint.quotes import find_quotes


def quotes_target():
    from flashpoint.nlp.pipeline import get_nlp

    nlp = get_nlp()

    def one(data: bytes) -> None:
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(2000)
        try:
            find_quotes(nlp(text))
        except FlashpointError:
            pass
    return one


def dictionaries_target():
    known = load_dictionaries().countries
    path = Path(tempfile.mkdtemp(prefix="fuzz-dict-")) / "user.yaml"

    def one(data: bytes) -> None:
        path.write_bytes(data)  # bytes, not text: the loader reads the file itself
        try:
            read_file(path, known=known)
        except FlashpointError:
            pass
    return one


TARGETS = {"quotes": quotes_target, "dictionaries": dictionaries_target}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]()
    args = [sys.argv[0], *sys.argv[2:]]
    if not any(a.startswith(("-runs=", "-max_total_time=")) for a in args):
        args.append("-max_total_time=60")  # bounded by default
    os.environ.setdefault("PYTHONHASHSEED", "0")
    atheris.Setup(args, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
