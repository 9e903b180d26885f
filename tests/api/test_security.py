"""Hostile requests: injection strings in every filter, tokens, size caps, CORS, headers."""

import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.api.settings import API_SETTINGS_HELP, ApiSettings
from flashpoint.errors import SettingError

INJECTIONS = ["' OR '1'='1", "USA'; DROP TABLE events; --", "\" OR 1=1 --", "%", "_%_",
              "\\", "1) OR (1=1", "x' UNION SELECT * FROM articles --", "\u0000"]

# Every string filter of every read route (values longer than a field's cap get a 422).
STRING_FILTERS = {
    "/events": ["actor", "country", "source_country", "target_country", "code", "root",
                "plover", "article_id", "cluster_id", "since", "until"],
    "/export": ["actor", "country", "code", "plover", "article_id", "since"],
    "/actors": ["name", "country"],
    "/quotes": ["article_id", "speaker"],
    "/dyads": ["since", "until"],
    "/network": ["since", "until"],
    "/escalation": ["a", "b", "as_of"],
    "/sourcing": ["since", "until", "country"],
}


@pytest.mark.parametrize("route, name", [(r, n) for r, ns in STRING_FILTERS.items()
                                         for n in ns])
def test_injection_strings_in_every_filter_are_plain_values(client, route, name):
    for evil in INJECTIONS:
        params = {name: evil}
        if route == "/escalation" and name in ("a", "b"):
            params = {"a": evil, "b": "IRN"}
        r = client.get(route, params=params)
        assert r.status_code in (200, 400, 422), (route, name, evil, r.text)
        body = r.json() if r.headers["content-type"].startswith("application/json") else {}
        if r.status_code != 200:
            assert set(body) == {"status", "message"}
        if route == "/events" and r.status_code == 200:
            assert body["total"] == 0, (name, evil)  # matched nothing, leaked nothing
    assert client.get("/events").json()["total"] == 10  # nothing was dropped


def test_injection_in_path_parameters(client):
    for evil in INJECTIONS[:4]:
        assert client.get(f"/events/{evil}").status_code == 404
        r = client.get(f"/dyads/{evil}/IRN/series")
        assert r.status_code == 200 and r.json()["totals"]["events"] == 0


def test_writes_need_the_token(write_client, auth):
    body = {"articles": [{"text": "Iran accused the United States.", "date": "2020-01-10"}]}
    r = write_client.post("/articles", json=body)
    assert r.status_code == 401 and "token" in r.json()["message"]
    r = write_client.post("/articles", json=body, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and "does not match" in r.json()["message"]
    assert write_client.get("/events").json()["total"] == 10
    r = write_client.post("/articles", json=body, headers=auth)
    assert r.status_code == 200 and r.json()["stored"] == 1
    assert write_client.get("/events").json()["total"] == 11


def test_x_flashpoint_token_header_also_works(write_client):
    r = write_client.post("/articles", json={"articles": [{"text": "Some text."}]},
                          headers={"X-Flashpoint-Token": "test-token-123"})
    assert r.status_code == 200


def test_ingest_skips_stored_articles_and_records_failures(write_client, auth):
    body = {"articles": [{"text": "Iran accused the United States.", "id": "one"},
                         {"text": "   ", "id": "empty"}]}
    first = write_client.post("/articles", json=body, headers=auth).json()
    assert (first["stored"], first["failed"], first["skipped"]) == (1, 1, 0)
    assert first["articles"][0]["name"] == "one" and "no text" in first["failures"][0]
    again = write_client.post("/articles", json=body, headers=auth).json()
    assert (again["stored"], again["skipped"]) == (0, 1)


def test_writes_off_without_token_and_open_with_insecure_local(fresh_db, request):
    analyzer = request.getfixturevalue("client").app.state.analyzer
    body = {"articles": [{"text": "Iran accused the United States."}]}
    with TestClient(create_app(db_path=fresh_db, analyzer=analyzer)) as c:
        r = c.post("/articles", json=body, headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403 and "FLASHPOINT_TOKEN" in r.json()["message"]
    with TestClient(create_app(db_path=fresh_db, insecure_local=True, analyzer=analyzer)) as c:
        assert c.post("/articles", json=body).status_code == 200


def test_empty_token_is_refused():
    with pytest.raises(SettingError, match="token is empty"):
        create_app(db_path="x.duckdb", token="  ")


def test_body_and_query_caps(demo_db, request):
    analyzer = request.getfixturevalue("client").app.state.analyzer
    app = create_app(db_path=demo_db, token="t", analyzer=analyzer,
                     settings=ApiSettings(max_body_bytes=1000, max_query_bytes=200))
    with TestClient(app) as c:
        r = c.post("/analyze", json={"text": "x" * 2000})
        assert r.status_code == 413 and "max_body_bytes" in r.json()["message"]

        def chunked():  # no Content-Length: the count while reading must catch it
            for _ in range(10):
                yield b"x" * 200
        r = c.post("/analyze", content=chunked(), headers={"content-type": "application/json"})
        assert r.status_code == 413 and r.json()["status"] == 413
        r = c.get("/events", params={"actor": "a" * 300})
        assert r.status_code == 414 and "max_query_bytes" in r.json()["message"]
        assert c.post("/analyze", json={"text": "short"}).status_code == 200


def test_page_cap_and_field_caps(client):
    r = client.get("/events", params={"limit": 5000})
    assert r.status_code == 400 and "max_page" in r.json()["message"]
    r = client.get("/events", params={"country": "IRAN"})
    assert r.status_code == 422 and "country" in r.json()["message"]


def test_too_many_articles(write_client, auth):
    body = {"articles": [{"text": f"text {i}"} for i in range(101)]}
    r = write_client.post("/articles", json=body, headers=auth)
    assert r.status_code == 400 and "max_articles" in r.json()["message"]


def test_no_cors_and_security_headers(client):
    r = client.get("/events", headers={"Origin": "http://evil.example"})
    assert not any(h.lower().startswith("access-control-") for h in r.headers)
    r = client.options("/events", headers={"Origin": "http://evil.example",
                                           "Access-Control-Request-Method": "GET"})
    assert r.status_code == 405
    assert not any(h.lower().startswith("access-control-") for h in r.headers)
    assert client.get("/events").headers["x-content-type-options"] == "nosniff"


def test_every_api_setting_has_help():
    import dataclasses
    assert {f.name for f in dataclasses.fields(ApiSettings)} == set(API_SETTINGS_HELP)
