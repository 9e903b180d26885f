"""Shared fixtures: the real pipeline once per session, and paths to ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The full Flashpoint pipeline on the real model, built once."""
    from flashpoint.nlp.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (gold sets, corpus, seed); tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: corpus/gold tests skipped")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared) -> str:
    path = shared / "seed" / "soleimani_2020-01-03.txt"
    if not path.is_file():
        pytest.skip("seed article absent")
    return path.read_text(encoding="utf-8")


# An article written for these tests (not third-party text): degraded like real wire copy,
# with stripped apostrophes and quote marks.
EXAMPLE = (
    "Ruritanias defence minister said on Tuesday that the army wont withdraw from the border.\n\n"
    "We are not going anywhere, he said. Officials in Zenda didnt comment.\n\n"
    "The United States condemned the shelling of the town, which killed four civilians.\n"
)


@pytest.fixture
def example_text() -> str:
    return EXAMPLE
