"""Quote marks found from the text alone: kinds of marks, paragraphs, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.quotes.marks import find_marked, has_marks, paragraphs


def _texts(text: str) -> list[tuple[str, bool, int]]:
    return [(text[m.start:m.end], m.closed, m.paragraphs) for m in find_marked(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win," and left.', [("we will win,", True, 1)]),
    ("\u201cNo deal,\u201d she said.", [("No deal,", True, 1)]),
    ("\u00abNous resterons\u00bb, a-t-il dit.", [("Nous resterons", True, 1)]),
    ("\u201eJa,\u201d sagte er.", [("Ja,", True, 1)]),
    ("''It is over,'' he said.", [("It is over,", True, 1)]),
    ('"One." "Two."', [("One.", True, 1), ("Two.", True, 1)]),
    # a continued paragraph opens with a mark and the previous one does not close
    ('"First part.\n\n"Second part," he said.', [("First part.\n\n\"Second part,", True, 2)]),
    # an unclosed quote whose next paragraph does not continue it stops at its paragraph
    ('"Never closed.\n\nNarration here.', [("Never closed.", False, 1)]),
    # ... and one running to the end of the article stops there
    ('He said: "and then it ends', [("and then it ends", False, 1)]),
    # nested single quotes stay inside the outer quote
    ('"He called it \'a farce,\' frankly," she said.', [("He called it 'a farce,' frankly,", True, 1)]),
    ("No quotes at all, he said.", []),
    ('""', []),
    ('" " "', []),
    ("Iran's and the Saudis' views", []),
])
def test_find_marked(text, expected):
    assert _texts(text) == expected


def test_paragraphs_fall_back_to_line_breaks():
    assert paragraphs("a\nb") == [(0, 1), (2, 3)]


def test_has_marks():
    assert has_marks("\u00abx\u00bb") and not has_marks("plain text, it's fine")


def test_many_quotes():
    text = " ".join(f'"Quote {i}," he said.' for i in range(500))
    assert len(find_marked(text)) == 500


@given(st.text(alphabet=st.sampled_from(list('ab .,\n"\'\u201c\u201d\u00ab\u00bb:')), max_size=200))
@settings(max_examples=300, deadline=None)
def test_find_marked_never_raises_and_stays_in_bounds(text):
    for m in find_marked(text):
        assert 0 <= m.open_at < m.start < m.end <= len(text)
