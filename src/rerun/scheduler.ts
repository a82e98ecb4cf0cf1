/**
 * Runs many tests' reruns side by side, up to `jobs` at a time, in input order (the caller
 * puts the most useful first). When the time budget runs out no new test starts; the ones
 * running finish (each is bounded by its own timeouts). One test's failure never costs the
 * others their results.
 */
import type { RerunTally } from "../model.js";
import { errorMessage } from "../errors.js";
import type { RerunOutcome, RerunProgress, RerunRequest } from "./plan.js";
import { rerunTest, type RerunContext } from "./rerun.js";

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
  /** Replaces `rerunTest` (tests of the pool itself). */
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
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      if (options.signal?.aborted || now() >= deadline) return;
      const req = requests[next++]!;
      let outcome: RerunOutcome;
      try {
        outcome = await runOne(req, ctx);
      } catch (e) {
        outcome = failedOutcome(`reruns failed: ${errorMessage(e)}`);
      }
      results.set(req.test.id, outcome);
      try {
        options.onTestDone?.(req.test.id, outcome);
      } catch {
        // A reporting callback must not stop the pool.
      }
    }
  };
  const jobs = Math.max(1, Math.min(Math.floor(options.jobs) || 1, requests.length || 1));
  await Promise.all(Array.from({ length: jobs }, worker));
  return results;
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
