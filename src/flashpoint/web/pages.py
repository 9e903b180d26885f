"""The dashboard's HTML shells: navigation, labelled forms and empty regions that each page's
ES module (``static/js/<page>.js``) fills from the JSON routes.

All markup here is constant; no request value is ever interpolated, so nothing a user or an
article supplies reaches the HTML. Data enters the DOM only through ``textContent`` in JS.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate",
    "04": "Consult", "05": "Diplomatic cooperation", "06": "Material cooperation",
    "07": "Provide aid", "08": "Yield", "09": "Investigate", "10": "Demand",
    "11": "Disapprove", "12": "Reject", "13": "Threaten", "14": "Protest",
    "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Mass violence",
}

MODALITY_SELECT = """
<label for="f-modality">Modality</label>
<select id="f-modality" name="modality">
  <option value="any">any</option><option value="asserted">asserted</option>
  <option value="negated">negated</option><option value="hypothetical">hypothetical</option>
</select>"""

DATES = """
<label for="f-since">From</label><input id="f-since" name="since" type="date">
<label for="f-until">To</label><input id="f-until" name="until" type="date">"""


def _type_select() -> str:
    options = "".join(f'<option value="{code}">{code} {escape(name)}</option>'
                      for code, name in CAMEO_ROOTS.items())
    return ('<label for="f-code">Event type</label><select id="f-code" name="code">'
            f'<option value="">any</option>{options}</select>')


ARTICLE_REGIONS = """
<div class="article-layout">
  <div>
    <div id="article-head"></div>
    <div class="legend" aria-label="Highlight legend">
      <span class="actor">actor</span> <span class="place">place</span>
      <span class="quote">quote</span>
      <span class="trigger q4">material conflict</span> <span class="trigger q3">verbal conflict</span>
      <span class="trigger q2">material cooperation</span> <span class="trigger q1">verbal cooperation</span>
      <span class="trigger q4 negated">negated</span> <span class="trigger q4 hypothetical">hypothetical</span>
    </div>
    <article id="article-text" class="article-text" tabindex="-1" aria-label="Article text"></article>
  </div>
  <aside id="article-panels" class="panels" aria-label="Actors, events, quotes and places"></aside>
</div>"""


@dataclass(frozen=True)
class Page:
    title: str
    intro: str
    body: str


PAGES: dict[str, Page] = {
    "overview": Page("Overview", "What the corpus holds and where conflict is rising.", """
<section aria-labelledby="h-counts"><h2 id="h-counts">Corpus</h2><div id="counts" class="cards"></div></section>
<div class="grid2">
  <section aria-labelledby="h-alerts"><h2 id="h-alerts">Escalation alerts</h2><div id="alerts"></div></section>
  <section aria-labelledby="h-dyads"><h2 id="h-dyads">Top dyads by conflict</h2><div id="dyads"></div></section>
</div>
<section aria-labelledby="h-latest"><h2 id="h-latest">Latest events</h2><div id="latest"></div></section>
<section aria-labelledby="h-articles"><h2 id="h-articles">Latest articles</h2><div id="articles"></div></section>"""),
    "events": Page("Events", "Filter and sort coded events; choose one to see its evidence.", f"""
<form id="filters" class="filters" aria-label="Event filters">
  {DATES}
  <label for="f-actor">Actor</label><input id="f-actor" name="actor" type="search" maxlength="200" placeholder="name or id">
  <label for="f-country">Country</label><input id="f-country" name="country" type="search" maxlength="3" placeholder="ISO3, e.g. IRN">
  {_type_select()}
  {MODALITY_SELECT}
  <button type="submit">Apply</button> <button type="reset">Clear</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<div class="events-layout">
  <div class="table-wrap"><table id="events-table" class="data">
    <caption class="sr-only">Events; column buttons sort the table</caption>
    <thead><tr></tr></thead><tbody></tbody></table>
    <nav class="pager" aria-label="Pages"><button type="button" id="prev">Previous</button>
      <span id="page-info"></span><button type="button" id="next">Next</button></nav>
  </div>
  <aside id="evidence" class="evidence" aria-label="Evidence" aria-live="polite" tabindex="-1">
    <p class="muted">Choose an event to see the sentence it was coded from.</p></aside>
</div>"""),
    "article": Page("Article", "An article with its actors, events, quotes and places marked.",
                    '<div id="article-pick"></div>' + ARTICLE_REGIONS),
    "analyse": Page("Analyse", "Paste an article or open a file; Flashpoint codes it here.", """
<form id="analyse-form" class="analyse" aria-label="Analyse an article">
  <label for="a-text">Article text</label>
  <textarea id="a-text" name="text" rows="10" maxlength="2000000" required></textarea>
  <div class="row">
    <label for="a-file">Or open a text or HTML file</label>
    <input id="a-file" name="file" type="file" accept=".txt,.md,.html,.htm,text/plain,text/html">
    <label for="a-date">Publication date</label><input id="a-date" name="date" type="date">
    <button type="submit">Analyse</button>
  </div>
</form>
<p id="status" role="status" aria-live="polite"></p>
<div id="result" hidden>""" + ARTICLE_REGIONS + "</div>"),
    "map": Page("Map", "Where events happened: circle size is the count, colour the balance "
                "of conflict (red) and cooperation (green).", f"""
<form id="filters" class="filters" aria-label="Map filters">
  {DATES}
  {MODALITY_SELECT}
  <button type="submit">Apply</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<div class="map-layout">
  <figure class="map-figure">
    <div class="zoom" role="group" aria-label="Zoom">
      <button type="button" id="zoom-in" aria-label="Zoom in">+</button>
      <button type="button" id="zoom-out" aria-label="Zoom out">&minus;</button>
      <button type="button" id="zoom-reset">Reset</button></div>
    <div id="map"></div>
    <figcaption>Country outlines: Natural Earth 1:110m (public domain).</figcaption>
  </figure>
  <aside id="point-events" class="evidence" aria-label="Events at the chosen place" aria-live="polite" tabindex="-1">
    <p class="muted">Choose a circle to list its events.</p></aside>
</div>"""),
    "network": Page("Network", "Who acts on whom: edge colour is the balance of cooperation "
                    "(green) and conflict (red), width the number of events. Choose a node to "
                    "list its events.", f"""
<form id="filters" class="filters" aria-label="Network filters">
  {DATES}
  <label for="f-level">Nodes</label>
  <select id="f-level" name="level"><option value="country">countries</option><option value="actor">actors</option></select>
  <label for="f-min">Minimum events per edge</label><input id="f-min" name="min_events" type="number" min="1" max="100000" value="1">
  <button type="submit">Apply</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<div class="map-layout">
  <div id="graph" class="graph"></div>
  <aside id="node-events" class="evidence" aria-label="Events of the chosen actor" aria-live="polite" tabindex="-1">
    <p class="muted">Choose a node to list its events.</p></aside>
</div>"""),
    "dyad": Page("Dyad timeline", "Conflict and cooperation between two actors or countries "
                 "over time, with the escalation signal and the forecast band.", """
<form id="dyad-form" class="filters" aria-label="Choose a dyad">
  <label for="d-a">Actor or country A</label><input id="d-a" name="a" list="dyad-options" required maxlength="200">
  <label for="d-b">Actor or country B</label><input id="d-b" name="b" list="dyad-options" required maxlength="200">
  <datalist id="dyad-options"></datalist>
  <label for="d-interval">Interval</label>
  <select id="d-interval" name="interval"><option value="day">day</option><option value="week" selected>week</option></select>
  <button type="submit">Show</button>
</form>
<p id="dyad-note" class="muted"></p>
<p id="status" role="status" aria-live="polite"></p>
<div id="signal" class="cards"></div>
<div id="chart" class="chart"></div>
<details><summary>Series as a table</summary><div id="series-table"></div></details>"""),
    "sources": Page("Sources", "Who is quoted: named and anonymous sources, by country and "
                    "sector.", """
<div id="totals" class="cards"></div>
<div class="grid2">
  <section aria-labelledby="h-country"><h2 id="h-country">By speaker country</h2><div id="by-country"></div></section>
  <section aria-labelledby="h-speakers"><h2 id="h-speakers">Most quoted</h2><div id="speakers"></div></section>
</div>
<section aria-labelledby="h-quotes"><h2 id="h-quotes">Latest quotes</h2><div id="quotes"></div></section>"""),
}

NAV = ("overview", "events", "map", "network", "dyad", "sources", "analyse", "article")


def render_page(slug: str, prefix: str = "/ui") -> str:
    page = PAGES[slug]
    links = []
    for name in NAV:
        href = "/" if name == "overview" else f"{prefix}/{name}"
        current = ' aria-current="page"' if name == slug else ""
        links.append(f'<li><a href="{href}"{current}>{escape(PAGES[name].title)}</a></li>')
    static = f"{prefix}/static"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(page.title)} · Flashpoint</title>
<link rel="icon" href="{static}/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{static}/css/dash.css">
<script type="module" src="{static}/js/{slug}.js"></script>
</head><body data-prefix="{escape(prefix)}">
<a class="skip" href="#main">Skip to content</a>
<header class="top"><span class="brand">Flashpoint</span>
<nav aria-label="Dashboard pages"><ul>{''.join(links)}</ul></nav></header>
<main id="main" tabindex="-1"><h1>{escape(page.title)}</h1><p class="intro">{escape(page.intro)}</p>
{page.body}
</main></body></html>
"""
