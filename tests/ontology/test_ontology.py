"""The ontology files: CAMEO, PLOVER, the crosswalk, and validation errors."""

from __future__ import annotations

import shutil

import pytest

from flashpoint.errors import DataFileError
from flashpoint.ontology import load_ontology, load_ontology_from
from flashpoint.ontology.model import DATA_DIR


def test_cameo_has_roots_and_about_300_codes():
    ontology = load_ontology()
    assert {c for c in ontology.cameo if len(c) == 2} == {f"{r:02d}" for r in range(1, 21)}
    assert len(ontology.cameo) >= 290


@pytest.mark.parametrize(("code", "plover", "quad"), [
    ("186", "ASSAULT", 4), ("1952", "ASSAULT", 4), ("163", "SANCTION", 4), ("111", "ACCUSE", 3),
    ("051", "SUPPORT", 2), ("0874", "RETREAT", 2), ("1053", "REQUEST", 3), ("036", "AGREE", 1),
    ("173", "COERCE", 4), ("154", "MOBILIZE", 4), ("1412", "PROTEST", 3), ("138", "THREATEN", 3),
    ("010", None, 1),
])
def test_crosswalk(code, plover, quad):
    coding = load_ontology().coding(code)
    assert (coding.plover, coding.quad_class, coding.root) == (plover, quad, code[:2])
    assert -10 <= coding.goldstein <= 10
    assert (coding.intensity is None) == (plover is None)


def test_every_plover_mode_in_crosswalk_is_declared():
    ontology = load_ontology()
    for code in ontology.cameo:
        coding = ontology.coding(code)
        if coding.mode:
            assert coding.mode in ontology.plover[coding.plover].modes


def test_contexts_from_code_and_sentence():
    ontology = load_ontology()
    assert "economic" in ontology.contexts("163")
    assert "resource" in ontology.contexts("190", ["oil", "tanker"])


@pytest.mark.parametrize(("file", "line", "problem"), [
    ("cameo.tsv", "21\t4\t-1.0\tNot a root\n", "not a CAMEO code"),
    ("cameo.tsv", "1999\t4\t-1.0\tOrphan\n", "parent"),
    ("cameo.tsv", "199\t5\t-1.0\tBad quad\n", "quad class"),
    ("cameo.tsv", "199\t4\t-11\tToo hostile\n", "outside"),
    ("crosswalk.tsv", "190\tFIGHT\t-\n", "unknown PLOVER type"),
    ("crosswalk.tsv", "190\tASSAULT\tpillow\n", "not a mode"),
    ("plover_types.tsv", "ASSAULT\tx\t\tdup\n", "duplicate"),
    ("context_defaults.tsv", "19\tnowhere\n", "unknown"),
])
def test_bad_ontology_lines_name_file_and_line(tmp_path, file, line, problem):
    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    with (tmp_path / file).open("a", encoding="utf-8") as handle:
        handle.write(line)
    with pytest.raises(DataFileError) as info:
        load_ontology_from(tmp_path)
    assert problem in str(info.value)
    assert info.value.path.endswith(file)
