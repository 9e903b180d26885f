"""Quote attribution against PolNeAR (``flashpoint eval quotes ../shared/gold/polnear_dev.jsonl``).

Gold: one JSON object per article with ``text`` and ``attributions``, each with a ``source``
span, a ``cue`` span and text, and ``content`` (a list of spans: a quote interrupted by
"he said" is one attribution in two pieces).

Matching criterion (content overlap): a predicted quote matches a gold attribution when the
characters they share are at least half of the shorter of the two (the prediction's span, the
gold content's pieces together). A prediction that covers one piece of a two-piece gold quote
therefore matches it, while a prediction that only brushes a long gold quote does not.

- precision: predictions matching some gold attribution / predictions;
- recall: gold attributions matched by some prediction / gold attributions;
- speaker accuracy: of the matched gold attributions that have a source span, the share whose
  matching prediction's speaker span overlaps it (a pronoun is right when it is the gold's
  "he"; resolution to the antecedent is reported in ``name`` and not scored here). Where the
  gold source is a relative pronoun ("officials who said"), the phrase it stands for, ending
  just before it, is right too: we report the antecedent, PolNeAR marks the pronoun.

"Speech" restricts gold to attributions whose cue holds a verb of saying (the ``speech`` list
of ``flashpoint/quotes/data/cues.yaml``) or "according to", and predictions to those whose cue
is one; PolNeAR also annotates beliefs, findings and plans ("shows", "wants"), which the
overall figures include.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from flashpoint.analysis import Failure, analyze_articles
from flashpoint.config import Settings
from flashpoint.errors import InputError
from flashpoint.quotes.lexicon import Lexicon, default_lexicon
from flashpoint.schema import Article, Quote

_WORD_RE = re.compile(r"[A-Za-z]+")
_RELATIVE = {"who", "which", "that", "whom"}


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold articles; an unreadable line raises an InputError naming it."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                _ = row["text"], row["attributions"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}", f"not a PolNeAR gold line ({exc})") from exc
            rows.append(row)
    return rows


def is_speech_cue(cue: str | None, lexicon: Lexicon) -> bool:
    """A cue holding a verb of saying or "according to".

    >>> lex = default_lexicon()
    >>> is_speech_cue("has said", lex), is_speech_cue("according to", lex), is_speech_cue("shows", lex)
    (True, True, False)
    """
    if not cue:
        return False
    if "according to" in cue.lower():
        return True
    return any(lexicon.speech_lemma(w) for w in _WORD_RE.findall(cue))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def matches(pred: tuple[int, int], pieces: list[tuple[int, int]]) -> bool:
    """The matching criterion of the module docstring.

    >>> matches((0, 10), [(0, 10), (20, 40)]), matches((0, 10), [(8, 40)])
    (True, False)
    """
    shared = sum(_overlap(pred, p) for p in pieces)
    gold_len = sum(e - s for s, e in pieces)
    shorter = min(pred[1] - pred[0], gold_len)
    return shorter > 0 and shared * 2 >= shorter


def same_speaker(quote: Quote, source: tuple[int, int], text: str) -> bool:
    """The prediction's speaker span overlaps the gold source, or the gold source is a
    relative pronoun ("officials who said") and the prediction is the phrase it stands for,
    ending just before it.

    >>> from flashpoint.schema import Speaker
    >>> q = Quote("Q1", "x", (30, 31), False, Speaker("some officials", (0, 14)))
    >>> same_speaker(q, (15, 18), "some officials who said x"), same_speaker(q, (20, 24), "")
    (True, False)
    """
    if quote.speaker is None or quote.speaker.span is None:
        return False
    start, end = quote.speaker.span
    if _overlap((start, end), source) > 0:
        return True
    return (text[source[0]:source[1]].lower() in _RELATIVE and end <= source[0]
            and not text[end:source[0]].strip(" ,\n"))


def score_article(quotes: list[Quote], gold: list[dict[str, Any]],
                  lexicon: Lexicon, text: str = "") -> dict[str, dict[str, int]]:
    """Counts for one article, overall and for speech: predictions, matched predictions,
    gold, matched gold, gold with a speaker to check, speakers right."""
    counts = {k: dict.fromkeys(("pred", "pred_ok", "gold", "gold_ok", "spk", "spk_ok"), 0)
              for k in ("all", "speech")}
    pieces = [[tuple(p) for p in g["content"]] for g in gold]
    for quote in quotes:
        ok = any(matches(quote.span, p) for p in pieces)
        for key in ("all", "speech") if is_speech_cue(quote.cue, lexicon) else ("all",):
            counts[key]["pred"] += 1
            counts[key]["pred_ok"] += ok
    for g, p in zip(gold, pieces):
        found = [q for q in quotes if matches(q.span, p)]
        for key in ("all", "speech") if is_speech_cue(g.get("cue_text"), lexicon) else ("all",):
            c = counts[key]
            c["gold"] += 1
            c["gold_ok"] += bool(found)
            if found and g.get("source"):
                c["spk"] += 1
                source = tuple(g["source"])
                c["spk_ok"] += any(same_speaker(q, source, text) for q in found)
    return counts


def _figures(c: dict[str, int]) -> dict[str, float | int | None]:
    p = c["pred_ok"] / c["pred"] if c["pred"] else None
    r = c["gold_ok"] / c["gold"] if c["gold"] else None
    f = 2 * p * r / (p + r) if p and r else 0.0 if p is not None and r is not None else None
    acc = c["spk_ok"] / c["spk"] if c["spk"] else None
    return {"precision": _round(p), "recall": _round(r), "f1": _round(f),
            "speaker_accuracy": _round(acc), **c}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def evaluate(path: str | Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """Run the full analysis over the gold articles and score its quotes."""
    lexicon = default_lexicon()
    rows = read_gold(path)
    articles = [Article(id=str(r.get("id", i)), text=r["text"], date=r.get("date"),
                        origin=f"{path}:{i + 1}") for i, r in enumerate(rows)]
    totals = {k: dict.fromkeys(("pred", "pred_ok", "gold", "gold_ok", "spk", "spk_ok"), 0)
              for k in ("all", "speech")}
    rules: dict[str, int] = {}
    failed = []
    started = time.perf_counter()
    for row, result in zip(rows, analyze_articles(articles, settings=settings)):
        if isinstance(result, Failure):
            failed.append(f"{result.article.id}: {result.error}")
            continue
        for q in result.quotes:
            rules[q.rule or "?"] = rules.get(q.rule or "?", 0) + 1
        for key, c in score_article(list(result.quotes), row["attributions"], lexicon,
                                     row["text"]).items():
            for k, v in c.items():
                totals[key][k] += v
    return {"gold": str(path), "articles": len(rows), "failed": failed,
            "seconds": round(time.perf_counter() - started, 1),
            "overall": _figures(totals["all"]), "speech": _figures(totals["speech"]),
            "rules": dict(sorted(rules.items(), key=lambda kv: -kv[1])),
            "criterion": "content overlap >= half the shorter span; speaker: span overlap"}


def format_report(report: dict[str, Any]) -> str:
    """A few lines for the terminal."""
    lines = [f"PolNeAR quote attribution: {report['articles']} articles "
             f"({len(report['failed'])} failed) in {report['seconds']}s",
             f"matching: {report['criterion']}",
             f"{'':10}{'P':>7}{'R':>7}{'F1':>7}{'speaker':>9}{'gold':>7}{'pred':>7}"]
    for key in ("overall", "speech"):
        f = report[key]
        cells = [f"{v:.3f}" if v is not None else "-" for v in
                 (f["precision"], f["recall"], f["f1"], f["speaker_accuracy"])]
        lines.append(f"{key:10}{cells[0]:>7}{cells[1]:>7}{cells[2]:>7}{cells[3]:>9}"
                     f"{f['gold']:>7}{f['pred']:>7}")
    lines.append("rules: " + ", ".join(f"{k} {v}" for k, v in report["rules"].items()))
    lines.extend(f"failed: {line}" for line in report["failed"][:10])
    return "\n".join(lines)
