import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.text.offsets import Edit, apply_edits
from flashpoint.text.repair import repair, repair_text

CASES = [
    # (degraded, repaired)
    ("I dont know", "I don't know"),
    ("Theres no chance theyd go", "There's no chance they'd go"),
    ("it wont matter and they cant", "it won't matter and they can't"),
    ("he doesnt and she didnt; it isnt, we couldnt", "he doesn't and she didn't; it isn't, we couldn't"),
    ("they werent, it wasnt, we havent, you shouldnt", "they weren't, it wasn't, we haven't, you shouldn't"),
    ("Whats next? Im here.", "What's next? I'm here."),
    ("Iran said no. Irans leaders met.", "Iran said no. Iran's leaders met."),
    ("Trump spoke. Trumps hard line held.", "Trump spoke. Trump's hard line held."),
    ("each others drones", "each others drones"),
    ("\u201cNo,\u201d he said", '"No," he said'),
    ("an escala-\ntory move", "an escalatory move"),
    ("two  spaces", "two spaces"),
]
NEGATIVE = [
    "The United States and its allies",  # States, its
    "Secretary of State. The United States acted.",  # State appears bare
    "Jones said. Mr Jones left.",
    "Many Iraqis are angry. An Iraqi said so.",  # plural demonym
    "Iran's leaders met. Irans",  # apostrophes present and no stripped contractions
    "We were there and we'll see.",
    "It is well known; its hell.",
]


@pytest.mark.parametrize("degraded,expected", CASES)
def test_repairs(degraded, expected):
    assert repair(degraded) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_never_breaks_real_words(text):
    assert repair(text) == text


def test_offsets_point_into_original():
    original = "Theres no chance Irans leaders wont respond. Iran said so."
    r = repair_text(original)
    start = r.text.index("Iran's")
    s, e = r.offsets.span(start, start + len("Iran's"))
    assert original[s:e] == "Irans"
    start = r.text.index("respond")
    s, e = r.offsets.span(start, start + len("respond"))
    assert original[s:e] == "respond"


def test_apply_edits_maps_inserted_and_deleted():
    new, m = apply_edits("ab-\ncd x", [Edit(2, 4, "")])
    assert new == "abcd x"
    assert m.span(0, 4) == (0, 6)
    assert m.span(5, 6) == (7, 8)


def _skeleton(s: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", s)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["dont ", "Irans ", "Iran ", "theyd ", "States ",
                                           "its ", "-\n", "\u201c", "  ", "\u200b", "x. "]),
                          st.text(max_size=5)), max_size=20).map("".join))
def test_repair_is_idempotent_and_mappable(text):
    r = repair_text(text)
    assert repair(r.text) == r.text
    for m in re.finditer(r"\w+", r.text):
        s, e = r.offsets.span(m.start(), m.end())
        assert 0 <= s <= e <= len(text)
        assert _skeleton(text[s:e]) == _skeleton(m.group())
    s, e = r.offsets.span(0, len(r.text))
    assert 0 <= s <= e <= len(text)


def test_regression_space_variant_inside_a_run_is_repaired_in_one_call():
    # Found by Hypothesis: the variant was normalised but the run it sat in survived.
    text = "dont\u00a0 dont "
    assert repair(text) == "don't don't " == repair(repair(text))
