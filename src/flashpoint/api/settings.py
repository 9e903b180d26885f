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
    db_warm: bool = True
    db_poll: float = 0.05
    db_threads: int = 1
    cache_entries: int = 512
    docs: bool = True

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_query_bytes", "max_page", "max_articles"):
            if getattr(self, name) < 1:
                raise SettingError(f"API setting {name!r} must be >= 1, got "
                                   f"{getattr(self, name)!r}")
        if self.cache_entries < 0:
            raise SettingError(f"API setting 'cache_entries' must be >= 0, got "
                               f"{self.cache_entries!r}")
        if self.db_poll <= 0:
            raise SettingError(f"API setting 'db_poll' must be > 0, got {self.db_poll!r}")
        for name in ("db_wait",):
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
    "db_warm": "True (default): keep one read-only connection per server process and hand it "
               "back whenever a writer (ingest, POST /articles) announces itself. False: one "
               "connection per request (for writers that do not use flashpoint.store).",
    "db_poll": "Seconds between checks for a waiting writer (warm connections): how long an "
               "ingest waits, at most, before readers let go of the file.",
    "db_threads": "DuckDB threads per read query (default 1: the server runs many small "
                  "queries at once, one per core; 0: DuckDB's default, one per core each).",
    "cache_entries": "GET answers kept per server process until the next write (warm "
                     "connections only); 0 turns the cache off.",
    "docs": "Serve the OpenAPI docs page at /docs (from local assets).",
}
