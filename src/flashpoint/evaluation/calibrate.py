"""Fit the event-confidence model on hand-coded articles (``flashpoint calibrate``).

Each event of each gold article is labelled right or wrong by the gold set's rule; a
logistic regression over :func:`flashpoint.events.confidence.event_features` is fitted
with leave-one-article-out cross-validation, so every reported figure (reliability by bin,
precision and recall by threshold) comes from probabilities predicted for articles the fit
never saw. The default threshold is the lowest one whose cross-validated precision reaches
the target without giving up more than half the unfiltered recall (else the most precise
threshold within that bound, reported as the target missed); the weights fitted on all
articles are then written as a data file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.analysis import Failure, analyze_articles
from flashpoint.config import Settings
from flashpoint.errors import GoldFileError
from flashpoint.evaluation.articles import figures, load_gold_dir, score_article
from flashpoint.evaluation.gold import GoldArticle
from flashpoint.events.confidence import MODEL_PATH, article_features
from flashpoint.schema import Article

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
MIN_KEPT = 20  # a threshold must keep this many factual events to be trusted
# A default that keeps precision by coding almost nothing serves no one: the threshold may
# cost at most half of the recall the unfiltered events have.
MIN_RECALL_SHARE = 0.5


@dataclasses.dataclass
class Sample:
    """One article's analysis (JSON), its event features and labels."""

    gold: GoldArticle
    analysis: dict
    features: list[dict[str, float]]
    labels: list[bool]


def collect(directory: Path, *, corpus: Path | None = None,
            settings: Settings | None = None) -> tuple[list[Sample], list[GoldFileError]]:
    golds, errors = load_gold_dir(directory, corpus=corpus)
    settings = (settings or Settings()).replace(min_confidence=0.0)
    articles = [Article(id=g.name, text=g.text, date=g.date, origin=str(g.path)) for g in golds]
    samples = []
    for gold, result in zip(golds, analyze_articles(articles, settings=settings)):
        if isinstance(result, Failure):
            errors.append(GoldFileError(str(gold.path), "doc", str(result.error)))
            continue
        analysis = result.to_json()
        labels = [right for _, right in score_article(gold, analysis).labelled]
        samples.append(Sample(gold, analysis, article_features(result), labels))
    return samples, errors


def _matrix(samples: list[Sample]):
    from sklearn.feature_extraction import DictVectorizer

    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform([f for s in samples for f in s.features])
    y = [int(label) for s in samples for label in s.labels]
    groups = [i for i, s in enumerate(samples) for _ in s.labels]
    return vectorizer, x, y, groups


def _fit(x, y, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000).fit(x, y)


def _cross_validated(x, y, groups, c: float) -> list[float]:
    """Each event's probability from a model fitted without its article."""
    import numpy as np

    probs = np.zeros(len(y))
    groups = np.asarray(groups)
    y = np.asarray(y)
    for g in sorted(set(groups)):
        test = groups == g
        train = ~test
        if len(set(y[train])) < 2:
            probs[test] = y[train].mean()
            continue
        probs[test] = _fit(x[train], y[train], c).predict_proba(x[test])[:, 1]
    return probs.tolist()


def _log_loss(y, probs) -> float:
    import math

    eps = 1e-6
    return -sum(math.log(max(eps, p if t else 1 - p)) for t, p in zip(y, probs)) / len(y)


def _with_probabilities(samples: list[Sample], probs: list[float]) -> list[dict]:
    out, at = [], 0
    for s in samples:
        events = [dict(e, confidence=probs[at + i]) for i, e in enumerate(s.analysis["events"])]
        at += len(events)
        out.append(dict(s.analysis, events=events))
    return out


def _at_threshold(samples: list[Sample], analyses: list[dict], t: float) -> dict[str, Any]:
    counts = sum((score_article(s.gold, a, min_confidence=t).counts
                  for s, a in zip(samples, analyses)), Counter())
    f = figures(counts)
    return {"threshold": round(t, 4), "precision": round(f["events_precision"], 3),
            "recall": round(f["events_recall"], 3),
            "speculative_as_fact": f["speculative_as_fact"], "factual_kept": counts["pred_fact"]}


def reliability(y: list[int], probs: list[float]) -> list[dict[str, Any]]:
    rows = []
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [(t, p) for t, p in zip(y, probs) if lo <= p < hi or (hi == 1.0 and p == 1.0)]
        if inside:
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "events": len(inside),
                         "predicted": round(sum(p for _, p in inside) / len(inside), 3),
                         "observed": round(sum(t for t, _ in inside) / len(inside), 3)})
    return rows


def calibrate(directory: Path, *, corpus: Path | None = None, target_precision: float = 0.85,
              out: Path = MODEL_PATH, settings: Settings | None = None) -> dict[str, Any]:
    """Fit, cross-validate and write the model; return the report written with it."""
    samples, errors = collect(directory, corpus=corpus, settings=settings)
    samples = [s for s in samples if s.labels]
    if len(samples) < 2:
        why = "; ".join(str(e) for e in errors[:3])
        raise GoldFileError(str(directory), None, "calibration needs events from at least two "
                                                  "gold articles (cross-validation by article)"
                                                  + (f"; {why}" if why else ""))
    vectorizer, x, y, groups = _matrix(samples)
    if len(set(y)) < 2:
        raise GoldFileError(str(directory), None, "every event is labelled the same: "
                                                  "nothing to calibrate against")
    losses = {c: _log_loss(y, _cross_validated(x, y, groups, c)) for c in C_GRID}
    c = min(losses, key=losses.get)
    probs = _cross_validated(x, y, groups, c)
    analyses = _with_probabilities(samples, probs)
    candidates = sorted({round(p, 4) for p in probs} | {0.0})
    sweep = [_at_threshold(samples, analyses, t) for t in candidates]
    usable = [r for r in sweep if r["factual_kept"] >= MIN_KEPT
              and r["recall"] >= MIN_RECALL_SHARE * sweep[0]["recall"]]
    ok = [r for r in usable if r["precision"] >= target_precision]
    chosen = (min(ok, key=lambda r: r["threshold"]) if ok
              else max(usable or sweep, key=lambda r: (r["precision"], r["recall"])))
    model = _fit(x, y, c)
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.feature_names_,
                                                           model.coef_[0])}
    report = {
        "fitted": dt.date.today().isoformat(), "articles": len(samples), "events": len(y),
        "right": sum(y), "C": c, "cv_log_loss": round(losses[c], 4),
        "target_precision": target_precision, "target_met": bool(ok),
        "reliability": reliability(y, probs),
        "thresholds": [_at_threshold(samples, analyses, t)
                       for t in sorted({0.0, 0.3, 0.5, 0.7, chosen["threshold"]})],
        "chosen": chosen, "gold_errors": [str(e) for e in errors]}
    out.write_text(json.dumps({
        "about": "Event confidence: logistic weights over events/confidence.py features, "
                 "fitted by flashpoint calibrate on hand-coded articles; see 'report'.",
        "intercept": round(float(model.intercept_[0]), 5), "weights": weights,
        "threshold": chosen["threshold"], "report": report}, indent=1) + "\n",
        encoding="utf-8")
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{report['events']} events ({report['right']} right) from {report['articles']} "
             f"articles; C={report['C']}, cross-validated log loss {report['cv_log_loss']}",
             "reliability (leave-one-article-out):", "  bin       events predicted observed"]
    lines += [f"  {r['bin']:<9} {r['events']:>6} {r['predicted']:>9.2f} {r['observed']:>8.2f}"
              for r in report["reliability"]]
    lines.append("threshold precision recall speculative-as-fact factual-kept")
    lines += [f"  {r['threshold']:<8.3f} {r['precision']:>8.2f} {r['recall']:>6.2f} "
              f"{r['speculative_as_fact']:>19} {r['factual_kept']:>12}"
              for r in report["thresholds"]]
    chosen = report["chosen"]
    lines.append(f"default threshold {chosen['threshold']} (target precision "
                 f"{report['target_precision']}: {'met' if report['target_met'] else 'NOT met'})")
    lines += [f"gold error: {e}" for e in report["gold_errors"]]
    return "\n".join(lines)
