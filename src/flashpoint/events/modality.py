"""Did it happen? Negation and hypothetical cues found on the trigger and the words governing it.

Speculation is not fact: an event under "could", "threatens to", "the possibility that",
"if", or in a question is flagged ``hypothetical``; one under "not", "never", "denied",
"backed down from", "refrained from" is flagged ``negated``. Events are flagged, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

# "nearly came to a clash": a verb modified by nearly/almost did not happen.
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "nt", "dont",
                      "didnt", "doesnt", "wont", "cant", "nearly", "almost"})
# Governing verbs (lemma, or "lemma particle") whose complement did not happen.
NEGATING_GOVERNORS = frozenset({
    "deny", "refrain", "avoid", "cancel", "call off", "abandon", "back down", "back away",
    "fail", "prevent", "rule out", "hold off", "drop", "stop", "forgo", "reject", "refuse",
    "decline", "halt", "postpone", "scrap", "shelve", "stave off", "avert", "thwart", "foil",
    "deter", "lack", "absence",
})
MODALS = frozenset({"could", "may", "might", "would", "will", "shall", "should", "can", "must",
                    "'ll", "'d", "ll", "wo", "ca"})
# Governing words whose complement is only possible, wanted, planned, feared or asked about.
HYPOTHETICAL_GOVERNORS = frozenset({
    "threaten", "want", "wish", "plan", "intend", "consider", "seek", "hope", "expect",
    "propose", "prepare", "fear", "predict", "ask", "wonder", "aim", "plot",
    "urge", "need", "risk", "worry", "think", "believe", "suspect", "go", "decide",
    "debate", "weigh", "contemplate", "mull", "envision", "vow", "pledge", "promise", "offer",
    "demand", "imagine", "speculate", "forecast", "anticipate", "doubt", "suggest",
    "possibility", "possible", "prospect", "risk", "threat", "fear", "danger", "likelihood",
    "chance", "potential", "likely", "unlikely", "plan", "scenario", "option", "speculation",
    "ready", "poised", "able", "willing", "prepared", "eager", "determined", "capable",
    "would-be", "question", "whether", "schedule", "reluctance", "reluctant", "attempt",
    "proposal", "demand", "appeal", "request", "bid", "effort",
    # "called for sanctions", "pushed for talks": the prepositional object is only wanted
    "call for", "push for", "press for", "appeal for", "ask for", "hope for", "wait for",
    "plan for", "prepare for", "time for", "need for", "lobby for", "campaign for",
    "argue for", "vote for",
})
# Cues of speculation by others (not a source announcing its own action): they outrank a
# future "will" lower on the path.
SPECULATIVE = frozenset({"could", "may", "might", "possibility", "possible", "prospect",
                         "risk", "fear", "danger", "likelihood", "chance", "potential", "likely",
                         "unlikely", "scenario", "speculation", "predict", "forecast",
                         "speculate", "wonder", "worry", "suspect", "imagine",
                         # someone's belief about what others will do is no announcement
                         "believe", "think", "expect", "doubt", "suggest", "hope"})
CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether", "lest"})
TEMPORAL_MARKERS = frozenset({"after", "before", "when", "once", "until", "till", "as"})
# Reporting verbs are transparent: "X said Y attacked" asserts nothing less about the attack.
REPORTING = frozenset({"say", "tell", "add", "note", "report", "state", "announce", "write",
                       "explain", "confirm", "insist"})
_CLIMB = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "csubj",
          "csubjpass", "acl", "relcl", "attr", "appos", "oprd", "acomp",
          "compound", "amod", "agent", "nmod", "npadvmod", "advmod", "dative"}


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    cue: str | None = None  # the word that flagged it, for the evidence
    # the future came from another clause's governor ("will meet after X returns"): no
    # announcement by the event's own source
    foreign: bool = False


def _own_cues(token: Token) -> tuple[str | None, str | None]:
    """(negation cue, hypothetical cue) among the token's own dependents."""
    neg = hyp = None
    for child in token.children:
        low = child.lower_
        if child.dep_ == "neg" or (low in NEGATORS and child.dep_ in ("det", "advmod", "aux")):
            neg = neg or child.text
        elif child.dep_ in ("aux", "auxpass") and low in MODALS:
            hyp = hyp or child.text
        elif child.dep_ == "mark" and low in CONDITIONAL_MARKERS:
            hyp = hyp or child.text
    return neg, hyp


def _pending(node: Token) -> bool:
    """ "officials will meet after X returns to Y": a present-tense clause of time under its
    governor shares the governor's future; a past one ("after X attacked") happened."""
    return node.dep_ == "advcl" and node.tag_ in ("VBZ", "VBP", "VB") and any(
        c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKERS for c in node.children)


def _shared(node: Token) -> bool:
    """ "to accept a ceasefire or face sanctions", "could attack or retaliate": a verb
    conjunct with no subject of its own shares its first conjunct's governors."""
    return node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children)


def _purpose(node: Token) -> bool:
    """ "sent troops to fight X", "returned to examine Y": an infinitive of purpose (an
    adverbial clause with "to" and no subject of its own) says what is intended."""
    return node.dep_ == "advcl" and node.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in node.children)


def _phrase_key(token: Token) -> str:
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{token.lemma_.lower()} {particle}" if particle else token.lemma_.lower()


def _governor(node: Token) -> Token:
    """The node's head; for a subjectless gerund the parser hung on the wrong verb ("said
    killing X had never been considered"), the verb whose auxiliaries follow the gerund."""
    if node.tag_ == "VBG" and node.dep_ in ("xcomp", "dobj") and not any(
            c.dep_ in ("nsubj", "aux") for c in node.children):
        after = node.right_edge.i + 1
        if after < len(node.doc):
            nxt = node.doc[after]
            if nxt.dep_ in ("aux", "auxpass", "neg") and nxt.head.i > node.i:
                return nxt.head
    return node.head


def modality(trigger: Token, *, max_steps: int = 7) -> Modality:
    """Walk from the trigger up through its governors, collecting cues.

    Two refinements keep the flags honest: a negation on or above a governor that already made
    the event hypothetical negates the wanting, not the event ("doesn't want a war": the war is
    hypothetical, not denied); and a speculative cue anywhere on the path outranks a future
    "will" below it ("the possibility that Iran will respond" is speculation, not an announcement).
    """
    negated = hypothetical = False
    cue = speculative = None
    governed = False  # a hypothetical governor has been passed
    crossed = foreign = False  # a clause of time or purpose has been left
    coordinate = False  # ``node`` was reached from a conjunct: its auxiliaries, not its sense
    node, steps = trigger, 0
    while True:
        neg, hyp = _own_cues(node)
        if node is trigger and _purpose(node):
            hyp = hyp or "to"  # "returned to examine X": a purpose, not yet an act
        key = _phrase_key(node)
        if node.dep_ == "prep" and f"{node.head.lemma_.lower()} {node.lower_}" in \
                HYPOTHETICAL_GOVERNORS:
            hyp = hyp or f"{node.head.text} {node.text}"
            governed = True
        if node is not trigger and not coordinate:
            if key in NEGATING_GOVERNORS or node.lemma_.lower() in NEGATING_GOVERNORS:
                neg = neg or node.text
            if node.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
                hyp = hyp or node.text
                governed = True
        if governed and node is not trigger:
            neg = None
        negated = negated or neg is not None
        hypothetical = hypothetical or hyp is not None
        foreign = foreign or (crossed and hyp is not None)
        if hyp is not None and (hyp.lower() in SPECULATIVE or (
                hyp == node.text and node.lemma_.lower() in SPECULATIVE)):
            speculative = speculative or hyp  # "feared", "believes": by the lemma
        cue = cue or neg or hyp
        if (node.dep_ not in _CLIMB and not _pending(node) and not _shared(node)) \
                or node.head.i == node.i or steps >= max_steps:
            break
        if node.head.lemma_.lower() in REPORTING and node.dep_ in ("ccomp", "conj"):
            break
        crossed = crossed or _pending(node) or _purpose(node)
        coordinate = node.dep_ == "conj"
        node, steps = _governor(node), steps + 1
    if trigger.sent.text.rstrip().rstrip('"\u201d\'').endswith("?"):
        hypothetical, cue = True, cue or "?"
    if speculative is not None and not negated:
        cue = speculative
    return Modality(negated, hypothetical, cue, foreign)
