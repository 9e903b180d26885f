"""HTML pages -> Articles: boilerplate removed with trafilatura, title and date from the page."""

from __future__ import annotations

from flashpoint.errors import EmptyInputError
from flashpoint.schema import Article


def read_html(html: str, *, id: str, origin: str, default_date: str | None = None,
              default_basis: str = "given") -> Article:
    """Extract the main text (no navigation, scripts, ads), title and publication date."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True)
    if not text or not text.strip():
        raise EmptyInputError(origin, "HTML page has no article text after boilerplate removal")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    if meta is not None and meta.date:
        date, basis = meta.date, "page"
    else:
        date, basis = default_date, default_basis
    url = meta.url if meta is not None else None
    return Article(id=id, text=text, title=title, date=date, date_basis=basis, url=url,
                   source=meta.sitename if meta is not None else None, origin=origin)
