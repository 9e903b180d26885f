"""Article text is data, never markup: an article (title, sentences, actor and speaker names,
quotes) full of ``<script>`` and ``onerror=`` is shown as text in every view and nothing in
it runs; the pages forbid inline script and other origins by Content-Security-Policy."""

from __future__ import annotations

import json
import urllib.request

import pytest

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


def _hostile(corpus):
    return next(a for a in corpus.analyses() if a.article.id == "a09-hostile")


def _nothing_ran(tab) -> None:
    page = tab.page
    assert page.evaluate("() => window.__xss") is None
    # No element was built from article text: its tags exist only as text.
    assert page.locator("main script").count() == 0
    assert page.locator("main img").count() == 0
    assert page.locator("main [onerror]").count() == 0
    tab.assert_clean()


def test_hostile_article_view(tab, corpus):
    from flashpoint.store.rows import stored_article_id

    hostile = _hostile(corpus)
    tab.goto(f"/ui/article?id={stored_article_id(hostile.article)}", ready="#article-text .trigger")
    text = tab.page.locator("#article-text")
    assert "<script>window.__xss = 1</script>" in text.inner_text()
    assert '<img src=x onerror="window.__xss=2">' in text.inner_text()
    assert "<script>window.__xss=4</script>" in tab.page.locator("#article-head").inner_text()
    panels = tab.page.locator("#article-panels").inner_text()
    assert '<img src=x onerror="window.__xss=3">Mallory' in panels
    assert "<script>window.__xss=5</script> we object," in panels
    tab.shot("hostile-article")
    _nothing_ran(tab)


def test_hostile_text_in_tables_evidence_map_and_sources(tab):
    tab.goto("/", ready="#latest table")
    assert "<script>window.__xss=4</script>" in tab.page.locator("#articles").inner_text()
    _nothing_ran(tab)
    tab.goto("/ui/events?actor=Mallory", ready="#events-table tbody tr.ev-row")
    tab.page.locator("#events-table tbody tr.ev-row").first.click()
    expect(tab.page.locator("#evidence blockquote.sentence")).to_contain_text("onerror=")
    tab.page.wait_for_selector("#evidence-text .focus")
    _nothing_ran(tab)
    tab.goto("/ui/map", ready="svg.world circle.point")
    tab.page.locator("circle.point[aria-label^='Baghdad']").focus()
    tab.page.keyboard.press("Enter")
    expect(tab.page.locator("#point-events")).to_contain_text("<script>window.__xss = 1</script>")
    _nothing_ran(tab)
    tab.goto("/ui/sources", ready="#quotes table")
    assert "<script>window.__xss=5</script>" in tab.page.locator("#quotes").inner_text()
    _nothing_ran(tab)
    tab.goto("/ui/network?level=actor", ready="svg.network .node")
    assert tab.page.locator("svg.network .node[aria-label*='onerror=']").count() == 1
    _nothing_ran(tab)


def test_hostile_text_pasted_into_analyse(tab):
    tab.goto("/ui/analyse", ready="#analyse-form")
    hostile = ('Iran <script>window.__xss="analyse"</script> condemned the raid. '
               '<img src=x onerror="window.__xss=\'analyse-img\'"> said the ministry.')
    tab.page.locator("#a-text").fill(hostile)
    tab.page.locator("#analyse-form button[type=submit]").click()
    expect(tab.page.locator("#status")).to_contain_text("Done", timeout=90_000)
    assert "<script>" in tab.page.locator("#article-text").inner_text()
    _nothing_ran(tab)


def test_pages_send_a_strict_content_security_policy(server):
    for path in ("/", "/ui/events", "/ui/article", "/ui/analyse"):
        with urllib.request.urlopen(server + path) as answer:
            csp = answer.headers["Content-Security-Policy"]
            assert "script-src 'self'" in csp and "connect-src 'self'" in csp
            assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
            assert answer.headers["X-Content-Type-Options"] == "nosniff"
            assert answer.headers.get("Access-Control-Allow-Origin") is None
    # Data routes answer JSON (never HTML a browser could render as a page).
    with urllib.request.urlopen(server + "/ui/data/summary") as answer:
        assert answer.headers["Content-Type"].startswith("application/json")
        json.loads(answer.read())
