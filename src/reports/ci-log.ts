/**
 * Undoes what CI systems and copy-paste do to a console log, so the pytest and unittest readers
 * see the lines the test runner printed. Each kind of decoration is removed only where it is
 * found, and a note says so (the readers' anchors are start-of-line patterns, so a prefix left
 * in place would hide every section).
 */

/** Jenkins timestamper plugin: `[2018-05-01T12:00:00.123Z] ` before every line. */
const JENKINS_TIMESTAMP = /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?\] ?/;
/** GitHub Actions raw logs: `2024-05-01T12:00:00.1234567Z ` before every line. */
const GITHUB_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
/** GitHub Actions folding markers: whole lines that carry no output of the job. */
const GITHUB_GROUP = /^##\[(?:group|endgroup)\]/;
/** Other GitHub workflow-command markers (`##[error]`, `##[warning]`...): keep the text. */
const GITHUB_MARKER = /^##\[[a-z]+\]/;
/** Jenkins pipeline step markers (`[Pipeline] sh`): lines printed by Jenkins, not the job. */
const JENKINS_PIPELINE = /^\[Pipeline\] /;
/** CSI (colours, cursor moves) and OSC (hyperlinks, titles) escape sequences. */
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
/** pytest-xdist's `[gw3] ` worker tag, at the start of a line only. */
const XDIST_PREFIX = /^\[gw\d+\] /;

/**
 * A copy is "double spaced" when almost every printed line is followed by one blank line
 * (CR CR LF read as two breaks, or a web page's paragraphs pasted as lines). Below this share
 * of non-blank lines followed directly by another non-blank line, we undo the spacing; real
 * logs have long runs of adjacent lines, so they stay far above it.
 */
const DOUBLE_SPACED_MAX_ADJACENT = 0.1;
/** Too few lines to judge spacing reliably. */
const DOUBLE_SPACED_MIN_LINES = 6;

/** Applies `strip` to each line when at least one line has the prefix; returns how many did. */
function stripPrefix(lines: string[], re: RegExp): number {
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const m = re.exec(line);
    if (m !== null) {
      lines[i] = line.slice(m[0].length);
      n++;
    }
  }
  return n;
}

function undoDoubleSpacing(lines: string[], origin: number[]): { lines: string[]; origin: number[] } | null {
  let printed = 0;
  let adjacent = 0;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? "").trim() === "") continue;
    printed++;
    const next = lines[i + 1];
    if (next !== undefined && next.trim() !== "") adjacent++;
  }
  if (printed < DOUBLE_SPACED_MIN_LINES || adjacent / printed > DOUBLE_SPACED_MAX_ADJACENT) {
    return null;
  }
  // One blank line between two printed lines was a line break; two or more were a blank line.
  const out: string[] = [];
  const at: number[] = [];
  let blanks = 0;
  lines.forEach((line, i) => {
    if (line.trim() === "") {
      blanks++;
      return;
    }
    if (blanks >= 2 && out.length > 0) {
      out.push("");
      at.push(origin[i - 1] ?? 0);
    }
    blanks = 0;
    out.push(line);
    at.push(origin[i] ?? 0);
  });
  if (blanks > 0) {
    out.push("");
    at.push(origin[lines.length - 1] ?? 0);
  }
  return { lines: out, origin: at };
}

/**
 * Removes CI decorations from a console log; `notes` says which were found, and `origin[i]` is
 * the 1-based line of the given text that line i of the result came from (undoing double
 * spacing removes lines, and evidence must still point at the line a person opens). Lines are
 * counted the way editors count them: CRLF, CR CR LF and a lone CR each end one line.
 */
export function normaliseCiLog(text: string): { text: string; notes: string[]; origin: number[] } {
  const notes: string[] = [];
  let t = text.replace(/^\uFEFF/, "");
  if (/\r/.test(t)) {
    // CR CR LF (a CRLF file converted again) is one break, not two.
    t = t.replace(/\r+\n/g, "\n").replace(/\r/g, "\n");
    notes.push("converted CRLF line endings");
  }
  const withoutAnsi = t.replace(ANSI, "");
  if (withoutAnsi.length !== t.length) {
    t = withoutAnsi;
    notes.push("removed ANSI colour codes");
  }
  let lines = t.split("\n");
  let origin = lines.map((_, i) => i + 1);
  if (stripPrefix(lines, JENKINS_TIMESTAMP) > 0) notes.push("removed Jenkins timestamps");
  if (stripPrefix(lines, GITHUB_TIMESTAMP) > 0) notes.push("removed GitHub Actions timestamps");
  // Blanked rather than removed, so line numbers still point into the file as it was given.
  let markers = 0;
  lines = lines.map((l) => {
    if (!GITHUB_GROUP.test(l) && !JENKINS_PIPELINE.test(l)) return l;
    markers++;
    return "";
  });
  if (markers > 0) notes.push("blanked CI group and pipeline marker lines");
  if (stripPrefix(lines, GITHUB_MARKER) > 0) notes.push("removed GitHub workflow-command markers");
  if (stripPrefix(lines, XDIST_PREFIX) > 0) notes.push("removed pytest-xdist worker prefixes");
  const undone = undoDoubleSpacing(lines, origin);
  if (undone !== null) {
    lines = undone.lines;
    origin = undone.origin;
    notes.push("undid double line spacing");
  }
  return { text: lines.join("\n"), notes, origin };
}
