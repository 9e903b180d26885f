"""Rule-based pronoun coreference: he/she -> the last person, they -> the last group,
its -> the last organisation or country, within a short window of sentences.

Recency with a type filter is crude, but in news prose the last compatible actor is the
referent most of the time; first and second person pronouns (a quote's speaker) are left to
the quotes stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from flashpoint.actors.resolve import Resolver

PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"its", "itself"})
# "it" is often expletive ("it is likely that"), so it only takes a subject of its own clause
# chain: "Syria says it is willing to withdraw" -> Syria.
SUBJECT_IT = frozenset({"it"})
WINDOW = {"person": 2, "group": 1, "thing": 2}  # sentences back
# What only an actor does: a sentence-opening "it" doing one of these is the last actor.
STANCE_VERBS = frozenset({
    "say", "add", "state", "announce", "call", "urge", "condemn", "denounce", "criticize",
    "criticise", "accuse", "demand", "warn", "deny", "reject", "welcome", "praise", "insist",
    "express", "vow", "pledge", "threaten", "ask", "appeal", "propose", "offer", "agree",
    "refuse", "declare", "claim", "blame", "pledge", "promise", "stress", "note"})


def link_pronouns(res: Resolver) -> None:
    """Add a ``coref:pronoun`` mention for each pronoun with a compatible antecedent."""
    timeline = sorted(((s, key) for key, d in res.drafts.items() for s, _, _ in d.mentions))
    if not timeline:
        return
    for tok in res.doc:
        word = tok.lower_
        if tok.pos_ != "PRON" and tok.tag_ not in ("PRP", "PRP$"):
            continue
        if word in SUBJECT_IT:
            _link_it(res, tok)
            continue
        kind = ("person" if word in PERSONAL else "group" if word in PLURAL else
                "thing" if word in NEUTER else None)
        if kind is None or (word == "its" and tok.i + 1 < len(res.doc)
                            and res.doc[tok.i + 1].tag_ == "DT"):  # "its a lost effort"
            continue
        subject = _coordinated(res, tok, kind) or _clause_subject(res, tok, kind)
        for key in ([subject] if subject else _antecedents(res, timeline, tok.i, kind)):
            res.add(key, res.doc[tok.i:tok.i + 1], "coref:pronoun")


def _link_it(res: Resolver, tok) -> None:
    """ "it" as a subject whose clause reports its own sentence subject's words or acts."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or _expletive(tok):
        return
    subject = _clause_subject(res, tok, "thing") or _previous_subject(res, tok)
    if subject is not None:
        res.add(subject, res.doc[tok.i:tok.i + 1], "coref:pronoun")


def _previous_subject(res: Resolver, tok) -> tuple | None:
    """ "The Arab League condemned the raid. It also called for ...": a sentence that opens
    with "it" saying or taking a stance continues the previous sentence's organisation or
    country subject (an "it" that kills or carries is a thing or an event)."""
    sent = tok.sent
    opening = [t for t in sent if not (t.is_punct or t.lower_ in ("but", "and", "yet"))]
    if not opening or opening[0].i != tok.i or tok.head.pos_ != "VERB" or sent.start == 0 \
            or tok.head.lemma_.lower() not in STANCE_VERBS:
        return None  # "... the bombing. It killed 12": "it" is the bombing, no actor
    previous = res.doc[sent.start - 1].sent
    for key, d in res.drafts.items():
        if _fits(d, "thing") and any(
                previous.start <= s < previous.end and res.doc[e - 1].dep_ == "nsubj"
                and res.doc[e - 1].head.dep_ == "ROOT" for s, e, _ in d.mentions):
            return key
    return None


def _expletive(tok) -> bool:
    """ "it is clear that ...", "it seems ...": a dummy subject, nobody."""
    verb = tok.head
    if verb.lemma_ in ("seem", "appear", "rain", "take", "remain"):
        return True
    deps = {c.dep_ for c in verb.children}
    if "ccomp" in deps or "csubj" in deps:
        return verb.lemma_ == "be"
    return any(c.dep_ in ("acomp", "attr") and any(g.dep_ in ("ccomp", "csubj")
                                                   for g in c.children)
               for c in verb.children)


def _coordinated(res: Resolver, tok, kind: str) -> tuple | None:
    """"Iran and its proxies", "Trump and his aides": the conjunct the possessor joins."""
    noun = tok.head
    if tok.dep_ != "poss" or noun.dep_ != "conj":
        return None
    first = noun.head
    for key, d in res.drafts.items():
        if _fits(d, kind) and any(s <= first.i < e for s, e, _ in d.mentions):
            return key
    return None


def _clause_subject(res: Resolver, tok, kind: str) -> tuple | None:
    """A compatible actor that is the subject of the pronoun's sentence, before it: in
    "Iraq wants good relations with Iran to help its economy", its = Iraq."""
    sent = tok.sent
    for key, d in res.drafts.items():
        if not _fits(d, kind):
            continue
        for s, e, _ in d.mentions:
            if sent.start <= s < tok.i and res.doc[e - 1].dep_ in ("nsubj", "nsubjpass") and \
                    res.doc[e - 1].head.i < tok.i:
                return key
    return None


def _antecedents(res: Resolver, timeline, i: int, kind: str) -> list[tuple]:
    here = res.sent[i]
    for pos in range(len(timeline) - 1, -1, -1):
        start, key = timeline[pos]
        if start >= i:
            continue
        if here - res.sent[start] > WINDOW[kind]:
            return []
        d = res.drafts[key]
        if _fits(d, kind):
            # "Saudi and UAE diplomats ... they": every actor of that phrase
            return [k for s, k in timeline if s == start and _fits(res.drafts[k], kind)]
    return []


def _fits(draft, kind: str) -> bool:
    if kind == "person":
        return draft.type == "person"
    if kind == "group":
        return draft.type == "group"
    return draft.type in ("organization", "country")
