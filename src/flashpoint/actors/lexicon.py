"""The compiled dictionaries: PhraseMatchers and lookup tables, built once per process.

One ORTH PhraseMatcher holds every proper name (people, organisations, countries, their
adjectives, demonyms, capitals and seats, and the peoples: "Yoruba", "Uyghurs"); one LOWER
PhraseMatcher holds multiword agent nouns ("prime minister"). Matching a Doc is one pass of
each matcher; nothing loops over the dictionary per token.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import spacy
from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

from flashpoint.dictionaries import AgentEntry, Dictionaries, load_dictionaries

# Match kinds (the prefix of a match key).
PERSON, ORG, SEAT, SHORT = "P", "O", "T", "S"
COUNTRY, CAPITAL, DEMONYM, ADJECTIVE = "C", "K", "D", "A"
PEOPLES = "E"  # an ethnic or religious community with one home country: ref = its entry id

# Last words never used alone as a person's short name: months, common words and very
# common family names would code strangers ("May said", "Khan").
_NO_SHORT = frozenset("""May Power Hague Martin Jordan Khan Singh Kim Lee Li Wang Ali Hassan
Ahmed Mohammed Muhammad Abdullah Park Dan Young Brown Wong Cook Grant Ross Sultan Salam Lam
Hun Rice Johnson Miller Price Cohen Katz Bar Michel Costa Fox Harris Scott Bruce Gabriel
Hunt Pavel Khalifa Hussein Rashid Kamel Mustafa Sharon Clark Moussa Aziz Saleh Omar Jr.
Jr II III Abbas Said Lula""".split()) | frozenset(
    # honorifics that end a name ("Hussein al-Sheikh") but alone title anybody ("Sheikh Hamad")
    """Sheikh Sheik Shaikh Emir Amir Imam Mullah Mulla Sayyed Sayed Sayyid Haji Hajji Pasha
    Bey Mufti Ayatollah Rabbi""".split())


@dataclass
class Lexicon:
    dicts: Dictionaries
    names: PhraseMatcher
    agents_multi: PhraseMatcher
    agent_words: dict[str, AgentEntry]  # singular and plural single-word forms
    country_of_text: dict[str, str] = field(default_factory=dict)  # "Iraqi" -> IRQ
    shorts: dict[str, list[str]] = field(default_factory=dict)  # "Trump" -> [person ids]

    def agent(self, word: str) -> AgentEntry | None:
        return self.agent_words.get(word.lower())


_CACHE: dict[tuple, tuple[Vocab, Lexicon]] = {}
_LOCK = threading.Lock()


def get_lexicon(vocab: Vocab, *, extra: tuple[str, ...] = (), tokenizer=None) -> Lexicon:
    """The lexicon for this vocab and user dictionaries; built on first use, then cached."""
    key = (id(vocab), tuple(str(p) for p in extra))
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is None:
            tokenizer = tokenizer or spacy.blank("en", vocab=vocab).tokenizer
            hit = _CACHE[key] = (vocab, _build(vocab, load_dictionaries(extra=key[1]), tokenizer))
        return hit[1]


def _build(vocab: Vocab, dicts: Dictionaries, tokenizer) -> Lexicon:
    phrases: dict[str, set[str]] = {}  # match key -> phrases

    def add(kind: str, ref: str, *texts: str) -> None:
        for text in texts:
            if text:
                phrases.setdefault(f"{kind}|{ref}", set()).add(text)

    country_of_text: dict[str, str] = {}
    for c in dicts.countries.values():
        add(COUNTRY, c.id, c.name, *c.aliases)
        add(CAPITAL, c.id, *c.capitals)
        add(DEMONYM, c.id, *c.demonyms)
        add(ADJECTIVE, c.id, *c.adjectives)
        for name, sector in c.seats:
            add(SEAT, f"{c.id}|{sector}|{name}", name)
        for text in (c.name, *c.aliases, *c.adjectives, *c.demonyms):
            country_of_text.setdefault(text, c.id)
            country_of_text.setdefault(text.lower(), c.id)
    for g in dicts.peoples.values():
        add(PEOPLES, g.id, *g.forms)
    for o in dicts.organizations.values():
        add(ORG, o.id, o.name, *o.aliases)
    shorts: dict[str, list[str]] = {}
    for p in dicts.people.values():
        add(PERSON, p.id, p.name, *p.aliases)
        for short in _shorts(p):
            shorts.setdefault(short, []).append(p.id)
    for short in shorts:
        add(SHORT, short, short)
    names = PhraseMatcher(vocab, attr="ORTH")
    for key, texts in phrases.items():
        names.add(key, list(tokenizer.pipe(sorted(texts))))
    agents_multi = PhraseMatcher(vocab, attr="LOWER")
    agent_words: dict[str, AgentEntry] = {}
    for a in dicts.agents.values():
        for form in filter(None, (a.word, a.plural)):
            if " " in form:
                agents_multi.add(f"G|{a.word}", [tokenizer(form)])
            else:
                agent_words[form] = a
    return Lexicon(dicts=dicts, names=names, agents_multi=agents_multi, agent_words=agent_words,
                   country_of_text=country_of_text, shorts=shorts)


def _shorts(person) -> tuple[str, ...]:
    """The names a person goes by alone: given, or the last word of the name."""
    if person.short is not None:
        return person.short
    last = person.name.split()[-1]
    if last in _NO_SHORT or len(last) < 3:
        return ()
    stripped = last.split("-", 1)[1] if last.lower().startswith(("al-", "el-")) else None
    return (last, stripped) if stripped and stripped not in _NO_SHORT else (last,)
