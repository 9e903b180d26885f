"""Quotes stage: who said what, named or anonymous, with or without quotation marks.

Contract: requires the parse and the actors stage's output; assigns ``doc._.fp_quotes``
(a list of :class:`flashpoint.schema.Quote`, spans in the Doc's characters). The finder
itself lives in :mod:`flashpoint.quotes`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.nlp.components.base import Component
from flashpoint.nlp.extensions import records
from flashpoint.quotes import Lexicon, default_lexicon, find_quotes, load_lexicon
from flashpoint.schema import Quote


@Language.factory(
    "flashpoint_quotes",
    requires=["token.dep", "doc._.fp_actors"],
    assigns=["doc._.fp_quotes"],
    default_config={"cues": None, "sources": None},
)
def make_quotes(nlp: Language, name: str, cues: str | None = None,
                sources: str | None = None) -> QuotesComponent:
    """``cues`` / ``sources``: optional YAML files replacing the built-in word lists."""
    lexicon = load_lexicon(cues=cues, sources=sources) if cues or sources else default_lexicon()
    return QuotesComponent(lexicon=lexicon)


class QuotesComponent(Component):
    stage = "quotes"
    outputs = ("fp_quotes",)

    def __init__(self, *, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()

    def find(self, doc: Doc) -> list[Quote]:
        return find_quotes(doc, self.lexicon)

    def set_annotations(self, doc: Doc, found: list[Quote]) -> None:
        records(doc, "fp_quotes").extend(found)
