"""Toponym evaluation on GeoWebNews-style gold: ``flashpoint eval places GOLD.jsonl``.

Gold: one JSON object per line with ``text_file``, ``body_start`` and ``toponyms`` (each with
``span`` [start, end), ``geonameid``, ``lat``, ``lon``). Texts are read from
``../corpus/geowebnews_2018/<text_file>`` next to the gold file's folder.

Matching criterion (span overlap): a gold toponym is found when some predicted place mention
overlaps it by at least one character; each gold toponym is paired with the predicted mention
that overlaps it most, and a prediction pairs with at most one gold toponym. Recall = paired gold
/ all gold. Precision = predicted mentions overlapping any gold toponym / all predicted mentions
(a facility mention that contains a gold toponym it did not pair with counts as correct, since
the gold marks the inner toponym). Predictions before ``body_start`` (the headline, which the
gold does not annotate) are ignored. Over paired toponyms: exact GeoNames-id accuracy (gold
toponyms without an id left out) and Acc@161km, the share whose predicted point lies within
161 km (100 miles) of the gold point; a prediction without coordinates counts as a miss.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from flashpoint.analysis import analyze_text
from flashpoint.config import Settings
from flashpoint.errors import InputError

CORPUS_DIR = Path("..") / "corpus" / "geowebnews_2018"
ACC_KM = 161.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(haversine_km(0, 0, 0, 1))
    111
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _read_gold(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file: {exc}") from exc
    rows = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}", f"not JSON: {exc}") from exc
    return rows


def _predicted(text: str, doc_id: str, settings: Settings | None) -> list[dict[str, Any]]:
    """One row per predicted mention: span, kind, point, id."""
    analysis = analyze_text(text, id=doc_id, settings=settings)
    return [{"span": tuple(m), "kind": p.kind, "lat": p.lat, "lon": p.lon,
             "geonameid": p.geonameid, "name": p.name}
            for p in analysis.places for m in p.mentions]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_document(gold: list[dict], predicted: list[dict], body_start: int = 0) -> dict:
    """Counts for one document (see the module docstring for the criterion)."""
    predicted = [p for p in predicted if p["span"][1] > body_start]
    used: set[int] = set()
    pairs = []
    for g in gold:
        options = [(_overlap(tuple(g["span"]), p["span"]), i) for i, p in enumerate(predicted)
                   if i not in used and _overlap(tuple(g["span"]), p["span"]) > 0]
        if options:
            _, i = max(options)
            used.add(i)
            pairs.append((g, predicted[i]))
    correct_pred = sum(1 for p in predicted
                       if any(_overlap(tuple(g["span"]), p["span"]) for g in gold))
    with_id = [(g, p) for g, p in pairs if g.get("geonameid") is not None]
    with_point = [(g, p) for g, p in pairs if g.get("lat") is not None]
    near = sum(1 for g, p in with_point if p["lat"] is not None
               and haversine_km(g["lat"], g["lon"], p["lat"], p["lon"]) <= ACC_KM)
    return {"gold": len(gold), "predicted": len(predicted), "found": len(pairs),
            "correct_predicted": correct_pred, "id_total": len(with_id),
            "id_exact": sum(1 for g, p in with_id if p["geonameid"] == g["geonameid"]),
            "km_total": len(with_point), "km_near": near,
            "misses": [g["text"] for g in gold if all(g is not x for x, _ in pairs)],
            "far": [(g["text"], p["name"]) for g, p in with_point if p["lat"] is None
                    or haversine_km(g["lat"], g["lon"], p["lat"], p["lon"]) > ACC_KM]}


def evaluate(path: str | Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """Run the pipeline over every gold document and return the figures and the errors."""
    path = Path(path)
    corpus = path.parent / CORPUS_DIR
    totals: dict[str, Any] = {"documents": 0, "misses": [], "far": []}
    for row in _read_gold(path):
        text_path = corpus / row["text_file"]
        text = text_path.read_text(encoding="utf-8", errors="replace")
        doc = score_document(row["toponyms"], _predicted(text, str(row["id"]), settings),
                             int(row.get("body_start") or 0))
        totals["documents"] += 1
        for key, value in doc.items():
            if isinstance(value, list):
                totals[key].extend((row["id"], v) for v in value)
            else:
                totals[key] = totals.get(key, 0) + value
    return _figures(totals)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _figures(t: dict[str, Any]) -> dict[str, Any]:
    return {**t, "recall": _ratio(t.get("found", 0), t.get("gold", 0)),
            "precision": _ratio(t.get("correct_predicted", 0), t.get("predicted", 0)),
            "id_accuracy": _ratio(t.get("id_exact", 0), t.get("id_total", 0)),
            "acc_161km": _ratio(t.get("km_near", 0), t.get("km_total", 0))}


def format_report(report: dict[str, Any]) -> str:
    """A short human-readable summary of :func:`evaluate`'s result."""
    def pct(v):
        return "n/a" if v is None else f"{v:.3f}"
    lines = [
        f"documents          {report['documents']}",
        f"gold toponyms      {report.get('gold', 0)}",
        f"predicted mentions {report.get('predicted', 0)}",
        f"toponym recall     {pct(report['recall'])}  (span overlap)",
        f"toponym precision  {pct(report['precision'])}",
        f"exact id accuracy  {pct(report['id_accuracy'])}  (over {report.get('id_total', 0)} matched)",
        f"Acc@161km          {pct(report['acc_161km'])}  (over {report.get('km_total', 0)} matched)",
    ]
    return "\n".join(lines)
