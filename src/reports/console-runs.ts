/**
 * What the pytest and unittest console readers share: one log can hold several runs (a CI job
 * that reruns its failures, or one that runs several suites), and excerpts pasted by people are
 * often cut. Both readers describe each run as records in run order and let this module keep the
 * last outcome of each test, with the earlier ones as prior attempts.
 */
import type { Counts, LogLines, Outcome, PriorAttempt, SourceRef, TestCase } from "../model.js";
import { nodeIdFile } from "./pytest-ids.js";
import {
  CappedText,
  MAX_DETAILS_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_OUTPUT_CHARS,
  MAX_PRIOR_ATTEMPTS,
  MAX_WARNINGS_PER_FILE,
  firstLine,
} from "./limits.js";

/** One test as one run of a console log shows it. */
export interface RunRecord {
  id: string;
  classname: string;
  name: string;
  outcome: Outcome;
  file?: string;
  line?: number;
  message?: string;
  details?: string;
  output?: string;
  /** Attempts inside the same run (pytest-rerunfailures' RERUN lines). */
  priorAttempts?: PriorAttempt[];
  /** 1-based line in the log where the test's evidence starts. */
  logLine?: number;
  /** Log line of each line of `details` / `output` (as the reader numbered them; 0: added by the reader). */
  detailsLines?: number[];
  outputLines?: number[];
  /** Position in the log's run order (shared counter across runs). */
  index: number;
  /** The run's header lines that name a seed (`Using --randomly-seed=38`): the whole run's. */
  reportContext?: string;
}

export interface Run {
  records: RunRecord[];
  /** From the run's own tail line; null when the tail is missing (cut or crashed log). */
  counts: Counts | null;
  /**
   * Per test file, failures the run counted from its progress marks alone (it crashed before
   * printing them): a later run's test from that file may be one of them, counted once.
   */
  unmatched?: Map<string, { failed: number; errored: number }>;
}

export function emptyCounts(): Counts {
  return { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
}

function bucket(outcome: Outcome): Exclude<keyof Counts, "tests"> {
  return outcome === "errored" ? "errored" : outcome;
}

/** Counts implied by a run's records alone (when its tail line is missing). */
export function countRecords(records: RunRecord[]): Counts {
  const c = emptyCounts();
  for (const r of records) {
    c[bucket(r.outcome)]++;
    c.tests++;
  }
  return c;
}

export function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  const t = new CappedText(max);
  t.append(text);
  return t.toString();
}

function attemptOf(r: RunRecord): PriorAttempt | null {
  if (r.outcome === "skipped") return null;
  return r.message === undefined ? { outcome: r.outcome } : { outcome: r.outcome, message: r.message };
}

function isFailing(r: { outcome: Outcome }): boolean {
  return r.outcome === "failed" || r.outcome === "errored";
}

/**
 * Folds the runs of one log into its tests: the last outcome of each id wins, earlier outcomes
 * become prior attempts, and the evidence (details, output, file, line) of the last failing
 * attempt is kept, because that is where the seed to reproduce it was printed. Only failing
 * tests and passing tests with failed prior attempts are returned, in first-seen order.
 */
export function mergeRuns(
  runs: Run[],
  path: string,
  warnings: string[],
  origin?: readonly number[],
): { tests: TestCase[]; counts: Counts } {
  const byId = new Map<string, RunRecord>();
  const counts = emptyCounts();
  const unmatched = new Map<string, { failed: number; errored: number }>();
  for (const run of runs) {
    const c = run.counts ?? countRecords(run.records);
    for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += c[k];
    for (const r of run.records) {
      const prev = byId.get(r.id);
      if (prev === undefined) {
        byId.set(r.id, r);
        // An earlier run that crashed counted a failure of this file from a mark alone: this
        // test, run again, may be it (a CI job that reruns the failures). Count it once.
        const u = unmatched.get(nodeIdFile(r.id));
        const was = u === undefined ? null : u.failed > 0 ? "failed" : u.errored > 0 ? "errored" : null;
        if (u !== undefined && was !== null && counts[was] > 0 && counts.tests > 0) {
          u[was]--;
          counts[was]--;
          counts.tests--;
        }
        continue;
      }
      // The same test ran again: count it once, with its latest outcome.
      const b = bucket(prev.outcome);
      if (counts[b] > 0 && counts.tests > 0) {
        counts[b]--;
        counts.tests--;
      }
      const attempts = [...(prev.priorAttempts ?? [])];
      const a = attemptOf(prev);
      if (a !== null) attempts.push(a);
      attempts.push(...(r.priorAttempts ?? []));
      const evidence = isFailing(r) ? r : prev;
      const merged: RunRecord = {
        ...evidence,
        id: r.id,
        outcome: r.outcome,
        index: prev.index,
        priorAttempts: attempts.slice(-MAX_PRIOR_ATTEMPTS),
      };
      if (attempts.length > MAX_PRIOR_ATTEMPTS) {
        warnings.push(`${path}: ${r.id} ran ${attempts.length + 1} times; kept the last ${MAX_PRIOR_ATTEMPTS} prior attempts`);
      }
      byId.set(r.id, merged);
    }
    // This run's mark-only failures, for the runs after it.
    for (const [file, u] of run.unmatched ?? []) {
      const all = unmatched.get(file) ?? { failed: 0, errored: 0 };
      all.failed += u.failed;
      all.errored += u.errored;
      unmatched.set(file, all);
    }
  }
  if (runs.length > 1) {
    warnings.push(`${path}: the log holds ${runs.length} test runs; kept the last outcome of each test, earlier ones as prior attempts`);
  }
  const tests: TestCase[] = [];
  for (const r of [...byId.values()].sort((a, b) => a.index - b.index)) {
    const hasFailedAttempt = (r.priorAttempts ?? []).some((a) => a.outcome !== "passed");
    if (!isFailing(r) && !(r.outcome === "passed" && hasFailedAttempt)) continue;
    tests.push(toTestCase(r, path, origin));
  }
  return { tests, counts };
}

/** A reader's line number (1-based, in the normalised text) as a line of the file as given. */
function originalLine(n: number, origin: readonly number[] | undefined): number {
  if (n <= 0 || origin === undefined) return n;
  return origin[n - 1] ?? n;
}

/** The log lines of a kept field, or undefined when they no longer match its lines (capped). */
function fieldLines(kept: string, lines: number[] | undefined, origin: readonly number[] | undefined): number[] | undefined {
  if (lines === undefined) return undefined;
  let count = 1;
  for (let i = kept.indexOf("\n"); i !== -1; i = kept.indexOf("\n", i + 1)) count++;
  if (count !== lines.length) return undefined;
  return lines.map((n) => originalLine(n, origin));
}

function toTestCase(r: RunRecord, path: string, origin?: readonly number[]): TestCase {
  const logLine = r.logLine === undefined ? undefined : originalLine(r.logLine, origin);
  const source: SourceRef = logLine === undefined ? { file: path } : { file: path, line: logLine };
  const t: TestCase = {
    id: r.id,
    classname: r.classname,
    name: r.name,
    outcome: r.outcome,
    sources: [source],
    index: r.index,
  };
  if (r.file !== undefined) t.file = r.file;
  if (r.line !== undefined) t.line = r.line;
  if (r.message !== undefined) {
    const m = firstLine(r.message, MAX_MESSAGE_CHARS);
    if (m !== undefined) t.message = m;
  }
  const logLines: LogLines = { file: path };
  if (r.details !== undefined && r.details.length > 0) {
    t.details = capped(r.details, MAX_DETAILS_CHARS);
    const at = t.details === r.details ? fieldLines(t.details, r.detailsLines, origin) : undefined;
    if (at !== undefined) logLines.details = at;
  }
  if (r.output !== undefined && r.output.length > 0) {
    t.output = capped(r.output, MAX_OUTPUT_CHARS);
    const at = t.output === r.output ? fieldLines(t.output, r.outputLines, origin) : undefined;
    if (at !== undefined) logLines.output = at;
  }
  if (logLines.details !== undefined || logLines.output !== undefined) t.logLines = logLines;
  if (r.priorAttempts !== undefined && r.priorAttempts.length > 0) t.priorAttempts = r.priorAttempts;
  if (r.reportContext !== undefined) t.reportContext = r.reportContext;
  return t;
}

/** Keeps at most MAX_WARNINGS_PER_FILE warnings, saying how many were dropped. */
export function capWarnings(warnings: string[], path: string): string[] {
  if (warnings.length <= MAX_WARNINGS_PER_FILE) return warnings;
  const kept = warnings.slice(0, MAX_WARNINGS_PER_FILE - 1);
  kept.push(`${path}: ${warnings.length - kept.length} more warnings not shown`);
  return kept;
}

/**
 * A pasted excerpt that stops without a final newline may have been cut inside its last word.
 * When that last line ends in a digit it is dropped (a seed `578250488` cut to `5782` is a
 * different, wrong seed), and a warning quotes it so a person can still read it.
 */
export function dropCutTail(lines: string[], text: string, path: string, warnings: string[]): string[] {
  if (text.length === 0 || text.endsWith("\n")) return lines;
  const last = lines[lines.length - 1] ?? "";
  if (!/[A-Za-z0-9_]$/.test(last)) return lines;
  const quoted = last.length > 60 ? `…${last.slice(-60)}` : last;
  if (/\d$/.test(last)) {
    warnings.push(
      `${path}: the text ends mid-line with a number ("${quoted}"), so it looks cut; that last line was not used`,
    );
    return lines.slice(0, -1);
  }
  warnings.push(`${path}: the text ends mid-line ("${quoted}"); the excerpt may be cut at the end`);
  return lines;
}

/** True when `printed` (a path as a traceback shows it) names `file` (a relative path). */
export function samePath(printed: string, file: string): boolean {
  const a = printed.replace(/\\/g, "/");
  const b = file.replace(/\\/g, "/").replace(/^\.\//, "");
  return a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
}

/** Lines and the log line each was read from; joined with `appendLocated`. */
export interface Located {
  text: string;
  at: number[];
}

/** `a` + separator + `b`, keeping the line map (the separator's blank lines map to 0). */
export function appendLocated(a: Located | undefined, b: Located, blankLines: number): Located {
  if (a === undefined || a.text.length === 0) return b;
  if (b.text.length === 0) return a;
  return { text: a.text + "\n".repeat(blankLines + 1) + b.text, at: [...a.at, ...new Array<number>(blankLines).fill(0), ...b.at] };
}
