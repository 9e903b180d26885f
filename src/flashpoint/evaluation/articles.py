"""Real-news accuracy: score analyses of hand-coded articles with the gold set's rule.

The rule (``articles_dev/README.md`` of the gold set) reads the contract JSON only:
a factual event (neither negated nor hypothetical) matches a gold event when the gold
words are inside its sentence (or its span overlaps them), its CAMEO root is listed and
both sides' countries satisfy the gold sides. Recall counts must events; precision counts
factual events matching any gold event. Micro-averages add counts over articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.analysis import Failure, analyze_articles
from flashpoint.config import Settings
from flashpoint.errors import GoldFileError
from flashpoint.evaluation.gold import (GoldArticle, GoldEvent, GoldPlace, GoldQuote,
                                        GoldSpeculative, Side, default_corpus, gold_files,
                                        load_gold)
from flashpoint.evaluation.places import haversine_km
from flashpoint.schema import Article

_MARKS = re.compile(r"[\u2019\u2018'\"\u201c\u201d`]")
FIGURES = (("events_recall", "must_hit", "must"), ("events_precision", "pred_good", "pred_fact"),
           ("quote_attribution", "qattr", "qmust"), ("actors", "actors_hit", "actors"),
           ("places", "places_hit", "places"))


def norm(text: str | None) -> str:
    """Lower case, quote marks and apostrophes removed, whitespace runs collapsed."""
    return " ".join(_MARKS.sub("", (text or "").lower()).split())


def factual(event: dict) -> bool:
    return not event.get("negated") and not event.get("hypothetical")


def in_sentence(event: dict, words: str, text: str) -> bool:
    if norm(words) in norm(event.get("sentence")):
        return True
    span, at = event.get("span"), text.find(words)
    return bool(span) and at >= 0 and span[0] < at + len(words) and at < span[1]


def side_ok(country: str | None, want: Side) -> bool:
    """None: anything; "NONE": no country; a code: that country; a tuple: any of those."""
    if not want:
        return True
    wants = want if isinstance(want, tuple) else (want,)
    return any(country is None if w == "NONE" else country == w for w in wants)


def _country(side: Any) -> str | None:
    return side.get("country") if isinstance(side, dict) else None


def root_of(event: dict) -> str:
    return str(event.get("root") or (event.get("cameo") or "")[:2])[:2]


def event_matches(event: dict, gold: GoldEvent | GoldSpeculative, text: str) -> bool:
    return (in_sentence(event, gold.sent, text) and root_of(event) in gold.roots
            and side_ok(_country(event.get("source")), gold.src)
            and side_ok(_country(event.get("target")), gold.tgt))


@dataclass
class ArticleScore:
    """One article's counts, and what went wrong, for the report and for calibration."""

    name: str
    counts: Counter = field(default_factory=Counter)
    missed: list[GoldEvent] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)  # factual events matching no gold event
    speculative: list[dict] = field(default_factory=list)
    quotes_missed: list[GoldQuote] = field(default_factory=list)
    actors_missed: list[str] = field(default_factory=list)
    places_missed: list[GoldPlace] = field(default_factory=list)
    # Every event with whether it is right (factual: matches a gold event; not factual:
    # stands where the gold says the act is speculative, or matches a gold event).
    labelled: list[tuple[dict, bool]] = field(default_factory=list)


def score_article(gold: GoldArticle, analysis: dict, *,
                  min_confidence: float = 0.0) -> ArticleScore:
    """Score one contract-JSON analysis; events below ``min_confidence`` are left out."""
    score = ArticleScore(gold.name)
    text = gold.text
    events = [e for e in analysis.get("events", [])
              if isinstance(e, dict) and _confidence(e) >= min_confidence]
    facts = [e for e in events if factual(e)]
    must = [g for g in gold.events if g.must]
    score.missed = [g for g in must if not any(event_matches(e, g, text) for e in facts)]
    for event in events:
        right_fact = any(event_matches(event, g, text) for g in gold.events)
        if factual(event):
            score.labelled.append((event, right_fact))
            if not right_fact:
                score.wrong.append(event)
            # one count per (event, phrase) pair, as the gold set's scorer counts them
            score.speculative += [event for s in gold.speculative
                                  if event_matches(event, s, text)]
        else:
            score.labelled.append((event, right_fact or any(
                in_sentence(event, s.sent, text) and root_of(event) in s.roots
                for s in gold.speculative)))
    quotes = [q for q in analysis.get("quotes", []) if isinstance(q, dict)]
    found = [g for g in gold.quotes if g.must and any(_quote_text(q, g) for q in quotes)]
    score.quotes_missed = [g for g in gold.quotes if g.must and not any(
        _quote_text(q, g) and _quote_speaker(q, g) and bool(q.get("direct")) == g.direct
        for q in quotes)]
    actors = [a for a in analysis.get("actors", []) if isinstance(a, dict)]
    score.actors_missed = [
        f"{g.name} ({_gold_side(g.country or 'NONE')}, {'/'.join(sorted(g.sectors))})"
        for g in gold.actors if not any(
            norm(g.name) in norm(a.get("name")) and side_ok(a.get("country"), g.country or "NONE")
            and a.get("sector") in g.sectors for a in actors)]
    places = [p for p in analysis.get("places", []) if isinstance(p, dict)]
    score.places_missed = [g for g in gold.places if not any(_place_ok(p, g) for p in places)]
    score.counts.update(
        must=len(must), must_hit=len(must) - len(score.missed), pred_fact=len(facts),
        pred_good=len(facts) - len(score.wrong), spec=len(score.speculative),
        qmust=sum(g.must for g in gold.quotes), qfound=len(found),
        qattr=sum(g.must for g in gold.quotes) - len(score.quotes_missed),
        actors=len(gold.actors), actors_hit=len(gold.actors) - len(score.actors_missed),
        places=len(gold.places), places_hit=len(gold.places) - len(score.places_missed))
    return score


def _confidence(event: dict) -> float:
    """An event's confidence; one stored before confidence existed (null) counts as 1."""
    value = event.get("confidence")
    return 1.0 if value is None else float(value)


def _quote_text(quote: dict, gold: GoldQuote) -> bool:
    return norm(gold.text) in norm(quote.get("text"))


def _quote_speaker(quote: dict, gold: GoldQuote) -> bool:
    speaker = quote.get("speaker") or {}
    names = norm(" | ".join(str(speaker.get(k) or "") for k in ("text", "name")))
    return (any(norm(w) in names for w in gold.speakers)
            and bool(speaker.get("anonymous")) == gold.anonymous)


def _place_ok(place: dict, gold: GoldPlace) -> bool:
    if norm(gold.name) not in norm(place.get("name")):
        return False
    if gold.country and place.get("country") != gold.country:
        return False
    if gold.lat is None:
        return True
    try:
        return haversine_km(gold.lat, gold.lon, float(place["lat"]), float(place["lon"])) <= 50
    except (KeyError, TypeError, ValueError):
        return False


def figures(counts: Counter) -> dict[str, float | int]:
    out: dict[str, float | int] = {
        name: (counts[num] / counts[den] if counts[den] else 0.0)
        for name, num, den in FIGURES}
    out["speculative_as_fact"] = counts["spec"]
    return out


@dataclass
class Evaluation:
    scores: list[ArticleScore]
    gold_errors: list[GoldFileError]
    analysis_errors: list[str]

    @property
    def counts(self) -> Counter:
        return sum((s.counts for s in self.scores), Counter())


def load_gold_dir(directory: Path, *, corpus: Path | None = None
                  ) -> tuple[list[GoldArticle], list[GoldFileError]]:
    """Every readable gold file of a directory, and an error for each that is not."""
    from flashpoint.dictionaries.loader import load_dictionaries

    countries = frozenset(load_dictionaries().countries)
    corpus = corpus or default_corpus(directory)
    golds, errors = [], []
    files = gold_files(directory)
    if not files:
        errors.append(GoldFileError(str(directory), None, "holds no *_gold.json file"))
    for path in files:
        try:
            golds.append(load_gold(path, corpus=corpus, countries=countries))
        except GoldFileError as exc:
            errors.append(exc)
    return golds, errors


def analyses(golds: Iterable[GoldArticle], settings: Settings
             ) -> Iterable[tuple[GoldArticle, dict | str]]:
    """Each gold article with its analysis as contract JSON, or the error that stopped it."""
    golds = list(golds)
    articles = [Article(id=g.name, text=g.text, date=g.date, origin=str(g.path)) for g in golds]
    for gold, result in zip(golds, analyze_articles(articles, settings=settings)):
        yield gold, (str(result.error) if isinstance(result, Failure) else result.to_json())


def evaluate(directory: str | Path, *, corpus: Path | None = None,
             settings: Settings | None = None) -> Evaluation:
    golds, gold_errors = load_gold_dir(Path(directory), corpus=corpus)
    scores, failed = [], []
    for gold, analysis in analyses(golds, settings or Settings()):
        if isinstance(analysis, str):
            failed.append(f"{gold.name}: {analysis}")
        else:
            scores.append(score_article(gold, analysis))
    return Evaluation(scores, gold_errors, failed)


def to_json(evaluation: Evaluation) -> dict[str, Any]:
    return {"articles": {s.name: figures(s.counts) for s in evaluation.scores},
            "micro": figures(evaluation.counts), "counts": dict(evaluation.counts),
            "gold_errors": [str(e) for e in evaluation.gold_errors],
            "analysis_errors": evaluation.analysis_errors}


def format_report(evaluation: Evaluation, *, errors: bool = False) -> str:
    head = f"{'article':<26} {'recall':>6} {'prec':>6} {'spec':>4} {'quotes':>6} " \
           f"{'actors':>6} {'places':>6}"
    lines = [head]
    rows = [(s.name, s.counts) for s in evaluation.scores] + [("micro", evaluation.counts)]
    for name, counts in rows:
        f = figures(counts)
        if name == "micro":
            lines.append("-" * len(head))
        lines.append(f"{name:<26} {f['events_recall']:>6.2f} {f['events_precision']:>6.2f} "
                     f"{f['speculative_as_fact']:>4} {f['quote_attribution']:>6.2f} "
                     f"{f['actors']:>6.2f} {f['places']:>6.2f}")
    c = evaluation.counts
    lines.append(f"events: {c['must_hit']}/{c['must']} must found, {c['pred_good']}/"
                 f"{c['pred_fact']} factual events right")
    lines += [f"gold error: {e}" for e in evaluation.gold_errors]
    lines += [f"analysis error: {e}" for e in evaluation.analysis_errors]
    if errors:
        for score in evaluation.scores:
            lines += _error_lines(score)
    return "\n".join(lines)


def _side(side: Any) -> str:
    if not isinstance(side, dict):
        return "-"
    return f"{side.get('name')} ({side.get('code') or '-'})"


def _gold_side(side: Side) -> str:
    return "/".join(side) if isinstance(side, tuple) else (side or "*")


def _error_lines(score: ArticleScore) -> list[str]:
    lines = [f"\n## {score.name}"]
    for g in score.missed:
        lines.append(f"MISSED {g.id} roots {'/'.join(sorted(g.roots))} "
                     f"{_gold_side(g.src)} -> {_gold_side(g.tgt)}: {g.sent!r}")
    for label, events in (("WRONG", score.wrong), ("SPECULATIVE-AS-FACT", score.speculative)):
        for e in events:
            lines.append(f"{label} {e.get('cameo')} {_side(e.get('source'))} -> "
                         f"{_side(e.get('target'))} trigger {e.get('trigger')!r} rule "
                         f"{e.get('rule')} conf {_confidence(e):.2f}\n"
                         f"    {e.get('sentence', '')[:300]!r}")
    for q in score.quotes_missed:
        lines.append(f"QUOTE {q.id} {'/'.join(q.speakers)} direct={q.direct} "
                     f"anonymous={q.anonymous}: {q.text!r}")
    lines += [f"ACTOR {a}" for a in score.actors_missed]
    lines += [f"PLACE {p.name} ({p.country})" for p in score.places_missed]
    return lines
