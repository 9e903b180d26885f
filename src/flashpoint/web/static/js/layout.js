// Layout of the network page: each connected component gets its own force-directed layout
// (Fruchterman-Reingold with a cooling schedule) at one ideal edge length, then the
// components are packed in rows, largest first. Laying out the whole graph at once lets
// disconnected groups push each other to the edges, and fitting that spread to the frame
// squeezes every pair onto its own label; news networks are mostly such small groups.
// Deterministic (nodes start on a circle in input order), so the same graph draws the same.

const EDGE = 110;  // ideal edge length, in the frame's units
const GAP = 70;    // space between packed components
const LABEL = 120; // room to the right of a component for node labels

function components(nodes, links) {
  const adjacent = nodes.map(() => []);
  for (const [a, b] of links) { adjacent[a].push(b); adjacent[b].push(a); }
  const seen = new Array(nodes.length).fill(false);
  const groups = [];
  for (let i = 0; i < nodes.length; i++) {
    if (seen[i]) continue;
    const group = [];
    const stack = [i];
    seen[i] = true;
    while (stack.length) {
      const v = stack.pop();
      group.push(v);
      for (const w of adjacent[v]) if (!seen[w]) { seen[w] = true; stack.push(w); }
    }
    groups.push(group.sort((x, y) => x - y));
  }
  return groups.sort((x, y) => y.length - x.length || x[0] - y[0]);
}

// Fruchterman-Reingold on one component; returns local positions.
function spring(members, links, iterations) {
  const n = members.length;
  const local = new Map(members.map((v, i) => [v, i]));
  const radius = EDGE * Math.max(0.5, Math.sqrt(n) / 2);
  const pos = members.map((_, i) => ({x: radius * Math.cos((2 * Math.PI * i) / n), y: radius * Math.sin((2 * Math.PI * i) / n)}));
  if (n === 1) return [{x: 0, y: 0}];
  const edges = links.filter(([a]) => local.has(a)).map(([a, b]) => [local.get(a), local.get(b)]);
  let temperature = radius;
  for (let step = 0; step < iterations; step++) {
    const disp = pos.map(() => ({x: 0, y: 0}));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
        const f = (EDGE * EDGE) / d;
        disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
      }
    }
    for (const [a, b] of edges) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / EDGE;
      disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      const move = Math.min(d, temperature);
      pos[i].x += (disp[i].x / d) * move;
      pos[i].y += (disp[i].y / d) * move;
    }
    temperature = Math.max(0.5, temperature * 0.97);
  }
  return pos;
}

export function forceLayout(nodes, edges, {width, height, iterations = 250} = {}) {
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const out = new Array(nodes.length);
  // Pack components in rows no wider than the frame's proportions allow.
  let x = 0, y = 0, rowHeight = 0, widest = 0;
  const rowWidth = Math.max(width, Math.sqrt(nodes.length) * EDGE * 2.2);
  for (const members of components(nodes, links)) {
    const pos = spring(members, links, iterations);
    const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
    const x0 = Math.min(...xs), y0 = Math.min(...ys);
    const w = Math.max(...xs) - x0 + LABEL, h = Math.max(...ys) - y0;
    if (x > 0 && x + w > rowWidth) { x = 0; y += rowHeight + GAP; rowHeight = 0; }
    members.forEach((v, i) => { out[v] = {x: x + pos[i].x - x0, y: y + pos[i].y - y0}; });
    x += w + GAP;
    widest = Math.max(widest, x - GAP);
    rowHeight = Math.max(rowHeight, h);
  }
  const totalH = y + rowHeight;
  // Fit into the frame with a margin; never enlarge a small graph past 1.4x.
  const margin = 50;
  const s = Math.min(1.4, (width - 2 * margin) / Math.max(1, widest), (height - 2 * margin) / Math.max(1, totalH));
  const ox = (width - widest * s) / 2, oy = (height - totalH * s) / 2;
  return out.map((p) => ({x: ox + p.x * s, y: oy + p.y * s}));
}
