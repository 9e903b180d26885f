"""Shared fixtures: the real pipeline once per session, and paths to ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def startup_cache(tmp_path_factory):
    """Tests keep their own start-up cache (warm across sessions: pytest's temp root outlives
    each run), so the user dictionaries they write never reach the user's cache folder."""
    import os

    from flashpoint.cache import CACHE_ENV

    folder = tmp_path_factory.getbasetemp().parent / "flashpoint-startup-cache"
    old = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if old is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = old


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
