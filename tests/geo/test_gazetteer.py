"""The gazetteer: name index, normalisation, and validation of its data files."""

from __future__ import annotations

import time

import pytest

from flashpoint.errors import DataFileError
from flashpoint.geo.gazetteer import build_gazetteer, get_gazetteer, norm, strip_article
from flashpoint.geo.datafiles import COUNTRIES_FILE, REGIONS_FILE


@pytest.mark.parametrize("text, key", [
    ("the Côte d’Ivoire's", "cote d'ivoire"),
    ("BEIRUT", "beirut"),
    ("St. Petersburg", "saint petersburg"),
    ("the  Gulf", "gulf"),
])
def test_norm(text, key):
    assert norm(text) == key


def test_strip_article():
    assert strip_article("al-tanf") == "tanf"
    assert strip_article("alabama") is None


@pytest.mark.parametrize("name, kind, country", [
    ("Iraq", "country", "IRQ"),
    ("U.S.", "country", "USA"),
    ("DPRK", "country", "PRK"),
    ("Iraqi", "country", "IRQ"),
    ("Saudis", "country", "SAU"),
    ("the Gulf", "sea", None),
    ("Latin America", "region", None),
    ("Sahel", "region", None),
    ("South China Sea", "sea", None),
    ("Texas", "admin", "USA"),
    ("Qamishli", "city", "SYR"),  # GeoNames has "Al Qamishli"
])
def test_lookup_finds(gazetteer, name, kind, country):
    hits = gazetteer.lookup(name)
    assert any(h.entry.kind == kind and h.entry.country == country for h in hits), hits


@pytest.mark.parametrize("name", ["the", "said", "Xyzzyville", ""])
def test_lookup_misses(gazetteer, name):
    assert gazetteer.lookup(name) == []


def test_every_country_has_a_point(gazetteer):
    for entry in gazetteer.country.values():
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180
        assert entry.geonameid


def test_built_once_and_fast(gazetteer):
    start = time.perf_counter()
    assert get_gazetteer() is gazetteer
    assert time.perf_counter() - start < 0.01


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


HEADER_C = "iso2\tlat\tlon\taliases\tadjectives\n"
HEADER_R = "name\tkind\tcountry\tlat\tlon\tgeonameid\taliases\tadjectives\n"


@pytest.mark.parametrize("body, line, problem", [
    ("ZZ\t1\t2\t\t\n", 2, "unknown ISO"),
    ("IQ\t99\t2\t\t\n", 2, "outside"),
    ("IQ\tx\t2\t\t\n", 2, "not a number"),
    ("IQ\t1\t2\t\t\nIQ\t1\t2\t\t\n", 3, "twice"),
    ("IQ\t1\t2\t\t\tspare\n", 2, "columns"),
])
def test_bad_countries_file(tmp_path, body, line, problem):
    path = _write(tmp_path, "countries.tsv", HEADER_C + body)
    with pytest.raises(DataFileError) as info:
        build_gazetteer(countries=path, regions=REGIONS_FILE)
    assert info.value.line == line and problem in info.value.problem
    assert str(path) in str(info.value)


@pytest.mark.parametrize("body, problem", [
    ("Sahel\tdesert\t-\t14\t5\t-\t\t\n", "kind"),
    ("Sahel\tregion\tQQ\t14\t5\t-\t\t\n", "country code"),
    ("Sahel\tregion\t-\t14\t500\t-\t\t\n", "outside"),
    ("Sahel\tregion\t-\t14\t5\tabc\t\t\n", "geonameid"),
])
def test_bad_regions_file(tmp_path, body, problem):
    path = _write(tmp_path, "regions.tsv", HEADER_R + body)
    with pytest.raises(DataFileError) as info:
        build_gazetteer(countries=COUNTRIES_FILE, regions=path)
    assert info.value.line == 2 and problem in info.value.problem


def test_missing_header(tmp_path):
    path = _write(tmp_path, "regions.tsv", "Sahel\tregion\t-\t14\t5\t-\t\t\n")
    with pytest.raises(DataFileError, match="header"):
        build_gazetteer(countries=COUNTRIES_FILE, regions=path)


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        build_gazetteer(countries=tmp_path / "nope.tsv")
