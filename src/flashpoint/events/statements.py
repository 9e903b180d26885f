"""Statements about another actor: "X said Y had made progress", "X told Y that ...".

CAMEO codes a public statement aimed at or about another actor as 010 (make statement, not
specified) when nothing more specific is said. A speaking verb whose subject is a coded
actor, and whose addressee (the object of "told") or whose reported clause's subject is
another country's coded actor, is that statement, unless the clause reports an event of its
own (then that event is what is coded), a more specific pattern already coded the verb, or
the addressee is the press.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from flashpoint.events.arguments import ActorIndex, children, coded
from flashpoint.events.clauses import Match
from flashpoint.events.evaluations import SPEAKING as EVALUATION_SPEAKING

SPEAKING = EVALUATION_SPEAKING | {"reiterate", "assert"}
_ADDRESSEES = ("dative", "dobj")


def statements(sent: Span, found: list[Match], actors: ActorIndex) -> list[Match]:
    """010 matches for the sentence's statements about other actors (``found``: the
    sentence's other matches, which take precedence)."""
    taken = {m.trigger.i for m in found}
    out = []
    for cue in sent:
        if cue.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in SPEAKING \
                or cue.i in taken:
            continue
        clause = next(iter(children(cue, "ccomp")), None)
        if clause is not None and any(clause.left_edge.i <= m.trigger.i <= clause.right_edge.i
                                      and m.kind != "noun" for m in found):
            continue  # "X said Y attacked Z": the attack is the event (a noun is no clause)
        sources = [r for s in children(cue, "nsubj") for r in actors.phrase(s) if coded(r)]
        if not sources:
            continue
        own = {r.actor or r.name for r in sources}
        home = {r.country for r in sources}
        # never about one's own side ("the official said Washington would ...") nor to the
        # press ("told Reuters"): neither is a statement to another actor
        targets = [r for h in _addressed(cue, clause) for r in actors.phrase(h)
                   if coded(r) and (r.actor or r.name) not in own
                   and r.country not in home and r.sector != "MED"]
        if targets:
            out.append(Match("010", cue, "verb", f"statements:{cue.lemma_.lower()}",
                             sources=sources, targets=targets[:1]))
    return out


def _addressed(cue: Token, clause: Token | None) -> list[Token]:
    """Whom the statement is to (the object of "told") or about (the reported subject)."""
    heads = [c for c in cue.children if c.dep_ in _ADDRESSEES] \
        if cue.lemma_.lower() == "tell" else []
    if clause is not None:
        heads += children(clause, "nsubj", "nsubjpass")
    return heads
