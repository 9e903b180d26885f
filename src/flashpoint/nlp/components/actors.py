"""Actors stage: find actor mentions and resolve them to coded actors (country + sector).

Contract: requires the model's entities and parse; assigns ``doc._.fp_actors`` and
``doc._.fp_actor_mentions``. The full resolver lives in :mod:`flashpoint.actors`; the
dictionaries (built-in plus ``extra_dictionaries``, user YAML files) are compiled into
PhraseMatchers once per process when the component is created, from the start-up cache
(``cache_dir``) while their sources are unchanged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.actors import get_lexicon, resolve
from flashpoint.actors.lexicon import Lexicon
from flashpoint.nlp.components.base import Component
from flashpoint.nlp.extensions import records


@Language.factory(
    "flashpoint_actors",
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.fp_actors", "doc._.fp_actor_mentions"],
    default_config={"extra_dictionaries": [], "cache_dir": None},
)
def make_actors(nlp: Language, name: str, extra_dictionaries: list[str],
                cache_dir: str | None = None) -> ActorsComponent:
    """``cache_dir``: the start-up cache's folder (None: the default, see flashpoint.cache)."""
    return ActorsComponent(nlp, extra_dictionaries=tuple(extra_dictionaries),
                           cache_dir=cache_dir)


class ActorsComponent(Component):
    stage = "actors"
    outputs = ("fp_actors", "fp_actor_mentions")

    def __init__(self, nlp: Language | None = None, *,
                 extra_dictionaries: tuple[str, ...] = (), cache_dir: str | None = None) -> None:
        self.extra_dictionaries = extra_dictionaries
        self.cache_dir = cache_dir
        self._nlp = nlp
        self._lexicon: Lexicon | None = None
        if nlp is not None:  # compile now: a bad user dictionary fails at build time
            self.lexicon(nlp.vocab)

    def lexicon(self, vocab) -> Lexicon:
        if self._lexicon is None:
            tokenizer = self._nlp.tokenizer if self._nlp is not None else None
            self._lexicon = get_lexicon(vocab, extra=self.extra_dictionaries, tokenizer=tokenizer,
                                        cache_dir=self.cache_dir)
        return self._lexicon

    def find(self, doc: Doc):
        return resolve(doc, self.lexicon(doc.vocab))

    def set_annotations(self, doc: Doc, found) -> None:
        actors, mentions = found
        records(doc, "fp_actors").extend(actors)
        records(doc, "fp_actor_mentions").extend(mentions)
