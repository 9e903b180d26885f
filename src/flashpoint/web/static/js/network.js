// Network page: GET /network (flashpoint.analytics.graph_json) drawn as SVG with our own
// force layout. Edge colour runs from green (cooperation) to red (conflict), width grows
// with the number of events; node size with strength. Nodes are buttons: choosing one lists
// its events (GET /events filtered by the node) and links to the filtered Events page.

import {api, el, svg, clear, showError, status, formParams, formFromURL, listOf, eventList,
  eventsLink, fmt} from "./common.js";
import {forceLayout} from "./layout.js";
import {conflictColour, attachZoom} from "./svgutil.js";

const W = 1000, H = 640, MAX_NODES = 120;
const form = document.getElementById("filters");
const host = document.getElementById("graph");
const side = document.getElementById("node-events");

function nodeFilter(node, level) {
  // Country nodes are ISO3 codes; actor nodes are stored actor ids (or names).
  return level === "country" ? {country: node.id} : {actor: node.id};
}

async function showNode(node, level, circle) {
  for (const c of host.querySelectorAll(".node.selected")) c.classList.remove("selected");
  circle.classList.add("selected");
  const filter = nodeFilter(node, level);
  clear(side, el("h2", {}, node.label || node.id),
    el("p", {class: "muted"}, `${node.degree ?? "?"} partner(s), ${node.strength ?? "?"} event(s)` +
      (node.pagerank !== undefined ? `, PageRank ${fmt(node.pagerank, 3)}` : "")),
    el("p", {}, eventsLink(filter, "Open these events in the Events table →")),
    el("p", {class: "muted"}, "Loading events…"));
  try {
    const events = listOf(await api("/events", {...filter, limit: 20}), "events");
    side.lastChild.replaceWith(eventList(events, {compact: true}));
  } catch (err) { side.lastChild.replaceWith(el("p", {class: "error"}, err.message)); }
  side.focus({preventScroll: true});
}

function draw(data, level) {
  let nodes = listOf(data, "nodes");
  let edges = listOf(data, "edges", "links");
  if (nodes.length > MAX_NODES) {
    nodes = [...nodes].sort((a, b) => (b.strength || 0) - (a.strength || 0)).slice(0, MAX_NODES);
    const kept = new Set(nodes.map((n) => n.id));
    edges = edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  }
  const pos = forceLayout(nodes, edges, {width: W, height: H});
  const at = new Map(nodes.map((n, i) => [n.id, pos[i]]));
  const maxEvents = Math.max(1, ...edges.map((e) => e.events ?? e.weight ?? 1));
  const maxStrength = Math.max(1, ...nodes.map((n) => n.strength || 1));
  const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, class: "network", role: "group",
    "aria-label": `Actor network: ${nodes.length} node(s), ${edges.length} edge(s)`});
  const viewport = svg("g");
  const edgeLayer = svg("g", {class: "edges"});
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    const events = e.events ?? e.weight ?? 1;
    const conflict = e.conflict ?? 0, cooperation = e.cooperation ?? 0;
    edgeLayer.append(svg("line", {x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
      stroke: conflictColour(conflict, cooperation), "stroke-width": (1 + 9 * Math.sqrt(events / maxEvents)).toFixed(1),
      class: "edge"}, svg("title", {}, `${e.source} – ${e.target}: ${events} event(s), ${conflict} conflict, ${cooperation} cooperation`)));
  }
  const nodeLayer = svg("g", {class: "nodes"});
  nodes.forEach((node, i) => {
    const p = pos[i];
    const r = 6 + 16 * Math.sqrt((node.strength || 1) / maxStrength);
    const label = `${node.label || node.id}: ${node.degree ?? 0} partner(s), ${node.strength ?? 0} event(s)`;
    const g = svg("g", {class: "node", tabindex: 0, role: "button", "aria-label": label,
      transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`},
    svg("title", {}, label),
    svg("circle", {r: r.toFixed(1), class: `community-${(node.community ?? 0) % 8}`}),
    svg("text", {x: (r + 3).toFixed(1), y: 4, class: "node-label"}, node.label || node.id));
    g.addEventListener("click", () => showNode(node, level, g));
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); showNode(node, level, g); } });
    nodeLayer.append(g);
  });
  viewport.append(edgeLayer, nodeLayer);
  root.append(viewport);
  clear(host, root, el("p", {class: "legend small"},
    el("span", {class: "swatch coop"}), " cooperation ", el("span", {class: "swatch mixed"}), " mixed ",
    el("span", {class: "swatch conflict"}), " conflict · node colour: community (groups that cooperate)"));
  attachZoom(root, viewport, {width: W, height: H});
  return {nodes: nodes.length, edges: edges.length, total: listOf(data, "nodes").length};
}

async function load() {
  const params = formParams(form);
  history.replaceState(null, "", `?${new URLSearchParams(params)}`);
  status("Loading…");
  try {
    const data = await api("/network", params);
    const level = params.level || "country";
    const shown = draw(data, level);
    status(shown.nodes ? `${shown.nodes} node(s) and ${shown.edges} edge(s)` +
      (shown.total > shown.nodes ? ` (the ${shown.nodes} strongest of ${shown.total} nodes)` : "") + "."
      : "No edges: no events with both a source and a target in this range.");
  } catch (err) { showError(host, err, "loading the network"); status(""); }
}

form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
formFromURL(form);
load();
