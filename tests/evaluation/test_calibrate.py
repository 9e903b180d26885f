"""``flashpoint calibrate`` on a tiny hand-written gold set: it fits, cross-validates by
article, writes a model the pipeline can load, and reports reliability and thresholds."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("sklearn")

from flashpoint.evaluation.calibrate import calibrate, format_report, reliability  # noqa: E402
from flashpoint.events.confidence import load_model  # noqa: E402

ARTICLES = {
    "001": ("Kenyan police arrested two Somali men in Garissa on Monday. "
            "Kenya condemned the attack on its border post.",
            [("police arrested two Somali men", "KEN", "SOM", ["17"])]),
    "002": ("Ethiopia and Somalia signed a trade agreement in Addis Ababa. "
            "The Somali president praised Ethiopia for its support.",
            [("The Somali president praised Ethiopia", "SOM", "ETH", ["05"])]),
    "003": ("Sudanese troops shelled a village near the border with Chad. "
            "Chad accused Sudan of violating its territory.",
            [("Chad accused Sudan of violating", "TCD", "SDN", ["11"])]),
}


@pytest.fixture
def gold_dir(tmp_path):
    corpus = tmp_path / "corpus" / "wire"
    corpus.mkdir(parents=True)
    gold = tmp_path / "gold" / "dev"
    gold.mkdir(parents=True)
    for name, (text, events) in ARTICLES.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        (gold / f"wire_{name}_gold.json").write_text(json.dumps({
            "doc": f"wire/{name}.txt", "date": "2024-05-06",
            "events": [{"id": f"E{i}", "must": True, "sent": s, "src": a, "tgt": b,
                        "roots": r, "why": "test"} for i, (s, a, b, r) in enumerate(events)],
            "speculative": [], "quotes": [], "actors": [], "places": []}), encoding="utf-8")
    return gold


def test_calibrate_writes_a_loadable_model(gold_dir, tmp_path):
    out = tmp_path / "model.json"
    report = calibrate(gold_dir, out=out)
    model = load_model(out)
    assert 0.0 <= model.threshold <= 1.0 and model.weights
    assert report["articles"] == 3 and report["events"] >= 3
    assert sum(r["events"] for r in report["reliability"]) == report["events"]
    assert report["chosen"]["threshold"] == model.threshold
    text = format_report(report)
    assert "reliability" in text and "default threshold" in text


def test_reliability_bins():
    rows = reliability([1, 0, 1, 1], [0.1, 0.15, 0.9, 1.0])
    assert rows == [{"bin": "0.0-0.2", "events": 2, "predicted": 0.125, "observed": 0.5},
                    {"bin": "0.8-1.0", "events": 2, "predicted": 0.95, "observed": 1.0}]
