/**
 * The Markdown report: the Action's job summary and the CLI's `--markdown FILE`. Pure: a
 * `Report` in, a string out, never longer than `budgetBytes` (GitHub drops a step summary
 * over 1 MiB whole, so a long report degrades instead: details go first, then table rows).
 */
import type { Cause, Report, Tolerance, TriagedTest } from "../model.js";
import { ByteBudget, byteLength, cutToBytes } from "./budget.js";
import { trendCharts, verdictPie } from "./charts.js";
import { codeBlock, codeSpan, escapeHtml, escapeMarkdown, oneLine, truncate } from "./escape.js";
import { formatLow, formatNeeded } from "../diagnose/ladder.js";
import {
  applyText,
  CAUSE_LABEL,
  formatNumber,
  historyText,
  orderForDisplay,
  passedOnRetry,
  sharedIdNote,
  seedCell,
  tallyText,
  verdictText,
  type HistoryView,
} from "./format.js";

export interface MarkdownOptions {
  /** Hard upper bound on the output's UTF-8 size; unbounded when omitted (a file on disk). */
  budgetBytes?: number;
  /** Mermaid verdict pie and, with history, flake-rate trends. */
  charts: boolean;
  history?: HistoryView;
  /** Link to the check run carrying every annotation. */
  checkRunUrl?: string;
  /** Plain-text notes shown under the headline (escaped here), e.g. annotations not shown. */
  notes?: string[];
}

// Caps per field so that one enormous message cannot crowd out every other test.
const CELL_MAX_CHARS = 200;
const ID_MAX_CHARS = 300;
const MESSAGE_MAX_CHARS = 2000;
const SEEDS_LISTED = 10;
// A reproduce command cut short would run the wrong thing; past this it is left to the JSON report.
const REPRODUCE_MAX_CHARS = 4000;

const VERDICT_ICON: Record<TriagedTest["verdict"], string> = {
  deterministic: "\u{1F534}",
  intermittent: "\u{1F7E1}",
  "not-reproduced": "\u{1F7E2}",
  "not-rerun": "\u26AA",
};

function headline(report: Report): string {
  const s = report.summary;
  const failing = s.failed + s.errored;
  const retried = passedOnRetry(report);
  const title =
    failing + retried === 0
      ? "## flaky-triage: no failing tests"
      : `## flaky-triage: ${s.deterministic} deterministic, ${s.intermittent} intermittent, ${s.notReproduced} not reproduced`;
  const counts =
    `**${failing} failing**${sharedIdNote(report)}${retried > 0 ? ` and ${retried} passed on a retry` : ""} of ${s.tests} tests (${s.passed} passed, ${s.skipped} skipped)` +
    ` · ${VERDICT_ICON.deterministic} ${s.deterministic} deterministic` +
    ` · ${VERDICT_ICON.intermittent} ${s.intermittent} intermittent` +
    ` · ${VERDICT_ICON["not-reproduced"]} ${s.notReproduced} not reproduced` +
    (s.notRerun > 0 ? ` · ${VERDICT_ICON["not-rerun"]} ${s.notRerun} not rerun` : "");
  return `${title}\n\n${counts}\n\n`;
}

function safeUrl(url: string): string | null {
  // Only links we made from the API's answer; still, nothing but http(s) and no characters
  // that could end the Markdown link destination.
  if (!/^https?:\/\/[^\s<>()\\]+$/.test(url)) return null;
  return url;
}

function notesBlock(options: MarkdownOptions): string {
  const lines: string[] = [];
  const url = options.checkRunUrl === undefined ? null : safeUrl(options.checkRunUrl);
  if (url !== null) lines.push(`- Every annotation is on the [check run](${url}).`);
  for (const note of options.notes ?? []) lines.push(`- ${escapeMarkdown(note)}`);
  return lines.length === 0 ? "" : lines.join("\n") + "\n\n";
}

/** Input warnings listed in full; the JSON report has them all (at most 20 per file). */
const WARNINGS_SHOWN = 10;

/**
 * What went wrong reading the reports (truncated, empty, missing): shown before the table, so
 * that a short or empty result is not read as a clean one.
 */
function warningsBlock(report: Report): string {
  const all = report.inputs.flatMap((i) => i.warnings);
  if (all.length === 0) return "";
  const lines = all.slice(0, WARNINGS_SHOWN).map((w) => `- ${escapeMarkdown(truncate(oneLine(w), MESSAGE_MAX_CHARS))}`);
  if (all.length > WARNINGS_SHOWN) lines.push(`- and ${all.length - WARNINGS_SHOWN} more (\`inputs[].warnings\` in the JSON report)`);
  return `**Reading the reports:**\n\n${lines.join("\n")}\n\n`;
}

const TABLE_HEAD = "| | Test | Verdict | Cause | Seed | Fix |\n|---|---|---|---|---|---|\n";

function tableRow(test: TriagedTest): string {
  const seed = test.seed === null ? "" : codeSpan(truncate(seedCell(test.seed), CELL_MAX_CHARS), { inTable: true });
  return (
    `| ${VERDICT_ICON[test.verdict]} | ${codeSpan(truncate(test.id, ID_MAX_CHARS), { inTable: true })}` +
    ` | ${escapeMarkdown(verdictText(test))} | ${escapeMarkdown(CAUSE_LABEL[test.cause])}` +
    ` | ${seed} | ${escapeMarkdown(truncate(test.suggestion, CELL_MAX_CHARS))} |\n`
  );
}

/** Bounds as text, rounded outward so that they stay bounds; one value when they print alike. */
function between(low: number, high: number): string {
  const l = formatLow(low);
  const h = formatNeeded(high);
  return l === h ? h : `between ${l} and ${h}`;
}

/**
 * The assertion's numbers. The ladder's next step is computed whatever the cause: for a test
 * classified otherwise (a regression far over its tolerance) it is said as what it would be,
 * so that it does not read as the fix.
 */
function toleranceLines(t: Tolerance, cause: Cause): string[] {
  const lines: string[] = [];
  const params = [
    t.rtol === null ? null : `rtol=${formatNumber(t.rtol)}`,
    t.atol === null ? null : `atol=${formatNumber(t.atol)}`,
    t.dtype === undefined ? null : `dtype=${t.dtype}`,
  ].filter((p): p is string => p !== null);
  lines.push(`**Tolerance** (${escapeMarkdown(t.format)}): ${escapeMarkdown(params.join(", ") || "not stated")}`);
  if (t.actual !== undefined && t.expected !== undefined) {
    // With only bounds on the ratio, the element shown is the worst of those numpy listed.
    lines.push(
      `${t.ratioAtLeast !== undefined ? "worst of the violations listed: " : ""}actual ${escapeMarkdown(formatNumber(t.actual, 10))}, expected ${escapeMarkdown(formatNumber(t.expected, 10))}` +
        (t.location === undefined ? "" : ` at ${escapeMarkdown(t.location)}`),
    );
  }
  if (t.ratio === 0) {
    // A failed check with no difference in the printed values: they lost the digits that differ.
    lines.push("violation ratio: not visible (the printed values agree to the digits shown)");
  } else if (t.ratio !== null && t.ratioAtLeast !== undefined) {
    lines.push(
      `violation ratio \\|actual − expected\\| / (atol + rtol·\\|expected\\|) ${escapeMarkdown(between(t.ratioAtLeast, t.ratio))}` +
        " (the message gives only the largest absolute and relative differences, which may be of different elements)",
    );
  } else if (t.ratio !== null) {
    lines.push(
      `violation ratio \\|actual − expected\\| / (atol + rtol·\\|expected\\|) = ${escapeMarkdown(formatNumber(t.ratio))}` +
        (t.ratio <= 1 ? "" : ` (${escapeMarkdown(formatNumber(t.ratio))}× over the allowed error)`),
    );
  }
  if (t.nonFinite !== undefined) lines.push(`non-finite value: ${escapeMarkdown(t.nonFinite)}`);
  const s = t.suggestion;
  if (s !== null) {
    lines.push(
      `${cause === "tolerance" || cause === "unknown" ? "suggestion" : `were it the tolerance (the cause is ${CAUSE_LABEL[cause]})`}: ${s.parameter} ${escapeMarkdown(formatNumber(s.from))} → ${escapeMarkdown(formatNumber(s.to))}` +
        ` (smallest passing ${s.parameter}: ${escapeMarkdown(s.minimumPassingAtLeast === undefined ? formatNumber(s.minimumPassing) : between(s.minimumPassingAtLeast, s.minimumPassing))}; ` +
        `${s.rungsNeeded} rung${s.rungsNeeded === 1 ? "" : "s"} of the ladder needed)`,
    );
    if (s.guidelineWarning !== undefined) lines.push(`⚠️ ${escapeMarkdown(s.guidelineWarning)}`);
  }
  return lines;
}

function details(test: TriagedTest, history: HistoryView | undefined): string {
  const lines: string[] = [];
  const where = test.file === null ? "" : ` (${escapeMarkdown(test.file + (test.line === null ? "" : `:${test.line}`))})`;
  lines.push(`**${escapeMarkdown(verdictText(test))}**, cause **${escapeMarkdown(CAUSE_LABEL[test.cause])}**${where}: ${escapeMarkdown(truncate(test.causeReason, MESSAGE_MAX_CHARS))}`);
  if (test.message !== null) lines.push(`**Message:** ${escapeMarkdown(truncate(test.message, MESSAGE_MAX_CHARS))}`);
  if (test.seed !== null) {
    const src = test.seed.source;
    lines.push(
      `**Seed:** ${codeSpan(test.seed.value)} (${escapeMarkdown(test.seed.recogniser)}, from ` +
        `${escapeMarkdown(src.file + (src.line === undefined ? "" : `:${src.line}`))}); ${escapeMarkdown(applyText(test.seed.apply))}`,
    );
  }
  const r = test.reruns;
  lines.push(`**Same seed:** ${escapeMarkdown(tallyText(r.sameSeed))}`);
  if (r.freshSeeds.runs > 0) {
    const listed = r.freshSeeds.seeds.slice(0, SEEDS_LISTED).join(", ");
    const more = r.freshSeeds.seeds.length > SEEDS_LISTED ? `, … ${r.freshSeeds.seeds.length - SEEDS_LISTED} more` : "";
    const failing = r.freshSeeds.failingSeeds;
    const failed = failing.length > 0 ? `; failed with ${escapeMarkdown(failing.slice(0, SEEDS_LISTED).join(", ") + (failing.length > SEEDS_LISTED ? `, … ${failing.length - SEEDS_LISTED} more` : ""))}` : "";
    lines.push(`**Fresh seeds:** ${escapeMarkdown(tallyText(r.freshSeeds))}${listed ? `; seeds ${escapeMarkdown(listed + more)}` : ""}${failed}`);
  }
  if (r.order !== undefined) lines.push(`**After its ${r.order.predecessors} predecessors:** ${escapeMarkdown(tallyText(r.order))}`);
  if (r.recorded !== undefined) lines.push(`**Recorded in the report:** ${escapeMarkdown(tallyText(r.recorded))}`);
  if (r.note !== undefined) lines.push(`**Note:** ${escapeMarkdown(r.note)}`);
  lines.push(`**Confidence:** ${escapeMarkdown(test.confidence.text)}${test.confidence.moreRerunsAdvised ? " (more reruns advised)" : ""}`);
  if (test.tolerance !== null) lines.push(...toleranceLines(test.tolerance, test.cause));
  const h = history?.get(test.id);
  if (h !== undefined) lines.push(`**History:** ${escapeMarkdown(historyText(h))}`);
  lines.push(`**Fix:** ${escapeMarkdown(truncate(test.suggestion, MESSAGE_MAX_CHARS))}`);
  // Two trailing spaces would be invisible; a blank line between facts keeps them apart.
  let body = lines.join("\n\n");
  if (test.reproduce !== null) {
    body +=
      test.reproduce.length <= REPRODUCE_MAX_CHARS
        ? `\n\nReproduce:\n\n${codeBlock(test.reproduce, "sh")}`
        : "\n\nThe reproduce command is too long to show here; the JSON report has it.";
  }
  const summary = `${VERDICT_ICON[test.verdict]} <code>${escapeHtml(truncate(test.id, ID_MAX_CHARS))}</code>: ${escapeHtml(verdictText(test))}, ${escapeHtml(CAUSE_LABEL[test.cause])}`;
  // The blank line after </summary> ends the HTML block so the body is parsed as Markdown.
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n\n`;
}

function moreRowsLine(n: number): string {
  return `\n**${n} more failing test${n === 1 ? "" : "s"} not shown** (the summary is limited in size; the JSON report has all of them).\n\n`;
}

function detailsOmittedLine(shown: number, total: number): string {
  return shown === 0
    ? `Details are not shown for ${total} tests (the summary is limited in size; the JSON report has them).\n\n`
    : `Details are shown for the first ${shown} of ${total} tests (the summary is limited in size; the JSON report has the rest).\n\n`;
}

/** Renders the report as GitHub-flavoured Markdown of at most `options.budgetBytes` bytes. */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const tests = orderForDisplay(report);
  const limit = options.budgetBytes ?? Number.POSITIVE_INFINITY;
  const budget = new ByteBudget(limit);

  const head = headline(report);
  if (!budget.tryAdd(head)) return cutToBytes(head, limit);
  const notes = notesBlock(options);
  if (notes !== "") budget.tryAdd(notes);
  const warnings = warningsBlock(report);
  if (warnings !== "") budget.tryAdd(warnings);
  if (options.charts) {
    const pie = verdictPie(report);
    if (pie !== null) budget.tryAdd(pie + "\n\n");
    if (options.history !== undefined) {
      for (const chart of trendCharts(options.history, tests.map((t) => t.id))) budget.tryAdd(chart + "\n\n");
    }
  }
  if (tests.length === 0) return budget.toString();

  // Rows first: a row is worth more than any test's details. The reserve keeps room for the
  // "N more" line, whose length depends only on the digits of N.
  const moreReserve = byteLength(moreRowsLine(tests.length));
  if (!budget.tryAdd(TABLE_HEAD, moreReserve)) return budget.toString();
  let rows = 0;
  for (const test of tests) {
    if (!budget.tryAdd(tableRow(test), rows + 1 < tests.length ? moreReserve : 0)) break;
    rows++;
  }
  if (rows < tests.length) {
    budget.tryAdd(moreRowsLine(tests.length - rows));
    return budget.toString();
  }
  budget.tryAdd("\n");

  // Then details, in display order, until the next one does not fit.
  const omittedReserve = byteLength(detailsOmittedLine(tests.length, tests.length));
  let shown = 0;
  for (const test of tests) {
    const last = shown + 1 === tests.length;
    if (!budget.tryAdd(details(test, options.history), last ? 0 : omittedReserve)) break;
    shown++;
  }
  if (shown < tests.length) budget.tryAdd(detailsOmittedLine(shown, tests.length));
  return budget.toString();
}
