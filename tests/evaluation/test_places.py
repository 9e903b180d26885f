"""The places evaluation harness: scoring rules on hand-made cases, then the real gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluation.places import evaluate, format_report, haversine_km, score_document

SHARED = Path(__file__).parents[2].parent / "shared"
GOLD = SHARED / "gold" / "geowebnews.jsonl"


def _gold(span, text="X", gid=1, lat=0.0, lon=0.0):
    return {"span": list(span), "text": text, "geonameid": gid, "lat": lat, "lon": lon}


def _pred(span, gid=1, lat=0.0, lon=0.0, name="X"):
    return {"span": tuple(span), "geonameid": gid, "lat": lat, "lon": lon, "name": name,
            "kind": "city"}


def test_haversine():
    assert haversine_km(0, 0, 0, 0) == 0
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)


@pytest.mark.parametrize("gold, pred, found, correct, exact, near", [
    ([_gold((0, 5))], [_pred((0, 5))], 1, 1, 1, 1),                 # exact
    ([_gold((0, 5))], [_pred((2, 9))], 1, 1, 1, 1),                 # partial overlap counts
    ([_gold((0, 5))], [_pred((5, 9))], 0, 0, 0, 0),                 # touching is not overlap
    ([_gold((0, 5))], [_pred((0, 5), gid=2, lat=1.0)], 1, 1, 0, 1),  # 111 km: near, wrong id
    ([_gold((0, 5))], [_pred((0, 5), lat=2.0)], 1, 1, 1, 0),        # 222 km: far
    ([_gold((0, 5))], [_pred((0, 5), lat=None, lon=None)], 1, 1, 1, 0),  # no point: a miss
    ([_gold((0, 5)), _gold((6, 9))], [_pred((0, 9))], 1, 1, 1, 1),  # one prediction, one pair
])
def test_score_document(gold, pred, found, correct, exact, near):
    got = score_document(gold, pred)
    assert (got["found"], got["correct_predicted"], got["id_exact"], got["km_near"]) == \
        (found, correct, exact, near)


def test_headline_predictions_ignored():
    got = score_document([_gold((20, 25))], [_pred((0, 5)), _pred((20, 25))], body_start=10)
    assert got["predicted"] == 1 and got["correct_predicted"] == 1


def test_report_format():
    report = {"documents": 1, "gold": 2, "predicted": 2, "recall": 0.5, "precision": 1.0,
              "id_accuracy": None, "acc_161km": 1.0, "id_total": 0, "km_total": 1}
    text = format_report(report)
    assert "toponym recall     0.500" in text and "n/a" in text


def test_geowebnews_targets():
    if not GOLD.is_file():
        pytest.skip("../shared/gold/geowebnews.jsonl is absent")
    report = evaluate(GOLD)
    assert report["documents"] == 20
    assert report["recall"] >= 0.90, format_report(report)
    assert report["acc_161km"] >= 0.92, format_report(report)
