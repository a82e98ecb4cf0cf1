/**
 * Reads googletest's console output: a test binary's stdout, or `ctest --output-on-failure`'s,
 * which holds the output of each test process it ran. googletest writes its XML
 * (`--gtest_output=xml`) only when the whole binary finishes, so when a test crashes, aborts or
 * hangs until CI kills the job, the console is all there is: the failures before it, and the
 * test that started (`[ RUN      ] Crash.Segfault`) and never printed a result.
 *
 * Ids are googletest's (`Suite.Test`, `Inst/Suite.Test/0`, `Typed/0.Test`), as its XML and its
 * `--gtest_filter` name them, so the join merges a test's XML and console evidence.
 *
 * Counting: every test with a result line (`[       OK ]`, `[  FAILED  ]`, `[  SKIPPED ]`, each
 * with its time) is one test; a test that started and has no result when its process's output
 * ends (a new run begins, or the log ends) failed, as a crash or a kill; a failure outside any
 * test (a SetUpTestSuite or TearDownTestSuite, which googletest's XML writes as skips) is a
 * failing test named `Suite.*`, what `--gtest_filter` takes to run the suite again. Each run
 * (`[==========] Running N tests`, or `--gtest_repeat`'s iterations) is a run of console-runs.ts:
 * a test seen in several keeps its last outcome, with the earlier ones as prior attempts.
 */
import type { ParsedInput } from "../model.js";
import { normaliseCiLog } from "./ci-log.js";
import { capWarnings, countRecords, dropCutTail, emptyCounts, mergeRuns, type Run, type RunRecord } from "./console-runs.js";
import { detach } from "./limits.js";

const RUN_HEADER = /^\[==========\] Running (\d+) tests? from \d+ test (?:suites?|cases?)\.\s*$/;
const REPEAT = /^Repeating all tests \(iteration \d+\) \. \. \.\s*$/;
const TAIL = /^\[==========\] (\d+) tests? from \d+ test (?:suites?|cases?) ran\./;
const SUITE = /^\[----------\] \d+ tests? from (\S+?)(?:, where TypeParam = .*)?\s*$/;
const RUN = /^\[ RUN {6}\] (\S+)\s*$/;
/** A result line: `[  FAILED  ] Typed/0.Sum, where TypeParam = float (0 ms)`; the summary's repeat of it has no time. */
const RESULT = /^\[ {2}(FAILED|SKIPPED) {1,2}\] (\S+?)(?:, where ((?:TypeParam|GetParam\(\)) = .*))? \(\d+ ms\)\s*$|^\[ {7}OK \] (\S+) \(\d+ ms\)\s*$/;
const SUITE_FAILED = /^\[ {2}FAILED {2}\] (\S+): SetUp(?:TestSuite|TestCase) or TearDown(?:TestSuite|TestCase)\s*$/;
/** Where GTEST_SKIP() was called: `path/x.cc:44: Skipped`. */
const SKIPPED_AT = /^\S.*:\d+: Skipped\s*$/;
/** googletest's failure heading: `path/x.cc:42: Failure`, `unknown file: Failure`. */
const FAILURE = /^(?:\S.*:\d+|unknown file): Failure\s*$/;
/** A bracketed googletest line: the end of the free text a test or set-up printed. */
const BRACKETED = /^\[(?:==========|----------| RUN {6}| {7}OK |  FAILED  |  SKIPPED | {2}PASSED {2})\]/;
/** CTest's line for a test it ran, before that test's output (`--output-on-failure`); see ctestStatus. */
const CTEST_STATUS = /^ *\d+\/\d+ Test +#\d+: (\S+) /;
/** A result marker after text the test printed without a newline (`progress: 50%[       OK ] X (0 ms)`). */
const RESULT_AFTER_TEXT = /\[ (?: {6}OK| FAILED | SKIPPED) {1,2}\] \S/;
/** CTest's line as it starts a test, and the summary after its last. */
const CTEST_START = /^ *Start +\d+: \S|^\d+% tests passed, \d+ tests? failed out of \d+/;
/** Lines the run's seed may be on (`Note: Randomizing tests' orders with a seed of 23 .`). */
const SEED_WORD = /seed/i;
/** The tail's skips: `[  SKIPPED ] 2 tests, listed below:` (--gtest_brief=1: `[  SKIPPED ] 2 tests.`). */
const BRIEF_SKIPPED = /^\[ {2}SKIPPED \] (\d+) tests?[.,]/;
/** Lines of free text kept for one test; the head and the tail of a longer text. */
const MAX_TEST_LINES = 400;

interface Open {
  id: string;
  lines: string[];
  dropped: number;
  logLine: number;
}

/** Whether a text is googletest console output (detect.ts asks). */
export const GTEST_MARKERS: readonly RegExp[] = [
  /^\[==========\] Running \d+ tests? from \d+ test (?:suites?|cases?)\./m,
  /^\[ RUN {6}\] \S+\s*$/m,
  // --gtest_brief=1: only failures and the tail.
  /^\[ {2}FAILED {2}\] \S+(?:, where .*)? \(\d+ ms\)\s*$/m,
];

export function parseGtestLog(raw: string, path: string): ParsedInput {
  const { text, origin } = normaliseCiLog(raw);
  const warnings: string[] = [];
  const lines = dropCutTail(text.split("\n"), text, path, warnings);
  const runs: Run[] = [];
  let run: Run | null = null;
  let expected: number | null = null;
  let resulted = 0;
  let index = 0;
  let open: Open | null = null;
  let suite: string | null = null;
  /** Failure text printed outside any test of the current suite (its set-up or tear-down). */
  let outside: { lines: string[]; logLine: number } | null = null;
  let context: string[] = [];
  /** CTest's verdict on the process whose output follows (timeout, signal). */
  let ctest: { name: string; status: string } | null = null;
  let ctestRun: Run | null = null;
  let repeatStarted = false;
  /** Lines outside any test since the last result: a failure's text under --gtest_brief=1. */
  let brief: { lines: string[]; logLine: number } | null = null;
  let sawRun = false;

  const record = (given: Omit<RunRecord, "index" | "classname" | "name"> & { id: string }, into?: Run): void => {
    const target = into ?? run ?? (run = newRun());
    // A process CTest ran for one test (gtest_discover_tests) is that CTest test: its name is
    // what `ctest -R` selects and what CTest's JUnit says (a typed test's `Typed.Sum<float>`,
    // googletest's `Typed/0.Sum`).
    const r = into === undefined && ctest !== null && expected === 1 && !given.id.endsWith(".*") ? { ...given, id: ctest.name } : given;
    const dot = r.id.indexOf(".");
    const full: RunRecord = { classname: dot > 0 ? r.id.slice(0, dot) : "", name: dot > 0 ? r.id.slice(dot + 1) : r.id, index: index++, ...r };
    if (context.length > 0 && into === undefined) full.reportContext = detach(context.join("\n"));
    target.records.push(full);
  };
  const newRun = (): Run => {
    const r: Run = { records: [], counts: null };
    runs.push(r);
    return r;
  };
  const details = (o: { lines: string[] }, dropped = 0): string => {
    const kept = dropped > 0 ? [...o.lines.slice(0, MAX_TEST_LINES / 2), `[... ${dropped} lines cut ...]`, ...o.lines.slice(MAX_TEST_LINES / 2)] : o.lines;
    return detach(kept.join("\n").replace(/\s+$/, ""));
  };
  /** A test's result line, with the lines it printed before it (a failure's text). */
  const recordResult = (result: RegExpExecArray, from: { lines: string[]; dropped?: number; logLine: number }): void => {
    const id = result[2] ?? result[4]!;
    resulted++;
    if (result[1] !== "FAILED") {
      record({ id, outcome: result[1] === "SKIPPED" ? "skipped" : "passed" });
      return;
    }
    const where = result[3] !== undefined ? `\nwhere ${result[3]}` : "";
    record({ id, outcome: "failed", message: failureText(from.lines) ?? `${id} failed`, details: details(from, from.dropped) + where, logLine: from.logLine });
  };
  const died = (why: string): void => {
    if (open === null) return;
    const last = open.lines.map((l) => l.trim()).filter((l) => l !== "").at(-1);
    const how =
      ctest !== null && ctest.status.startsWith("***Timeout")
        ? `CTest stopped it at its TIMEOUT (${ctest.status})`
        : ctest !== null && ctest.status.startsWith("***Exception")
          ? `its process crashed (CTest: ${ctest.status.trim()})`
          : "the test binary died or was stopped (a crash, an abort, or a kill such as a timeout)";
    const message = noResultMessage(open.id, last, how);
    const d = details(open, open.dropped);
    record({ id: open.id, outcome: "failed", message, details: d === "" ? message : `${d}\n${message}`, logLine: open.logLine });
    warnings.push(`${path}: ${open.id} started and printed no result (${why})${expected !== null && expected > resulted + 1 ? `; ${expected - resulted - 1} more tests of that run never ran` : ""}`);
    open = null;
  };
  const closeOutside = (): void => {
    if (outside === null || suite === null) {
      outside = null;
      return;
    }
    const d = details(outside);
    // FAIL() prints a bare "Failed" before its message.
    const said = (failureText(outside.lines) ?? "").split("\n").map((l) => l.trim()).filter((l) => l !== "" && l !== "Failed").join(" ");
    record({
      id: `${suite}.*`,
      outcome: "failed",
      message: `${suite}: its SetUpTestSuite or TearDownTestSuite failed${said !== "" ? `: ${said.slice(0, 500)}` : ""}`,
      details: d,
      logLine: outside.logLine,
    });
    outside = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const at = i + 1;
    if (RUN_HEADER.test(line) || REPEAT.test(line)) {
      died("its run's output ends there");
      closeOutside();
      // --gtest_repeat prints "Repeating all tests" and then the run's own header: one run.
      if (run === null || run.records.length > 0 || !RUN_HEADER.test(line) || !repeatStarted) run = newRun();
      repeatStarted = REPEAT.test(line);
      sawRun = false;
      brief = null;
      const m = RUN_HEADER.exec(line);
      expected = m !== null ? Number(m[1]) : null;
      resulted = 0;
      suite = null;
      // What the run printed before its first test (the shuffle seed's note) stays its own.
      context = lines
        .slice(Math.max(0, i - 5), i)
        .filter((l) => SEED_WORD.test(l) && !BRACKETED.test(l))
        .map((l) => l.trim());
      continue;
    }
    if (CTEST_START.test(line)) {
      died("CTest went on to the next test");
      closeOutside();
      continue;
    }
    const status = ctestStatusLine(line);
    if (status !== null) {
      died("CTest went on to the next test");
      closeOutside();
      ctest = status;
      // A test that passed or was skipped prints nothing more under --output-on-failure: its
      // line is its result, in a run of CTest's own (a process's run has its tail's counts).
      if (status.status === "Passed" || status.status === "***Skipped") {
        ctestRun ??= newRun();
        record({ id: status.name, outcome: status.status === "Passed" ? "passed" : "skipped" }, ctestRun);
      }
      continue;
    }
    if (open !== null) {
      // The test's last words without a newline, then its result on the same line.
      const at = RESULT.test(line) ? -1 : line.search(RESULT_AFTER_TEXT);
      if (at > 0) {
        open.lines.push(line.slice(0, at));
        lines[i] = line.slice(at);
        i--;
        continue;
      }
      const result = RESULT.exec(line);
      if (result !== null && (result[2] ?? result[4]) === open.id) {
        recordResult(result, open);
        open = null;
        continue;
      }
      if (RUN.test(line) || TAIL.test(line)) died("the next line is googletest's, not its result");
      else {
        if (open.lines.length < MAX_TEST_LINES) open.lines.push(line);
        else {
          open.lines.splice(MAX_TEST_LINES / 2, 1);
          open.lines.push(line);
          open.dropped++;
        }
        continue;
      }
    }
    const started = RUN.exec(line);
    if (started !== null) {
      closeOutside();
      open = { id: started[1]!, lines: [], dropped: 0, logLine: at };
      brief = null;
      sawRun = true;
      continue;
    }
    // --gtest_brief=1 prints no [ RUN ] lines: a failure's text, then its result line.
    const result = RESULT.exec(line);
    if (result !== null) {
      recordResult(result, brief ?? { lines: [], logLine: at });
      brief = null;
      continue;
    }
    const s = SUITE.exec(line);
    if (s !== null && !/ms total\)\s*$/.test(line)) {
      closeOutside();
      suite = s[1]!;
      continue;
    }
    if (/^\[----------\] /.test(line)) {
      // The suite's closing line: a tear-down failure was printed before it.
      closeOutside();
      continue;
    }
    const t = TAIL.exec(line);
    if (t !== null && run !== null) {
      closeOutside();
      run.counts = tallied(run, Number(t[1]));
      continue;
    }
    const skippedTotal = BRIEF_SKIPPED.exec(line);
    if (skippedTotal !== null && run !== null && run.counts !== null && !sawRun) {
      // The brief tail counts skips only here; they were counted as passed.
      const n = Math.min(Number(skippedTotal[1]), run.counts.passed);
      run.counts = { ...run.counts, passed: run.counts.passed - n, skipped: run.counts.skipped + n };
      continue;
    }
    if (SUITE_FAILED.test(line) || BRACKETED.test(line)) continue;
    if (FAILURE.test(line.trim()) && suite !== null) {
      if (outside === null) outside = { lines: [], logLine: at };
    }
    if (outside !== null && outside.lines.length < MAX_TEST_LINES) outside.lines.push(line);
    else if (outside === null) {
      // A skipped test's text ends with it (brief mode prints no result line for it).
      if (SKIPPED_AT.test(line)) {
        brief = null;
        continue;
      }
      brief ??= { lines: [], logLine: at };
      if (brief.lines.length >= MAX_TEST_LINES) brief.lines.shift();
      brief.lines.push(line);
    }
  }
  died("the log ends there");
  closeOutside();

  const merged = mergeRuns(repeats(runs) ? runs : [oneRun(runs)], path, warnings, origin);
  return { path, kind: "gtest-log", tests: merged.tests, counts: runs.length === 0 ? emptyCounts() : merged.counts, warnings: capWarnings(warnings, path) };
}

/** Whether some test ran in more than one run (`--gtest_repeat`, a job that reran its binary). */
function repeats(runs: readonly Run[]): boolean {
  const seen = new Set<string>();
  for (const run of runs) {
    const own = new Set(run.records.map((r) => r.id));
    for (const id of own) {
      if (seen.has(id)) return true;
    }
    for (const id of own) seen.add(id);
  }
  return false;
}

/** Runs of different tests (CTest's process per test) as the one run they make up. */
function oneRun(runs: readonly Run[]): Run {
  const counts = emptyCounts();
  for (const run of runs) {
    const c = run.counts ?? countRecords(run.records);
    for (const k of Object.keys(counts) as Array<keyof typeof counts>) counts[k] += c[k];
  }
  return { records: runs.flatMap((r) => r.records), counts };
}

/**
 * CTest's line for a test it ran (`4/11 Test  #4: Crash.Segfault ....***Exception: SegFault  0.01 sec`):
 * its name and verdict, read with indexOf (a lazy pattern over the line's middle was quadratic
 * in a long line).
 */
export function ctestStatusLine(line: string): { name: string; status: string } | null {
  const head = CTEST_STATUS.exec(line);
  if (head === null || !/ sec\s*$/.test(line.slice(-12))) return null;
  const rest = line.slice(head[0].length);
  const exception = rest.indexOf("***Exception:");
  const status =
    rest.includes("***Timeout") ? "***Timeout"
    : exception >= 0 ? withoutTime(rest.slice(exception))
    : rest.includes("***Failed") ? "***Failed"
    : rest.includes("***Skipped") ? "***Skipped"
    : /\bPassed\b/.test(rest) ? "Passed"
    : null;
  return status === null ? null : { name: head[1]!, status };
}

/** `***Exception: SegFault  0.01 sec` -> `***Exception: SegFault`. */
function withoutTime(text: string): string {
  let s = text.trimEnd();
  if (!s.endsWith(" sec")) return s;
  s = s.slice(0, -4).trimEnd();
  const space = s.lastIndexOf(" ");
  return /^[\d.]+$/.test(s.slice(space + 1)) ? s.slice(0, space).trimEnd() : s;
}

/**
 * A run's counts from its records, once its tail says how many tests ran: the records are every
 * result it printed, a suite's set-up failure is one more failing test.
 */
function tallied(run: Run, ran: number): Run["counts"] {
  const c = countRecords(run.records);
  const suites = run.records.filter((r) => r.id.endsWith(".*")).length;
  // Tests the tail counts that printed no line we read (a log with lines cut out of it) passed.
  const missing = ran - (c.tests - suites);
  if (missing > 0) {
    c.tests += missing;
    c.passed += missing;
  }
  return c;
}

/** What a test that started and printed no result says: its last line, when it printed one, and how it ended. */
export function noResultMessage(id: string, last: string | undefined, how: string): string {
  return `${id} started and printed no result${last !== undefined ? ` (its last line: ${last.slice(0, 300)})` : ""}: ${how}`;
}

/**
 * What failed, in googletest's words: the lines after each `file:line: Failure` heading, up to
 * the next heading or googletest line, the first failure first. Shared with the CTest dialect,
 * whose reports hold the same output.
 */
export function failureText(lines: readonly string[]): string | undefined {
  const start = lines.findIndex((l) => FAILURE.test(l.trim()));
  if (start < 0) return undefined;
  const block: string[] = [];
  for (let i = start + 1; i < lines.length && block.length < 12; i++) {
    const l = lines[i]!;
    if (FAILURE.test(l.trim()) || BRACKETED.test(l)) break;
    block.push(l);
  }
  const text = block.join("\n").trim();
  return text === "" ? undefined : detach(text);
}
