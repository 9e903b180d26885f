// Shared helpers for every dashboard page: JSON fetching, safe DOM building, event field
// access and small tables. Every piece of data enters the DOM as a text node (el() never
// sets innerHTML), so article text with <script> or onerror= stays inert text.

export const PREFIX = document.body.dataset.prefix || "/ui";

export const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation",
  3: "verbal conflict", 4: "material conflict"};

export const CAMEO_ROOTS = {"01": "Make public statement", "02": "Appeal",
  "03": "Express intent to cooperate", "04": "Consult", "05": "Diplomatic cooperation",
  "06": "Material cooperation", "07": "Provide aid", "08": "Yield", "09": "Investigate",
  "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten", "14": "Protest",
  "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
  "19": "Fight", "20": "Mass violence"};

// fetch JSON from our own server; an error answer becomes an Error naming status and message.
export async function api(path, params = null, options = {}) {
  const url = new URL(path, window.location.origin);
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    }
  }
  if (url.origin !== window.location.origin) throw new Error("refusing a request to another origin");
  const response = await fetch(url, {headers: {"Accept": "application/json"}, ...options});
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const detail = body && (body.message || body.detail);
    const msg = typeof detail === "string" ? detail : JSON.stringify(detail || response.statusText);
    const err = new Error(`${response.status}: ${msg}`);
    err.status = response.status;
    throw err;
  }
  return body;
}

export function postJSON(path, payload) {
  return api(path, null, {method: "POST", body: JSON.stringify(payload),
    headers: {"Content-Type": "application/json", "Accept": "application/json"}});
}

// el("a", {href, class, onclick}, "text", child...): attributes are set one by one;
// "text" and string children become text nodes; "style" is refused (the CSP forbids it).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "style" || k === "innerHTML") throw new Error(`el(): ${k} is not allowed`);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

// The API may answer a list, or an object holding it under one of a few names.
export function listOf(data, ...keys) {
  if (Array.isArray(data)) return data;
  for (const k of [...keys, "items", "results", "data", "rows"]) {
    if (data && Array.isArray(data[k])) return data[k];
  }
  return [];
}

export function showError(node, err, what = "loading") {
  clear(node, el("p", {class: "error", role: "alert"}, `Error ${what}: ${err.message || err}`));
}

export function status(text) {
  const node = document.getElementById("status");
  if (node) node.textContent = text;
}

// Events come flat from the store (source_name) or nested as in docs/contract.md (source.name).
export const ev = {
  id: (e) => e.store_id || e.id,
  date: (e) => (e.date ? String(e.date).slice(0, 10) : ""),
  source: (e) => e.source_name ?? (e.source && typeof e.source === "object" ? e.source.name : e.source) ?? "",
  target: (e) => e.target_name ?? (e.target && typeof e.target === "object" ? e.target.name : e.target) ?? "",
  sourceCountry: (e) => e.source_country ?? e.source?.country ?? null,
  targetCountry: (e) => e.target_country ?? e.target?.country ?? null,
  where: (e) => e.location_name ?? e.location?.name ?? "",
  quad: (e) => Number(e.quad_class) || 0,
  modality: (e) => (e.negated ? "negated" : e.hypothetical ? "hypothetical" : "asserted"),
  label: (e) => `${e.cameo || ""} ${CAMEO_ROOTS[String(e.root || (e.cameo || "").slice(0, 2))] || ""}`.trim(),
};

export function modalityBadge(e) {
  const m = ev.modality(e);
  return el("span", {class: `badge ${m}`}, m);
}

export function quadBadge(e) {
  const q = ev.quad(e);
  return el("span", {class: `badge q${q}`, title: QUAD_NAMES[q] || "unknown class"}, ev.label(e));
}

export function actorCell(name, country) {
  return [name || "—", country ? el("span", {class: "code"}, ` ${country}`) : null];
}

// A small table: columns are {label, cell(row) -> node|string, cls}.
export function table(columns, rows, {caption = null, onRow = null} = {}) {
  const head = el("tr", {}, columns.map((c) => el("th", {scope: "col", class: c.cls}, c.label)));
  const body = el("tbody");
  for (const row of rows) {
    const tr = el("tr", {}, columns.map((c) => el("td", {class: c.cls}, c.cell(row))));
    if (onRow) makeActivatable(tr, () => onRow(row, tr));
    body.append(tr);
  }
  return el("table", {class: "data"}, caption ? el("caption", {}, caption) : null,
    el("thead", {}, head), body);
}

// A row (or any element) that opens with click, Enter or Space, and arrow keys move between
// siblings, so the tables work from the keyboard alone.
export function makeActivatable(node, action) {
  node.tabIndex = 0;
  node.classList.add("activatable");
  node.addEventListener("click", action);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); action(); }
    else if (event.key === "ArrowDown" && node.nextElementSibling) { event.preventDefault(); node.nextElementSibling.focus(); }
    else if (event.key === "ArrowUp" && node.previousElementSibling) { event.preventDefault(); node.previousElementSibling.focus(); }
  });
}

export function eventsLink(params, text) {
  const url = new URL(`${PREFIX}/events`, window.location.origin);
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  return el("a", {href: url.pathname + url.search}, text);
}

// The event list of the overview (full) and of the map and network side panels (compact:
// one cell per event, so it fits a narrow panel).
export function eventList(events, {compact = false} = {}) {
  if (!events.length) return el("p", {class: "muted"}, "No events.");
  const what = (e) => [quadBadge(e), " ", e.negated || e.hypothetical ? modalityBadge(e) : null];
  if (compact) {
    return table([
      {label: "Date", cell: (e) => ev.date(e), cls: "nowrap"},
      {label: "Event", cell: (e) => [actorCell(ev.source(e), ev.sourceCountry(e)), " ", what(e), " ",
        actorCell(ev.target(e), ev.targetCountry(e)),
        e.sentence ? el("div", {class: "small muted"}, clip(e.sentence, 180)) : null]},
      {label: "Evidence", cell: (e) => eventsLink({event: ev.id(e)}, "open")},
    ], events);
  }
  return table([
    {label: "Date", cell: (e) => ev.date(e), cls: "nowrap"},
    {label: "Source", cell: (e) => actorCell(ev.source(e), ev.sourceCountry(e))},
    {label: "Event", cell: what},
    {label: "Target", cell: (e) => actorCell(ev.target(e), ev.targetCountry(e))},
    {label: "Evidence", cell: (e) => eventsLink({event: ev.id(e)}, "open")},
  ], events);
}

export function clip(text, n) {
  const s = String(text || "");
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function formParams(form) {
  const params = {};
  for (const [k, v] of new FormData(form).entries()) {
    if (typeof v === "string" && v.trim() !== "" && !(k === "modality" && v === "any")) params[k] = v.trim();
  }
  return params;
}

// Fill a form from the page URL (links such as /ui/events?actor=Iran land filtered).
export function formFromURL(form) {
  const params = new URLSearchParams(window.location.search);
  for (const [k, v] of params.entries()) {
    const field = form.elements.namedItem(k);
    if (field && "value" in field) field.value = v;
  }
  return params;
}

export function card(label, value, note = null) {
  return el("div", {class: "card"}, el("div", {class: "card-value"}, String(value ?? "—")),
    el("div", {class: "card-label"}, label), note ? el("div", {class: "card-note"}, note) : null);
}

export function fmt(x, digits = 1) {
  if (x === null || x === undefined || Number.isNaN(Number(x))) return "—";
  const n = Number(x);
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}
