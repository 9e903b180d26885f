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
    while token.dep_ in ("conj", "appos") and token.head.i != token.i and seen < 10:
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


# Amounts: "US $50 million", "U.S. dollars", "$3 billion" name no actor and lend no country.
AMOUNT_ENTS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "DATE", "TIME"})
CURRENCY_SYMBOLS = frozenset("$€£¥₹₽₩")
CURRENCY_WORDS = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen",
                            "yuan", "renminbi", "ruble", "rubles", "rouble", "roubles",
                            "rupee", "rupees", "rial", "rials", "riyal", "riyals", "dinar",
                            "dinars", "dirham", "dirhams", "lira", "shekel", "shekels",
                            "franc", "francs", "peso", "pesos", "won", "rand", "naira",
                            "cent", "cents", "cedi", "cedis", "shilling", "shillings"})


def in_amount(doc, start: int, end: int) -> bool:
    """Is the name at ``doc[start:end]`` part of an amount of money or a quantity?

    "US $50 million", "U.S. dollars", "Hong Kong $3 billion": the country word is the
    currency's, not a party to anything.
    """
    if any(t.ent_type_ in AMOUNT_ENTS for t in doc[start:end]):
        return True
    if end < len(doc):
        nxt = doc[end]
        if nxt.text in CURRENCY_SYMBOLS or _currency(nxt):
            return True
    if start > 0 and doc[start - 1].text in CURRENCY_SYMBOLS:
        return True
    return _currency(doc[start:end].root.head)


def _currency(token) -> bool:
    """A currency noun ("dollars"), never the verb "won" or "pound"."""
    return token.lower_ in CURRENCY_WORDS and token.pos_ in ("NOUN", "PROPN", "NUM")
