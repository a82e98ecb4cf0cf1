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

interface Row {
  test: TriagedTest;
  cells: [string, string, string, string, string];
}

/** Renders the failing tests as aligned plain-text columns followed by a tally line (no final newline). */
export function renderTable(report: Report, options: TableOptions = {}): string {
  const ordered = orderForDisplay(report);
  const shown = options.maxRows !== undefined && ordered.length > options.maxRows ? ordered.slice(0, Math.max(0, options.maxRows)) : ordered;
  const rows: Row[] = shown.map((test) => ({
    test,
    cells: [
      oneLine(test.id),
      verdictText(test),
      CAUSE_LABEL[test.cause],
      oneLine(seedCell(test.seed)) || "-",
      oneLine(test.suggestion),
    ],
  }));
  const header: Row["cells"] = ["TEST", "VERDICT", "CAUSE", "SEED", "FIX"];
  // A loop, not Math.max(...rows): spreading 100,000+ rows as arguments overflows the stack.
  const widthOf = (i: number, max: number): number => {
    let w = charCount(header[i] ?? "");
    for (const r of rows) {
      if (w >= max) break;
      w = Math.max(w, charCount(r.cells[i] ?? ""));
    }
    return Math.min(max, w);
  };
  let idW = widthOf(0, ID_MAX);
  const verdictW = widthOf(1, Infinity);
  const causeW = widthOf(2, Infinity);
  const seedW = widthOf(3, SEED_MAX);
  if (options.width !== undefined) {
    const fixed = verdictW + causeW + seedW + GAP.length * 4;
    // Give the id at most what leaves the fix column its minimum.
    idW = Math.max(10, Math.min(idW, options.width - fixed - FIX_MIN));
  }
  const fixW = options.width === undefined ? Infinity : Math.max(FIX_MIN, options.width - idW - verdictW - causeW - seedW - GAP.length * 4);

  const line = (cells: Row["cells"], verdict?: Verdict): string => {
    const [id, v, cause, seed, fix] = cells;
    const verdictCell = pad(cut(v, verdictW), verdictW);
    const coloured = options.color && verdict !== undefined ? `${COLOR[verdict]}${verdictCell}${RESET}` : verdictCell;
    return [pad(cut(id, idW), idW), coloured, pad(cut(cause, causeW), causeW), pad(cut(seed, seedW), seedW), cut(fix, fixW)]
      .join(GAP)
      .trimEnd();
  };

  const out: string[] = [];
  if (rows.length > 0) {
    out.push(line(header));
    for (const r of rows) out.push(line(r.cells, r.test.verdict));
  }
  const hidden = ordered.length - shown.length;
  if (hidden > 0) {
    out.push(`... and ${hidden} more failing test${hidden === 1 ? "" : "s"}${options.moreWhere ? `: ${options.moreWhere}` : ""}`);
  }
  out.push(tallyLine(report));
  return out.join("\n");
}

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
