"""The article's dominant country: a last resort for placing a titled head of state.

"President Dos Santos conceded to demands from the National Union for the Total Independence
of Angola": nothing ties the president to Angola by syntax, but Angola is the only country
the article talks about. The rule is deliberately narrow (a wrong country is worse than
none):

- only places and national institutions count: country names, capitals and seats of power,
  and nationality adjectives, that do not describe other people ("South African leader
  F.W. de Klerk" says nothing about the country of "President Mitterrand") and are not
  themselves a party to an action ("X met Chad's envoy", "X threatened Chad");
- a country dominates only with at least twice the mentions of any other;
- the resolver applies it only to heads of state and government (``HEAD_TITLES``).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from flashpoint.actors.lexicon import ADJECTIVE, CAPITAL, COUNTRY, SEAT, Lexicon
from flashpoint.actors.syntax import acts, clause_role, in_amount

# Titles whose holder is, by default, the leader of the country the article is about.
HEAD_TITLES = frozenset({"president", "prime minister", "premier", "chancellor", "king",
                         "queen", "emir", "sultan", "monarch", "dictator", "strongman",
                         "head of state", "head of government"})
_PLACE_KINDS = (COUNTRY, CAPITAL, SEAT)


def country_mentions(doc: Doc, lexicon: Lexicon) -> Counter:
    """How often each country is named as a place or institution in ``doc``."""
    counts: Counter = Counter()
    for match_id, start, end in lexicon.names(doc):
        kind, ref = doc.vocab.strings[match_id].split("|", 1)
        if kind not in _PLACE_KINDS and kind != ADJECTIVE or in_amount(doc, start, end):
            continue  # "US $50 million" says nothing about where the article is
        span = doc[start:end]
        if _describes_people(span.root, lexicon) or (
                acts(span) and clause_role(span.root).dep_ != "poss"):
            continue
        counts[ref.split("|", 1)[0]] += 1
    return counts


def dominant_country(doc: Doc, lexicon: Lexicon) -> str | None:
    """The country named at least twice as often as any other, or None.

    >>> # "Omar al-Bashir eased the curfew in Sudan" -> "SDN"; Sudan and Chad once each -> None
    """
    ranked = country_mentions(doc, lexicon).most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def _describes_people(word, lexicon: Lexicon) -> bool:
    """Does this country word modify a person or group noun ("Angola's president")?"""
    head = word
    for _ in range(4):  # "South African leader", "Iraqi militia commander", "Chad and Sudan"
        if head.dep_ not in ("compound", "amod", "conj", "poss") or head.head.i == head.i:
            break
        head = head.head
        if head.ent_type_ in ("PERSON", "NORP") or lexicon.agent(head.text) or \
                (head.pos_ == "NOUN" and lexicon.agent(head.lemma_)):
            return True
    return False
