"""Every route's answer shape on the demo store (TestClient: fast, in process)."""

import csv
import io
import json

import networkx as nx
import pytest


def test_events_page_filters_and_total(client):
    r = client.get("/events", params={"limit": 2})
    body = r.json()
    assert r.status_code == 200 and body["total"] == 10 and len(body["events"]) == 2
    assert body["next_offset"] == 2 and body["events"][0]["date"] == "2020-01-08"
    last = client.get("/events", params={"limit": 2, "offset": 8}).json()
    assert last["next_offset"] is None
    assert client.get("/events", params={"modality": "asserted"}).json()["total"] == 8
    assert client.get("/events", params={"country": "irn", "since": "2020-01-04"}
                      ).json()["total"] == 2
    assert client.get("/events", params={"code": "19"}).json()["total"] == 2
    assert client.get("/events", params={"actor": "soleimani"}).json()["total"] == 1
    assert client.get("/events", params={"quad_class": 1}).json()["total"] == 3


def test_event_with_evidence(client):
    eid = client.get("/events", params={"actor": "soleimani"}).json()["events"][0]["id"]
    body = client.get(f"/events/{eid}").json()
    ev = body["evidence"]
    assert ev["sentence"] == body["sentence"] and ev["span"] == [0, len(ev["sentence"])]
    assert ev["before"] == "" and ev["after"].startswith(" Sentence 1 of a2.")
    assert body["article"]["name"] == "a2"
    assert {a["role"] for a in body["actors"]} == {"source", "target"}
    assert body["cluster"]["evidence"]


def test_unknown_event_is_a_json_404(client):
    r = client.get("/events/enope")
    assert r.status_code == 404 and r.json() == {"status": 404,
                                                 "message": "no event with id 'enope'"}


def test_actors_and_quotes(client):
    actors = client.get("/actors", params={"country": "IRN"}).json()["actors"]
    assert {a["name"] for a in actors} >= {"Iran", "Qassem Soleimani"}
    quotes = client.get("/quotes", params={"anonymous": "true"}).json()["quotes"]
    assert len(quotes) == 2 and all(q["anonymous"] for q in quotes)
    assert len(client.get("/quotes", params={"speaker": "zarif"}).json()["quotes"]) == 2


def test_dyads_and_series(client):
    top = client.get("/dyads").json()["dyads"][0]
    assert (top["a"], top["b"], top["conflict"]) == ("IRN", "USA", 3)
    s = client.get("/dyads/USA/IRN/series", params={"freq": "week"}).json()
    assert [p["events"] for p in s["periods"]] == [2, 1] and s["totals"]["conflict"] == 3
    actor = client.get("/dyads/United States/Qassem Soleimani/series",
                       params={"level": "actor"}).json()
    assert actor["totals"]["events"] == 1


def test_network_json_and_files(client):
    body = client.get("/network").json()
    assert {n["id"] for n in body["nodes"]} == {"USA", "IRN", "IRQ", "ISR", "SAU", "GBR"}
    r = client.get("/network", params={"format": "graphml"})
    assert r.headers["content-disposition"].endswith('network.graphml"')
    assert nx.read_graphml(io.BytesIO(r.content)).number_of_nodes() == 6


def test_escalation_one_dyad_and_report(client):
    one = client.get("/escalation", params={"a": "USA", "b": "IRN", "horizon": 3}).json()
    assert one["as_of"] == "2020-01-08" and len(one["forecast"]["days"]) == 3
    report = client.get("/escalation", params={"top": 2}).json()
    assert len(report["dyads"]) == 2
    r = client.get("/escalation", params={"a": "USA"})
    assert r.status_code == 400 and "give both a and b" in r.json()["message"]


def test_sourcing(client):
    body = client.get("/sourcing").json()
    assert body["anonymous_share"] == 0.5 and body["speakers"][0]["speaker"] == "Javad Zarif"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "plover", "parquet"])
def test_export_formats(client, fmt):
    r = client.get("/export", params={"format": fmt, "country": "IRN"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    if fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(r.text)))) == 6
    elif fmt in ("jsonl", "plover"):
        assert len([json.loads(line) for line in r.text.splitlines()]) == 6
    elif fmt == "parquet":
        assert r.content[:4] == b"PAR1"


def test_analyze_returns_the_contract_shape(client):
    r = client.post("/analyze", json={"text": "Iran accused the United States.",
                                      "date": "2020-01-03"})
    body = r.json()
    assert r.status_code == 200 and body["schema_version"] == "1"
    assert body["article"]["date"] == "2020-01-03" and body["events"][0]["cameo"] == "111"


@pytest.mark.parametrize("payload, status, fragment", [
    ({"text": "   "}, 400, "no text to analyse"),
    ({"text": "x", "date": "03/01/2020"}, 400, "'03/01/2020' is not an ISO date"),
    ({"txt": "x"}, 422, "text: Field required"),
    ({"text": 5}, 422, "text: Input should be a valid string"),
])
def test_analyze_errors_say_why(client, payload, status, fragment):
    r = client.post("/analyze", json=payload)
    assert r.status_code == status and fragment in r.json()["message"]
    assert r.json()["status"] == status


def test_malformed_json_body(client):
    r = client.post("/analyze", content=b"{not json", headers={"content-type":
                                                              "application/json"})
    assert r.status_code == 422 and r.json()["status"] == 422


def test_unknown_route_and_method(client):
    assert client.get("/nowhere").json()["status"] == 404
    r = client.delete("/events")
    assert r.status_code == 405 and "DELETE" in r.json()["message"]


def test_openapi_lists_the_contract_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/analyze", "/articles", "/events", "/events/{event_id}", "/actors",
                 "/quotes", "/dyads/{a}/{b}/series", "/network", "/escalation", "/export"):
        assert path in paths, path


def test_page_events_matches_the_store_query(demo_db):
    import duckdb

    from flashpoint.api.queries import page_events
    from flashpoint.store.queries import EventFilter, query_events

    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        for f in (EventFilter(), EventFilter(country="IRN"), EventFilter(modality="asserted")):
            for limit, offset in ((3, 0), (100, 0), (2, 4)):
                assert page_events(con, f, limit=limit, offset=offset) == \
                    query_events(con, f, limit=limit, offset=offset)
    finally:
        con.close()
