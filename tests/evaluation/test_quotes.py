"""The PolNeAR quote harness: scoring on hand-made gold, and a run on a slice of the dev set
(skipped where ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.evaluation.quotes import (evaluate, format_report, matches, read_gold,
                                          same_speaker, score_article)
from flashpoint.quotes.lexicon import default_lexicon
from flashpoint.schema import Quote, Speaker

SHARED = Path(__file__).parents[2].parent / "shared"
GOLD = SHARED / "gold" / "polnear_dev.jsonl"


@pytest.mark.parametrize("pred, pieces, expected", [
    ((0, 10), [(0, 10)], True),
    ((0, 10), [(0, 10), (30, 50)], True),  # one piece of a quote interrupted by "he said"
    ((5, 12), [(0, 10)], True),
    ((9, 40), [(0, 10)], False),  # brushes the gold only
    ((20, 30), [(0, 10)], False),
])
def test_matching_criterion(pred, pieces, expected):
    assert matches(pred, pieces) is expected


def test_score_article_counts_speech_and_speakers():
    text = "The war is over, he said. Data shows growth."
    gold = [{"source": [17, 19], "cue_text": "said", "content": [[0, 15]]},
            {"source": [26, 30], "cue_text": "shows", "content": [[31, 43]]}]
    quotes = [Quote("Q1", text[0:15], (0, 15), True, Speaker("he", (17, 19)), cue="said"),
              Quote("Q2", "x", (44, 45), False, None, cue="said")]
    counts = score_article(quotes, gold, default_lexicon(), text)
    assert counts["all"] == {"pred": 2, "pred_ok": 1, "gold": 2, "gold_ok": 1, "spk": 1,
                             "spk_ok": 1}
    assert counts["speech"]["gold"] == 1 and counts["speech"]["gold_ok"] == 1


def test_relative_pronoun_source_matches_its_antecedent():
    text = "some officials who said it"
    quote = Quote("Q1", "it", (24, 26), False, Speaker("some officials", (0, 14)))
    assert same_speaker(quote, (15, 18), text)


def test_bad_gold_line_is_named(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "x"}\n')
    with pytest.raises(InputError, match="gold.jsonl:1"):
        read_gold(path)


def test_evaluate_on_a_slice_of_polnear(tmp_path):
    if not GOLD.exists():
        pytest.skip("../shared/gold/polnear_dev.jsonl is not available")
    lines = GOLD.read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "slice.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = evaluate(path)
    assert report["articles"] == 3 and not report["failed"]
    gold = sum(len(json.loads(line)["attributions"]) for line in lines)
    assert report["overall"]["gold"] == gold
    assert report["speech"]["precision"] is not None and report["speech"]["recall"] > 0.5
    text = format_report(report)
    assert "speech" in text and "F1" in text
