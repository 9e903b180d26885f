"""Readers: inputs (files, directories, JSON Lines, HTML, standard input) -> Articles.

``read_inputs`` yields an :class:`~flashpoint.schema.Article` for every article it can read
and a :class:`~flashpoint.analysis.Failure` for every one it cannot, so one bad file never
stops the others.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from flashpoint.errors import FlashpointError, InputError
from flashpoint.readers.decode import decode_bytes
from flashpoint.readers.webpage import read_html
from flashpoint.readers.jsonl import read_jsonl
from flashpoint.readers.plaintext import read_text
from flashpoint.schema import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES


def read_inputs(inputs: Iterable[str], *, default_date: str | None = None,
                stdin=None) -> Iterator[Article | "Failure"]:  # noqa: F821
    """Read every input; ``-`` is standard input. Directories give every supported file in them."""
    from flashpoint.analysis import Failure  # local: analysis imports the NLP stack

    for item in inputs:
        if item == "-":
            yield from _guard("-", lambda: [_read_stdin(stdin, default_date)], Failure)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED)
            if not files:
                yield Failure(_placeholder(item), InputError(
                    item, f"directory has no {', '.join(SUPPORTED)} files"))
            for file in files:
                yield from _guard(str(file), lambda f=file: read_file(f, default_date=default_date),
                                  Failure)
        else:
            yield from _guard(item, lambda p=path: read_file(p, default_date=default_date),
                              Failure)


def read_file(path: Path, *, default_date: str | None = None
              ) -> Iterator[Article | "Failure"]:  # noqa: F821
    """Read one file into articles (one, or one per line for JSON Lines)."""
    origin = str(path)
    if not path.exists():
        raise InputError(origin, "no such file or directory")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(origin, f"unsupported file type {suffix or '(none)'!r}; "
                                 f"supported: {', '.join(SUPPORTED)}")
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, default_date=default_date)
        return
    raw = path.read_bytes()
    text = decode_bytes(raw, origin=origin)
    named = date_from_name(path.stem)
    if suffix in HTML_SUFFIXES:
        yield read_html(text, id=path.stem, origin=origin, default_date=named or default_date,
                        default_basis="file-name" if named else "given")
    else:
        yield read_text(text, id=path.stem, origin=origin, date=named,
                        date_basis="file-name" if named else None, default_date=default_date)


def date_from_name(stem: str) -> str | None:
    """A leading ISO date in a file name is the article's date.

    >>> date_from_name("2020-01-03_soleimani"), date_from_name("2020-13-40-x"), date_from_name("a")
    ('2020-01-03', None, None)
    """
    import datetime as dt

    match = re.match(r"(\d{4}-\d{2}-\d{2})(?!\d)", stem)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def _read_stdin(stdin, default_date: str | None) -> Article:
    stream = stdin if stdin is not None else sys.stdin.buffer
    raw = stream.read()
    text = decode_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"), origin="-")
    if text.lstrip().startswith("<") and "</" in text[:5000]:
        return read_html(text, id="stdin", origin="-", default_date=default_date)
    return read_text(text, id="stdin", origin="-", default_date=default_date)


def _guard(origin: str, produce, failure_cls) -> Iterator:
    """Yield what ``produce`` yields; turn a FlashpointError or OSError into a Failure."""
    try:
        yield from produce()
    except FlashpointError as exc:
        yield failure_cls(_placeholder(origin), exc)
    except OSError as exc:
        yield failure_cls(_placeholder(origin), InputError(origin, exc.strerror or str(exc)))


def _placeholder(origin: str) -> Article:
    stem = Path(origin).stem if origin != "-" else "stdin"
    return Article(id=stem, text="", origin=origin)


__all__ = ["read_inputs", "read_file", "SUPPORTED"]
