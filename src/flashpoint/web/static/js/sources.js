// Sources page: quote sourcing from GET /sourcing (flashpoint.analytics.sourcing_stats):
// totals, named vs anonymous per speaker country as stacked bars, the most quoted speakers;
// and the latest quotes from GET /quotes.

import {api, el, svg, clear, showError, card, table, listOf, PREFIX} from "./common.js";

function pct(x) { return x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`; }

function countryBars(rows) {
  if (!rows.length) return el("p", {class: "muted"}, "No attributed quotes yet.");
  const shown = rows.slice(0, 15);
  const max = Math.max(1, ...shown.map((r) => r.quotes));
  const rowH = 26, W = 520, left = 90;
  const root = svg("svg", {viewBox: `0 0 ${W} ${shown.length * rowH + 30}`, class: "bars", role: "img",
    "aria-label": "Named and anonymous sources by speaker country"});
  shown.forEach((r, i) => {
    const y = i * rowH + 4;
    const named = ((W - left - 40) * r.named) / max, anon = ((W - left - 40) * r.anonymous) / max;
    root.append(svg("text", {x: left - 8, y: y + 15, "text-anchor": "end", class: "tick"}, r.country || "unknown"),
      svg("rect", {x: left, y, width: named.toFixed(1), height: rowH - 8, class: "named"}, svg("title", {}, `${r.country || "unknown"}: ${r.named} named`)),
      svg("rect", {x: (left + named).toFixed(1), y, width: anon.toFixed(1), height: rowH - 8, class: "anonymous"}, svg("title", {}, `${r.country || "unknown"}: ${r.anonymous} anonymous`)),
      svg("text", {x: (left + named + anon + 6).toFixed(1), y: y + 15, class: "tick"}, String(r.quotes)));
  });
  const ly = shown.length * rowH + 12;
  root.append(svg("rect", {x: left, y: ly, width: 12, height: 10, class: "named"}), svg("text", {x: left + 18, y: ly + 10, class: "tick"}, "named"),
    svg("rect", {x: left + 90, y: ly, width: 12, height: 10, class: "anonymous"}), svg("text", {x: left + 108, y: ly + 10, class: "tick"}, "anonymous"));
  return el("div", {}, root, table([
    {label: "Country", cell: (r) => r.country || "unknown"}, {label: "Named", cell: (r) => String(r.named), cls: "num"},
    {label: "Anonymous", cell: (r) => String(r.anonymous), cls: "num"}, {label: "Quotes", cell: (r) => String(r.quotes), cls: "num"}],
  rows, {caption: "Sources by speaker country"}));
}

async function stats() {
  const totals = document.getElementById("totals");
  try {
    const s = await api("/sourcing", {speakers: 25});
    clear(totals, card("quotes", s.quotes), card("named sources", s.named), card("anonymous sources", s.anonymous,
      `${pct(s.anonymous_share)} of attributed quotes`), card("unattributed", s.unattributed),
    card("direct", s.direct, `${s.reported ?? 0} reported speech`));
    clear(document.getElementById("by-country"), countryBars(s.by_country || []));
    const speakers = s.speakers || [];
    clear(document.getElementById("speakers"), speakers.length ? table([
      {label: "Speaker", cell: (r) => r.speaker}, {label: "Country", cell: (r) => r.country || "—"},
      {label: "Sector", cell: (r) => r.sector || "—"}, {label: "Quotes", cell: (r) => String(r.quotes), cls: "num"},
      {label: "Articles", cell: (r) => String(r.articles ?? ""), cls: "num"}], speakers)
      : el("p", {class: "muted"}, "No speakers yet."));
  } catch (err) { showError(totals, err, "loading sourcing statistics"); }
}

async function latest() {
  const node = document.getElementById("quotes");
  try {
    const quotes = listOf(await api("/quotes", {limit: 25}), "quotes");
    clear(node, quotes.length ? table([
      {label: "Date", cell: (q) => String(q.article_date || q.date || "").slice(0, 10)},
      {label: "Speaker", cell: (q) => [q.speaker_name || q.speaker_text || (q.speaker && (q.speaker.name || q.speaker.text)) || "unattributed", " ",
        el("span", {class: `badge ${q.anonymous || (q.speaker && q.speaker.anonymous) ? "anonymous" : "named"}`},
          q.anonymous || (q.speaker && q.speaker.anonymous) ? "anonymous" : "named")]},
      {label: "Quote", cell: (q) => el("span", {class: "quote-text"}, q.text || "")},
      {label: "Article", cell: (q) => q.article_id ? el("a", {href: `${PREFIX}/article?id=${encodeURIComponent(q.article_id)}`}, "open") : ""},
    ], quotes) : el("p", {class: "muted"}, "No quotes yet."));
  } catch (err) { showError(node, err, "loading quotes"); }
}

stats();
latest();
