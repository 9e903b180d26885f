import io
import json

import pytest

from flashpoint.analysis import Failure
from flashpoint.errors import BinaryInputError, EmptyInputError, EncodingError, InputError
from flashpoint.readers import read_inputs
from flashpoint.readers.decode import decode_bytes


def _read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


@pytest.mark.parametrize("raw,error", [
    (b"", EmptyInputError),
    (b"   \n\t ", EmptyInputError),
    (b"\x00\x01\x02\x03 PK zip", BinaryInputError),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(0, 32)) * 4, BinaryInputError),
    ("caf\u00e9 d\u00e9j\u00e0 ".encode() + b"\xff\xfe broken", EncodingError),
])
def test_bad_bytes_are_refused_with_the_reason(raw, error):
    with pytest.raises(error) as info:
        decode_bytes(raw, origin="in.txt")
    assert str(info.value).startswith("in.txt: ")


def test_legacy_encoding_and_bom_are_decoded():
    assert decode_bytes("The caf\u00e9 closed.".encode("cp1252"), origin="x") == "The caf\u00e9 closed."
    assert decode_bytes("\ufeffHello".encode("utf-8"), origin="x") == "\ufeffHello"[1:]
    assert decode_bytes("Hello there".encode("utf-16"), origin="x") == "Hello there"


def test_directory_with_one_bad_file_reads_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x00\x00")
    (tmp_path / "c.md").write_text("Another article.")
    (tmp_path / "notes.bin").write_bytes(b"ignored")
    results = _read(tmp_path)
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert "b.txt" in str(results[1].error)


def test_jsonl_broken_and_incomplete_lines_fail_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "First.", "date": "2024-05-01T10:00:00Z", "url": "u"}),
        "{not json",
        json.dumps({"text": "no id"}),
        json.dumps({"id": "d", "text": "Last."}),
    ]))
    results = _read(path, default_date="2020-01-01")
    assert [r.id if not isinstance(r, Failure) else "fail" for r in results] == ["a", "fail", "fail", "d"]
    assert results[0].date == "2024-05-01" and results[0].url == "u"
    assert results[3].date == "2020-01-01"
    assert str(results[1].error).startswith(f"{path}:2: not valid JSON")
    assert "missing field 'id'" in str(results[2].error)


def test_missing_and_unsupported_files(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    results = _read(tmp_path / "nope.txt", tmp_path / "x.pdf")
    assert all(isinstance(r, Failure) for r in results)
    assert "no such file" in str(results[0].error)
    assert "unsupported file type '.pdf'" in str(results[1].error)


def test_html_boilerplate_removed_title_and_date_kept(tmp_path):
    body = " ".join(["The defence ministry of Ruritania said its forces shelled the border town."] * 6)
    html = (
        "<html><head><title>Shelling on the border</title>"
        '<meta property="article:published_time" content="2024-03-02"></head><body>'
        "<nav>Home | World | Sport</nav><script>alert(1)</script>"
        f"<article><h1>Shelling on the border</h1><p>{body}</p></article>"
        "<footer>Copyright Example News</footer></body></html>")
    (tmp_path / "page.html").write_text(html)
    [article] = _read(tmp_path / "page.html")
    assert "shelled the border town" in article.text
    assert "alert(1)" not in article.text and "Home | World" not in article.text
    assert article.title == "Shelling on the border"
    assert article.date == "2024-03-02"


def test_stdin():
    [article] = list(read_inputs(["-"], stdin=io.BytesIO(b"Text from a pipe.")))
    assert article.id == "stdin" and article.text == "Text from a pipe."


def test_input_error_names_origin():
    assert str(InputError("f.txt", "broken")) == "f.txt: broken"


def test_jsonl_line_separators_inside_strings_do_not_split_records(tmp_path):
    # Found in review: str.splitlines() also splits at U+2028, which JSON allows raw.
    path = tmp_path / "sep.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Iran said\u2028no."}, ensure_ascii=False)
                    + "\r\n" + json.dumps({"id": "b", "text": "Fine."}) + "\n")
    results = _read(path)
    assert [r.id for r in results] == ["a", "b"]
    assert results[0].text == "Iran said\u2028no."
