/**
 * Reruns of one failing test, in three phases:
 *  1. same seed: the recorded seed given back, `reruns` attempts, in one process where the
 *     driver can repeat in-process; a crash or a timeout costs a new process for the rest;
 *  2. fresh seeds: new random seeds, where the seed can be given back at all;
 *  3. order: only when every same-seed attempt passed, the tests that precede it and then the
 *     test (pytest: its file up to it; go: its package in source order), to see whether a
 *     predecessor's state is what made it fail.
 * Each phase stops as soon as more attempts cannot change what it tells. Tests a batch serves
 * (batch.ts) come here with phases 1 and 2 already run in a process shared with the other tests
 * of their file; only what the batch left (the order check, seeds only arguments carry) runs here.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RerunTally, Reruns, TestCase, Trial } from "../model.js";
import { errorMessage } from "../errors.js";
import { runBatch, type BatchResult } from "./attempts.js";
import { pickDriver, type RerunDriver } from "./drivers/index.js";
import { resolvePython } from "./drivers/pytest.js";
import { rerunEnv, withheldNames } from "./env.js";
import { countTrial, emptyTally, freshTally } from "./tally.js";
import { printedInsteadNote, seedsPrintedInstead } from "./printed-seeds.js";
import { discountWithheld } from "./withheld.js";
import { causeHints, findHint } from "../diagnose/cause-hints.js";
import { KILL_GRACE_MS, MAX_CONSECUTIVE_TIMEOUTS, MAX_ORDER_ATTEMPTS, STARTUP_ALLOWANCE_SEC, TIME_BUDGET_SPENT } from "./limits.js";
import type { RerunOutcome, RerunPhase, RerunProgress, RerunRequest } from "./plan.js";
import { PLUGIN_FILE, PYTEST_PLUGIN_SOURCE } from "./pytest-plugin.js";
import { copyIn } from "./copy-in.js";
import { freshSeedsFor } from "./seed-apply.js";

export interface RerunContext {
  /** Run-wide temp directory; each test gets a private directory inside it. */
  runDir: string;
  /** The environment the adapter started with; credentials are removed before any rerun. */
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  onProgress?: (p: RerunProgress) => void;
  /** Overrides STARTUP_ALLOWANCE_SEC (tests use short ones). */
  startupAllowanceSec?: number;
  killGraceMs?: number;
}

/**
 * Counts one attempt into a phase's tally; `settled` when more attempts cannot change what
 * the phase tells (then the tally is marked stoppedEarly). Shared by rerunTest and batch.ts.
 */
export function tallyTrial(
  tally: RerunTally,
  consecutiveTimeouts: number,
  t: Trial,
  stopWhenMixed: boolean,
  total: number,
): { consecutiveTimeouts: number; settled: boolean } {
  countTrial(tally, t);
  const consecutive = isTimeout(t) ? consecutiveTimeouts + 1 : 0;
  const bad = tally.failed + tally.timedOut + tally.crashed;
  // A pass next to a failure: intermittent, whatever comes next. Timeouts in a row: the
  // test hangs, and each further attempt costs the full timeout.
  const settles = (stopWhenMixed && tally.passed > 0 && bad > 0) || consecutive >= MAX_CONSECUTIVE_TIMEOUTS;
  if (settles && tally.runs < total) {
    tally.stoppedEarly = true;
    return { consecutiveTimeouts: consecutive, settled: true };
  }
  return { consecutiveTimeouts: consecutive, settled: false };
}

/** Whether an attempt timed out: ours, or the test's own (pytest-timeout, a TimeoutError), which costs the same wait. */
function isTimeout(t: Trial): boolean {
  return t.kind === "timedOut" || (t.kind === "failed" && findHint(causeHints(t.message ?? ""), "timeout") !== undefined);
}

/**
 * Timeouts in a row before a test's first rerun: 1 when its recorded failure was a timeout.
 * "Timeouts in a row" run on across the recorded run and the phases: a test that hung in CI
 * and hangs twice more with the same seed is settled, and after that a fresh seed that hangs
 * too settles its phase at once (a hang that is not the seed's); each further attempt would
 * only cost the full timeout. A pass or a plain failure starts the count again.
 */
export function recordedTimeouts(test: TestCase): number {
  return findHint(causeHints(test.message ?? ""), "timeout") !== undefined ? 1 : 0;
}

/** Timeouts in a row after `trials`, counting on from `before` when every one of them timed out. */
export function timeoutsInARow(trials: readonly Trial[], before: number): number {
  let n = 0;
  while (n < trials.length && isTimeout(trials[trials.length - 1 - n] as Trial)) n++;
  return n === trials.length ? before + n : n;
}

/** The phases a batch (batch.ts) already ran for a test; rerunTest goes on from there. */
export interface BatchedResult {
  sameSeed: { trials: Trial[]; tally: RerunTally };
  /** Null: the batch did not run the fresh-seed phase (rerunTest runs it, or says why not). */
  freshSeeds: { trials: Trial[]; tally: RerunTally } | null;
  /** Processes that ran this test's attempts (shared with the other tests of its batch). */
  processes: number;
  notes: string[];
  cannotRun: boolean;
  /** A run the batch planned for it still had attempts due when it was handed back (a stop). */
  unfinished: boolean;
}


export async function rerunTest(req: RerunRequest, ctx: RerunContext, batched?: BatchedResult): Promise<RerunOutcome> {
  const driver = pickDriver(req.test, { python: resolvePython(ctx.env), rerunCommand: req.rerunCommand, runner: req.runner ?? null });
  const byPhase: Record<RerunPhase, Trial[]> = { "same-seed": [], "fresh-seeds": [], order: [] };
  const reruns: Reruns = { sameSeed: emptyTally(), freshSeeds: { ...emptyTally(), seeds: [], failingSeeds: [] } };
  const notes: string[] = [];
  const withheld = withheldNames(ctx.env);
  const outcome = (reproduce: string | null, seedReapplied: boolean, processes: number): RerunOutcome => {
    const discounted = discountWithheld(reruns, byPhase, withheld, req.test.message ?? "");
    if (discounted !== null) notes.push(discounted);
    const instead = seedsPrintedInstead(byPhase["same-seed"], req.seed, req.seedPatterns ?? []);
    if (instead.seeds.length > 0 && req.seed !== null) {
      notes.push(printedInsteadNote(req.seed, instead));
      reruns.seedsPrintedInstead = instead.seeds;
    }
    if (notes.length > 0) reruns.note = notes.join("; ");
    return {
      reruns,
      trials: [...byPhase["same-seed"], ...byPhase["fresh-seeds"], ...byPhase.order],
      trialsByPhase: byPhase,
      seedReapplied: seedReapplied && instead.seeds.length === 0,
      reproduce,
      processes,
    };
  };
  if (driver === null) {
    notes.push("no rerun driver for this test id (give --rerun-command)");
    return outcome(null, false, 0);
  }
  let reproduce = safeCommand(() => driver.reproduceCommand(req.test, req.seed));
  const support = driver.seedSupport(req.seed);
  if (req.test.id.includes("\0")) {
    notes.push("test id contains a NUL byte; it cannot be passed to a process");
    return outcome(reproduce, false, 0);
  }
  if (!existsSync(req.cwd)) {
    notes.push(`working directory ${req.cwd} does not exist`);
    return outcome(reproduce, false, 0);
  }
  const refused = driver.refuse?.(req.test) ?? null;
  if (refused !== null) {
    notes.push(`not rerun: ${refused}`);
    return outcome(reproduce, false, 0);
  }

  const pluginDir = await ensurePlugin(ctx.runDir);
  const workRoot = await mkdtemp(path.join(ctx.runDir, "test-"));
  const baseEnv = rerunEnv(ctx.env, pluginDir);
  let processes = 0;
  let batchNo = 0;
  let cannotRun = false;
  /** A phase was due, or had attempts due, when the stop came. */
  let cut = false;

  const runPhase = async (
    phase: RerunPhase,
    total: number,
    opts: { fresh: string[] | null; mode: "repeat" | "run-until"; processPerAttempt: boolean; stopWhenMixed: boolean; timeoutsBefore: number },
  ): Promise<{ tally: RerunTally; last: BatchResult | null; predecessors: number | null; timeoutsAfter: number }> => {
    const tally = emptyTally();
    const trials = byPhase[phase];
    let consecutiveTimeouts = opts.timeoutsBefore;
    let finished = false;
    let last: BatchResult | null = null;
    let predecessors: number | null = null;
    const count = (t: Trial): boolean => {
      trials.push(t);
      const r = tallyTrial(tally, consecutiveTimeouts, t, opts.stopWhenMixed, total);
      consecutiveTimeouts = r.consecutiveTimeouts;
      ctx.onProgress?.({ id: req.test.id, phase, done: tally.runs, total });
      if (r.settled) finished = true;
      return finished;
    };
    let brokeOut = false;
    while (tally.runs < total && !finished && !ctx.signal?.aborted) {
      const remaining = total - tally.runs;
      const dir = path.join(workRoot, `${phase}-${batchNo++}`);
      await mkdir(dir, { recursive: true });
      const fresh = opts.fresh ? opts.fresh.slice(tally.runs) : null;
      const inv = driver.invocation({
        test: req.test,
        seed: req.seed,
        mode: opts.mode,
        attempts: opts.processPerAttempt ? 1 : remaining,
        freshSeeds: fresh,
        resultsFile: path.join(dir, "results.jsonl"),
        workDir: dir,
        stopWhenMixed: opts.stopWhenMixed,
        freshPasses: true,
      });
      await copyIn(inv.copyIn, req.cwd);
      const recordedSeed = support.reapply ? (req.seed?.value ?? null) : null;
      const seeds = Array.from({ length: inv.attempts }, (_, i) => fresh?.[i] ?? recordedSeed);
      processes++;
      const before = tally.runs;
      const batch = await runBatch({
        argv: inv.argv,
        cwd: req.cwd,
        env: { ...baseEnv, ...inv.env },
        seeds,
        reportsLines: inv.reportsLines,
        ...(inv.judge !== undefined ? { judge: inv.judge } : {}),
        resultsFile: path.join(dir, "results.jsonl"),
        timeoutMs: req.timeoutSec * 1000,
        startupMs: (ctx.startupAllowanceSec ?? STARTUP_ALLOWANCE_SEC) * 1000,
        killGraceMs: ctx.killGraceMs ?? KILL_GRACE_MS,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onTrial: count,
      });
      last = batch;
      if (batch.collected !== null && opts.mode === "run-until") {
        const { target, kept } = batch.collected;
        predecessors = target === null ? null : kept - 1;
        // First in its file: running the file up to it is running it alone, already done.
        if (predecessors === 0) {
          brokeOut = true;
          break;
        }
      }
      if (batch.cannotRun !== null) {
        const gone = !existsSync(req.cwd) ? ` (working directory ${req.cwd} no longer exists)` : "";
        notes.push(`${phase}: ${batch.cannotRun}${gone}`);
        cannotRun = true;
        brokeOut = true;
        break;
      }
      // Defensive: a process that ran nothing and said nothing must not loop forever.
      if (tally.runs === before && !batch.aborted && !batch.stopped) {
        notes.push(`${phase}: the rerun process ended without running an attempt`);
        brokeOut = true;
        break;
      }
    }
    // Left because of the stop, with attempts still due: cut short.
    if (!brokeOut && !finished && tally.runs < total && ctx.signal?.aborted === true) cut = true;
    return { tally, last, predecessors, timeoutsAfter: consecutiveTimeouts };
  };

  try {
    // Phase 1: the recorded seed, as many times as asked, in-process where possible.
    let timeouts = recordedTimeouts(req.test);
    if (batched !== undefined) {
      byPhase["same-seed"].push(...batched.sameSeed.trials);
      reruns.sameSeed = batched.sameSeed.tally;
      processes += batched.processes;
      notes.push(...batched.notes);
      cannotRun = batched.cannotRun;
      timeouts = timeoutsInARow(batched.sameSeed.trials, timeouts);
    } else if (req.reruns > 0) {
      const r = await runPhase("same-seed", req.reruns, { fresh: null, mode: "repeat", processPerAttempt: false, stopWhenMixed: true, timeoutsBefore: timeouts });
      reruns.sameSeed = r.tally;
      timeouts = r.timeoutsAfter;
    }

    // Phase 2: fresh seeds, only where a seed can be given back.
    const batchedFresh = batched?.freshSeeds ?? null;
    if (batchedFresh !== null) {
      byPhase["fresh-seeds"].push(...batchedFresh.trials);
      reruns.freshSeeds = freshTally(batchedFresh.tally, batchedFresh.trials);
    } else if (req.freshSeeds > 0 && !cannotRun && ctx.signal?.aborted) {
      if (req.seed !== null && support.fresh) cut = true;
    } else if (req.freshSeeds > 0 && !cannotRun) {
      if (req.seed === null) {
        // Nothing to vary: without a known seed, fresh-seed runs are same-seed runs again.
      } else if (!support.fresh) {
        notes.push(`fresh seeds skipped: the ${req.seed.recogniser} seed cannot be given back to the test`);
      } else {
        const seeds = freshSeedsFor(req.seed, req.freshSeeds);
        const r = await runPhase("fresh-seeds", seeds.length, { fresh: seeds, mode: "repeat", processPerAttempt: false, stopWhenMixed: false, timeoutsBefore: timeouts });
        reruns.freshSeeds = freshTally(r.tally, byPhase["fresh-seeds"]);
      }
    }

    // Phase 3: order, only when the test passes on its own (a failing test needs no predecessor).
    const s = reruns.sameSeed;
    if (driver.orderCheck && !cannotRun && s.runs > 0 && s.passed === s.runs) {
      const refusal = driver.orderCheckRefusal?.(req.test, req.seed) ?? null;
      if (refusal !== null) {
        notes.push(`order check skipped: ${refusal}`);
      } else if (ctx.signal?.aborted) {
        cut = true;
      } else {
        const total = Math.min(req.reruns, MAX_ORDER_ATTEMPTS);
        const r = await runPhase("order", total, { fresh: null, mode: "run-until", processPerAttempt: true, stopWhenMixed: true, timeoutsBefore: 0 });
        if (r.predecessors === 0) {
          byPhase.order.length = 0;
          // The check reruns the test's own file (go: package) up to it; others' leftovers are not tried.
          const unit = driver.name === "go" ? "package" : "file";
          notes.push(`order check skipped: no test runs before it in its ${unit} (tests in other ${unit}s are not tried)`);
        }
        else if (r.predecessors !== null) {
          reruns.order = { ...r.tally, predecessors: r.predecessors };
          // It passes alone and failed after them: the command to paste is the one that runs them.
          if (r.tally.failed + r.tally.timedOut + r.tally.crashed > 0) reproduce = safeCommand(() => driver.orderReproduceCommand?.(req.test, req.seed)) ?? reproduce;
        }
        else if (r.last?.collected) notes.push("order check skipped: the test was not found when collecting its file");
        else if (byPhase.order.length > 0) {
          // Runs whose output never said what ran before the test: they prove no order.
          byPhase.order.length = 0;
          notes.push("order check inconclusive: its runs did not show which tests ran before it");
        }
      }
    }
  } catch (e) {
    notes.push(`reruns stopped by an internal error: ${errorMessage(e)}`);
  }
  // Only a test the stop cut short says so: one whose reruns were complete (a batch may hand a
  // finished test back after the stop) keeps a plain outcome.
  if (ctx.signal?.aborted && !cannotRun && (cut || batched?.unfinished === true)) {
    notes.push(ctx.signal.reason === TIME_BUDGET_SPENT ? "time budget ran out: reruns were cut short" : "interrupted: reruns were cut short");
  }
  return outcome(reproduce, support.reapply, processes);
}

/** A reproduce command, or null when the id cannot be quoted (NUL): better none than a wrong one. */
function safeCommand(make: () => string | undefined): string | null {
  try {
    return make() ?? null;
  } catch {
    return null;
  }
}

/** Writes the plugin module into the run directory (once); returns the directory for PYTHONPATH. */
export async function ensurePlugin(runDir: string): Promise<string> {
  const dir = path.join(runDir, "plugin");
  const file = path.join(dir, PLUGIN_FILE);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    // Write-then-rename: parallel workers may race here, and pytest must never import half a file.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(tmp, PYTEST_PLUGIN_SOURCE, "utf8");
    await rename(tmp, file);
  }
  return dir;
}
