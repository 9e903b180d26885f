"""The start-up cache: equal to the uncached build, keyed by its sources, never stale, and
harmless where it cannot be written."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from flashpoint import cache
from flashpoint.cache import cached, fingerprint, phrase_specs

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tokenizer():
    from flashpoint.config import DEFAULT_MODEL
    from flashpoint.nlp.pipeline import load_model

    return load_model(DEFAULT_MODEL).tokenizer


def test_location_setting_then_env_then_platform(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "env"))
    assert cache.cache_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert cache.cache_dir() == tmp_path / "env"
    monkeypatch.delenv(cache.CACHE_ENV)
    assert cache.cache_dir().name == "flashpoint"  # platformdirs' user cache folder


def test_entry_is_built_once_then_read(tmp_path):
    calls = []

    def build():
        calls.append(1)
        return {"value": [1, 2, 3]}

    first = cached("thing", key="a" * 64, build=build, directory=tmp_path)
    second = cached("thing", key="a" * 64, build=build, directory=tmp_path)
    assert first == second == {"value": [1, 2, 3]} and len(calls) == 1
    assert [p.name.split("-")[0] for p in cache.entries(tmp_path)] == ["thing"]


def test_stale_entry_is_rebuilt_and_removed(tmp_path):
    old = cached("thing", key="a" * 64, build=lambda: "old", directory=tmp_path)
    new = cached("thing", key="b" * 64, build=lambda: "new", directory=tmp_path)
    assert (old, new) == ("old", "new")
    assert len(cache.entries(tmp_path)) == 1  # the stale file is gone
    assert cached("thing", key="b" * 64, build=lambda: "rebuilt", directory=tmp_path) == "new"


def test_an_entry_whose_name_extends_another_is_not_stale(tmp_path):
    cached("thing-user-1", key="a" * 64, build=lambda: "user", directory=tmp_path)
    cached("thing", key="b" * 64, build=lambda: "builtin", directory=tmp_path)
    assert cached("thing-user-1", key="a" * 64, build=pytest.fail, directory=tmp_path) == "user"


def test_key_changes_with_any_source_byte(tmp_path):
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n")
    before = fingerprint(files=[source])
    assert fingerprint(files=[source]) == before
    source.write_text("a: 2\n")
    assert fingerprint(files=[source]) != before
    assert fingerprint(files=[source], extra=["tokenizer=x"]) != fingerprint(files=[source])


def test_corrupt_entry_is_rebuilt(tmp_path):
    cached("thing", key="c" * 64, build=lambda: "good", directory=tmp_path)
    (entry,) = cache.entries(tmp_path)
    entry.write_bytes(b"not a pickle")
    assert cached("thing", key="c" * 64, build=lambda: "again", directory=tmp_path) == "again"


def test_unwritable_location_builds_in_memory_and_says_so(tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    where = blocker / "cache"  # a folder inside a file cannot be created, even by root
    with caplog.at_level(logging.WARNING, logger="flashpoint.cache"):
        assert cached("thing", key="d" * 64, build=lambda: 42, directory=where) == 42
        assert cached("thing", key="d" * 64, build=lambda: 43, directory=where) == 43
    assert "cannot write the start-up cache" in caplog.text
    assert caplog.text.count("cannot write") == 1  # said once per process


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_builds_in_memory(tmp_path):
    where = tmp_path / "ro"
    where.mkdir()
    where.chmod(0o500)
    try:
        assert cached("thing", key="e" * 64, build=lambda: 7, directory=where) == 7
        assert cache.entries(where) == []
    finally:
        where.chmod(0o700)


def test_build_errors_are_not_cached(tmp_path):
    def broken():
        raise ValueError("bad data file")

    with pytest.raises(ValueError):
        cached("thing", key="f" * 64, build=broken, directory=tmp_path)
    assert cache.entries(tmp_path) == []


# -- the cached objects equal the uncached build -----------------------------------------------
def test_cached_dictionaries_equal_the_parsed_ones(tmp_path):
    from flashpoint.dictionaries.loader import build_dictionaries, dictionaries_key

    key = dictionaries_key()
    built = build_dictionaries()
    cached("dictionaries", key=key, build=build_dictionaries, directory=tmp_path)
    assert cached("dictionaries", key=key, build=pytest.fail, directory=tmp_path) == built


def test_cached_gazetteer_equals_the_built_one(tmp_path):
    from flashpoint.geo.gazetteer import build_gazetteer, gazetteer_key

    built = build_gazetteer()
    cached("gazetteer", key=gazetteer_key(), build=lambda: built, directory=tmp_path)
    read = cached("gazetteer", key=gazetteer_key(), build=pytest.fail, directory=tmp_path)
    assert read is not built and read == built
    assert read.country == built.country
    for name in ("Iraq", "U.S.", "Baghdad", "the Gulf", "Qamishli", "Saudis", "Paris", "Texas"):
        assert read.lookup(name) == built.lookup(name) != []


def test_phrase_specs_build_the_matcher_docs_build(tokenizer):
    texts = ["U.S.", "the United Nations", "Iran", "Prime Minister", "al-Qaeda"]
    doc = tokenizer("The U.S. and the United Nations met the prime minister of Iran and "
                    "al-Qaeda.")
    for attr in ("ORTH", "LOWER"):
        from_docs = PhraseMatcher(tokenizer.vocab, attr=attr)
        from_docs.add("K", list(tokenizer.pipe(texts)))
        from_specs = PhraseMatcher(tokenizer.vocab, attr=attr)
        from_specs.add("K", phrase_specs(tokenizer, texts, attr=attr))
        assert from_specs(doc) == from_docs(doc) != []


def test_cached_lexicon_tables_equal_the_built_ones(tmp_path, tokenizer):
    from flashpoint.actors.lexicon import assemble, build_tables
    from flashpoint.dictionaries import load_dictionaries

    dicts = load_dictionaries()
    built = build_tables(dicts, tokenizer)
    cached("lexicon", key="9" * 64, build=lambda: built, directory=tmp_path)
    read = cached("lexicon", key="9" * 64, build=pytest.fail, directory=tmp_path)
    assert read == built
    lexicon = assemble(tokenizer.vocab, dicts, read)
    doc = tokenizer("Iranian Foreign Minister Javad Zarif met Prime Minister Boris Johnson "
                    "at the Pentagon.")
    assert [doc.vocab.strings[m] for m, _, _ in lexicon.names(doc)]
    assert lexicon.agents_multi(doc)


# -- end to end: a fresh process with a warm cache ---------------------------------------------
def _analyze(cache_dir: Path, *args: str, text: str) -> subprocess.CompletedProcess:
    env = {**os.environ, cache.CACHE_ENV: str(cache_dir),
           "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "flashpoint.cli", "analyze", "-", "--date",
                           "2020-01-01", *args], input=text, env=env, capture_output=True,
                          text=True, timeout=300, check=True)


def test_a_changed_user_dictionary_is_picked_up_with_a_warm_cache(tmp_path):
    import json

    extra = tmp_path / "extra.yaml"
    text = "The Zorblat Front attacked the village.\n"
    extra.write_text("organizations:\n- {id: ZORBLAT, name: Zorblat Front, country: IRQ, "
                     "sector: REB, type: group}\n", encoding="utf-8")
    first = _analyze(tmp_path / "cache", "--actors", str(extra), text=text)
    assert "building the start-up cache" in first.stderr
    codes = {a["code"] for a in json.loads(first.stdout)["actors"]}
    assert "IRQREB" in codes

    again = _analyze(tmp_path / "cache", "--actors", str(extra), text=text)
    assert "building" not in again.stderr  # warm: nothing rebuilt
    assert json.loads(again.stdout) == json.loads(first.stdout)

    extra.write_text("organizations:\n- {id: ZORBLAT, name: Zorblat Front, country: SYR, "
                     "sector: REB, type: group}\n", encoding="utf-8")
    changed = _analyze(tmp_path / "cache", "--actors", str(extra), text=text)
    codes = {a["code"] for a in json.loads(changed.stdout)["actors"]}
    assert "SYRREB" in codes and "IRQREB" not in codes


def test_entries_unused_for_a_month_are_pruned(tmp_path):
    cached("old", key="a" * 64, build=lambda: 1, directory=tmp_path)
    (entry,) = cache.entries(tmp_path)
    month_ago = entry.stat().st_mtime - 31 * cache.DAY
    os.utime(entry, (month_ago, month_ago))
    cached("new", key="b" * 64, build=lambda: 2, directory=tmp_path)
    assert [p.name.split("-")[0] for p in cache.entries(tmp_path)] == ["new"]
