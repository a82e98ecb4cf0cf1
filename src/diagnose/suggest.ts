/**
 * One actionable line per triaged test: what to change, where, and how far. The fixes follow
 * the manual process: tolerance one rung at a time, edge cases fixed and covered, races fixed
 * with the least synchronisation, never by loosening tolerances.
 */
import { hypothesisExample, onlyRecordedRetries, pinsInputs } from "../classify.js";
import type { Cause, Reruns, Seed, TestCase, Tolerance, Verdict } from "../model.js";
import { shellQuoteCommand } from "../render/shell-quote.js";
import { passEnvAskedIn } from "../rerun/withheld.js";
import { ordersOnly, ordersTestsOnly } from "../seeds/recognisers.js";
import { upperBound } from "../stats.js";
import { formatRatio, formatTolerance } from "./ladder.js";

/** Trials suggested to verify a non-reproduced failure: bounds the failure rate below 3%. */
export const VERIFY_TRIALS = 100;

/** The first three seeds of a list, "..." for the rest: what a one-line fix names. */
function firstSeeds(seeds: readonly string[]): string {
  return seeds.slice(0, 3).join(", ") + (seeds.length > 3 ? ", ..." : "");
}

function where(test: TestCase): string {
  if (test.file === undefined) return "";
  return test.line !== undefined ? ` in ${test.file}:${test.line}` : ` in ${test.file}`;
}

function withSeed(seed: Seed | null): string {
  if (seed === null) return "";
  if (seed.apply.kind === "hypothesis") return ` (replay with ${seed.apply.decorator})`;
  // A hypothesis falsifying example is evidence, not a seed to name.
  if (seed.recogniser === "hypothesis-falsifying-example") return " with its falsifying example";
  return ` with seed ${seed.value}`;
}

function toleranceFix(test: TestCase, tolerance: Tolerance | null): string {
  const s = tolerance?.suggestion;
  if (s === undefined || s === null) {
    return `loosen the tolerance${where(test)} one rung at a time (e.g. 1e-5 -> 5e-5, not straight to 1e-3), re-running after each step`;
  }
  // Put the location right after the action: "raise atol 1e-5 -> 5e-5 in x.py:42 (one rung; ...)".
  // The last " (" opens the detail: a runner's label may hold one ("withPercentage (as a fraction)").
  const cut = s.text.lastIndexOf(" (");
  const text = cut === -1 ? `${s.text}${where(test)}` : `${s.text.slice(0, cut)}${where(test)}${s.text.slice(cut)}`;
  return s.guidelineWarning !== undefined ? `${text}; ${s.guidelineWarning}` : text;
}

function edgeCaseFix(test: TestCase, tolerance: Tolerance | null, seed: Seed | null, reruns: Reruns | undefined): string {
  const at = tolerance?.location !== undefined ? ` at index ${tolerance.location}` : "";
  const cover = "fix that input's handling, add it as a fixed test case and check neighbouring edge cases";
  if (tolerance?.nonFinite !== undefined) {
    const value = tolerance.nonFinite === "nan" ? "NaN" : "inf";
    return `${value}${at}${withSeed(seed)}: find the operation producing it (division by zero, log/sqrt of a non-positive, overflow)${where(test)}; ${cover}`;
  }
  if (tolerance?.ratio !== null && tolerance?.ratio !== undefined && tolerance.ratio > 0) {
    return `error ${formatRatio(tolerance.ratio, tolerance.ratioAtLeast ?? null)} the tolerance${at}${withSeed(seed)}: inspect the inputs that seed generates${where(test)}; ${cover}`;
  }
  const example = hypothesisExample(seed);
  if (example !== null) {
    return (
      `fails for hypothesis's falsifying example${example !== "" ? ` ${example}` : ""}${withSeed(seed).replace(" with its falsifying example", "")}: ` +
      `fix that input's handling${where(test)} (or narrow the strategy if such inputs are out of scope) and keep it tested with @example(...)`
    );
  }
  // "Only" when no fresh seed failed: the fresh ones that did are inputs to fix as well.
  const fresh = reruns?.freshSeeds;
  const others = fresh !== undefined && fresh.failingSeeds.length > 0 && withSeed(seed) !== ""
    ? ` and ${fresh.failed + fresh.timedOut + fresh.crashed} of ${fresh.runs} fresh seeds (${firstSeeds(fresh.failingSeeds)})`
    : "";
  const lead = others === "" ? `fails only${withSeed(seed) || " with particular inputs"}` : `fails${withSeed(seed)}${others}`;
  return `${lead}: reproduce it${where(test)}, ${cover}`;
}

function verifyFix(test: TestCase, reruns: Reruns | undefined, how: RerunHow | undefined): string {
  const n = reruns !== undefined ? reruns.sameSeed.runs + (reruns.recorded?.runs ?? 0) : 0;
  const why = [
    ...(n > 0 ? [`${n} passing reruns only bound its failure rate below ${Math.round(upperBound(0, n) * 100)}%`] : []),
    // Reruns run the test alone and after its own file's tests; in CI other files ran before it
    // too (go runs each package in a process of its own: no such order there). A template's
    // reruns run it alone only: not even its own file's (or binary's) tests went before it.
    ...((how?.template ?? null) !== null
      ? ["the tests that ran before it in CI (in its file or binary too) were not run before it here: run them together, with the seed"]
      : test.runner === "go"
        ? []
        : ["tests of other files that ran before it in CI were not tried"]),
  ];
  return `not reproduced${why.length > 0 ? ` (${why.join("; ")})` : ""}: verify with more trials before closing it (${verifyCommand(test, how)})`;
}

/**
 * The verify command for this test, run from the project root: its id quoted, and how this run
 * reran it (the runner it forced or the dialect's, or its --rerun-command template, rebuilt so
 * that verify splits it into the same words) and read its seed (--seed-pattern), which verify
 * needs to learn how to give the test its seed.
 */
function verifyCommand(test: TestCase, how: RerunHow | undefined): string {
  const argv = ["flaky-triage", "verify"];
  // An id no shell can pass (a NUL) is left for the user to fill in.
  argv.push(test.id.includes("\0") ? "TEST_ID" : test.id);
  // A dialect only names a built-in driver (vitest, jest, go); pytest is verify's default.
  const runner = how?.runner ?? test.runner;
  const template = how?.template ?? null;
  if (template !== null) argv.push("--rerun-command", shellQuoteCommand(template));
  else if (runner !== undefined && runner !== null && runner !== "pytest") argv.push("--runner", runner);
  for (const p of how?.seedPatterns ?? []) argv.push("--seed-pattern", p);
  argv.push("--trials", String(VERIFY_TRIALS));
  return shellQuoteCommand(argv);
}

/** How to see where a crashing test dies, in its runner's terms (python's for pytest and unknown runners; gdb for a template). */
function crashAdvice(runner: string | null | undefined): string {
  switch (runner) {
    case "go":
      return "rerun it with GOTRACEBACK=all (or under dlv or gdb) to see every goroutine where it dies";
    case "jest":
    case "vitest":
      return "rerun it alone with node --trace-uncaught --trace-exit (or under gdb for a native addon) to locate the fault";
    case "template":
      return "rerun it under gdb (or with your runner's crash handler on) to locate the native fault";
    default:
      return "rerun with python -X faulthandler (or under gdb) to locate the native fault";
  }
}

/** How the run reran tests, which a verify command must repeat. */
export interface RerunHow {
  /** --runner, when the run forced one. */
  runner: string | null;
  /** The --rerun-command template's words, when the run used one. */
  template: readonly string[] | null;
  /** The sources of the run's --seed-pattern expressions. */
  seedPatterns?: readonly string[];
}

export interface SuggestInput {
  test: TestCase;
  verdict: Verdict;
  cause: Cause;
  tolerance: Tolerance | null;
  seed: Seed | null;
  /** Sharpens the not-reproduced advice with the number of passing reruns. */
  reruns?: Reruns;
  /** How the run reran it: its verify command must do the same. */
  how?: RerunHow;
  /** Its text or name shows concurrent code (threads, processes, workers). */
  concurrent?: boolean;
  /** Fresh seeds whose attempts failed plainly (Reruns' failingSeeds holds timeouts and crashes too). */
  failedPlainly?: readonly string[] | undefined;
}

/** pytest's message for a strict xfail that passed: `[XPASS(strict)] reason`. */
const XPASS_STRICT = /^\[XPASS\(strict\)\]( [^\n]*)?$/;

/** The one-line fix for a test's cause. */
export function suggest(input: SuggestInput): string {
  const { test, verdict, cause, tolerance, seed, reruns, how } = input;
  // pytest's strict xfail: the test passed where it is marked to fail, which fails the run.
  const xpass = XPASS_STRICT.exec(test.message ?? "");
  if (xpass !== null && verdict === "deterministic") {
    const reason = (xpass[1] ?? "").trim();
    return (
      `passes though marked xfail(strict=True)${reason !== "" ? ` (${reason.slice(0, 200)})` : ""}: what it marks as broken works now ` +
      `(a change fixed it, or the test no longer reaches it); remove the marker${where(test)}, nothing to bisect`
    );
  }
  switch (cause) {
    case "tolerance":
      return toleranceFix(test, tolerance);
    case "edge-case":
      return edgeCaseFix(test, tolerance, seed, reruns);
    case "regression":
      // "Every seed" only when fresh seeds were tried: a test with no seed to vary failed every
      // rerun, which says as much about the code but nothing about seeds.
      return `${(reruns?.freshSeeds.runs ?? 0) > 0 ? "fails with every seed" : "fails every time"}: a real bug${where(test)}, bisect recent changes${input.concurrent === true ? " (but its text shows concurrent code: rerun it alone, --jobs 1, since a race can fail every time under load)" : ""}`;
    case "race-condition":
      return (
        `nondeterministic under the same inputs: add synchronisation where shared state is ` +
        `touched${where(test)} (only what is needed); do not just raise tolerances`
      );
    case "order-dependence":
      // Found by a seed that only orders the tests, not by an order check: "alone" never ran.
      return (
        `${reruns?.order === undefined && ordersOnly(seed) ? `${inOrders(verdict, seed, reruns)}: isolate state leaking from the tests that run before it` : "passes alone, fails after earlier tests: isolate state leaking from them"} ` +
        `(module globals, caches, RNG state, fixtures with a wider scope, files)${where(test)}`
      );
    case "timeout":
      return (
        `timed out${where(test)}: find the blocking or slow step (deadlock, network wait, ` +
        `oversized input) before raising the timeout`
      );
    case "crash":
      return `crashed${where(test)}: ${crashAdvice((how?.template ?? null) !== null ? "template" : (how?.runner ?? test.runner))}`;
    case "environment":
      if (test.clashesWith !== undefined && test.clashesWith.length > 0) {
        return (
          `pytest imports ${test.id} and ${test.clashesWith.join(", ")} as one module (import file mismatch): ` +
          `give their directories an __init__.py, rename one, or run pytest with --import-mode=importlib`
        );
      }
      return `environment problem${where(test)}: fix the CI setup (missing dependency, file, fixture or service), not the test`;
    case "unknown":
      return unknownFix(test, verdict, tolerance, seed, reruns, how, input.failedPlainly);
  }
}

/** Which orders fail, when a seed that orders the tests found it: CI's (deterministic), or others (CI's passed). */
function inOrders(verdict: Verdict, seed: Seed | null, reruns: Reruns | undefined): string {
  if (verdict !== "not-reproduced") return `fails in its recorded order${withSeed(seed)}, passes in others`;
  const failing = reruns?.freshSeeds.failingSeeds ?? [];
  return `passes in its recorded order${withSeed(seed)}, fails in others${failing.length > 0 ? ` (seeds ${firstSeeds(failing)})` : ""}`;
}

/** Where a seed is given back to the test: its environment variables, or its arguments. */
function seedSource(seed: Seed): string {
  if (seed.apply.kind === "env") return Object.keys(seed.apply.env).join(" / ");
  if (seed.apply.kind === "global-rng") return "given to random's and numpy's global generators";
  return "the argument that passes it";
}

function unknownFix(
  test: TestCase,
  verdict: Verdict,
  tolerance: Tolerance | null,
  seed: Seed | null,
  reruns: Reruns | undefined,
  how: RerunHow | undefined,
  failedPlainly?: readonly string[],
): string {
  const instead = reruns?.seedsPrintedInstead;
  if (instead !== undefined && instead.length > 0 && seed !== null && verdict !== "not-rerun") {
    return (
      `it prints seed ${seed.value} but draws its own (its reruns printed ${instead.join(", ")})${where(test)}: seed its ` +
      `generators from ${seedSource(seed)} whenever it is set, then rerun with CI's seed to replay the failing inputs`
    );
  }
  switch (verdict) {
    case "not-reproduced": {
      const failing = failedPlainly !== undefined && failedPlainly.length > 0 ? failedPlainly : (reruns?.freshSeeds.failingSeeds ?? []);
      // Plain failures (as classify asks): seeds that only timed out or crashed name no input to fix.
      if (seed !== null && (reruns?.freshSeeds.failed ?? 0) > 0 && !ordersTestsOnly(seed)) {
        return (
          `passed every rerun with CI's seed ${seed.value} but failed with fresh seed${failing.length === 1 ? "" : "s"} ${firstSeeds(failing)}` +
          `${failedPlainly === undefined && (reruns?.freshSeeds.timedOut ?? 0) + (reruns?.freshSeeds.crashed ?? 0) > 0 ? " (some of them timed out or crashed)" : ""}: ` +
          `rerun it with seed ${failing[0]} (${seedSource(seed)}) a few times: failing every time, those inputs hit an edge case to fix${where(test)} ` +
          `(keep the seed as a regression case); only sometimes, a race. CI's own failure stays unexplained: ${verifyFix(test, reruns, how)}`
        );
      }
      return verifyFix(test, reruns, how);
    }
    case "intermittent":
      if (reruns !== undefined && onlyRecordedRetries(reruns)) {
        return (
          `flaky in the report's own retries, which are not repeated here: run it alone many times ` +
          `(${verifyCommand(test, how)}); failures alone mean a race, none mean the tests before it decide (order dependence)`
        );
      }
      if (pinsInputs(seed)) {
        return (
          `intermittent but its seed could not be re-applied: make the test take its seed from ` +
          `the environment (or add --seed-pattern) and rerun to tell a race from unseeded randomness`
        );
      }
      return (
        `intermittent with nothing pinning its random inputs: seed every generator it uses from one ` +
        `seed it prints and reads from the environment (MXNET_TEST_SEED style), then rerun: failing ` +
        `with that seed every time is an unlucky draw (tolerance or edge case), failing only sometimes a race`
      );
    case "deterministic": {
      const fresh = reruns?.freshSeeds;
      if (fresh !== undefined && fresh.runs > 0) {
        const failed = fresh.failed + fresh.timedOut + fresh.crashed;
        return (
          `fails every time${withSeed(seed)} and with ${failed} of ${fresh.runs} fresh seeds: debug it as a bug${where(test)}, ` +
          `comparing with a fresh seed it passes with (the JSON report lists them)`
        );
      }
      return `fails every time${withSeed(seed)}: rerun with fresh seeds to tell an edge case from a regression${where(test)}`;
    }
    case "not-rerun": {
      const hint =
        tolerance?.suggestion !== null && tolerance?.suggestion !== undefined
          ? ` (if it is a tolerance problem: ${tolerance.suggestion.parameter} ${formatTolerance(tolerance.suggestion.from)} -> ${formatTolerance(tolerance.suggestion.to)})`
          : "";
      // Its reruns failed for want of a variable they are not given (rerun/withheld.ts says so).
      const pass = passEnvAskedIn(reruns?.note);
      if (pass !== null) return `not rerun: its reruns lacked a variable they are not given; rerun with ${pass} to classify the failure${where(test)}${hint}`;
      return `not rerun: rerun it to classify the failure${where(test)}${hint}`;
    }
  }
}
