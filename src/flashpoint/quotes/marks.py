"""Quoted stretches of text found from their quote marks alone (no parse needed).

Pure functions of the text, so they are cheap to test and cannot fail on odd input: marks
that never close end at the paragraph's end; a paragraph that ends inside a quote continues
it when the next paragraph opens with a mark (the newspaper convention), and stops otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Marks that can only open or only close. Straight marks are decided from their neighbours.
_OPENERS = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", "\u2039": "\u203a"}
_CLOSERS = {"\u201d", "\u00bb", "\u203a"}
_DOUBLE = set(_OPENERS) | _CLOSERS | {'"'}
# What may stand just before an opening mark and just after a closing one.
_BEFORE_OPEN = set(" \n\t([{/-\u2014\u2013:;,")
_AFTER_CLOSE = set(" \n\t)]}/.,;:!?-\u2014\u2013'\u2019")
_PARAGRAPH_RE = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted stretch: ``start``/``end`` of the words inside the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    closed: bool  # False where the text ran out (paragraph or article) before a closing mark
    paragraphs: int = 1  # how many paragraphs it spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph: split at blank lines, else at line breaks.

    >>> paragraphs("a\\n\\nb c\\n\\n\\nd")
    [(0, 1), (3, 6), (9, 10)]
    """
    splitter = _PARAGRAPH_RE if _PARAGRAPH_RE.search(text) else re.compile(r"\n")
    spans, start = [], 0
    for match in splitter.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_PAIRED = re.compile(r"''|``")  # typewriter doubles: ''quote'' and ``quote''
_FILL = "\x00"


def _view(text: str) -> str:
    """The text with each two-character mark read as one ``"`` and a filler (same length,
    so offsets stay put).

    >>> _view("''No,'' he said").replace(_FILL, "_")
    '"_No,"_ he said'
    """
    return _PAIRED.sub('"' + _FILL, text.replace(_FILL, " "))


def _neighbour(text: str, i: int, step: int) -> str:
    i += step
    while 0 <= i < len(text) and text[i] == _FILL:
        i += step
    return text[i] if 0 <= i < len(text) else " "


def _role(text: str, i: int, quote_open: bool) -> str | None:
    """'open', 'close' or None (not usable) for the double mark at ``i``."""
    mark = text[i]
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = _neighbour(text, i, -1)
    after = _neighbour(text, i, 1)
    can_open = (before in _BEFORE_OPEN or before in _DOUBLE) and not after.isspace()
    can_close = (after in _AFTER_CLOSE or after in _DOUBLE) and not before.isspace()
    if can_open and can_close:
        return "close" if quote_open else "open"
    if can_open:
        return "open"
    if can_close:
        return "close"
    return "close" if quote_open else None  # a mark floating between spaces


def _paragraph_quotes(text: str, start: int, end: int,
                      opened: int | None = None) -> tuple[list[tuple[int, int]], int | None]:
    """Closed ``(open_at, close_at)`` pairs in one paragraph, and the offset of a mark still
    open at its end. ``opened`` carries a quote in from the previous paragraph."""
    pieces: list[tuple[int, int]] = []
    for i in range(start, end):
        if text[i] not in _DOUBLE:
            continue
        role = _role(text, i, opened is not None)
        if role == "open" and opened is None:
            opened = i
        elif role == "close" and opened is not None:
            pieces.append((opened, i))
            opened = None
        # an opener inside an open quote is a nested or stray mark: the outer quote goes on
    return pieces, opened


def find_marked(text: str) -> list[Marked]:
    """Every stretch inside double quote marks (straight, curly, low-9 or guillemets).

    >>> [text[m.start:m.end] for text in ['He said "no way," then left.'] for m in find_marked(text)]
    ['no way,']
    >>> m = find_marked('"One.\\n\\n"Two," she said.')[0]
    >>> (m.start, m.end, m.paragraphs, m.closed)
    (1, 12, 2, True)
    >>> find_marked('"Never closed') == [Marked(1, 13, 0, False)]
    True
    >>> [m.start for m in find_marked("He said ''yes.''")]
    [10]
    """
    text = _view(original := text)
    found: list[Marked] = []
    carry: tuple[int, int] | None = None  # (open_at, paragraphs) of a quote crossing a break
    last_end = 0
    for p_start, p_end in paragraphs(text):
        first = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        opened = None
        if carry is not None and text[first] in _DOUBLE:
            opened, p_start = carry[0], first + 1  # the quote goes on in this paragraph
            carry = (carry[0], carry[1] + 1)
        elif carry is not None:  # the quote ended, unclosed, with the previous paragraph
            found.append(Marked(carry[0] + 1, last_end, carry[0], False, carry[1]))
            carry = None
        pieces, still_open = _paragraph_quotes(text, p_start, p_end, opened)
        for open_at, close_at in pieces:
            count = carry[1] if carry is not None and open_at == carry[0] else 1
            found.append(Marked(open_at + 1, close_at, open_at, True, count))
        if still_open is not None:
            carry = carry if carry is not None and still_open == carry[0] else (still_open, 1)
        else:
            carry = None
        last_end = p_end
    if carry is not None:
        found.append(Marked(carry[0] + 1, last_end, carry[0], False, carry[1]))
    found = [replace(m, start=m.start + 1) if text[m.start:m.start + 1] == _FILL else m
             for m in found]
    return [m for m in found if m.end > m.start and original[m.start:m.end].strip()]


def _prev_end(text: str, at: int) -> int:
    """End of the non-blank text before ``at`` (where a quote left open stops)."""
    return len(text[:at].rstrip())


def has_marks(text: str) -> bool:
    """Whether the text holds any double quote mark at all (else they may have been stripped).

    >>> has_marks('He said "yes."'), has_marks("He said yes.")
    (True, False)
    """
    return any(ch in _DOUBLE for ch in text) or _PAIRED.search(text) is not None


def inside(marked: list[Marked], start: int, end: int) -> Marked | None:
    """The quoted stretch that contains ``[start, end)``, or None."""
    for m in marked:
        if m.open_at <= start and end <= m.end + 1:
            return m
    return None
