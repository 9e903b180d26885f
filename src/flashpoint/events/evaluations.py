"""Criticism by evaluation: "X said Y's decision was illegal", "the tariffs are unfair, X said",
"X is deeply concerned about Y's actions".

A copular clause whose predicate is a negative evaluation (``data/evaluations.tsv``), whose
subject names an actor or an actor's act, and which a speaker reports (it is the complement
of "say", "tell", "add", ...) is that speaker's criticism of that actor (CAMEO 111). Nothing
else counts: an evaluation nobody voices, or of a thing no actor owns, is no event. A
speaker "concerned about" (alarmed by, dismayed at ...) an actor or its act disapproves of it.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Span, Token

from flashpoint.errors import DataFileError
from flashpoint.events.arguments import ActorIndex, children, coded
from flashpoint.events.clauses import Match

COPULAS = frozenset({"be", "seem", "remain", "become", "look", "sound", "appear"})
# "X is deeply concerned about Y's actions": the subject's own disapproval of Y.
CONCERNED = frozenset({"concerned", "alarmed", "troubled", "disturbed", "worried", "dismayed",
                       "outraged", "appalled", "disappointed", "angered", "incensed"})
_ABOUT = ("about", "over", "by", "at", "with")
SPEAKING = frozenset({"say", "tell", "add", "state", "tweet", "write", "argue", "claim",
                      "insist", "declare", "warn", "note", "charge", "complain", "stress"})
_PREDICATES = ("acomp", "attr", "oprd")


def load_evaluations(path: Path) -> frozenset[str]:
    words: set[str] = set()
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        word = raw.strip()
        if not word or word.startswith("#"):
            continue
        if word != word.lower() or not word.replace("-", "").isalpha():
            raise DataFileError(str(path), line, f"{word!r} is not one lower-case adjective")
        if word in words:
            raise DataFileError(str(path), line, f"{word!r} is listed twice")
        words.add(word)
    return frozenset(words)


def evaluations(sent: Span, words: frozenset[str], actors: ActorIndex) -> list[Match]:
    """The speaker's criticisms voiced as negative evaluations in one sentence."""
    found = []
    for token in sent:
        if token.lower_ in CONCERNED and token.dep_ in _PREDICATES \
                and token.head.lemma_.lower() in COPULAS:
            match = _concern(token, actors)
            if match is not None:
                found.append(match)
            continue
        if token.lemma_.lower() not in words and token.lower_ not in words:
            continue
        predicate = token if token.dep_ in _PREDICATES else (
            token.head if token.dep_ == "amod" and token.head.dep_ in _PREDICATES else None)
        if predicate is None or predicate.head.lemma_.lower() not in COPULAS:
            continue
        clause = predicate.head
        speaker = _speaker(clause, actors)
        if not speaker:
            continue
        targets = [r for r in _evaluated(clause, predicate, actors) if coded(r) and not any(
            (r.actor or r.name) == (s.actor or s.name) for s in speaker)]
        if targets:
            found.append(Match("111", token, "verb", f"evaluations:{token.lemma_.lower()}",
                               sources=speaker, targets=targets))
    return found


def _concern(token: Token, actors: ActorIndex) -> Match | None:
    """ "the UN is deeply concerned about the actions of X": the subject disapproves of X."""
    sources = [r for s in children(token.head, "nsubj") for r in actors.phrase(s) if coded(r)]
    heads = [p for prep in children(token, "prep") if prep.lower_ in _ABOUT
             for p in children(prep, "pobj")]
    targets = [r for h in heads for r in actors.phrase(h) if coded(r)] or [
        r for h in heads for r in actors.inside(h, preps=("of", "by")) if coded(r)]
    own = {r.actor or r.name for r in sources}
    targets = [r for r in targets if (r.actor or r.name) not in own]
    if not sources or not targets:
        return None
    return Match("111", token, "verb", f"evaluations:{token.lower_}", sources=sources,
                 targets=targets)


def _speaker(clause: Token, actors: ActorIndex) -> list:
    """Who reports the clause: the subject of the speaking verb it complements."""
    node = clause
    for _ in range(2):  # "said that it was wrong", "said it would be wrong"
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SPEAKING:
            return [r for s in children(node.head, "nsubj") for r in actors.phrase(s)
                    if coded(r)]
        if node.head.i == node.i:
            return []
        node = node.head
    return []


def _evaluated(clause: Token, predicate: Token, actors: ActorIndex) -> list:
    """The actor the clause evaluates: its subject, the owner of the act that is its subject
    ("Y's decision"), or whoever "it is wrong for Y to ..." names."""
    subjects = children(clause, "nsubj", "nsubjpass")
    refs = [r for s in subjects if s.lower_ != "it" for r in actors.phrase(s)]
    refs = [r for r in refs if coded(r)] or [
        r for s in subjects if s.lower_ != "it" for r in actors.inside(s, preps=("of", "by"))]
    if not refs:  # "it is wrong for the president to have done this"
        for head in (clause, predicate):
            refs += [r for prep in children(head, "prep") if prep.lower_ == "for"
                     for p in children(prep, "pobj") for r in actors.phrase(p)]
            refs += [r for comp in children(head, "xcomp", "ccomp", "advcl")
                     for s in children(comp, "nsubj") for r in actors.phrase(s)]
    return refs
