"""Small syntactic tests the resolver shares: does a name act, is a phrase definite."""

from __future__ import annotations

from spacy.tokens import Span, Token

# A country or capital is an actor only when it acts or is acted on; "in Iraq" is a place.
ACT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent", "poss", "csubj",
                      "oprd"})
ACT_PREPS = frozenset({"with", "by", "against", "on", "between", "toward", "towards", "upon",
                       "versus"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any", "several", "many"})


def clause_role(token: Token) -> Token:
    """Climb coordination and apposition: in "the U.S. and Iran clashed", Iran acts too."""
    seen = 0
    while token.dep_ in ("conj", "appos") and token.head is not token and seen < 10:
        token, seen = token.head, seen + 1
    return token


def acts(span: Span) -> bool:
    """Is the name a participant (subject, object, possessor, partner) rather than a place?"""
    tok = clause_role(span.root)
    if tok.dep_ in ACT_DEPS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ACT_PREPS


def determiner(span: Span) -> str | None:
    """The phrase's determiner or quantifier word, lower-cased ("the", "a", "one")."""
    for tok in span:
        if tok.dep_ in ("det", "predet") or (tok.dep_ == "nummod" and tok.lower_ == "one"):
            return tok.lower_
        if tok.dep_ == "poss":
            return "poss"
    return None


def sentence_index(doc) -> list[int]:
    """Token index -> sentence number (cheap lookups for distance windows)."""
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out
