"""Actors: find, resolve and code every actor of a Doc (country + sector), with a small API
the other stages call.

Public API (stable; the events and quotes stages rely on it):

- :func:`actor_at` ``(doc, token_i) -> Actor | None``: the actor whose mention covers that
  token (pronoun and description coreference included); the narrowest mention wins.
- :func:`actors_at` ``(doc, token_i) -> list[Actor]``: every such actor ("Saudi and UAE
  diplomats" is two actors).
- :func:`mentions_in` ``(span) -> list[Mention]``: the actor mentions inside a span.
- :func:`describe` ``(span) -> (country, sector)``: code any noun phrase from its modifiers and
  agent noun ("a former Iraqi diplomat" -> ("IRQ", "ELI")), for speakers and participants the
  actors stage did not keep.
- :func:`resolve` ``(doc, lexicon) -> (actors, mentions)``: the whole stage, as a function.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from flashpoint.actors.describe import describe_with
from flashpoint.actors.lexicon import Lexicon, get_lexicon
from flashpoint.actors.resolve import resolve
from flashpoint.nlp.extensions import records
from flashpoint.schema import Actor, Mention


def actors_at(doc: Doc, token_i: int) -> list[Actor]:
    """Every actor with a mention covering token ``token_i``, narrowest mention first."""
    by_id = {a.id: a for a in records(doc, "fp_actors")}
    hits = [m for m in records(doc, "fp_actor_mentions") if m.start <= token_i < m.end]
    hits.sort(key=lambda m: (m.end - m.start, m.start))
    out: list[Actor] = []
    for m in hits:
        actor = by_id.get(m.ref)
        if actor is not None and actor not in out:
            out.append(actor)
    return out


def actor_at(doc: Doc, token_i: int) -> Actor | None:
    """The actor whose mention covers token ``token_i`` (coreference included), or None."""
    found = actors_at(doc, token_i)
    return found[0] if found else None


def mentions_in(span: Span) -> list[Mention]:
    """The actor mentions lying wholly inside ``span``, in document order."""
    return [m for m in records(span.doc, "fp_actor_mentions")
            if m.start >= span.start and m.end <= span.end]


def describe(span: Span, *, extra_dictionaries: tuple[str, ...] = ()) -> tuple[str | None,
                                                                             str | None]:
    """(country, sector) of a noun phrase from its modifiers and agent noun.

    ``one U.S. official`` -> ("USA", "GOV"); ``Iraqi militia commander`` -> ("IRQ", "REB");
    ``the Iran-backed militia`` -> (None, "REB"); no agent noun -> sector None.
    """
    return describe_with(span, get_lexicon(span.doc.vocab, extra=extra_dictionaries))


__all__ = ["Lexicon", "actor_at", "actors_at", "describe", "get_lexicon", "mentions_in",
           "resolve"]
