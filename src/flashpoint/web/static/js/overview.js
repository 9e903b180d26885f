// Overview: corpus counts and latest articles (/ui/data/summary), top conflict dyads
// (GET /dyads), escalation alerts (GET /escalation) and the latest events (GET /events).

import {api, el, clear, showError, card, table, eventList, listOf, fmt, PREFIX, eventsLink} from "./common.js";
import {escalationRows} from "./signals.js";

const dyadHref = (a, b) => `${PREFIX}/dyad?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

async function counts() {
  const node = document.getElementById("counts");
  try {
    const s = await api(`${PREFIX}/data/summary`);
    const c = s.counts || {};
    const m = s.modality || {};
    const q = s.events_by_quad || {};
    clear(node,
      card("articles", c.articles), card("events", c.events,
        `${m.asserted ?? 0} asserted, ${m.negated ?? 0} negated, ${m.hypothetical ?? 0} hypothetical`),
      card("conflict events", (q["3"] || 0) + (q["4"] || 0), `${q["4"] || 0} material`),
      card("cooperation events", (q["1"] || 0) + (q["2"] || 0), `${q["2"] || 0} material`),
      card("actors", c.actors), card("quotes", c.quotes), card("places", c.places),
      card("period", s.first_date ? `${String(s.first_date).slice(0, 10)} → ${String(s.last_date).slice(0, 10)}` : "—",
        s.undated_articles ? `${s.undated_articles} article(s) have no date: their events take years from the text` : null));
    const articles = s.latest_articles || [];
    clear(document.getElementById("articles"), articles.length ? table([
      {label: "Date", cell: (a) => String(a.date || "").slice(0, 10)},
      {label: "Article", cell: (a) => el("a", {href: `${PREFIX}/article?id=${encodeURIComponent(a.id)}`}, a.title || a.name || a.id)},
      {label: "Source", cell: (a) => a.source || ""},
      {label: "Events", cell: (a) => String(a.n_events ?? ""), cls: "num"},
    ], articles) : el("p", {class: "muted"}, "No articles yet: run flashpoint ingest, or try Analyse."));
  } catch (err) { showError(node, err, "loading the corpus summary"); }
}

async function dyads() {
  const node = document.getElementById("dyads");
  try {
    const rows = listOf(await api("/dyads", {order: "conflict", limit: 10}), "dyads").filter((d) => d.conflict > 0);
    clear(node, rows.length ? table([
      {label: "Dyad", cell: (d) => el("a", {href: dyadHref(d.a, d.b)}, `${d.a_name || d.a} – ${d.b_name || d.b}`)},
      {label: "Conflict", cell: (d) => String(d.conflict), cls: "num"},
      {label: "Cooperation", cell: (d) => String(d.cooperation), cls: "num"},
      {label: "Goldstein", cell: (d) => fmt(d.goldstein_sum), cls: "num"},
      {label: "Last", cell: (d) => String(d.last_date || "").slice(0, 10)},
    ], rows) : el("p", {class: "muted"}, "No conflict between countries recorded yet."));
  } catch (err) { showError(node, err, "loading dyads"); }
}

async function alerts() {
  const node = document.getElementById("alerts");
  try {
    const data = await api("/escalation");
    const rows = escalationRows(data);
    const hot = rows.filter((r) => r.alert);
    const shown = (hot.length ? hot : rows).slice(0, 8);
    clear(node,
      el("p", {class: "muted"}, rows.length
        ? `${hot.length} dyad(s) above their own baseline${data.as_of ? ` as of ${data.as_of}` : ""}` +
          `${data.window ? ` (last ${data.window} days against the ${data.baseline} before)` : ""}.`
        : "No escalation signal yet: it needs dated conflict events."),
      shown.length ? table([
        {label: "Dyad", cell: (r) => el("a", {href: dyadHref(r.a, r.b)}, `${r.aName} – ${r.bName}`)},
        {label: "Signal", cell: (r) => el("span", {class: `badge level-${r.level}`}, r.level || "—")},
        {label: "Conflict (window)", cell: (r) => `${fmt(r.latest)} vs ${fmt(r.expected)} expected`},
        {label: "z", cell: (r) => fmt(r.z), cls: "num"},
        {label: "Forecast", cell: (r) => r.forecast.mean === undefined ? "—"
          : `${fmt(r.forecast.mean)} (${fmt(r.forecast.lower)}–${fmt(r.forecast.upper)})`},
      ], shown) : null);
  } catch (err) { showError(node, err, "loading escalation signals"); }
}

async function latest() {
  const node = document.getElementById("latest");
  try {
    const events = listOf(await api("/events", {limit: 10}), "events");
    clear(node, eventList(events), el("p", {}, eventsLink({}, "All events →")));
  } catch (err) { showError(node, err, "loading events"); }
}

counts();
dyads();
alerts();
latest();
