// Article page: /ui/article?id=<stored article id>[&event=<event id>]. Without an id it opens
// the latest article, so the first look shows what the page is for; the latest articles are
// always listed above it to choose another.

import {api, el, clear, showError, PREFIX, table} from "./common.js";
import {renderArticle, regionsIn} from "./articleview.js";

const pick = document.getElementById("article-pick");
const params = new URLSearchParams(window.location.search);

function chooser(articles, shownId) {
  const rows = articles.map((a) => ({...a, shown: a.id === shownId}));
  clear(pick, articles.length ? el("details", {},
    el("summary", {}, shownId ? "Choose another article" : "Choose an article"),
    table([
      {label: "Date", cell: (a) => (a.date ? String(a.date).slice(0, 10) : "")},
      {label: "Title", cell: (a) => a.shown ? el("strong", {"aria-current": "page"}, a.title || a.name || a.id)
        : el("a", {href: `${PREFIX}/article?id=${encodeURIComponent(a.id)}`}, a.title || a.name || a.id)},
      {label: "Events", cell: (a) => String(a.n_events ?? "")},
    ], rows, {caption: "Latest articles"}))
    : el("p", {class: "muted"}, "No articles stored yet: ingest some, or use Analyse."));
}

async function show(id, {latest = false} = {}) {
  const regions = regionsIn();
  try {
    const analysis = await api(`${PREFIX}/data/article/${encodeURIComponent(id)}`);
    renderArticle(regions, analysis, {focusId: params.get("event")});
    if (latest) {
      regions.head.prepend(el("p", {class: "muted", id: "article-note"},
        "The latest article in the store; choose another above."));
    }
    document.title = `${analysis.article.title || "Article"} · Flashpoint`;
  } catch (err) { showError(regions.head, err); }
}

async function start() {
  let articles = [];
  try {
    articles = (await api(`${PREFIX}/data/summary`)).latest_articles || [];
  } catch (err) { showError(pick, err); }
  const id = params.get("id") || (articles[0] && articles[0].id);
  chooser(articles, id);
  if (id) await show(id, {latest: !params.get("id")});
}

start();
