// Reading GET /escalation and GET /dyads/{a}/{b}/series whatever names the API gives its
// fields: the analytics library may say z or zscore, a/b or source/target, so each value
// is looked up under the few names it plausibly has. One place to adjust if the API changes.

import {listOf} from "./common.js";

export function pick(obj, ...names) {
  if (!obj || typeof obj !== "object") return undefined;
  for (const name of names) {
    if (obj[name] !== undefined && obj[name] !== null) return obj[name];
  }
  return undefined;
}

function side(x) {
  if (x && typeof x === "object") return pick(x, "name", "label", "code", "id") ?? "";
  return x ?? "";
}

export function dyadOf(row) {
  const d = pick(row, "dyad");
  if (Array.isArray(d)) return [side(d[0]), side(d[1])];
  if (typeof d === "string" && d.includes("|")) return d.split("|");
  if (typeof d === "string" && d.includes("-")) return d.split("-");
  return [side(pick(row, "a", "source", "actor_a", "from", "u")), side(pick(row, "b", "target", "actor_b", "to", "v"))];
}

export function forecastOf(row) {
  const f = pick(row, "forecast", "prediction") || row;
  return {
    mean: pick(f, "mean", "expected", "forecast_mean", "yhat", "point"),
    lower: pick(f, "lower", "lo", "low", "forecast_lower", "yhat_lower", "ci_low"),
    upper: pick(f, "upper", "hi", "high", "forecast_upper", "yhat_upper", "ci_high"),
    horizon: pick(f, "horizon", "periods", "days", "steps"),
  };
}

export function escalationRows(data) {
  return listOf(data, "alerts", "dyads", "signals", "escalation").map((row) => {
    const [a, b] = dyadOf(row);
    const z = pick(row, "z", "zscore", "z_score", "score");
    const alert = pick(row, "alert", "escalating", "is_alert", "flag");
    return {a, b, z: z === undefined ? null : Number(z),
      alert: alert === undefined ? (z !== undefined && Number(z) >= 2) : Boolean(alert),
      latest: pick(row, "latest", "current", "window_count", "recent", "last"),
      baseline: pick(row, "baseline", "baseline_mean", "mean", "expected_baseline"),
      forecast: forecastOf(row), raw: row};
  });
}

// One series point: {period, conflict, cooperation, goldstein}.
export function seriesRows(data) {
  const rows = listOf(data, "series", "points", "periods", "buckets");
  return rows.map((r) => {
    const q = (n) => Number(pick(r, `quad${n}`, `q${n}`, `quad_${n}`, `quad_class_${n}`) ?? 0);
    let conflict = pick(r, "conflict", "n_conflict", "conflict_events");
    let cooperation = pick(r, "cooperation", "n_cooperation", "cooperation_events", "coop");
    const quads = pick(r, "quad_counts", "by_quad", "quads");
    if (conflict === undefined && quads) conflict = Number(quads["3"] ?? quads[3] ?? 0) + Number(quads["4"] ?? quads[4] ?? 0);
    if (cooperation === undefined && quads) cooperation = Number(quads["1"] ?? quads[1] ?? 0) + Number(quads["2"] ?? quads[2] ?? 0);
    if (conflict === undefined) conflict = q(3) + q(4);
    if (cooperation === undefined) cooperation = q(1) + q(2);
    return {period: String(pick(r, "period", "date", "day", "week", "start", "bucket", "t") ?? "").slice(0, 10),
      conflict: Number(conflict) || 0, cooperation: Number(cooperation) || 0,
      goldstein: pick(r, "goldstein_sum", "goldstein", "goldstein_mean"),
      intensity: pick(r, "intensity", "plover_intensity", "intensity_mean"), raw: r};
  }).filter((r) => r.period);
}
