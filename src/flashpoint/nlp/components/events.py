"""Events stage: who did what to whom, coded in CAMEO and PLOVER, with modality and evidence.

Contract: requires actors and places; assigns ``doc._.fp_events``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.nlp.components.base import Component
from flashpoint.nlp.extensions import records


@Language.factory(
    "flashpoint_events",
    requires=["token.dep", "token.lemma", "doc._.fp_actors", "doc._.fp_places"],
    assigns=["doc._.fp_events"],
    default_config={"max_dyads": 12},
)
def make_events(nlp: Language, name: str, max_dyads: int) -> EventsComponent:
    return EventsComponent(max_dyads=max_dyads)


class EventsComponent(Component):
    stage = "events"
    outputs = ("fp_events",)

    def __init__(self, *, max_dyads: int = 12) -> None:
        self.max_dyads = max_dyads

    def find(self, doc: Doc):
        return []

    def set_annotations(self, doc: Doc, found) -> None:
        records(doc, "fp_events").extend(found)
