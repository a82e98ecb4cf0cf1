/**
 * The results file jest writes with `--json --outputFile` and vitest with `--reporter=json`
 * (vitest copies jest's shape): one attempt's outcome, and whether the filter matched at all;
 * for the order check, the test's result in its whole file's run, and that run's process.
 */
import type { Invocation, Judgement } from "./types.js";

interface AssertionResult {
  status?: string;
  fullName?: string;
  failureMessages?: unknown[];
}
interface FileResult {
  status?: string;
  /** The test file's absolute path (jest). */
  name?: string;
  message?: string;
  assertionResults?: AssertionResult[];
}
interface JestJson {
  numFailedTests?: number;
  numFailedTestSuites?: number;
  numPassedTests?: number;
  testResults?: FileResult[];
}

/** jest's heading over a file that could not run; the reason is on the lines after it. */
const SUITE_FAILED_HEADING = /^●\s*Test suite failed to run$/;

function firstLine(s: unknown): string | undefined {
  if (typeof s !== "string") return undefined;
  const line = s.split("\n").find((l) => l.trim() !== "" && !SUITE_FAILED_HEADING.test(l.trim()));
  return line?.trim();
}

/**
 * jest reports a test file it cannot read like one that throws on import ("Test suite failed
 * to run"), but a missing file is a wrong path, not a failure of the test: not run.
 */
function missingFile(f: FileResult): boolean {
  return typeof f.name === "string" && typeof f.message === "string" && f.message.includes(`ENOENT: no such file or directory, open '${f.name}'`);
}

/** How a test that matched the filter and did not run is listed: skipped in its code or a todo. */
const SKIPPED = new Set(["pending", "skipped", "todo", "disabled"]);

/** The runner's `-t` filter, to find the test among the file's: tests it left out are listed as skipped too. */
export interface NameFilter {
  pattern: string;
  /** jest compiles `-t` case-insensitively, vitest as given. */
  flags: string;
}

/**
 * Passed when the filtered test passed; failed when it failed or its file could not run (an
 * import that throws fails the test as surely as an assertion); not run when nothing matched,
 * or when the test matched and skipped itself (`it.skip`, `ctx.skip()`, a todo: `skipped`).
 */
export function judgeJestJson(results: string | null, exitCode: number, what: string, filter?: NameFilter): Judgement {
  const read = readResults(results);
  if (typeof read === "string") {
    return exitCode === 0 ? { kind: "not-run", why: `${what} wrote ${read}` } : { kind: "failed", message: `exit code ${exitCode}` };
  }
  const { data, files, assertions } = read;
  const failed = assertions.find((a) => a.status === "failed");
  if ((data.numFailedTests ?? 0) > 0 || failed !== undefined) return failedWith(failed?.failureMessages);
  const broken = brokenFile(files);
  if (broken !== undefined && missingFile(broken)) return { kind: "not-run", why: `${what} could not find the test file ${broken.name ?? ""}` };
  if (broken !== undefined) {
    const message = firstLine(broken.message);
    return { kind: "failed", message: `the test file failed to run${message !== undefined ? `: ${message}` : ""}` };
  }
  if ((data.numPassedTests ?? 0) > 0 || assertions.some((a) => a.status === "passed")) return { kind: "passed" };
  // A hook of the test's describe block that throws (vitest's beforeAll) fails the file with no
  // message and lists the test as skipped: the test failed, it did not skip itself.
  if (exitCode !== 0 && (files.some((f) => f.status === "failed") || (data.numFailedTestSuites ?? 0) > 0)) {
    return { kind: "failed", message: `exit code ${exitCode}: the test file or a hook failed before the test ran` };
  }
  const own = filter !== undefined ? ownAssertion(assertions, filter) : undefined;
  if (own !== undefined && SKIPPED.has(own.status ?? "")) {
    return { kind: "not-run", why: `${what}: the test skipped itself (${own.status ?? ""})`, skipped: true };
  }
  return { kind: "not-run", why: `${what} found no test matching the name (all skipped or none collected)` };
}

/**
 * The runner stopped the test for its time: jest's `thrown: "Exceeded timeout of 5000 ms for a
 * test.`, vitest's `Test timed out in 5000ms.`, which vitest 4's JSON reporter shows as its
 * placeholder `Error: STACK_TRACE_ERROR` (the timeout error takes the stack captured when the
 * test was defined, and the header with it).
 */
const RUNNER_TIMEOUT = /Exceeded timeout of \d+ ?ms for a (?:test|hook)\b|^(?:Error: )?(?:Test|Hook) timed out in \d+ ?ms\b|^Error: STACK_TRACE_ERROR$/m;

/** The failed judgement of a test's failure messages: a timeout of the runner's, or a failure with its first line. */
function failedWith(messages: unknown[] | undefined): Judgement & { kind: "failed" } {
  const text = messages?.[0];
  if (typeof text === "string" && RUNNER_TIMEOUT.test(text)) return { kind: "failed", timedOut: true };
  const message = firstLine(text);
  return message !== undefined ? { kind: "failed", message } : { kind: "failed" };
}

/** Statuses of a test that ran (the rest were skipped, pending or todo). */
const RAN = new Set(["passed", "failed"]);

/**
 * The order check's run of the test's whole file: the test's own result, and how many tests
 * ran before it. jest lists a file's results in the order they ran (shuffled ones too); vitest
 * lists them in the file's order, so its run is made in that order (`--sequence.shuffle=false`).
 * Tests after it ran too and do not count: only its own result does.
 */
export function judgeRunUntil(results: string | null, what: string, filter: NameFilter): Judgement {
  const read = readResults(results);
  if (typeof read === "string") return { kind: "not-run", why: `${what} wrote ${read} for the test's file` };
  const { files, assertions } = read;
  const own = ownAssertion(assertions, filter);
  if (own === undefined || !RAN.has(own.status ?? "")) {
    const broken = brokenFile(files);
    const why = broken !== undefined ? `the test file failed to run: ${firstLine(broken.message) ?? ""}` : own === undefined ? "the test was not found in its file's results" : `the test did not run (${own.status ?? "no status"})`;
    return { kind: "not-run", why: `${what}: ${why}` };
  }
  let ranBefore = 0;
  for (const a of assertions) {
    if (a === own) break;
    if (RAN.has(a.status ?? "")) ranBefore++;
  }
  if (own.status === "passed") return { kind: "passed", ranBefore, finished: true };
  return { ...failedWith(own.failureMessages), ranBefore, finished: true };
}

/**
 * The order check's process: the test's whole file, judged by judgeRunUntil. A run the timeout
 * killed has no results (both runners write them at the end), so where it hung is not known.
 */
export function wholeFileInvocation(argv: string[], env: Record<string, string>, resultFile: string, what: "jest" | "vitest", filter: NameFilter): Invocation {
  return {
    argv,
    env,
    attempts: 1,
    reportsLines: false,
    judge: {
      runUntil: true,
      hungWithoutResult: `its file's run did not finish within the timeout (a test before or after it hung), and ${what} writes results only at the end`,
      resultFile,
      decide: (r) => judgeRunUntil(r.results, what, filter),
    },
  };
}

/** The results file parsed, its files and all their tests' results; or why there are none ("no results"). */
function readResults(results: string | null): { data: JestJson; files: FileResult[]; assertions: AssertionResult[] } | string {
  if (results === null) return "no results";
  let data: JestJson;
  try {
    data = JSON.parse(results) as JestJson;
  } catch {
    return "unreadable results";
  }
  const files = Array.isArray(data.testResults) ? data.testResults : [];
  return { data, files, assertions: files.flatMap((f) => (Array.isArray(f.assertionResults) ? f.assertionResults : [])) };
}

/** A test file the runner could not run, with its reason. */
function brokenFile(files: readonly FileResult[]): FileResult | undefined {
  return files.find((f) => f.status === "failed" && typeof f.message === "string" && f.message !== "");
}

/** The result of the test the filter selected: the one whose full name it matches. */
function ownAssertion(assertions: readonly AssertionResult[], filter: NameFilter): AssertionResult | undefined {
  let re: RegExp;
  try {
    re = new RegExp(filter.pattern, filter.flags);
  } catch {
    return undefined;
  }
  return assertions.find((a) => typeof a.fullName === "string" && re.test(a.fullName));
}

/** A regular expression matching exactly `text` (JS and RE2 syntax alike). */
export function exactPattern(text: string): string {
  return `^${escapePattern(text)}$`;
}

/** `text` with the characters special in a JS or RE2 regular expression escaped. */
export function escapePattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}
