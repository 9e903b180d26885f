"""Every dashboard page loads in Chromium with no console error and no request leaving
127.0.0.1; the map, network and timeline render (screenshots in artifacts/web/)."""

from __future__ import annotations

import pytest
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

# path -> a selector that appears once the page has drawn its data
PAGES = {
    "/": "#articles table",
    "/ui/events": "#events-table tbody tr.ev-row",
    "/ui/article": "#article-text .trigger",
    "/ui/analyse": "#analyse-form",
    "/ui/map": "svg.world circle.point",
    "/ui/network": "svg.network .node",
    "/ui/dyad?a=IRN&b=USA&interval=day": "svg.timeline",
    "/ui/dyad": "svg.timeline",
    "/ui/sources": "#speakers table",
}


@pytest.mark.parametrize("path", list(PAGES))
def test_page_loads_offline_and_clean(tab, path):
    tab.goto(path, ready=PAGES[path])
    assert tab.page.locator("h1").inner_text()
    assert tab.page.locator("header nav a[aria-current=page]").count() == 1
    assert not tab.page.locator(".error").count(), tab.page.locator(".error").all_inner_texts()
    tab.assert_clean()
    name = path.strip("/").replace("ui/", "").replace("?", "-").replace("&", "-") or "overview"
    tab.shot(f"page-{name}")


def test_overview_shows_counts_alerts_and_dyads(tab, corpus):
    tab.goto("/", ready="#alerts table")
    n_events = sum(len(a.events) for a in corpus.analyses())
    cards = tab.page.locator("#counts .card").all_inner_texts()
    assert any(c.startswith(f"{n_events}\nevents") for c in cards), cards
    assert "alert" in tab.page.locator("#alerts").inner_text()
    assert "IRN – USA" in tab.page.locator("#dyads").inner_text()
    assert tab.page.locator("#latest tbody tr").count() == 10
    tab.assert_clean()


def test_map_draws_outlines_and_points(tab, corpus):
    tab.goto("/ui/map", ready="svg.world circle.point")
    places = {(round(e.location.lat, 1), round(e.location.lon, 1))
              for a in corpus.analyses() for e in a.events if e.location}
    assert tab.page.locator("svg.world path.country").count() > 150
    assert tab.page.locator("svg.world circle.point").count() == len(places)
    tab.shot("map")
    side = tab.page.locator("#point-events")
    tab.page.locator("circle.point[aria-label^='Sotk']").click()
    assert "Sotk" in side.locator("h2").inner_text()
    # Keyboard: a circle is a button (focus, Enter).
    tab.page.locator("circle.point[aria-label^='Baghdad']").focus()
    tab.page.keyboard.press("Enter")
    assert "Baghdad" in side.locator("h2").inner_text()
    assert side.locator("tbody tr").count() >= 3
    tab.page.locator("#zoom-in").click()
    assert "scale(" in tab.page.locator("svg.world > g").get_attribute("transform")
    tab.shot("map-point-chosen")
    tab.assert_clean()


def test_network_draws_and_a_node_filters_events(tab):
    tab.goto("/ui/network", ready="svg.network .node")
    assert tab.page.locator("svg.network .node").count() == 8
    assert tab.page.locator("svg.network line.edge").count() == 6
    tab.shot("network")
    tab.page.locator("svg.network .node[aria-label^='IRN']").click()
    side = tab.page.locator("#node-events")
    side.locator("tbody tr").first.wait_for()
    assert all("IRN" in row for row in side.locator("tbody tr").all_inner_texts())
    link = side.locator("a[href*='country=IRN']").first
    link.click()
    tab.page.wait_for_selector("#events-table tbody tr.ev-row")
    assert tab.page.locator("#f-country").input_value() == "IRN"
    rows = tab.page.locator("#events-table tbody tr.ev-row").all_inner_texts()
    assert rows and all("IRN" in r for r in rows)
    tab.assert_clean()


def test_dyad_timeline_shows_signal_and_forecast_band(tab):
    tab.goto("/ui/dyad?a=IRN&b=USA&interval=day", ready="svg.timeline path.band")
    assert tab.page.locator("svg.timeline path.series.conflict").count() == 1
    assert tab.page.locator("svg.timeline path.series.coop").count() == 1
    assert "alert" in tab.page.locator("#signal").inner_text()
    tab.shot("dyad-timeline")
    tab.page.locator("#d-interval").select_option("week")
    tab.page.locator("#dyad-form button[type=submit]").click()
    expect(tab.page.locator("#chart h2")).to_contain_text("per week")
    tab.assert_clean()


def test_dyad_timeline_opens_on_the_top_conflict_dyad_with_its_signal(tab):
    # No pair in the URL: the page picks the dyad with most conflict (IRN - USA here).
    tab.goto("/ui/dyad", ready="svg.timeline path.series.conflict")
    page = tab.page
    chosen = page.locator("#d-a").input_value(), page.locator("#d-b").input_value()
    assert chosen == ("IRN", "USA")
    assert "most conflict" in page.locator("#dyad-note").inner_text()
    assert "alert" in page.locator("#signal").inner_text()  # the escalation signal is shown
    assert "a=IRN" in page.url and "b=USA" in page.url  # and the view is a link
    tab.shot("dyad-first-look")
    tab.assert_clean()


def test_article_page_opens_on_the_latest_article(tab, corpus):
    latest = max(corpus.analyses(), key=lambda a: a.article.date).article
    tab.goto("/ui/article", ready="#article-text .trigger")
    page = tab.page
    expect(page.locator("#article-head h2")).to_have_text(latest.title)
    assert "latest article" in page.locator("#article-note").inner_text()
    assert page.locator("#article-panels .panel").count() >= 3
    # The others are one click away.
    page.locator("#article-pick summary").click()
    links = page.locator("#article-pick table a")
    assert links.count() >= 5
    links.first.click()
    page.wait_for_selector("#article-text .trigger")
    assert "id=" in page.url and not page.locator("#article-note").count()
    tab.shot("article-first-look")
    tab.assert_clean()
