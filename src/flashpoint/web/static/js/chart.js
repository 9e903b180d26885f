// The dyad timeline chart: conflict and cooperation counts per period as two lines, the
// escalation window shaded, the change point marked, and the forecast's mean with its
// interval as a band after the last period. Plain SVG; a table twin sits below the chart.

import {svg} from "./common.js";

const W = 1000, H = 380, M = {left: 48, right: 24, top: 40, bottom: 34};

function linePath(points) {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
}

// rows: [{period, conflict, cooperation}]; forecast: [{period, mean, lower, upper}];
// marks: {windowFrom: period, changePoint: period}
export function timelineChart(rows, forecast = [], marks = {}) {
  const all = [...rows.map((r) => r.period), ...forecast.map((f) => f.period)];
  const n = Math.max(1, all.length - 1);
  const x = (i) => M.left + (i / n) * (W - M.left - M.right);
  const top = Math.max(1, ...rows.map((r) => Math.max(r.conflict, r.cooperation)), ...forecast.map((f) => f.upper ?? f.mean ?? 0));
  const y = (v) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
  const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img",
    "aria-label": `Conflict and cooperation per period, ${rows[0]?.period || ""} to ${rows[rows.length - 1]?.period || ""}`});
  const idx = new Map(all.map((p, i) => [p, i]));
  if (marks.windowFrom && idx.has(marks.windowFrom)) {
    const x0 = x(idx.get(marks.windowFrom)), x1 = x(rows.length - 1);
    root.append(svg("rect", {x: x0.toFixed(1), y: M.top, width: Math.max(2, x1 - x0).toFixed(1),
      height: H - M.top - M.bottom, class: "window"}, svg("title", {}, "Escalation window")));
  }
  // Axes and grid: 0, half and top of the scale; first, middle and last period.
  for (const v of [0, top / 2, top]) {
    root.append(svg("line", {x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: "grid"}),
      svg("text", {x: M.left - 6, y: y(v) + 4, class: "tick", "text-anchor": "end"}, Number.isInteger(v) ? v : v.toFixed(1)));
  }
  const lastIndex = all.length - 1;
  for (const i of [...new Set([0, Math.floor(n / 2), lastIndex])]) {
    const anchor = i === 0 ? "start" : i === lastIndex ? "end" : "middle";
    if (all[i] !== undefined) root.append(svg("text", {x: x(i), y: H - M.bottom + 18, class: "tick", "text-anchor": anchor}, all[i]));
  }
  if (forecast.length) {
    const start = rows.length;
    const band = [...forecast.map((f, j) => [x(start + j), y(f.upper ?? f.mean)]),
      ...forecast.map((f, j) => [x(start + j), y(f.lower ?? f.mean)]).reverse()];
    const last = rows[rows.length - 1];
    root.append(svg("path", {d: linePath(band) + "Z", class: "band"}, svg("title", {}, "Forecast interval of conflict events")),
      svg("path", {d: linePath([[x(start - 1), y(last ? last.conflict : 0)], ...forecast.map((f, j) => [x(start + j), y(f.mean)])]),
        class: "forecast"}));
  }
  if (marks.changePoint && idx.has(marks.changePoint)) {
    const cx = x(idx.get(marks.changePoint));
    root.append(svg("line", {x1: cx, x2: cx, y1: M.top, y2: H - M.bottom, class: "change"}, svg("title", {}, `Change point ${marks.changePoint}`)),
      svg("text", {x: cx + 4, y: M.top - 4, class: "tick"}, "change point"));
  }
  for (const [key, cls] of [["cooperation", "coop"], ["conflict", "conflict"]]) {
    const pts = rows.map((r, i) => [x(i), y(r[key])]);
    root.append(svg("path", {d: linePath(pts), class: `series ${cls}`}));
    if (rows.length <= 60) {
      rows.forEach((r, i) => root.append(svg("circle", {cx: x(i).toFixed(1), cy: y(r[key]).toFixed(1), r: 3, class: `dot ${cls}`},
        svg("title", {}, `${r.period}: ${r[key]} ${key}`))));
    }
  }
  const legend = svg("g", {class: "chart-legend", transform: `translate(${M.left},6)`});
  [["conflict", "conflict"], ["coop", "cooperation"], ["forecast", "forecast (conflict)"], ["band", "forecast interval"]].forEach(([cls, text], i) => {
    legend.append(svg("rect", {x: i * 170, y: 0, width: 14, height: 10, class: `key ${cls}`}),
      svg("text", {x: i * 170 + 20, y: 10, class: "tick"}, text));
  });
  root.append(legend);
  return root;
}
