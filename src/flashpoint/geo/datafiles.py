"""Loaders for the gazetteer's own data files (``geo/data/*.tsv``), validated line by line.

Every problem raises :class:`flashpoint.errors.DataFileError` naming the file and the line, so
a bad edit to a table fails loudly at start-up instead of silently dropping places.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flashpoint.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"
COUNTRIES_FILE = DATA_DIR / "countries.tsv"
REGIONS_FILE = DATA_DIR / "regions.tsv"

REGION_KINDS = ("region", "sea", "admin")
# geonameid column values that are not numbers but say where the id comes from.
ID_SOURCES = ("-", "continent", "us_state")


@dataclass(frozen=True, slots=True)
class CountryRow:
    iso2: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class RegionRow:
    name: str
    kind: str
    country: str | None  # iso2
    lat: float
    lon: float
    geonameid: int | str | None  # an id, or one of ID_SOURCES other than "-"
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    line: int


def _rows(path: Path, header: str, width: int) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, fields)`` for data lines; comments and the header are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    seen_header = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if not seen_header:
            if fields[0] != header:
                raise DataFileError(str(path), number,
                                    f"expected a header line starting {header!r}, got {fields[0]!r}")
            seen_header = True
            continue
        if len(fields) < width:  # trailing empty columns may be trimmed by editors
            fields += [""] * (width - len(fields))
        if len(fields) != width:
            raise DataFileError(str(path), number,
                                f"expected {width} tab-separated columns, got {len(fields)}")
        yield number, [f.strip() for f in fields]


def _coord(path: Path, line: int, value: str, name: str, limit: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise DataFileError(str(path), line, f"{name} {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise DataFileError(str(path), line, f"{name} {number} is outside [-{limit}, {limit}]")
    return number


def _names(value: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in value.split(";") if n.strip())


def load_countries(path: Path = COUNTRIES_FILE, *, known: frozenset[str]) -> list[CountryRow]:
    """Country centroid/alias/adjective rows; ``known`` is the set of valid ISO2 codes."""
    rows, seen = [], set()
    for line, (iso2, lat, lon, aliases, adjectives) in _rows(path, "iso2", 5):
        if iso2 not in known:
            raise DataFileError(str(path), line, f"unknown ISO 3166-1 alpha-2 code {iso2!r}")
        if iso2 in seen:
            raise DataFileError(str(path), line, f"country {iso2!r} listed twice")
        seen.add(iso2)
        rows.append(CountryRow(iso2, _coord(path, line, lat, "lat", 90),
                               _coord(path, line, lon, "lon", 180), _names(aliases),
                               _names(adjectives), line))
    return rows


def load_regions(path: Path = REGIONS_FILE, *, known: frozenset[str]) -> list[RegionRow]:
    """Region/sea/admin rows; ``known`` is the set of valid ISO2 codes."""
    rows = []
    for line, fields in _rows(path, "name", 8):
        name, kind, country, lat, lon, gid, aliases, adjectives = fields
        if not name:
            raise DataFileError(str(path), line, "empty name")
        if kind not in REGION_KINDS:
            raise DataFileError(str(path), line,
                                f"kind {kind!r} is not one of {', '.join(REGION_KINDS)}")
        if country != "-" and country not in known:
            raise DataFileError(str(path), line, f"unknown country code {country!r} (or '-')")
        rows.append(RegionRow(name, kind, None if country == "-" else country,
                              _coord(path, line, lat, "lat", 90),
                              _coord(path, line, lon, "lon", 180), _geonameid(path, line, gid),
                              _names(aliases), _names(adjectives), line))
    return rows


def _geonameid(path: Path, line: int, value: str) -> int | str | None:
    if value == "-" or value == "":
        return None
    if value in ID_SOURCES:
        return value
    if value.isdigit():
        return int(value)
    raise DataFileError(str(path), line,
                        f"geonameid {value!r} is not a number or one of {', '.join(ID_SOURCES)}")
