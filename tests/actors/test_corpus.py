"""Over ../shared/corpus: the share of PERSON mentions left without a country (printed).

Reads a handful of articles per collection to stay fast; skips cleanly without ../shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).parents[2].parent / "shared"
PER_COLLECTION = 6


def _articles():
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is absent")
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.txt"))[:PER_COLLECTION]:
            yield path


def test_person_mentions_without_country(parse, capsys):
    from flashpoint.text.repair import repair_text

    total = missing = 0
    for path in _articles():
        doc = parse(repair_text(path.read_text(encoding="utf-8")).text, None)
        people = {a.id: a for a in doc._.fp_actors if a.type == "person"}
        for m in doc._.fp_actor_mentions:
            if m.ref in people:
                total += 1
                missing += people[m.ref].country is None
    share = missing / total if total else 0.0
    with capsys.disabled():
        print(f"\nPERSON mentions without a country: {missing}/{total} = {share:.1%}")
    assert total > 0
    assert share < 0.5
