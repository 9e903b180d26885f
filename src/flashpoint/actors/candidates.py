"""Step 1 of resolution: the named spans of a Doc, dictionary matches and model entities.

Dictionary matches override the model where they overlap (the small model tags "Soleimani"
as a place), except that a longer model PERSON/ORG span containing a mere country word wins
("Jordan Peterson", "Bank of England").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from flashpoint.actors.lexicon import (ADJECTIVE, CAPITAL, COUNTRY, DEMONYM, ORG, PEOPLES,
                                       PERSON, SEAT, SHORT, Lexicon)
from flashpoint.actors.peoples import surnames
from flashpoint.actors.syntax import in_amount

MODEL_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_PLACE_KINDS = (COUNTRY, CAPITAL, DEMONYM, ADJECTIVE, SHORT)
# Model entities headed by these words are times, weapons or substances, never actors
# ("Monday night", "tear gas", "rubber bullets" tagged ORG by the small model).
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday weekend
morning afternoon evening night midnight noon today tonight yesterday tomorrow day days week
weeks month months year years decade january february march april june july august september
october november december dawn dusk hour hours eve""".split())
NOISE_HEADS = frozenset("""gas bullet bullets grenade grenades missile missiles rocket rockets
bomb bombs mortar mortars rifle rifles gun guns weapon weapons drone drones
ammunition explosive explosives chemical chemicals agent sarin chlorine napalm phosphorus
cannon cannons spray pepper drug drugs cocaine heroin opium""".split())
# Lower rank wins a tie between spans of the same length.
_RANK = {PERSON: 0, ORG: 0, SEAT: 0, SHORT: 1, COUNTRY: 2, CAPITAL: 2, DEMONYM: 2,
         ADJECTIVE: 2, PEOPLES: 2, "ner": 3}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: str  # a lexicon kind, or "ner"
    ref: str  # dictionary ref, or the model label for "ner"

    @property
    def length(self) -> int:
        return self.end - self.start


def find_candidates(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """Non-overlapping named spans, in document order."""
    found = []
    national: set[int] = set()  # tokens of nationality words ("Bosnian", "Serbs")
    family = surnames(doc)  # "Jacob Zulu ... Zulu said": a person, not the Zulu people
    for match_id, start, end in lexicon.names(doc):
        kind, ref = doc.vocab.strings[match_id].split("|", 1)
        if kind in _PLACE_KINDS and in_amount(doc, start, end):
            continue  # "US $50 million": the currency's country, not an actor
        if kind == PEOPLES and doc[start:end].text in family:
            continue
        found.append(Candidate(start, end, kind, ref))
        if kind in (ADJECTIVE, DEMONYM, PEOPLES):
            national.update(range(start, end))
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "NORP") and all(t.i in national for t in ent):
            continue  # "Bosnian Serbs" is an adjective and a demonym, not somebody's name
        if ent.label_ in MODEL_LABELS and not is_noise(ent):
            start = ent.start
            while start < ent.end - 1 and doc[start].dep_ in ("det", "poss") or \
                    (start < ent.end - 1 and doc[start].lower_ in ("the", "a", "an")):
                start += 1
            end = ent.end
            while end > start + 1 and doc[end - 1].tag_ == "POS":  # "Iran 's" -> "Iran"
                end -= 1
            found.append(Candidate(start, end, "ner", ent.label_))
    found.sort(key=lambda c: (-c.length, _RANK.get(c.kind, 5), c.start))
    # A wire dateline ("BEIRUT (Reuters) -") names where the story was filed, not an actor.
    taken: set[int] = {i for start, end in (doc._.get("fp_datelines") or ()) for i in
                       range(start, end)}
    chosen = []
    for cand in found:
        span = range(cand.start, cand.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def is_noise(ent) -> bool:
    """A model entity that cannot be an actor: part of an amount, a date or time, a weapon
    or substance, or all lower-case common words ("tear gas", "Monday night", "US $5")."""
    if in_amount(ent.doc, ent.start, ent.end):
        return True
    words = [t for t in ent if t.is_alpha]
    if not words or all(t.is_lower for t in words):
        return True
    if all(t.lower_ in TIME_WORDS for t in words):
        return True
    return ent.root.lower_ in NOISE_HEADS or ent.root.lower_ in TIME_WORDS
