"""Content-hash ids (STYLE.md item 7): the same content always gets the same id.

Ids are what make ingest idempotent: a rerun computes the same keys and the upserts
become no-ops. Every id is a short type prefix plus 20 hex digits of a SHA-256
(80 bits: collisions are negligible far beyond a GDELT-sized store).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_WS = re.compile(r"\s+")
_TRACKING = frozenset({"fbclid", "gclid", "cmpid", "cs", "ref", "mc_cid", "mc_eid"})


def digest(*parts: object) -> str:
    """20 hex digits of the SHA-256 of the parts, separated so ("ab","c") != ("a","bc").

    >>> digest("a", None, 1) == digest("a", None, 1)
    True
    >>> digest("ab", "c") == digest("a", "bc")
    False
    """
    joined = "\x1f".join("\x00" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:20]


def normalize_text(text: str) -> str:
    """The text an article id is computed from: NFC, whitespace collapsed, trimmed.

    >>> normalize_text("  Iran\\u00a0said\\n\\nno. ")
    'Iran said no.'
    """
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash.

    >>> canonical_url("HTTPS://Example.com/a/b/?utm_source=rss&id=3#top")
    'https://example.com/a/b?id=3'
    """
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not (k.lower().startswith("utm_") or k.lower() in _TRACKING)]
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def article_id(text: str, url: str | None = None) -> str:
    """Canonical URL when there is one (a re-fetched feed item keeps its id even if its text
    was touched up), else the normalized text (the same story read twice is one article)."""
    if url and url.strip():
        return "a" + digest("url", canonical_url(url))
    return "a" + digest("text", normalize_text(text))


def actor_id(*, name: str, type: str, country: str | None, sector: str | None,
             entry: str | None) -> str:
    """One id per real-world actor across articles: the dictionary entry when resolved."""
    key = entry or name.casefold().strip()
    return "c" + digest(key, type, country, sector)


def place_id(*, name: str, kind: str, country: str | None, geonameid: int | None) -> str:
    if geonameid is not None:
        return "p" + digest("geonames", geonameid)
    return "p" + digest(name.casefold().strip(), kind, country)


def event_id(*, article: str, span: tuple[int, int], source: str | None, target: str | None,
             cameo: str) -> str:
    """Article + evidence span + dyad + code (STYLE.md item 7)."""
    return "e" + digest(article, span[0], span[1], source, target, cameo)


def quote_id(*, article: str, span: tuple[int, int]) -> str:
    return "q" + digest(article, span[0], span[1])


def cluster_id(first_member: str) -> str:
    """A cluster is named after its smallest member id, so it is stable across runs."""
    return "k" + digest("cluster", first_member)
