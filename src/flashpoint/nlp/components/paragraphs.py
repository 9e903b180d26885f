"""Sentence boundaries at paragraph breaks: no sentence may cross a blank line.

Runs before the parser; the parser keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.nlp.extensions import records


@Language.factory("flashpoint_paragraphs",
                  assigns=["token.is_sent_start", "doc._.fp_datelines"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    """Start a sentence at the first token after any whitespace token holding a newline.

    A single newline counts too: headlines, datelines and captions sit on lines of their own.
    """

    def __call__(self, doc: Doc) -> Doc:
        starts = [0]
        for i, token in enumerate(doc[:-1]):
            if "\n" in token.text_with_ws[len(token.text):] or (token.is_space and "\n" in token.text):
                doc[i + 1].is_sent_start = True
                starts.append(i + 1)
        datelines = records(doc, "fp_datelines")
        for start in starts:
            end = dateline_end(doc, start)
            if end is not None and end < len(doc):
                doc[end].is_sent_start = True  # "YEREVAN, March 12 - Troops fired": two parts
                datelines.append((start, end))
        return doc


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_MONTHS = frozenset("""jan jan. january feb feb. february mar mar. march apr apr. april may jun
jun. june jul jul. july aug aug. august sep sep. sept sept. september oct oct. october nov nov.
november dec dec. december""".split())


def dateline_end(doc: Doc, start: int, *, longest: int = 14) -> int | None:
    """Index of the first token after a wire dateline at ``start`` ("BEIRUT -", "YEREVAN,
    March 12 -", "WASHINGTON (Reuters) -"), or None. A dateline opens with a place in
    capitals and ends at a dash within a few tokens; between them stand only capitalised
    words, a date, commas and an agency in brackets."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_alpha and first.is_upper and len(first) >= 3):
        return None
    for i in range(start + 1, min(start + longest, len(doc))):
        token = doc[i]
        if token.text in _DASHES:
            return i + 1
        ok = (token.is_upper or token.is_punct or token.like_num or token.lower_ in _MONTHS
              or token.text[:1].isupper() and _in_brackets(doc, i, start))
        if not ok or "\n" in token.text:
            return None
    return None


def _in_brackets(doc: Doc, i: int, start: int) -> bool:
    return any(t.text == "(" for t in doc[start:i]) and i + 1 < len(doc) and doc[i + 1].text == ")"
