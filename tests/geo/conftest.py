"""Fixtures for the places tests: the model plus only the places stage, built once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def places_nlp():
    """The real model with ``flashpoint_places`` alone, so these tests do not depend on the
    other stages; the full pipeline is exercised by tests/nlp."""
    import flashpoint.nlp.components  # noqa: F401  (registers the factories)
    from flashpoint.config import DEFAULT_MODEL
    from flashpoint.nlp.pipeline import load_model

    nlp = load_model(DEFAULT_MODEL)
    nlp.add_pipe("flashpoint_places")
    return nlp


@pytest.fixture(scope="session")
def gazetteer():
    from flashpoint.geo.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture
def places_of(places_nlp):
    """text -> {surface text: Place} for every place mention in it."""
    def run(text: str):
        doc = places_nlp(text)
        assert not doc._.fp_errors, doc._.fp_errors
        by_id = {p.id: p for p in doc._.fp_places}
        return {text[m.start_char:m.end_char]: by_id[m.ref] for m in doc._.fp_place_mentions}
    return run
