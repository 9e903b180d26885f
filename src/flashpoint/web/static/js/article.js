// Article page: /ui/article?id=<stored article id>[&event=<event id>]. Without an id it
// lists the latest articles to choose from.

import {api, el, clear, showError, PREFIX, table} from "./common.js";
import {renderArticle, regionsIn} from "./articleview.js";

const pick = document.getElementById("article-pick");
const params = new URLSearchParams(window.location.search);
const id = params.get("id");

async function chooser() {
  try {
    const summary = await api(`${PREFIX}/data/summary`);
    const articles = summary.latest_articles || [];
    clear(pick, el("h2", {}, "Choose an article"), articles.length ? table([
      {label: "Date", cell: (a) => (a.date ? String(a.date).slice(0, 10) : "")},
      {label: "Title", cell: (a) => el("a", {href: `${PREFIX}/article?id=${encodeURIComponent(a.id)}`}, a.title || a.name || a.id)},
      {label: "Events", cell: (a) => String(a.n_events ?? "")},
    ], articles) : el("p", {class: "muted"}, "No articles stored yet: ingest some, or use Analyse."));
  } catch (err) { showError(pick, err); }
}

async function show() {
  const regions = regionsIn();
  try {
    const analysis = await api(`${PREFIX}/data/article/${encodeURIComponent(id)}`);
    renderArticle(regions, analysis, {focusId: params.get("event")});
    document.title = `${analysis.article.title || "Article"} · Flashpoint`;
  } catch (err) { showError(regions.head, err); }
}

if (id) show(); else chooser();
