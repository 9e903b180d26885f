"""Code a noun phrase from its words: country from modifiers, sector from the agent noun.

"one U.S. official" -> (USA, GOV); "a former Iraqi diplomat" -> (IRQ, ELI); "the Iran-backed
militia" -> (None, REB): a patron ("Iran-backed", "U.S.-funded") is not the actor's country.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from flashpoint.actors.lexicon import (ADJECTIVE, CAPITAL, COUNTRY, DEMONYM, ORG, PERSON, SEAT,
                                       SHORT, Lexicon)
from flashpoint.actors.peoples import community_sector, peoples_in
from flashpoint.actors.syntax import in_amount
from flashpoint.dictionaries import FORMER_OFFICE_SECTORS, AgentEntry, person_role

# A country joined to these words by a hyphen names a patron, not the actor's nationality.
PATRON = frozenset({"back", "backed", "support", "supported", "fund", "funded", "sponsor",
                    "sponsored", "ally", "allied", "align", "aligned", "link", "linked", "arm",
                    "armed", "train", "trained", "inspire", "inspired", "affiliate",
                    "affiliated"})
_COUNTRY_KINDS = (COUNTRY, ADJECTIVE, DEMONYM, CAPITAL)
INTERNATIONAL = frozenset({"IGO", "NGO"})  # sectors whose people work away from home


class Agent(NamedTuple):
    entry: AgentEntry
    start: int  # token span of the agent words in the Doc
    end: int
    plural: bool


def find_agent(span: Span, lexicon: Lexicon) -> Agent | None:
    """The agent noun of ``span``: the one at its root, else the rightmost in it."""
    found: list[Agent] = []
    for match_id, start, end in lexicon.agents_multi(span):
        word = span.doc.vocab.strings[match_id].split("|", 1)[1]
        entry = lexicon.dicts.agents[word]
        s, e = start, end  # matchers return Doc offsets even when run on a Span
        found.append(Agent(entry, s, e, span.doc[s:e].text.lower() != entry.word))
    for tok in span:
        entry = lexicon.agent(tok.text) or (lexicon.agent(tok.lemma_)
                                            if tok.pos_ in ("NOUN", "PROPN") else None)
        if entry is not None and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            found.append(Agent(entry, tok.i, tok.i + 1, tok.text.lower() != entry.word
                               or tok.tag_ in ("NNS", "NNPS")))
    if not found:
        return None
    root = span.root.i
    at_root = [a for a in found if a.start <= root < a.end]
    # else a modifier left of the root ("militia commander"), never a PP object to its right
    pool = at_root or [a for a in found if a.end <= root]
    return max(pool, key=lambda a: (a.end, a.end - a.start)) if pool else None


def countries_in(span: Span, lexicon: Lexicon, *, skip: range = range(0),
                 adjectives_only: bool = False) -> list[str]:
    """Countries named by the modifiers in ``span`` (in order, without patrons or repeats).

    ``adjectives_only``: a bare name is a topic, not a nationality ("Iran observers").
    """
    out: list[str] = []
    doc = span.doc
    for match_id, start, end in lexicon.names(span):
        kind, ref = doc.vocab.strings[match_id].split("|", 1)
        s, e = start, end  # matchers return Doc offsets even when run on a Span
        if s in skip or _is_patron(doc, e) or (adjectives_only and kind != ADJECTIVE) or \
                in_amount(doc, s, e):
            continue
        code = _country_of_match(kind, ref, lexicon, doc._.get("fp_article_date"))
        if code and code not in out:
            out.append(code)
    for tok in span:  # "U.S.-Iran" is one token: look inside hyphenated words
        if "-" in tok.text and tok.i not in skip and not _is_patron(doc, tok.i + 1):
            for part in tok.text.split("-"):
                code = lexicon.country_of_text.get(part)
                if code and code not in out and part != tok.text:
                    out.append(code)
    if not out and not adjectives_only:  # "Yoruba leaders": a people's home, if no nationality
        out = peoples_in(span, lexicon, skip=skip)
    return out


def _country_of_match(kind: str, ref: str, lexicon: Lexicon, date: str | None) -> str | None:
    if kind in _COUNTRY_KINDS:
        return ref
    if kind == SEAT:
        return ref.split("|", 1)[0]
    if kind == ORG:
        return lexicon.dicts.organizations[ref].country
    if kind == PERSON:
        return person_role(lexicon.dicts.people[ref], date).country
    if kind == SHORT and len(lexicon.shorts.get(ref, ())) == 1:  # "the Trump administration"
        return person_role(lexicon.dicts.people[lexicon.shorts[ref][0]], date).country
    return None


def _is_patron(doc, end: int) -> bool:
    """Is the name ending at token ``end`` followed by "-backed" (or a PATRON word)?"""
    if end < len(doc) and doc[end].text == "-" and end + 1 < len(doc):
        nxt = doc[end + 1]
        return nxt.lower_ in PATRON or nxt.lemma_.lower() in PATRON
    last = doc[end - 1]  # "Iran backed militias": the name modifies the patron verb
    return last.dep_ == "npadvmod" and last.head.lemma_.lower() in PATRON


def topical(agent: Agent | None) -> bool:
    """Experts and observers carry their subject as a modifier: "Iran observers"."""
    return agent is not None and agent.entry.sector in ("EDU", "MED")


def is_former(span: Span, agent: Agent | None) -> bool:
    words = {t.lower_ for t in span if agent is None or t.i < agent.start}
    return ("former" in words or "ex" in words) and not words & {"current", "serving",
                                                                  "sitting"}


def np_extent(head: Token) -> Span:
    """The noun phrase of ``head`` without what follows it (relative clauses, PPs)."""
    left = head
    for child in head.lefts:
        if child.dep_ in ("det", "predet", "nummod", "amod", "compound", "nmod", "poss",
                          "quantmod", "npadvmod", "advmod", "cc", "conj", "punct"):
            left = min(left, child.left_edge, key=lambda t: t.i)
    start = left.i
    while start < head.i and head.doc[start].dep_ in ("punct", "cc"):
        start += 1
    end = head.i + 1
    for child in head.rights:  # "secretary of state", "minister of defence"
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and pobj[0].i == child.i + 1 and pobj[0].lower_ in ("state", "defense",
                                                                        "defence", "war"):
                end = pobj[0].i + 1
    return head.doc[start:end]


def describe_with(span: Span, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """(country, sector) of a noun phrase, from its agent noun and modifiers."""
    agent = find_agent(span, lexicon)
    skip = range(agent.start, agent.end) if agent else range(0)
    org = _org_in(span, lexicon)  # people of an international body work away from home
    located = not ({agent.entry.sector if agent else None, org.sector if org else None} &
                   INTERNATIONAL)
    countries = countries_in(span, lexicon, skip=skip, adjectives_only=topical(agent)) or \
        of_country(span, lexicon, located=located)
    sector = agent.entry.sector if agent else None
    if sector in FORMER_OFFICE_SECTORS and is_former(span, agent):
        sector = "ELI"
    elif agent and org_sector(span, lexicon, agent, countries):
        sector = org_sector(span, lexicon, agent, countries)  # "a U.N. envoy"
    elif agent is None:  # "Hezbollah's": a named organisation lends its code
        if org is not None:
            return (countries[0] if countries else org.country), org.sector
    sector = community_sector(span, lexicon, agent, sector)  # "Yoruba leaders" -> CVL
    return (countries[0] if countries else None), sector


def _org_in(span: Span, lexicon: Lexicon):
    for match_id, _, _ in lexicon.names(span):
        kind, ref = span.doc.vocab.strings[match_id].split("|", 1)
        if kind == ORG:
            return lexicon.dicts.organizations[ref]
    return None


# Agent words that say only "somebody of": the organisation they belong to gives the sector.
MEMBER_WORDS = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "leader",
                          "representative", "delegate", "delegation", "member", "staff",
                          "source", "envoy", "negotiator", "chief", "head", "director",
                          "employee", "worker", "volunteer", "aide"})


def org_sector(span: Span, lexicon: Lexicon, agent: Agent | None,
               countries: list[str] | tuple[str, ...]) -> str | None:
    """The sector a named organisation lends to its people: "NATO officials" -> IGO, "Red
    Cross officials" -> NGO, "Hamas officials" -> REB; None if no organisation modifies the
    phrase, or a nationality does ("Iraqi officials at the UN") for a non-member word."""
    skip = range(agent.start, agent.end) if agent else range(0)
    for match_id, start, end in lexicon.names(span):
        kind, ref = span.doc.vocab.strings[match_id].split("|", 1)
        if kind != ORG or start in skip or _is_patron(span.doc, end):
            continue
        org = lexicon.dicts.organizations[ref]
        member = agent is not None and agent.entry.word in MEMBER_WORDS
        if member or (org.sector in ("IGO", "NGO") and set(countries) <= {org.country}):
            return org.sector
    return None


def poss_country(span: Span, lexicon: Lexicon) -> list[str]:
    """"Angola's President Dos Santos", "Israel's Cabinet": the country of a possessor."""
    for child in span.root.lefts:
        if child.dep_ == "poss" and child.i < span.start:
            found = countries_in(span.doc[child.left_edge.i:child.i + 1], lexicon)
            if found:
                return found
    return []


def modifier_country(head: Token, lexicon: Lexicon) -> list[str]:
    """The nationality adjectives before a noun: "Bosnian Serbs" -> [BIH], "Iraqi Kurds"."""
    mods = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")]
    if not mods:
        return []
    return countries_in(head.doc[mods[0].left_edge.i:head.i], lexicon, adjectives_only=True)


def of_country(span: Span, lexicon: Lexicon, *, located: bool = True) -> list[str]:
    """"the president of Iraq", "officials from Iran", "rebels based in Mali": the country in
    the head's own post-modifiers (see `flashpoint.actors.modifiers`)."""
    from flashpoint.actors.modifiers import postmod_country  # it imports this module

    found = postmod_country(span.root, lexicon, located=located)
    return [found] if found else []


def is_ethnic(head: Token) -> bool:
    """"ethnic Albanians", "ethnic Albanian villagers": a people named as an ethnicity, which
    the text may place in another country than the one its name comes from."""
    return any(t.lower_ in ("ethnic", "ethnically") for t in head.subtree if t.i < head.i)
