"""API fixtures: the demo store, an app with a fake analyser (no model load), a token."""

from __future__ import annotations

import dataclasses
import shutil
from collections import namedtuple

import pytest
from fastapi.testclient import TestClient

from flashpoint.analytics.synthetic import EventSpec, build_store, demo_analyses, make_analysis
from flashpoint.api import create_app
from flashpoint.errors import EmptyInputError

TOKEN = "test-token-123"
Failure = namedtuple("Failure", "article error")


def fake_analyzer(articles, *, min_confidence=None):
    """One USA->IRN accusation per article; empty text fails like the real pipeline."""
    for article in articles:
        if not article.text.strip():
            yield Failure(article, EmptyInputError(article.origin, "no text to analyse"))
            continue
        built = make_analysis(article.id, article.date or "2020-01-10",
                              [EventSpec(source="USA", target="IRN", cameo="111")])
        yield dataclasses.replace(built, article=article)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "demo.duckdb"
    build_store(path, demo_analyses())
    return path


@pytest.fixture(scope="session")
def client(demo_db):
    """Read-mostly client on the shared demo store (tests must not write through it)."""
    app = create_app(db_path=demo_db, token=TOKEN, analyzer=fake_analyzer)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def fresh_db(demo_db, tmp_path):
    path = tmp_path / "fresh.duckdb"
    shutil.copy(demo_db, path)
    return path


@pytest.fixture
def write_client(fresh_db):
    app = create_app(db_path=fresh_db, token=TOKEN, analyzer=fake_analyzer)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def auth() -> dict:
    return {"Authorization": f"Bearer {TOKEN}"}
