"""The shared vocabulary of matching: the :class:`Match` record and where a verb's object,
particle and prepositions are (used by the pattern, noun and frame matchers)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from flashpoint.events.arguments import object_of
from flashpoint.schema import ActorRef

_PARTICLES = {"out", "down", "up", "back", "off", "in", "away", "over"}
# Prepositions whose object a frame or complement acts on ("threatened to cut power to X").
FRAME_PREPS = ("on", "against", "with", "to", "from", "for")


@dataclass
class Match:
    code: str
    trigger: Token
    kind: str  # verb | noun | frame
    rule: str
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    source_head: Token | None = None  # the subject phrase, when it named no actor
    extra: tuple[Token, ...] = ()  # particle etc., part of the trigger text
    family: str | None = None  # frames: appeal | intent | demand | reject | threaten
    aim: str | None = None  # frames: the complement's class
    objects: frozenset[str] = frozenset()  # verbs: the object lemmas the pattern names


def particle_of(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ in ("advmod", "prep") and child.lower_ in _PARTICLES
                                   and not any(g.dep_ == "pobj" for g in child.children)):
            return child
    return None


def direct_object(verb: Token) -> Token | None:
    return object_of(verb)


def attachments(verb: Token, obj: Token | None) -> list[Token]:
    """Where a verb's prepositions may hang: the verb, its object, its particle, and the
    objects of its own prepositions ("pulled X out of the deal with Iran")."""
    heads = [verb]
    if obj is not None:
        heads.append(obj)
    particle = particle_of(verb)
    if particle is not None:
        heads.append(particle)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ not in _CIRCUMSTANCE):
        heads.extend(c for c in prep.children if c.dep_ in ("pobj", "prep"))
    return heads


# Prepositions that tell when or why, whose phrase is another event's ("following the deaths
# of two Israelis"), never where the act's own prepositions hang.
_CIRCUMSTANCE = frozenset({"following", "after", "before", "during", "since", "despite", "amid",
                           "because", "until", "over"})
