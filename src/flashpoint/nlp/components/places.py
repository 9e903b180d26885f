"""Places stage: find toponyms and geocode them offline.

Contract: requires the model's entities; assigns ``doc._.fp_places`` (list[Place]) and
``doc._.fp_place_mentions`` (list[Mention], ``ref`` = place id, ``via`` = how it was found:
ner | gazetteer | facility | adjective | adjective:locative | demonym). The gazetteer is
built once per process; the phrase matcher once per pipeline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.geo.gazetteer import get_gazetteer
from flashpoint.geo.places import build_places
from flashpoint.geo.toponyms import build_matcher, find_toponyms
from flashpoint.nlp.components.base import Component
from flashpoint.nlp.extensions import records


@Language.factory(
    "flashpoint_places",
    requires=["doc.ents"],
    assigns=["doc._.fp_places", "doc._.fp_place_mentions"],
    default_config={"cache_dir": None},
)
def make_places(nlp: Language, name: str, cache_dir: str | None = None) -> PlacesComponent:
    """``cache_dir``: the start-up cache's folder (None: the default, see flashpoint.cache)."""
    return PlacesComponent(nlp, cache_dir=cache_dir)


class PlacesComponent(Component):
    stage = "places"
    outputs = ("fp_places", "fp_place_mentions")

    def __init__(self, nlp: Language, *, cache_dir: str | None = None) -> None:
        self.gazetteer = get_gazetteer(cache_dir=cache_dir)
        self.matcher = build_matcher(nlp, self.gazetteer, cache_dir=cache_dir)

    def find(self, doc: Doc):
        toponyms = find_toponyms(doc, self.matcher, self.gazetteer)
        return build_places(doc, toponyms, self.gazetteer)

    def set_annotations(self, doc: Doc, found) -> None:
        places, mentions = found
        records(doc, "fp_places").extend(places)
        records(doc, "fp_place_mentions").extend(mentions)
