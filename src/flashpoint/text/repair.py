"""Repair of degraded news text, keeping an offset map back to the original.

Each rule is a pure function ``find_*(text) -> list[Edit]`` over the *original* text; the
rules' edits are merged (the first rule wins an overlap) and applied once, so one offset map
covers the whole repair. ``repair(text)`` is the plain ``str -> str`` view.

Rules only add what was lost (apostrophes, a space) or normalise a character's variant; they
never change a word into another word, so a wrong guess costs little and every span still
maps back onto the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from flashpoint.errors import DataFileError
from flashpoint.text.offsets import Edit, OffsetChain, OffsetMap, apply_edits


@dataclass(frozen=True)
class Repaired:
    text: str
    offsets: OffsetMap | OffsetChain
    edits: int


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    path = resources.files("flashpoint.text").joinpath("repair.yaml")
    # libyaml's C loader where PyYAML has it (the same data, 5x faster at start-up)
    data = yaml.load(path.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    for word, at in data["contractions"].items():
        if not 0 < at < len(word) or word.endswith("nt") and at != len(word) - 1:
            raise DataFileError(str(path), None, f"contraction {word!r}: apostrophe position "
                                f"{at} is wrong (n't forms take it before the final t)")
    return {
        "contractions": {k.lower(): v for k, v in data["contractions"].items()},
        "plural_words": frozenset(w.lower() for w in data["plural_words"]),
    }


# --- character variants -------------------------------------------------------------------

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\t": " ",
}
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\r"
_CHAR_RE = re.compile("[" + "".join(_CHAR_MAP) + _ZERO_WIDTH + "]")


def find_char_variants(text: str) -> list[Edit]:
    """Curly quotes and primes -> straight, exotic spaces -> space, zero-width chars dropped.

    >>> repair("\u201cNo,\u201d he said\u200b.", rules=(find_char_variants,))
    '"No," he said.'
    """
    return [Edit(m.start(), m.end(), _CHAR_MAP.get(m.group(), ""))
            for m in _CHAR_RE.finditer(text)]


# --- whitespace ---------------------------------------------------------------------------

_SPACES_RE = re.compile(r"(?<=\S)[ \t\u00a0]{2,}(?=\S)|[ \t\u00a0]+(?=\n)")


def find_stray_whitespace(text: str) -> list[Edit]:
    """Runs of spaces inside a line become one; spaces before a line break go.

    >>> repair("a  b \\nc", rules=(find_stray_whitespace,))
    'a b\\nc'
    """
    edits = []
    for m in _SPACES_RE.finditer(text):
        keep = " " if m.end() < len(text) and text[m.end()] != "\n" else ""
        edits.append(Edit(m.start(), m.end(), keep))
    return edits


# --- hyphenation --------------------------------------------------------------------------

_HYPHEN_BREAK_RE = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")


def find_hyphenation(text: str) -> list[Edit]:
    """A word broken across a line end ("escala-\\ntory") is joined again.

    >>> repair("an escala-\\ntory move", rules=(find_hyphenation,))
    'an escalatory move'
    """
    return [Edit(m.start(), m.end(), "") for m in _HYPHEN_BREAK_RE.finditer(text)]


# --- contractions -------------------------------------------------------------------------

_WORD_RE = re.compile(r"\b[A-Za-z]+\b")


def find_contractions(text: str) -> list[Edit]:
    """Contractions that lost their apostrophe, from a closed list of unambiguous forms.

    >>> repair("Theres no way theyd go; I dont know, it wont matter.", rules=(find_contractions,))
    "There's no way they'd go; I don't know, it won't matter."
    >>> repair("The United States and its allies", rules=(find_contractions,))
    'The United States and its allies'
    """
    table = _lexicon()["contractions"]
    edits = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        insert = table.get(word.lower())
        if insert is None or _has_apostrophe_after(text, m.end()):
            continue
        edits.append(Edit(m.start() + insert, m.start() + insert, "'"))
    return edits


def _has_apostrophe_after(text: str, end: int) -> bool:
    return end < len(text) and text[end] in "'\u2019"


# --- possessives --------------------------------------------------------------------------

_CAP_S_RE = re.compile(r"\b([A-Z][a-z]+[A-Za-z]*?)s\b(?!['\u2019])")
_NOT_POSSESSED = re.compile(r"\s*(?:[,.;:!?)]|$|and\b|or\b|are\b|were\b|have\b|had\b|who\b|"
                            r"say\b|said\b|will\b|would\b|to\b|in\b|of\b|from\b)")


def find_possessives(text: str) -> list[Edit]:
    """``Irans program`` -> ``Iran's program`` for names that occur bare elsewhere.

    Fires only where the text shows stripped apostrophes (no apostrophes at all, or
    apostrophe-less contractions), the bare name occurs in the text on its own, the ``s``
    form is not a plural known from the lexicon (States, Iraqis, Democrats, Jones), and a
    possessed noun follows.

    >>> repair("Iran said no. Irans program grew.", rules=(find_possessives,))
    "Iran said no. Iran's program grew."
    >>> repair("Secretary of State. The United States and Iraqis said so.", rules=(find_possessives,))
    'Secretary of State. The United States and Iraqis said so.'
    """
    if not _apostrophes_stripped(text):
        return []
    plural_words = _lexicon()["plural_words"]
    bare_names = _bare_capitalised_words(text)
    edits = []
    for m in _CAP_S_RE.finditer(text):
        stem, word = m.group(1), m.group()
        if word.lower() in plural_words or stem not in bare_names:
            continue
        if _NOT_POSSESSED.match(text, m.end()):
            continue
        edits.append(Edit(m.end() - 1, m.end() - 1, "'"))
    return edits


def _apostrophes_stripped(text: str) -> bool:
    if "'" not in text and "\u2019" not in text:
        return True
    table = _lexicon()["contractions"]
    return any(w.lower() in table for w in _WORD_RE.findall(text))


def _bare_capitalised_words(text: str) -> set[str]:
    return {m.group() for m in re.finditer(r"\b[A-Z][a-z]+[A-Za-z]*\b(?!['\u2019]?s\b)", text)}


# --- the pipeline -------------------------------------------------------------------------

RULES = (find_char_variants, find_stray_whitespace, find_hyphenation, find_contractions,
         find_possessives)


def repair_text(text: str, *, rules=RULES) -> Repaired:
    """Repair ``text``; the result's offset map takes repaired spans back to ``text``.

    Rules see the text as the previous pass left it ("dont\u00a0 dont": the space variant
    is normalised, then the run of spaces collapses), so passes repeat until nothing changes
    (two in practice; MAX_PASSES bounds pathological input), which makes repair idempotent.
    """
    maps: list[OffsetMap] = []
    edits = 0
    current = text
    for _ in range(MAX_PASSES):
        tagged: list[tuple[int, int, int, Edit]] = []
        for order, rule in enumerate(rules):
            tagged.extend((e.start, order, e.end, e) for e in rule(current))
        if not tagged:
            break
        current, offsets = apply_edits(current, _without_overlaps(tagged))
        maps.append(offsets)
        edits += len(offsets)
    if not maps:
        return Repaired(text, OffsetMap.identity(len(text)), 0)
    return Repaired(current, maps[0] if len(maps) == 1 else OffsetChain(tuple(maps)), edits)


MAX_PASSES = 4


def repair(text: str, *, rules=RULES) -> str:
    """The plain ``str -> str`` view of :func:`repair_text`."""
    return repair_text(text, rules=rules).text


def _without_overlaps(tagged: list[tuple[int, int, int, Edit]]) -> list[Edit]:
    """One sweep in text order; where edits touch, the one from the earlier rule wins."""
    kept: list[Edit] = []
    for _, _, _, edit in sorted(tagged, key=lambda t: (t[0], t[1])):
        if kept and (edit.start < kept[-1].end or edit.start == kept[-1].start):
            continue
        kept.append(edit)
    return kept
