"""How likely is a coded event right? A small logistic model over interpretable features.

Each feature says something a reader of the evidence could check: which kind of pattern
fired (verb, event noun, frame), which coding conventions filled a role (coreference,
an inferred agent, a place as target), how each side was resolved (a dictionary entry, a
named actor, a description with or without a country, a thing, nothing), modality, quad
class, whether the trigger stands inside a quotation or a headline. The weights are fitted
on hand-coded articles with article-level cross-validation (``flashpoint calibrate``) and
shipped as ``data/confidence.json``; nothing is trained at run time.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from flashpoint.errors import DataFileError
from flashpoint.events.arguments import coded
from flashpoint.schema import Actor, ActorRef, Analysis, Event, Span

MODEL_PATH = Path(__file__).parent / "data" / "confidence.json"
# Rule suffixes grouped into the convention that produced them ("verbs:12+coref").
CONVENTIONS = {
    "coref": "coreference", "coref-target": "coreference", "coref-victim": "coreference",
    "unidentified": "inferred_agent", "authorities": "inferred_agent",
    "place-target": "place_target", "inherit-target": "inherited",
    "inherit-country": "inherited", "condition": "condition", "announced": "announced",
    "reciprocal": "reciprocal",
}
_CLOSERS = ".!?\"'\u201d\u2019)"


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Logistic weights over named features, and the default threshold they support."""

    intercept: float
    weights: Mapping[str, float]
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def side_kind(ref: ActorRef | None, actors: Mapping[str, Actor]) -> str:
    """How one side of an event was resolved."""
    if ref is None:
        return "none"
    actor = actors.get(ref.actor) if ref.actor else None
    if actor is None:
        return "unlinked_country" if ref.country else "thing"
    if actor.entry:
        return "dictionary"
    if actor.type == "country":
        return "country"
    return f"{actor.type}_{'country' if ref.country else 'nocountry'}"


def event_features(event: Event, *, actors: Mapping[str, Actor], quoted: Sequence[Span],
                   shared_trigger: int = 1) -> dict[str, float]:
    """The features of one event in its article (``quoted``: spans of direct quotes)."""
    head, *suffixes = event.rule.split("+")
    kind = head.split(":", 1)[0]
    features = {f"pattern={kind}": 1.0}
    for suffix in suffixes:
        features[f"convention={CONVENTIONS.get(suffix, 'other')}"] = 1.0
    for role, ref in (("source", event.source), ("target", event.target)):
        features[f"{role}={side_kind(ref, actors)}"] = 1.0
    countries = (event.source.country if event.source else None,
                 event.target.country if event.target else None)
    if countries[0] and countries[0] == countries[1]:
        features["domestic"] = 1.0
    # CAMEO needs a dyad: how many sides name a country or an international body
    identified = sum(ref is not None and coded(ref) for ref in (event.source, event.target))
    features[f"identified_sides={identified}"] = 1.0
    features["modality=" + ("negated" if event.negated else "hypothetical"
                            if event.hypothetical else "asserted")] = 1.0
    features[f"quad={event.quad_class}"] = 1.0
    features[f"root={event.root}"] = 1.0
    at = event.trigger_span
    if at and any(s[0] <= at[0] and at[1] <= s[1] for s in quoted):
        features["in_quote"] = 1.0
    if not event.sentence.rstrip().endswith(tuple(_CLOSERS)):
        features["headline"] = 1.0
    if shared_trigger > 1:
        features["shared_trigger"] = 1.0
    features["sentence_words"] = min(len(event.sentence.split()), 80) / 40.0
    return features


def article_features(analysis: Analysis) -> list[dict[str, float]]:
    """The features of every event of an analysis, in order."""
    actors = {a.id: a for a in analysis.actors}
    quoted = [q.span for q in analysis.quotes if q.direct]
    triggers = Counter(e.trigger_span for e in analysis.events)
    return [event_features(e, actors=actors, quoted=quoted,
                           shared_trigger=triggers[e.trigger_span])
            for e in analysis.events]


def with_confidence(analysis: Analysis, model: ConfidenceModel, *,
                    min_confidence: float) -> Analysis:
    """The analysis with every event's confidence set, holding those at or above the floor."""
    scored = [replace(e, confidence=round(model.probability(f), 4))
              for e, f in zip(analysis.events, article_features(analysis))]
    kept = [e for e in scored if e.confidence >= min_confidence]
    renumbered = tuple(replace(e, id=f"E{i}") for i, e in enumerate(kept, 1))
    return replace(analysis, events=renumbered)


def load_model(path: Path = MODEL_PATH) -> ConfidenceModel:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in raw["weights"].items()}
        model = ConfidenceModel(intercept=float(raw["intercept"]), weights=weights,
                                threshold=float(raw["threshold"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(str(path), None, f"not a confidence model ({exc})") from exc
    if not 0.0 <= model.threshold <= 1.0:
        raise DataFileError(str(path), None, f"threshold {model.threshold} is not in [0, 1]")
    return model


@lru_cache(maxsize=4)
def shipped_model(path: Path = MODEL_PATH) -> ConfidenceModel:
    return load_model(path)
