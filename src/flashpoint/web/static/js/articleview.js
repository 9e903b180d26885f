// The article view: one docs/contract.md analysis drawn as the text with actors, places, quotes
// and event triggers highlighted, plus side panels listing them. Used by the Article,
// Analyse and Events (evidence) pages. Text is cut into segments at every highlight
// boundary and each segment is a text node inside a span, the DOM twin of render/page.py's
// mark_up(), so nothing in the article is ever parsed as HTML.

import {el, clear, ev, QUAD_NAMES, CAMEO_ROOTS, modalityBadge, quadBadge, fmt, PREFIX} from "./common.js";

function validSpan(s, n) {
  return Array.isArray(s) && s.length === 2 && Number.isInteger(s[0]) && Number.isInteger(s[1])
    && 0 <= s[0] && s[0] < s[1] && s[1] <= n;
}

// Every highlight as {start, end, cls, label, title}, in original-text offsets.
export function buildLayers(analysis, focusId = null) {
  const n = (analysis.article.text || "").length;
  const layers = [];
  const add = (span, cls, label, title) => { if (validSpan(span, n)) layers.push({start: span[0], end: span[1], cls, label, title}); };
  for (const a of analysis.actors || []) {
    for (const m of a.mentions || []) add(m, "actor", a.code || "", `${a.name} (${a.type}${a.code ? ", " + a.code : ""})`);
  }
  for (const p of analysis.places || []) {
    for (const m of p.mentions || []) add(m, "place", p.country || "", `${p.name} (${p.kind})`);
  }
  for (const q of analysis.quotes || []) {
    const who = q.speaker ? (q.speaker.name || q.speaker.text) : "unattributed";
    add(q.span, "quote", "", `Quote: ${who}${q.speaker && q.speaker.anonymous ? " (anonymous)" : ""}`);
    if (q.speaker) add(q.speaker.span, "speaker", "", `Speaker: ${who}`);
  }
  for (const e of analysis.events || []) {
    const m = ev.modality(e);
    const title = `${ev.source(e) || "?"} → ${e.cameo} ${CAMEO_ROOTS[e.root] || ""} → ${ev.target(e) || "—"} (${m})`;
    add(e.trigger_span, `trigger q${ev.quad(e)}${m === "asserted" ? "" : " " + m}`,
      `${e.cameo}${m === "negated" ? " not" : m === "hypothetical" ? " ?" : ""}`, title);
    if (focusId && (e.id === focusId || e.store_id === focusId)) add(e.span, "focus", "", "Evidence sentence");
  }
  return layers;
}

// Fill `container` with the text split at every layer boundary; returns the first focus span.
export function markUp(container, text, layers) {
  const cuts = new Set([0, text.length]);
  for (const l of layers) { cuts.add(l.start); cuts.add(l.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const endsAt = new Map();
  for (const l of layers) {
    if (!l.label) continue;
    if (!endsAt.has(l.end)) endsAt.set(l.end, []);
    endsAt.get(l.end).push(l);
  }
  const frag = document.createDocumentFragment();
  let focus = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const active = layers.filter((l) => l.start <= a && b <= l.end);
    const piece = document.createTextNode(text.slice(a, b));
    // Several events on one trigger (one per dyad) share one label.
    const labels = [...new Set((endsAt.get(b) || []).map((l) => l.label))]
      .map((label) => el("span", {class: "lbl", "aria-hidden": "true"}, label));
    if (!active.length) { frag.append(piece, ...labels); continue; }
    const classes = [...new Set(active.flatMap((l) => l.cls.split(" ")))].sort().join(" ");
    const span = el("span", {class: classes, title: active.map((l) => l.title).filter(Boolean).join("\n")}, piece, labels);
    if (!focus && classes.split(" ").includes("focus")) focus = span;
    frag.append(span);
  }
  clear(container).append(frag);
  return focus;
}

// article.date_basis (docs/contract.md) in words, after the date.
const DATE_BASES = {"file-name": "from the file name", page: "from the page", field: "from the input",
  dateline: "from the dateline", "dateline+given-year": "from the dateline, year given",
  "first-line": "from the first lines", given: "given"};

function head(analysis) {
  const a = analysis.article;
  const basis = DATE_BASES[a.date_basis] ? ` (${DATE_BASES[a.date_basis]})` : "";
  const bits = [a.date ? `Date: ${String(a.date).slice(0, 10)}${basis}` : "Date unknown",
    a.source ? `Source: ${a.source}` : null,
    `${(analysis.actors || []).length} actors, ${(analysis.events || []).length} events, ` +
    `${(analysis.quotes || []).length} quotes, ${(analysis.places || []).length} places`].filter(Boolean);
  return [el("h2", {class: "article-title"}, a.title || firstLine(a.text) || a.id || "Article"),
    el("p", {class: "muted"}, bits.join(" · "))];
}

function firstLine(text) {
  const line = (text || "").split("\n").find((l) => l.trim());
  return line ? line.trim().slice(0, 140) : "";
}

function panel(title, items, emptyText) {
  return el("section", {class: "panel"}, el("h3", {}, `${title} (${items.length})`),
    items.length ? el("ul", {class: "plain"}, items) : el("p", {class: "muted"}, emptyText));
}

function eventItem(e, onFocus) {
  const m = ev.modality(e);
  const li = el("li", {class: `ev-item ${m}`},
    el("button", {type: "button", class: "linkish", "aria-label": `Show evidence of event ${e.id}`,
      onclick: () => onFocus(e)},
    ev.source(e) || "?", " ", quadBadge(e), " ", ev.target(e) || "—"),
    " ", m !== "asserted" ? modalityBadge(e) : null,
    el("div", {class: "small muted"}, [ev.date(e), ev.where(e), e.trigger ? `“${e.trigger}”` : null,
      e.goldstein !== null && e.goldstein !== undefined ? `Goldstein ${fmt(e.goldstein)}` : null,
      QUAD_NAMES[ev.quad(e)]].filter(Boolean).join(" · ")));
  return li;
}

function quoteItem(q) {
  const s = q.speaker;
  const who = s ? (s.name || s.text) : "unattributed";
  return el("li", {class: "quote-item"},
    el("div", {}, el("strong", {}, who), " ",
      el("span", {class: `badge ${s && s.anonymous ? "anonymous" : "named"}`}, s && s.anonymous ? "anonymous" : "named"),
      " ", el("span", {class: "badge"}, q.direct ? "direct" : "reported"),
      s && s.country ? el("span", {class: "code"}, ` ${s.country}${s.sector ? "/" + s.sector : ""}`) : null),
    el("blockquote", {}, q.text || ""));
}

// Draw `analysis` into the regions {head, text, panels}; focusId picks an event whose
// sentence is marked and scrolled to.
export function renderArticle(regions, analysis, {focusId = null} = {}) {
  const text = analysis.article.text || "";
  clear(regions.head, head(analysis));
  const draw = (id) => {
    const focus = markUp(regions.text, text, buildLayers(analysis, id));
    if (focus) focus.scrollIntoView({block: "center"});
    return focus;
  };
  const onFocus = (e) => { draw(e.id); regions.text.focus({preventScroll: true}); };
  const events = analysis.events || [];
  const actors = analysis.actors || [];
  const places = analysis.places || [];
  const errors = analysis.errors || [];
  clear(regions.panels,
    panel("Events", events.map((e) => eventItem(e, onFocus)), "No events coded."),
    panel("Actors", actors.map((a) => el("li", {},
      el("span", {class: "actor"}, a.name), " ", el("span", {class: "code"}, a.code || a.type),
      el("span", {class: "small muted"}, ` ${(a.mentions || []).length} mention(s)`),
      a.store_id ? [" ", el("a", {href: `${PREFIX}/events?actor=${encodeURIComponent(a.store_id)}`,
        "aria-label": `Events of ${a.name}`}, "events")] : null)), "No actors."),
    panel("Quotes", (analysis.quotes || []).map(quoteItem), "No quotes."),
    panel("Places", places.map((p) => el("li", {}, el("span", {class: "place"}, p.name), " ",
      el("span", {class: "code"}, [p.kind, p.country].filter(Boolean).join(" ")),
      p.lat !== null && p.lat !== undefined ? el("span", {class: "small muted"}, ` ${fmt(p.lat)}, ${fmt(p.lon)}`) : null)),
    "No places."),
    errors.length ? panel("Problems", errors.map((x) => el("li", {class: "error"}, `${x.stage}: ${x.message}`)), "") : null);
  return draw(focusId);
}

export function regionsIn(root = document) {
  return {head: root.querySelector("#article-head"), text: root.querySelector("#article-text"),
    panels: root.querySelector("#article-panels")};
}
