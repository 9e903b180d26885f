"""Actors stage: find actor mentions and resolve them to coded actors (country + sector).

Contract: requires the model's entities and parse; assigns ``doc._.fp_actors`` and
``doc._.fp_actor_mentions``. The full resolver lives in :mod:`flashpoint.actors`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.nlp.components.base import Component
from flashpoint.nlp.extensions import records


@Language.factory(
    "flashpoint_actors",
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.fp_actors", "doc._.fp_actor_mentions"],
    default_config={"extra_dictionaries": []},
)
def make_actors(nlp: Language, name: str, extra_dictionaries: list[str]) -> ActorsComponent:
    return ActorsComponent(extra_dictionaries=tuple(extra_dictionaries))


class ActorsComponent(Component):
    stage = "actors"
    outputs = ("fp_actors", "fp_actor_mentions")

    def __init__(self, *, extra_dictionaries: tuple[str, ...] = ()) -> None:
        self.extra_dictionaries = extra_dictionaries

    def find(self, doc: Doc):
        return [], []

    def set_annotations(self, doc: Doc, found) -> None:
        actors, mentions = found
        records(doc, "fp_actors").extend(actors)
        records(doc, "fp_actor_mentions").extend(mentions)
