/** The job summary and the check run's text: the same Markdown renderer under each surface's limit. */
import { appendFile } from "node:fs/promises";
import type { Report } from "../model.js";
import type { HistoryView } from "../render/format.js";
import { renderMarkdown } from "../render/markdown.js";
import { CHECK_RUN_OUTPUT_MAX_CHARS, STEP_SUMMARY_BUDGET_BYTES } from "./limits.js";

export interface SummaryContext {
  charts: boolean;
  history?: HistoryView;
  checkRunUrl?: string;
  notes: string[];
}

function options(ctx: SummaryContext, budgetBytes: number): Parameters<typeof renderMarkdown>[1] {
  return {
    budgetBytes,
    charts: ctx.charts,
    notes: ctx.notes,
    ...(ctx.history === undefined ? {} : { history: ctx.history }),
    ...(ctx.checkRunUrl === undefined ? {} : { checkRunUrl: ctx.checkRunUrl }),
  };
}

export function stepSummaryMarkdown(report: Report, ctx: SummaryContext): string {
  return renderMarkdown(report, options(ctx, STEP_SUMMARY_BUDGET_BYTES));
}

/** Check-run text: counted in characters by the API, and a byte budget bounds characters too. */
export function checkRunMarkdown(report: Report, ctx: SummaryContext): string {
  const { checkRunUrl: _self, ...rest } = ctx;
  return renderMarkdown(report, options({ ...rest, charts: false }, CHECK_RUN_OUTPUT_MAX_CHARS));
}

/** Appends to $GITHUB_STEP_SUMMARY (the runner reads the file after the step). */
export async function appendStepSummary(path: string, markdown: string): Promise<void> {
  await appendFile(path, markdown.endsWith("\n") ? markdown : markdown + "\n", "utf8");
}
