"""Step 1 of resolution: the named spans of a Doc, dictionary matches and model entities.

Dictionary matches override the model where they overlap (the small model tags "Soleimani"
as a place), except that a longer model PERSON/ORG span containing a mere country word wins
("Jordan Peterson", "Bank of England").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from flashpoint.actors.lexicon import (ADJECTIVE, CAPITAL, COUNTRY, DEMONYM, ORG, PERSON, SEAT,
                                       SHORT, Lexicon)

MODEL_LABELS = ("PERSON", "ORG", "NORP", "GPE")
# Lower rank wins a tie between spans of the same length.
_RANK = {PERSON: 0, ORG: 0, SEAT: 0, SHORT: 1, COUNTRY: 2, CAPITAL: 2, DEMONYM: 2,
         ADJECTIVE: 2, "ner": 3}


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
    for match_id, start, end in lexicon.names(doc):
        kind, ref = doc.vocab.strings[match_id].split("|", 1)
        found.append(Candidate(start, end, kind, ref))
        if kind in (ADJECTIVE, DEMONYM):
            national.update(range(start, end))
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "NORP") and all(t.i in national for t in ent):
            continue  # "Bosnian Serbs" is an adjective and a demonym, not somebody's name
        if ent.label_ in MODEL_LABELS:
            start = ent.start
            while start < ent.end - 1 and doc[start].dep_ in ("det", "poss") or \
                    (start < ent.end - 1 and doc[start].lower_ in ("the", "a", "an")):
                start += 1
            end = ent.end
            while end > start + 1 and doc[end - 1].tag_ == "POS":  # "Iran 's" -> "Iran"
                end -= 1
            found.append(Candidate(start, end, "ner", ent.label_))
    found.sort(key=lambda c: (-c.length, _RANK.get(c.kind, 5), c.start))
    taken: set[int] = set()
    chosen = []
    for cand in found:
        span = range(cand.start, cand.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
