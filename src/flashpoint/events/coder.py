"""Sentence matches -> Events: dyads, event coreference, modality, dates, places, casualties.

:class:`EventCoder` is the library face of the events stage; the spaCy component
(:mod:`flashpoint.nlp.components.events`) only calls :meth:`EventCoder.code_doc`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from flashpoint.events.arguments import ActorIndex, coded
from flashpoint.events.clauses import Match, direct_object
from flashpoint.events.conventions import (ARMED_SECTORS, DOMESTIC_AGENCIES, DOMESTIC_ROOTS,
                                           PERSONAL_ROOTS, PLACE_TARGET_ROOTS, REASON_PREPS,
                                           SAYING_VERBS, SAYINGS, STATES_OF_CONFLICT,
                                           VENUE_CODES, VERBAL_ATTACKS,
                                           VIOLENT_ROOTS, WEAPONS, domestic_government,
                                           home_country, inferred, localized, party_key,
                                           ruling_country, uncoded, unnamed_agent)
from flashpoint.events.details import Places, count_of, event_date
from flashpoint.events.matching import SentenceMatcher
from flashpoint.events.modality import Modality, modality
from flashpoint.events.patterns import PatternSet, load_patterns
from flashpoint.ontology import Ontology, load_ontology
from flashpoint.schema import ActorRef, Event, StageError

# Acts that are mutual by their nature, so that a coordinated subject does them to each other:
# meeting, talking, negotiating (040, 041, 044, 046), intending to meet (036), signing (057),
# cooperating (06). Pledging or sending aid (030, 07) is aimed at someone else.
RECIPROCAL_CODES = ("036", "040", "041", "044", "046", "057", "06")
KILL = frozenset({"kill", "murder", "massacre", "execute", "slay", "assassinate", "behead",
                  "slaughter", "die"})
INJURE = frozenset({"injure", "wound", "hurt", "maim"})
# Cues by which a source announces its own action, as opposed to speculation about it.
ANNOUNCING = frozenset({"will", "would", "'ll", "wo", "ll", "shall", "willing", "ready",
                        "prepared", "plan", "plans", "planned", "planning", "intend",
                        "intends", "decided", "poised", "set", "determined", "going"})


@dataclass
class _DocState:
    """What coding one sentence needs from the rest of the article."""

    doc: Doc
    actors: ActorIndex
    places: Places
    history: list[Event] = field(default_factory=list)


class EventCoder:
    def __init__(self, *, max_dyads: int = 12, patterns: PatternSet | None = None,
                 ontology: Ontology | None = None) -> None:
        self.max_dyads = max_dyads
        self.patterns = patterns or load_patterns()
        self.ontology = ontology or load_ontology()

    def code_doc(self, doc: Doc) -> tuple[list[Event], list[StageError]]:
        """Every event in the Doc, and an error for each sentence that could not be coded."""
        actors = ActorIndex(doc, event_nouns=frozenset(self.patterns.nouns))
        state = _DocState(doc, actors, Places(doc))
        matcher = SentenceMatcher(self.patterns, state.actors)
        errors: list[StageError] = []
        for sent in doc.sents:
            rule = None
            try:
                for match in matcher.matches(sent):
                    rule = match.rule
                    state.history.extend(self._events(match, sent, state))
            except Exception as exc:  # recorded on the article, the rest is still coded
                errors.append(StageError(stage="events", message=f"{type(exc).__name__}: {exc}",
                                         sentence=sent.text[:1000], rule=rule))
        return state.history, errors

    def _events(self, match: Match, sent: Span, state: _DocState) -> list[Event]:
        mood = modality(match.trigger)
        code, mood, rule = self._announced(match, mood)
        coding = self.ontology.coding(code)
        if coding.root in VIOLENT_ROOTS and _verbal_attack(match, state.actors):
            code, rule = "111", f"{rule}+verbal"
            coding = self.ontology.coding(code)
        if _state_of_conflict(match, state.actors):
            return []
        sources: list[ActorRef | None] = list(match.sources)
        found = list(match.targets)
        coreferent = False
        anaphor = match.source_head is not None and \
            match.source_head.lemma_.lower() in self.patterns.nouns
        if anaphor and not any(map(state.actors.is_actor, found)):
            return []  # "the attack wounded several people": a detail of that event
        if not sources:
            antecedent = self._antecedent(match, coding.plover, state)
            if antecedent is not None:
                sources, rule, coreferent = [antecedent.source], f"{rule}+coref", True
                if antecedent.target is not None and match.kind == "noun" and \
                        not any(map(state.actors.is_actor, found)):
                    found = [antecedent.target]  # "the killing": of whom it was told before
        if coding.root in VIOLENT_ROOTS and not any(map(state.actors.is_actor, found)):
            # "X died after an attack by Y": the attack's victim is the one who died
            found = [r for v in _dying(match.trigger) for r in state.actors.phrase(v)] or found
        if coding.root == "13" and not any(map(coded, found)):
            # "threatened to strike unless Y withdraws": the threat is aimed at Y
            conditioned = _condition_subjects(match.trigger, state.actors)
            if conditioned:
                found, rule = conditioned, f"{rule}+condition"
        if not any(map(coded, found)) and match.trigger.dep_ in ("advcl", "conj") \
                and match.trigger.tag_ == "VBG":
            # "fired rockets at X's camps, killing 50": the participle's victims are there
            earlier = _same_act(match, sources, state)
            own = [t for t in found if state.actors.is_actor(t)]
            if earlier and own and len({t.country for t in earlier}) == 1:
                # "... killing two dozen militiamen": its own victims, of the target's country
                found = [replace(t, country=earlier[0].country) for t in own]
                rule = f"{rule}+inherit-country"
            elif earlier and not own:
                found, rule = earlier, f"{rule}+inherit-target"
        targets: list[ActorRef | None] = found or [None]
        if not any(map(state.actors.is_actor, found)):
            perpetrator = self._coreferent_target(match, state)
            if perpetrator is not None:
                targets, rule = [perpetrator], f"{rule}+coref-target"
        sources = sources or [None]
        date, basis, precision = event_date(match.trigger, state.doc._.fp_article_date)
        fatalities, injured = (_casualties(match.trigger) if coding.root in VIOLENT_ROOTS
                               else (None, None))
        location = state.places.locate(match.trigger)
        if coding.root in VIOLENT_ROOTS and sources and all(
                r is not None and not (coded(r) or state.actors.is_actor(r))
                and self._weapon(r) for r in sources):
            sources = [None]  # "a minefield explosion killed ...": a blast is no attacker
        sources = [localized(r, location, state.actors) for r in sources]
        targets = [localized(r, location, state.actors) for r in targets]
        if coding.root in DOMESTIC_ROOTS and all(
                t is None or not state.actors.is_actor(t) for t in targets):
            # "students blocked roads": a thing blocked is not whom the protest is aimed at
            domestic = domestic_government(sources, location, state.actors)
            if domestic is not None:
                targets, rule = [domestic], f"{rule}+domestic"
        home = home_country(sources, location)
        homed = [t for t in targets if home is not None and uncoded(t, state.actors)
                 and (location.basis != "article" or (
                     t.sector is not None or state.actors.kind(t) in ("group", "organization"))
                     and all(r is not None and r.sector in DOMESTIC_AGENCIES
                             for r in sources))]
        if homed:  # placed by the text; or a group acted on by police, courts, government
            # a thing acted on at home ("blocked roads", "rejected the warrant") is no party:
            # the domestic event is aimed at the country itself (CAMEO X -> X)
            targets = [(replace(t, country=home) if state.actors.is_party(t)
                        else state.actors.country_ref(home)) if t in homed else t
                       for t in targets]
            rule = f"{rule}+home"
        ruled = ruling_country(targets, location) if coding.root in DOMESTIC_ROOTS else None
        if ruled is not None and any(uncoded(r, state.actors) for r in sources):
            # "fundamentalists went on strike to demand the Algerian president's resignation"
            sources = [replace(r, country=ruled) if uncoded(r, state.actors) else r
                       for r in sources]
            rule = f"{rule}+home-source"
        subject_noun = match.kind == "noun" and match.trigger.dep_ in ("nsubj", "nsubjpass")
        if coding.root in PLACE_TARGET_ROOTS and not subject_noun and \
                not coding.cameo.startswith(VENUE_CODES) and all(
                t is None or not (coded(t) or state.actors.is_actor(t))
                and not (coding.root in PERSONAL_ROOTS and state.actors.is_party(t))
                for t in targets):
            # "rockets fired from Libya" are not aimed at Libya; "withdrew from X" acts on X
            place = state.places.acted_on(match.trigger,
                                          origin=coding.root not in VIOLENT_ROOTS)
            if place is not None:  # "reimposed blockades in X", "refused to deploy in X"
                targets = [ActorRef(actor=None, name=place.name, country=place.country)]
                rule = f"{rule}+place-target"
        if sources == [None]:
            agent, how = unnamed_agent(match, coding, targets, location,
                                       history=state.history, places=state.places,
                                       actors=state.actors)
            if agent is not None:
                sources, rule = [agent], f"{rule}+{how}"
        definite = any(c.lower_ in ("the", "this", "that", "these", "those")
                       for c in match.trigger.children)
        trigger_tokens = sorted((match.trigger, *match.extra), key=lambda t: t.i)
        t_start, t_end = trigger_tokens[0].idx, trigger_tokens[-1].idx + len(trigger_tokens[-1])
        lemmas = [t.lemma_.lower() for t in sent]
        contexts = self.ontology.contexts(match.code, lemmas)
        # A thing is never a party ("threatened regional stability", "blew up a bridge"):
        # only resolved actors and country-coded references fill a side.
        sources = [r if r is None or state.actors.is_party(r) else None for r in sources]
        targets = [r if r is None or state.actors.is_party(r) else None for r in targets]
        if coding.root == "04" and any(t is not None and t.sector == "MED" for t in targets):
            # "told reporters", "speaking to journalists": talking to the press reports, it
            # is no consultation with the press
            targets = [t for t in targets if t is not None and t.sector != "MED"]
            if not targets:
                return []
        parties = list({party_key(r): r for r in sources if r is not None}.values())
        if coding.cameo.startswith(RECIPROCAL_CODES) and len(parties) > 1 \
                and all(t is None for t in targets):
            # "Trump and Putin met", "Cuba and the U.S. signed a deal": with no target named,
            # a mutual act of several parties is each one's act toward the others
            pairs = [(a, b) for a in parties for b in parties
                     if party_key(a) != party_key(b)][:self.max_dyads]
            rule = f"{rule}+reciprocal"
        else:
            pairs = _dyads(sources, targets, self.max_dyads)
        events = []
        for source, target in pairs:
            if (coreferent or definite) and match.kind == "noun" and _told(
                    state.history, coding.root, source, target,
                    any_target=target is None, asserted=not (mood.negated or mood.hypothetical)):
                continue  # a later mention of an event already coded ("the U.S. strikes")
            events.append(Event(
                id=f"e{len(state.history) + len(events) + 1}", source=source, target=target,
                cameo=coding.cameo, root=coding.root, plover=coding.plover, mode=coding.mode,
                context=contexts, quad_class=coding.quad_class, goldstein=coding.goldstein,
                intensity=coding.intensity, negated=mood.negated,
                hypothetical=mood.hypothetical, modality_cue=mood.cue, date=date,
                date_basis=basis, date_precision=precision, sentence=sent.text,
                span=(sent.start_char, sent.end_char),
                trigger=state.doc.text[t_start:t_end], trigger_span=(t_start, t_end), rule=rule,
                fatalities=fatalities, injured=injured, location=location))
        return events

    def _weapon(self, ref: ActorRef) -> bool:
        """A name-only source that is a blast, a bomb or an attack, not an unresolved actor
        ("the military", "Europe")."""
        word = ref.name.lower().split()[-1] if ref.name.split() else ""
        return word in WEAPONS or word.rstrip("s") in WEAPONS or word in self.patterns.nouns

    def _announced(self, match: Match, mood: Modality) -> tuple[str, Modality, str]:
        """An action its own source announces ("X will release", "X is ready to send",
        "X would boycott ... if") is coded as the intent, threat or refusal it reports, and
        that statement is a fact; speculation ("could", "may") keeps its flag."""
        has_subject = bool(match.sources) or match.source_head is not None
        announced = mood.hypothetical and mood.cue is not None and has_subject \
            and not mood.foreign and (
            mood.cue.lower() in ANNOUNCING or _conditional(match.trigger))
        question = match.trigger.sent.text.rstrip().endswith("?")
        if not announced or question or match.kind == "frame":
            return match.code, mood, match.rule
        code = self.patterns.announce(match.code, negated=mood.negated)
        if code is None:
            return match.code, mood, match.rule
        return code, Modality(False, False, mood.cue), f"{match.rule}+announced"

    def _coreferent_target(self, match: Match, state: _DocState) -> ActorRef | None:
        """ "X condemned the attack": a definite event noun as the object refers to an event
        told before, and the reaction is aimed at whoever carried that event out."""
        if match.kind != "verb":
            return None
        obj = direct_object(match.trigger)
        if obj is None or not any(c.lower_ in ("the", "this", "that", "these", "those")
                                  for c in obj.children):
            return None
        patterns = self.patterns.nouns.get(obj.lemma_.lower())
        if not patterns:
            return None
        plovers = {self.ontology.coding(p.code).plover for p in patterns}
        noun = obj.lemma_.lower()
        told = [e for e in reversed(state.history) if e.plover in plovers and e.source
                and state.actors.is_actor(e.source) and not e.hypothetical
                and not inferred(e)]
        named = [e for e in told if e.trigger.lower().split()[-1].startswith(noun[:5])]
        return (named or told)[0].source if told else None

    def _antecedent(self, match: Match, plover: str | None, state: _DocState) -> Event | None:
        """The earlier event an anaphoric mention refers back to.

        "The strike, which also killed X": the subject is an event noun with no actor, or the
        trigger is itself a definite event noun; either takes the source of the latest earlier
        event named by the same noun, else of the same PLOVER type ("the killing" after "the
        U.S. targeted Soleimani": the source, and the target when the mention names none).
        """
        head = match.source_head
        anaphor = head is not None and head.lemma_.lower() in self.patterns.nouns
        definite = match.kind == "noun" and any(c.lower_ in ("the", "this", "that")
                                                for c in match.trigger.children)
        if not (anaphor or definite) or plover is None:
            return None
        earlier = [e for e in reversed(state.history) if e.plover == plover and e.source
                   and not inferred(e)]
        # "the strike" names an earlier strike before any other assault ("fired tear gas")
        noun = (head if anaphor else match.trigger).lemma_.lower()
        named = [e for e in earlier if e.trigger.lower().split()[-1].startswith(noun[:5])]
        for pool in (named, earlier):
            factual = [e for e in pool if not (e.negated or e.hypothetical)]
            if factual or pool:
                return (factual or pool)[0]
        return None


def _told(history: list[Event], root: str, source, target, *, any_target: bool,
          asserted: bool) -> bool:
    """Whether this event was coded before: same root, source and (unless ``any_target``)
    target; an asserted mention only repeats an asserted one ("the killing" after "the
    possibility that the U.S. targeted him" is the first report of the fact)."""
    return any(e.root == root and _same_side(e.source, source)
               and (any_target or _same_side(e.target, target))
               and not (asserted and (e.negated or e.hypothetical)) for e in history)


def _same_side(a: ActorRef | None, b: ActorRef | None) -> bool:
    """The same party, a country named twice counting once ("the U.S." ... "United States")."""
    if a is None or b is None:
        return a is b
    if party_key(a) == party_key(b):
        return True
    bare = [r for r in (a, b) if r.sector is None]
    return bool(a.country) and a.country == b.country and bool(bare)


def _same_act(match: Match, sources, state: _DocState) -> list[ActorRef]:
    """The coded targets of the sentence's earlier event by the same source."""
    start, keys = match.trigger.sent.start_char, {party_key(r) for r in sources}
    for event in reversed(state.history):
        if event.span[0] != start or event.trigger_span[0] >= match.trigger.idx:
            continue
        if party_key(event.source) in keys and event.target is not None and coded(event.target):
            return [e.target for e in state.history if e.trigger_span == event.trigger_span
                    and e.target is not None]
    return []


def _condition_subjects(trigger: Token, actors: ActorIndex) -> list[ActorRef]:
    """The country-coded subjects of an "if" / "unless" clause on the trigger or on its
    infinitive complement: whose conduct a threat is conditioned on."""
    for verb in (trigger, *(c for c in trigger.children if c.dep_ == "xcomp")):
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            if any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in clause.children):
                refs = [r for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                        for r in actors.phrase(s) if coded(r)]
                if refs:
                    return refs
    return []


def _conditional(trigger: Token) -> bool:
    """ "X may halt mediation if ...": a condition attached to the action makes it a threat."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                         for g in c.children) for c in trigger.children)


def _verbal_attack(match: Match, actors: ActorIndex) -> bool:
    """A violent verb of an unarmed speaker aimed only at persons, with a reason ("for"/"over"
    a saying or a doing): "Duterte attacked Trudeau for raising questions"; gunmen who
    attacked a governor for his stance used force."""
    if match.kind != "verb" or not match.targets or \
            match.trigger.lemma_.lower() not in VERBAL_ATTACKS:
        return False
    # the reason may hang on the verb or lower ("attacked X at the summit for raising ..."),
    # never inside the target's own phrase; it is a saying, or a gerund of saying
    inside_target = {t.i for obj in match.trigger.children if obj.dep_ in ("dobj", "pobj")
                     for t in obj.subtree}
    reason = any(p.dep_ == "prep" and p.lower_ in REASON_PREPS and p.i not in inside_target
                 and any(g.dep_ == "pcomp" and g.lemma_.lower() in SAYING_VERBS
                         or g.dep_ == "pobj" and g.lemma_.lower() in SAYINGS
                         for g in p.children) for p in match.trigger.subtree)
    unarmed = bool(match.sources) and all(
        actors.kind(s) is not None and s.sector not in ARMED_SECTORS and s.sector != "CVL"
        for s in match.sources)
    return reason and unarmed and all(t is not None and actors.kind(t) == "person"
                                      for t in match.targets)


def _state_of_conflict(match: Match, actors: ActorIndex) -> bool:
    """ "the Syrian war", "a war that killed 100,000 people": a state of affairs, no act."""
    if match.kind == "noun":
        return match.trigger.lemma_.lower() in STATES_OF_CONFLICT and not any(
            r is not None and coded(r) for r in match.targets)
    head = match.source_head
    return head is not None and head.lemma_.lower() in STATES_OF_CONFLICT


def _dyads(sources, targets, cap: int):
    out = []
    for source in sources:
        for target in targets:
            if source is None and target is None:
                continue
            if source is not None and target is not None and \
                    party_key(source) == party_key(target):
                continue
            out.append((source, target))
            if len(out) >= cap:
                return out
    return out


def _dying(trigger: Token) -> list[Token]:
    """Who died or was hurt in a clause the trigger noun explains: "X died after an attack",
    "X was killed in a raid" (the noun is the object of a preposition on that verb)."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in (
            "after", "in", "during", "following", "from", "by"):
        return []
    verb = prep.head
    if verb.lemma_.lower() not in KILL | INJURE:
        return []
    return _victims(verb) if verb.lemma_.lower() == "die" or any(
        c.dep_ == "auxpass" for c in verb.children) else []


def _victims(verb: Token) -> list[Token]:
    if verb.lemma_.lower() == "die":
        return [c for c in verb.children if c.dep_ == "nsubj"]
    deps = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in verb.children) else ("dobj",)
    return [c for c in verb.children if c.dep_ in deps]


def _casualties(trigger: Token) -> tuple[int | None, int | None]:
    """Counts of dead and injured from the kill/injure verbs around a violent trigger."""
    verbs = [trigger, *(c for c in trigger.children if c.dep_ in ("relcl", "advcl", "conj", "acl"))]
    node = trigger
    for _ in range(3):  # "died ... after an attack": the attack is under the verb
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            verbs.append(node)
            break
    dead = injured = None
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if lemma in KILL or lemma in INJURE:
            counts = [count_of(v) for v in _victims(verb)]
            total = sum(c for c in counts if c) or None
            if lemma in KILL:
                dead = dead or total
            else:
                injured = injured or total
    return dead, injured
