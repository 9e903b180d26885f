"""The pattern files: coverage, and validation errors that name file and line."""

from __future__ import annotations

import shutil

import pytest

from flashpoint.errors import DataFileError
from flashpoint.events.patterns import DATA_DIR, load_patterns, load_patterns_from


def test_patterns_cover_all_roots_and_200_subcodes():
    codes = load_patterns().codes()
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    assert len({c for c in codes if len(c) > 2}) >= 200


def test_patterns_are_indexed_by_lemma_most_specific_first():
    patterns = load_patterns()
    lift = patterns.verbs["lift"]
    assert lift[0].specificity >= lift[-1].specificity
    assert "strike" in patterns.nouns and "threaten" in patterns.frames


@pytest.mark.parametrize(("file", "line", "problem"), [
    ("verbs.tsv", "999\tattack\n", "not a CAMEO code"),
    ("verbs.tsv", "190\tattack\t?weird\n", "cannot read"),
    ("verbs.tsv", "190\tAttack\n", "lower-case"),
    ("nouns.tsv", "190\n", "fields"),
    ("frames.tsv", "bogus\tline\n", "unexpected line"),
    ("future.tsv", "19\t9999\t-\n", "not a CAMEO code"),
])
def test_bad_pattern_lines_name_file_and_line(tmp_path, file, line, problem):
    for name in ("verbs.tsv", "nouns.tsv", "frames.tsv", "future.tsv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    with (tmp_path / file).open("a", encoding="utf-8") as handle:
        handle.write(line)
    with pytest.raises(DataFileError) as info:
        load_patterns_from(tmp_path)
    assert problem in str(info.value) and info.value.line is not None
    assert info.value.path.endswith(file)
