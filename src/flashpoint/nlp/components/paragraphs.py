"""Sentence boundaries at paragraph breaks: no sentence may cross a blank line.

Runs before the parser; the parser keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("flashpoint_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    """Start a sentence at the first token after any whitespace token holding a newline.

    A single newline counts too: headlines, datelines and captions sit on lines of their own.
    """

    def __call__(self, doc: Doc) -> Doc:
        for i, token in enumerate(doc[:-1]):
            if "\n" in token.text_with_ws[len(token.text):] or (token.is_space and "\n" in token.text):
                doc[i + 1].is_sent_start = True
        return doc
