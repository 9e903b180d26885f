"""Fixtures for the quotes tests: the real model (once per session) and a Doc builder."""

from __future__ import annotations

import pytest
import spacy

import flashpoint.nlp.components  # noqa: F401  (registers the factories)
from flashpoint.config import DEFAULT_MODEL
from flashpoint.text.repair import repair


@pytest.fixture(scope="session")
def quotes_nlp():
    """The English model with paragraph breaks, as the pipeline runs it (no other stages)."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("flashpoint_paragraphs", before="parser")
    return nlp


@pytest.fixture(scope="session")
def parse(quotes_nlp):
    """text -> Doc with empty actor records (tests set them by hand where they matter)."""
    def _parse(text: str, *, repaired: bool = True):
        doc = quotes_nlp(repair(text) if repaired else text)
        doc._.fp_actors = []
        doc._.fp_actor_mentions = []
        return doc
    return _parse
