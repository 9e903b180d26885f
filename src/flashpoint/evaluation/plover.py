"""PLOVER gold records: event type accuracy and dyad (source/target country) accuracy.

The gold file (../shared/gold/plover_gold_records.txt) is a JSON list with trailing commas,
coded in PLOVER 0.5; its labels are mapped to the current ones (DEMAND -> REQUEST,
DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT) before comparison.

For each record the predicted event is the one whose trigger is named in the gold
``eventText`` (else the sentence's first event); type accuracy compares its PLOVER type,
dyad accuracy its source and target countries with the gold actors' codes.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from flashpoint.analysis import Failure, analyze_articles
from flashpoint.config import Settings
from flashpoint.errors import DataFileError
from flashpoint.schema import Article, Event

LABELS_05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}
# Codes the CAMEO manual's examples use that are not ISO 3166 alpha-3.
LEGACY_CODES = {"JAP": "JPN", "ROM": "ROU", "SER": "SRB", "SUD": "SDN", "ZAI": "COD",
                "BUL": "BGR", "GER": "DEU", "SAF": "ZAF", "UK": "GBR", "ITL": "ITA",
                "VTN": "VNM"}


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """The gold records with an event and a sentence (the file's DOCUMENT notes dropped)."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        records = json.loads(re.sub(r",\s*([\]}])", r"\1", text))
    except json.JSONDecodeError as exc:
        raise DataFileError(str(path), exc.lineno, f"not JSON (after removing trailing "
                                                   f"commas): {exc.msg}") from exc
    return [r for r in records if r.get("text") and r.get("event") not in (None, "DOCUMENT")]


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    out = set()
    for actor in actors:
        code = str(actor.get("code") or "")[:3].upper()
        if code:
            out.add(LEGACY_CODES.get(code, code))
    return out


def _pick(events: tuple[Event, ...], event_text: str) -> Event | None:
    """The predicted event the gold record is about."""
    if not events:
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", event_text or "")}
    for event in events:
        trigger = {w.lower() for w in re.findall(r"[A-Za-z]+", event.trigger)}
        if trigger & words or any(w[:5] in t for w in words for t in trigger if len(w) > 4):
            return event
    factual = [e for e in events if e.plover and not (e.negated or e.hypothetical)]
    return (factual or [e for e in events if e.plover] or list(events))[0]


def _country_level(ref) -> str | None:
    """The gold's country-level code: an ISO country, or IGO/NGO for international bodies
    (the gold writes the Arab League as "IGO", as CAMEO does at that level)."""
    if ref is None:
        return None
    return ref.country or (ref.sector if ref.sector in ("IGO", "NGO") else None)


def _dyad_ok(event: Event | None, record: dict[str, Any]) -> bool:
    if event is None:
        return False
    sources, targets = _codes(record.get("source")), _codes(record.get("target"))
    src, tgt = _country_level(event.source), _country_level(event.target)
    source_ok = (src in sources) if sources else src is None
    target_ok = (tgt in targets) if targets else True  # no gold target: any target accepted
    return source_ok and target_ok


def evaluate(path: str | Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """Type and dyad accuracy over the gold records, overall and per (mapped) event type."""
    records = load_records(path)
    # Every coded event is compared, whatever its confidence: this measures how sentences
    # are coded, not the corpus-level precision floor (``flashpoint eval articles``).
    settings = (settings or Settings()).replace(check_language=False, min_confidence=0.0)
    articles = [Article(id=str(r.get("id", i)), text=r["text"], date=r.get("date"))
                for i, r in enumerate(records)]
    per_type: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "type": 0, "dyad": 0})
    misses: list[dict[str, Any]] = []
    for record, result in zip(records, analyze_articles(articles, settings=settings),
                              strict=True):
        gold = LABELS_05.get(record["event"], record["event"])
        events = () if isinstance(result, Failure) else result.events
        event = _pick(events, record.get("eventText", ""))
        row = per_type[gold]
        row["n"] += 1
        type_ok = event is not None and event.plover == gold
        row["type"] += type_ok
        row["dyad"] += _dyad_ok(event, record)
        if not type_ok:
            misses.append({"id": record.get("id"), "gold": gold,
                           "predicted": event.plover if event else None,
                           "trigger": event.trigger if event else None})
    total = {k: sum(r[k] for r in per_type.values()) for k in ("n", "type", "dyad")}
    return {
        "gold": str(path), "records": total["n"],
        "type_accuracy": total["type"] / total["n"] if total["n"] else 0.0,
        "dyad_accuracy": total["dyad"] / total["n"] if total["n"] else 0.0,
        "per_type": {k: {"n": v["n"], "type_accuracy": v["type"] / v["n"],
                         "dyad_accuracy": v["dyad"] / v["n"]}
                     for k, v in sorted(per_type.items())},
        "misses": misses,
    }


def format_report(report: dict[str, Any]) -> str:
    """The report as a small text table."""
    lines = [f"PLOVER gold: {report['gold']} ({report['records']} records)",
             f"{'type':<12}{'n':>5}{'type acc':>10}{'dyad acc':>10}"]
    for name, row in report["per_type"].items():
        lines.append(f"{name:<12}{row['n']:>5}{row['type_accuracy']:>10.2f}"
                     f"{row['dyad_accuracy']:>10.2f}")
    lines.append(f"{'ALL':<12}{report['records']:>5}{report['type_accuracy']:>10.2f}"
                 f"{report['dyad_accuracy']:>10.2f}")
    return "\n".join(lines)
