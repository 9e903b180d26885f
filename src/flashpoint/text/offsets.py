"""Offset maps: positions in a repaired text -> positions in the original text.

A map is a sorted list of edits ``(rep_start, rep_end, orig_start, orig_end)``; between edits
the texts run in step with a constant shift. Mapping is a bisect, so a 50 MB text with many
edits stays cheap in memory.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace ``original[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class OffsetMap:
    """Maps character offsets of a repaired text onto its original."""

    rep_starts: tuple[int, ...] = ()
    rep_ends: tuple[int, ...] = ()
    orig_starts: tuple[int, ...] = ()
    orig_ends: tuple[int, ...] = ()
    original_length: int = 0
    repaired_length: int = 0

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(original_length=length, repaired_length=length)

    def __len__(self) -> int:
        return len(self.rep_starts)

    def _shift_before(self, k: int) -> int:
        """orig - rep shift that holds after edit k-1 (before edit k)."""
        return 0 if k == 0 else self.orig_ends[k - 1] - self.rep_ends[k - 1]

    def start(self, pos: int) -> int:
        """Original offset of a span start at repaired ``pos``."""
        k = bisect.bisect_right(self.rep_starts, pos) - 1
        if k >= 0 and pos < self.rep_ends[k]:
            return self.orig_starts[k]  # inside an edit: snap to its start
        return self._clamp(pos + self._shift_before(k + 1))

    def end(self, pos: int) -> int:
        """Original offset of a span end at repaired ``pos``."""
        k = bisect.bisect_left(self.rep_ends, pos)
        if k < len(self.rep_starts) and self.rep_starts[k] < pos <= self.rep_ends[k]:
            return self.orig_ends[k]  # inside an edit: snap to its end
        k = bisect.bisect_right(self.rep_ends, pos)
        return self._clamp(pos + self._shift_before(k))

    def span(self, start: int, end: int) -> tuple[int, int]:
        s, e = self.start(start), self.end(end)
        return (s, max(s, e))

    def _clamp(self, pos: int) -> int:
        return min(max(pos, 0), self.original_length)


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits (sorted or not) and return the new text with its map.

    >>> new, m = apply_edits("dont go", [Edit(3, 3, "'")])
    >>> new, m.span(0, 5), new[0:5], m.span(6, 8)
    ("don't go", (0, 4), "don't", (5, 7))
    """
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    rs, re_, os_, oe = [], [], [], []
    pos = 0
    out_len = 0
    for e in edits:
        if e.start < pos:
            continue  # overlapping edit: the earlier one wins
        parts.append(text[pos:e.start])
        out_len += e.start - pos
        rs.append(out_len)
        parts.append(e.replacement)
        out_len += len(e.replacement)
        re_.append(out_len)
        os_.append(e.start)
        oe.append(e.end)
        pos = e.end
    parts.append(text[pos:])
    out_len += len(text) - pos
    return "".join(parts), OffsetMap(tuple(rs), tuple(re_), tuple(os_), tuple(oe), len(text),
                                     out_len)


@dataclass(frozen=True)
class OffsetChain:
    """Several maps applied in turn: ``maps[0]`` maps pass 1's output onto the original,
    ``maps[1]`` pass 2's output onto pass 1's, and so on.

    >>> _, first = apply_edits("dont  go", [Edit(3, 3, "'")])
    >>> final, second = apply_edits("don't  go", [Edit(5, 7, " ")])
    >>> final, OffsetChain((first, second)).span(6, 8)
    ("don't go", (6, 8))
    """

    maps: tuple[OffsetMap, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        for m in reversed(self.maps):
            start, end = m.span(start, end)
        return start, end

    def __len__(self) -> int:
        return sum(len(m) for m in self.maps)
