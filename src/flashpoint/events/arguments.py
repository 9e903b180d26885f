"""Who did it and to whom: actor lookup over the dependency parse.

Actors come from the actors stage (``doc._.fp_actor_mentions``); this module only finds which
mention fills a role. When the actors stage has produced nothing at all (not installed, or a
bare pipeline) it falls back to the model's named entities, as name-only references.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from flashpoint.nlp.extensions import records
from flashpoint.schema import ActorRef

_FALLBACK_ENTS = {"GPE", "NORP", "ORG", "PERSON"}
# Prepositions inside a thing-denoting phrase whose objects are whom the thing is about.
INNER_PREPS = ("of", "by", "from", "on", "against", "to", "with", "for", "over", "into",
               "between", "among")
# Nouns of a place's edge, whose nationality word says where something is, not whose it is.
_WHERE_NOUNS = frozenset({"border", "frontier", "coast", "side", "shore", "outskirts",
                          "boundary",
                          # venues: "met on the sidelines of the APEC summit" meets no APEC
                          "sidelines", "sideline", "margins", "margin", "summit", "conference",
                          "forum"})
# Participles after a thing whose by-agent is whose thing it is ("a rally staged by X").
_AGENTIVE_ACL = ("acl",)
_RELATIVE = {"who", "which", "that", "whom"}
_MODIFIERS = ("compound", "amod", "poss", "nmod")
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")


class ActorIndex:
    """Token index -> ActorRef, built once per Doc from the actors stage's mentions."""

    def __init__(self, doc: Doc, *, event_nouns: frozenset[str] = frozenset()) -> None:
        actors = self.actors = {a.id: a for a in records(doc, "fp_actors")}
        self.doc = doc
        self.text = doc.text
        self.event_nouns = event_nouns  # "the strike" names an event, never an actor
        self.named: set[tuple[int, int] | None] = set()  # spans of name-only fallbacks
        self.refs: dict[int, ActorRef] = {}
        self.also: dict[tuple[int, int] | None, list[ActorRef]] = {}  # more actors, one span
        for mention in records(doc, "fp_actor_mentions"):
            actor = actors.get(mention.ref)
            if actor is None:
                continue
            ref = ActorRef.of(actor, span=(mention.start_char, mention.end_char))
            if not coded(ref):
                ref = _of_organisation(doc[mention.start:mention.end], ref)
            if mention.start in self.refs and self.refs[mention.start].span == ref.span:
                # "Saudi and UAE diplomats": one phrase, an actor per nationality
                self.also.setdefault(ref.span, []).append(ref)
                continue
            for i in range(mention.start, mention.end):
                self.refs.setdefault(i, ref)
        self.places: dict[int, ActorRef] = _place_refs(doc)
        if not self.refs:
            self._fallback(doc)

    def _fallback(self, doc: Doc) -> None:
        for ent in doc.ents:
            if ent.label_ in _FALLBACK_ENTS:
                place = self.places.get(ent.root.i)  # "Dutch", "Cairo": still a country
                ref = ActorRef(actor=None, name=ent.text, country=place and place.country,
                               span=(ent.start_char, ent.end_char))
                for i in range(ent.start, ent.end):
                    self.refs[i] = ref

    def kind(self, ref: ActorRef) -> str | None:
        """The resolved actor's type (person, group, ...), None for a name-only reference."""
        actor = self.actors.get(ref.actor) if ref.actor else None
        return actor.type if actor is not None else None

    def _head(self, ref: ActorRef) -> Token | None:
        span = self.doc.char_span(*ref.span, alignment_mode="expand") if ref.span else None
        return span.root if span is not None else None

    def agent_noun(self, ref: ActorRef) -> bool:
        """A name-only reference headed by a role noun of the dictionaries ("the army",
        "protesters", "12 men"): people, though the actors stage resolved no actor."""
        from flashpoint.actors import get_lexicon

        head = self._head(ref)
        lexicon = get_lexicon(self.doc.vocab)
        return head is not None and (lexicon.agent(head.text) is not None
                                     or lexicon.agent(head.lemma_) is not None)

    def is_party(self, ref: ActorRef) -> bool:
        """Whether a reference can be a side of an event: a resolved actor, a country-coded
        reference, a role noun, or a name; never a thing ("regional stability", "a bridge",
        "the deals")."""
        if coded(ref) or self.kind(ref) is not None or self.agent_noun(ref):
            return True
        head = self._head(ref)
        return head is not None and (head.pos_ == "PROPN" or head.ent_type_ in _NAME_ENTS)

    def country_ref(self, iso: str) -> ActorRef:
        """The country itself as a side, named as the dictionaries name it."""
        from flashpoint.actors import get_lexicon

        entry = get_lexicon(self.doc.vocab).dicts.countries.get(iso)
        return ActorRef(actor=None, name=entry.name if entry else iso, country=iso)

    def collective(self, ref: ActorRef) -> bool:
        """A group or organisation (resolved, or a role noun), which a place may code; never
        a person or a thing."""
        kind = self.kind(ref)
        return kind in ("group", "organization") or (kind is None and self.agent_noun(ref))

    def is_actor(self, ref: ActorRef) -> bool:
        """False for a name-only fallback ("its own economy"), true for a resolved actor."""
        return ref.span not in self.named

    def at(self, token: Token) -> ActorRef | None:
        """The actor mention at ``token``, else the country a place name there stands for:
        the actors stage keeps "to Britain" or "in Amman" as places, but an event's argument
        slot makes them participants ("extradited him to Britain", "arrived in Amman")."""
        return self.refs.get(token.i) or self.places.get(token.i)

    def phrase(self, head: Token, depth: int = 0) -> list[ActorRef]:
        """The actors a noun phrase headed by ``head`` denotes, one per conjunct.

        "the U.S. and Iran" gives two; "members of the Trump administration" looks inside
        the "of" phrase; "countries, notably Israel, Saudi Arabia and the UAE" the apposition.
        """
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head
        found: list[ActorRef] = []
        for conjunct in (head, *_conjuncts(head)):
            # "Trump's special envoy, Steve Witkoff": the title's name is the actor, not the
            # possessor of the title
            named = [r for a in conjunct.children if a.dep_ == "appos"
                     and (r := self.at(a)) is not None and self.kind(r) == "person"] \
                if self.at(conjunct) is None else []
            ref = named[0] if named else self._one(conjunct, depth)
            if ref is not None and not coded(ref) and \
                    self.kind(ref) in (None, "person", "group"):
                ref = self._affiliated(conjunct, ref)
            if ref is not None:
                found.append(ref)
                found.extend(self.also.get(ref.span, ()))
                found.extend(self._coordinated_modifiers(conjunct))
            else:
                for appos in (c for c in conjunct.children if c.dep_ == "appos"):
                    found.extend(self.phrase(appos, depth + 1))
        if not found and head.pos_ in ("NOUN", "PROPN") and depth == 0 \
                and head.lemma_.lower() not in self.event_nouns:
            found = [_named(t) for t in (head, *_conjuncts(head))
                     if t.pos_ in ("NOUN", "PROPN") and not _is_time_or_amount(t)]
            self.named.update(r.span for r in found)
        return _unique(found)

    def inside(self, head: Token, *, depth: int = 0,
               preps: tuple[str, ...] = INNER_PREPS) -> list[ActorRef]:
        """The country-coded actors inside a phrase that names a thing, not an actor: the
        objects of its prepositions, with their possessors and nationality words ("the
        withdrawal of Serbian forces", "calls by Belarus's rulers", "the blockade on
        Palestinian lorries", "relations with Russia"). The first preposition that yields
        one wins; a phrase with none looks one level further in."""
        if depth > 2:
            return []
        fallback: list[ActorRef] = []
        # "a demonstration staged by students": the by-agent of a participle on the thing
        hung = [a for c in head.children if c.dep_ in _AGENTIVE_ACL and c.tag_ == "VBN"
                for a in c.children if a.dep_ == "agent" and "by" in preps]
        for prep in [c for c in head.children if c.dep_ == "prep" and c.lower_ in preps] + hung:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if pobj.lemma_.lower() in _WHERE_NOUNS:
                    continue  # "a stronghold on the Thai border": where, not whose
                found = self.phrase(pobj)
                refs = [r for r in found if coded(r)] or self.inside(pobj, depth=depth + 1,
                                                                      preps=preps)
                if refs:
                    return refs
                # "accepted demands from Shona rebels": an actor with no country yet, which
                # the domestic rules may still place, unless a coded one turns up later
                fallback = fallback or [r for r in found if self.is_actor(r)
                                        and self.kind(r) is not None]
        return fallback

    def complement(self, verb: Token, preps: tuple[str, ...], *,
                   exclude: tuple[ActorRef, ...] = ()) -> list[ActorRef]:
        """The country-coded actors an infinitive complement acts on, for a verb that names
        none itself: "threatened to cut off electricity to X", "agreed to set up a centre in
        X", "refused to allow X's planes to land". The first complement with one wins; else
        the first actor with no country yet ("opened fire to disperse demonstrators"), which
        the domestic rules may still place."""
        fallback: list[ActorRef] = []
        purposes = [c for c in children(verb, "advcl")  # "opened fire to disperse X"
                    if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        # "refrained from attacking X", "backed down from staging a strike on X"
        gerunds = [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                   for c in p.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]
        for comp in children(verb, "xcomp") + purposes + gerunds:
            if comp.pos_ not in ("VERB", "AUX"):
                continue
            obj = object_of(comp)
            heads = ([obj] if obj is not None else []) + children(comp, "dative")
            heads += [t for h in (comp, *heads) for t in prep_objects(h, preps)]
            # "blocked roads to press their demands": the subject's own is no target
            own = {r.actor or r.name for r in exclude}
            found = [r for h in heads for r in self.phrase(h) if (r.actor or r.name) not in own]
            refs = [r for r in found if coded(r)]
            fallback = fallback or [r for r in found if self.is_actor(r) and self.kind(r)]
            for thing in heads if not refs else ():  # "refused to respond to a demand from X"
                refs = [r for r in self.inside(thing) if (r.actor or r.name) not in own]
                if refs:
                    break
            if refs:
                return _unique(refs)
        return _unique(fallback)

    def _affiliated(self, head: Token, ref: ActorRef) -> ActorRef:
        """A person the actors stage could not place takes the country or body his title
        names: "King Hassan of Morocco", "Arab League Secretary General Chadli Klibi",
        "Quatar's emir, Sheikh Hamad", "diplomats from the Group of Seven"."""
        span = ref.span or (head.idx, head.idx + len(head))
        near = [c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod", "appos")
                and not (span[0] <= c.idx < span[1])]
        near += prep_objects(head, ("of", "from"))  # "diplomats from the G7", "envoy of X"
        if head.dep_ == "appos":  # "Quatar's emir, Sheikh Hamad": the title is the head
            near.append(head.head)
        for token in near:
            for found in (self.at(token), *(self.at(c) for c in token.children
                                            if c.dep_ in ("compound", "poss", "amod"))):
                if found is not None and coded(found) and found.span != ref.span:
                    return replace(ref, country=found.country, sector=found.sector,
                                   entry=found.entry)
        return ref

    def _coordinated_modifiers(self, head: Token) -> list[ActorRef]:
        """ "Saudi and UAE diplomats": the modifier's own conjuncts name further actors."""
        out = []
        for child in head.children:
            if child.dep_ in _MODIFIERS and self.at(child) is not None:
                out.extend(r for c in child.conjuncts if (r := self.at(c)) is not None)
        return out

    def _one(self, head: Token, depth: int) -> ActorRef | None:
        ref = self.at(head)
        if ref is not None:
            return ref
        for child in head.children:
            if child.dep_ in _MODIFIERS:
                ref = self.at(child) or (self._one(child, depth + 1) if depth < 2 else None)
                if ref is not None:
                    return ref
        if depth < 2:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    ref = self._one(pobj, depth + 1)
                    if ref is not None:
                        return ref
        return _nationality(head) if depth == 0 else None


_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december morning
afternoon evening night week weekend month year day hour minute today yesterday""".split())


def coded(ref: ActorRef) -> bool:
    """A reference with a country-level code (a country, or an international body)."""
    return bool(ref.country) or ref.sector in ("IGO", "NGO")


def _is_time_or_amount(token: Token) -> bool:
    """ "on Monday night", "for 30 days", "$50 million": when or how much, never who."""
    return token.ent_type_ in _NOT_ACTORS or token.lower_ in _TIME_WORDS


def _place_refs(doc: Doc) -> dict[int, ActorRef]:
    """Token index -> country reference, for every country name, capital and nationality
    word of the Doc (one pass of the dictionary's PhraseMatcher; the longest match wins)."""
    from flashpoint.actors import get_lexicon
    from flashpoint.actors.lexicon import ADJECTIVE, CAPITAL, COUNTRY, DEMONYM

    lexicon = get_lexicon(doc.vocab)
    kinds = (COUNTRY, CAPITAL, ADJECTIVE, DEMONYM)
    found = []
    for match_id, start, end in lexicon.names(doc):
        kind, ref = doc.vocab.strings[match_id].split("|", 1)
        if kind in kinds:
            found.append((start, end, ref))
    out: dict[int, ActorRef] = {}
    for start, end, iso in sorted(found, key=lambda m: m[0] - m[1]):
        span = doc[start:end]
        ref = ActorRef(actor=None, name=span.text, country=iso,
                       span=(span.start_char, span.end_char))
        for i in range(start, end):
            out.setdefault(i, ref)
    return out


def _of_organisation(span, ref: ActorRef) -> ActorRef:
    """ "Red Cross officials", "NATO diplomats": people the actors stage left uncoded act for
    the named organisation inside their phrase, which lends its country and sector (never
    the place where they act)."""
    from flashpoint.actors import get_lexicon
    from flashpoint.actors.lexicon import ORG

    lexicon = get_lexicon(span.doc.vocab)
    for match_id, _start, _end in lexicon.names(span):
        kind, key = span.doc.vocab.strings[match_id].split("|", 1)
        org = lexicon.dicts.organizations.get(key) if kind == ORG else None
        if org is not None and (org.country or org.sector in ("IGO", "NGO")):
            return replace(ref, country=org.country, sector=org.sector, entry=org.id)
    return ref


def _nationality(head: Token) -> ActorRef | None:
    """ "condemned the U.S. airstrikes": a nationality word before the head noun codes the
    phrase's country when no actor mention covers it."""
    from flashpoint.actors import describe

    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < head.i:
            country, _sector = describe(head.doc[child.i:child.i + 1])
            if country:
                start, end = child.idx, head.idx + len(head)
                return ActorRef(actor=None, name=head.doc.text[start:end], country=country,
                                span=(start, end))
    return None


def _named(head: Token) -> ActorRef:
    """A name-only reference for a phrase no actor was resolved for ("protesters")."""
    tokens = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct")
              and not t.is_space] or [head]
    tokens = [t for t in tokens if t.i >= tokens[-1].i - 4]
    start, end = tokens[0].idx, head.idx + len(head)
    return ActorRef(actor=None, name=head.doc.text[start:end], span=(start, end))


def _conjuncts(token: Token) -> list[Token]:
    # token.conjuncts walks the whole coordination, in order; the parser attaches
    # "Israel, Saudi Arabia and the UAE" as a chain of conj arcs.
    return [t for t in token.conjuncts if t.i != token.i and t.pos_ in ("PROPN", "NOUN", "PRON")]


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen, out = set(), []
    for ref in refs:
        key = ref.actor or ref.name
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``token`` ("clashed with Iran")."""
    out = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
    return out


# Participles that, after "be", state their subject's stance rather than an act done to it:
# "Israel is opposed to X", "X was pleased with Y", "X is committed to Y" (an adjectival
# passive: with no by-phrase its subject is the one who holds the stance).
STATIVE_PARTICIPLES = frozenset({
    "oppose", "please", "satisfy", "dissatisfy", "commit", "prepare", "determine", "resolve",
    "dedicate", "disappoint", "dismay", "concern", "worry", "alarm", "outrage", "delight",
    "disturb", "upset", "anger", "displease", "interest", "opposed", "pleased", "committed",
    "prepared", "determined", "concerned", "worried", "disappointed", "angered",
    "engage", "engaged", "involve", "involved"})  # "X was engaged in ethnic cleansing"


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", *PASSIVE_SUBJECTS) for c in verb.children) \
        and not is_stative(verb)


def is_stative(verb: Token) -> bool:
    """ "Israel is opposed to French mediation": an adjectival passive of a stance verb with
    no by-agent, whose grammatical subject is its logical one."""
    return (verb.lemma_.lower() in STATIVE_PARTICIPLES or verb.lower_ in STATIVE_PARTICIPLES) \
        and any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children) \
        and not prep_objects(verb, ("by",))


def object_of(verb: Token) -> Token | None:
    """The verb's object: the passive subject of a passive, else the direct object, else an
    amount the parser split off as a particle ("kidnapped up to 16 advisers")."""
    found = children(verb, *(PASSIVE_SUBJECTS if is_passive(verb) else ("dobj",)))
    if found:
        return found[0]
    if is_stative(verb):
        return None
    for up in (c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"):
        # "to" hangs on the verb or on the particle: "kidnapped up to 16 advisers"
        for pobj in prep_objects(verb, ("to",)) + prep_objects(up, ("to",)):
            if any(c.dep_ == "nummod" for c in pobj.children) or pobj.like_num:
                return pobj
    return None


def clause_subject(verb: Token, *, depth: int = 0) -> Token | None:
    """The token that is the verb's logical subject, inheriting through conj/xcomp/advcl.

    "Trump ... pulled X out and threatened Y": "threatened" inherits "Trump";
    "The U.S. responded by bombing sites, killing ...": "killing" inherits "U.S.".
    """
    if is_passive(verb):
        agents = prep_objects(verb, ("by",))
        if agents:
            return agents[0]
        if depth == 0:
            return None  # "fired back after being shelled": who was shelled is no source
        patients = children(verb, *PASSIVE_SUBJECTS)
        if patients:  # "X was elected and pulled out": the conjunct's subject is X
            return patients[0]
    else:
        subjects = children(verb, *SUBJECTS, *(PASSIVE_SUBJECTS if is_stative(verb) else ()))
        if subjects:
            subject = subjects[0]
            if subject.tag_ == "VBG" and children(subject, "nsubj"):
                # "The Red Cross operating in Iraq said": a participle misparsed as the subject
                subject = children(subject, "nsubj")[0]
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subject
    if depth > 4 or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        controller = _controller(head, verb)
        if controller is not None:
            return controller
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and is_passive(head) \
            and verb.tag_ != "VBN":  # "X was indicted by Y and will resign": X resigns
        patients = children(head, *PASSIVE_SUBJECTS)
        if patients:
            return patients[0]
    if verb.dep_ in ("acl", "xcomp") and head.pos_ == "NOUN" and children(head, "poss") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Moscow's decision to suspend flights", "Iran's plan to enrich": the possessor
        return children(head, "poss")[0]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in DOCUMENTS \
            and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
        # "X issued a statement condemning Y": who issued the statement condemns
        return clause_subject(head.head, depth=depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") \
            and head.lemma_.lower() not in DOCUMENTS:
        # "the coalition fighting in Yemen", "arrested protesters demanding reforms"
        return head
    if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and head.pos_ in ("VERB", "AUX"):
        return clause_subject(head, depth=depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd") \
            and head.head.pos_ in ("VERB", "AUX"):  # "X is willing / ready to withdraw"
        return clause_subject(head.head, depth=depth + 1)
    if verb.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return clause_subject(head.head, depth=depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return clause_subject(head.head, depth=depth + 1)
    if verb.dep_ == "relcl" and not children(verb, *SUBJECTS):
        return None
    return None


# Things that speak for whoever issues them ("a statement condemning X").
DOCUMENTS = frozenset({"statement", "declaration", "letter", "report", "resolution", "communique",
                       "message", "note", "decree", "order", "bill", "video", "plan", "proposal",
                       "motion", "petition", "appeal", "memo", "memorandum", "ultimatum"})
# Verbs whose object does not control their complement: "X promised Y to leave" is X leaving;
# "X used tear gas to disperse Y", "X needed time to prepare": the object is an instrument.
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "swear", "use", "employ", "utilize",
                             "need", "take", "spend", "fire", "deploy"})


def _controller(head: Token, complement: Token) -> Token | None:
    """Who does what an xcomp says when it is not the head's subject: the object of an
    object-control verb ("X asked Y to withdraw", "ordered Y to appear": Y), or the passive
    subject ("Y was forced to withdraw", "Y was asked to leave": Y)."""
    if is_passive(head):
        found = children(head, *PASSIVE_SUBJECTS)
        return found[0] if found else None
    if head.lemma_.lower() in SUBJECT_CONTROL:
        return None
    objects = [c for c in children(head, "dobj") if c.i < complement.i]
    return objects[0] if objects else None
