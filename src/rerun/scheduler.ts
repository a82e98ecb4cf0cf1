/**
 * Runs many tests' reruns side by side, up to `jobs` processes at a time, in input order (the
 * caller puts the most useful first). When the time budget runs out no new test starts and the
 * reruns still running are stopped as an abort stops them: a budget is what a CI job can
 * afford, and one slow test's remaining phases could otherwise run for many times its timeout.
 * The attempts they finished count. One test's failure never costs the others their results.
 *
 * Each of the `jobs` workers runs one process at a time. A worker first finishes tests a batch
 * handed back (their order check), then takes the next unit in input order: a test on its own,
 * or a batch (batch.ts) that has tests no process has taken yet, which it joins even when
 * another worker serves it already: the tests of one file spread over the workers as they go.
 */
import type { RerunTally } from "../model.js";
import { errorMessage } from "../errors.js";
import { existsSync } from "node:fs";
import type { RerunOutcome, RerunProgress, RerunRequest } from "./plan.js";
import { rerunTest, type BatchedResult, type RerunContext } from "./rerun.js";
import { Batch, sameSeedRequest, type BatchMember } from "./batch.js";
import { pickDriver, type RerunDriver } from "./drivers/index.js";
import { resolvePython } from "./drivers/pytest.js";
import { TIME_BUDGET_SPENT } from "./limits.js";

export interface SchedulerOptions {
  jobs: number;
  /** Seconds after which no new test starts and running reruns are stopped; null = no budget. */
  timeBudgetSec: number | null;
  /** Called once when the time budget stops the reruns (not when they all ended within it). */
  onBudgetSpent?: () => void;
  /** Run-wide temp directory (the caller creates and removes it). */
  runDir: string;
  /** The environment to rerun in (credentials are stripped); default: this process's. */
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  onProgress?: (p: RerunProgress) => void;
  onTestDone?: (id: string, outcome: RerunOutcome) => void;
  startupAllowanceSec?: number;
  killGraceMs?: number;
  /**
   * Let tests of one file share processes for their same-seed and fresh-seed reruns, where the
   * driver can (batch.ts explains what may share). Default true; false runs one process per
   * test and phase.
   */
  batch?: boolean;
  /** Replaces `rerunTest` (tests of the pool itself; no batching then). */
  runOne?: (req: RerunRequest, ctx: RerunContext) => Promise<RerunOutcome>;
  /** Clock in ms (tests). */
  now?: () => number;
}

/** The longest delay setTimeout takes (2^31 - 1 ms); Infinity (no budget) is past it too. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export async function rerunAll(requests: readonly RerunRequest[], options: SchedulerOptions): Promise<Map<string, RerunOutcome>> {
  const now = options.now ?? Date.now;
  const deadline = options.timeBudgetSec === null ? Infinity : now() + options.timeBudgetSec * 1000;
  const runOne = options.runOne ?? rerunTest;
  const results = new Map<string, RerunOutcome>();
  // One signal for everything that stops reruns: the caller's abort, or the budget's end.
  const stop = new AbortController();
  const signal = stop.signal;
  const ctx: RerunContext = {
    runDir: options.runDir,
    // The adapter is the edge that owns the environment; this default keeps triage.ts simple.
    env: options.env ?? process.env,
    signal,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.startupAllowanceSec !== undefined ? { startupAllowanceSec: options.startupAllowanceSec } : {}),
    ...(options.killGraceMs !== undefined ? { killGraceMs: options.killGraceMs } : {}),
  };
  const finish = (id: string, outcome: RerunOutcome): void => {
    results.set(id, outcome);
    try {
      options.onTestDone?.(id, outcome);
    } catch {
      // A reporting callback must not stop the pool.
    }
  };
  const runTest = async (req: RerunRequest, batched?: BatchedResult): Promise<void> => {
    let outcome: RerunOutcome;
    try {
      outcome = batched ? await rerunTest(req, ctx, batched) : await runOne(req, ctx);
    } catch (e) {
      outcome = failedOutcome(`reruns failed: ${errorMessage(e)}`);
    }
    finish(req.test.id, outcome);
  };

  // Workers wait here when the only work left is with another worker's batch process.
  let wake: () => void = () => {};
  let changed = new Promise<void>((r) => (wake = r));
  const notify = (): void => {
    const w = wake;
    changed = new Promise<void>((r) => (wake = r));
    w();
  };
  /** Tests a batch handed back: their remaining phases run next (after a stop, rerunTest records what they have). */
  const handedBack: { req: RerunRequest; outcome: BatchedResult | null }[] = [];
  const units: Unit[] = planUnits(requests, options, ctx.env).map((u) =>
    Array.isArray(u)
      ? new Batch(
          u,
          ctx,
          deadline,
          (m, outcome) => {
            // undefined: never started (time budget, abort), so no result, as for a test no
            // worker reached. null: to the one-test path, which starts only within the budget.
            if (outcome !== undefined) handedBack.push({ req: m.req, outcome });
            notify();
          },
          notify,
        )
      : { req: u.req, taken: false },
  );
  const idle = (): boolean => handedBack.length === 0 && units.every((u) => (u instanceof Batch ? u.finished : u.taken));

  const worker = async (): Promise<void> => {
    for (;;) {
      // A test a batch started gets its outcome even after an abort (rerunTest notes it).
      const back = handedBack.shift();
      if (back !== undefined) {
        if (back.outcome !== null) await runTest(back.req, back.outcome);
        else if (now() < deadline && !signal.aborted) await runTest(back.req);
        continue;
      }
      if (signal.aborted) {
        for (const u of units) if (u instanceof Batch) u.settle();
        if (handedBack.length === 0) return;
        continue;
      }
      const late = now() >= deadline;
      const unit = units.find((u) => (u instanceof Batch ? u.wantsProcess() : !u.taken && !late));
      if (unit instanceof Batch) {
        try {
          await unit.serve();
        } catch (e) {
          // Internal errors only (the batch reports process failures as results).
          for (const m of unit.abandon()) finish(m.req.test.id, failedOutcome(`reruns failed: ${errorMessage(e)}`));
        }
        continue;
      }
      if (unit !== undefined) {
        unit.taken = true;
        await runTest(unit.req);
        continue;
      }
      for (const u of units) {
        if (u instanceof Batch) u.settle();
        else if (late) u.taken = true;
      }
      if (idle()) return;
      await changed;
    }
  };
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs) || 1, requests.length || 1));
  const onCallerAbort = (): void => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) onCallerAbort();
  else options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  // A real timer even under a test clock (`now`): it only has to fire when real time is up.
  // Past setTimeout's range (~24.8 days) Node would fire at once; such a budget never ends a run.
  const budgetMs = deadline - now();
  const budgetTimer =
    budgetMs > MAX_TIMER_MS
      ? null
      : setTimeout(() => {
          if (signal.aborted) return;
          stop.abort(TIME_BUDGET_SPENT);
          try {
            options.onBudgetSpent?.();
          } catch {
            // A reporting callback must not stop the pool.
          }
        }, Math.max(0, budgetMs));
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    if (budgetTimer !== null) clearTimeout(budgetTimer);
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
  return results;
}

/** A test on its own (the one-test path), or tests that share processes (batch.ts). */
type Unit = { req: RerunRequest; taken: boolean } | Batch;
type PlannedUnit = { req: RerunRequest } | BatchMember[];

/**
 * The work, in input order of each unit's first test: a test on its own path, or a batch
 * (batch.ts) of the tests that may share processes: same driver batch key (file, seed env and
 * args), cwd and timeout. A batch is not cut up front: its tests go to the workers as they free
 * up (claim files), and the plugin checks the time budget before each test.
 */
function planUnits(
  requests: readonly RerunRequest[],
  options: SchedulerOptions,
  env: Readonly<Record<string, string | undefined>>,
): PlannedUnit[] {
  const alone = (req: RerunRequest): PlannedUnit => ({ req });
  if (options.runOne !== undefined || options.batch === false) return requests.map(alone);
  const groups = new Map<string, { first: number; members: BatchMember[]; ids: Set<string> }>();
  const units: { first: number; unit: PlannedUnit }[] = [];
  requests.forEach((req, index) => {
    const key = batchKey(req, env);
    const group = key === null ? undefined : groups.get(key.key);
    if (key === null || group?.ids.has(req.test.id)) {
      units.push({ first: index, unit: alone(req) });
      return;
    }
    if (group === undefined) groups.set(key.key, { first: index, members: [{ req, driver: key.driver }], ids: new Set([req.test.id]) });
    else {
      group.members.push({ req, driver: key.driver });
      group.ids.add(req.test.id);
    }
  });
  // A batch of one still pays off: its same-seed and fresh-seed runs share one process.
  for (const g of groups.values()) units.push({ first: g.first, unit: g.members });
  return units.sort((a, b) => a.first - b.first).map((u) => u.unit);
}

function batchKey(req: RerunRequest, env: Readonly<Record<string, string | undefined>>): { key: string; driver: RerunDriver } | null {
  if (req.reruns <= 0 || req.test.id.includes("\0") || !existsSync(req.cwd)) return null;
  const driver = pickDriver(req.test, { python: resolvePython(env), rerunCommand: req.rerunCommand, runner: req.runner ?? null });
  if (driver === null || driver.batch === undefined) return null;
  const key = driver.batch.key(sameSeedRequest(req, req.reruns, "", ""));
  return key === null ? null : { key: JSON.stringify([driver.name, req.cwd, req.timeoutSec, key]), driver };
}

function failedOutcome(note: string): RerunOutcome {
  const tally = (): RerunTally => ({ runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });
  return {
    reruns: { sameSeed: tally(), freshSeeds: { ...tally(), seeds: [], failingSeeds: [] }, note },
    trials: [],
    trialsByPhase: { "same-seed": [], "fresh-seeds": [], order: [] },
    seedReapplied: false,
    reproduce: null,
    processes: 0,
  };
}
