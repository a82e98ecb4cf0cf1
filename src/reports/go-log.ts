/**
 * Reads Go's own test output: `go test -json` (test2json events, which `gotestsum --jsonfile`
 * keeps as they are) and the text of `go test` / `go test -v` (also gotestsum's `standard-quiet`
 * and `standard-verbose` formats). It holds what the JUnit converters drop: go prints
 * `-test.shuffle N` once per package, before the package's first test, so each failing test of
 * that package carries what the package printed before its tests as output, where the
 * `go-shuffle` seed recogniser finds it.
 *
 * Ids are the JUnit converters' (`example.com/mod/pkg/TestX/sub`, subtest names as go prints
 * them, spaces already `_`), so the join merges a test's JUnit and console evidence.
 *
 * Counting rule (the JUnit reader's, applied to go's results): every test and subtest with a
 * result (`--- PASS/FAIL/SKIP` line, or pass/fail/skip event) is one test; a test that started
 * and has no result when its package failed (a panic, `-timeout`, os.Exit) failed, as gotestsum's
 * JUnit counts it; a result repeating the id of a failing test (`-count=N`, `gotestsum
 * --rerun-fails`) is another attempt of that test, counted once with its last outcome.
 * Packages that did not build and `[no test files]` are not tests (a build failure is a warning).
 * Without `-v` go prints failing tests only, so such a log counts only those.
 */
import type { Counts, ParsedInput, PriorAttempt, TestCase } from "../model.js";
import { normaliseCiLog } from "./ci-log.js";
import { capWarnings, dropCutTail, emptyCounts } from "./console-runs.js";
import {
  detach,
  firstLine,
  LEAN_DETAILS_CHARS,
  MAX_DETAILS_CHARS,
  MAX_LEAN_RETAINED_CHARS_PER_FILE,
  MAX_MESSAGE_CHARS,
  MAX_PRIOR_ATTEMPTS,
  MAX_RETAINED_CHARS_PER_FILE,
  MINIMAL_DETAILS_CHARS,
} from "./limits.js";

/**
 * What a package prints before its first test is kept up to this size (head and tail). It is
 * TestMain's setup output, then `-test.shuffle N`, which `testing.M.Run` prints last, just
 * before the first test; 16 KiB keeps that line whatever TestMain printed before it.
 */
const PREAMBLE_MAX_CHARS = 16 * 1024;

/**
 * test2json writes a test's output in events of at most 1 KiB of text (go 1.19
 * cmd/internal/test2json: outBuffer), a few KiB once escaped: a longer JSON line is not
 * test2json's, and is skipped rather than buffered without bound.
 */
const MAX_JSON_LINE_CHARS = 1024 * 1024;

type GoOutcome = "passed" | "failed" | "skipped";

/** A test's lines with the log line each was read from, keeping head and tail within `max`. */
class LineBuffer {
  private readonly head: string[] = [];
  private readonly headAt: number[] = [];
  private tail: string[] = [];
  private tailAt: number[] = [];
  private tailStart = 0;
  private headChars = 0;
  private tailChars = 0;
  private headFull = false;
  private cutLines = 0;
  private readonly half: number;

  constructor(max: number) {
    this.half = Math.max(1, Math.floor(max / 2));
  }

  get chars(): number {
    return this.headChars + this.tailChars;
  }

  get isEmpty(): boolean {
    return this.head.length === 0 && this.tail.length === this.tailStart;
  }

  push(raw: string, at: number): void {
    // Kept lines are copies: a slice would keep the whole log (or JSON chunk) it came from alive.
    const line = raw.length > this.half ? `${detach(raw.slice(0, this.half))} [... ${raw.length - this.half} characters cut]` : detach(raw);
    // Each line costs its newline too, so the joined text stays within the cap.
    const size = line.length + 1;
    if (!this.headFull && this.headChars + size <= this.half) {
      this.head.push(line);
      this.headAt.push(at);
      this.headChars += size;
      return;
    }
    this.headFull = true;
    this.tail.push(line);
    this.tailAt.push(at);
    this.tailChars += size;
    while (this.tailChars > this.half && this.tail.length - this.tailStart > 1) {
      this.tailChars -= (this.tail[this.tailStart]?.length ?? 0) + 1;
      this.tailStart++;
      this.cutLines++;
    }
    // Compact now and then, so dropping from the front stays linear.
    if (this.tailStart > 1024 && this.tailStart * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailStart);
      this.tailAt = this.tailAt.slice(this.tailStart);
      this.tailStart = 0;
    }
  }

  lines(): { lines: string[]; at: number[] } {
    const cut = this.cutLines > 0 ? [`[... ${this.cutLines} lines cut ...]`] : [];
    return {
      lines: [...this.head, ...cut, ...this.tail.slice(this.tailStart)],
      // The marker line was never in the log: 0 says so (seed sources skip it).
      at: [...this.headAt, ...cut.map(() => 0), ...this.tailAt.slice(this.tailStart)],
    };
  }
}

/** One run of one test inside a package. */
interface TestRun {
  name: string;
  index: number;
  /** Log line where the test's evidence starts. */
  logLine: number;
  lines: LineBuffer;
  outcome: GoOutcome | null;
  durationSec?: number;
  /** JSON output may stop mid-line: the rest comes in the next event. */
  partial: string;
  partialAt: number;
}

/** What a finished test hands to the file's tally: failing runs carry their text. */
interface Result {
  name: string;
  outcome: GoOutcome;
  index: number;
  run?: TestRun;
}

/** go's line for a package that did not build (or set up): no test of it ran. */
const NOT_BUILT = /^FAIL\t\S+ \[(?:build|setup) failed\]/;

/** A package-level line that says why a package failed when none of its tests did. */
const PACKAGE_PROBLEM = /^(?:panic: |fatal error: |FAIL\t\S+ \[(?:build|setup) failed\])/;

/** The shared state of one input file: counters, failing tests, the retention budget. */
class Tally {
  readonly counts: Counts = emptyCounts();
  readonly warnings: string[] = [];
  private readonly kept = new Map<string, Kept>();
  /** The last passing or skipped id: a failure right after it with the same id folds it in. */
  private lastUnkept: { id: string; outcome: GoOutcome } | null = null;
  private retained = 0;
  nextIndex = 0;

  constructor(readonly path: string) {}

  /** The cap for a test starting now: full text until the file's budget is spent, then lean, then minimal. */
  detailsCap(): number {
    if (this.retained < MAX_RETAINED_CHARS_PER_FILE) return MAX_DETAILS_CHARS;
    return this.retained < MAX_LEAN_RETAINED_CHARS_PER_FILE ? LEAN_DETAILS_CHARS : MINIMAL_DETAILS_CHARS;
  }

  /** Counts one result; keeps a failing one with its text and the package's `output` (shared, not copied). */
  add(pkg: string | undefined, r: Result, output: PackageOutput | null): void {
    const id = pkg === undefined ? r.name : `${pkg}/${r.name}`;
    const prev = this.kept.get(id);
    if (prev === undefined && r.outcome !== "failed") {
      this.count(r.outcome, +1);
      this.lastUnkept = { id, outcome: r.outcome };
      return;
    }
    const evidence = r.outcome === "failed" && r.run !== undefined ? toEvidence(r.run, output) : undefined;
    if (evidence !== undefined) this.retained += evidence.chars;
    if (prev === undefined) {
      const k: Kept = { id, classname: pkg ?? "", name: r.name, outcome: "failed", index: r.index, priorAttempts: [] };
      if (evidence !== undefined) k.evidence = evidence;
      if (this.lastUnkept?.id === id) {
        // The same test passed (or was skipped) just before: one test, two attempts.
        if (this.lastUnkept.outcome === "passed") k.priorAttempts.push({ outcome: "passed" });
        this.count(this.lastUnkept.outcome, -1);
      }
      this.lastUnkept = null;
      this.kept.set(id, k);
      this.count("failed", +1);
      return;
    }
    // Another attempt of a test already kept: counted once, with its latest outcome.
    this.count(prev.outcome, -1);
    this.count(r.outcome, +1);
    if (prev.outcome !== "skipped") prev.priorAttempts.push(attemptOf(prev));
    if (prev.priorAttempts.length > MAX_PRIOR_ATTEMPTS) {
      prev.priorAttempts.shift();
      prev.droppedAttempts = (prev.droppedAttempts ?? 0) + 1;
    }
    prev.outcome = r.outcome;
    // The last failing attempt's text is kept: that is where its seed was printed.
    if (evidence !== undefined) prev.evidence = evidence;
    this.lastUnkept = null;
  }

  private count(outcome: GoOutcome, by: 1 | -1): void {
    this.counts[outcome] += by;
    this.counts.tests += by;
  }

  tests(): TestCase[] {
    const out: TestCase[] = [];
    for (const k of [...this.kept.values()].sort((a, b) => a.index - b.index)) {
      if (k.droppedAttempts !== undefined) {
        this.warnings.push(`${this.path}: ${k.id} ran ${k.priorAttempts.length + k.droppedAttempts + 1} times; kept the last ${MAX_PRIOR_ATTEMPTS} prior attempts`);
      }
      // Passing tests are kept only when an earlier attempt failed (recorded trials).
      if (k.outcome !== "failed" && !k.priorAttempts.some((a) => a.outcome !== "passed")) continue;
      out.push(toTestCase(k, this.path));
    }
    return out;
  }
}

/** What a package printed before its tests, once per package: every failing test of it refers to the same copy. */
interface PackageOutput {
  text: string;
  at: number[];
}

interface Evidence {
  details: { lines: string[]; at: number[] };
  output?: PackageOutput;
  message?: string;
  logLine: number;
  durationSec?: number;
  chars: number;
}

interface Kept {
  id: string;
  classname: string;
  name: string;
  outcome: GoOutcome;
  index: number;
  priorAttempts: PriorAttempt[];
  droppedAttempts?: number;
  evidence?: Evidence;
}

function attemptOf(k: Kept): PriorAttempt {
  const outcome = k.outcome === "failed" ? "failed" : "passed";
  const message = outcome === "failed" ? k.evidence?.message : undefined;
  return message === undefined ? { outcome } : { outcome, message };
}

function toEvidence(run: TestRun, output: PackageOutput | null): Evidence {
  const details = run.lines.lines();
  const e: Evidence = { details, logLine: run.logLine, chars: run.lines.chars };
  const message = messageOf(details.lines, run);
  if (message !== undefined) e.message = message;
  if (output !== null) e.output = output;
  if (run.durationSec !== undefined) e.durationSec = run.durationSec;
  return e;
}

/** `    stats_test.go:38: Median(...) = 3, want 2.5` (t.Error/t.Fatal/t.Log, any depth). */
const GO_LOG_LINE = /^\s*([\w.-]{1,200}\.go:\d{1,9}):(?: (.*))?$/;
const TESTIFY_ERROR = /^\s+Error:\s+(\S.*)$/;
const CRASH_LINE = /^(?:panic|fatal error): .*$/;

/**
 * One line saying what went wrong: a panic; else testify's `Error:`; else the last
 * `file.go:N: message` (go prints t.Log and t.Error alike, and a test logs before it fails);
 * else its result line.
 */
function messageOf(lines: string[], run: TestRun): string | undefined {
  // A panic or a timeout is why the test failed, whatever it logged before.
  const crash = lines.find((l) => CRASH_LINE.test(l));
  if (crash !== undefined) return cap(crash);
  let last: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const m = GO_LOG_LINE.exec(lines[i] ?? "");
    if (m === null) continue;
    const own = (m[2] ?? "").trim();
    if (own === "") {
      // testify writes its message on the lines below an empty `file.go:N:` one.
      for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
        const testify = TESTIFY_ERROR.exec(lines[j] ?? "");
        if (testify !== null) return cap(`${m[1]}: ${(testify[1] ?? "").trim()}`);
      }
    }
    last = own === "" ? m[1] : `${m[1]}: ${own}`;
  }
  if (last !== undefined) return cap(last);
  if (run.outcome === null) return `no result: the test binary exited while ${run.name} ran`;
  if (run.name === "TestMain") {
    // A package that failed outside its tests (PackageRun.end): what it printed last says why.
    for (let i = lines.length - 1; i >= 0; i--) if ((lines[i] ?? "").trim() !== "") return cap((lines[i] ?? "").trim());
  }
  const result = lines.find((l) => /^\s*--- FAIL: /.test(l));
  return result === undefined ? undefined : cap(result.trim());
}

function cap(s: string): string | undefined {
  return firstLine(s, MAX_MESSAGE_CHARS);
}

function toTestCase(k: Kept, path: string): TestCase {
  const e = k.evidence;
  const t: TestCase = {
    id: k.id,
    classname: k.classname,
    name: k.name,
    outcome: k.outcome,
    sources: [e === undefined ? { file: path } : { file: path, line: e.logLine }],
    index: k.index,
  };
  if (e !== undefined) {
    if (e.message !== undefined) t.message = e.message;
    if (e.durationSec !== undefined) t.durationSec = e.durationSec;
    const logLines: NonNullable<TestCase["logLines"]> = { file: path };
    if (e.details.lines.length > 0) {
      t.details = e.details.lines.join("\n");
      logLines.details = e.details.at;
    }
    if (e.output !== undefined) {
      t.output = e.output.text;
      logLines.output = e.output.at;
    }
    if (logLines.details !== undefined || logLines.output !== undefined) t.logLines = logLines;
  }
  if (k.priorAttempts.length > 0) t.priorAttempts = k.priorAttempts;
  return t;
}

/**
 * One package's run. JSON events name their package; go's text names it only on its last
 * line (`ok  \tpkg`, `FAIL\tpkg`), so the text reader learns it when the package ends.
 */
class PackageRun {
  private readonly preamble = new LineBuffer(PREAMBLE_MAX_CHARS);
  /** What the package printed outside its tests once they began (a TestMain's check after m.Run). */
  private readonly trailer = new LineBuffer(PREAMBLE_MAX_CHARS);
  private preamblePartial = "";
  private started = false;
  /** Tests alive: running, or failed and still collecting what is printed after the result (a panic). */
  private readonly tests = new Map<string, TestRun>();
  private readonly results: Result[] = [];
  /** Why the package failed when no test did (a panic in TestMain, a build failure). */
  private problem: string | null = null;

  constructor(private readonly tally: Tally) {}

  get hasTests(): boolean {
    return this.started;
  }

  start(name: string, at: number): TestRun {
    this.started = true;
    const run: TestRun = {
      name,
      index: this.tally.nextIndex++,
      logLine: at,
      lines: new LineBuffer(this.tally.detailsCap()),
      outcome: null,
      partial: "",
      partialAt: at,
    };
    const prev = this.tests.get(name);
    // Started again before it reported: that run never finished (the log holds another run of the package).
    if (prev !== undefined && prev.outcome === null) this.results.push(crashed(prev));
    this.tests.set(name, run);
    return run;
  }

  /**
   * A whole line printed by `name` (or by the package when `name` is undefined). A test that
   * already passed keeps nothing: its text was let go.
   */
  line(name: string | undefined, text: string, at: number): void {
    if (name === undefined) this.packageLine(text, at);
    else this.tests.get(name)?.lines.push(text, at);
  }

  /** JSON output: text that may end mid-line, continued by the next event of the same test. */
  output(name: string | undefined, text: string, at: number): void {
    if (name === undefined) {
      const rest = splitLines(this.preamblePartial + text, at, (l) => this.packageLine(l, at));
      this.preamblePartial = rest.length > MAX_DETAILS_CHARS ? "" : rest;
      return;
    }
    const run = this.tests.get(name);
    if (run === undefined) return;
    const startAt = run.partial === "" ? at : run.partialAt;
    const rest = splitLines(run.partial + text, startAt, (l, lineAt) => run.lines.push(l, lineAt));
    if (rest.length > MAX_DETAILS_CHARS) {
      // A line without end as long as the test's whole cap: keep what fits, as one line.
      run.lines.push(rest, startAt);
      run.partial = "";
    } else {
      run.partial = rest;
      run.partialAt = rest === "" ? at : startAt;
    }
  }

  private packageLine(text: string, at: number): void {
    if (this.problem === null && PACKAGE_PROBLEM.test(text)) this.problem = detach(text.slice(0, 500));
    if (!this.started) this.preamble.push(text, at);
    else this.trailer.push(text, at);
  }

  /** A test's result; `line` is go's `--- FAIL: ...` line when read from text (JSON had it as output). */
  result(name: string, outcome: GoOutcome, durationSec: number | undefined, at: number, line?: string): void {
    // Without -v the result line is the first go prints of a test.
    const run = this.tests.get(name) ?? this.start(name, at);
    flushPartial(run);
    if (line !== undefined) run.lines.push(line, at);
    run.outcome = outcome;
    if (durationSec !== undefined && Number.isFinite(durationSec)) run.durationSec = durationSec;
    if (outcome === "failed") {
      this.results.push({ name, outcome, index: run.index, run });
      return;
    }
    // A passing test's text is not needed: drop it now, so memory does not grow with passes.
    this.tests.delete(name);
    this.results.push({ name, outcome, index: run.index });
  }

  /**
   * The package ended: `failed` when go said FAIL for it, `passed` for ok, `cut` when the input
   * stopped first, `not-built` after a build failure (already warned about). Hands its tests to
   * the tally under `pkg` (undefined: the text never named it).
   */
  end(pkg: string | undefined, how: "failed" | "passed" | "cut" | "not-built"): void {
    for (const run of this.tests.values()) flushPartial(run);
    const open = [...this.tests.values()].filter((r) => r.outcome === null);
    if (how === "failed") {
      this.results.push(...open.map(crashed));
    } else if (open.length > 0 && how === "cut") {
      this.tally.warnings.push(
        `${this.tally.path}: ${open.length} test(s) of ${pkg ?? "a package"} started and have no result (${open
          .slice(0, 3)
          .map((r) => r.name)
          .join(", ")}${open.length > 3 ? ", ..." : ""}): the output looks cut; they are not counted`,
      );
    }
    // go 1.24's -json reports a build failure as the package's output and fail event.
    const notBuilt = this.problem !== null && NOT_BUILT.test(this.problem);
    if (how === "failed" && pkg !== undefined && !notBuilt && !this.results.some((r) => r.outcome === "failed")) this.failedOutsideTests(pkg);
    this.results.sort((a, b) => a.index - b.index);
    // A build failure was warned about where go said so (its build-fail event, or its line).
    if (how === "failed" && !notBuilt && !this.results.some((r) => r.outcome === "failed")) {
      this.tally.warnings.push(
        `${this.tally.path}: ${pkg ?? "a package"} failed outside any test${this.problem !== null ? ` (${this.problem})` : ""}; there is no test to rerun`,
      );
    }
    let output: PackageOutput | null = null;
    if (!this.preamble.isEmpty && this.results.some((r) => r.outcome === "failed")) {
      const { lines, at } = this.preamble.lines();
      output = { text: lines.join("\n"), at };
    }
    for (const r of this.results) this.tally.add(pkg, r, output);
    this.results.length = 0;
    this.tests.clear();
  }

  /**
   * The package failed and no test of it said so. Without -v go prints nothing of a test that
   * was running when the binary died (a timeout's panic, os.Exit): the panic names it (`running
   * tests:` since go 1.21, its frame in the goroutine dump before that), and it failed. Else the
   * package failed outside its tests (TestMain exited before or after m.Run, an init panicked):
   * gotestsum names that TestMain, and so does this reader. Either way what the package printed
   * is the failure's text, and the failure is counted and rerun (the go driver runs TestMain as
   * the whole package, its tests with it) instead of reading "0 failing tests".
   */
  private failedOutsideTests(pkg: string): void {
    const before = this.preamble.lines();
    const after = this.trailer.lines();
    const lines = [...before.lines, ...after.lines];
    const at = [...before.at, ...after.at];
    const own = lines.flatMap((line, i) => (GO_PACKAGE_END.test(line) ? [] : [[line, at[i] ?? 0] as const]));
    const running = runningTests(lines, pkg);
    for (const name of running.length > 0 ? running : ["TestMain"]) {
      if (this.tests.has(name)) continue;
      const run = this.start(name, at[0] ?? 0);
      for (const [line, lineAt] of own) run.lines.push(line, lineAt);
      run.outcome = "failed";
      this.results.push({ name, outcome: "failed", index: run.index, run });
    }
  }
}

/** The tests a panic's text says were running: go 1.21's `running tests:` list, else test frames in the goroutine dump. */
function runningTests(lines: readonly string[], pkg: string): string[] {
  const names: string[] = [];
  const add = (name: string): void => {
    if (!names.includes(name) && names.length < MAX_RUNNING_NAMED) names.push(name);
  };
  const listed = lines.findIndex((l) => l === "running tests:");
  if (listed >= 0) {
    for (let i = listed + 1; i < lines.length; i++) {
      const m = RUNNING_TEST.exec(lines[i] ?? "");
      if (m === null) break;
      add(m[1] ?? "");
    }
    if (names.length > 0) return names;
  }
  for (const line of lines) {
    const m = TEST_FRAME.exec(line);
    if (m !== null && m[1] === pkg) add(m[2] ?? "");
  }
  return names;
}

/** `\tTestHangs (3s)` under go 1.21's `running tests:`. */
const RUNNING_TEST = /^\t(Test[^\s(]*) \([^)]*\)$/;
/** `example.com/m/pkg.TestHangs(0x0?)`: a test function's own frame (not a closure inside it). */
const TEST_FRAME = /^(\S+)\.(Test[^.(\s]*)\(/;
/** A dump naming more running tests than this (parallel tests) names the first of them. */
const MAX_RUNNING_NAMED = 20;

/** go's own lines at the end of a package's run: not why it failed. */
const GO_PACKAGE_END = /^(?:FAIL|ok|PASS)(?:\s|$)|^exit status \d+$|^coverage: /;

/** A test that started and never reported: the test binary died inside it. */
function crashed(run: TestRun): Result {
  return { name: run.name, outcome: "failed", index: run.index, run };
}

function flushPartial(run: TestRun): void {
  if (run.partial === "") return;
  run.lines.push(run.partial, run.partialAt);
  run.partial = "";
}

/** Calls `each` for every complete line of `text`; returns what follows the last newline. */
function splitLines(text: string, at: number, each: (line: string, at: number) => void): string {
  let start = 0;
  for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
    each(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl), at);
    start = nl + 1;
  }
  return start === 0 ? text : text.slice(start);
}

function finish(tally: Tally, kind: "go-test-json" | "go-test-log"): ParsedInput {
  const tests = tally.tests();
  return { path: tally.path, kind, tests, counts: tally.counts, warnings: capWarnings(tally.warnings, tally.path) };
}

// ---------------------------------------------------------------------------------------------
// go test -json

// A Map, not an object: an event's Action is untrusted ("constructor" is no outcome).
const ACTION_OUTCOME: ReadonlyMap<string, GoOutcome> = new Map([
  ["pass", "passed"],
  ["fail", "failed"],
  ["skip", "skipped"],
]);

/**
 * Streams `go test -json` output (one test2json event per line). Events of different packages
 * may interleave (`go test -json ./...` runs packages in parallel); each carries its package.
 * Lines that are not events (go 1.19 writes `FAIL\tpkg [build failed]` among them) are skipped.
 */
export class GoJsonReader {
  private readonly tally: Tally;
  private readonly packages = new Map<string, PackageRun>();
  private pending = "";
  private skippingLongLine = false;
  private lineNo = 0;
  private malformed = 0;
  private firstMalformed: number | null = null;

  constructor(readonly path: string) {
    this.tally = new Tally(path);
  }

  write(chunk: string): void {
    let start = 0;
    for (let nl = chunk.indexOf("\n"); nl !== -1; nl = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, nl);
      start = nl + 1;
      this.lineNo++;
      if (this.skippingLongLine) {
        this.skippingLongLine = false;
        this.pending = "";
        continue;
      }
      const line = this.pending === "" ? piece : this.pending + piece;
      this.pending = "";
      this.handleLine(line);
    }
    if (start < chunk.length && !this.skippingLongLine) {
      this.pending += chunk.slice(start);
      if (this.pending.length > MAX_JSON_LINE_CHARS) {
        this.pending = "";
        this.skippingLongLine = true;
        this.noteMalformed(this.lineNo + 1);
      }
    }
  }

  end(): ParsedInput {
    if (this.pending !== "" && !this.skippingLongLine) {
      this.lineNo++;
      this.handleLine(this.pending);
    }
    this.pending = "";
    for (const [pkg, run] of this.packages) run.end(pkg, "cut");
    this.packages.clear();
    if (this.malformed > 0) {
      this.tally.warnings.push(
        `${this.path}: ${this.malformed} line(s) are not go test -json events (first at line ${this.firstMalformed}); skipped`,
      );
    }
    return finish(this.tally, "go-test-json");
  }

  private noteMalformed(line: number): void {
    this.malformed++;
    this.firstMalformed ??= line;
  }

  private handleLine(raw: string): void {
    if (raw.length > MAX_JSON_LINE_CHARS) {
      this.noteMalformed(this.lineNo);
      return;
    }
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const trimmed = line.trim();
    if (trimmed === "") return;
    if (!trimmed.startsWith("{")) {
      const build = /^FAIL\t(\S+) \[(build|setup) failed\]/.exec(trimmed);
      if (build !== null) this.tally.warnings.push(`${this.path}: ${build[1]} did not build (${build[2]} failed); its tests did not run`);
      else if (!/^(?:# |\S+\.go:\d+:\d+: |\t)/.test(line)) this.noteMalformed(this.lineNo);
      return;
    }
    let event: unknown;
    try {
      event = JSON.parse(trimmed);
    } catch {
      this.noteMalformed(this.lineNo);
      return;
    }
    if (typeof event !== "object" || event === null) {
      this.noteMalformed(this.lineNo);
      return;
    }
    const e = event as Record<string, unknown>;
    const action = e["Action"];
    const pkg = e["Package"];
    if (typeof action !== "string") {
      this.noteMalformed(this.lineNo);
      return;
    }
    if (typeof pkg !== "string" || pkg === "") {
      // go 1.24 reports builds as events of their own (ImportPath, no Package).
      if (action === "build-fail" && typeof e["ImportPath"] === "string") {
        this.tally.warnings.push(`${this.path}: ${e["ImportPath"]} did not build; its tests did not run`);
      } else if (typeof e["ImportPath"] !== "string") {
        this.noteMalformed(this.lineNo);
      }
      return;
    }
    const test = typeof e["Test"] === "string" && e["Test"] !== "" ? e["Test"] : undefined;
    const at = this.lineNo;
    let run = this.packages.get(pkg);
    if (run === undefined) {
      run = new PackageRun(this.tally);
      this.packages.set(pkg, run);
    }
    const outcome = ACTION_OUTCOME.get(action);
    if (action === "output") {
      if (typeof e["Output"] === "string") run.output(test, e["Output"], at);
    } else if (action === "run") {
      if (test !== undefined) run.start(test, at);
    } else if (outcome !== undefined) {
      if (test !== undefined) {
        const elapsed = e["Elapsed"];
        run.result(test, outcome, typeof elapsed === "number" ? elapsed : undefined, at);
      } else {
        // The package's own result: its tests are done (a skip is `[no test files]`).
        run.end(pkg, outcome === "failed" ? "failed" : "passed");
        this.packages.delete(pkg);
      }
    }
    // start, pause, cont, bench, build-output: nothing to keep.
  }
}

/** Parses a whole `go test -json` text (tests and `explain`; files are streamed through GoJsonReader). */
export function parseGoTestJson(text: string, path: string): ParsedInput {
  const r = new GoJsonReader(path);
  r.write(text);
  return r.end();
}

// ---------------------------------------------------------------------------------------------
// go test / go test -v text

/** `=== RUN   TestX/sub`, `=== PAUSE`, `=== CONT` (`=== NAME` from go 1.20 on). */
const UPDATE = /^=== (RUN|PAUSE|CONT|NAME) +(\S+)\s*$/;
/** `--- FAIL: TestX/sub (0.00s)`, indented four spaces per level when nested under its parent's. */
const REPORT = /^((?: {4})*)--- (PASS|FAIL|SKIP|BENCH): (\S+)(?: \((\d+(?:\.\d+)?)s\))?\s*$/;
const PKG_OK = /^ok {2}\t(\S+)(?:\t|\s*$)/;
const PKG_FAIL = /^FAIL\t(\S+)(?: \[(build failed|setup failed)\]|\t|\s*$)/;
const PKG_NO_TESTS = /^\? {3}\t(\S+)\t\[no test files\]/;
/** The bare PASS/FAIL go prints after a package's tests, before its summary line. */
const TESTS_DONE = /^(?:PASS|FAIL)\s*$/;
/** gotestsum repeats failures after the run (`=== Failed`, `=== FAIL: pkg TestX`) up to `DONE N tests`. */
const GOTESTSUM_SECTION = /^=== (?:Failed|Skipped|Errors)\s*$/;
const GOTESTSUM_DONE = /^DONE(?: \d+ runs?,)? \d+ tests?\b/;
/** Compiler output (on stderr, often mixed into the log): `# pkg` and the error lines under it. */
const BUILD_HEADER = /^# \S/;
const COMPILER_LINE = /^(?:\S+\.go:\d+(?::\d+)?: |\t|note: |too many errors)/;

const REPORT_OUTCOME: Readonly<Record<string, GoOutcome>> = { PASS: "passed", FAIL: "failed", SKIP: "skipped" };

/** Parses the text of `go test` or `go test -v` (several packages, CI decorations, excerpts). */
export function parseGoTestLog(text: string, path: string): ParsedInput {
  const tally = new Tally(path);
  const { text: norm, origin } = normaliseCiLog(text);
  const lines = dropCutTail(norm.split("\n"), norm, path, tally.warnings);
  let pkg = new PackageRun(tally);
  /** The test go's output is about now: named by the last `===` or `---` line. */
  let current: string | undefined;
  /** Tests whose `--- ` lines are open, by indentation: `go test` without -v prints a test's output under them. */
  let stack: string[] = [];
  let verbose = false;
  let quietFailures = false;
  let inGotestsum = false;
  let inBuild = false;

  const endPackage = (name: string | undefined, how: "failed" | "passed" | "cut" | "not-built"): void => {
    pkg.end(name, how);
    pkg = new PackageRun(tally);
    current = undefined;
    stack = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    const at = origin[i] ?? i + 1;
    if (inGotestsum) {
      if (GOTESTSUM_DONE.test(l)) inGotestsum = false;
      continue;
    }
    if (GOTESTSUM_SECTION.test(l)) {
      inGotestsum = true;
      continue;
    }
    if (inBuild) {
      if (COMPILER_LINE.test(l)) continue;
      inBuild = false;
    }
    if (BUILD_HEADER.test(l)) {
      inBuild = true;
      continue;
    }
    const update = UPDATE.exec(l);
    if (update !== null) {
      const name = update[2] ?? "";
      verbose = true;
      stack = [];
      current = name;
      if (update[1] === "RUN") pkg.start(name, at);
      pkg.line(name, l, at);
      continue;
    }
    const report = REPORT.exec(l);
    if (report !== null && report[2] !== "BENCH") {
      const depth = (report[1] ?? "").length / 4;
      // Deeper than the open reports: go did not print this one (test2json reads it as output).
      if (depth <= stack.length) {
        const name = report[3] ?? "";
        stack = [...stack.slice(0, depth), name];
        current = name;
        const outcome = REPORT_OUTCOME[report[2] ?? ""] ?? "failed";
        if (!verbose && outcome === "failed") quietFailures = true;
        pkg.result(name, outcome, report[4] === undefined ? undefined : Number(report[4]), at, l);
        continue;
      }
    }
    const ok = PKG_OK.exec(l);
    const failed = ok === null ? PKG_FAIL.exec(l) : null;
    if (ok !== null || failed !== null) {
      const name = (ok ?? failed)?.[1];
      const notBuilt = failed?.[2];
      if (notBuilt !== undefined) tally.warnings.push(`${path}: ${name} did not build (${notBuilt}); its tests did not run`);
      endPackage(name, ok !== null ? "passed" : notBuilt !== undefined ? "not-built" : "failed");
      continue;
    }
    if (PKG_NO_TESTS.test(l)) {
      endPackage(undefined, "passed");
      continue;
    }
    if (TESTS_DONE.test(l)) {
      current = undefined;
      stack = [];
      continue;
    }
    // Output: by its indentation it belongs to an open report (no -v), else to the current test.
    let indent = 0;
    while (l.startsWith("    ", indent * 4)) indent++;
    if (indent > 0 && indent <= stack.length) current = stack[indent - 1];
    pkg.line(current, l, at);
  }
  if (pkg.hasTests) {
    tally.warnings.push(
      `${path}: the last package's output has no "ok" or "FAIL" line naming it; its tests' ids are their bare names (the log looks cut)`,
    );
    endPackage(undefined, "cut");
  }
  if (quietFailures) {
    tally.warnings.push(`${path}: go test ran without -v, which prints failing tests only: counts are of those (run go test -v, or -json, in CI)`);
  }
  return finish(tally, "go-test-log");
}
