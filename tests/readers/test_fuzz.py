"""Property tests: readers never raise anything but a FlashpointError on arbitrary input."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.errors import FlashpointError
from flashpoint.readers.decode import decode_bytes
from flashpoint.readers.jsonl import parse_line

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=10)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200),
                 st.dictionaries(st.sampled_from(["id", "text", "date", "title", "url", "x"]),
                                 json_values, max_size=6).map(json.dumps)))
def test_parse_line_gives_an_article_or_an_input_error(line):
    try:
        article = parse_line(line, origin="f:1")
    except FlashpointError as exc:
        assert str(exc).startswith("f:1: ")
    else:
        assert isinstance(article.text, str) and article.id


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_decode_gives_text_or_an_input_error(raw):
    try:
        text = decode_bytes(raw, origin="b.txt")
    except FlashpointError as exc:
        assert str(exc).startswith("b.txt: ")
    else:
        assert isinstance(text, str) and text.strip()
