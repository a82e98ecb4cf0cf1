/**
 * Mermaid charts for the job summary (GitHub renders ```mermaid blocks). Labels come from
 * test ids, so they are reduced to a safe alphabet: Mermaid parses its own syntax inside
 * labels (quotes, brackets, directives), and an id must not be able to add chart statements.
 */
import type { Report } from "../model.js";
import { codeBlock } from "./escape.js";
import { percent, type HistoryView } from "./format.js";

/** Trend charts beyond a handful stop being pictures and become a wall. */
export const MAX_TREND_CHARTS = 3;
const MAX_LABEL_CHARS = 60;

export function chartLabel(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_./:-]+/g, " ").trim();
  return safe.length > MAX_LABEL_CHARS ? `...${safe.slice(safe.length - MAX_LABEL_CHARS + 3)}` : safe || "test";
}

/** A pie of verdicts; null when nothing failed. */
export function verdictPie(report: Report): string | null {
  const s = report.summary;
  const slices: Array<[string, number]> = [
    ["deterministic", s.deterministic],
    ["intermittent", s.intermittent],
    ["not reproduced", s.notReproduced],
    ["not rerun", s.notRerun],
  ];
  const shown = slices.filter(([, n]) => n > 0);
  if (shown.length === 0) return null;
  const lines = ["pie showData title Verdicts of failing tests", ...shown.map(([label, n]) => `    "${label}" : ${n}`)];
  return codeBlock(lines.join("\n"), "mermaid");
}

/** One flake-rate line chart per flaky test with at least two recorded runs, worst first. */
export function trendCharts(history: HistoryView, testIds: readonly string[]): string[] {
  const candidates = testIds
    .map((id) => ({ id, h: history.get(id) }))
    .filter((e): e is { id: string; h: NonNullable<typeof e.h> } => e.h !== undefined && e.h.flaky > 0 && e.h.trend.length >= 2)
    .sort((a, b) => b.h.flaky / b.h.runs - a.h.flaky / a.h.runs)
    .slice(0, MAX_TREND_CHARTS);
  return candidates.map(({ id, h }) => {
    const n = h.trend.length;
    const lines = [
      "xychart-beta",
      `    title "Flake rate: ${chartLabel(id)} (${percent(h.flaky / h.runs)} over ${h.runs} runs)"`,
      `    x-axis "run" 1 --> ${n}`,
      `    y-axis "flake rate (%)" 0 --> 100`,
      `    line [${h.trend.map((r) => Math.round(r * 100)).join(", ")}]`,
    ];
    return codeBlock(lines.join("\n"), "mermaid");
  });
}
