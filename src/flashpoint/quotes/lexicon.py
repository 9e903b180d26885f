"""The quote finder's word lists, loaded from ``data/*.yaml`` and validated.

A malformed file raises :class:`flashpoint.errors.DataFileError` naming the file, the line
where it can be found, and what is wrong, so a user extending the lists sees their mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from flashpoint.errors import DataFileError
from flashpoint.schema import SECTORS

_WORD_RE = re.compile(r"^[a-z]+( [a-z]+)*$")


@dataclass(frozen=True)
class Lexicon:
    speech_forms: dict[str, str]  # every inflected form -> its lemma ("told" -> "tell")
    reported_only: frozenset[str]  # lemmas that never end an unmarked direct quote
    according: tuple[str, ...]  # prepositional cues: "according to"
    object_cues: frozenset[str]  # lemmas whose direct object is the content ("denied it")
    roles: dict[str, str | None]  # role noun -> sector (None: no sector); unnamed = anonymous
    offices: dict[str, str | None]  # post noun -> sector; its holder is identified, not anonymous
    anonymous_phrases: tuple[str, ...]
    plural_pronouns: frozenset[str]
    singular_pronouns: frozenset[str]

    def speech_lemma(self, word: str) -> str | None:
        """The speech verb lemma of ``word`` (any inflection), or None.

        >>> default_lexicon().speech_lemma("Told")
        'tell'
        >>> default_lexicon().speech_lemma("walked") is None
        True
        """
        return self.speech_forms.get(word.lower())


def inflections(lemma: str) -> set[str]:
    """Regular forms of an English verb lemma.

    >>> sorted(inflections("deny"))
    ['denied', 'denies', 'deny', 'denying']
    >>> sorted(inflections("note"))
    ['note', 'noted', 'notes', 'noting']
    """
    forms = {lemma}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


def _line_of(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return None


def _load(path: Path | str, text: str) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, f"not valid YAML: {exc}")
    if not isinstance(data, dict):
        raise DataFileError(str(path), None, "expected a mapping at the top level")
    return data


def _words(path, text: str, value, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DataFileError(str(path), _line_of(text, key), f"{key!r} must be a list of words")
    bad = [w for w in value if not _WORD_RE.match(w)]
    if bad:
        raise DataFileError(str(path), _line_of(text, bad[0]),
                            f"{bad[0]!r} in {key!r} is not lower-case words separated by spaces")
    return value


def parse_cues(path, text: str) -> dict:
    """Validate ``cues.yaml``; returns the pieces of a Lexicon it defines."""
    data = _load(path, text)
    missing = {"speech", "according", "reported_only"} - set(data)
    if missing:
        raise DataFileError(str(path), None, f"missing section(s) {sorted(missing)}; "
                                             f"expected speech, according, reported_only")
    speech = data["speech"]
    if not isinstance(speech, dict) or not speech:
        raise DataFileError(str(path), _line_of(text, "speech:"),
                            "'speech' must map verb lemmas to lists of irregular forms")
    forms: dict[str, str] = {}
    for lemma, irregular in speech.items():
        _words(path, text, [lemma], "speech")
        for form in inflections(lemma) | set(_words(path, text, irregular or [], lemma)):
            forms.setdefault(form, lemma)
    reported_only = _words(path, text, data["reported_only"], "reported_only")
    objects = _words(path, text, data.get("object_cues", []), "object_cues")
    unknown = [w for w in reported_only + objects if w not in speech]
    if unknown:
        raise DataFileError(str(path), _line_of(text, f"- {unknown[0]}"),
                            f"verb {unknown[0]!r} is not listed under speech")
    return {"speech_forms": forms, "reported_only": frozenset(reported_only),
            "object_cues": frozenset(objects),
            "according": tuple(_words(path, text, data["according"], "according"))}


def parse_sources(path, text: str) -> dict:
    """Validate ``sources.yaml``; returns the pieces of a Lexicon it defines."""
    data = _load(path, text)
    tables = {}
    for key in ("roles", "offices"):
        table = data.get(key, {})
        if not isinstance(table, dict):
            raise DataFileError(str(path), _line_of(text, key),
                                f"{key!r} must map nouns to a sector or null")
        for noun, sector in table.items():
            if sector is not None and sector not in SECTORS:
                raise DataFileError(str(path), _line_of(text, f"{noun}:"),
                                    f"unknown sector {sector!r} for {noun!r}; valid: "
                                    f"{', '.join(SECTORS)}")
        tables[key] = {str(k).lower(): v for k, v in table.items()}
    return {
        "roles": tables["roles"], "offices": tables["offices"],
        "anonymous_phrases": tuple(_words(path, text, data.get("anonymous_phrases"),
                                          "anonymous_phrases")),
        "plural_pronouns": frozenset(_words(path, text, data.get("plural_pronouns"),
                                            "plural_pronouns")),
        "singular_pronouns": frozenset(_words(path, text, data.get("singular_pronouns"),
                                              "singular_pronouns")),
    }


def load_lexicon(*, cues: Path | None = None, sources: Path | None = None) -> Lexicon:
    """A Lexicon from the given files, or the package's own where a path is None."""
    pieces: dict = {}
    for path, parse, name in ((cues, parse_cues, "cues.yaml"),
                              (sources, parse_sources, "sources.yaml")):
        if path is None:
            resource = resources.files("flashpoint.quotes").joinpath("data").joinpath(name)
            pieces.update(parse(f"flashpoint/quotes/data/{name}", resource.read_text()))
        else:
            pieces.update(parse(path, Path(path).read_text(encoding="utf-8")))
    return Lexicon(**pieces)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded once per process."""
    return load_lexicon()
