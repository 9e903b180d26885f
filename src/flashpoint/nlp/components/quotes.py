"""Quotes stage: who said what, named or anonymous, with or without quotation marks.

Contract: requires actors; assigns ``doc._.fp_quotes``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.nlp.components.base import Component
from flashpoint.nlp.extensions import records


@Language.factory(
    "flashpoint_quotes",
    requires=["token.dep", "doc._.fp_actors"],
    assigns=["doc._.fp_quotes"],
    default_config={},
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()


class QuotesComponent(Component):
    stage = "quotes"
    outputs = ("fp_quotes",)

    def find(self, doc: Doc):
        return []

    def set_annotations(self, doc: Doc, found) -> None:
        records(doc, "fp_quotes").extend(found)
