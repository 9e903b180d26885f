"""Places stage: find toponyms and geocode them offline.

Contract: requires the model's entities; assigns ``doc._.fp_places`` and ``doc._.fp_place_mentions``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.nlp.components.base import Component
from flashpoint.nlp.extensions import records


@Language.factory(
    "flashpoint_places",
    requires=["doc.ents"],
    assigns=["doc._.fp_places", "doc._.fp_place_mentions"],
    default_config={},
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()


class PlacesComponent(Component):
    stage = "places"
    outputs = ("fp_places", "fp_place_mentions")

    def find(self, doc: Doc):
        return [], []

    def set_annotations(self, doc: Doc, found) -> None:
        places, mentions = found
        records(doc, "fp_places").extend(places)
        records(doc, "fp_place_mentions").extend(mentions)
