// Events page: GET /events with the form's filters, one page at a time; column buttons sort
// the page shown; choosing a row (click, Enter or Space) opens its evidence: the event,
// GET /events/{id}, and its sentence highlighted in the article text.

import {api, el, clear, ev, showError, status, formParams, formFromURL, listOf, actorCell,
  quadBadge, modalityBadge, makeActivatable, fmt, PREFIX, QUAD_NAMES} from "./common.js";
import {renderArticle} from "./articleview.js";

const PAGE = 50;
const form = document.getElementById("filters");
const tableNode = document.getElementById("events-table");
const evidence = document.getElementById("evidence");
let offset = 0;
let rows = [];
let sort = {key: null, dir: 1};

const COLUMNS = [
  {key: "date", label: "Date", value: ev.date, cell: ev.date},
  {key: "source", label: "Source", value: ev.source, cell: (e) => actorCell(ev.source(e), ev.sourceCountry(e)), cls: "wrap"},
  {key: "event", label: "Event", value: (e) => e.cameo || "", cell: (e) => quadBadge(e)},
  {key: "target", label: "Target", value: ev.target, cell: (e) => actorCell(ev.target(e), ev.targetCountry(e)), cls: "wrap"},
  {key: "where", label: "Where", value: ev.where, cell: ev.where},
  {key: "modality", label: "Modality", value: ev.modality, cell: modalityBadge},
  {key: "goldstein", label: "Goldstein", value: (e) => Number(e.goldstein ?? 0), cell: (e) => fmt(e.goldstein), cls: "num"},
];

function header() {
  const tr = tableNode.tHead.rows[0];
  clear(tr, COLUMNS.map((c) => {
    const sorted = sort.key === c.key;
    return el("th", {scope: "col", class: c.cls, "aria-sort": sorted ? (sort.dir > 0 ? "ascending" : "descending") : "none"},
      el("button", {type: "button", class: "sort", onclick: () => sortBy(c.key)}, c.label,
        el("span", {"aria-hidden": "true"}, sorted ? (sort.dir > 0 ? " ▲" : " ▼") : "")));
  }));
}

function sortBy(key) {
  sort = {key, dir: sort.key === key ? -sort.dir : 1};
  const col = COLUMNS.find((c) => c.key === key);
  rows.sort((a, b) => {
    const x = col.value(a), y = col.value(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
  });
  draw();
  // The header is redrawn, so put keyboard focus back on the button just used.
  const index = COLUMNS.findIndex((c) => c.key === key);
  tableNode.tHead.rows[0].cells[index].querySelector("button").focus();
}

function draw() {
  header();
  const body = tableNode.tBodies[0];
  clear(body);
  for (const e of rows) {
    const tr = el("tr", {class: `ev-row ${ev.modality(e)}`, "data-id": ev.id(e),
      "aria-label": `${ev.date(e)} ${ev.source(e)} ${ev.label(e)} ${ev.target(e)}, ${ev.modality(e)}`},
    COLUMNS.map((c) => el("td", {class: c.cls}, c.cell(e))));
    makeActivatable(tr, () => openEvidence(ev.id(e), tr));
    body.append(tr);
  }
  if (!rows.length) body.append(el("tr", {}, el("td", {colspan: COLUMNS.length, class: "muted"}, "No events match these filters.")));
}

async function load() {
  const params = {...formParams(form), limit: PAGE, offset};
  history.replaceState(null, "", `?${new URLSearchParams(formParams(form))}`);
  status("Loading…");
  try {
    const data = await api("/events", params);
    rows = listOf(data, "events");
    const total = data && !Array.isArray(data) ? (data.total ?? data.count ?? null) : null;
    sort = {key: null, dir: 1};
    draw();
    const last = offset + rows.length;
    document.getElementById("page-info").textContent = rows.length ? `${offset + 1}–${last}${total !== null ? ` of ${total}` : ""}` : "";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = total !== null ? last >= total : rows.length < PAGE;
    status(`${total !== null ? total : rows.length} event(s) match.`);
  } catch (err) {
    rows = [];
    draw();
    status(`Could not load events: ${err.message}`);
  }
}

function detail(label, value) {
  return value === null || value === undefined || value === "" ? null : [el("dt", {}, label), el("dd", {}, value)];
}

async function openEvidence(id, row = null) {
  for (const r of tableNode.querySelectorAll("tr.selected")) r.classList.remove("selected");
  if (row) row.classList.add("selected");
  clear(evidence, el("p", {class: "muted"}, "Loading evidence…"));
  try {
    const e = await api(`/events/${encodeURIComponent(id)}`);
    const article = e.article || {};
    const articleId = article.id || e.article_id;
    const textBox = el("div", {class: "article-text evidence-text", id: "evidence-text", tabindex: "-1", "aria-label": "Article text with the evidence sentence marked"});
    clear(evidence,
      el("h2", {}, "Evidence"),
      el("p", {}, actorCell(ev.source(e), ev.sourceCountry(e)), " ", quadBadge(e), " ",
        actorCell(ev.target(e), ev.targetCountry(e)), " ", modalityBadge(e)),
      el("blockquote", {class: "sentence"}, e.sentence || ""),
      el("dl", {class: "details"},
        detail("Date", ev.date(e)), detail("Class", QUAD_NAMES[ev.quad(e)]),
        detail("PLOVER", e.plover), detail("Goldstein", fmt(e.goldstein)),
        detail("Trigger", e.trigger), detail("Modality cue", e.modality_cue),
        detail("Where", ev.where(e)), detail("Fatalities", e.fatalities),
        detail("Rule", e.rule), detail("Article", article.title || article.name || articleId),
        detail("Reports of this event", e.cluster ? String(e.cluster.article_count ?? "") : null)),
      articleId ? el("p", {}, el("a", {href: `${PREFIX}/article?id=${encodeURIComponent(articleId)}&event=${encodeURIComponent(id)}`}, "Open the full article view")) : null,
      el("h3", {}, "In its article"), textBox);
    if (articleId) {
      const analysis = await api(`${PREFIX}/data/article/${encodeURIComponent(articleId)}`);
      const panels = el("div");  // the evidence pane shows the text only
      renderArticle({head: el("div"), text: textBox, panels}, analysis, {focusId: id});
    }
    evidence.focus({preventScroll: true});
  } catch (err) { showError(evidence, err, "loading the evidence"); }
}

form.addEventListener("submit", (event) => { event.preventDefault(); offset = 0; load(); });
form.addEventListener("reset", () => { setTimeout(() => { offset = 0; load(); }, 0); });
document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
document.getElementById("next").addEventListener("click", () => { offset += PAGE; load(); });

const initial = formFromURL(form);
header();
load();
if (initial.get("event")) openEvidence(initial.get("event"));
