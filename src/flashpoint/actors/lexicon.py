"""The compiled dictionaries: PhraseMatchers and lookup tables, built once per process.

One ORTH PhraseMatcher holds every proper name (people, organisations, countries, their
adjectives, demonyms, capitals and seats, and the peoples: "Yoruba", "Uyghurs"); one LOWER
PhraseMatcher holds multiword agent nouns ("prime minister"). Matching a Doc is one pass of
each matcher; nothing loops over the dictionary per token.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

from flashpoint.cache import cached, fingerprint, phrase_specs, tokenizer_fingerprint
from flashpoint.dictionaries import AgentEntry, Dictionaries, load_dictionaries
from flashpoint.dictionaries.loader import dictionaries_key

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


@dataclass(frozen=True)
class LexiconTables:
    """What compiling the dictionaries produces, as plain values (the start-up cache keeps
    them): each PhraseMatcher's patterns as token hashes, and the lookup tables."""

    names: dict[str, list[tuple[int, ...]]]  # match key -> ORTH patterns
    agents_multi: dict[str, list[tuple[int, ...]]]  # match key -> LOWER patterns
    agent_forms: dict[str, str]  # single-word form -> the agent entry's word
    country_of_text: dict[str, str]
    shorts: dict[str, list[str]]


_CACHE: dict[tuple, tuple[Vocab, Lexicon]] = {}
_LOCK = threading.Lock()


def get_lexicon(vocab: Vocab, *, extra: tuple[str, ...] = (), tokenizer=None,
                cache_dir: str | os.PathLike | None = None) -> Lexicon:
    """The lexicon for this vocab and user dictionaries; built on first use, then kept.

    The dictionaries and the tokenized patterns come from the start-up cache in
    ``cache_dir`` (:mod:`flashpoint.cache`) while their sources and the tokenizer are
    unchanged.
    """
    key = (id(vocab), tuple(str(p) for p in extra))
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is None:
            tokenizer = tokenizer or spacy.blank("en", vocab=vocab).tokenizer
            dicts = load_dictionaries(extra=key[1], cache_dir=cache_dir)
            base = dictionaries_key(key[1])
            cache_key = None if base is None else fingerprint(
                files=(Path(__file__),), extra=(base, tokenizer_fingerprint(tokenizer)))
            tables = cached(f"lexicon-{_entry_suffix(key[1])}", key=cache_key,
                            directory=cache_dir,
                            build=lambda: build_tables(dicts, tokenizer))
            hit = _CACHE[key] = (vocab, assemble(vocab, dicts, tables))
        return hit[1]


def _entry_suffix(extra: tuple[str, ...]) -> str:
    return hashlib.sha256("\0".join(extra).encode()).hexdigest()[:12] if extra else "builtin"


def build_tables(dicts: Dictionaries, tokenizer) -> LexiconTables:
    """Compile the dictionaries: tokenize every phrase, build the lookup tables (no cache)."""
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
    names = {key: phrase_specs(tokenizer, sorted(texts), attr="ORTH")
             for key, texts in phrases.items()}
    agents_multi: dict[str, list[tuple[int, ...]]] = {}
    agent_forms: dict[str, str] = {}
    for a in dicts.agents.values():
        for form in filter(None, (a.word, a.plural)):
            if " " in form:
                agents_multi.setdefault(f"G|{a.word}", []).extend(
                    phrase_specs(tokenizer, [form], attr="LOWER"))
            else:
                agent_forms[form] = a.word
    return LexiconTables(names=names, agents_multi=agents_multi, agent_forms=agent_forms,
                         country_of_text=country_of_text, shorts=shorts)


def assemble(vocab: Vocab, dicts: Dictionaries, tables: LexiconTables) -> Lexicon:
    """The Lexicon on ``vocab`` from compiled tables: the matchers filled from the patterns."""
    names = PhraseMatcher(vocab, attr="ORTH")
    for key, specs in tables.names.items():
        names.add(key, specs)
    agents_multi = PhraseMatcher(vocab, attr="LOWER")
    for key, specs in tables.agents_multi.items():
        agents_multi.add(key, specs)
    agent_words = {form: dicts.agents[word] for form, word in tables.agent_forms.items()}
    return Lexicon(dicts=dicts, names=names, agents_multi=agents_multi, agent_words=agent_words,
                   country_of_text=dict(tables.country_of_text),
                   shorts={k: list(v) for k, v in tables.shorts.items()})


def _shorts(person) -> tuple[str, ...]:
    """The names a person goes by alone: given, or the last word of the name."""
    if person.short is not None:
        return person.short
    last = person.name.split()[-1]
    if last in _NO_SHORT or len(last) < 3:
        return ()
    stripped = last.split("-", 1)[1] if last.lower().startswith(("al-", "el-")) else None
    return (last, stripped) if stripped and stripped not in _NO_SHORT else (last,)
