// A force-directed layout (Fruchterman-Reingold with a cooling schedule) for the network
// page: deterministic (nodes start on a circle in input order), so the same graph draws the
// same way every time and screenshots are comparable. O(n^2) per step; the page caps n.

export function forceLayout(nodes, edges, {width, height, iterations = 300} = {}) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const pos = nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    return {x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle)};
  });
  if (n <= 1) {
    if (n === 1) pos[0] = {x: width / 2, y: height / 2};
    return pos;
  }
  const k = Math.sqrt((width * height) / n) * 0.75;
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e]).filter(([a, b]) => a !== undefined && b !== undefined);
  let temperature = width / 8;
  for (let step = 0; step < iterations; step++) {
    const disp = pos.map(() => ({x: 0, y: 0}));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
        const force = (k * k) / d;
        disp[i].x += (dx / d) * force; disp[i].y += (dy / d) * force;
        disp[j].x -= (dx / d) * force; disp[j].y -= (dy / d) * force;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const force = (d * d) / k;
      disp[a].x -= (dx / d) * force; disp[a].y -= (dy / d) * force;
      disp[b].x += (dx / d) * force; disp[b].y += (dy / d) * force;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps unconnected components on screen.
      disp[i].x += (width / 2 - pos[i].x) * 0.02 * k / 10;
      disp[i].y += (height / 2 - pos[i].y) * 0.02 * k / 10;
      const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      const move = Math.min(d, temperature);
      pos[i].x += (disp[i].x / d) * move;
      pos[i].y += (disp[i].y / d) * move;
    }
    temperature = Math.max(0.5, temperature * 0.98);
  }
  // Fit into the frame with a margin for labels.
  const margin = 60;
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (width - 2 * margin) / Math.max(1, x1 - x0), sy = (height - 2 * margin) / Math.max(1, y1 - y0);
  const s = Math.min(sx, sy);
  return pos.map((p) => ({x: margin + (p.x - x0) * s + ((width - 2 * margin) - (x1 - x0) * s) / 2,
    y: margin + (p.y - y0) * s + ((height - 2 * margin) - (y1 - y0) * s) / 2}));
}
