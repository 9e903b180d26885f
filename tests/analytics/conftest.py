"""A small hand-built store (four articles, see ``demo_analyses``), written once per module."""

from __future__ import annotations

import duckdb
import pytest

from flashpoint.analytics.synthetic import build_store, demo_analyses


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("analytics") / "demo.duckdb"
    build_store(path, demo_analyses())
    return path


@pytest.fixture
def con(db_path):
    connection = duckdb.connect(str(db_path), read_only=True)
    yield connection
    connection.close()
