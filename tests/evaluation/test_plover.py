"""The PLOVER gold harness: a tiny gold file of our own, then the shared one when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluation.plover import evaluate, format_report, load_records

SHARED = Path(__file__).parents[2].parent / "shared"

# Same shape as the PLOVER gold (trailing commas included); sentences written for this test.
TINY = """[
{"id": "T-1", "event": "FIGHT", "eventText": "shelled",
 "source": [{"actorText": "Armenia", "code": "ARM"}], "target": [{"actorText": "Azerbaijan", "code": "AZE"}],
 "text": "Armenia shelled villages in Azerbaijan on Tuesday.",},
{"id": "T-2", "event": "DISAPPROVE", "eventText": "criticized",
 "source": [{"actorText": "Norway", "code": "NOR"}], "target": "",
 "text": "Norway criticized the decision on Friday.",},
{"id": "T-3", "event": "DOCUMENT", "eventText": "notes",},
]"""


def test_report_on_a_tiny_gold_file(tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text(TINY, encoding="utf-8")
    assert len(load_records(gold)) == 2
    report = evaluate(gold)
    assert set(report["per_type"]) == {"ASSAULT", "ACCUSE"}  # 0.5 labels mapped
    assert report["type_accuracy"] == 1.0
    text = format_report(report)
    assert "ASSAULT" in text and "ALL" in text


def test_shared_gold(tmp_path):
    path = SHARED / "gold" / "plover_gold_records.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    report = evaluate(path)
    assert report["records"] > 300
    assert report["type_accuracy"] >= 0.7
