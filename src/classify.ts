/**
 * Classification: from the rerun tallies, the seed, the parsed tolerance and the failure text
 * to a verdict, the seed sensitivity, a cause with its reason, and the statistical confidence.
 *
 * RULES (quoted by the README; keep them in sync with the code below)
 *
 * Verdict: same-seed reruns plus trials recorded in the report (surefire flakyFailure,
 * pytest-rerunfailures; a pass on rerun counts as a pass). A failing trial is failed, timed out
 * or crashed; skipped trials count for nothing.
 *   - all trials fail                 -> deterministic
 *   - some fail, some pass            -> intermittent
 *   - all trials pass                 -> not-reproduced
 *   - no trials                       -> not-rerun
 *   - order dependence: when the same-seed trials all pass but the trials run after the test's
 *     predecessors fail, the verdict comes from those order trials (all fail -> deterministic,
 *     mixed -> intermittent) and the cause is order-dependence.
 *
 * Seed sensitivity (deterministic only), from fresh-seed reruns: all fail -> all-seeds; at most
 * half fail -> seed-specific; otherwise, without fresh runs, or order-dependent -> unknown.
 *
 * Cause, first rule that applies:
 *   1. crash        crashed trials are more than half of the failing trials.
 *   2. timeout      timed-out trials are more than half of the failing trials, or the text
 *                   says timeout (pytest-timeout, TimeoutError, "timed out").
 *   3. environment  the text shows import/setup/missing-file problems (ImportError,
 *                   ModuleNotFoundError, FileNotFoundError, PermissionError, fixture not found,
 *                   ConnectionRefusedError, disk full). An import error whose lines name only
 *                   the project's own modules (HintContext.ownModule) is the code's: regression
 *                   when deterministic (a hypothesis when not rerun).
 *   3b. crash       the text shows a process dying by a signal (a worker's SIGSEGV, "Fatal
 *                   Python error"), even when the reruns themselves report plain failures.
 *   4. deterministic:
 *      order-dependence  the seed only orders the tests and the reruns replay that order (go
 *                   -shuffle), and some fresh seeds, that is fresh orders, pass: the recorded
 *                   order fails every time, others do not, so what runs before it decides.
 *      tolerance    a near miss (violation ratio <= NEAR_MISS_RATIO = 10: the reference calls an
 *                   error "close to 1" a tolerance problem; an order of magnitude leaves room for
 *                   float32 noise without calling 10x misses noise), or a check that cannot pass
 *                   by construction (atol=0 against expected 0) with an error within the dtype's
 *                   atol guideline.
 *      edge-case    seed-specific with non-finite values, overflow, a ratio > 10, or no numeric
 *                   evidence at all (random inputs found an unhandled case); also a failure
 *                   hypothesis shrank to a falsifying example (its search found the input),
 *                   unless fresh seeds all failed too or hypothesis says any generated value
 *                   fails (regression).
 *      regression   all-seeds and not a near miss: it fails whatever the seed; also when no
 *                   seed was printed and there are no fresh-seed runs to vary it, when the
 *                   reruns could not be given the printed seed (they ran on other inputs), and when the
 *                   reruns printed other seeds than the one given (each drew inputs of its own).
 *      unknown      a seed was printed but sensitivity is unknown (no fresh-seed runs).
 *      A regression or unknown cause whose text shows concurrent code (threads, processes,
 *      workers) says so: a race can fail every rerun under load.
 *   5. intermittent under the same seed:
 *      unknown      when only the report's own retries say so (no rerun of ours): a retry that
 *                   ran the test without the tests before it cannot tell a race from order
 *                   dependence.
 *      race-condition  when a seed the test reads (env, argument; not one that only orders the
 *                      tests, recognisers' ordersTestsOnly) was re-applied; otherwise only
 *                      with evidence of concurrency (threads, processes, workers in its text or
 *                      name). No seed, or one given only to the global generators (which
 *                      np.random.default_rng() and self-seeding fixtures escape), and no such
 *                      evidence -> unknown: unseeded randomness is as likely as a race. A printed
 *                      seed that could not be re-applied -> unknown as well, and so is one the
 *                      reruns were given but printed others in its place (Reruns.seedsPrintedInstead:
 *                      the test draws its own seed and only prints it).
 *   6. not-reproduced -> unknown (did not fail in N reruns), unless some fresh seeds failed (then
 *      order-dependence for a seed that orders the tests, go -shuffle: other orders fail;
 *      otherwise unknown, naming the failing seeds: some inputs break it, CI's did not here), or
 *      the text says timeout or environment (then that cause, since those depend on the machine,
 *      not the code); the reason says so when the reruns printed other seeds than CI's (its
 *      inputs were not tried).
 *   7. not-rerun -> the cause the text alone supports (crash, timeout, environment, tolerance
 *      near miss, non-finite/overflow edge case), flagged as a hypothesis until reruns confirm it.
 *
 * Confidence (exact Clopper-Pearson, stats.ts):
 *   - deterministic, 0 passes in n: about the pass probability; upperBound95 = one-sided 95%
 *     bound (10/10 failures -> "passes with probability < 26%").
 *   - not-reproduced, 0 failures in n: about the failure probability, bounded the same way
 *     (the exact form of the rule of three).
 *   - intermittent, k failures in n: estimate k/n with the two-sided 95% interval in the text;
 *     upperBound95 is the one-sided bound on the failure rate.
 *   - moreRerunsAdvised: n < MIN_TRIALS (5), or the bound the verdict rests on is above
 *     MAX_BOUND (0.3): e.g. 8/8 failures still allow a 31% pass rate. For intermittent the
 *     verdict is certain once both outcomes were seen, so only n < 5 applies.
 */
import type {
  Cause,
  Confidence,
  Reruns,
  RerunTally,
  Seed,
  SeedSensitivity,
  TestCase,
  Tolerance,
  ToleranceSuggestion,
  Verdict,
} from "./model.js";
import { causeHintsOfParts, findHint, type CauseHint, type HintContext } from "./diagnose/cause-hints.js";
import { DTYPE_GUIDELINES, formatLow, formatNeeded, formatRatio, formatTolerance, guidelineFor } from "./diagnose/ladder.js";
import { cannotPassByConstruction } from "./diagnose/tolerance.js";
import { failedWithImportMismatch, IMPORT_FILE_MISMATCH } from "./reports/pytest-ids.js";
import { ordersOnly, ordersTestsOnly, recogniserRunner } from "./seeds/recognisers.js";
import { interval, upperBound } from "./stats.js";

/** Violation ratio up to which a deterministic miss counts as a tolerance problem (see RULES). */
export const NEAR_MISS_RATIO = 10;
/** Fewer trials than this never support a confident verdict. */
export const MIN_TRIALS = 5;
/** A one-sided 95% bound above this is too weak to act on without more reruns. */
export const MAX_BOUND = 0.3;

export interface ClassifyInput {
  test: TestCase;
  seed: Seed | null;
  tolerance: Tolerance | null;
  reruns: Reruns;
  /** True when the reruns ran with the original seed applied (env/args/plugin/blob). */
  seedReapplied: boolean;
  /**
   * `failureHints(test)`, when the caller took them before letting the test's text go (the
   * pipeline drops each failure's text as soon as it has read it); else read from the text here.
   */
  hints?: readonly CauseHint[];
}

export interface Classification {
  verdict: Verdict;
  seedSensitivity: SeedSensitivity;
  cause: Cause;
  causeReason: string;
  confidence: Confidence;
  /** A deterministic failure whose text shows concurrent code: the fix should say a race can look so. */
  concurrentCode?: true;
}

interface Counts {
  n: number;
  passes: number;
  failures: number;
  timedOut: number;
  crashed: number;
}

function counts(...tallies: Array<RerunTally | undefined>): Counts {
  const c: Counts = { n: 0, passes: 0, failures: 0, timedOut: 0, crashed: 0 };
  for (const t of tallies) {
    if (t === undefined) continue;
    c.passes += t.passed;
    c.failures += t.failed + t.timedOut + t.crashed;
    c.timedOut += t.timedOut;
    c.crashed += t.crashed;
  }
  c.n = c.passes + c.failures;
  return c;
}

function verdictOf(c: Counts): Verdict {
  if (c.n === 0) return "not-rerun";
  if (c.failures === c.n) return "deterministic";
  if (c.passes === c.n) return "not-reproduced";
  return "intermittent";
}

function sensitivityOf(verdict: Verdict, reruns: Reruns): SeedSensitivity {
  if (verdict !== "deterministic") return "unknown";
  const fresh = counts(reruns.freshSeeds);
  if (fresh.n === 0) return "unknown";
  if (fresh.failures === fresh.n) return "all-seeds";
  if (fresh.failures <= fresh.n / 2) return "seed-specific";
  return "unknown";
}

/**
 * A probability as a percentage with two significant digits, rounded in the direction that
 * keeps a bound true ("< 26%" for 25.89%): up for upper bounds, down for lower bounds.
 */
function pct(p: number, rounding: "up" | "down" | "nearest" = "nearest"): string {
  if (p <= 0) return "0%";
  if (p >= 1) return "100%";
  const percent = p * 100;
  const scale = Math.pow(10, Math.floor(Math.log10(percent)) - 1);
  const round = rounding === "up" ? Math.ceil : rounding === "down" ? Math.floor : Math.round;
  // The epsilon keeps 30.000000000000004 from rounding up to 31.
  const nudge = rounding === "up" ? -1e-9 : rounding === "down" ? 1e-9 : 0;
  return `${Number((round(percent / scale + nudge) * scale).toPrecision(2))}%`;
}

function runs(n: number): string {
  return n === 1 ? "1 rerun" : `${n} reruns`;
}

function confidenceOf(verdict: Verdict, c: Counts): Confidence {
  switch (verdict) {
    case "deterministic": {
      const bound = upperBound(0, c.n);
      return {
        about: "pass-probability",
        upperBound95: bound,
        estimate: 0,
        text: `failed all ${runs(c.n)}: passes with probability < ${pct(bound, "up")} (exact 95% bound)`,
        moreRerunsAdvised: c.n < MIN_TRIALS || bound > MAX_BOUND,
      };
    }
    case "not-reproduced": {
      const bound = upperBound(0, c.n);
      return {
        about: "failure-probability",
        upperBound95: bound,
        estimate: 0,
        text: `passed all ${runs(c.n)}: fails with probability < ${pct(bound, "up")} (exact 95% bound)`,
        moreRerunsAdvised: c.n < MIN_TRIALS || bound > MAX_BOUND,
      };
    }
    case "intermittent": {
      const ci = interval(c.failures, c.n);
      const estimate = c.failures / c.n;
      return {
        about: "failure-probability",
        upperBound95: upperBound(c.failures, c.n),
        estimate,
        text:
          `failed ${c.failures} of ${runs(c.n)}: failure rate ${pct(estimate)} ` +
          `(95% interval ${pct(ci.lower, "down")}-${pct(ci.upper, "up")})`,
        moreRerunsAdvised: c.n < MIN_TRIALS,
      };
    }
    case "not-rerun":
      return NO_CONFIDENCE;
  }
}

/**
 * One object for every test not rerun (a report of 30,000 failures mostly holds those), frozen
 * so that no consumer can change it for all of them at once.
 */
const NO_CONFIDENCE: Confidence = Object.freeze({
  about: "none",
  upperBound95: null,
  estimate: null,
  text: "not rerun: no confidence beyond the failure text",
  moreRerunsAdvised: true,
});

/**
 * The reason of a test not rerun whose text points to no cause: most tests of a large report,
 * and one string per note (there are a handful), not one per test (~130 bytes each, held by
 * the report until it is written). Bounded, in case notes ever vary without end.
 */
function noCauseReason(note: string | undefined): string {
  let reason = noCauseReasons.get(note);
  if (reason === undefined) {
    reason = `not rerun${note !== undefined ? ` (${note})` : ""}, and the failure text alone points to no cause`;
    if (noCauseReasons.size < MAX_NO_CAUSE_REASONS) noCauseReasons.set(note, reason);
  }
  return reason;
}

const noCauseReasons = new Map<string | undefined, string>();
const MAX_NO_CAUSE_REASONS = 100;

/**
 * A test named for what it exercises (`parallelSum adds every value`, `test_concurrent_writes`):
 * evidence of concurrency where its failure text has none, as a race's often has not.
 */
const CONCURRENT_NAME = /thread|concurren|parallel|(?<![a-z])(?:race|lock)|mutex|worker|atomic|goroutine/i;

function concurrentName(name: string): CauseHint | undefined {
  return CONCURRENT_NAME.test(name) ? { kind: "concurrency", evidence: name.slice(0, 120) } : undefined;
}

function quote(hint: CauseHint): string {
  return `"${hint.evidence}"`;
}

/**
 * Concurrency evidence that names the machinery itself (threads, processes, a race detector):
 * a word such as "worker" or "parallel" in a message is too common to hedge a regression with.
 */
const STRONG_CONCURRENCY = /threading\.|Thread\(|ThreadPoolExecutor|concurrent\.futures|multiprocessing|asyncio\.|Lock\(\)|goroutine|t\.Parallel\(\)|Promise\.all|DATA RACE|race condition|deadlock|sync\.(?:WaitGroup|Mutex)|worker_threads|std::thread|pthread/;

/** Machine epsilon per dtype: an rtol below it asks for more digits than the values have. */
const EPSILON: Readonly<Record<string, number>> = { float16: 2 ** -10, float32: 2 ** -23, float64: 2 ** -52 };

/**
 * An rtol below the dtype's own precision (float32 values checked at rtol=1e-7), where what the
 * observed case needs is within the dtype's guideline: the check cannot hold whatever the seed,
 * so it is the tolerance, not a regression, however far the miss. Why, or undefined.
 */
function belowPrecision(tolerance: Tolerance): string | undefined {
  const { dtype, rtol, suggestion } = tolerance;
  const eps = dtype !== undefined ? EPSILON[dtype] : undefined;
  const guideline = guidelineFor(dtype);
  if (eps === undefined || guideline === undefined) return undefined;
  const absolute = belowResolution(tolerance, eps, guideline.atol);
  if (absolute !== undefined) return absolute;
  if (rtol === null || rtol >= eps) return undefined;
  if (suggestion === null || suggestion.parameter !== "rtol" || suggestion.minimumPassing > guideline.rtol) return undefined;
  return (
    `rtol ${formatTolerance(rtol)} is below ${dtype}'s precision (machine epsilon ${formatTolerance(Number(eps.toPrecision(2)))}): ` +
    `the observed case needs rtol ${neededText(suggestion)}, within the ${dtype} guideline of ${formatTolerance(guideline.rtol)}`
  );
}

/**
 * An absolute tolerance alone (googletest's EXPECT_NEAR) below what the dtype can resolve at the
 * values compared (float32 near 1.0 steps by 1.2e-7): a check of 1e-9 there cannot hold, so it
 * is the tolerance however far the miss, when what it needs is within the dtype's guideline.
 */
function belowResolution(tolerance: Tolerance, eps: number, guidelineAtol: number): string | undefined {
  const { dtype, rtol, atol, suggestion, expected, actual } = tolerance;
  if ((rtol !== null && rtol !== 0) || atol === null || suggestion === null || suggestion.parameter !== "atol") return undefined;
  const scale = Math.max(Math.abs(expected ?? 0), Math.abs(actual ?? 0));
  const resolution = eps * scale;
  if (!(scale > 0) || atol >= resolution || suggestion.minimumPassing > guidelineAtol) return undefined;
  return (
    `atol ${formatTolerance(atol)} is below what ${dtype} resolves at ${Number(scale.toPrecision(3))} (${formatTolerance(Number(resolution.toPrecision(2)))}): ` +
    `the observed case needs atol ${neededText(suggestion)}, within the ${dtype} guideline of ${formatTolerance(guidelineAtol)}`
  );
}

/** ">= X", or "between X and Y" when the message gave only bounds. */
function neededText(s: ToleranceSuggestion): string {
  return s.minimumPassingAtLeast === undefined
    ? `>= ${formatTolerance(s.minimumPassing)}`
    : `between ${formatLow(s.minimumPassingAtLeast)} and ${formatNeeded(s.minimumPassing)}`;
}

/** The atol guideline that bounds a by-construction failure; float32's when the dtype is unknown. */
function constructionLimit(tolerance: Tolerance): number {
  return (guidelineFor(tolerance.dtype) ?? DTYPE_GUIDELINES.float32).atol;
}

interface NumericSignal {
  nearMiss: boolean;
  construction: boolean;
  farMiss: boolean;
  nonFinite: string | undefined;
  overflow: CauseHint | undefined;
  describe: string;
}

function numericSignal(tolerance: Tolerance | null, hints: readonly CauseHint[]): NumericSignal {
  // A difference of zero cannot have failed the check: the printed values lost the digits that
  // differ. That says nothing about how near the miss was.
  const ratio = tolerance?.ratio !== null && tolerance?.ratio !== undefined && tolerance.ratio > 0 ? tolerance.ratio : null;
  // Only the largest differences printed (possibly of different elements): the ratio is known
  // between two values, and a miss is far only when it surely is. On 6,000 real and simulated
  // numpy failures (a review's), deciding by the lower bound called 64 of 1,627 far misses near
  // and no near miss far; by the upper bound, 98 of 397 near misses far ("a real bug, bisect");
  // by the bounds' geometric middle, 125 wrong in all.
  const judged = ratio === null ? null : (tolerance?.ratioAtLeast ?? ratio);
  const least = tolerance?.ratioAtLeast;
  const construction =
    tolerance !== null &&
    cannotPassByConstruction(tolerance) &&
    tolerance.suggestion!.minimumPassing <= constructionLimit(tolerance);
  const nonFinite = tolerance?.nonFinite ?? (findHint(hints, "non-finite") ? "nan/inf" : undefined);
  const precision = construction || tolerance === null ? undefined : belowPrecision(tolerance);
  const signal: NumericSignal = {
    nearMiss: judged !== null && judged <= NEAR_MISS_RATIO,
    construction: construction || precision !== undefined,
    farMiss: judged !== null && judged > NEAR_MISS_RATIO,
    nonFinite,
    overflow: findHint(hints, "overflow"),
    describe: "",
  };
  if (construction) {
    signal.describe =
      `atol=0 against an expected 0 cannot pass for any nonzero error ` +
      `(observed ${formatTolerance(tolerance!.suggestion!.minimumPassing)})`;
  } else if (precision !== undefined) {
    signal.describe = precision;
  } else if (ratio !== null) {
    signal.describe = `error ${formatRatio(ratio, least ?? null)} the allowed tolerance`;
  }
  return signal;
}

/** Why a failing import of the project's own module is a regression. */
const OWN_IMPORT = "an import of the project's own module fails: a name it needs moved or was removed, or modules import each other in a circle";

function textCause(
  hints: readonly CauseHint[],
  numeric: NumericSignal,
): { cause: Cause; because: string } | null {
  const crash = findHint(hints, "crash");
  if (crash) return { cause: "crash", because: `the output shows a crash (${quote(crash)})` };
  const timeout = findHint(hints, "timeout");
  if (timeout) return { cause: "timeout", because: `the text says it timed out (${quote(timeout)})` };
  const env = findHint(hints, "environment");
  if (env) return { cause: "environment", because: `the text shows a setup problem (${quote(env)})` };
  const own = findHint(hints, "own-import");
  if (own) return { cause: "regression", because: `${OWN_IMPORT} (${quote(own)})` };
  if (numeric.nearMiss || numeric.construction) {
    return { cause: "tolerance", because: numeric.nearMiss ? `a numeric near miss: ${numeric.describe}` : numeric.describe };
  }
  if (numeric.nonFinite !== undefined) {
    return { cause: "edge-case", because: `non-finite values (${numeric.nonFinite}) where finite ones were expected` };
  }
  if (numeric.overflow) return { cause: "edge-case", because: `an overflow (${quote(numeric.overflow)})` };
  return null;
}

/**
 * Whether giving `seed` back pins the test's random inputs: a seed the test reads itself (an
 * environment variable, an argument) does; one only fed to random's and numpy's global
 * generators does not (np.random.default_rng() and fixtures that pick their own seed escape it).
 */
/** Where a seed that pins only the global generators went, in the test's runner's terms. */
function globalSeedWords(test: TestCase, seed: Seed): string {
  if (ordersTestsOnly(seed)) {
    const of = recogniserRunner(seed.recogniser) ?? test.runner;
    return `given back as ${of !== undefined ? `${of}'s ` : "the "}test-order seed, which seeds nothing the test draws`;
  }
  const runner = test.runner ?? "pytest";
  if (runner === "pytest") return "given to random's and numpy's global generators only";
  return runner === "jest" ? "given back as jest's --seed only" : `given back to ${runner} as its seed only`;
}

export function pinsInputs(seed: Seed | null): boolean {
  return seed !== null && seed.apply.kind !== "global-rng" && !ordersTestsOnly(seed);
}

/** Whether the only trials are the report's own retries: flaky-triage reran nothing of its own. */
export function onlyRecordedRetries(reruns: Reruns): boolean {
  return reruns.sameSeed.runs === 0 && reruns.recorded !== undefined;
}

/** What the failure text alone says about the cause (message, details and output together). */
export function failureHints(test: TestCase, ctx: HintContext = {}): CauseHint[] {
  const hints = causeHintsOfParts([test.message, test.details, test.output].filter((t) => t !== undefined), ctx);
  // Two test files of one name imported as one module: the project's layout, where it is the
  // test's own failure (a file that failed to collect), not text a test printed.
  if (failedWithImportMismatch(test) && findHint(hints, "environment") === undefined) {
    return [...hints, { kind: "environment", evidence: IMPORT_FILE_MISMATCH }];
  }
  return hints;
}

/** Verdict, seed sensitivity, cause and confidence for one test. See RULES above. */
export function classify(input: ClassifyInput): Classification {
  const { test, seed, tolerance, reruns, seedReapplied } = input;
  const instead = reruns.seedsPrintedInstead !== undefined && reruns.seedsPrintedInstead.length > 0 ? reruns.seedsPrintedInstead : undefined;
  const hints = input.hints ?? failureHints(test);
  const numeric = numericSignal(tolerance, hints);

  const same = counts(reruns.sameSeed, reruns.recorded);
  const order = counts(reruns.order);
  const orderDependent =
    same.n > 0 && same.passes === same.n && reruns.order !== undefined && order.failures > 0;

  const basis = orderDependent ? order : same;
  const verdict = verdictOf(basis);
  // Fresh-seed runs of an order-dependent test ran alone and pass: they say nothing of seeds.
  const seedSensitivity = orderDependent ? "unknown" : sensitivityOf(verdict, reruns);
  const confidence = confidenceOf(verdict, basis);
  const done = (cause: Cause, causeReason: string): Classification => ({
    verdict,
    seedSensitivity,
    cause,
    causeReason,
    confidence,
  });

  if (orderDependent) {
    return done(
      "order-dependence",
      `passed all ${runs(same.n)} alone but failed ${order.failures} of ${order.n} after ` +
        `${reruns.order!.predecessors} earlier test${reruns.order!.predecessors === 1 ? "" : "s"}: state leaks from a predecessor`,
    );
  }

  if (verdict === "not-rerun") {
    const why = reruns.note !== undefined ? ` (${reruns.note})` : "";
    const guess = textCause(hints, numeric);
    if (guess === null) return done("unknown", noCauseReason(reruns.note));
    return done(
      guess.cause,
      `${guess.because}; a hypothesis from the failure text until reruns confirm it${why}`,
    );
  }

  if (verdict === "not-reproduced") {
    const timeout = findHint(hints, "timeout");
    const env = findHint(hints, "environment");
    // The order check passed too: say so, it rules out the commonest reason a test fails only in CI.
    const passed =
      reruns.order !== undefined && order.n > 0
        ? `did not fail in ${runs(same.n)} (nor in ${order.n} more after its ${reruns.order.predecessors} predecessors)`
        : `did not fail in ${runs(same.n)}`;
    const fresh = counts(reruns.freshSeeds);
    // Plain failures only: fresh seeds that timed out or crashed say what CI's text may say already.
    if (seed !== null && instead === undefined && fresh.failures - fresh.timedOut - fresh.crashed > 0) {
      return notReproducedButFresh(done, passed, seed, fresh, reruns.freshSeeds.failingSeeds);
    }
    if (timeout) {
      return done("timeout", `${passed}, but the original run timed out (${quote(timeout)}): likely a slow or overloaded CI machine`);
    }
    if (env) {
      return done("environment", `${passed}, but the original run had a setup problem (${quote(env)}): the CI environment differs`);
    }
    if (seed !== null && instead !== undefined) {
      return done("unknown", `${passed}, but not with CI's seed: ${drewItsOwn(seed, instead)}, so CI's inputs were never tried again`);
    }
    return done("unknown", passed);
  }

  // deterministic or intermittent from here on.
  if (same.crashed * 2 > same.failures) {
    return done("crash", `${same.crashed} of ${same.failures} failing reruns crashed`);
  }
  const timeoutHint = findHint(hints, "timeout");
  if (same.timedOut * 2 > same.failures) {
    return done("timeout", `${same.timedOut} of ${same.failures} failing reruns timed out`);
  }
  if (timeoutHint) return done("timeout", `the text says it timed out (${quote(timeoutHint)})`);
  const envHint = findHint(hints, "environment");
  if (envHint) return done("environment", `the text shows a setup problem (${quote(envHint)})`);
  const ownImport = findHint(hints, "own-import");
  if (ownImport && verdict === "deterministic") {
    return done("regression", `failed all ${runs(same.n)}: ${OWN_IMPORT} (${quote(ownImport)})`);
  }
  // A worker or subprocess the test depends on died by a signal: the test itself reports a
  // plain failure, so the tallies show no crash, but the cause is the crash.
  const crashHint = findHint(hints, "crash");
  if (crashHint) return done("crash", `the failure text shows a process dying (${quote(crashHint)})`);

  if (verdict === "deterministic") {
    const fresh = counts(reruns.freshSeeds);
    if (seed !== null && ordersOnly(seed) && fresh.passes > 0) {
      return done(
        "order-dependence",
        `failed all ${runs(same.n)} in its recorded order (seed ${seed.value}) but passed ${fresh.passes} of ` +
          `${fresh.n} fresh orders: which tests run before it decides`,
      );
    }
    const found = deterministicCause(done, same, fresh, seed, seedSensitivity, numeric, instead, seedReapplied, reruns.sameSeed.runs > 0);
    // A race that fails every rerun under the machine's load (our own parallel reruns among it)
    // reads as a regression: its concurrent code is worth a word before anyone bisects.
    const concurrency = findHint(hints, "concurrency");
    if (concurrency !== undefined && STRONG_CONCURRENCY.test(concurrency.evidence) && reruns.sameSeed.runs > 0 && (found.cause === "regression" || found.cause === "unknown")) {
      return {
        ...found,
        causeReason: `${found.causeReason}; its text shows concurrent code (${quote(concurrency)}): a race can fail every time under load, so rerun it alone (--jobs 1) before bisecting`,
        concurrentCode: true,
      };
    }
    return found;
  }

  // intermittent
  if (onlyRecordedRetries(reruns)) {
    // Only the report's own retries (gotestsum --rerun-fails, surefire, pytest-rerunfailures):
    // flaky-triage does not rerun a test that passed its retry, and a retry that ran the test
    // without the tests before it (gotestsum's does) cannot tell a race from order dependence.
    return done(
      "unknown",
      `failed ${same.failures} of the ${same.n} runs the report recorded (the test runner's own retries, ` +
        `not repeated here): a race, or order dependence when a retry ran it without the tests before it`,
    );
  }
  if (seed !== null && instead !== undefined) {
    return done(
      "unknown",
      `failed ${same.failures} of ${runs(same.n)}, each with inputs of its own: ${drewItsOwn(seed, instead)}; ` +
        `an unlucky draw cannot be told from a race until the test takes its seed back`,
    );
  }
  if (seed !== null && !seedReapplied) {
    return done(
      "unknown",
      `failed ${same.failures} of ${runs(same.n)}, but its seed ${seed.value} could not be ` +
        `re-applied: unseeded randomness cannot be ruled out`,
    );
  }
  // Inputs no seed pins (none printed, or one only for the global generators): a race needs
  // evidence of its own.
  const concurrency = findHint(hints, "concurrency") ?? concurrentName(test.name);
  if (!pinsInputs(seed) && concurrency === undefined) {
    return done(
      "unknown",
      `failed ${same.failures} of ${runs(same.n)} ${seed === null ? "with no seed printed" : `with its seed ${seed.value} ${globalSeedWords(test, seed)}`}: ` +
        `unseeded randomness (a generator of its own, a fixture that picks a seed) or a race, and its text shows no threads or processes`,
    );
  }
  const under =
    seed !== null
      ? `with the same seed ${seed.value}`
      : `with no seed printed, running concurrent code (${concurrency!.evidence === test.name ? `its name: ${quote(concurrency!)}` : quote(concurrency!)})`;
  const numericNote = numeric.nearMiss ? `; the ${numeric.describe} suggests nondeterministic numerics, not a tolerance problem` : "";
  return done(
    "race-condition",
    `failed ${same.failures} of ${runs(same.n)} ${under}: something outside the inputs varies between runs${numericNote}`,
  );
}

/**
 * The falsifying example of a failure hypothesis replays (its @reproduce_failure blob, or the
 * example itself) on one line, "" when only the blob was printed; null for other seeds.
 */
export function hypothesisExample(seed: Seed | null): string | null {
  if (seed === null) return null;
  const example = [seed, ...(seed.related ?? [])].find((s) => s.recogniser === "hypothesis-falsifying-example");
  if (seed.apply.kind !== "hypothesis" && example === undefined) return null;
  if (example === undefined) return "";
  // Hypothesis comments an argument any value of which fails: `x=0,  # or any other generated value`.
  const line = example.value
    .replace(/[ \t]*#[^\n]*/g, "")
    .replace(/\s*\n\s*/g, "")
    .replace(/,\)$/, ")");
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Whether hypothesis said that any generated value of an argument fails: no one input to fix. */
function anyValueFails(seed: Seed | null): boolean {
  return [seed, ...(seed?.related ?? [])].some((s) => s?.recogniser === "hypothesis-falsifying-example" && /# or any other generated value/.test(s.value));
}

/** What a test that printed other seeds than the one it was given did. */
/**
 * Not reproduced with CI's seed, yet some fresh seeds failed: evidence of its own, which "did not
 * fail in N reruns" hid (and the report showed green). A seed that orders the tests: other
 * orders fail, so the order decides. One that pins inputs: some inputs break it, CI's did not
 * here, so CI's failure had another cause or the seed does not pin what failed.
 */
function notReproducedButFresh(
  done: (cause: Cause, reason: string) => Classification,
  passed: string,
  seed: Seed,
  fresh: Counts,
  failingSeeds: readonly string[],
): Classification {
  const listed = failingSeeds.slice(0, 5).join(", ") + (failingSeeds.length > 5 ? ", ..." : "");
  const which = listed === "" ? "" : ` (${listed})`;
  if (ordersOnly(seed)) {
    return done(
      "order-dependence",
      `${passed} in CI's order (seed ${seed.value}) but failed ${fresh.failures} of ${fresh.n} other orders${which}: which tests run before it decides`,
    );
  }
  if (ordersTestsOnly(seed)) {
    return done(
      "unknown",
      `${passed} with CI's seed ${seed.value} but failed ${fresh.failures} of ${fresh.n} more runs with other seeds${which}, which only order the tests ` +
        `and it ran alone: it fails intermittently, from unseeded randomness or a race`,
    );
  }
  return done(
    "unknown",
    `${passed} with CI's seed ${seed.value}, but failed with ${fresh.failures} of ${fresh.n} fresh seeds${which}: some inputs break it, ` +
      `and CI's did not here, so CI's failure had another cause (a race, the machine) or the seed does not pin what failed`,
  );
}

function drewItsOwn(seed: Seed, instead: readonly string[]): string {
  return `given CI's seed ${seed.value}, they printed ${instead.join(", ")} (the test draws its own seed and only prints it)`;
}

function deterministicCause(
  done: (cause: Cause, reason: string) => Classification,
  same: Counts,
  fresh: Counts,
  seed: Seed | null,
  sensitivity: SeedSensitivity,
  numeric: NumericSignal,
  instead: readonly string[] | undefined,
  seedReapplied: boolean,
  /** Reruns of ours ran (not only the report's own iterations or retries). */
  ranByUs: boolean,
): Classification {
  const all = `failed all ${runs(same.n)}`;
  if (numeric.nearMiss || numeric.construction) {
    return done("tolerance", numeric.nearMiss ? `${all} with a near miss: ${numeric.describe}` : `${all}: ${numeric.describe}`);
  }
  const example = hypothesisExample(seed);
  if (example !== null && anyValueFails(seed)) {
    return done("regression", `${all}; hypothesis's falsifying example ${example} fails with any other generated value too: a real bug`);
  }
  if (example !== null && sensitivity !== "all-seeds") {
    // Hypothesis searched the inputs and shrank the failure to one: the fresh-seed question
    // ("edge case or regression?") is answered by the search itself.
    return done("edge-case", `${all}; hypothesis's falsifying example${example !== "" ? ` ${example}` : ""}: an input the code does not handle`);
  }
  if (seed !== null && instead !== undefined) {
    // Not CI's seed again and again: a draw of its own each time, as fresh seeds would be.
    return done("regression", `${all}, each with inputs of its own (${drewItsOwn(seed, instead)}): it fails whatever it draws`);
  }
  if (seed !== null && !seedReapplied && fresh.n === 0 && ranByUs && (seed.apply.kind === "args" || seed.apply.kind === "global-rng")) {
    // The reruns ran on the test's own default inputs (a --rerun-command without {seed} for a
    // seed given as an argument, or to the global generators): "with seed N" would claim what
    // never ran. (A seed fixed in the code, `new Random(42)`, ran in every rerun.) Failing without
    // CI's inputs as well, it fails whatever its inputs, as a test with no seed to vary does.
    return done("regression", `${all}, run without its seed ${seed.value} (the reruns could not be given it): it fails without CI's inputs too, a real bug`);
  }
  if (sensitivity === "seed-specific") {
    if (numeric.nonFinite !== undefined) {
      return done("edge-case", `${all} with its seed but not with most fresh seeds; non-finite values (${numeric.nonFinite})`);
    }
    if (numeric.overflow) {
      return done("edge-case", `${all} with its seed but not with most fresh seeds; overflow (${quote(numeric.overflow)})`);
    }
    if (numeric.farMiss) {
      return done("edge-case", `${all} with its seed but not with most fresh seeds; ${numeric.describe}, far beyond noise`);
    }
    return done("edge-case", `${all} with its seed but not with most fresh seeds: those inputs hit an unhandled case`);
  }
  if (sensitivity === "all-seeds") {
    return done("regression", `${all} and every fresh seed${numeric.describe ? ` (${numeric.describe})` : ""}: a real bug`);
  }
  if (seed === null) {
    return done("regression", `${all} and printed no seed to vary: a real bug`);
  }
  if (fresh.n > 0) {
    // More than half of the fresh seeds failed, but not all: neither a few unlucky inputs nor
    // every input.
    return done(
      "unknown",
      `${all} with seed ${seed.value} and ${fresh.failures} of ${fresh.n} fresh seeds: most inputs fail, some pass; ` +
        `what the passing ones have in common tells an edge case from a regression`,
    );
  }
  return done(
    "unknown",
    `${all} with seed ${seed.value}; without fresh-seed runs an edge case cannot be told from a regression`,
  );
}
