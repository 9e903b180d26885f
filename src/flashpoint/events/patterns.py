"""Event patterns: the data files in ``data/`` parsed, validated and indexed by lemma.

Three files (their headers document the syntax): ``verbs.tsv`` (verbal patterns), ``nouns.tsv``
(nominal ones) and ``frames.tsv`` (appeal / intent / demand / refusal / threat verbs whose
complement picks the sub-code). Everything is indexed by trigger lemma once per process, so
matching a token is a dict lookup plus a few checks, never a loop over all patterns.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from flashpoint.errors import DataFileError
from flashpoint.events.evaluations import load_evaluations
from flashpoint.ontology import Ontology, load_ontology
from flashpoint.ontology.tsv import rows

DATA_DIR = Path(__file__).parent / "data"
FAMILIES = ("appeal", "intent", "demand", "reject", "threaten")
_WORD = re.compile(r"^[a-z][a-z'\-]*$")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One verbal or nominal pattern; ``rule`` names its file and line, for the evidence."""

    code: str
    kind: str  # "verb" | "noun"
    lemmas: frozenset[str]
    particle: str | None = None
    objects: frozenset[str] = frozenset()  # required direct-object lemmas (verbs)
    modifiers: frozenset[str] = frozenset()  # required modifier lemmas (nouns)
    prep: str | None = None  # required preposition ...
    prep_objects: frozenset[str] = frozenset()  # ... whose object has one of these lemmas
    target_preps: tuple[str, ...] = ()
    source_preps: tuple[str, ...] = ()
    no_target: bool = False
    need_target: bool = False  # without a target it is no event ("traveled", "helped")
    rule: str = ""

    @property
    def specificity(self) -> int:
        return sum((self.particle is not None, bool(self.objects), bool(self.modifiers),
                    self.prep is not None))


@dataclass(frozen=True, slots=True)
class Frame:
    """A family verb: its complement's class picks the code (frames.tsv)."""

    family: str
    default: str  # the code when the complement is a verb of no listed class
    lemma: str
    particle: str | None
    rule: str


@dataclass(frozen=True)
class PatternSet:
    verbs: dict[str, tuple[Pattern, ...]]  # lemma -> patterns, most specific first
    nouns: dict[str, tuple[Pattern, ...]]
    frames: dict[str, tuple[Frame, ...]]  # lemma -> frames
    classes: dict[str, dict[str, str]]  # complement lemma -> family -> code
    class_names: dict[str, str]  # complement lemma -> class name
    announced: dict[str, tuple[str, str | None]] = None  # cameo prefix -> (code, negated code)
    evaluations: frozenset[str] = frozenset()  # negative evaluations ("illegal", "wrong")

    def announce(self, code: str, *, negated: bool) -> str | None:
        """The code of an announced (future) action, or None to keep the event as it is."""
        for end in range(len(code), 1, -1):
            row = (self.announced or {}).get(code[:end])
            if row is not None:
                return row[1] if negated else row[0]
        return None

    def codes(self) -> set[str]:
        """Every CAMEO code some pattern can produce."""
        found = {p.code for ps in (*self.verbs.values(), *self.nouns.values()) for p in ps}
        found.update(code for by_family in self.classes.values() for code in by_family.values())
        found.update(f.default for fs in self.frames.values() for f in fs)
        found.update(c for row in (self.announced or {}).values() for c in row if c)
        return found


def _split(value: str) -> frozenset[str]:
    return frozenset(v for v in value.split("|") if v)


def parse_pattern(path: Path, line: int, code: str, text: str, kind: str) -> Pattern:
    """One pattern line's second field, parsed; DataFileError names anything it cannot read."""
    head, *parts = text.split()
    fields: dict = {"lemmas": _split(head)}
    for part in parts:
        if part.startswith("+") and kind == "verb":
            fields["particle"] = part[1:]
        elif part.startswith("obj=") and kind == "verb":
            fields["objects"] = _split(part[4:])
        elif part.startswith("mod=") and kind == "noun":
            fields["modifiers"] = _split(part[4:])
        elif part.startswith(">"):
            # in the file's order: the first that names an actor wins ("complain >about|to")
            fields["target_preps"] = tuple(dict.fromkeys(v for v in part[1:].split("|") if v))
        elif part.startswith("<"):
            fields["source_preps"] = tuple(sorted(_split(part[1:])))
        elif part == "notarget":
            fields["no_target"] = True
        elif part == "needtarget":
            fields["need_target"] = True
        elif ":" in part and kind == "verb":
            prep, _, objs = part.partition(":")
            fields["prep"], fields["prep_objects"] = prep, _split(objs)
        else:
            raise DataFileError(str(path), line, f"cannot read {part!r} in {kind} pattern "
                                                 f"{text!r}; see the file's header for the syntax")
    words = [*fields["lemmas"], *fields.get("objects", ()), *fields.get("modifiers", ()),
             *fields.get("prep_objects", ())]
    bad = [w for w in words if not _WORD.match(w)]
    if bad:
        raise DataFileError(str(path), line, f"not lower-case lemmas: {bad}")
    return Pattern(code=code, kind=kind, rule=f"{path.stem}:{line}", **fields)


def _check_code(path: Path, line: int, code: str, ontology: Ontology) -> None:
    if code not in ontology.cameo:
        raise DataFileError(str(path), line, f"{code!r} is not a CAMEO code")


def load_pattern_file(path: Path, kind: str, ontology: Ontology) -> dict[str, tuple[Pattern, ...]]:
    index: dict[str, list[Pattern]] = {}
    # Parts of a pattern may be separated by tabs or spaces.
    for line, (code, *parts) in rows(path, min_cols=2, max_cols=8):
        text = " ".join(parts)
        _check_code(path, line, code, ontology)
        pattern = parse_pattern(path, line, code, text, kind)
        for lemma in pattern.lemmas:
            index.setdefault(lemma, []).append(pattern)
    # Stable sort: the most constrained pattern is tried first, file order breaks ties.
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in index.items()}


def load_frames(path: Path, ontology: Ontology):
    frames: dict[str, list[Frame]] = {}
    classes: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    section = None
    for line, fields in rows(path, min_cols=1, max_cols=7):
        if fields[0].startswith("["):
            section = fields[0].strip("[]")
            continue
        if section == "family" and len(fields) == 3 and fields[0] in FAMILIES:
            _check_code(path, line, fields[1], ontology)
            for verb in fields[2].split("|"):
                lemma, _, particle = verb.partition(" +")
                frames.setdefault(lemma, []).append(
                    Frame(fields[0], fields[1], lemma, particle or None, f"{path.stem}:{line}"))
        elif section == "class" and len(fields) == 7:
            codes = dict(zip(FAMILIES, fields[2:], strict=True))
            for code in codes.values():
                if code != "-":
                    _check_code(path, line, code, ontology)
            for lemma in fields[1].split("|"):
                classes[lemma] = {f: c for f, c in codes.items() if c != "-"}
                names[lemma] = fields[0]
        else:
            raise DataFileError(str(path), line, f"unexpected line in section {section!r}: "
                                                 f"{fields}; sections: [family], [class]")
    # Particle frames ("call +for") before bare ones, as with the patterns.
    return ({k: tuple(sorted(v, key=lambda f: f.particle is None)) for k, v in frames.items()},
            classes, names)


def load_announced(path: Path, ontology: Ontology) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for line, (prefix, code, negated) in rows(path, min_cols=3, max_cols=3):
        for value in (prefix, code, *([negated] if negated != "-" else [])):
            _check_code(path, line, value, ontology)
        table[prefix] = (code, None if negated == "-" else negated)
    return table


def load_patterns_from(directory: Path, ontology: Ontology | None = None) -> PatternSet:
    ontology = ontology or load_ontology()
    frames, classes, names = load_frames(directory / "frames.tsv", ontology)
    return PatternSet(verbs=load_pattern_file(directory / "verbs.tsv", "verb", ontology),
                      nouns=load_pattern_file(directory / "nouns.tsv", "noun", ontology),
                      frames=frames, classes=classes, class_names=names,
                      announced=load_announced(directory / "future.tsv", ontology),
                      evaluations=load_evaluations(directory / "evaluations.tsv"))


@functools.lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    """The built-in patterns, loaded and indexed once per process."""
    return load_patterns_from(DATA_DIR)
