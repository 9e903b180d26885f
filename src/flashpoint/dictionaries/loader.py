"""Load and validate the actor dictionaries (YAML), built-in and user-supplied.

Every file holds any of five sections: ``countries``, ``organizations``, ``people``,
``agents``, ``peoples`` (ethnic and religious communities with one home country; lists of
mappings). A problem raises :class:`~flashpoint.errors.DataFileError`
naming the file, the line and the bad value. User files merge over the built-ins: an entry
with an existing id replaces it, a new id is added.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from pathlib import Path
from typing import Any

import yaml

from flashpoint.cache import cached, fingerprint
from flashpoint.dictionaries import model as model_module
from flashpoint.dictionaries.model import (AgentEntry, CountryEntry, Dictionaries, OrgEntry,
                                           PeoplesEntry, PersonEntry, Role)
from flashpoint.errors import DataFileError
from flashpoint.schema import SECTORS

DATA_DIR = Path(__file__).parent / "data"
SECTIONS = ("countries", "organizations", "people", "agents", "peoples")
_LINE = "__line__"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ROLE = re.compile(r"^(?P<start>[\d-]*)\.\.(?P<end>[\d-]*)\s+(?P<code>[A-Z-]{3}(?:[A-Z]{3})?)"
                   r"\s+(?P<title>.+)$")
_KEYS = {
    "countries": {"id", "iso2", "name", "aliases", "adjectives", "demonyms", "capitals", "seats"},
    "organizations": {"id", "name", "country", "sector", "type", "aliases"},
    "people": {"id", "name", "country", "sector", "roles", "aliases", "short", "died"},
    "agents": {"word", "sector", "type", "plural", "title"},
    "peoples": {"id", "name", "country", "aliases"},
}


# libyaml's C parser where PyYAML was built with it (about 10x faster), else pure Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """SafeLoader that records each mapping's line (1-based) under ``__line__``."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[_LINE] = node.start_mark.line + 1
        return mapping


# Dates stay strings: YAML would turn 2017-01-20 into a date and 2017 into an int.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp",)]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


_LOADED: dict[tuple[str, ...], Dictionaries] = {}
_LOCK = threading.Lock()


def load_dictionaries(*, extra: tuple[str, ...] = (),
                      cache_dir: str | os.PathLike | None = None) -> Dictionaries:
    """The built-in dictionaries merged with the user files ``extra`` (in order).

    Once per process; read from the start-up cache in ``cache_dir`` (see
    :func:`flashpoint.cache.cache_dir`) while no source changed: the built-in files, the
    user files (path and contents) and this loader's code.
    """
    extra = tuple(str(p) for p in extra)
    with _LOCK:
        found = _LOADED.get(extra)
        if found is None:
            found = _LOADED[extra] = cached(_entry_name(extra), key=dictionaries_key(extra),
                                            build=lambda: build_dictionaries(extra=extra),
                                            directory=cache_dir)
        return found


def dictionaries_key(extra: tuple[str, ...] = ()) -> str | None:
    """The start-up cache key of the dictionaries with user files ``extra`` (None when a file
    cannot be read: the build then reports it)."""
    files = (*sorted(DATA_DIR.glob("*.yaml")), *extra, Path(__file__),
             Path(model_module.__file__))
    try:
        return fingerprint(files=files, extra=(f"yaml={_SafeLoader.__name__}",))
    except OSError:
        return None


def _entry_name(extra: tuple[str, ...]) -> str:
    if not extra:
        return "dictionaries"
    return "dictionaries-user-" + hashlib.sha256("\0".join(extra).encode()).hexdigest()[:12]


def build_dictionaries(*, extra: tuple[str, ...] = ()) -> Dictionaries:
    """The built-in dictionaries merged with the user files ``extra``, parsed now (no cache)."""
    dicts = Dictionaries()
    for path in sorted(DATA_DIR.glob("*.yaml")):
        _merge(dicts, read_file(path, known=dicts.countries), override=False)
    for path in extra:
        merge_user_dictionary(dicts, path)
    return dicts


def merge_user_dictionary(dicts: Dictionaries, path: str | Path) -> Dictionaries:
    """Merge a user's YAML file (same format as the built-ins) over ``dicts``, in place."""
    _merge(dicts, read_file(Path(path), known=dicts.countries), override=True)
    return dicts


def read_file(path: Path, *, known: dict[str, CountryEntry] | None = None) -> Dictionaries:
    """Parse and validate one file; ``known`` countries are valid codes besides the file's own."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        if "nesting depth" in problem:  # libyaml's cap on "[[[[...", PyYAML's RecursionError
            problem = "nested too deeply"
        raise DataFileError(str(path), mark.line + 1 if mark else None,
                            f"not valid YAML: {problem}") from exc
    except RecursionError:  # PyYAML parses nesting recursively: "[[[[..." exhausts the stack
        raise DataFileError(str(path), None, "not valid YAML: nested too deeply") from None
    if not isinstance(data, dict):
        raise DataFileError(str(path), 1, f"expected a mapping with sections {', '.join(SECTIONS)}")
    return _Reader(str(path), known or {}).read(data)


def _merge(into: Dictionaries, new: Dictionaries, *, override: bool) -> None:
    for name in SECTIONS:
        target, incoming = getattr(into, name), getattr(new, name)
        for key, entry in incoming.items():
            if key in target and not override:
                raise DataFileError(entry.source.rsplit(":", 1)[0], _line_of(entry),
                                    f"duplicate {name} id {key!r} (first in {target[key].source})")
            target[key] = entry


def _line_of(entry) -> int | None:
    tail = entry.source.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


class _Reader:
    """Validates the sections of one parsed file, entry by entry."""

    def __init__(self, path: str, known: dict[str, CountryEntry]) -> None:
        self.path, self.known = path, known
        self.line = 1
        self.people_forms: dict[str, str] = {}  # "Yorubas" -> the peoples entry's source

    def fail(self, problem: str):
        raise DataFileError(self.path, self.line, problem)

    def read(self, data: dict[str, Any]) -> Dictionaries:
        data.pop(_LINE, None)
        unknown = set(data) - set(SECTIONS)
        if unknown:
            # key=str: YAML keys may be null, numbers and strings at once
            self.fail(f"unknown section(s) {sorted(unknown, key=str)}; valid: "
                      f"{', '.join(SECTIONS)}")
        out = Dictionaries()
        for name in SECTIONS:  # countries first: later sections check codes against them
            items = data.get(name) or []
            if not isinstance(items, list):
                self.fail(f"section {name!r} must be a list of entries")
            parse = getattr(self, f"_{name}")
            target = getattr(out, name)
            for item in items:
                entry = self._entry(name, item, parse)
                key = entry.word if name == "agents" else entry.id
                if key in target:
                    self.fail(f"duplicate {name} id {key!r} (first at {target[key].source})")
                target[key] = entry
                if name == "countries":
                    self.known = {**self.known, key: entry}
        return out

    def _entry(self, section: str, item: Any, parse):
        if not isinstance(item, dict):
            self.fail(f"each {section} entry must be a mapping, got {item!r}")
        self.line = item.pop(_LINE, self.line)
        extra = set(item) - _KEYS[section]
        if extra:
            self.fail(f"unknown key(s) {sorted(extra, key=str)} in {section}; valid: "
                      f"{', '.join(sorted(_KEYS[section]))}")
        return parse(item, f"{self.path}:{self.line}")

    # -- field checks -------------------------------------------------------------------
    def text(self, item, key, *, required=True) -> str | None:
        value = item.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty string, got {value!r}")
        return value.strip()

    def names(self, item, key) -> tuple[str, ...]:
        value = item.get(key) or []
        if isinstance(value, str):
            value = [value]
        # A number or a mapping where a list belongs is the user's mistake, not a crash.
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.fail(f"{key!r} must be a list of non-empty strings, got {value!r}")
        return tuple(v.strip() for v in value)

    def sector(self, value, *, required=True) -> str | None:
        if value is None and not required:
            return None
        if value not in SECTORS:
            self.fail(f"unknown sector {value!r}; valid: {', '.join(SECTORS)}")
        return value

    def country(self, value) -> str | None:
        if value is None:
            return None
        if not (isinstance(value, str) and value in self.known):
            self.fail(f"unknown country code {value!r}: use an ISO 3166-1 alpha-3 code "
                      f"defined in a countries section (e.g. USA, IRN, IRQ)")
        return value

    def date(self, value, *, pad_end=False) -> str | None:
        if value in (None, ""):
            return None
        value = str(value)
        if not _DATE.match(value):
            self.fail(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
        parts = value.split("-")
        if not (1 <= int(parts[1] if len(parts) > 1 else 1) <= 12
                and 1 <= int(parts[2] if len(parts) > 2 else 1) <= 31):
            self.fail(f"bad date {value!r}: month or day out of range")
        return value + "-01" * (3 - len(parts))

    def choice(self, item, key, options, default):
        value = item.get(key, default)
        if value not in options:
            self.fail(f"{key!r} must be one of {', '.join(options)}, got {value!r}")
        return value

    # -- sections -----------------------------------------------------------------------
    def _countries(self, item, source) -> CountryEntry:
        iso3, iso2 = self.text(item, "id"), self.text(item, "iso2")
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            self.fail(f"bad ISO 3166-1 alpha-3 code {iso3!r} (three capital letters)")
        if not re.fullmatch(r"[A-Z]{2}", iso2):
            self.fail(f"bad ISO 3166-1 alpha-2 code {iso2!r} (two capital letters)")
        seats = item.get("seats") or {}
        if not isinstance(seats, dict):
            self.fail(f"'seats' must map a name to a sector, got {seats!r}")
        seats.pop(_LINE, None)
        pairs = tuple((str(k), self.sector(v)) for k, v in seats.items())
        return CountryEntry(id=iso3, iso2=iso2, name=self.text(item, "name"),
                            aliases=self.names(item, "aliases"),
                            adjectives=self.names(item, "adjectives"),
                            demonyms=self.names(item, "demonyms"),
                            capitals=self.names(item, "capitals"), seats=pairs, source=source)

    def _organizations(self, item, source) -> OrgEntry:
        return OrgEntry(id=self.text(item, "id"), name=self.text(item, "name"),
                        country=self.country(item.get("country")),
                        sector=self.sector(item.get("sector")),
                        type=self.choice(item, "type", ("organization", "group"), "organization"),
                        aliases=self.names(item, "aliases"), source=source)

    def _people(self, item, source) -> PersonEntry:
        name = self.text(item, "name")
        pid = item.get("id") or _slug(name)
        roles = tuple(self._role(r) for r in self.names(item, "roles"))
        sector = self.sector(item.get("sector"), required=not roles)
        return PersonEntry(id=str(pid), name=name, country=self.country(item.get("country")),
                           sector=sector, roles=roles, aliases=self.names(item, "aliases"),
                           short=self.names(item, "short") if "short" in item else None,
                           died=self.date(item.get("died")),
                           source=source)

    def _role(self, text: str) -> Role:
        m = _ROLE.match(text)
        if not m:
            self.fail(f"bad role {text!r}: write 'START..END SECTOR Title' "
                      f"(e.g. '2017-01-20..2021-01-20 GOV President'; END may be empty)")
        code, country = m["code"], None
        if len(code) == 6:  # "PRTGOV": a role held for another country; "---IGO": none
            country, code = ("---" if code[:3] == "---" else self.country(code[:3])), code[3:]
        start, end = self.date(m["start"]), self.date(m["end"])
        if start and end and end <= start:
            self.fail(f"bad role {text!r}: ends before it starts")
        return Role(start=start, end=end, sector=self.sector(code), title=m["title"].strip(),
                    country=country)

    def _agents(self, item, source) -> AgentEntry:
        word = self.text(item, "word").lower()
        plural = item.get("plural")
        return AgentEntry(word=word, sector=self.sector(item.get("sector")),
                          type=self.choice(item, "type", ("person", "group", "organization"),
                                           "person"),
                          plural=str(plural).lower() if plural else None,
                          title=bool(item.get("title", False)), source=source)


    def _peoples(self, item, source) -> PeoplesEntry:
        name = self.text(item, "name")
        country = item.get("country")
        if country is None:  # no single home country: leave the group out of the data
            self.fail(f"peoples entry {name!r} needs a 'country' (its one clear home)")
        entry = PeoplesEntry(id=str(item.get("id") or _slug(name)), name=name,
                             country=self.country(country), aliases=self.names(item, "aliases"),
                             source=source)
        national = {t for c in self.known.values()
                    for t in (c.name, *c.aliases, *c.adjectives, *c.demonyms)}
        for form in entry.forms:
            if form in national:
                self.fail(f"peoples form {form!r} is already a country's name or nationality")
            if form in self.people_forms:
                self.fail(f"duplicate peoples name {form!r} (first at {self.people_forms[form]})")
            self.people_forms[form] = source
        return entry


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
