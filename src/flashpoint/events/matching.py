"""Matching one sentence's tokens against the lemma-indexed patterns, with their arguments.

The output is a list of :class:`Match` records (a code, the trigger, the argument heads and
actors); :mod:`flashpoint.events.coder` turns them into Events.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from flashpoint.events.arguments import ActorIndex, children, clause_subject, coded, prep_objects
from flashpoint.events.evaluations import evaluations
from flashpoint.events.statements import statements
from flashpoint.events.clauses import (FRAME_PREPS, Match, attachments, direct_object,
                                       particle_of)
from flashpoint.events.frames import DEMANDING, FrameRules
from flashpoint.events.patterns import Pattern, PatternSet
from flashpoint.schema import ActorRef

__all__ = ["Match", "SentenceMatcher", "direct_object", "reporter_subject"]

_VERB_POS = ("VERB",)
_NOUN_POS = ("NOUN", "PROPN")
_COMPLEMENTS = ("oprd", "acomp", "xcomp", "attr", "dobj", "ccomp")
_NOUN_TARGET_PREPS = ("on", "against", "at")
_PLACE_PREPS = ("in", "into", "to", "from", "inside", "across")
# Verbs whose object noun is an event the verb's subject carries out ("launched an attack").
LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "order", "wage", "begin", "start", "step",
    "intensify", "escalate", "make", "lead", "commit", "perpetrate", "execute", "hold", "sign",
    "issue", "express", "declare", "call", "unleash", "undertake", "organize", "organise",
    "plan", "threaten", "resume", "continue", "impose", "announce", "offer", "lodge", "file",
    "open", "pay", "give",
    "engage", "renew", "undertake", "speed", "complete", "reimpose",
    "stag",  # the model lemmatizes "staging" as "stag"
})
# Verbs whose object noun is an event done TO their subject ("earned applause from X").
RECEIVING_VERBS = frozenset({"earn", "receive", "win", "draw", "get", "face", "attract",
                             "garner", "suffer", "come"})


_AMOUNTS = ("MONEY", "QUANTITY")  # "5 million dollars of aid": what the amount is of
PARTITIVES = frozenset({"worth", "part", "some", "most", "all", "ton", "million", "number", "lot",
                        "series",
                        "string", "batch", "portion", "dozen", "hundred", "thousand", "wave"})
# "protested to demand the resignation": the protest's aim picks its sub-code (CAMEO 141x-145x).
PROTEST_AIMS = {"leadership": "1", "policy": "2", "rights": "3", "regime": "4", "reform": "4"}
# "in <noun> against/of/for X": phrases that say whom an act answers.
STANCE_NOUNS = frozenset({"protest", "defiance", "opposition", "retaliation", "response",
                          "reprisal", "revenge", "reaction"})
# Roots whose verb's that-clause subject is the target: a request, demand or appeal is made of
# whoever is to act ("urged that Y ...", "demanded that Y ...").
CLAUSE_TARGET_ROOTS = frozenset({"10"})
# Prepositions of an objectless verb whose object is the thing acted on ("hack into").
_THING_PREPS = ("into", "on", "against", "at", "to")


def object_lemmas(obj: Token) -> set[str]:
    """The object's lemma, its compounds' ("aid deliveries"), and for partitives the
    lemma of what they count ("part of a military aid program")."""
    lemmas = {obj.lemma_.lower()}
    lemmas.update(c.lemma_.lower() for c in obj.children if c.dep_ == "compound")
    if obj.lemma_.lower() in PARTITIVES or obj.like_num or obj.ent_type_ in _AMOUNTS:
        for pobj in prep_objects(obj, ("of",)):
            lemmas.update(object_lemmas(pobj))
    return lemmas


def _complement_lemmas(verb: Token, prep: str) -> set[str]:
    if prep != "p":
        heads = attachments(verb, direct_object(verb))
        return {t.lemma_.lower() for h in heads for t in prep_objects(h, (prep,))}
    found = set()
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS or child.dep_ in ("prep", "agent"):
            # a bounded look into the complement: "tons of emergency food aid"
            found.update(t.lemma_.lower() for t in child.subtree
                         if abs(t.i - child.i) <= 8 and t.pos_ in ("NOUN", "PROPN", "ADJ",
                                                                   "VERB", "PRON"))
    return found


def _drop_restated_objects(found: list[Match]) -> list[Match]:
    """ "heaped sanctions on Iran": the noun is the verb pattern's object, not a second event."""
    verbs = {m.trigger.i: m.code[:2] for m in found if m.kind != "noun"}
    # "staged a strike": the object a verb pattern names is part of that event, whatever root
    named = {(m.trigger.i, lemma) for m in found if m.kind == "verb" for lemma in m.objects}

    def governor(noun: Token) -> int:  # "put X under investigation": the verb over "under"
        head = noun.head
        return head.head.i if noun.dep_ == "pobj" and head.dep_ == "prep" else head.i

    return [m for m in found if not (m.kind == "noun" and m.trigger.dep_ in ("dobj", "pobj")
                                     and (verbs.get(m.trigger.head.i) == m.code[:2]
                                          or verbs.get(governor(m.trigger)) == m.code[:2]
                                          or (governor(m.trigger), m.trigger.lemma_.lower())
                                          in named))]


def _merge_protest_aims(found: list[Match]) -> list[Match]:
    """A demand that is the purpose of a protest ("rioted demanding independence") is no
    event of its own: it makes the protest's code specific (1413, riot for rights)."""
    protests = {m.trigger.i: m for m in found if m.code[:2] == "14"}
    for m in found:
        if m.kind == "noun" and m.code[:2] == "14" and m.trigger.dep_ == "dobj":
            protests.setdefault(m.trigger.head.i, m)  # "staged demonstrations to demand"
    out = []
    for match in found:
        protest = protests.get(match.trigger.head.i)
        if match.family in ("demand", "appeal") and protest is not None:
            if len(protest.code) == 3 and protest.code != "140" and match.aim in PROTEST_AIMS:
                protest.code += PROTEST_AIMS[match.aim]
            continue
        out.append(match)
    return out


def _others(refs: list[ActorRef], sources: list[ActorRef]) -> list[ActorRef]:
    """``refs`` without the sources themselves (a possessive back-reference, "its")."""
    own = {r.actor or r.name for r in sources}
    return [r for r in refs if (r.actor or r.name) not in own]


def _recipients(verb: Token, obj: Token | None) -> list[Token]:
    """Indirect objects: "gave Tanzania a grant", and "gave Malawi 3 million dollars", which
    the parser hangs on the amount (a name before an amount's number is no part of it)."""
    found = [d for d in children(verb, "dative") if d.pos_ in _NOUN_POS]
    if not found and obj is not None and obj.ent_type_ in _AMOUNTS:
        numbers = [t.i for t in obj.subtree if t.like_num]
        found = [c for c in obj.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"
                 and c.ent_type_ not in _AMOUNTS and numbers and c.i < min(numbers)]
    return found


def _reciprocal(obj: Token) -> bool:
    words = {obj.lower_, *(c.lower_ for c in obj.children)}
    return obj.lemma_.lower() in ("other", "another") and bool(words & {"each", "one"})


class SentenceMatcher(FrameRules):
    """Finds pattern matches in one sentence; ``actors`` resolves argument phrases."""

    def __init__(self, patterns: PatternSet, actors: ActorIndex) -> None:
        self.patterns = patterns
        self.actors = actors

    def matches(self, sent: Span) -> list[Match]:
        consumed: set[int] = set()
        found: list[Match] = []
        for token in sent:
            if token.pos_ not in _VERB_POS:
                continue
            match = None
            if token.lemma_.lower() in self.patterns.frames:
                match = self._frame(token, consumed)
            if match is None and token.lemma_.lower() in DEMANDING:
                match = self._must(token, consumed)
            if match is not None:
                found.append(match)
        for token in sent:
            if token.i in consumed or any(m.trigger.i == token.i for m in found):
                continue
            lemma = token.lemma_.lower()
            if token.pos_ in _VERB_POS and lemma in self.patterns.verbs:
                match = self._verb(token, self.patterns.verbs[lemma])
            elif lemma in self.patterns.nouns and (
                    token.pos_ in _NOUN_POS or token.lower_.endswith("ing")):
                match = self._noun(token, self.patterns.nouns[lemma])
            else:
                continue
            if match is not None:
                found.append(match)
        taken = {m.trigger.i for m in found}
        found += [m for m in evaluations(sent, self.patterns.evaluations, self.actors)
                  if m.trigger.i not in taken]
        found += statements(sent, found, self.actors)
        return _drop_restated_objects(_merge_protest_aims(found))

    # -- verbs -----------------------------------------------------------------------------
    def _verb(self, verb: Token, patterns: tuple[Pattern, ...]) -> Match | None:
        particle = particle_of(verb)
        obj = direct_object(verb)
        for pattern in patterns:
            if pattern.particle and (particle is None or particle.lower_ != pattern.particle):
                continue
            if pattern.objects and (obj is None or not object_lemmas(obj) & pattern.objects):
                continue
            if pattern.prep and not (_complement_lemmas(verb, pattern.prep)
                                     & pattern.prep_objects):
                continue
            match = Match(pattern.code, verb, "verb", pattern.rule,
                          extra=(particle,) if pattern.particle and particle else (),
                          objects=pattern.objects)
            self._verb_source(match, verb, pattern)
            match.targets = self._verb_targets(verb, obj, pattern, match.sources)
            if not any(map(coded, match.targets)):
                match.targets = self._stance_targets(verb) or match.targets
            if pattern.need_target and not any(map(self.actors.is_actor, match.targets)):
                continue
            return match
        return None

    def _verb_source(self, match: Match, verb: Token, pattern: Pattern) -> None:
        if pattern.source_preps:
            heads = prep_objects(verb, pattern.source_preps)
            match.sources = [r for h in heads for r in self.actors.phrase(h)]
            return
        subject = clause_subject(verb)
        if subject is None:
            return
        match.sources = self.actors.phrase(subject)
        if not match.sources and subject.lower_ in _REPORTED_PRONOUNS:
            speaker = reporter_subject(verb)
            if speaker is not None and speaker.tag_ in _REPORTED_PRONOUNS[subject.lower_]:
                match.sources = self.actors.phrase(speaker)
        if not match.sources:
            match.source_head = subject

    def _verb_targets(self, verb: Token, obj: Token | None, pattern: Pattern,
                      sources: list[ActorRef]) -> list[ActorRef]:
        if pattern.no_target:
            return []
        recipients = [r for d in _recipients(verb, obj) for r in self.actors.phrase(d)]
        if recipients:  # "gave Tanzania a grant": the indirect object receives the act
            return recipients
        if pattern.target_preps:
            heads = [t for h in attachments(verb, obj)
                     for t in prep_objects(h, pattern.target_preps)]
            # "imposed restrictions on its market for EU members": its own is no target;
            # "complained to the UN over X's raids": the pattern's first preposition wins
            refs = _others([r for h in heads for r in self.actors.phrase(h)], sources)
            for prep in pattern.target_preps if len(pattern.target_preps) > 1 else ():
                first = _others([r for h in heads if h.head.lower_ == prep
                                 for r in self.actors.phrase(h)], sources)
                if any(map(coded, first)):
                    refs = first
                    break
            if not any(map(coded, refs)):  # "conceded to demands from X"
                refs = _others([r for h in heads for r in self.actors.inside(h)],
                               sources) or refs
            if not refs and obj is not None and pattern.objects:
                # "violated a ban by X", "suspended aid to X": the named thing's actor
                refs = self._located(verb, obj) or self.actors.inside(obj) or [
                    r for h in prep_objects(verb, ("against", "on", "into", "over"))
                    for r in self.actors.phrase(h) if coded(r)] or \
                    self.actors.complement(verb, FRAME_PREPS, exclude=tuple(sources))
            if refs or pattern.objects or pattern.prep:
                return refs
        if obj is not None and _reciprocal(obj):  # "downed each other's drones"
            return list(sources)
        if pattern.prep:  # "held refugees as shields", "put X under investigation": the object
            return [] if obj is None or obj.lemma_.lower() in pattern.prep_objects \
                else self.actors.phrase(obj)
        heads = [obj] if obj is not None else []
        heads += children(verb, "dative")
        if not heads:  # "allowed X to run", parsed with X as the complement's subject
            heads = [s for c in children(verb, "ccomp") if any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for s in children(c, "nsubj")]
        if verb.dep_ == "acl" and not heads:  # "sites held by the group": the noun
            heads = [verb.head]
        refs = [r for h in heads for r in self.actors.phrase(h)]
        if obj is not None and not any(r.country or r.sector for r in refs):
            return self._located(verb, obj) or self.actors.inside(obj) or [
                r for r in self.actors.complement(verb, FRAME_PREPS, exclude=tuple(sources))
                if coded(r)] or refs
        if not refs and pattern.code[:2] in CLAUSE_TARGET_ROOTS:
            refs = self._clause_subjects(verb)
        if not any(map(coded, refs)):  # "threatened to cut off power to X"
            refs = self.actors.complement(verb, FRAME_PREPS + _PLACE_PREPS,
                                          exclude=tuple(sources)) or refs
        if not refs and obj is None:  # "tried to hack into the computers of X's army"
            refs = [r for h in prep_objects(verb, _THING_PREPS)
                    for r in self.actors.inside(h)][:1]
        return refs

    def _stance_targets(self, token: Token) -> list[ActorRef]:
        """ "staged a strike in protest against X's abuses", "blocked streets in defiance of
        X", "shelled the town in retaliation for X's raid": whom the act answers."""
        heads = [token, *children(token, "dobj")] + ([token.head] if token.dep_ == "dobj" else [])
        for pobj in (t for h in heads for t in prep_objects(h, ("in",))):
            if pobj.lemma_.lower() in STANCE_NOUNS:
                refs = [r for r in self.actors.inside(pobj) if coded(r)]
                if refs:
                    return refs
        return []

    def _clause_subjects(self, verb: Token) -> list[ActorRef]:
        """ "demanded that the US cancel its plans": whom a demand is made of is the subject
        of the clause it demands."""
        return [r for comp in children(verb, "ccomp") for s in children(comp, "nsubj")
                for r in self.actors.phrase(s) if coded(r)]

    def _located(self, verb: Token, obj: Token) -> list[ActorRef]:
        """ "lifted the curfew in X", "withdraw troops from X", "sent arms to X": when the
        object is a thing, not an actor, the country it is moved to, from or applied in is
        the one acted on (as CAMEO coders take it)."""
        for head in (t for h in (obj, verb) for t in prep_objects(h, _PLACE_PREPS)):
            refs = [r for r in self.actors.phrase(head) if r.country]
            if refs:  # the first place only: "to X in Y" is not two targets
                return refs
        return []

    # -- nouns -----------------------------------------------------------------------------
    def _noun(self, noun: Token, patterns: tuple[Pattern, ...]) -> Match | None:
        mods = {c.lemma_.lower() for c in noun.children
                if c.dep_ in ("compound", "amod", "nmod", "nummod")}
        if noun.head.dep_ in ("compound",):
            mods.add(noun.head.lemma_.lower())
        for pattern in patterns:
            if pattern.modifiers and not (mods & pattern.modifiers):
                continue
            match = Match(pattern.code, noun, "noun", pattern.rule)
            self._noun_args(match, noun, pattern)
            if not any(map(coded, match.targets)):
                match.targets = self._stance_targets(noun) or match.targets
            return match
        return None

    def _noun_args(self, match: Match, noun: Token, pattern: Pattern) -> None:
        governor = noun.head
        # A noun's prepositions often hang on its verb: "earned applause from X".
        hangers = [noun, governor] if noun.dep_ == "dobj" else [noun]
        if noun.dep_ == "pobj" and governor.dep_ == "prep" and \
                governor.head.lemma_.lower() in LIGHT_VERBS:  # "engaged in X against Y"
            hangers.append(governor.head)
        source_preps = pattern.source_preps or ("by",)
        if noun.dep_ == "dobj" and governor.lemma_.lower() in RECEIVING_VERBS:
            source_preps = (*source_preps, "from")  # "drew condemnation from X": X's
        source_heads = [t for h in hangers for t in prep_objects(h, source_preps)]
        source_heads += children(noun, "poss")
        source_heads += [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                         and self.actors.at(c) is not None]
        match.sources = [r for h in source_heads for r in self.actors.phrase(h)]
        if not match.sources:
            match.sources = _national_modifier(noun)
        target_heads = [t for h in hangers
                        for t in prep_objects(h, pattern.target_preps or _NOUN_TARGET_PREPS)]
        target_heads += children(noun, "dobj")  # a gerund's object: "bombing sites"
        match.targets = [r for h in target_heads for r in self.actors.phrase(h)]
        if not any(map(coded, match.targets)):  # "protests against violations by X"
            match.targets = [r for h in target_heads for r in self.actors.inside(h)] \
                or match.targets
        if not match.targets:  # "a suspension of air links with Serbia"
            own = tuple(p for p in ("of", "with", "between", "to", "for")
                        if p not in (pattern.source_preps or ("by",)))
            match.targets = [r for r in self.actors.inside(noun, preps=own)
                             if not any(r.span == s.span for s in match.sources)]
        if not any(map(coded, match.targets)) and noun.dep_ == "dobj" and \
                governor.lemma_.lower() in LIGHT_VERBS:
            # "continued their hunger strike to demand the resignation of X"
            match.targets = [r for r in self.actors.complement(governor, FRAME_PREPS,
                                                               exclude=tuple(match.sources))
                             if coded(r)] or match.targets
        if noun.dep_ == "dobj" and governor.lemma_.lower() in RECEIVING_VERBS:
            subject = clause_subject(governor)
            if subject is not None and not match.targets:
                match.targets = self.actors.phrase(subject)
            return
        if match.sources:
            return
        if noun.dep_ == "pobj" and governor.dep_ == "prep" and \
                governor.head.lemma_.lower() in LIGHT_VERBS:  # "engage in a new war"
            subject = clause_subject(governor.head)
            if subject is not None:
                match.sources = self.actors.phrase(subject)
            return
        if (noun.dep_ == "dobj" and governor.lemma_.lower() in LIGHT_VERBS) or (
                noun.dep_ == "pobj" and governor.lower_ == "by" and noun.tag_ == "VBG"
                or (noun.dep_ == "pobj" and governor.lower_ == "by"
                    and noun.lower_.endswith("ing"))):
            verb = governor if noun.dep_ == "dobj" else governor.head
            subject = clause_subject(verb)
            if subject is not None:
                match.sources = self.actors.phrase(subject)

# A pronoun and the tags of the reporting subject it can stand for ("Iran said they ..." no).
_REPORTED_PRONOUNS = {"it": ("NN", "NNP"), "they": ("NNS", "NNPS"), "he": ("NNP",),
                      "she": ("NNP",)}


def reporter_subject(verb: Token) -> Token | None:
    """ "The party said it will boycott ...": the subject of the verb that reports the clause
    ``verb`` heads, for whom the clause's pronoun subject stands."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    reporter = clause.head
    if clause.dep_ != "ccomp" or reporter.pos_ not in ("VERB", "AUX"):
        return None
    return clause_subject(reporter)


def _national_modifier(noun: Token) -> list[ActorRef]:
    """ "a Turkish drone strike", "U.S. airstrikes": a nationality modifying an event noun
    names the country that carried it out, even where no actor mention covers the word."""
    from flashpoint.actors import describe

    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
            country, _sector = describe(noun.doc[child.i:child.i + 1])
            if country:
                return [ActorRef(actor=None, name=child.text, country=country,
                                 span=(child.idx, child.idx + len(child)))]
    return []
