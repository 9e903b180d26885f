// Dyad timeline page: GET /dyads/{a}/{b}/series for the chosen pair and period, and the
// escalation signal with its forecast from GET /escalation (the pair's entry). Opens on the
// top conflict dyad when the URL names none.

import {api, el, clear, showError, status, listOf, table, card, fmt, formFromURL, eventsLink} from "./common.js";
import {escalationRows, escalationRow, seriesRows} from "./signals.js";
import {timelineChart} from "./chart.js";

const form = document.getElementById("dyad-form");
const chart = document.getElementById("chart");
const signalBox = document.getElementById("signal");
const tableBox = document.getElementById("series-table");

const isCountry = (s) => /^[A-Za-z]{3}$/.test(s);

async function options() {
  // Suggest countries and actors already in the store.
  const list = document.getElementById("dyad-options");
  const seen = new Set();
  const add = (value, label) => {
    if (!value || seen.has(value)) return;
    seen.add(value);
    list.append(el("option", {value, label: label && label !== value ? label : null}));
  };
  try {
    for (const n of listOf(await api("/network", {level: "country"}), "nodes")) add(n.id, n.label);
    for (const a of listOf(await api("/actors", {limit: 200}), "actors")) add(a.name, a.country ? `${a.name} (${a.country})` : a.name);
  } catch (err) { /* suggestions are a convenience; typing still works */ }
}

async function findSignal(a, b, level) {
  const data = await api("/escalation", {a, b, level});
  if (data && data.signal) return escalationRow(data);
  const same = (x, y) => String(x).toLowerCase() === String(y).toLowerCase();
  return escalationRows(data).find((r) => (same(r.a, a) && same(r.b, b)) || (same(r.a, b) && same(r.b, a))) || null;
}

function forecastPoints(sig, freq, lastPeriod) {
  if (!sig || !sig.forecast.days.length) return [];
  if (freq === "day") {
    return sig.forecast.days.map((d) => ({period: String(d.date || "").slice(0, 10), mean: d.mean, lower: d.lower, upper: d.upper}));
  }
  // Weekly series: the horizon's total is one more week.
  const next = new Date(`${lastPeriod}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 7);
  return [{period: next.toISOString().slice(0, 10), mean: sig.forecast.mean, lower: sig.forecast.lower, upper: sig.forecast.upper}];
}

function signalCards(sig, a, b, level) {
  if (!sig) return [el("p", {class: "muted"}, "No escalation signal for this pair (it is computed for the dyads with most conflict).")];
  return [card("signal", sig.level || "—", sig.pValue !== undefined ? `p = ${fmt(sig.pValue, 4)}` : null),
    card(`conflict, last ${sig.windowDays ?? "?"} days`, fmt(sig.latest), `${fmt(sig.expected)} expected from the baseline`),
    card("z-score", fmt(sig.z, 2)),
    card("forecast, next days", sig.forecast.mean === undefined ? "—" : fmt(sig.forecast.mean),
      sig.forecast.lower === undefined ? null : `${Math.round((sig.forecast.interval || 0.9) * 100)}% interval ${fmt(sig.forecast.lower)}–${fmt(sig.forecast.upper)}` +
        (sig.forecast.model && sig.forecast.model.name ? ` (${sig.forecast.model.name})` : "")),
    card("change point", sig.changePoint && sig.changePoint.date ? sig.changePoint.date : "none"),
    el("p", {}, eventsLink(level === "country" ? {country: a} : {actor: a}, `Events of ${a} →`), " ",
      eventsLink(level === "country" ? {country: b} : {actor: b}, `Events of ${b} →`))];
}

async function load() {
  const a = form.elements.a.value.trim(), b = form.elements.b.value.trim();
  const freq = form.elements.interval.value;
  if (!a || !b) { status("Choose two sides."); return; }
  const level = isCountry(a) && isCountry(b) ? "country" : "actor";
  history.replaceState(null, "", `?${new URLSearchParams({a, b, interval: freq})}`);
  status("Loading…");
  try {
    const [data, sig] = await Promise.all([
      api(`/dyads/${encodeURIComponent(level === "country" ? a.toUpperCase() : a)}/${encodeURIComponent(level === "country" ? b.toUpperCase() : b)}/series`, {freq, level}),
      findSignal(a, b, level).catch(() => null)]);
    const rows = seriesRows(data);
    clear(signalBox, signalCards(sig, a, b, level));
    if (!rows.length) { clear(chart, el("p", {class: "muted"}, `No events between ${a} and ${b}.`)); clear(tableBox); status(""); return; }
    const fc = forecastPoints(sig, freq, rows[rows.length - 1].period);
    let windowFrom = null;
    if (sig && sig.windowDays && freq === "day") windowFrom = rows[Math.max(0, rows.length - sig.windowDays)].period;
    clear(chart, el("h2", {}, `${a} – ${b}, per ${freq} (${level === "country" ? "countries" : "actors"})`),
      timelineChart(rows, fc, {windowFrom, changePoint: sig && sig.changePoint ? sig.changePoint.date : null}));
    clear(tableBox, table([
      {label: "Period", cell: (r) => r.period}, {label: "Conflict", cell: (r) => String(r.conflict), cls: "num"},
      {label: "Cooperation", cell: (r) => String(r.cooperation), cls: "num"},
      {label: "Goldstein sum", cell: (r) => fmt(r.goldstein), cls: "num"}], rows));
    const t = data.totals || {};
    status(`${t.events ?? rows.reduce((s, r) => s + r.events, 0)} event(s): ${t.conflict ?? "?"} conflict, ${t.cooperation ?? "?"} cooperation (asserted only).`);
  } catch (err) { showError(chart, err, "loading the series"); status(""); }
}

// Without a pair in the URL, open on the dyad with most conflict (GET /dyads), so the first
// look shows the timeline, its escalation signal and forecast; the note says how it was chosen.
async function openTopDyad() {
  const note = document.getElementById("dyad-note");
  try {
    const [top] = listOf(await api("/dyads", {order: "conflict", limit: 1}), "dyads").filter((d) => d.conflict > 0);
    if (!top) { clear(note, "No conflict between countries stored yet: choose two sides above."); return; }
    form.elements.a.value = top.a;
    form.elements.b.value = top.b;
    clear(note, `Showing the dyad with most conflict in the store, ${top.a_name || top.a} – ${top.b_name || top.b} ` +
      `(${top.conflict} conflict event${top.conflict === 1 ? "" : "s"}); choose two other sides above.`);
    await load();
  } catch (err) { showError(chart, err, "finding the top dyad"); }
}

form.addEventListener("submit", (e) => { e.preventDefault(); clear(document.getElementById("dyad-note")); load(); });
const params = formFromURL(form);
options();
if (params.get("a") && params.get("b")) load(); else openTopDyad();
