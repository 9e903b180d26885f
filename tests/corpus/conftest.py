"""Corpus fixtures: tiny own-text articles, and the shared corpus (skipped when absent)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest


def _load_store_fixtures():
    """Share tests/store/conftest.py's cheap fixtures (no root conftest to host them)."""
    path = Path(__file__).parents[1] / "store" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_fp_store_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_store = _load_store_fixtures()
con = _store.con
make_analysis = _store._make_analysis_fixture
make_event = _store._make_event_fixture

SHARED = Path(__file__).parents[2].parent / "shared"
DATA = Path(__file__).parent / "data"

# Our own sentences (never text from ../shared).
TINY = {
    "strike.txt": "The United States military killed an Iranian general in a drone strike "
                  "near Baghdad airport on Friday, officials said.\n\nIran vowed revenge.",
    "talks.txt": "Russian and Ukrainian officials met in Istanbul on Monday to discuss a "
                 "prisoner exchange, the foreign ministry said.",
    "protest.txt": "Thousands of students protested in Belgrade against the government on "
                   "Saturday.\n\nPolice arrested twelve people.",
    "sanctions.txt": "The European Union imposed new sanctions on Belarus over the detention "
                     "of opposition leaders.",
}


@pytest.fixture
def tiny_corpus(tmp_path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    for name, text in TINY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not available")
    return corpus


def manifest_dates(corpus: Path) -> dict[str, str]:
    """``reuters_2017/002.txt`` -> the first ISO date in its MANIFEST row (metadata only)."""
    dates = {}
    for manifest in corpus.glob("*/MANIFEST.tsv"):
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            found = re.search(r"\d{4}-\d{2}-\d{2}", " ".join(cells[4:5]))
            if found:
                dates[f"{manifest.parent.name}/{cells[0]}"] = found.group(0)
    return dates


@pytest.fixture(scope="session")
def dated_corpus_jsonl(shared_corpus, tmp_path_factory) -> Path:
    """The shared corpus as one JSON Lines file (in a temp dir) with MANIFEST dates."""
    dates = manifest_dates(shared_corpus)
    out = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted(shared_corpus.glob("*/*.txt")):
            name = f"{path.parent.name}/{path.name}"
            handle.write(json.dumps({"id": name, "text": path.read_text(encoding="utf-8"),
                                     "date": dates.get(name)}) + "\n")
    return out


def labelled_pairs() -> list[tuple[str, str, bool]]:
    rows = []
    for line in (DATA / "same_event_pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "file_a")) or not line.strip():
            continue
        a, b, label, _note = line.split("\t")
        rows.append((a, b, label == "1"))
    return rows


@pytest.fixture
def pairs():
    return labelled_pairs()
