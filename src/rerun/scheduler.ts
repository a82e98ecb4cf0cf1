/**
 * Runs many tests' reruns side by side, up to `jobs` at a time, in input order (the caller
 * puts the most useful first). When the time budget runs out no new test starts; the ones
 * running finish (each is bounded by its own timeouts). One test's failure never costs the
 * others their results.
 */
import type { RerunTally } from "../model.js";
import { errorMessage } from "../errors.js";
import { existsSync } from "node:fs";
import type { RerunOutcome, RerunProgress, RerunRequest } from "./plan.js";
import { rerunTest, type RerunContext, type SameSeedResult } from "./rerun.js";
import { runSameSeedBatch, sameSeedRequest, type BatchMember } from "./batch.js";
import { pickDriver, type RerunDriver } from "./drivers/index.js";
import { resolvePython } from "./drivers/pytest.js";
import { MAX_BATCH_TESTS } from "./limits.js";

export interface SchedulerOptions {
  jobs: number;
  /** Seconds after which no new test starts; null = no budget. */
  timeBudgetSec: number | null;
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
   * Let tests of one file share a process for their same-seed reruns, where the driver can
   * (batch.ts explains what may share). Default true; false runs one process per test.
   */
  batch?: boolean;
  /** Replaces `rerunTest` (tests of the pool itself; no batching then). */
  runOne?: (req: RerunRequest, ctx: RerunContext) => Promise<RerunOutcome>;
  /** Clock in ms (tests). */
  now?: () => number;
}

export async function rerunAll(requests: readonly RerunRequest[], options: SchedulerOptions): Promise<Map<string, RerunOutcome>> {
  const now = options.now ?? Date.now;
  const deadline = options.timeBudgetSec === null ? Infinity : now() + options.timeBudgetSec * 1000;
  const runOne = options.runOne ?? rerunTest;
  const results = new Map<string, RerunOutcome>();
  const ctx: RerunContext = {
    runDir: options.runDir,
    // The adapter is the edge that owns the environment; this default keeps triage.ts simple.
    env: options.env ?? process.env,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.startupAllowanceSec !== undefined ? { startupAllowanceSec: options.startupAllowanceSec } : {}),
    ...(options.killGraceMs !== undefined ? { killGraceMs: options.killGraceMs } : {}),
  };
  const units = planUnits(requests, options, ctx.env);
  const finish = (id: string, outcome: RerunOutcome): void => {
    results.set(id, outcome);
    try {
      options.onTestDone?.(id, outcome);
    } catch {
      // A reporting callback must not stop the pool.
    }
  };
  const runTest = async (req: RerunRequest, sameSeed?: SameSeedResult | null): Promise<void> => {
    let outcome: RerunOutcome;
    try {
      outcome = sameSeed ? await rerunTest(req, ctx, sameSeed) : await runOne(req, ctx);
    } catch (e) {
      outcome = failedOutcome(`reruns failed: ${errorMessage(e)}`);
    }
    finish(req.test.id, outcome);
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < units.length) {
      if (options.signal?.aborted || now() >= deadline) return;
      const unit = units[next++]!;
      if (!Array.isArray(unit)) {
        await runTest(unit.req);
        continue;
      }
      let sameSeed: (SameSeedResult | null | undefined)[];
      try {
        sameSeed = await runSameSeedBatch(unit, ctx, deadline);
      } catch (e) {
        for (const m of unit) finish(m.req.test.id, failedOutcome(`reruns failed: ${errorMessage(e)}`));
        continue;
      }
      // The batch started these tests: their later phases (one process each) run now. A test
      // it had to leave to the one-test path (null) starts only within the time budget; one
      // it never started (undefined: the budget ran out) gets no result, like a test no
      // worker reached.
      for (const [i, m] of unit.entries()) {
        const r = sameSeed[i];
        if (r === undefined || (r === null && (options.signal?.aborted || now() >= deadline))) continue;
        await runTest(m.req, r);
      }
    }
  };
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs) || 1, units.length || 1));
  await Promise.all(Array.from({ length: jobs }, worker));
  return results;
}

/** A test on its own (the one-test path), or tests that share a process (batch.ts). */
type Unit = { req: RerunRequest } | BatchMember[];

/**
 * The work, in input order of each unit's first test: a unit of one is a test on its own
 * path; a larger unit shares a process for its same-seed reruns (batch.ts). Batchable tests
 * are grouped by driver batch key (file, seed env and args), cwd and timeout; a group is cut
 * into at most `jobs` units so the workers still run side by side, and into units of at most
 * MAX_BATCH_TESTS so the time budget keeps its grain.
 */
function planUnits(
  requests: readonly RerunRequest[],
  options: SchedulerOptions,
  env: Readonly<Record<string, string | undefined>>,
): Unit[] {
  const alone = (req: RerunRequest): Unit => ({ req });
  if (options.runOne !== undefined || options.batch === false) return requests.map(alone);
  const groups = new Map<string, { first: number; members: BatchMember[]; ids: Set<string> }>();
  const singles: { first: number; unit: Unit }[] = [];
  requests.forEach((req, index) => {
    const key = batchKey(req, env);
    const group = key === null ? undefined : groups.get(key.key);
    if (key === null || group?.ids.has(req.test.id)) {
      singles.push({ first: index, unit: alone(req) });
      return;
    }
    if (group === undefined) groups.set(key.key, { first: index, members: [{ req, driver: key.driver }], ids: new Set([req.test.id]) });
    else {
      group.members.push({ req, driver: key.driver });
      group.ids.add(req.test.id);
    }
  });
  const jobs = Math.max(1, Math.floor(options.jobs) || 1);
  const units: { first: number; unit: Unit }[] = [...singles];
  for (const g of groups.values()) {
    const size = Math.max(1, Math.min(MAX_BATCH_TESTS, Math.ceil(g.members.length / jobs)));
    for (let i = 0; i < g.members.length; i += size) {
      const unit = g.members.slice(i, i + size);
      const first = requests.indexOf(unit[0]!.req);
      units.push({ first: first === -1 ? g.first : first, unit: unit.length === 1 ? alone(unit[0]!.req) : unit });
    }
  }
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
    reruns: { sameSeed: tally(), freshSeeds: { ...tally(), seeds: [] }, note },
    trials: [],
    trialsByPhase: { "same-seed": [], "fresh-seeds": [], order: [] },
    seedReapplied: false,
    reproduce: null,
    processes: 0,
  };
}
