"""Property-based tests generated from the OpenAPI schema (schemathesis) on the demo store:
whatever the generated parameters and bodies, no route answers 5xx, and every error keeps
the ``{"status", "message"}`` shape. (schemathesis's pytest plugin does not load under
pytest 9, so operations are drawn with its Hypothesis strategies directly.)"""

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from flashpoint.analytics.synthetic import build_store, demo_analyses, make_analysis  # noqa
from flashpoint.api import create_app  # noqa: E402


def _analyzer(articles, *, min_confidence=None):  # no model: the HTTP layer only
    for article in articles:
        yield make_analysis(article.id, "2020-01-01", [])


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    db = tmp_path_factory.mktemp("schemathesis") / "demo.duckdb"
    build_store(db, demo_analyses())
    app = create_app(db_path=db, token="schema-token", analyzer=_analyzer, dashboard=False)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_route_answers_a_server_error(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 11
    for operation in operations:
        _check(operation)


def _check(operation):
    @settings(max_examples=8, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data):
        case = data.draw(operation.as_strategy())
        response = case.call()
        assert response.status_code < 500, (case.method, case.formatted_path, response.text)
        if response.status_code >= 400:
            assert set(response.json()) == {"status", "message"}, response.text

    run()
