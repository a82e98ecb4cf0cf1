/**
 * Reads pytest's console output. With pytest's default `junit_logging = no`, what a test logs
 * (the seed announcement among it) is printed only here, in the "Captured ..." sub-sections of
 * each failure section, so this reader is where seeds of pytest runs usually come from.
 *
 * A failure section is headed by pytest's headline (`TestC.test_y[p]`: the node id after the
 * first `::`, with `::` shown as `.`), which is mapped back to the node id through the short
 * summary (`FAILED tests/x.py::TestC::test_y[p] - ...`) or the `-v` progress lines.
 */
import type { Counts, Outcome, ParsedInput, PriorAttempt } from "../model.js";
import { normaliseCiLog } from "./ci-log.js";
import { isDoctestId, withoutXdistGroup } from "./pytest-ids.js";
import {
  appendLocated,
  capWarnings,
  dropCutTail,
  emptyCounts,
  mergeRuns,
  samePath,
  type Located,
  type Run,
  type RunRecord,
} from "./console-runs.js";

const SESSION_START = /^=+ test session starts =+$/;
/** pytest's separator lines: `==== TITLE ====`. */
const MAJOR_SECTION = /^={3,} (.+?) ={3,}$/;
/**
 * A failure section's headline, `____ TestC.test_y[p] ____` (one `_` each side when too long):
 * its title, or null. Code, not a regular expression: `/^_+ (.*?[^_ ].*?) _+$/` takes time
 * quadratic in the length of a line that starts with `_ ` and is no headline.
 */
function headline(l: string): string | null {
  if (l.charCodeAt(0) !== 0x5f || l.charCodeAt(l.length - 1) !== 0x5f) return null;
  let from = 0;
  while (l.charCodeAt(from) === 0x5f) from++;
  let to = l.length;
  while (to > from && l.charCodeAt(to - 1) === 0x5f) to--;
  if (l.charCodeAt(from) !== 0x20 || l.charCodeAt(to - 1) !== 0x20 || to - 1 <= from + 1) return null;
  const title = l.slice(from + 1, to - 1);
  return /[^_ ]/.test(title) ? title : null;
}
/** A separator whose title was too long for the terminal: one character each side. */
const MINIMAL_SEPARATOR = /^([=_]) \S.* \1$/;
const CAPTURED = /^-{2,} (Captured (?:log|stdout|stderr)(?: \w+)?) -{2,}$/;
/** `-v`: `tests/x.py::test_y PASSED   [ 40%]` (the outcome may carry a reason in parentheses). */
const VERBOSE = /^(\S.*?::\S.*?) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|RERUN)(?: \(.*\))?(?:[ \t]*\[\s*\d+%\])?\s*$/;
/** pytest-xdist `-v`, once its `[gw3] ` prefix is gone: `[ 40%] FAILED tests/x.py::test_y`. */
const XDIST_VERBOSE = /^\[\s*\d+%\] (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|RERUN) (\S.*?::\S.*?)\s*$/;
/** `-v` line of a test that started but never finished (the session died inside it). */
const VERBOSE_STARTED = /^(\S[^\s:]*\.py::\S.*?)\s*$/;
/** pytest's failure text for a strict xfail that passed. */
const XPASS_STRICT_LINE = /^\[XPASS\(strict\)\]/;

/** -s -v: a test's result alone on a line, after the lines the test printed. */
const LONE_RESULT = /^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)(?: \(.*\))?(?:[ \t]*\[\s*\d+%\])?\s*$/;

/**
 * -s -v: the line pytest starts with the test's id, followed by the first line the test printed
 * (pytest writes the id, then the test runs and prints, then the result). The id ends at the
 * first blank outside its parameters' brackets (`test_x[a b]` holds one); null when the rest
 * is a result word (a plain -v line) or nothing.
 */
function printingStart(l: string): { id: string; rest: string } | null {
  const end = idEnd(l);
  if (end === null) return null;
  const rest = l.slice(end + 1);
  // pytest 9's subtests report on the test's line (`SUBPASSED[case] (i=0)`), -s or not.
  if (end >= l.length - 1 || rest.trim() === "" || SUBTEST_RESULT.test(rest) || VERBOSE.test(l) || XDIST_VERBOSE.test(l)) return null;
  return { id: l.slice(0, end), rest };
}

/** `tests/x.py::test_y` alone on its line (-v, a test that started), else null. */
function bareStartedId(l: string): string | null {
  const trimmed = l.trimEnd();
  const end = idEnd(trimmed);
  return end !== null && end === trimmed.length ? trimmed : null;
}

/** Where a line's leading node id ends: its first blank outside brackets (its end if none). */
function idEnd(l: string): number | null {
  const head = /^\S[^\s:]*\.py::/.exec(l);
  if (head === null) return null;
  let depth = 0;
  for (let i = head[0].length; i < l.length; i++) {
    const c = l[i];
    if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === " " || c === "\t")) return i;
  }
  return l.length;
}

const SUBTEST_RESULT = /^SUB[A-Z]+\b/;

/** pytest's own section titles, at whatever width it drew them. */
const PYTEST_TITLES = /^(?:FAILURES|ERRORS|short test summary info|warnings summary(?: \(final\))?|PASSES|XFAILURES|XPASSES|test session starts|slowest (?:\d+ )?durations|rerun test summary info)$/;

/** Whether a line starts and ends as a `=== x ===` or `___ x ___` separator does. */
function looksLikeSeparator(l: string): boolean {
  const c = l.charCodeAt(0);
  return (c === 0x3d || c === 0x5f) && l.charCodeAt(l.length - 1) === c;
}

/** The message of a test whose -v line has no result because the log ends while it ran. */
const CUT_WHILE_RUNNING = "the log ends while this test ran (no result line): the run was killed, by a hang the job's time limit or a cancel ended, or by a death that printed nothing";
/** What each non-verbose progress mark counts as (R, a rerun, is not a test of its own). */
const MARK_OUTCOME: Readonly<Record<string, Outcome>> = { ".": "passed", F: "failed", E: "errored", s: "skipped", x: "skipped", X: "passed" };

/** Non-verbose progress: `tests/x.py .F.sE   [ 40%]`, and its continuation lines for long files. */
const PROGRESS = /^(\S+\.py) ([.FEsxXR]+)\s*(?:\[\s*\d+%\])?\s*$/;
const PROGRESS_MORE = /^([.FEsxXR]+)\s*(?:\[\s*\d+%\])?\s*$/;
const PASTED_SUMMARY = /^(?:FAILED|ERROR) \S+\.py(?:::\S| - |$)/;
const SUMMARY = /^(FAILED|ERROR) (.+?)\s*$/;
/**
 * A failed subtest (unittest's subTest, pytest 9's subtests): `SUBFAILED(i=1) id - message`,
 * `SUBFAILED[msg] (shape=(2, 3)) id`: what comes before the node id (found by its `.py`, as
 * the suffix may hold anything) heads the subtest's section after the test's headline,
 * `T.test_y (i=1)`. It fails the test (the JUnit report marks the test failed).
 */
const SUBFAILED = /^SUBFAILED(.*?) (\S+\.py(?:::\S.*?)?(?: - .*?)?)\s*$/;
/** Tail counts: `6 failed, 3 passed, 1 skipped, 1 warning, 1 error in 2.21s`. */
const COUNTS_TAIL = /^(?:=+ )?((?:\d+ [a-z]+(?:, )?)+|no tests ran) in \d+(?:\.\d+)?s\b.*?(?: =+)?$/;
const COUNT_ITEM = /(\d+) ([a-z]+)/g;
/** Long and short tracebacks (`tests/x.py:42: AssertionError`, `tests/x.py:42: in test_y`), and `--tb=line`. */
const LOCATION = /^([^\s:"'()]+\.py):(\d+): (.*)$/;
/** `--tb=native` frames and faulthandler's dump (which omits the comma before `in`). */
const NATIVE_FRAME = /^\s*File "([^"]+)", line (\d+),? in (\S+)/;
const E_LINE = /^E {1,}(.*)$/;
/** pytest-xdist prints the worker's platform as the first line of each of its sections. */
const XDIST_PLATFORM = /^\w+ -- Python \d/;
const XDIST_CRASH = /worker '(gw\d+)' crashed while running '([^']+)'/;
const FATAL = /Fatal Python error: /;
/** pytest-timeout's thread method dumps every stack between these lines and ends the process. */
const TIMEOUT_BANNER = /^\++ Timeout \++$/;

interface Section {
  kind: "failure" | "error";
  /** Headline text, or null for a section whose headline was not pasted / not printed. */
  key: string | null;
  /** `ERROR collecting tests/x.py`: the key is already an id. */
  collecting: boolean;
  body: string[];
  captured: string[];
  /** Log line of each body / captured line (the readers' numbering, 1-based). */
  bodyAt: number[];
  capturedAt: number[];
  logLine: number;
}

interface SummaryEntry {
  kind: "failure" | "error";
  id: string;
  message?: string;
  used: boolean;
  /** The headline of its section when it is not the id's: a subtest's, `T.test_y (i=1)`. */
  headline?: string;
}

interface Frame {
  path: string;
  line: number;
  fn?: string;
}

/** The headline pytest prints for a node id. */
export function headlineOf(grouped: string): string {
  const nodeId = withoutXdistGroup(grouped);
  const i = nodeId.indexOf("::");
  if (i < 0) return nodeId;
  // A doctest's item reports itself as "[doctest] pkg.mod.fine".
  if (isDoctestId(nodeId)) return `[doctest] ${nodeId.slice(i + 2)}`;
  const rest = nodeId.slice(i + 2);
  // Parameter ids are printed as they are, `::` included.
  const bracket = rest.indexOf("[");
  const path = bracket < 0 ? rest : rest.slice(0, bracket);
  return path.replace(/::/g, ".") + (bracket < 0 ? "" : rest.slice(bracket));
}

/** Splits at the last `.` or `::` outside a parametrize bracket: `TestC.test_y[1.5]` -> [TestC, test_y[1.5]]. */
function splitLast(s: string, sep: "." | "::"): [string, string] {
  const bracket = s.indexOf("[");
  const head = bracket < 0 ? s : s.slice(0, bracket);
  const i = head.lastIndexOf(sep);
  return i < 0 ? ["", s] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** classname/name as pytest's JUnit writer would give them, so joins line up. */
function namesOf(id: string): { classname: string; name: string } {
  if (!id.includes("::")) {
    const [classname, name] = splitLast(id, ".");
    return { classname, name };
  }
  const [head, name] = splitLast(id, "::");
  const [file, ...classes] = head.split("::");
  const module = (file ?? "").replace(/\.py$/, "").replace(/[\\/]/g, ".");
  return { classname: [module, ...classes].join("."), name };
}

function parseCounts(list: string): Counts {
  const c = emptyCounts();
  for (const m of list.matchAll(COUNT_ITEM)) {
    const n = Number(m[1]);
    switch (m[2]) {
      case "passed":
      case "xpassed":
        c.passed += n;
        break;
      case "failed":
        c.failed += n;
        break;
      case "error":
      case "errors":
        c.errored += n;
        break;
      case "skipped":
      case "xfailed":
        c.skipped += n;
        break;
      default:
        continue; // warnings, deselected, rerun: not test outcomes
    }
  }
  c.tests = c.passed + c.failed + c.errored + c.skipped;
  return c;
}

function outcomeOf(word: string): Outcome | null {
  switch (word) {
    case "PASSED":
    case "XPASS":
      return "passed";
    case "FAILED":
      return "failed";
    case "ERROR":
      return "errored";
    case "SKIPPED":
    case "XFAIL":
      return "skipped";
    default:
      return null;
  }
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] ?? "").trim() === "") a++;
  while (b > a && (lines[b - 1] ?? "").trim() === "") b--;
  return lines.slice(a, b);
}

/** `trimBlank` that keeps each line's log line. */
function trimLocated(lines: string[], at: number[]): { lines: string[]; at: number[] } {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] ?? "").trim() === "") a++;
  while (b > a && (lines[b - 1] ?? "").trim() === "") b--;
  return { lines: lines.slice(a, b), at: at.slice(a, b) };
}

function located(lines: string[], at: number[]): Located {
  return { text: lines.join("\n"), at };
}

function range(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => first + k);
}

function framesOf(body: string[]): Frame[] {
  const frames: Frame[] = [];
  for (const l of body) {
    const loc = LOCATION.exec(l);
    if (loc !== null) {
      const fn = /^in (\S+)$/.exec(loc[3] ?? "")?.[1];
      frames.push(fn === undefined ? { path: loc[1] ?? "", line: Number(loc[2]) } : { path: loc[1] ?? "", line: Number(loc[2]), fn });
      continue;
    }
    const nat = NATIVE_FRAME.exec(l);
    if (nat !== null) frames.push({ path: nat[1] ?? "", line: Number(nat[2]), fn: nat[3] ?? "" });
  }
  return frames;
}

/**
 * The first line of the failure: the first `E   ` line, or for `--tb=native` the exception line.
 * numpy's assert_allclose raises a bare `AssertionError:` with its text on the next line, so a
 * bare exception name is joined with the next non-empty line.
 */
function messageOf(body: string[]): string | undefined {
  let at = body.findIndex((l) => E_LINE.test(l) && (E_LINE.exec(l)?.[1] ?? "").trim().length > 0);
  if (at < 0) at = body.findIndex((l) => /^[A-Za-z_][\w.]*(?:Error|Exception|Failed|Timeout|Exit)\b:?/.test(l));
  if (at < 0) return trimBlank(body)[0];
  const first = (body[at] ?? "").replace(/^E\s+/, "").trim();
  if (!/^[\w.]+:$/.test(first)) return first;
  const next = body
    .slice(at + 1)
    .map((l) => l.replace(/^E\s*/, "").trim())
    .find((l) => l.length > 0);
  return next === undefined ? first : `${first} ${next}`;
}

/** Test file and failing line: the node id's file when known, else the first frame (the test's own in long/short tracebacks). */
function locate(id: string | null, section: Section | null, frames: Frame[]): { file?: string; line?: number } {
  let file: string | undefined;
  if (id !== null && id.includes("::")) file = id.slice(0, id.indexOf("::"));
  else if (id !== null && /\.py$/.test(id)) file = id;
  else if (section !== null && section.kind === "failure") {
    const fnName = section.key === null ? undefined : splitLast(section.key, ".")[1].replace(/\[.*$/, "");
    file = (frames.find((f) => f.fn !== undefined && f.fn === fnName) ?? frames[0])?.path;
  }
  if (file === undefined) return {};
  let line: number | undefined;
  for (const f of frames) if (samePath(f.path, file)) line = f.line;
  return line === undefined ? { file } : { file, line };
}

interface Ctx {
  path: string;
  warnings: string[];
  nextIndex: number;
}

/**
 * `FAILED id - message`: a parameter id may itself contain " - " (`test_y[a - b]`), so the
 * split is the first one whose id the log shows elsewhere (a section headline or a -v line),
 * else the first that leaves the id's brackets balanced, else the first.
 */
export function splitSummary(rest: string, known: (id: string) => boolean): { id: string; message?: string } {
  const cuts: number[] = [];
  for (let i = rest.indexOf(" - "); i !== -1; i = rest.indexOf(" - ", i + 1)) cuts.push(i);
  if (cuts.length === 0) return { id: rest };
  const at = (i: number) => ({ id: rest.slice(0, i), message: rest.slice(i + 3) });
  const balanced = (id: string): boolean => {
    const open = id.indexOf("[");
    return open < 0 || id.endsWith("]");
  };
  const pick =
    cuts.find((i) => known(rest.slice(0, i))) ??
    (known(rest) ? undefined : cuts.find((i) => balanced(rest.slice(0, i))));
  if (pick === undefined) return known(rest) ? { id: rest } : at(cuts[0]!);
  return at(pick);
}

/** A field already kept on a record, with its line map when it has one. */
function prevLocated(text: string | undefined, at: number[] | undefined): Located | undefined {
  if (text === undefined) return undefined;
  return { text, at: at ?? [] };
}

/**
 * Whether line `i` starts a session that a test ran inside itself and printed (pytester's
 * `runpytest`, a subprocess): its `test session starts` line comes right under a test's
 * `Captured stdout` header. Such a session is that test's output, not a run of the log.
 */
function nestedSessionAt(lines: readonly string[], i: number): boolean {
  if (!SESSION_START.test(lines[i] ?? "")) return false;
  // runpytest_subprocess prints the command and its directory first.
  let h = i - 1;
  while (h > 0 && i - h <= 2 && SUBPROCESS_PREAMBLE.test(lines[h] ?? "")) h--;
  if (h < 0 || !CAPTURED.test(lines[h] ?? "")) return false;
  // Its own counts line must come before the log's last one: a session that died before
  // printing one (a crash) would otherwise take every later failure and the outer summary.
  let counts = 0;
  for (let j = i + 1; j < lines.length && counts < 2; j++) {
    const l = lines[j] ?? "";
    if (MAJOR_SECTION.test(l) && COUNTS_TAIL.test(l)) counts++;
  }
  return counts >= 2;
}

/** What pytester's runpytest_subprocess prints before the session: `running: ...` and `     in: ...`. */
const SUBPROCESS_PREAMBLE = /^ {0,8}(?:running|in): /;

/** Sets a record's output from lines of the log (and their line numbers), when they hold anything. */
function setOutput(rec: RunRecord, out: { lines: string[]; at: number[] } | undefined): void {
  if (out === undefined || !out.lines.some((x) => x.trim() !== "")) return;
  rec.output = out.lines.join("\n");
  rec.outputLines = out.at;
}

/**
 * Parses one pytest session (from its `test session starts` line to the next). `nested` holds the
 * log's line numbers where a session a test printed begins (nestedSessionAt, decided once on the
 * whole log).
 */
function parseRun(lines: string[], firstLineNo: number, ctx: Ctx, nested: ReadonlySet<number>): Run {
  type Area = "progress" | "failures" | "errors" | "summary" | "other";
  let area: Area = "progress";
  let counts: Counts | null = null;
  const sections: Section[] = [];
  const headless: Section[] = [];
  const summary: SummaryEntry[] = [];
  const verbose: { id: string; outcome: Outcome; index: number }[] = [];
  const reruns = new Map<string, number>();
  let current: Section | null = null;
  let inCaptured = false;
  let crash: { id: string | null; file: string | null; start: number; kind: "crash" | "timeout" } | null = null;
  /** pytest-xdist workers that died (their stack dump's lines), the session carrying on. */
  const workerDumps: Array<{ start: number; end: number }> = [];
  /** Progress marks printed with no file (pytest-xdist without -v: `.F..F`). */
  let looseMarks = "";
  let lastStarted: string | null = null;
  /** -s -v: what the running test printed between its id and its result (see printingStart). */
  let printing: { id: string; lines: string[]; at: number[]; result?: { outcome: Outcome; line: number } } | null = null;
  /**
   * Ends what the running test printed. Its result is the last lone result word among its lines:
   * one it printed itself (a `FAILED` of its own output) is followed by more.
   */
  const endPrinting = (): void => {
    const p = printing;
    printing = null;
    if (p?.result === undefined) return;
    verbose.push({ id: p.id, outcome: p.result.outcome, index: ctx.nextIndex++ });
    printedBy.set(p.id, { lines: p.lines.slice(0, p.result.line), at: p.at.slice(0, p.result.line) });
    lastStarted = null;
  };
  const printedBy = new Map<string, { lines: string[]; at: number[] }>();
  let lastProgressFile: string | null = null;
  let sawSessionStart = false;
  // Non-verbose progress: one character per test, per file, in run order; used to place failures.
  const progress = new Map<string, { ch: string; index: number; used?: boolean }[]>();
  // Failures counted from progress marks only (a crashed run): a later run's records may be them.
  const unmatched = new Map<string, { failed: number; errored: number }>();

  const close = () => {
    current = null;
    inCaptured = false;
  };

  /**
   * pytest draws every separator of a session at the terminal's width (`sep` pads the title to
   * it; a title too long gets one character each side). A `=== x ===` or `___ x ___` line of
   * another width among a test's output is the test's own (a banner it printed, a counts line of
   * a suite it ran): taken for pytest's, it ended the run's failures there, or made a phantom test.
   */
  let width: number | null = null;
  const drawn = (l: string): boolean => width === null || l.length === width || MINIMAL_SEPARATOR.test(l);

  /** The run's last counts line (-q draws it bare): its own end, at whatever width. */
  let lastCountsAt = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] ?? "";
    if (COUNTS_TAIL.test(l)) {
      lastCountsAt = i;
      break;
    }
  }

  /** Inside a session a test ran and printed (pytester): see nestedSessionAt. */
  let inNested = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (crash !== null) break; // the process died: nothing after the dump belongs to a test
    if (inNested || nested.has(firstLineNo + i)) {
      // Its lines are the test's captured output (of a failing test; a passing one's under -rP
      // has no section here), up to and including the session's counts line: its FAILURES and
      // summary are not this run's (they made a phantom failing test).
      if (inCaptured && current !== null) {
        const sec: Section = current;
        sec.captured.push(l);
        sec.capturedAt.push(firstLineNo + i);
      }
      inNested = !(MAJOR_SECTION.test(l) && COUNTS_TAIL.test(l));
      continue;
    }
    // (The first and last characters first: a separator's patterns on a long line that is none cost
    // time quadratic in its length.)
    // Each looked for once: every line of a 64 MB log comes through here.
    const sepLike = looksLikeSeparator(l);
    const majorMatch = sepLike ? MAJOR_SECTION.exec(l) : null;
    const head = sepLike && majorMatch === null ? headline(l) : null;
    const separator = majorMatch !== null || head !== null;
    // Output: a test's captured output, or what it printed between progress marks under -s.
    let printed = false;
    if (separator && (inCaptured || (area === "progress" && sawSessionStart)) && !drawn(l)) {
      // pytest reads the terminal's width afresh for each separator: a test module that sets
      // COLUMNS changes it mid-run. Its own section titles (and the run's last counts line)
      // are its own at any width, and give the width from there on.
      const title = majorMatch?.[1];
      // (Not in a test's captured output: a pytest it ran prints those titles at its own width.)
      const own = title !== undefined && ((!inCaptured && PYTEST_TITLES.test(title)) || (i === lastCountsAt && COUNTS_TAIL.test(l)));
      if (own) width = l.length;
      else printed = true;
    }
    const major: RegExpExecArray | null = printed ? null : majorMatch;
    const tail: RegExpExecArray | null = printed ? null : COUNTS_TAIL.exec(l);
    if (major !== null && width === null) width = l.length;
    if (tail !== null && (major !== null || area === "progress" || area === "summary" || area === "other")) {
      endPrinting();
      counts = parseCounts(tail[1] ?? "");
      close();
      area = "other";
      continue;
    }
    if (major !== null) {
      endPrinting();
      close();
      const title: string = major[1] ?? "";
      if (SESSION_START.test(l)) sawSessionStart = true;
      area = title === "FAILURES" ? "failures" : title === "ERRORS" ? "errors" : title === "short test summary info" ? "summary" : title === "test session starts" ? "progress" : "other";
      continue;
    }
    if (area === "progress") {
      if (printing !== null) {
        // -s -v: the test's result word comes alone on a line, after what it printed (kept
        // until the next test begins: see endPrinting).
        const alone = LONE_RESULT.exec(l);
        const o = alone !== null ? outcomeOf(alone[1] ?? "") : null;
        if (o !== null) {
          printing.result = { outcome: o, line: printing.lines.length };
          printing.lines.push(l);
          printing.at.push(firstLineNo + i);
          continue;
        }
      }
      const v = VERBOSE.exec(l);
      const x = v === null ? XDIST_VERBOSE.exec(l) : null;
      const id = v?.[1] ?? x?.[2];
      const word = v?.[2] ?? x?.[1];
      if (id !== undefined && word !== undefined) {
        endPrinting();
        lastStarted = null;
        if (word === "RERUN") {
          reruns.set(id, (reruns.get(id) ?? 0) + 1);
          continue;
        }
        const o = outcomeOf(word);
        if (o !== null) verbose.push({ id, outcome: o, index: ctx.nextIndex++ });
        continue;
      }
      if (FATAL.test(l) || TIMEOUT_BANNER.test(l)) {
        // Under pytest-xdist a worker died, not the session: the controller replaces it and runs
        // on to its summary, which names the crashed test ("worker 'gw1' crashed while running").
        const resumed = xdistRecovery(lines, i + 1);
        if (resumed !== null) {
          workerDumps.push({ start: i, end: resumed });
          i = resumed;
          continue;
        }
        const before = l.slice(0, l.search(FATAL) < 0 ? 0 : l.search(FATAL)).trim();
        const prefixId = /^(\S+::\S+)/.exec(before)?.[1] ?? null;
        const prefixFile = /^(\S+\.py)\b/.exec(before)?.[1] ?? null;
        // "tests/test_b.py .FFatal Python error": the file's marks before the crash are on this line.
        const onLine = /^(?:\S+\.py )?([.FEsxXR]+)$/.exec(before)?.[1];
        const markFile = prefixFile ?? lastProgressFile;
        if (onLine !== undefined && markFile !== null) {
          const marks = progress.get(markFile) ?? [];
          for (const ch of onLine) marks.push({ ch, index: ctx.nextIndex++ });
          progress.set(markFile, marks);
        }
        crash = {
          id: prefixId ?? lastStarted,
          file: prefixFile ?? lastProgressFile,
          start: i,
          kind: TIMEOUT_BANNER.test(l) ? "timeout" : "crash",
        };
        continue;
      }
      const chars = PROGRESS.exec(l) ?? PROGRESS_MORE.exec(l);
      if (chars !== null) {
        const file: string | null = chars.length === 3 ? (chars[1] ?? null) : lastProgressFile;
        if (file === null && looseMarks.length < 1_000_000) looseMarks += chars[chars.length - 1] ?? "";
        if (file !== null) {
          lastProgressFile = file;
          const marks = progress.get(file) ?? [];
          for (const ch of chars[chars.length - 1] ?? "") marks.push({ ch, index: ctx.nextIndex++ });
          progress.set(file, marks);
        }
        continue;
      }
      // -s -v: `tests/x.py::test_y what it printed first`, more of it, then the result alone.
      const startedPrinting = sawSessionStart ? printingStart(l) : null;
      if (startedPrinting !== null) {
        endPrinting();
        printing = { id: startedPrinting.id, lines: [startedPrinting.rest], at: [firstLineNo + i] };
        lastStarted = startedPrinting.id;
        continue;
      }
      if (printing !== null) {
        // The next test's bare id: the one that printed ended without a line end before its
        // result (`donePASSED`), and this one is running now.
        const bare = sawSessionStart ? bareStartedId(l) : null;
        if (bare !== null) {
          endPrinting();
          lastStarted = bare;
          continue;
        }
        printing.lines.push(l);
        printing.at.push(firstLineNo + i);
        continue;
      }
      const started = VERBOSE_STARTED.exec(l);
      if (started !== null) lastStarted = started[1] ?? null;
      const progressFile = /^(\S+\.py) [.FEsxXR]*/.exec(l);
      if (progressFile !== null) lastProgressFile = progressFile[1] ?? null;
      if (!sawSessionStart && PASTED_SUMMARY.test(l)) {
        area = "summary";
      } else if (!sawSessionStart && (E_LINE.test(l) || LOCATION.test(l) || CAPTURED.test(l) || head !== null)) {
        area = "failures";
        if (head === null) {
          // An excerpt that starts inside a failure section: a section without headline.
          current = {
            kind: "failure",
            key: null,
            collecting: false,
            body: lines.slice(0, i),
            captured: [],
            bodyAt: range(firstLineNo, i),
            capturedAt: [],
            logLine: firstLineNo,
          };
          sections.push(current);
        }
      } else {
        continue;
      }
    }
    // (Not in a test's captured output under a FAILURES header: a real summary would come under
    // a header of its own, so such a line is the test's output.)
    if ((area === "failures" || area === "errors") && !sawSessionStart && (width === null || !inCaptured) && PASTED_SUMMARY.test(l)) {
      // An excerpt with the summary line pasted under its section, without the header.
      close();
      area = "summary";
    }
    if (area === "failures" || area === "errors") {
      if (!printed && head !== null) {
        const text = head;
        const err = /^ERROR (?:at (setup|teardown) of|collecting) (.+)$/.exec(text);
        current = {
          kind: area === "errors" || err !== null ? "error" : "failure",
          key: err !== null ? (err[2] ?? text) : text,
          collecting: err !== null && err[1] === undefined,
          body: [],
          captured: [],
          bodyAt: [],
          capturedAt: [],
          logLine: firstLineNo + i,
        };
        inCaptured = false;
        sections.push(current);
        continue;
      }
      if (XPASS_STRICT_LINE.test(l) && (current === null || headless.includes(current))) {
        // --tb=line: a strict xfail that passed prints its reason, its captured output if any,
        // and its reason again; no location line to end on. A failure of its own (else it took
        // the next failure's text and seed), which its second reason line ends.
        const open: Section | null = current;
        if (open !== null && open.body.length === 1 && open.body[0] === l) {
          close();
          continue;
        }
        close();
        current = { kind: area === "errors" ? "error" : "failure", key: null, collecting: false, body: [l], captured: [], bodyAt: [firstLineNo + i], capturedAt: [], logLine: firstLineNo + i };
        headless.push(current);
        continue;
      }
      const xpassOpen: Section | null = current;
      if (xpassOpen !== null && !inCaptured && xpassOpen.body.length === 1 && XPASS_STRICT_LINE.test(xpassOpen.body[0] ?? "") && !CAPTURED.test(l)) {
        // One whose reason came once only: what follows is the next failure's.
        close();
      }
      if (current === null) {
        // --tb=line: no headlines; each failure ends at its `path:line: message` line.
        current = {
          kind: area === "errors" ? "error" : "failure",
          key: null,
          collecting: false,
          body: [],
          captured: [],
          bodyAt: [],
          capturedAt: [],
          logLine: firstLineNo + i,
        };
        headless.push(current);
      }
      const sec: Section = current;
      const cap = CAPTURED.exec(l);
      if (cap !== null) {
        inCaptured = true;
        sec.captured.push(l);
        sec.capturedAt.push(firstLineNo + i);
        continue;
      }
      if (inCaptured) {
        if (headless.includes(sec) && LOCATION.test(l)) {
          sec.body.push(l);
          sec.bodyAt.push(firstLineNo + i);
          close();
          continue;
        }
        sec.captured.push(l);
        sec.capturedAt.push(firstLineNo + i);
        continue;
      }
      if (sec.body.length === 0 && XDIST_PLATFORM.test(l)) continue;
      sec.body.push(l);
      sec.bodyAt.push(firstLineNo + i);
      if (headless.includes(sec) && LOCATION.test(l)) close();
      continue;
    }
    if (area === "summary") {
      const s = SUMMARY.exec(l);
      const sub = s === null ? SUBFAILED.exec(l) : null;
      if (s !== null || sub !== null) {
        const suffix = sub === null ? "" : ` ${(sub[1] ?? "").trim()}`;
        const known = (id: string): boolean =>
          verbose.some((v) => v.id === id) || sections.some((sec) => sec.key !== null && sec.key === headlineOf(id) + suffix);
        const { id, message } = splitSummary((s ?? sub)?.[2] ?? "", known);
        const entry: SummaryEntry = { kind: s?.[1] === "ERROR" ? "error" : "failure", id, used: false };
        if (message !== undefined && message.length > 0) entry.message = message;
        if (sub !== null) entry.headline = headlineOf(id) + suffix;
        summary.push(entry);
      }
    }
  }
  // A test whose result was printed; one still printing is the one running when the log ends.
  if (printing?.result !== undefined) endPrinting();

  const records: RunRecord[] = [];
  const byId = new Map<string, RunRecord>();
  let unresolved = 0;

  const resolve = (sec: Section): string | null => {
    const crashed = XDIST_CRASH.exec(sec.body.join("\n"));
    if (crashed !== null) {
      const id = crashed[2] ?? "";
      const e = summary.find((s) => !s.used && s.id === id);
      if (e !== undefined) e.used = true;
      return id;
    }
    if (sec.key === null) return null;
    if (sec.collecting) return sec.key;
    const key = sec.key;
    const pick =
      summary.find((s) => !s.used && s.kind === sec.kind && (s.headline ?? headlineOf(s.id)) === key) ??
      summary.find((s) => !s.used && (s.headline ?? headlineOf(s.id)) === key);
    if (pick !== undefined) {
      pick.used = true;
      return pick.id;
    }
    const v = verbose.find((e) => (e.outcome === "failed" || e.outcome === "errored") && headlineOf(e.id) === key && !byId.has(e.id));
    return v?.id ?? null;
  };

  const progressIndex = (file: string | undefined, outcome: Outcome): number | undefined => {
    if (file === undefined) return undefined;
    const ch = outcome === "errored" ? "E" : "F";
    const mark = progress.get(file)?.find((m) => m.ch === ch && m.used !== true);
    if (mark === undefined) return undefined;
    mark.used = true;
    return mark.index;
  };

  const add = (id: string, sec: Section | null, entry: SummaryEntry | null) => {
    const trimmedBody = sec === null ? { lines: [], at: [] } : trimLocated(sec.body, sec.bodyAt);
    const body = trimmedBody.lines;
    const trimmedOut = sec === null ? { lines: [], at: [] } : trimLocated(sec.captured, sec.capturedAt);
    const frames = framesOf(body);
    const outcome: Outcome = (sec?.kind ?? entry?.kind) === "error" ? "errored" : "failed";
    const where = locate(id, sec, frames);
    const message = messageOf(body) ?? entry?.message;
    const prev = byId.get(id);
    if (prev !== undefined) {
      // A failed test whose teardown also errored: one test, both texts.
      if (body.length > 0) {
        const d = appendLocated(prevLocated(prev.details, prev.detailsLines), located(body, trimmedBody.at), 1);
        prev.details = d.text;
        prev.detailsLines = d.at;
      }
      if (trimmedOut.lines.length > 0) {
        const o = appendLocated(prevLocated(prev.output, prev.outputLines), located(trimmedOut.lines, trimmedOut.at), 0);
        prev.output = o.text;
        prev.outputLines = o.at;
      }
      if (prev.line === undefined && where.line !== undefined) prev.line = where.line;
      return;
    }
    const v = verbose.find((e) => e.id === id);
    const rec: RunRecord = { id, ...namesOf(id), outcome, index: v?.index ?? progressIndex(where.file, outcome) ?? ctx.nextIndex++ };
    if (where.file !== undefined) rec.file = where.file;
    if (where.line !== undefined) rec.line = where.line;
    if (message !== undefined) rec.message = message;
    if (body.length > 0) {
      rec.details = body.join("\n");
      rec.detailsLines = trimmedBody.at;
    }
    // Under -s nothing is captured: what the test printed is in the progress lines.
    setOutput(rec, trimmedOut.lines.length > 0 ? trimmedOut : printedBy.get(id));
    if (sec !== null) rec.logLine = sec.logLine;
    const n = reruns.get(id);
    if (n !== undefined) rec.priorAttempts = Array.from({ length: n }, (): PriorAttempt => ({ outcome: "failed" }));
    byId.set(id, rec);
    records.push(rec);
  };

  for (const sec of sections) {
    let id = resolve(sec);
    if (id === null && sec.key !== null) {
      id = sec.key;
      unresolved++;
    }
    if (id === null) {
      // A pasted excerpt starting inside a section: the test function's source line names it.
      const def = sec.body.map((l) => /^\s*(?:async )?def (test\w*)\(/.exec(l)?.[1]).find((n) => n !== undefined);
      if (def === undefined) {
        ctx.warnings.push(`${ctx.path}: the text starts inside a failure section whose test is not named; it was not used`);
        continue;
      }
      ctx.warnings.push(`${ctx.path}: the text starts inside a failure section; the test name "${def}" was read from its source line`);
      id = def;
    }
    add(id, sec, null);
  }
  // --tb=line: the sections carry no names; they are in the order of the summary's FAILED lines.
  const freeFailures = summary.filter((s) => !s.used && s.kind === "failure");
  headless.forEach((sec, k) => {
    const entry = freeFailures[k];
    if (entry === undefined) return;
    entry.used = true;
    add(entry.id, sec, entry);
  });
  for (const entry of summary) {
    if (entry.used) continue;
    entry.used = true;
    add(entry.id, null, entry);
  }
  if (unresolved > 0) {
    ctx.warnings.push(
      `${ctx.path}: ${unresolved} failure section(s) could not be matched to a node id (no short test summary or -v lines); their ids are pytest headlines`,
    );
  }

  // A worker that died is named in xdist's summary ("worker 'gw0' crashed while running ...");
  // a session cut before it (a job's time limit after the workers kept dying) names it nowhere
  // else: its test is the dump's first frame in a file under the rootdir.
  const rootdir = /^rootdir: (\/[^,\s]*|[A-Za-z]:\\[^,\s]*)/m.exec(lines.slice(0, MAX_HEADER_LINES).join("\n"))?.[1];
  for (const d of counts === null ? workerDumps : []) {
    if (rootdir === undefined) break;
    const dumpAt = trimLocated(lines.slice(d.start, d.end + 1), range(firstLineNo + d.start, d.end + 1 - d.start));
    const own = framesOf(dumpAt.lines).find((f) => f.fn !== undefined && f.fn !== "" && f.path.startsWith(`${rootdir}/`) && /\.py$/.test(f.path));
    if (own === undefined) continue;
    const file = own.path.slice(rootdir.length + 1);
    const id = `${file}::${own.fn}`;
    // Named already (xdist's summary, a -v line), perhaps with its class or parameters.
    const same = (other: string): boolean => other.startsWith(`${file}::`) && (other.endsWith(`::${own.fn}`) || other.includes(`::${own.fn}[`));
    if ([...byId.keys()].some(same) || summary.some((s) => same(s.id)) || verbose.some((v) => same(v.id))) continue;
    add(id, { kind: "failure", key: null, collecting: false, body: dumpAt.lines, captured: [], bodyAt: dumpAt.at, capturedAt: [], logLine: firstLineNo + d.start }, null);
    const rec = byId.get(id);
    const first = dumpAt.lines.find((l) => FATAL.test(l));
    if (rec !== undefined) rec.message = `${first !== undefined ? first.slice(first.search(FATAL)) : "Fatal Python error"} (a pytest-xdist worker died running it)`;
    ctx.warnings.push(`${ctx.path}: a pytest-xdist worker died in ${id}, and the log ends before xdist's summary; the id was read from the stack dump (a method's class is not shown there)`);
  }

  if (crash !== null) {
    const c = crash;
    const dumpAt = trimLocated(lines.slice(c.start), range(firstLineNo + c.start, lines.length - c.start));
    const dump = dumpAt.lines;
    const frames = framesOf(dump);
    let id = c.id;
    if (id === null && c.file !== null) {
      const file = c.file;
      // faulthandler lists the most recent call first: the first frame in the test file is the test.
      const fn = frames.find((f) => samePath(f.path, file) && f.fn !== undefined)?.fn;
      if (fn !== undefined) {
        id = `${file}::${fn}`;
        ctx.warnings.push(`${ctx.path}: the session died in ${file}; the test id ${id} was read from the stack dump (a method's class is not shown there)`);
      }
    }
    const what = c.kind === "timeout" ? "timed out (pytest-timeout ended the process)" : "crashed (Fatal Python error)";
    if (id === null) {
      ctx.warnings.push(`${ctx.path}: the session ${what} in a test whose id is not printed`);
    } else {
      const sec: Section = {
        kind: "failure",
        key: null,
        collecting: false,
        body: dump,
        captured: [],
        bodyAt: dumpAt.at,
        capturedAt: [],
        logLine: firstLineNo + c.start,
      };
      add(id, sec, null);
      const rec = byId.get(id);
      const first = dump.find((l) => FATAL.test(l));
      if (rec !== undefined) rec.message = first !== undefined ? first.slice(first.search(FATAL)) : "Timeout (pytest-timeout dumped the stacks and ended the process)";
      // pytest never printed its counts: the progress marks before the crash are the run's
      // record, the crashed test one more failure. Failures marked there have no details.
      let undetailed = 0;
      if (counts === null && verbose.length === 0 && progress.size > 0) {
        const c = emptyCounts();
        for (const [file, marks] of progress) {
          for (const { ch } of marks) {
            const outcome = MARK_OUTCOME[ch];
            if (outcome === undefined) continue;
            c.tests++;
            c[outcome]++;
            if (outcome === "failed" || outcome === "errored") {
              undetailed++;
              const u = unmatched.get(file) ?? { failed: 0, errored: 0 };
              u[outcome]++;
              unmatched.set(file, u);
            }
          }
        }
        c.tests++;
        c.failed++;
        counts = c;
      }
      const lost = undetailed > 0 ? `; ${undetailed} more failed or errored before it (F/E in the progress lines) with no details printed, so they are counted but not triaged (pytest writes no JUnit report when it dies): rerun them to see their failures` : "";
      ctx.warnings.push(`${ctx.path}: the session ${what} in ${id} before pytest printed its summary; counts are from the lines before the crash${lost}`);
    }
  } else if (counts === null && (sections.length > 0 || headless.length > 0 || sawSessionStart)) {
    // pytest-xdist without -v marks each result with no file: the marks are all the count there
    // is of a session cut before its summary (a crashed test's worker is marked F too).
    if (verbose.length === 0 && progress.size === 0 && looseMarks.length > 0) {
      const c = emptyCounts();
      for (const ch of looseMarks) {
        const outcome = MARK_OUTCOME[ch];
        if (outcome === undefined) continue;
        c.tests++;
        c[outcome]++;
      }
      const found = records.filter((r) => r.outcome === "failed" || r.outcome === "errored").length;
      const marked = c.failed + c.errored;
      if (marked >= found) {
        counts = c;
        if (marked > found) {
          ctx.warnings.push(`${ctx.path}: the progress marks show ${marked - found} more failed or errored test(s) whose failures were never printed (the session ended before pytest's failure sections): counted, not triaged; rerun them to see their failures`);
        }
      }
    }
    const open = sections.length > 0 || headless.length > 0 ? "failure sections without their end" : "a session start";
    // -v printed the test's id and never its result: it was running when the log ends (a hang
    // the job's time limit or a cancel ended, or a death that printed nothing). It failed.
    const running = lastStarted !== null && !byId.has(lastStarted) && !verbose.some((v) => v.id === lastStarted) ? lastStarted : null;
    if (running !== null) {
      const rec: RunRecord = { id: running, ...namesOf(running), outcome: "errored", index: ctx.nextIndex++, message: CUT_WHILE_RUNNING };
      if (printing !== null && printing.id === running) setOutput(rec, printing);
      byId.set(running, rec);
      records.push(rec);
    }
    const was = running !== null ? `; ${running} was running when it ends, and is triaged as errored` : "";
    ctx.warnings.push(`${ctx.path}: no final "=== N failed, M passed in Ts ===" line after ${open}: the log looks cut at the end; counts are from the tests found${was}`);
  }

  // Passed/skipped tests seen in -v lines matter only when they ran again (prior attempts).
  for (const v of verbose) {
    if (byId.has(v.id)) continue;
    const rec: RunRecord = { id: v.id, ...namesOf(v.id), outcome: v.outcome, index: v.index };
    if (v.outcome === "failed" || v.outcome === "errored") setOutput(rec, printedBy.get(v.id));
    const n = reruns.get(v.id);
    if (n !== undefined) rec.priorAttempts = Array.from({ length: n }, (): PriorAttempt => ({ outcome: "failed" }));
    byId.set(v.id, rec);
    records.push(rec);
  }
  if (counts === null && verbose.length > 0) {
    const c = emptyCounts();
    for (const r of records) {
      c[r.outcome === "errored" ? "errored" : r.outcome]++;
      c.tests++;
    }
    counts = c;
  }
  // pytest-randomly (and projects' conftest headers) print the run's seed once, above the tests:
  // each failing test of the run gets those lines, where seed recognisers and --seed-pattern
  // look after the test's own text.
  const headerSeeds = seedLinesOfHeader(lines);
  if (headerSeeds !== undefined) for (const r of records) if (r.outcome === "failed" || r.outcome === "errored") r.reportContext = headerSeeds;
  records.sort((a, b) => a.index - b.index);
  return { records, counts, ...(unmatched.size > 0 ? { unmatched } : {}) };
}

/** pytest-xdist after a worker's death: the controller carries on (`replacing crashed worker gw1`). */
const XDIST_RECOVERY = /^(?:\[gw\d+\] node down: Not properly terminated|replacing crashed worker gw\d+)\s*$/;
/** Lines a worker's stack dump may take before xdist says it carries on. */
const MAX_DUMP_LINES = 5000;

/** The line where xdist resumes after a worker's crash dump starting at `from`, or null when the session itself died. */
function xdistRecovery(lines: readonly string[], from: number): number | null {
  let found: number | null = null;
  for (let j = from; j < lines.length && j < from + MAX_DUMP_LINES; j++) {
    if (XDIST_RECOVERY.test(lines[j]!)) found = j;
    else if (found !== null) return found;
  }
  return found;
}

/** The end of pytest's session header: tests are collected, and the run begins. */
const HEADER_END = /^(?:collected \d+ items?|collecting \.\.\.|=+ (?:FAILURES|ERRORS|short test summary info) =+$)/;
/** Header lines looked at, and kept per line: a header is a dozen lines of plugin banners. */
const MAX_HEADER_LINES = 60;
const MAX_HEADER_LINE_CHARS = 300;

/** The lines of a run's header (before collection ends) that mention a seed, or undefined. */
function seedLinesOfHeader(lines: readonly string[]): string | undefined {
  const found: string[] = [];
  for (let i = 0; i < lines.length && i < MAX_HEADER_LINES; i++) {
    const l = lines[i]!;
    if (HEADER_END.test(l)) break;
    if (/seed/i.test(l)) found.push(l.slice(0, MAX_HEADER_LINE_CHARS));
  }
  return found.length > 0 ? found.join("\n") : undefined;
}

/** Parses a pytest console log (`pytest ... | tee pytest.log`, or an excerpt of one). */
export function parsePytestLog(text: string, path: string): ParsedInput {
  const warnings: string[] = [];
  const { text: norm, origin } = normaliseCiLog(text);
  const lines = dropCutTail(norm.split("\n"), norm, path, warnings);
  const starts: number[] = [];
  /** Line numbers (1-based, as parseRun counts) where a session a test printed begins. */
  const nested = new Set<number>();
  lines.forEach((l, i) => {
    if (!SESSION_START.test(l)) return;
    if (nestedSessionAt(lines, i)) nested.add(i + 1);
    else starts.push(i);
  });
  const bounds = starts.length === 0 || starts[0] !== 0 ? [0, ...starts] : starts;
  const ctx: Ctx = { path, warnings, nextIndex: 0 };
  const runs: Run[] = [];
  bounds.forEach((start, k) => {
    const end = bounds[k + 1] ?? lines.length;
    const run = parseRun(lines.slice(start, end), start + 1, ctx, nested);
    // Text before the first session (a CI job's set-up) is a run only if it shows tests.
    if (k === 0 && starts.length > 0 && start !== starts[0] && run.records.length === 0 && run.counts === null) return;
    runs.push(run);
  });
  const { tests, counts } = mergeRuns(runs, path, warnings, origin);
  if (tests.length === 0 && runs.every((r) => r.counts === null)) {
    warnings.push(`${path}: no pytest failure sections, summary lines or counts found`);
  }
  return { path, kind: "pytest-log", tests, counts, warnings: capWarnings(warnings, path) };
}
