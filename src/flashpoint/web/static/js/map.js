// Map page: country outlines from the bundled Natural Earth file (static/geo/world.json) in
// an equirectangular projection drawn as SVG, with one circle per place from
// /ui/data/map: area proportional to the event count, colour from green (cooperation) to
// red (conflict). Circles are buttons: click, Enter or Space lists the place's events.

import {api, el, svg, clear, showError, status, formParams, formFromURL, eventList, PREFIX} from "./common.js";
import {conflictColour, attachZoom} from "./svgutil.js";

const W = 1000, LAT_TOP = 84, LAT_BOTTOM = -58;
const K = W / 360;
const H = Math.round((LAT_TOP - LAT_BOTTOM) * K);
const project = (lon, lat) => [(lon + 180) * K, (LAT_TOP - lat) * K];

const form = document.getElementById("filters");
const host = document.getElementById("map");
const side = document.getElementById("point-events");
let world = null;

function ringPath(ring) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

function countryPath(feature, shade) {
  const g = feature.geometry;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const d = polys.map((poly) => poly.map(ringPath).join("")).join("");
  return svg("path", {d, class: `country${shade ? " has-events" : ""}`, "fill-rule": "evenodd", "vector-effect": "non-scaling-stroke"},
    svg("title", {}, feature.properties.name + (shade ? `: ${shade} event(s)` : "")));
}

function showPoint(p, circle) {
  for (const c of host.querySelectorAll("circle.selected")) c.classList.remove("selected");
  circle.classList.add("selected");
  clear(side, el("h2", {}, p.name || `${p.lat}, ${p.lon}`),
    el("p", {class: "muted"}, `${p.n} event(s): ${p.conflict} conflict, ${p.cooperation} cooperation` +
      (p.n > p.events.length ? ` (latest ${p.events.length} listed)` : "")),
    eventList(p.events, {compact: true}));
  side.focus({preventScroll: true});
}

function draw(data) {
  const byCountry = {};
  for (const p of data.points) if (p.country) byCountry[p.country] = (byCountry[p.country] || 0) + p.n;
  const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "group", class: "world",
    "aria-label": `World map with ${data.points.length} place(s) that have events`});
  const viewport = svg("g");
  const countries = svg("g", {class: "countries", "aria-hidden": "true"},
    world.features.map((f) => countryPath(f, byCountry[f.properties.iso3])));
  viewport.append(svg("rect", {x: 0, y: 0, width: W, height: H, class: "sea"}), countries);
  const maxN = Math.max(1, ...data.points.map((p) => p.n));
  const points = svg("g", {class: "points"});
  // Largest first, so small circles stay on top and clickable.
  for (const p of [...data.points].sort((a, b) => b.n - a.n)) {
    const [x, y] = project(p.lon, p.lat);
    const r = 3 + 14 * Math.sqrt(p.n / maxN);
    const label = `${p.name || "unnamed place"}: ${p.n} event(s), ${p.conflict} conflict, ${p.cooperation} cooperation`;
    const c = svg("circle", {cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), "data-r": r.toFixed(1), class: "point",
      "vector-effect": "non-scaling-stroke",
      fill: conflictColour(p.conflict, p.cooperation), tabindex: 0, role: "button", "aria-label": label},
    svg("title", {}, label));
    c.addEventListener("click", () => showPoint(p, c));
    c.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showPoint(p, c); } });
    points.append(c);
  }
  viewport.append(points);
  root.append(viewport);
  clear(host, root);
  // Circles keep their size on screen when zooming, so close places separate.
  const onZoom = (s) => { for (const c of points.children) c.setAttribute("r", (c.dataset.r / s).toFixed(2)); };
  attachZoom(root, viewport, {width: W, height: H, initial: fitView(data.points), onZoom, zoomIn: document.getElementById("zoom-in"),
    zoomOut: document.getElementById("zoom-out"), reset: document.getElementById("zoom-reset")});
}

// Start zoomed on the region that has events (a corpus is often about one region), with
// room around the circles; the whole world is one Reset away.
function fitView(points) {
  if (!points.length) return null;
  const xy = points.map((p) => project(p.lon, p.lat));
  const pad = 120;
  const [x0, x1] = [Math.min(...xy.map((q) => q[0])) - pad, Math.max(...xy.map((q) => q[0])) + pad];
  const [y0, y1] = [Math.min(...xy.map((q) => q[1])) - pad, Math.max(...xy.map((q) => q[1])) + pad];
  const s = Math.max(1, Math.min(4, W / (x1 - x0), H / (y1 - y0)));
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return {s, tx: Math.min(0, Math.max(W - W * s, W / 2 - cx * s)), ty: Math.min(0, Math.max(H - H * s, H / 2 - cy * s))};
}

async function load() {
  history.replaceState(null, "", `?${new URLSearchParams(formParams(form))}`);
  status("Loading…");
  try {
    if (!world) world = await api(`${PREFIX}/static/geo/world.json`);
    const data = await api(`${PREFIX}/data/map`, formParams(form));
    draw(data);
    const placed = data.points.reduce((s, p) => s + p.n, 0);
    status(`${placed} event(s) at ${data.points.length} place(s)` + (data.unplaced ? `; ${data.unplaced} without a location are not shown.` : "."));
  } catch (err) { showError(host, err, "drawing the map"); status(""); }
}

form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
formFromURL(form);
load();
