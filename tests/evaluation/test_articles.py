"""The real-news harness: gold validation, the scoring rule, and agreement with the gold
set's own scorer (that last part only when ../shared is present)."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys

import pytest

from flashpoint.errors import GoldFileError
from flashpoint.evaluation.articles import evaluate, figures, score_article
from flashpoint.evaluation.gold import load_gold

COUNTRIES = frozenset({"KEN", "SOM", "USA", "ETH"})
TEXT = ("Kenyan police arrested two Somali men in Garissa on Monday.\n\n"
        "Kenya will expel the diplomats, the ministry said.\n")
GOLD = {
    "doc": "wire/001.txt", "date": "2024-05-06",
    "events": [
        {"id": "E1", "must": True, "sent": "police arrested two Somali men", "src": "KEN",
         "tgt": "SOM", "roots": ["17"], "why": "arrest"},
        {"id": "E2", "must": False, "sent": "police arrested two Somali men", "src": "KEN",
         "tgt": ["KEN", "SOM"], "roots": ["17"], "why": "domestic reading"}],
    "speculative": [{"sent": "will expel the diplomats", "roots": ["16"]}],
    "quotes": [{"id": "Q1", "must": True, "text": "will expel the diplomats",
                "speaker": "ministry", "anonymous": False, "direct": False}],
    "actors": [{"name": "police", "country": "KEN", "sectors": ["COP"]},
               {"name": "ministry", "country": ["KEN", "NONE"], "sectors": ["GOV"]}],
    "places": [{"name": "Garissa", "country": "KEN", "lat": -0.45, "lon": 39.65}]}


def _event(cameo, src, tgt, sentence, *, hypothetical=False, confidence=0.9):
    side = (lambda c: {"name": c, "country": c} if c else None)
    return {"cameo": cameo, "root": cameo[:2], "source": side(src), "target": side(tgt),
            "negated": False, "hypothetical": hypothetical, "sentence": sentence,
            "span": None, "trigger": "x", "rule": "verbs:test", "confidence": confidence}


@pytest.fixture
def gold_dir(tmp_path):
    corpus = tmp_path / "corpus" / "wire"
    corpus.mkdir(parents=True)
    (corpus / "001.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold" / "dev"
    gold.mkdir(parents=True)
    (gold / "wire_001_gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return gold


def _gold(gold_dir):
    return load_gold(gold_dir / "wire_001_gold.json", corpus=gold_dir.parent.parent / "corpus",
                     countries=COUNTRIES)


def test_scoring_rule_counts(gold_dir):
    first, second = TEXT.split("\n\n")
    analysis = {
        "events": [_event("173", "KEN", "SOM", first),             # right (must)
                   _event("173", "KEN", "ETH", first),             # wrong dyad
                   _event("163", "KEN", None, second),             # speculative as fact
                   _event("163", "KEN", None, second, hypothetical=True),  # flagged: fine
                   _event("190", "KEN", "SOM", first, confidence=0.1)],    # below the floor
        "quotes": [{"text": "Kenya will expel the diplomats", "direct": False,
                    "speaker": {"text": "the ministry", "anonymous": False}}],
        "actors": [{"name": "Kenyan police", "country": "KEN", "sector": "COP"},
                   {"name": "the ministry", "country": None, "sector": "GOV"}],
        "places": [{"name": "Garissa", "country": "KEN", "lat": -0.46, "lon": 39.64}]}
    score = score_article(_gold(gold_dir), analysis, min_confidence=0.5)
    f = figures(score.counts)
    assert (score.counts["must_hit"], score.counts["pred_fact"], score.counts["pred_good"]) \
        == (1, 3, 1)
    assert f["speculative_as_fact"] == 1 and f["quote_attribution"] == 1.0
    assert f["actors"] == 1.0 and f["places"] == 1.0
    # every kept event is labelled, the flagged one right because the gold calls it speculative
    assert [right for _, right in score.labelled] == [True, False, False, True]
    everything = score_article(_gold(gold_dir), analysis, min_confidence=0.0)
    assert everything.counts["pred_fact"] == 4 and everything.counts["pred_good"] == 1


def test_misses_are_reported(gold_dir):
    score = score_article(_gold(gold_dir), {"events": [], "quotes": [], "actors": [],
                                            "places": [{"name": "Garissa", "country": "KEN",
                                                        "lat": 1.5, "lon": 39.6}]})
    assert [g.id for g in score.missed] == ["E1"] and score.counts["places_hit"] == 0
    assert len(score.actors_missed) == 2 and [q.id for q in score.quotes_missed] == ["Q1"]


@pytest.mark.parametrize(("change", "field"), [
    (lambda g: g["events"][0].update(roots=["21"]), "events[0].roots"),
    (lambda g: g["events"][0].update(src="XXX"), "events[0].src"),
    (lambda g: g["events"][1].pop("must"), "events[1].must"),
    (lambda g: g.update(doc="wire/404.txt"), "doc"),
    (lambda g: g["places"][0].pop("lon"), "places[0].lat"),
    (lambda g: g["quotes"][0].update(speaker=3), "quotes[0].speaker"),
])
def test_bad_gold_names_file_and_field(gold_dir, change, field):
    path = gold_dir / "wire_001_gold.json"
    gold = json.loads(json.dumps(GOLD))
    change(gold)
    path.write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(GoldFileError) as info:
        _gold(gold_dir)
    assert info.value.field == field and str(path) in str(info.value)


def test_unparsable_gold_is_reported_and_others_scored(gold_dir):
    (gold_dir / "wire_002_gold.json").write_text("{not json", encoding="utf-8")
    evaluation = evaluate(gold_dir)
    assert [s.name for s in evaluation.scores] == ["wire_001"]
    assert len(evaluation.gold_errors) == 1 and "wire_002_gold.json" in \
        str(evaluation.gold_errors[0]) and "not JSON" in str(evaluation.gold_errors[0])


def test_cli_reports_and_exits_nonzero_on_bad_gold(gold_dir, capsys):
    from flashpoint.cli.main import main

    (gold_dir / "wire_002_gold.json").write_text("[]", encoding="utf-8")
    assert main(["eval", "articles", str(gold_dir), "--errors", "--min-confidence", "0"]) == 1
    out = capsys.readouterr().out
    assert "wire_001" in out and "micro" in out and "must hold a JSON object" in out
    assert "gold error:" in out and "wire_002_gold.json" in out


def test_agrees_with_the_gold_sets_scorer(shared, tmp_path):
    """Our implementation of the rule gives the reference scorer's counts on a dev article."""
    dev = shared / "gold" / "articles_dev"
    spec = importlib.util.spec_from_file_location("reference_score", dev / "reference_score.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    evaluation = evaluate(dev)
    assert not evaluation.gold_errors
    from flashpoint.analysis import analyze_text

    for score in evaluation.scores[:3]:
        gold = json.loads((dev / f"{score.name}_gold.json").read_text(encoding="utf-8"))
        article = shared / "corpus" / gold["doc"]
        analysis = analyze_text(article.read_text(encoding="utf-8"), date=gold["date"],
                                id=score.name).to_json()
        out = tmp_path / f"{score.name}.json"
        out.write_text(json.dumps(analysis), encoding="utf-8")
        buffer = io.StringIO()
        argv, sys.argv = sys.argv, ["ref", str(dev / f"{score.name}_gold.json"), str(article),
                                    str(out)]
        try:
            with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
                reference.main()
        finally:
            sys.argv = argv
        line = next(x for x in buffer.getvalue().splitlines() if x.startswith("COUNTS "))
        assert json.loads(line[7:]) == dict(score.counts), score.name
