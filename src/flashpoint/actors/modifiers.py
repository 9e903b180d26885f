"""A country from a mention's own post-modifiers: "rebels in Mali", "officials from Iran",
"militants based in Pakistan", "fighters loyal to Libya's commander", "workers of the steel
company of Mosul", "ethnic Albanians in southern Serbia".

Only the dependency tree is read: prepositional phrases on the head, and the prepositional
phrases of a few linking participles or adjectives on it ("based in", "loyal to"). The object
gives a country by its own words (a country, capital, nationality adjective, possessor or
dictionary name), else by the gazetteer (a city or province), else by its own post-modifiers
("the Tarvik Steel Company of Mosul"). The resolver uses it only when the mention has no
nationality of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.actors.lexicon import Lexicon
from flashpoint.geo.gazetteer import get_gazetteer
from flashpoint.geo.resolve import best

# Prepositions that place or affiliate the head ("of" also: "the government of Sindh").
PLACE_PREPS = frozenset({"in", "of", "from", "inside", "within", "across", "throughout"})
# Participles and adjectives after the head whose PP places or affiliates it, with the
# prepositions they take; a PATRON-like verb ("backed by") is deliberately absent.
LINKERS = {"base": PLACE_PREPS | {"out"}, "operate": PLACE_PREPS, "active": PLACE_PREPS,
           "fight": {"in", "inside", "across"},
           "live": PLACE_PREPS, "reside": PLACE_PREPS, "headquarter": PLACE_PREPS,
           "locate": PLACE_PREPS, "hail": {"from"}, "bear": {"in"}, "native": {"of", "to"},
           "loyal": {"to"}, "affiliate": {"with", "to"}, "belong": {"to"},
           "attach": {"to"}, "subordinate": {"to"}}
# Heads whose of-phrase is their object, not their home: "critics of Iran".
OBJECT_OF = frozenset({"critic", "opponent", "enemy", "foe", "victim", "ally", "expert",
                       "observer", "analyst", "target"})
# Where a group is, not where it is from: only an of/from phrase or an affiliation then
# places it ("Red Cross officials in Kabul", "foreign fighters in Syria" are not Afghan or
# Syrian).
LOCATING = frozenset({"in", "inside", "within", "across", "throughout"})
AFFILIATIONS = frozenset({"loyal", "affiliate", "belong", "attach", "subordinate", "native",
                          "hail"})
NOT_LOCAL = frozenset({"foreign", "international", "exiled", "expatriate", "visiting"})
# Common nouns that follow a place name: "Kandahar province", "the city of Mosul".
PLACE_NOUNS = frozenset({"province", "region", "district", "state", "city", "county", "town",
                         "village", "governorate", "prefecture", "area", "municipality",
                         "department", "oblast", "territory", "capital", "island", "islands",
                         "valley", "heights", "port", "neighbourhood", "neighborhood",
                         "suburb", "outskirts", "enclave"})
_GAZETTEER_KINDS = frozenset({"country", "city", "admin", "region"})
MAX_DEPTH = 2  # "workers of the company of Mosul": PP in PP, no further


def postmod_country(head: Token, lexicon: Lexicon, *, depth: int = MAX_DEPTH,
                    located: bool = True) -> str | None:
    """The country that ``head``'s post-modifiers place it in, or None.

    ``located``: whether where the head is ("rebels in Mali") may stand for where it is
    from; callers pass False for international bodies, whose people work abroad.
    """
    if head.lemma_.lower() in OBJECT_OF or head.lower_ in OBJECT_OF:
        return None
    located = located and not any(c.lower_ in NOT_LOCAL for c in head.lefts)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and (
                located or child.lower_ not in LOCATING):
            found = _pp_country(child, lexicon, depth, located)
        elif child.dep_ in ("acl", "amod", "advcl") and _linker(child) is not None and (
                located or child.lemma_.lower() in AFFILIATIONS):
            preps = _linker(child)
            found = None
            for prep in _preps_of(child):
                if prep.lower_ in preps:
                    found = found or _pp_country(prep, lexicon, depth, located)
        else:
            continue
        if found:
            return found
    return None


def _linker(tok: Token) -> frozenset | set | None:
    return LINKERS.get(tok.lemma_.lower()) or LINKERS.get(tok.lower_)


def _preps_of(tok: Token) -> list[Token]:
    """The prepositions of a linker: "based in", "based out of" (the "of" under "out")."""
    out = []
    for child in tok.rights:
        if child.dep_ == "prep":
            out.append(child)
            out += [c for c in child.rights if c.dep_ == "prep"]
    return out


def _pp_country(prep: Token, lexicon: Lexicon, depth: int, located: bool) -> str | None:
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None if pobj is None else object_country(pobj, lexicon, depth=depth,
                                                    located=located)


def object_country(obj: Token, lexicon: Lexicon, *, depth: int = MAX_DEPTH,
                   located: bool = True) -> str | None:
    """The country a PP object names: its words, else the gazetteer, else its own PPs."""
    from flashpoint.actors.describe import countries_in  # describe imports this module

    doc = obj.doc
    # the place's own name before any adjective on it: "the Israeli-occupied West Bank" is PSE
    start = obj.i
    while start > obj.left_edge.i and doc[start - 1].pos_ == "PROPN":
        start -= 1
    name = doc[start:obj.i + 1] if obj.pos_ == "PROPN" else None
    found = countries_in(name, lexicon) if name is not None else []
    if not found and name is not None and len(name) > 1:  # a single word may be a common one
        found = list(filter(None, [place_country(name.text)]))
    found = found or countries_in(doc[obj.left_edge.i:obj.i + 1], lexicon)
    if found:
        return found[0]
    country = gazetteer_country(obj)
    if country:
        return country
    # recurse only into names ("the Tarvik Steel Company of Mosul"), never "in front of"
    if depth > 1 and (obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "FAC", "GPE", "LOC")
                      or obj.lower_ in PLACE_NOUNS):
        return postmod_country(obj, lexicon, depth=depth - 1, located=located)
    return None


def gazetteer_country(obj: Token) -> str | None:
    """The country of the place ``obj`` names ("Mosul", "Kandahar province"), or None.

    Proper names only, looked up by their main or alternate name (never as an adjective);
    an ambiguous name takes the gazetteer's best-known entry.
    """
    doc = obj.doc
    end = obj.i + 1 if obj.pos_ == "PROPN" else obj.i
    if end == obj.i and obj.lower_ not in PLACE_NOUNS:
        return None
    start = end
    while start > obj.left_edge.i and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start == end:
        return None
    return place_country(doc[start:end].text)


def place_country(name: str) -> str | None:
    """The country of a place name by the offline gazetteer, or None if unknown or ambiguous
    between no-country regions."""
    hits = [h for h in get_gazetteer().lookup(name)
            if h.how != "adjective" and h.entry.kind in _GAZETTEER_KINDS and h.entry.country]
    hit = best(hits)
    return hit.entry.country if hit else None
