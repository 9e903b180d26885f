import pytest

from flashpoint.errors import NotFoundError, SettingError
from flashpoint.schema import Actor, Place
from flashpoint.store.queries import (EventFilter, count_events, get_event, list_actors,
                                      list_quotes, query_events, store_stats)
from flashpoint.store.rows import analysis_rows, merge
from flashpoint.store.writer import write_rows
from flashpoint.corpus.dedup import recluster


@pytest.fixture
def store(con, make_analysis, make_event):
    usa = Actor(id="A1", name="United States", type="country", country="USA", sector="GOV")
    irn = Actor(id="A2", name="Iran", type="country", country="IRN", sector="GOV")
    baghdad = Place(id="P1", name="Baghdad", kind="city", country="IRQ", lat=33.3, lon=44.4)
    events = [
        make_event("E1", usa, irn, date="2020-01-03", span=(0, 10), place=baghdad),
        make_event("E2", irn, usa, cameo="138", root="13", quad=3, date="2020-01-05",
                   span=(11, 20), hypothetical=True),
        make_event("E3", irn, None, cameo="042", root="04", quad=1, date="2020-01-08",
                   span=(21, 30), negated=True),
    ]
    analysis = make_analysis(events=events, actors=(usa, irn))
    write_rows(con, merge([analysis_rows(analysis)]))
    recluster(con)
    return con


@pytest.mark.parametrize("filters, expected", [
    (EventFilter(), 3),
    (EventFilter(since="2020-01-04"), 2),
    (EventFilter(since="2020-01-04", until="2020-01-06"), 1),
    (EventFilter(actor="iran"), 3),
    (EventFilter(actor="United"), 2),
    (EventFilter(country="usa"), 2),
    (EventFilter(source_country="IRN"), 2),
    (EventFilter(target_country="IRN"), 1),
    (EventFilter(code="13"), 1),
    (EventFilter(root="4"), 1),
    (EventFilter(quad_class=4), 1),
    (EventFilter(modality="asserted"), 1),
    (EventFilter(modality="negated"), 1),
    (EventFilter(modality="hypothetical"), 1),
    (EventFilter(actor="x' OR 1=1 --"), 0),  # bound, never spliced into the SQL
    (EventFilter(actor="%"), 0),  # LIKE wildcards are escaped
])
def test_filters(store, filters, expected):
    assert count_events(store, filters) == expected
    assert len(query_events(store, filters)) == expected


def test_pagination_is_stable_and_newest_first(store):
    pages = [query_events(store, limit=1, offset=i)[0]["id"] for i in range(3)]
    assert pages == [e["id"] for e in query_events(store, limit=3)]
    dates = [e["date"].isoformat() for e in query_events(store)]
    assert dates == sorted(dates, reverse=True)
    with pytest.raises(SettingError):
        query_events(store, limit=0)


def test_bad_filter_values_are_named():
    with pytest.raises(SettingError, match="modality 'maybe'"):
        EventFilter(modality="maybe")
    with pytest.raises(SettingError, match="since '2020-13-01'"):
        EventFilter(since="2020-13-01")


def test_get_event_has_evidence_and_cluster(store):
    eid = query_events(store, EventFilter(code="19"))[0]["id"]
    event = get_event(store, eid)
    assert event["article"]["title"] == "Strike"
    assert {a["role"] for a in event["actors"]} == {"source", "target"}
    assert event["places"][0]["name"] == "Baghdad"
    assert event["cluster"]["mention_count"] == 1
    assert event["cluster"]["evidence"][0]["sentence"].startswith("The United States")
    with pytest.raises(NotFoundError):
        get_event(store, "missing")


def test_actors_quotes_stats(store):
    actors = list_actors(store)
    assert {a["name"] for a in actors} == {"United States", "Iran"}
    assert list_actors(store, country="irn")[0]["n_events"] == 3
    assert list_quotes(store)[0]["speaker_name"] == "Iran"
    stats = store_stats(store)
    assert stats["counts"]["events"] == 3
    assert stats["events_by_root"] == {"04": 1, "13": 1, "19": 1}
