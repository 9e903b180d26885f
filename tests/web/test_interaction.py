"""Working the dashboard as a person would: filtering and sorting the events table, opening
an event's evidence, analysing pasted text and a file, the keyboard alone, and a label on
every form control."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

ROWS = "#events-table tbody tr.ev-row"
# The text of a marked-up element without the small labels (CAMEO codes, actor codes).
PLAIN = ("nodes => nodes.map(n => { const c = n.cloneNode(true); "
         "c.querySelectorAll('.lbl').forEach(x => x.remove()); return c.textContent; }).join('')")


def _events(corpus):
    return [e for a in corpus.analyses() for e in a.events]


def test_filters_change_the_events_table(tab, corpus):
    events = _events(corpus)
    tab.goto("/ui/events", ready=ROWS)
    page = tab.page
    expect(page.locator(ROWS)).to_have_count(len(events))
    page.locator("#f-country").fill("ARM")
    page.locator("#filters button[type=submit]").click()
    armenian = [e for e in events if "ARM" in (e.source.country, e.target and e.target.country)]
    expect(page.locator(ROWS)).to_have_count(len(armenian))
    assert all("ARM" in row for row in page.locator(ROWS).all_inner_texts())
    assert "country=ARM" in page.url  # the filtered view is a link
    page.locator("#filters button[type=reset]").click()
    expect(page.locator(ROWS)).to_have_count(len(events))
    page.locator("#f-modality").select_option("hypothetical")
    page.locator("#f-code").select_option("19")
    page.locator("#filters button[type=submit]").click()
    expect(page.locator(ROWS)).to_have_count(1)
    expect(page.locator(ROWS).first).to_contain_text("hypothetical")
    page.locator("#f-modality").select_option("any")
    page.locator("#f-code").select_option("")
    page.locator("#f-since").fill("2024-02-10")
    page.locator("#f-until").fill("2024-02-11")
    page.locator("#filters button[type=submit]").click()
    expect(page.locator(ROWS)).to_have_count(
        sum(1 for e in events if "2024-02-10" <= e.date <= "2024-02-11"))
    tab.assert_clean()


def test_sorting_by_a_column(tab):
    tab.goto("/ui/events", ready=ROWS)
    page = tab.page
    page.locator("#events-table thead button", has_text="Goldstein").click()
    values = [float(v) for v in page.locator(f"{ROWS} td.num").all_inner_texts()]
    assert values == sorted(values)
    # The same button from the keyboard: focus stays on it, Enter reverses the order.
    page.keyboard.press("Enter")
    values = [float(v) for v in page.locator(f"{ROWS} td.num").all_inner_texts()]
    assert values == sorted(values, reverse=True)
    header = page.locator("#events-table thead th", has_text="Goldstein")
    assert header.get_attribute("aria-sort") == "descending"
    tab.assert_clean()


def test_clicking_an_event_shows_its_sentence_in_the_article(tab, artifacts):
    tab.goto("/ui/events", ready=ROWS)
    page = tab.page
    page.locator(ROWS, has_text="Ain al-Asad").click()
    evidence = page.locator("#evidence")
    sentence = "Iran fired missiles at the Ain al-Asad air base"
    expect(evidence.locator("blockquote.sentence")).to_contain_text(sentence)
    focus = evidence.locator("#evidence-text .focus")
    expect(focus.first).to_be_visible()
    assert sentence in focus.evaluate_all(PLAIN)
    assert evidence.locator("#evidence-text .trigger.q4").count() >= 1
    tab.shot("events-evidence")
    # The full article view opens at the same event.
    evidence.locator("a", has_text="full article view").click()
    page.wait_for_selector("#article-text .focus")
    assert page.locator("#article-panels .panel").count() == 4
    expect(page.locator("#article-head h2")).to_have_text("Iran fires missiles at Ain al-Asad")
    tab.shot("article-view")
    tab.assert_clean()


def test_negated_and_hypothetical_events_look_different(tab, corpus):
    from flashpoint.store.rows import stored_article_id

    strike = next(a for a in corpus.analyses() if a.article.id == "a06-strike")
    tab.goto(f"/ui/article?id={stored_article_id(strike.article)}", ready="#article-text .trigger")
    text = tab.page.locator("#article-text")
    assert text.locator(".trigger.negated").count() == 1
    assert text.locator(".trigger.hypothetical").count() == 1
    styles = tab.page.locator("#article-text .trigger").evaluate_all(
        "nodes => nodes.map(n => [n.className, getComputedStyle(n).borderBottomStyle])")
    by_class = {c: s for c, s in styles}
    assert by_class["q4 trigger"] == "solid"
    assert any("negated" in c and s == "dashed" for c, s in styles)
    assert any("hypothetical" in c and s == "dotted" for c, s in styles)
    panel = tab.page.locator("#article-panels").inner_text()
    assert "negated" in panel and "hypothetical" in panel
    assert "anonymous" in panel  # the quote's speaker is "a U.S. official"
    tab.shot("article-modality")
    tab.assert_clean()


def test_analyse_pasted_text_and_a_file(tab, tmp_path):
    tab.goto("/ui/analyse", ready="#analyse-form")
    page = tab.page
    text = ("Ruritania and Grand Fenwick signed a border agreement on Monday.\n\n"
            "\"This ends a long dispute,\" said Ruritanian foreign minister Anna Weiss.\n")
    page.locator("#a-text").fill(text)
    page.locator("#a-date").fill("2024-05-06")
    page.locator("#analyse-form button[type=submit]").click()
    expect(page.locator("#status")).to_contain_text("Done", timeout=90_000)
    assert page.locator("#result").is_visible()
    assert page.locator("#article-text").evaluate_all(PLAIN) == text
    assert page.locator("#article-panels .panel").count() >= 4
    tab.shot("analyse-result")
    page_html = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in (
        "Delegations from Ruritania and Grand Fenwick resumed talks in Geneva on Friday, "
        "the first meeting since the border incident in March.",
        "Both sides agreed to meet again next month, a mediator said after the session, "
        "adding that the atmosphere had been constructive throughout the day.",
        "Observers cautioned that the hardest questions, the border line and the return of "
        "displaced families, were not yet on the agenda."))
    page_html.write_text(
        "<html><head><title>Talks resume in Geneva</title>"
        "<script>window.__xss = 'file'</script></head><body><nav>Home | World</nav>"
        f"<article><h1>Talks resume in Geneva</h1>{paragraphs}"
        "<img src=x onerror=\"window.__xss='img'\"></article></body></html>")
    page.locator("#a-file").set_input_files(str(page_html))
    expect(page.locator("#status")).to_contain_text("Loaded page.html")
    loaded = page.locator("#a-text").input_value()
    assert loaded.startswith("Talks resume in Geneva\n\n") and "resumed talks in Geneva" in loaded
    assert "<script" not in loaded and "onerror" not in loaded and "Home | World" not in loaded
    assert page.evaluate("() => window.__xss") is None
    tab.assert_clean()


def test_every_form_control_has_a_label(tab):
    for path in ("/ui/events", "/ui/analyse", "/ui/map", "/ui/network", "/ui/dyad"):
        tab.goto(path, ready="main form")
        unlabelled = tab.page.locator("main input, main select, main textarea").evaluate_all(
            "nodes => nodes.filter(n => !(n.labels && n.labels.length) && "
            "!n.getAttribute('aria-label')).map(n => n.outerHTML)")
        assert not unlabelled, f"{path}: {unlabelled}"
        buttons = tab.page.locator("main button").evaluate_all(
            "nodes => nodes.filter(n => !(n.textContent.trim() || n.getAttribute('aria-label')))"
            ".map(n => n.outerHTML)")
        assert not buttons, f"{path}: {buttons}"
    tab.assert_clean()


def test_keyboard_only(tab):
    tab.goto("/ui/events", ready=ROWS)
    page = tab.page
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # Tab reaches the first filter, type a country, Enter submits.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "f-since"
    page.locator("#f-country").focus()
    page.keyboard.type("AZE")
    page.keyboard.press("Enter")
    expect(page.locator(ROWS)).to_have_count(3)
    # Rows: focus one, arrows move, Enter opens the evidence.
    page.locator(ROWS).first.focus()
    page.keyboard.press("ArrowDown")
    second = page.locator(ROWS).nth(1)
    assert second.evaluate("n => n === document.activeElement")
    page.keyboard.press("Enter")
    expect(page.locator("#evidence blockquote.sentence")).not_to_be_empty()
    expect(page.locator("#evidence")).to_be_focused()
    # Network nodes are reachable by Tab and open with Enter.
    tab.goto("/ui/network", ready="svg.network .node")
    page.locator("svg.network .node").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#node-events h2")).not_to_be_empty()
    tab.assert_clean()
