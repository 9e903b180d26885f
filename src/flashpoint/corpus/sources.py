"""Inputs -> Articles: everything ``analyze`` reads, plus RSS/Atom feeds and CSV corpora.

Like :func:`flashpoint.readers.read_inputs`, every function yields an Article for what it
can read and a Failure (naming the input and the problem) for what it cannot.
"""

from __future__ import annotations

import csv
import html
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from flashpoint.errors import EmptyInputError, FlashpointError, InputError
from flashpoint.readers.plaintext import date_or_default
from flashpoint.schema import Article

FEED_SUFFIXES = (".rss", ".atom", ".xml")
CSV_SUFFIXES = (".csv", ".tsv")
ARTICLE_FIELDS = ("id", "text", "title", "date", "source", "url")
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"(?i)</p\s*>|<br\s*/?>|</div\s*>|</h\d\s*>")


def _failure(origin: str, error: FlashpointError):
    from flashpoint.analysis import Failure  # local: analysis imports the NLP stack
    return Failure(Article(id=Path(origin).stem, text="", origin=origin), error)


def parse_csv_map(spec: str | None) -> dict[str, str]:
    """``"text=body,title=headline"`` -> {"text": "body", "title": "headline"}.

    >>> parse_csv_map("text=body, date=published")
    {'text': 'body', 'date': 'published'}
    """
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field = field.strip()
        if not sep or field not in ARTICLE_FIELDS or not column.strip():
            raise InputError("--csv-map", f"{part.strip()!r} is not FIELD=COLUMN with FIELD one "
                                          f"of {', '.join(ARTICLE_FIELDS)}")
        mapping[field] = column.strip()
    return mapping


def iter_articles(inputs: Iterable[str], *, default_date: str | None = None,
                  csv_map: dict[str, str] | None = None) -> Iterator:
    """Every article of every input, in order; feeds and CSVs here, the rest via readers."""
    from flashpoint.readers import read_inputs

    for item in inputs:
        suffix = Path(item).suffix.lower()
        if suffix in FEED_SUFFIXES:
            yield from _guard(item, lambda i=item: read_feed(Path(i), default_date=default_date))
        elif suffix in CSV_SUFFIXES:
            yield from _guard(item, lambda i=item: read_csv(Path(i), csv_map or {},
                                                            default_date=default_date))
        else:
            yield from read_inputs([item], default_date=default_date)


def _guard(origin: str, produce) -> Iterator:
    try:
        yield from produce()
    except FlashpointError as exc:
        yield _failure(origin, exc)
    except OSError as exc:
        yield _failure(origin, InputError(origin, exc.strerror or str(exc)))


def html_to_text(fragment: str) -> str:
    """Feed bodies are HTML fragments: keep paragraph breaks, drop tags, unescape.

    >>> html_to_text("<p>Iran &amp; Iraq</p><p>met.</p>")
    'Iran & Iraq\\n\\nmet.'
    """
    text = html.unescape(_TAG.sub("", _BLOCK.sub("\n\n", fragment)))
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def read_feed(path: Path, *, default_date: str | None = None) -> Iterator:
    """One article per RSS/Atom entry; a file that is not a feed is one clear error."""
    import feedparser

    origin = str(path)
    if not path.exists():
        raise InputError(origin, "no such file or directory")
    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo and not parsed.entries:
        raise InputError(origin, f"not an RSS/Atom feed: {parsed.get('bozo_exception')}")
    if not parsed.entries:
        raise EmptyInputError(origin, "feed has no entries")
    source = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{n}"
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        text = html_to_text(body)
        entry_date = _entry_date(entry)
        article = Article(id=entry.get("id") or entry.get("link") or f"{path.stem}-{n}",
                          text=text, title=entry.get("title"), date=entry_date or default_date,
                          date_basis="field" if entry_date else None, source=source,
                          url=entry.get("link"), origin=where)
        if not text.strip():
            yield _failure(where, EmptyInputError(where, "feed entry has no text"))
        else:
            yield article


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def read_csv(path: Path, mapping: dict[str, str], *,
             default_date: str | None = None) -> Iterator:
    """One article per row; ``mapping`` names the column of each Article field (default:
    a column of the field's own name). A missing text column fails the file before any row."""
    origin = str(path)
    if not path.exists():
        raise InputError(origin, "no such file or directory")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(1 << 30)  # article bodies are long; the default is 128 KiB
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        columns = reader.fieldnames or []
        cols = {f: mapping.get(f, f) for f in ARTICLE_FIELDS}
        missing = [f"{f}={c}" for f, c in mapping.items() if c not in columns]
        if cols["text"] not in columns and "text=" + cols["text"] not in missing:
            missing.insert(0, f"text={cols['text']}")
        if missing:
            raise InputError(origin, f"mapped column(s) {', '.join(missing)} not in the header; "
                                     f"columns are: {', '.join(columns) or '(none)'}")
        try:
            for n, row in enumerate(reader, 2):  # line 1 is the header
                yield _csv_article(row, cols, columns, path, n, default_date)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(origin, f"unreadable CSV: {exc}") from exc


def _csv_article(row: dict, cols: dict, columns: list, path: Path, line: int,
                 default_date: str | None):
    def get(field):
        column = cols[field]
        value = row.get(column) if column in columns else None
        return value.strip() if isinstance(value, str) and value.strip() else None

    where = f"{path}:{line}"
    text = row.get(cols["text"]) or ""
    if not text.strip():
        return _failure(where, EmptyInputError(where, f"column {cols['text']!r} is empty"))
    if get("date"):
        date, basis = get("date"), "field"
    else:
        date, basis = date_or_default(text, default_date)
    return Article(id=get("id") or f"{path.stem}-{line}", text=text, title=get("title"),
                   date=date, date_basis=basis, source=get("source"), url=get("url"),
                   origin=where)
