"""Doc extension attributes through which Flashpoint's components hand records to each other.

All positions stored here are in the Doc's own coordinates (the repaired text).
"""

from __future__ import annotations

from spacy.tokens import Doc

# name -> default factory; lists are created per Doc by a getter-free default of None.
DOC_EXTENSIONS = (
    "fp_article_date",  # str | None: ISO date the relative dates resolve against
    "fp_datelines",  # list[tuple[int, int]]: token ranges of wire datelines ("BEIRUT -")
    "fp_actors",  # list[Actor]
    "fp_actor_mentions",  # list[Mention]
    "fp_places",  # list[Place]
    "fp_place_mentions",  # list[Mention]
    "fp_events",  # list[Event]
    "fp_quotes",  # list[Quote]
    "fp_errors",  # list[StageError]
)


def register_extensions() -> None:
    """Register every extension once; safe to call repeatedly."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def records(doc: Doc, name: str) -> list:
    """The list stored under ``doc._.<name>``, created empty on first use."""
    value = doc._.get(name)
    if value is None:
        value = []
        doc._.set(name, value)
    return value


register_extensions()
