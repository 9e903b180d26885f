"""Events stage: who did what to whom, coded in CAMEO and PLOVER, with modality and evidence.

Contract: requires actors and places; assigns ``doc._.fp_events``. The coding itself lives in
:mod:`flashpoint.events`; a sentence that fails is recorded in ``doc._.fp_errors`` (with the
sentence and the rule) and the rest of the article is still coded.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.events import EventCoder
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
        self.coder = EventCoder(max_dyads=max_dyads)  # patterns compiled once per process

    def find(self, doc: Doc):
        return self.coder.code_doc(doc)

    def set_annotations(self, doc: Doc, found) -> None:
        events, errors = found
        records(doc, "fp_events").extend(events)
        records(doc, "fp_errors").extend(errors)
