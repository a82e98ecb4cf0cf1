import type { Seed, TestCase } from "../../model.js";
import type { CopyIn } from "../copy-in.js";
import type { PlanRun } from "../pytest-plugin.js";

/** What one process should do. */
export interface InvocationRequest {
  test: TestCase;
  seed: Seed | null;
  /**
   * "repeat": the test itself, `attempts` times; "run-until": the tests that precede it (its
   * file's for pytest, its package's for go) and then it.
   */
  mode: "repeat" | "run-until";
  /** Attempts still wanted in this phase; the driver may cover fewer per process. */
  attempts: number;
  /** Fresh seed per attempt (fresh-seed phase), or null to apply the recorded seed as is. */
  freshSeeds: string[] | null;
  /** Where the plugin writes its JSON lines (drivers that report lines). */
  resultsFile: string;
  /** Private per-test directory for everything the run writes (JUnit XML, storage). */
  workDir: string;
  /** Stop repeating once both a pass and a failure were seen (the verdict cannot change). */
  stopWhenMixed: boolean;
  /**
   * End the forked child after each attempt that passes, so the next attempt starts clean
   * (pytest): a pass can leave what makes the next one pass (a client that connected once and
   * is cached), and passes are what "not reproduced" and "seed-specific" rest on. The pass
   * itself counts (running it again would bias the tally toward failures). Triage's phases want
   * it; verify's thousands of mostly passing trials do not pay for it (a fork costs ~10 ms).
   */
  freshPasses: boolean;
}

export interface Invocation {
  argv: string[];
  /** Added to the rerun environment. */
  env: Record<string, string>;
  /** How many of the requested attempts this process runs. */
  attempts: number;
  /** True when the process reports each attempt as a JSON line in `resultsFile`; otherwise
   * the process is one attempt and its exit status is the outcome. */
  reportsLines: boolean;
  /**
   * Project directories the process starts with in its own space (copied, never shared): the
   * hypothesis example database. Triage reruns copy them in; verify does not (it wants fresh
   * draws, not the CI run's saved failure).
   */
  copyIn?: CopyIn[];
  /**
   * For one-attempt processes whose exit status is not enough: vitest and `go test` exit 0
   * when their filter matched nothing, which must not count as a pass.
   */
  judge?: Judge;
}

/**
 * What one finished attempt amounted to, read from the runner's own results. `skipped`: the
 * test was selected and skipped itself (go's t.Skip; it.skip, ctx.skip() or it.todo in jest and
 * vitest). A rerun learns nothing from that and says why; verify counts it as a skipped trial
 * (BatchSpec.skipsAreTrials), left out of the failure rate.
 */
export type Judgement =
  | ({ kind: "passed" } & RanBefore)
  | ({ kind: "failed"; message?: string; timedOut?: true; crashed?: true } & RanBefore)
  | { kind: "not-run"; why: string; skipped?: true };

/**
 * `timedOut` on a failure: the runner itself stopped the test for running too long (jest's
 * "Exceeded timeout", vitest's "Test timed out", CTest's "***Timeout"), an attempt that timed
 * out as surely as one we killed. `crashed`: the runner saw the test's process die by a signal
 * (CTest's "***Exception: SegFault", "Subprocess aborted"), which a runner in between hides
 * from our own process status.
 */
interface RanBefore {
  /** Run-until mode (the order check): the test started, after this many other tests. */
  ranBefore?: number;
  /** Run-until mode: the test printed its own result, so a later hang is not its own. */
  finished?: boolean;
}

export interface Judge {
  /**
   * Called with each line of stdout until it returns true: the line that says the tests have
   * begun (build and start-up are over). The attempt's timeout then counts from there; until
   * then the start-up allowance applies.
   */
  startsAt?(line: string): boolean;
  /**
   * Called with each line of stdout: true once the judge has all it needs (the test's result,
   * and the next test has started), so the process is stopped instead of running on.
   */
  endsAt?(line: string): boolean;
  /**
   * The process runs the tests before this one, then it (the order check): killed by the
   * timeout, it is judged all the same, since what hung may be a test before or after it.
   */
  runUntil?: boolean;
  /**
   * What a run-until process killed by the timeout showed when its judge found no result of the
   * test's: by default that the tests before it never let it run. A runner that writes its
   * results only at the end (jest, vitest) cannot tell where it hung.
   */
  hungWithoutResult?: string;
  /** A file the runner writes its results to (read after it exits; may be missing). */
  resultFile?: string;
  decide(run: { exitCode: number; stdout: string; stderr: string; results: string | null }): Judgement;
}

export interface SeedSupport {
  /** The recorded seed can be given back to the test. */
  reapply: boolean;
  /** Fresh seeds can be given to it the same way. */
  fresh: boolean;
}

/**
 * Several tests' same-seed and fresh-seed attempts in one process (a capability: only drivers
 * that can keep tests apart inside one process have it; see batch.ts).
 */
export interface BatchSupport {
  /**
   * What the process must share for these attempts to run in it (file, process-level env
   * and arguments), or null when this request cannot share a process. Asked of same-seed
   * requests; requests with equal keys may run together.
   */
  key(req: InvocationRequest): string | null;
  /**
   * The request (same seed, or fresh seeds) as one run of the test's plan entry; null when it
   * cannot run in the process its key stands for (fresh seeds that only arguments can carry).
   */
  run(req: InvocationRequest): Omit<PlanRun, "stopFile" | "ackFile" | "ackAfter"> | null;
  /** The process that runs a plan file; `requests` (one per test, same-seed) all have the same key. */
  invocation(req: { requests: InvocationRequest[]; planFile: string; resultsFile: string; workDir: string }): Invocation;
}

export interface RerunDriver {
  readonly name: string;
  /** Fresh seeds one process may be given (verify's chunks); MAX_SEEDS_PER_PROCESS when unset. */
  readonly maxSeedsPerProcess?: number;
  /** Set when the driver can run several tests' attempts in one process. */
  readonly batch?: BatchSupport;
  /** Whether the driver can run a test after the tests that precede it (order-dependence check). */
  readonly orderCheck: boolean;
  /** Why this test cannot have an order check although the driver can do them, or null. */
  orderCheckRefusal?(test: TestCase, seed: Seed | null): string | null;
  /** Why this test must not be run by this driver (its id would be misread), or null. */
  refuse?(test: TestCase): string | null;
  seedSupport(seed: Seed | null): SeedSupport;
  invocation(req: InvocationRequest): Invocation;
  /** A POSIX-shell command line a developer can paste to rerun the test with its seed. */
  reproduceCommand(test: TestCase, seed: Seed | null): string;
  /**
   * For a test that fails only after the tests before it (drivers with an order check): the
   * command that runs it after them, since the test alone passes.
   */
  orderReproduceCommand?(test: TestCase, seed: Seed | null): string;
}

export interface DriverOptions {
  /** Python interpreter for the pytest driver. */
  python: string;
  /** `--rerun-command` template as argv, or null for the built-in drivers. */
  rerunCommand: readonly string[] | null;
  /** `--runner NAME`: this built-in driver for every test, whatever its report's dialect. */
  runner?: string | null;
}
