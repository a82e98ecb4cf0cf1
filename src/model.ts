/**
 * The shared model: every reader produces it, the engine enriches it, every renderer and
 * adapter (CLI, GitHub Action, Jenkins) consumes it. The JSON report (schema/report.schema.json)
 * is a direct serialisation of `Report`, so a change here is a change to the public contract.
 */

/** How a test ended in the original (CI) run, as the report says. */
export type Outcome = "passed" | "failed" | "errored" | "skipped";

/** Which kind of input a file was detected as (by content, never by extension). */
export type InputKind = "junit" | "pytest-log" | "unittest-log" | "go-test-json" | "go-test-log" | "gtest-log" | "unknown";

/**
 * How to give a seed back to the test. A seed read from `MXNET_TEST_SEED=N` goes back as an
 * environment variable; pytest-randomly's as arguments; a bare `np.random.seed(N)` through our
 * pytest plugin, which seeds python's, numpy's and (if present) torch's global generators.
 */
export type SeedApply =
  | { kind: "env"; env: Record<string, string> }
  | { kind: "args"; args: string[] }
  | { kind: "global-rng"; value: string }
  | { kind: "hypothesis"; decorator: string }
  | { kind: "none"; why: string };

/** Where a piece of evidence was read: a file and 1-based line, when known. */
export interface SourceRef {
  file: string;
  line?: number;
}

export interface Seed {
  /** The seed as printed (kept as a string: seeds can exceed 2^53, hypothesis blobs are bytes). */
  value: string;
  /** Which recogniser matched, e.g. "mxnet-test-seed", "pytest-randomly", "user:0". */
  recogniser: string;
  source: SourceRef;
  apply: SeedApply;
  /** Further seeds of the same test (e.g. MXNet module seed next to the test seed). */
  related?: Seed[];
}

/** One test as read from the inputs (after joining JUnit with console output). */
export interface TestCase {
  /** Runner-native id: pytest node id `tests/x.py::TestC::test_y[p]`, Java `pkg.Class#m`, ... */
  id: string;
  classname: string;
  name: string;
  /** Test file relative to the project root (`--cwd`), when resolvable. */
  file?: string;
  /** 1-based line of the failure inside the test's own file, when known. */
  line?: number;
  outcome: Outcome;
  /** One-line failure message (first line of the failure text). */
  message?: string;
  /** Full failure text: traceback / stack trace / assertion details (capped, see constants). */
  details?: string;
  /** Captured output that belongs to this test (system-out, system-err, captured log/stdout). */
  output?: string;
  durationSec?: number;
  /** Previous attempts recorded in the report itself (surefire flakyFailure, pytest-rerunfailures). */
  priorAttempts?: PriorAttempt[];
  /**
   * The rerun driver the report's dialect implies ("vitest", "jest", "go"); absent when the
   * dialect has none or the test is pytest's (recognised by its node id).
   */
  runner?: string;
  /** Where this test's evidence came from: file (and line for logs). */
  sources: SourceRef[];
  /**
   * For text read from a console log: the 1-based log line of each line of `output` and of
   * `details` (same order and count), so a seed is reported where it stands in the log. Absent
   * when a field was capped or joined from several inputs (its lines no longer map).
   */
  logLines?: LogLines;
  /** Position of the test in the original run (for order-dependence checks). */
  index: number;
  /**
   * For a pytest test file that failed to collect because another file of its name was imported
   * first ("import file mismatch"): that file, project-relative. Collected alone, the test file
   * collects; collected after it, it fails as in CI.
   */
  clashesWith?: string[];
  /**
   * What the report says of the whole run that bears on this test: its seed attribute or
   * property (`random_seed="23"`), searched for a seed after the test's own text.
   */
  reportContext?: string;
  /**
   * Flags of the runner the CI run evidently used, read from its failure text before the text is
   * let go: a go test that failed under `-race` or `-timeout 5s` passes in a rerun without them.
   */
  ciFlags?: string[];
}

export interface LogLines {
  file: string;
  output?: number[];
  details?: number[];
}

export interface PriorAttempt {
  outcome: "passed" | "failed" | "errored";
  message?: string;
}

/** What a reader returns for one input file. */
export interface ParsedInput {
  path: string;
  kind: InputKind;
  tests: TestCase[];
  counts: Counts;
  /** Non-fatal problems: truncation, unknown elements, capped messages. Each names the file. */
  warnings: string[];
  /**
   * The first characters of a JUnit report (root element, first suite and its properties):
   * several runners name themselves or their seed there, not in any testcase.
   */
  head?: string;
}

export interface Counts {
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

/** The result of one rerun attempt. A discriminated union: states cannot disagree. */
export type Trial =
  | { kind: "passed"; seed?: string; durationSec: number; printed?: string }
  | {
      kind: "failed";
      seed?: string;
      durationSec: number;
      message?: string;
      /** Withheld credential-like variables the attempt read and found missing (pytest reruns). */
      withheld?: string[];
      /**
       * What the attempt printed, head and tail (pytest reruns): a seed it prints is compared
       * with the one CI printed (rerun/printed-seeds.ts).
       */
      printed?: string;
    }
  | { kind: "timedOut"; seed?: string; durationSec: number }
  | { kind: "crashed"; seed?: string; durationSec: number; signal?: string; exitCode?: number; message?: string }
  | { kind: "skipped"; seed?: string; durationSec: number; message?: string };

export type Verdict = "deterministic" | "intermittent" | "not-reproduced" | "not-rerun";

export type SeedSensitivity = "seed-specific" | "all-seeds" | "unknown";

export type Cause =
  | "tolerance"
  | "edge-case"
  | "regression"
  | "race-condition"
  | "order-dependence"
  | "timeout"
  | "crash"
  | "environment"
  | "unknown";

/** Tallies of one group of reruns. */
export interface RerunTally {
  runs: number;
  passed: number;
  failed: number;
  timedOut: number;
  crashed: number;
  /** True when reruns stopped before the requested count because the verdict could not change. */
  stoppedEarly: boolean;
}

export interface Reruns {
  sameSeed: RerunTally;
  /** `seeds`: every fresh seed tried, in order; `failingSeeds`: those whose attempt failed, timed out or crashed. */
  freshSeeds: RerunTally & { seeds: string[]; failingSeeds: string[] };
  /** Present when the test was rerun after its predecessors to check order dependence. */
  order?: RerunTally & { predecessors: number };
  /** Trials recorded in the original report (surefire flakyFailure, rerunfailures): counted in the verdict. */
  recorded?: RerunTally;
  /** Why reruns were not done or were cut short (budget, --no-rerun, no driver). */
  note?: string;
  /**
   * Seeds the same-seed reruns printed instead of the recorded one, which they were given: the
   * test draws its own seed and only prints it (rerun/printed-seeds.ts). Absent otherwise.
   */
  seedsPrintedInstead?: string[];
}

/** A parsed numeric near-miss and the fix it implies. */
export interface Tolerance {
  /** Which message format was recognised, e.g. "mxnet-assert-almost-equal", "numpy-allclose". */
  format: string;
  rtol: number | null;
  atol: number | null;
  /**
   * Violation ratio: |actual - expected| / (atol + rtol*|expected|) at the worst element. When the
   * message gave only the largest differences, possibly of different elements, an upper bound.
   */
  ratio: number | null;
  /** Set when `ratio` is an upper bound: the least the worst element's ratio can be. */
  ratioAtLeast?: number;
  actual?: number;
  expected?: number;
  dtype?: string;
  /** Non-finite values involved ("nan", "inf") where the comparison expected finite ones. */
  nonFinite?: string;
  /** Index of the worst element, as printed. */
  location?: string;
  suggestion: ToleranceSuggestion | null;
}

export interface ToleranceSuggestion {
  /** Which parameter to raise. */
  parameter: "rtol" | "atol";
  from: number;
  /** The next rung of the ladder above `from`. */
  to: number;
  /**
   * The smallest value of `parameter` (others unchanged) that makes the observed case pass. When
   * the message gave only the largest differences (numpy's "Max absolute/relative difference"),
   * possibly of different elements, this is an upper bound: a value that surely passes.
   */
  minimumPassing: number;
  /** Set when `minimumPassing` is an upper bound: the least the smallest passing value can be. */
  minimumPassingAtLeast?: number;
  /** How many rungs are needed to cover the observed case (1 = the next rung is enough). */
  rungsNeeded: number;
  /** Set when `to` exceeds the per-dtype guideline. */
  guidelineWarning?: string;
  text: string;
}

export interface Confidence {
  /** The probability the verdict rests on: e.g. P(pass) for deterministic, P(fail) for not-reproduced. */
  about: "pass-probability" | "failure-probability" | "none";
  /** Exact (Clopper-Pearson) one-sided 95% upper bound. */
  upperBound95: number | null;
  /** Point estimate k/n. */
  estimate: number | null;
  text: string;
  moreRerunsAdvised: boolean;
}

/** A test after triage: what was read plus what the engine concluded. */
export interface TriagedTest {
  id: string;
  file: string | null;
  line: number | null;
  classname: string;
  name: string;
  outcome: Outcome;
  message: string | null;
  verdict: Verdict;
  seedSensitivity: SeedSensitivity;
  cause: Cause;
  /** Why the engine picked this cause, in one or two sentences. */
  causeReason: string;
  seed: Seed | null;
  reruns: Reruns;
  tolerance: Tolerance | null;
  suggestion: string;
  /** A POSIX-shell command that reruns the test with its seed, quoted safely. */
  reproduce: string | null;
  confidence: Confidence;
}

export interface Summary extends Counts {
  deterministic: number;
  intermittent: number;
  notReproduced: number;
  notRerun: number;
  /**
   * Of the failing tests counted, those triaged with another failing testcase of the same id
   * (jest-junit, vitest and mocha write each `test.each` case of one title as its own testcase):
   * the verdicts add up to failed + errored minus this. Absent when none.
   */
  sharedId?: number;
}

export interface InputSummary {
  path: string;
  kind: InputKind;
  tests: number;
  warnings: string[];
}

export interface Report {
  schemaVersion: 1;
  tool: { name: "flaky-triage"; version: string };
  summary: Summary;
  inputs: InputSummary[];
  tests: TriagedTest[];
}
