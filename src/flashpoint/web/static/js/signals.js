// Reading GET /escalation and GET /dyads/{a}/{b}/series. The shapes are those of
// flashpoint.analytics (escalation_report, dyad_series); a few alternative names are
// accepted so a renamed field degrades to "—" instead of breaking the page.

import {listOf} from "./common.js";

export function pick(obj, ...names) {
  if (!obj || typeof obj !== "object") return undefined;
  for (const name of names) {
    if (obj[name] !== undefined && obj[name] !== null) return obj[name];
  }
  return undefined;
}

// One escalation_report dyad -> {a, b, aName, bName, level, alert, z, latest, expected,
// pValue, forecast: {mean, lower, upper, days}, changePoint, series}.
export function escalationRow(row) {
  const sig = pick(row, "signal") || row;
  const fc = pick(row, "forecast") || {};
  const total = pick(fc, "total") || fc;
  const level = pick(sig, "level") ?? null;
  const z = pick(sig, "z", "zscore", "z_score");
  return {
    a: pick(row, "a", "source") ?? "", b: pick(row, "b", "target") ?? "",
    aName: pick(row, "a_name", "source_name", "a") ?? "", bName: pick(row, "b_name", "target_name", "b") ?? "",
    level, alert: level === "alert" || level === "watch", z: z === undefined ? null : Number(z),
    latest: pick(sig, "window_events", "latest"), expected: pick(sig, "expected", "baseline"),
    windowDays: pick(sig, "window_days"), pValue: pick(sig, "p_value"),
    forecast: {mean: pick(total, "mean"), lower: pick(total, "lower"), upper: pick(total, "upper"),
      days: listOf(fc, "days"), interval: pick(fc, "interval"), model: pick(fc, "model")},
    changePoint: pick(row, "change_point"), series: listOf(row, "series"), asOf: pick(row, "as_of"),
  };
}

export function escalationRows(data) {
  return listOf(data, "dyads", "alerts", "signals").map(escalationRow);
}

// One series period -> {period, conflict, cooperation, goldstein, intensity, events}.
export function seriesRows(data) {
  return listOf(data, "periods", "series", "points").map((r) => {
    const n = (k) => Number(r[k] ?? 0);
    const conflict = pick(r, "conflict") ?? n("verbal_conflict") + n("material_conflict");
    const cooperation = pick(r, "cooperation") ?? n("verbal_cooperation") + n("material_cooperation");
    return {period: String(pick(r, "period", "date") ?? "").slice(0, 10),
      conflict: Number(conflict) || 0, cooperation: Number(cooperation) || 0,
      events: Number(pick(r, "events") ?? conflict + cooperation),
      materialConflict: n("material_conflict"),
      goldstein: pick(r, "goldstein_sum"), intensity: pick(r, "intensity_mean"), raw: r};
  }).filter((r) => r.period);
}

export const LEVEL_NAMES = {alert: "alert", watch: "watch", "de-escalation": "de-escalation", normal: "normal"};
