"""Criticism by evaluation: "X said Y's decision was illegal", "the tariffs are unfair, X said".

A copular clause whose predicate is a negative evaluation (``data/evaluations.tsv``), whose
subject names an actor or an actor's act, and which a speaker reports (it is the complement
of "say", "tell", "add", ...) is that speaker's criticism of that actor (CAMEO 111). Nothing
else counts: an evaluation nobody voices, or of a thing no actor owns, is no event.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Span, Token

from flashpoint.errors import DataFileError
from flashpoint.events.arguments import ActorIndex, children, coded
from flashpoint.events.clauses import Match

COPULAS = frozenset({"be", "seem", "remain", "become", "look", "sound", "appear"})
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
