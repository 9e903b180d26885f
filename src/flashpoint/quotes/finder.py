"""Find quotes in a parsed Doc: marked, unmarked direct, and reported speech.

The finders run in that order over one shared record of claimed text, so a stretch already
read as a quote is never read again (the "said" inside a quote is the speaker's, not ours).
Attributions are collected first and speakers resolved afterwards in document order, so that
"he said" can point back to a speaker introduced by any finder.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from flashpoint.quotes.lexicon import Lexicon, default_lexicon
from flashpoint.quotes.marks import Marked, find_marked, has_marks, paragraphs
from flashpoint.quotes.speakers import SpeakerResolver, subject_of
from flashpoint.schema import Quote, Speaker

_SENT_END = {".", "!", "?"}
_FIRST_PERSON = {"i", "me", "my", "we", "us", "our", "you", "your", "myself", "ourselves"}
_CONTRACTIONS = {"n't", "nt", "'re", "'ve", "'ll", "'m", "'d"}
_MARK_TOKENS = {'"', "''", "``", "\u201c", "\u201d", "\u00ab", "\u00bb"}
_WINDOW_AFTER = 10  # tokens between a closing mark and its cue ("," the former official said)
_WINDOW_BEFORE = 12  # tokens between a cue and an opening mark (said in a statement on Friday:)


@dataclass
class _Found:
    start: int  # content, in the Doc's characters
    end: int
    direct: bool
    rule: str
    cue: Token | None = None
    speaker_head: Token | None = None
    cue_end: Token | None = None  # last token of a multi-word cue ("according to")
    inherit: bool = False  # the speaker is the previous quote's (a continuation)
    speaker: Speaker | None = None
    origin: _Found | None = None  # the quote a continuation continues
    # a word or two quoted inside the writer's report ("a "tremendous" success"): it claims
    # neither its span nor its cue, so the reported clause around it is found too
    fragment: bool = False


def find_quotes(doc: Doc, lexicon: Lexicon | None = None) -> list[Quote]:
    """Every quote in ``doc`` with its speaker; spans are in the Doc's characters."""
    return _Finder(doc, lexicon or default_lexicon()).run()


class _Finder:
    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon
        self.claimed = bytearray(len(self.text) + 1)
        self.paras = paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paras]
        self.tok_starts = [t.idx for t in doc]
        self.marked = find_marked(self.text)
        self.has_marks = has_marks(self.text)

    def run(self) -> list[Quote]:
        found = [f for f in (self._marked(m) for m in self.marked) if f is not None]
        for f in found:
            if not f.fragment:
                self._claim(f.start, f.end, f.cue)
        found += self._unmarked()
        found.sort(key=lambda f: f.start)
        self._resolve(found)
        return [self._quote(i, f) for i, f in enumerate(found, 1)]

    # --- helpers ------------------------------------------------------------------------

    def _claim(self, start: int, end: int, *cues: Token | None) -> None:
        self.claimed[start:end] = b"\x01" * (end - start)
        for cue in cues:
            if cue is not None:
                self.claimed[cue.idx:cue.idx + len(cue)] = b"\x01" * len(cue)

    def _is_claimed(self, start: int, end: int) -> bool:
        return 1 in self.claimed[start:end]

    def _para(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def _token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def _is_cue(self, token: Token) -> bool:
        return (token.tag_.startswith("VB") and self.lex.speech_lemma(token.text) is not None) \
            or self._according(token) is not None

    def _according(self, token: Token) -> Token | None:
        """The "to" of "according to", or None."""
        if token.lower_ != "according" or token.i + 1 >= len(self.doc):
            return None
        nxt = self.doc[token.i + 1]
        return nxt if nxt.lower_ == "to" else None

    def _speaker_of(self, cue: Token) -> Token | None:
        to = self._according(cue)
        if to is not None:
            return next((c for c in to.children if c.dep_ == "pobj"), None) or (
                self.doc[to.i + 1] if to.i + 1 < len(self.doc) else None)
        return subject_of(cue)

    # --- quote marks --------------------------------------------------------------------

    def _marked(self, m: Marked) -> _Found | None:
        """Attribute one marked stretch; None for a fragment that is not speech (a title,
        a scare-quoted phrase) so the sentence around it stays open to the other finders."""
        cue = self._cue_after(m) if m.closed else None
        cue = cue or self._cue_before(m)
        rule = "marked"
        head = self._speaker_of(cue) if cue is not None else None
        if head is not None and head.left_edge.idx <= m.start < head.right_edge.idx:
            cue = None  # the quote is part of the subject ("the "maximum pressure" campaign")
        words = [t for t in self.doc.char_span(m.start, m.end, alignment_mode="expand") or []
                 if not t.is_punct and not t.is_space]
        if cue is not None:
            return _Found(m.start, m.end, True, rule, cue=cue, speaker_head=head,
                          cue_end=self._according(cue),
                          fragment=len(words) < 4 and self._embedded(m))
        if self._embedded(m) or len(words) < 4:
            return None
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
        if not has_verb:
            return None
        return _Found(m.start, m.end, True, "marked:continuation", inherit=True)

    def _cue_after(self, m: Marked) -> Token | None:
        i = self._token_at(m.end) + 1
        for token in self.doc[i:i + _WINDOW_AFTER]:
            if "\n" in token.text or token.text in _MARK_TOKENS:
                return None
            if self._is_cue(token) and not self._is_claimed(token.idx, token.idx + 1):
                return token
            if token.text in _SENT_END or token.pos_ in ("VERB", "CCONJ", "SCONJ"):
                return None
        return None

    def _cue_before(self, m: Marked) -> Token | None:
        i = self._token_at(m.open_at)
        for token in reversed(self.doc[max(0, i - _WINDOW_BEFORE):i]):
            if "\n" in token.text or token.text in _SENT_END or self._is_claimed(
                    token.idx, token.idx + 1):
                return None
            if self._is_cue(token):
                return token
            if token.pos_ == "VERB":
                return None
        return None

    def _embedded(self, m: Marked) -> bool:
        """The quote sits inside a sentence of the writer's ("author of "Vanguard""), not
        at a sentence's start."""
        before = self.text[self.paras[self._para(m.open_at)][0]:m.open_at].rstrip()
        return bool(before) and before[-1] not in ".!?:\"'\u201d"

    # --- sentences without marks --------------------------------------------------------

    def _unmarked(self) -> list[_Found]:
        trailing: list[_Found] = []
        reported: list[_Found] = []
        for sent in self.doc.sents:
            for token in sent:
                if not self._is_cue(token) or self._is_claimed(token.idx, token.idx + 1):
                    continue
                found = self._attribute_sentence(sent, token)
                if found is None:
                    continue
                self._claim(found.start, found.end, found.cue, found.cue_end)
                (trailing if found.rule.startswith("unmarked") else reported).append(found)
        evidence = any(self._sounds_direct(f) for f in trailing)
        for f in trailing:  # marks stripped from the whole article: own words throughout
            f.direct = self._sounds_direct(f) or (
                evidence and not self.has_marks and not _dated_cue(f.cue))
        return trailing + reported + self._continuations(trailing)

    def _attribute_sentence(self, sent: Span, cue: Token) -> _Found | None:
        if self._according(cue) is not None:
            return self._according_to(sent, cue)
        lemma = self.lex.speech_lemma(cue.text)
        for attempt in (self._trailing, self._colon, self._clause, self._infinitive,
                        self._object, self._rest):
            found = attempt(sent, cue, lemma)
            if found is not None and not self._is_claimed(found.start, found.end):
                found.speaker_head = found.speaker_head or subject_of(cue)
                return found
        return None

    def _attribution_start(self, cue: Token) -> int:
        """First token of "<subject> <aux> said" around the cue."""
        left = cue.i
        for child in cue.children:
            if child.i < cue.i and child.dep_ in ("nsubj", "nsubjpass", "aux", "neg", "advmod"):
                left = min(left, child.left_edge.i)
        return left

    def _trailing(self, sent: Span, cue: Token, lemma: str) -> _Found | None:
        """"<words>, X said." / "<words>, said X." / "<words>, X told POLITICO." """
        if lemma in self.lex.reported_only or cue.dep_ not in ("ROOT", "parataxis", "conj"):
            return None
        if cue.dep_ == "conj" and cue.head.i > cue.i:
            return None
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i for c in cue.children):
            return None
        left = self._attribution_start(cue)
        comma = self.doc[left - 1] if left - 1 > sent.start else None
        if comma is None or comma.text not in (",", "\u2014", "--", "-", "\u2013"):
            return None
        content = self.doc[sent.start:comma.i]
        if len(content) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in content):
            return None
        after = [t for t in self.doc[cue.i + 1:sent.end] if not t.is_punct]
        rule = "unmarked:trailing"
        if after and cue.dep_ == "parataxis" and any(t.pos_ == "VERB" for t in after):
            content, rule = sent, "unmarked:parenthetical"
        content = _trim(content)
        return _Found(content.start_char, content.end_char, False, rule, cue=cue)

    def _colon(self, sent: Span, cue: Token, lemma: str) -> _Found | None:
        """"X said: <words>" (the words run to the end of the sentence)."""
        for token in self.doc[cue.i + 1:min(sent.end, cue.i + 8)]:
            if token.text == ":":
                content = _trim(self.doc[token.i + 1:sent.end])
                if len(content) >= 2:
                    return _Found(content.start_char, content.end_char, True, "unmarked:colon",
                                  cue=cue)
                return None
            if token.pos_ == "VERB" or token.text in _SENT_END:
                return None
        return None

    def _clause(self, sent: Span, cue: Token, lemma: str) -> _Found | None:
        """"X said (that) <clause>": reported speech."""
        for child in cue.children:
            if child.dep_ in ("ccomp", "parataxis") and child.i > cue.i \
                    and child.left_edge.i > cue.i:
                content = _trim(self.doc[child.left_edge.i:child.right_edge.i + 1])
                if len(content) >= 2:
                    return _Found(content.start_char, content.end_char, False,
                                  "reported:clause", cue=cue)
        return None

    def _infinitive(self, sent: Span, cue: Token, lemma: str) -> _Found | None:
        """"X vowed to <verb> ..." / "X urged Y to <verb> ...": a promise or call, reported."""
        if any(c.dep_ == "auxpass" for c in cue.children):
            return None  # "is said to be": hearsay, nobody speaking
        for child in cue.children:
            if child.dep_ == "xcomp" and child.i > cue.i and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                content = _trim(self.doc[cue.i + 1:child.right_edge.i + 1])
                if len(content) >= 2:
                    return _Found(content.start_char, content.end_char, False,
                                  "reported:infinitive", cue=cue)
        return None

    def _object(self, sent: Span, cue: Token, lemma: str) -> _Found | None:
        """"X denied <object>"."""
        if lemma not in self.lex.object_cues:
            return None
        for child in cue.children:
            if child.dep_ == "dobj" and child.i > cue.i:
                content = _trim(self.doc[child.left_edge.i:child.right_edge.i + 1])
                return _Found(content.start_char, content.end_char, False, "reported:object",
                              cue=cue)
        return None

    def _rest(self, sent: Span, cue: Token, lemma: str) -> _Found | None:
        """"... who said killing the general had never been considered": the parser lost
        the clause (attached it elsewhere); the rest of the sentence is what was said."""
        if lemma in self.lex.object_cues or cue.i + 1 >= sent.end:
            return None
        if any(c.dep_ in ("ccomp", "prep", "dative") for c in cue.children) or any(
                c.dep_ == "dobj" and not _finite_inside(c) for c in cue.children):
            return None  # "said the two allies shared objectives", parsed as an object, stays
        nxt = self.doc[cue.i + 1]
        if nxt.is_punct or nxt.pos_ in ("ADP", "PART") or nxt.lower_ == "to":
            return None
        content = _trim(self.doc[cue.i + 1:sent.end])
        verbs = [t for t in content if t.pos_ in ("VERB", "AUX") and t.dep_ != "xcomp"]
        if len(content) < 3 or not verbs:
            return None
        return _Found(content.start_char, content.end_char, False, "reported:rest", cue=cue)

    def _according_to(self, sent: Span, cue: Token) -> _Found | None:
        """"According to X, <words>" / "<words>, according to X"."""
        to = self._according(cue)
        phrase_end = max(t.i for t in to.subtree) + 1 if to is not None else cue.i + 2
        if cue.i - sent.start <= 1:
            content = self.doc[phrase_end:sent.end]
        elif phrase_end >= sent.end - 1:
            content = self.doc[sent.start:cue.i]
        else:
            content = sent
        content = _trim(content)
        if len(content) < 2:
            return None
        return _Found(content.start_char, content.end_char, False, "reported:according",
                      cue=cue, cue_end=to, speaker_head=self._speaker_of(cue))

    def _sounds_direct(self, f: _Found) -> bool:
        """First or second person, a contraction, a question: someone's own words."""
        span = self.doc.char_span(f.start, f.end, alignment_mode="expand") or []
        return any(t.lower_ in _FIRST_PERSON or t.lower_ in _CONTRACTIONS or t.text == "?"
                   for t in span)

    def _continuations(self, trailing: list[_Found]) -> list[_Found]:
        """Sentences after an unmarked direct quote, in its paragraph, with no cue of their
        own: the same speaker goes on ("I cant believe it, one official said. The concern
        for me is ...")."""
        found = []
        for origin in (f for f in trailing if f.direct):
            para = self._para(origin.start)
            sent = self.doc[self._token_at(origin.cue.idx)].sent
            start = end = None
            for nxt in _following(sent):
                if self._para(nxt.start_char) != para or self._is_claimed(nxt.start_char,
                                                                          nxt.end_char):
                    break
                if any(self._is_cue(t) for t in nxt):
                    break
                start = nxt.start_char if start is None else start
                end = _trim(nxt).end_char
            if start is not None and end > start:
                self._claim(start, end)
                found.append(_Found(start, end, True, "unmarked:continuation", inherit=True,
                                    origin=origin))
        return found

    # --- speakers -----------------------------------------------------------------------

    def _resolve(self, found: list[_Found]) -> None:
        resolver = SpeakerResolver(self.doc, self.lex)
        last: _Found | None = None
        for f in found:
            if f.inherit:
                origin = f.origin or last
                if origin is not None and self._para(f.start) - self._para(origin.start) <= 1:
                    f.speaker, f.cue = origin.speaker, origin.cue
                    f.cue_end = origin.cue_end
            else:
                f.speaker = resolver.speaker(f.speaker_head, f.cue)
            if f.speaker is not None:
                last = f

    def _quote(self, number: int, f: _Found) -> Quote:
        cue_span = None
        cue_text = None
        if f.cue is not None:
            end_tok = f.cue_end or f.cue
            cue_span = (f.cue.idx, end_tok.idx + len(end_tok))
            cue_text = self.text[cue_span[0]:cue_span[1]]
        return Quote(id=f"Q{number}", text=self.text[f.start:f.end], span=(f.start, f.end),
                     direct=f.direct, speaker=f.speaker, cue=cue_text, cue_span=cue_span,
                     rule=f.rule)


def _finite_inside(token: Token) -> bool:
    """A finite verb in the phrase: a clause the parser took for an object."""
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i != token.head.i
               for t in token.subtree)


def _trim(span: Span) -> Span:
    """Without leading/trailing punctuation and spaces (keeps "?" and "!" that end it)."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_space or (
            span.doc[end - 1].is_punct and span.doc[end - 1].text not in ("?", "!"))):
        end -= 1
    return span.doc[start:end]


def _following(sent: Span):
    """The sentences after ``sent``, in order."""
    doc = sent.doc
    i = sent.end
    while i < len(doc):
        nxt = doc[i].sent
        yield nxt
        i = nxt.end


__all__ = ["find_quotes"]


def _dated_cue(cue: Token | None) -> bool:
    """ "..., the ministry said on Tuesday": a cue dated by the writer introduces the
    writer's summary of a statement, not the speaker's own words."""
    if cue is None:
        return False
    for child in cue.children:
        if child.ent_type_ in ("DATE", "TIME"):
            return True
        if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            return True
    return False
