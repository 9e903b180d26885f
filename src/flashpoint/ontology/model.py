"""The event ontology: CAMEO codes, PLOVER types, the crosswalk between them, and contexts.

Everything is read from the versioned files in ``data/`` and validated on load
(:func:`load_ontology`); a malformed file raises :class:`flashpoint.errors.DataFileError`
naming the file and line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.errors import DataFileError
from flashpoint.ontology.tsv import parse_float, rows

DATA_DIR = Path(__file__).parent / "data"
_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    quad_class: int
    goldstein: float

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    intensity: float
    modes: dict[str, float]  # mode -> intensity
    description: str


@dataclass(frozen=True, slots=True)
class Coding:
    """Everything an event carries about its code, resolved once per CAMEO code."""

    cameo: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None
    mode: str | None
    intensity: float | None
    contexts: tuple[str, ...]


@dataclass(frozen=True)
class Ontology:
    cameo: dict[str, CameoCode]
    plover: dict[str, PloverType]
    crosswalk: dict[str, tuple[str | None, str | None]]
    context_defaults: dict[str, tuple[str, ...]]
    context_cues: dict[str, str] = field(default_factory=dict)  # cue lemma -> context
    codings: dict[str, Coding] = field(default_factory=dict)  # resolved once, at load

    def coding(self, code: str) -> Coding:
        """The full coding of a CAMEO code; KeyError if the code is not in CAMEO."""
        return self.codings[code]

    def contexts(self, code: str, lemmas: Iterable[str] = ()) -> tuple[str, ...]:
        """The code's default contexts plus those cued by ``lemmas`` (the sentence's), sorted."""
        found = set(_by_prefix(self.context_defaults, code) or ())
        found.update(self.context_cues[lemma] for lemma in lemmas if lemma in self.context_cues)
        return tuple(sorted(found))


def _by_prefix(table: dict, code: str):
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    return None


def _coding(ontology: Ontology, code: str) -> Coding:
    entry = ontology.cameo[code]
    plover, mode = _by_prefix(ontology.crosswalk, code) or (None, None)
    intensity = None
    if plover is not None:
        ptype = ontology.plover[plover]
        intensity = ptype.modes.get(mode, ptype.intensity) if mode else ptype.intensity
    return Coding(cameo=code, root=entry.root, name=entry.name, quad_class=entry.quad_class,
                  goldstein=entry.goldstein, plover=plover, mode=mode, intensity=intensity,
                  contexts=tuple(_by_prefix(ontology.context_defaults, code) or ()))


def load_cameo(path: Path) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for line, (code, quad, goldstein, name) in rows(path, min_cols=4, max_cols=4):
        if not _CODE.match(code):
            raise DataFileError(str(path), line, f"{code!r} is not a CAMEO code (2-4 digits, "
                                                 "root 01-20)")
        if code in codes:
            raise DataFileError(str(path), line, f"duplicate CAMEO code {code!r}")
        if quad not in {"1", "2", "3", "4"}:
            raise DataFileError(str(path), line, f"quad class {quad!r} is not one of 1, 2, 3, 4")
        if len(code) > 2 and code[:len(code) - 1 if len(code) == 4 else 2] not in codes:
            raise DataFileError(str(path), line, f"code {code!r} comes before its parent")
        if len(code) > 2 and codes[code[:2]].quad_class != int(quad):
            raise DataFileError(str(path), line, f"quad class of {code!r} differs from its root's")
        codes[code] = CameoCode(code, name, int(quad),
                                parse_float(path, line, goldstein, "Goldstein value", -10, 10))
    missing = [f"{r:02d}" for r in range(1, 21) if f"{r:02d}" not in codes]
    if missing:
        raise DataFileError(str(path), None, f"missing CAMEO root codes {missing}")
    return codes


def load_plover(path: Path) -> dict[str, PloverType]:
    types: dict[str, PloverType] = {}
    for line, (name, intensity, modes, description) in rows(path, min_cols=4, max_cols=4):
        if not re.fullmatch(r"[A-Z]+", name) or name in types:
            raise DataFileError(str(path), line, f"bad or duplicate PLOVER type {name!r}")
        base = parse_float(path, line, intensity, "intensity", -10, 10)
        parsed: dict[str, float] = {}
        for item in filter(None, modes.split(",")):
            mode, _, score = item.partition("=")
            parsed[mode] = parse_float(path, line, score, f"intensity of mode {mode!r}", -10,
                                       10) if score else base
        types[name] = PloverType(name, base, parsed, description)
    return types


def load_crosswalk(path: Path, cameo: dict[str, CameoCode],
                   plover: dict[str, PloverType]) -> dict[str, tuple[str | None, str | None]]:
    table: dict[str, tuple[str | None, str | None]] = {}
    for line, (code, ptype, mode) in rows(path, min_cols=3, max_cols=3):
        if code not in cameo:
            raise DataFileError(str(path), line, f"{code!r} is not a CAMEO code")
        if ptype != "-" and ptype not in plover:
            raise DataFileError(str(path), line, f"unknown PLOVER type {ptype!r}; valid: "
                                                 f"{', '.join(sorted(plover))}")
        if mode != "-" and (ptype == "-" or mode not in plover[ptype].modes):
            valid = ", ".join(plover[ptype].modes) if ptype != "-" else "none"
            raise DataFileError(str(path), line, f"mode {mode!r} is not a mode of {ptype}; "
                                                 f"valid: {valid}")
        table[code] = (None if ptype == "-" else ptype, None if mode == "-" else mode)
    unmapped = [c for c in cameo if _by_prefix(table, c) is None]
    if unmapped:
        raise DataFileError(str(path), None, f"CAMEO codes with no crosswalk entry: {unmapped}")
    return table


def load_contexts(path: Path) -> dict[str, str]:
    """Cue lemma -> context name."""
    cues: dict[str, str] = {}
    for _line, (name, _description, words) in rows(path, min_cols=3, max_cols=3):
        for word in filter(None, words.split(",")):
            cues.setdefault(word, name)
    return cues


def load_context_defaults(path: Path, cameo: dict[str, CameoCode],
                          names: set[str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line, (code, contexts) in rows(path, min_cols=2, max_cols=2):
        values = tuple(c for c in contexts.split(",") if c)
        unknown = [c for c in values if c not in names]
        if code not in cameo or unknown:
            raise DataFileError(str(path), line, f"unknown code {code!r} or contexts {unknown}; "
                                                 f"valid contexts: {', '.join(sorted(names))}")
        table[code] = values
    return table


def load_ontology_from(directory: Path) -> Ontology:
    """Load and cross-validate every ontology file in ``directory``."""
    cameo = load_cameo(directory / "cameo.tsv")
    plover = load_plover(directory / "plover_types.tsv")
    cues = load_contexts(directory / "plover_contexts.txt")
    names = set(cues.values())
    ontology = Ontology(
        cameo=cameo, plover=plover,
        crosswalk=load_crosswalk(directory / "crosswalk.tsv", cameo, plover),
        context_defaults=load_context_defaults(directory / "context_defaults.tsv", cameo, names),
        context_cues=cues)
    ontology.codings.update((code, _coding(ontology, code)) for code in cameo)
    return ontology


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The built-in ontology, loaded once per process."""
    return load_ontology_from(DATA_DIR)
