"""The API's settings: one keyword-only table, each with its help text."""

from __future__ import annotations

from dataclasses import dataclass

from flashpoint.errors import SettingError


@dataclass(frozen=True, kw_only=True)
class ApiSettings:
    max_body_bytes: int = 2_000_000
    max_query_bytes: int = 4096
    max_page: int = 1000
    max_articles: int = 100
    db_wait: float = 10.0
    db_keep_alive: float = 0.0
    db_max_hold: float = 2.0
    docs: bool = True

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_query_bytes", "max_page", "max_articles"):
            if getattr(self, name) < 1:
                raise SettingError(f"API setting {name!r} must be >= 1, got "
                                   f"{getattr(self, name)!r}")
        for name in ("db_wait", "db_keep_alive", "db_max_hold"):
            if getattr(self, name) < 0:
                raise SettingError(f"API setting {name!r} must be >= 0, got "
                                   f"{getattr(self, name)!r}")


API_SETTINGS_HELP = {
    "max_body_bytes": "Largest request body accepted (POST /analyze, POST /articles); "
                      "larger is refused with 413.",
    "max_query_bytes": "Longest path plus query string accepted; longer is refused with 414.",
    "max_page": "Largest `limit` of one page of /events, /actors, /quotes.",
    "max_articles": "Most articles in one POST /articles request.",
    "db_wait": "Seconds a request waits for the database while an ingest commits a batch.",
    "db_keep_alive": "0 (default): one read-only connection per request, the store's "
                     "design. > 0: share one for this many idle seconds (faster; a "
                     "concurrent ingest then commits at the next pause in traffic).",
    "db_max_hold": "With db_keep_alive > 0: seconds after which the shared connection is "
                   "closed at the next moment no request uses it.",
    "docs": "Serve the OpenAPI docs page at /docs (from local assets).",
}
