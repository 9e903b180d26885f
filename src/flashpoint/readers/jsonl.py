"""JSON Lines articles: one object per line with ``id`` and ``text``; broken lines fail alone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from flashpoint.errors import InputError
from flashpoint.readers.decode import decode_bytes, require_unicode
from flashpoint.readers.plaintext import date_or_default
from flashpoint.schema import Article

OPTIONAL = ("title", "date", "source", "url")


def read_jsonl(path: Path, *, default_date: str | None = None) -> Iterator:
    """Yield an Article per good line and a Failure per bad one (naming file and line)."""
    from flashpoint.analysis import Failure

    text = decode_bytes(path.read_bytes(), origin=str(path))
    # Only \n ends a record: str.splitlines() would also split at U+2028 and other
    # separators that JSON allows raw inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            yield parse_line(line, origin=origin, default_date=default_date)
        except InputError as exc:
            yield Failure(Article(id=f"{path.stem}-{number}", text="", origin=origin), exc)


def parse_line(line: str, *, origin: str, default_date: str | None = None) -> Article:
    """One JSON Lines record -> Article.

    >>> parse_line('{"id": "a1", "text": "Hello.", "date": "2020-01-03"}', origin="f:1").date
    '2020-01-03'
    >>> parse_line('{"text": "x"}', origin="f:2")
    Traceback (most recent call last):
    flashpoint.errors.InputError: f:2: missing field 'id' (each line needs "id" and "text")
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object, got {type(record).__name__}")
    for key in ("id", "text"):
        if key not in record:
            raise InputError(origin, f"missing field {key!r} (each line needs \"id\" and \"text\")")
    if not isinstance(record["text"], str):
        raise InputError(origin, "field 'text' must be a string")
    require_unicode(record["text"], origin)  # before it is hashed for the store's id
    if not isinstance(record["id"], (str, int)) or not str(record["id"]).strip():
        raise InputError(origin, "field 'id' must be a non-empty string or number")
    extra = {k: (str(record[k]) if record.get(k) is not None else None) for k in OPTIONAL}
    if extra["date"]:
        extra["date"], basis = normalise_date(extra["date"], origin=origin), "field"
    else:
        extra["date"], basis = date_or_default(record["text"], default_date)
    return Article(id=str(record["id"]), text=record["text"], origin=origin, date_basis=basis,
                   **extra)


def normalise_date(value: str, *, origin: str) -> str:
    """ISO date (YYYY-MM-DD) from an ISO date or timestamp.

    >>> normalise_date("2025-03-14T20:30:26Z", origin="x")
    '2025-03-14'
    """
    import datetime as dt

    head = value.strip()[:10]
    try:
        return dt.date.fromisoformat(head).isoformat()
    except ValueError:
        raise InputError(origin, f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None
