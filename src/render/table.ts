/**
 * The CLI's stdout table: one line per failing test (id, verdict, cause, seed, one-line fix)
 * and a tally line. Untrusted text is stripped of control characters and ANSI sequences so a
 * test cannot move the cursor, recolour or rewrite the user's terminal.
 */
import type { Report, TriagedTest, Verdict } from "../model.js";
import { oneLine, showControls } from "./escape.js";
import { CAUSE_LABEL, orderForDisplay, seedCell, tallyLine, verdictText } from "./format.js";

export interface TableOptions {
  /** Terminal columns; lines are cut to fit. Undefined: no cutting (e.g. output to a file). */
  width?: number;
  /** ANSI colours for verdicts (only when stdout is a TTY and NO_COLOR is unset: the caller decides). */
  color?: boolean;
  /**
   * At most this many test rows, in display order (deterministic failures first), then a line
   * saying how many more there are and `moreWhere` they are listed. Undefined: every test.
   */
  maxRows?: number;
  moreWhere?: string;
}

const COLOR: Record<Verdict, string> = {
  deterministic: "\u001b[31m",
  intermittent: "\u001b[33m",
  "not-reproduced": "\u001b[32m",
  "not-rerun": "\u001b[90m",
};
const RESET = "\u001b[0m";
const GAP = "  ";
// Column caps: ids and seeds can be long; the fix column takes whatever is left.
const ID_MAX = 80;
const SEED_MAX = 24;
const FIX_MIN = 20;

/** Code points in `text` (what Array.from counts), without building the array. */
function charCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function cut(text: string, max: number): string {
  // Code points never outnumber code units: short text needs no counting.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return max <= 1 ? chars.slice(0, max).join("") : chars.slice(0, max - 1).join("") + "\u2026";
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - charCount(text)));
}

type Cells = [string, string, string, string, string];

function cellsOf(test: TriagedTest): Cells {
  return [oneLine(test.id), verdictText(test), CAUSE_LABEL[test.cause], oneLine(seedCell(test.seed)) || "-", oneLine(test.suggestion)];
}

/** Renders the failing tests as aligned plain-text columns followed by a tally line (no final newline). */
export function renderTable(report: Report, options: TableOptions = {}): string {
  return [...tableLines(report, options)].join("\n");
}

/**
 * renderTable's lines, one at a time. The cells are made twice (once to size the columns, once
 * to print), not kept: the 500 MB bench report's 31,000 rows held ~20 MB while the table was
 * built and written as one string.
 */
export function* tableLines(report: Report, options: TableOptions = {}): Generator<string> {
  const ordered = orderForDisplay(report);
  const shown = options.maxRows !== undefined && ordered.length > options.maxRows ? ordered.slice(0, Math.max(0, options.maxRows)) : ordered;
  const header: Cells = ["TEST", "VERDICT", "CAUSE", "SEED", "FIX"];
  const widths = header.map(charCount);
  const caps = [ID_MAX, Infinity, Infinity, SEED_MAX];
  for (const test of shown) {
    const cells = cellsOf(test);
    for (let i = 0; i < caps.length; i++) if (widths[i]! < caps[i]!) widths[i] = Math.max(widths[i]!, charCount(cells[i]!));
  }
  let idW = Math.min(ID_MAX, widths[0]!);
  const verdictW = widths[1]!;
  const causeW = widths[2]!;
  const seedW = Math.min(SEED_MAX, widths[3]!);
  if (options.width !== undefined) {
    const fixed = verdictW + causeW + seedW + GAP.length * 4;
    // Give the id at most what leaves the fix column its minimum.
    idW = Math.max(10, Math.min(idW, options.width - fixed - FIX_MIN));
  }
  const fixW = options.width === undefined ? Infinity : Math.max(FIX_MIN, options.width - idW - verdictW - causeW - seedW - GAP.length * 4);

  const line = (cells: Cells, verdict?: Verdict): string => {
    const [id, v, cause, seed, fix] = cells;
    const verdictCell = pad(cut(v, verdictW), verdictW);
    const coloured = options.color && verdict !== undefined ? `${COLOR[verdict]}${verdictCell}${RESET}` : verdictCell;
    return [pad(cut(id, idW), idW), coloured, pad(cut(cause, causeW), causeW), pad(cut(seed, seedW), seedW), cut(fix, fixW)]
      .join(GAP)
      .trimEnd();
  };

  if (shown.length > 0) {
    yield line(header);
    for (const test of shown) yield line(cellsOf(test), test.verdict);
  }
  const hidden = ordered.length - shown.length;
  if (hidden > 0) {
    yield `... and ${hidden} more failing test${hidden === 1 ? "" : "s"}${options.moreWhere ? `: ${options.moreWhere}` : ""}`;
  }
  yield tallyLine(report);
}

/**
 * Rows of a table printed beside a report file that lists every failing test (the CLI's
 * `--json`, the Action's report.json). Past this many, a log only gets slower to load and
 * scroll: 31,000 rows were ~4 MB of the CLI's stdout and 0.26 s of its run on the 500 MB bench
 * report, and 50,000 rows ~6 MB of an Action's log.
 */
export const TABLE_ROWS_BESIDE_REPORT = 1000;

/** Reproduce commands printed under the table; the JSON and Markdown reports have every one. */
export const REPRODUCE_SHOWN = 10;

/**
 * The copy-paste reproduce commands of the failures worth reproducing (deterministic and
 * intermittent, in display order), one per line after a heading; empty when there are none.
 * A command is kept whole: control characters (which a quoted id may hold) are shown escaped,
 * since cutting or collapsing it would make it run something else. Commands run from the project
 * root; `from` names it when that is not where the user is.
 */
export function renderReproduce(report: Report, max = REPRODUCE_SHOWN, from?: string): string {
  const worth = orderForDisplay(report).filter(
    (t) => (t.verdict === "deterministic" || t.verdict === "intermittent") && t.reproduce !== null,
  );
  if (worth.length === 0) return "";
  const shown = worth.slice(0, max);
  const where = from === undefined ? "" : `, from ${showControls(from)}`;
  const lines = [`reproduce (${shown.length === worth.length ? "" : `${shown.length} of ${worth.length} `}deterministic and intermittent failures${where}):`];
  for (const t of shown) lines.push(`  ${showControls(t.reproduce!)}`);
  if (shown.length < worth.length) lines.push(`  ... ${worth.length - shown.length} more in the JSON and Markdown reports`);
  return lines.join("\n");
}
