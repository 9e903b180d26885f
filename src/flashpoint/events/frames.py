"""Frames: a family verb whose complement says what is asked, offered, demanded, refused or
threatened ("called for the release of", "refused to lift sanctions"), and "X said Y must
..." demands. A mixin of :class:`flashpoint.events.matching.SentenceMatcher`, which
provides ``patterns``, ``actors`` and ``_verb_source``.
"""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.events.arguments import children, coded, prep_objects
from flashpoint.events.clauses import (FRAME_PREPS, Match, attachments, direct_object,
                                       particle_of)
from flashpoint.events.patterns import Frame, Pattern
from flashpoint.schema import ActorRef

# Reporting verbs whose "X must / should ..." complement is a demand on X.
DEMANDING = frozenset({"say", "declare", "reiterate", "insist", "conclude", "state", "tell",
                       "stress", "argue", "write", "repeat", "issue", "add", "announce"})
_MUST = frozenset({"must", "should", "ought"})


class FrameRules:
    def _frame(self, verb: Token, consumed: set[int]) -> Match | None:
        frames = self.patterns.frames[verb.lemma_.lower()]
        attached = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
        for frame in frames:
            if frame.particle and frame.particle not in attached:
                continue
            found = self._complement(verb, frame)
            if found is None:
                continue
            code, used, name = found
            consumed.update(t.i for t in used)
            match = Match(code, verb, "frame", f"{frame.rule}:{frame.family}:{name}",
                          family=frame.family, aim=name)
            self._verb_source(match, verb, Pattern(code, "verb", frozenset()))
            match.targets = self._frame_targets(verb, used)
            return match
        return None

    def _complement(self, verb: Token, frame: Frame):
        """(code, complement tokens, class name) for the first complement with a code."""
        candidates: list[tuple[str, Token]] = []
        for comp in children(verb, "xcomp", "ccomp"):
            if comp.pos_ in ("VERB", "AUX"):
                particle = particle_of(comp)
                if particle is not None:
                    candidates.append((f"{comp.lemma_.lower()} {particle.lower_}", comp))
                candidates.append((comp.lemma_.lower(), comp))
                for t in children(comp, "dobj"):  # "hold a general strike": modifier first
                    candidates += [(f"{m.lemma_.lower()} {t.lemma_.lower()}", t)
                                   for m in t.children if m.dep_ in ("amod", "compound")]
                    candidates.append((t.lemma_.lower(), t))
                    # "slapping $100 billion in tariffs": the amount's "in" names what
                    candidates += [(p.lemma_.lower(), p) for p in prep_objects(t, ("in", "of"))]
                candidates += [(t.lemma_.lower(), t) for t in prep_objects(comp, ("for", "to",
                                                                                  "in"))]
        objects = children(verb, "dobj") + prep_objects(verb, ("for", "with", "of", "to"))
        # "proposed slapping $100 billion in tariffs on X": a gerund's own objects say what
        objects += [t for g in list(objects) if g.tag_ == "VBG"
                    for o in children(g, "dobj") for t in (o, *prep_objects(o, ("in", "of")))]
        for obj in objects:  # "threatened a general strike": the modified noun first
            candidates += [(f"{c.lemma_.lower()} {obj.lemma_.lower()}", obj)
                           for c in obj.children if c.dep_ in ("compound", "amod")]
            candidates.append((obj.lemma_.lower(), obj))
            candidates += [(c.lemma_.lower(), obj) for c in obj.children
                           if c.dep_ in ("compound", "amod")]
        for key, token in candidates:
            codes = self.patterns.classes.get(key)
            if codes and frame.family in codes:
                return codes[frame.family], (token,), self.patterns.class_names[key]
        verbs = [t for _, t in candidates if t.pos_ in ("VERB", "AUX") and t.head.i == verb.i
                 and (t.dep_ == "xcomp" or frame.family == "demand")]
        if verbs and frame.family != "threaten":  # "demanded that they refuse to ..."
            return frame.default, (verbs[0],), "other"
        return None

    def _must(self, verb: Token, consumed: set[int]) -> Match | None:
        """ "X said Y must release ...": a demand by X on Y, coded by what is demanded."""
        for comp in children(verb, "ccomp"):
            if not any(c.lower_ in _MUST and c.dep_ == "aux" for c in comp.children):
                continue
            frame = Frame("demand", "100", verb.lemma_.lower(), None, "frames:must")
            found = self._complement(comp, frame) if comp.lemma_.lower() not in \
                self.patterns.classes else None
            codes = self.patterns.classes.get(comp.lemma_.lower(), {})
            code, name = (codes["demand"], self.patterns.class_names[comp.lemma_.lower()]) \
                if "demand" in codes else ((found[0], found[2]) if found else ("100", "other"))
            consumed.add(comp.i)
            match = Match(code, verb, "frame", f"frames:must:{name}", family="demand", aim=name)
            self._verb_source(match, verb, Pattern(code, "verb", frozenset()))
            match.targets = [r for s in children(comp, "nsubj") for r in self.actors.phrase(s)]
            return match
        return None

    def _frame_targets(self, verb: Token, used: tuple[Token, ...]) -> list[ActorRef]:
        skip = {t.i for t in used}
        heads = [t for t in children(verb, "dobj", "dative") if t.i not in skip]
        heads += [t for t in prep_objects(verb, ("on", "to", "against", "with", "from"))
                  if t.i not in skip]
        subjects = [s for comp in used for s in children(_complement_verb(verb, comp), "nsubj")]
        refs = [r for h in heads for r in self.actors.phrase(h)]
        # "warned that a rupture with X could hurt trade": a thing as subject is no target
        refs += [r for h in subjects for r in self.actors.phrase(h) if self.actors.is_actor(r)]
        if refs:
            return refs
        for comp in (t for t in used if t.pos_ in ("NOUN", "PROPN")):
            # "agreed to Kenyan mediation", "welcomed X's proposal": the complement noun's
            # nationality or possessor is whom the frame is about
            refs += [r for r in self.actors.phrase(comp) if r.country or r.sector]
        if refs:
            return refs
        for comp in used:
            if comp.pos_ in ("VERB", "AUX"):
                obj = direct_object(comp)
                heads = children(comp, "dobj", "dative") + [
                    t for h in attachments(comp, obj) for t in prep_objects(h, FRAME_PREPS)]
                refs += [r for h in heads for r in self.actors.phrase(h)]
                if not any(map(coded, refs)):  # "break off relations with Y", "respond to a
                    refs += [r for h in heads for r in self.actors.inside(h)]  # demand from Y"
            elif not refs:  # "promised to continue military aid to Y"
                refs += self.actors.inside(comp) or [
                    r for t in prep_objects(comp.head, FRAME_PREPS)
                    for r in self.actors.phrase(t) if coded(r)]
        # "threatened to impose restrictions against German goods": the thing gives way to
        # the country found inside it
        return [r for r in refs if coded(r) or self.actors.is_actor(r)] or refs


def _complement_verb(verb: Token, token: Token) -> Token:
    """The clause of ``verb``'s complement that ``token`` lies in: in "demanded that the US
    cancel its plans", "plans" lies in the clause of "cancel", whose subject is the target."""
    node = token
    for _ in range(6):
        if node.head.i == verb.i or node.head.i == node.i:
            return node
        node = node.head
    return token
