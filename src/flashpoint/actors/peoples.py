"""Peoples: ethnic and religious communities named without a nationality ("Yoruba leaders",
"Uyghurs", "Karen guerrillas"), coded with their one home country like a demonym.

A nationality always wins over a people's home ("Nigerian Yoruba", "Kazakh Uyghurs"), and an
ethnic phrase's place wins over both ("ethnic Uyghurs in Kazakhstan"): see
`flashpoint.actors.resolve`. A group word that the text also uses in a person's full name
("Jacob Zulu ... Zulu said", "Karen Bass ... Karen said") is the person, not the people.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from flashpoint.actors.lexicon import PEOPLES, Lexicon

# Agent words that only say "somebody of" a community: its leaders and elders are civilians
# ("Yoruba leaders" -> NGA CVL), not the government a nationality's leaders are.
COMMUNITY_WORDS = frozenset({"leader", "elder", "chief", "representative", "spokesman",
                             "spokeswoman", "spokesperson", "figure", "member", "head"})


def peoples_country(lexicon: Lexicon, ref: str) -> str:
    return lexicon.dicts.peoples[ref].country


def is_plural(span: Span, lexicon: Lexicon, ref: str) -> bool:
    """"Uyghurs", "Yorubas": a plural form names the group itself, wherever it stands."""
    name = lexicon.dicts.peoples[ref].name
    return span.root.tag_ in ("NNS", "NNPS") or (span.text != name and span.text.endswith("s")
                                                 and not name.endswith("s"))


def peoples_in(span: Span, lexicon: Lexicon, *, skip: range = range(0)) -> list[str]:
    """Home countries of the peoples named in ``span`` (in order, without repeats)."""
    out: list[str] = []
    for match_id, start, _ in lexicon.names(span):
        kind, ref = span.doc.vocab.strings[match_id].split("|", 1)
        if kind == PEOPLES and start not in skip:
            code = peoples_country(lexicon, ref)
            if code not in out:
                out.append(code)
    return out


def only_peoples(span: Span, lexicon: Lexicon) -> bool:
    """Do the names in ``span`` place it only through a people ("Yoruba leaders")?"""
    kinds = {span.doc.vocab.strings[m].split("|", 1)[0] for m, _, _ in lexicon.names(span)}
    return PEOPLES in kinds and kinds <= {PEOPLES}


def community_sector(span: Span, lexicon: Lexicon, agent, sector: str | None) -> str | None:
    """"Yoruba leaders", "Masalit elders": CVL for a community's own leaders."""
    if agent is not None and agent.entry.word in COMMUNITY_WORDS and only_peoples(span, lexicon):
        return "CVL"
    return sector


def surnames(doc: Doc) -> set[str]:
    """Words the text uses in a person's full name ("Jacob Zulu", "Karen Bass")."""
    return {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
