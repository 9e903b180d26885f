"""Query parameters shared by several routes (one definition, one set of docs)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query, Request

from flashpoint.errors import SettingError
from flashpoint.store.queries import EventFilter

Modality = Literal["asserted", "negated", "hypothetical", "any"]
Level = Literal["country", "actor"]

Date = Annotated[str | None, Query(max_length=10, description="ISO date YYYY-MM-DD, inclusive")]
Short = Annotated[str | None, Query(max_length=200)]
Code = Annotated[str | None, Query(max_length=8)]


def event_filter(
    since: Date = None, until: Date = None,
    actor: Annotated[str | None, Query(max_length=200, description="actor id, or part of a "
                                       "source/target name (case-insensitive)")] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO3 of source or "
                                         "target")] = None,
    source_country: Annotated[str | None, Query(max_length=3)] = None,
    target_country: Annotated[str | None, Query(max_length=3)] = None,
    code: Annotated[str | None, Query(max_length=4, description="CAMEO code prefix: 19 "
                                      "matches 190..196")] = None,
    root: Annotated[str | None, Query(max_length=2, description="CAMEO root, exact")] = None,
    plover: Annotated[str | None, Query(max_length=32)] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    modality: Annotated[Modality, Query(description="asserted: neither negated nor "
                                        "hypothetical; any: all events")] = "any",
    article_id: Short = None, cluster_id: Short = None,
) -> EventFilter:
    return EventFilter(since=since, until=until, actor=actor, country=country,
                       source_country=source_country, target_country=target_country,
                       code=code, root=root, plover=plover, quad_class=quad_class,
                       modality=modality, article_id=article_id, cluster_id=cluster_id)


class Page:
    """``limit``/``offset``, with the limit capped by the app's ``max_page`` setting."""

    def __init__(self, request: Request,
                 limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
                 offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0) -> None:
        cap = request.app.state.settings.max_page
        if limit > cap:
            raise SettingError(f"limit {limit} is over this server's page cap of {cap} "
                               "(setting max_page)")
        self.limit, self.offset = limit, offset

    def wrap(self, key: str, items: list, total: int | None = None) -> dict:
        """``{"limit", "offset", "total", "next_offset", key: items}``."""
        more = len(items) == self.limit if total is None else self.offset + len(items) < total
        return {"limit": self.limit, "offset": self.offset, "total": total,
                "next_offset": self.offset + len(items) if more else None, key: items}
