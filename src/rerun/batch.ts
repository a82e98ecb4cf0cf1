/**
 * Same-seed reruns of several tests in one process: the interpreter start, the imports and the
 * collection are paid once per batch instead of once per test.
 *
 * What may share a process (the isolation argument): tests of ONE file, with the same
 * process-level seed environment and arguments (the driver's batch key), and the same timeout.
 * Inside the process each test's attempts run in a forked child (see the plugin's --ft-plan),
 * so a test starts from the state right after collection, as in a process of its own, and
 * whatever it leaves in module state, os.environ or the global generators dies with its child:
 * one test cannot contaminate another's verdict. Tests of different files are not batched even
 * so: importing a file can have side effects (conftest hooks, monkeypatching at import) that
 * the other file's tests would then see, which a process of their own would not show.
 *
 * Failures cost what they cost one test today: an attempt that hangs is killed after its
 * timeout (with the whole process), an attempt that crashes takes the process down; either
 * counts as that attempt's timedOut/crashed trial, and a new process runs only the work left:
 * the rest of that test's attempts and the tests after it. A test that settles early (mixed
 * outcomes, timeouts in a row) is stopped through its stop file, which the plugin checks
 * before each attempt. Anything this path cannot explain (a test pytest does not find, a
 * process that runs nothing) sends the affected tests back to the one-test path, which
 * reports it exactly as before.
 */
import { existsSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RerunTally, Trial } from "../model.js";
import { runPlanBatch } from "./attempts.js";
import type { InvocationRequest, RerunDriver } from "./drivers/types.js";
import { rerunEnv } from "./env.js";
import { KILL_GRACE_MS, STARTUP_ALLOWANCE_SEC } from "./limits.js";
import type { RerunRequest } from "./plan.js";
import type { PlanEntry } from "./pytest-plugin.js";
import { emptyTally, ensurePlugin, tallyTrial, type RerunContext, type SameSeedResult } from "./rerun.js";

export interface BatchMember {
  req: RerunRequest;
  driver: RerunDriver;
}

interface MemberState {
  m: BatchMember;
  trials: Trial[];
  tally: RerunTally;
  consecutiveTimeouts: number;
  finished: boolean;
  /** Hand this test to the one-test path (nothing of it ran here). */
  alone: boolean;
  processes: number;
  notes: string[];
  cannotRun: boolean;
  stopFile: string;
  /** An attempt of it started (it counts as a test that ran, even if cut short). */
  started: boolean;
}

/** The same-seed request a driver sees for a member (the one-test path builds the same). */
export function sameSeedRequest(req: RerunRequest, attempts: number, resultsFile: string, workDir: string): InvocationRequest {
  return { test: req.test, seed: req.seed, mode: "repeat", attempts, freshSeeds: null, resultsFile, workDir, stopWhenMixed: true };
}

/**
 * Runs the same-seed phase of `members` (all with the same driver batch key, cwd and timeout)
 * in as few processes as it can. Per member: its results, or null when it must run alone.
 */
export async function runSameSeedBatch(
  members: readonly BatchMember[],
  ctx: RerunContext,
  /** Wall-clock ms after which no test of the batch starts (the time budget); Infinity: none. */
  notAfterMs = Infinity,
): Promise<(SameSeedResult | null | undefined)[]> {
  const first = members[0];
  if (first === undefined) return [];
  const batch = first.driver.batch;
  if (batch === undefined) return members.map(() => null);
  const late = (): boolean => Date.now() >= notAfterMs;
  const pluginDir = await ensurePlugin(ctx.runDir);
  const workRoot = await mkdtemp(path.join(ctx.runDir, "batch-"));
  const baseEnv = rerunEnv(ctx.env, pluginDir);
  const states: MemberState[] = members.map((m, i) => ({
    m,
    trials: [],
    tally: emptyTally(),
    consecutiveTimeouts: 0,
    finished: false,
    alone: false,
    processes: 0,
    notes: [],
    cannotRun: false,
    stopFile: path.join(workRoot, `stop-${i}`),
    started: false,
  }));
  const notRun = (s: MemberState, why: string): void => {
    if (s.tally.runs === 0) {
      s.alone = true;
      return;
    }
    const gone = !existsSync(s.m.req.cwd) ? ` (working directory ${s.m.req.cwd} no longer exists)` : "";
    s.notes.push(`same-seed: ${why}${gone}`);
    s.cannotRun = true;
    s.finished = true;
  };
  const count = (s: MemberState, t: Trial): void => {
    if (s.finished) return; // an attempt that ran before the plugin saw the stop file
    s.trials.push(t);
    const total = s.m.req.reruns;
    const r = tallyTrial(s.tally, s.consecutiveTimeouts, t, true, total);
    s.consecutiveTimeouts = r.consecutiveTimeouts;
    ctx.onProgress?.({ id: s.m.req.test.id, phase: "same-seed", done: s.tally.runs, total });
    if (r.settled) {
      s.finished = true;
      try {
        writeFileSync(s.stopFile, "");
      } catch {
        // Then the plugin runs the rest of its attempts, which we do not count: only time lost.
      }
    }
  };

  let batchNo = 0;
  while (!ctx.signal?.aborted) {
    // Past the time budget, tests that have not started do not start (as in the one-test path);
    // the ones that started finish their attempts.
    const todo = states.filter((s) => !s.finished && !s.alone && s.tally.runs < s.m.req.reruns && !(s.tally.runs === 0 && late()));
    if (todo.length === 0) break;
    const dir = path.join(workRoot, `same-seed-${batchNo++}`);
    await mkdir(dir, { recursive: true });
    const resultsFile = path.join(dir, "results.jsonl");
    const planFile = path.join(dir, "plan.json");
    const requests = todo.map((s) => sameSeedRequest(s.m.req, s.m.req.reruns - s.tally.runs, resultsFile, dir));
    const notAfter = Number.isFinite(notAfterMs) ? notAfterMs / 1000 : null;
    const plan: PlanEntry[] = requests.map((r, i) => ({
      ...batch.entry(r),
      stopFile: todo[i]!.stopFile,
      // A test that already ran some attempts finishes them whatever the clock says.
      notAfter: todo[i]!.tally.runs > 0 ? null : notAfter,
    }));
    await writeFile(planFile, JSON.stringify(plan), "utf8");
    const inv = batch.invocation({ requests, planFile, resultsFile, workDir: dir });
    const before = todo.map((s) => s.tally.runs);
    const req0 = todo[0]!.m.req;
    const res = await runPlanBatch({
      argv: inv.argv,
      cwd: req0.cwd,
      env: { ...baseEnv, ...inv.env },
      resultsFile,
      seedOf: (k, a) => {
        const seeds = plan[k]?.seeds ?? [];
        return seeds.length === 0 ? null : (seeds[Math.min(a, seeds.length - 1)] ?? null);
      },
      timeoutMs: req0.timeoutSec * 1000,
      startupMs: (ctx.startupAllowanceSec ?? STARTUP_ALLOWANCE_SEC) * 1000,
      killGraceMs: ctx.killGraceMs ?? KILL_GRACE_MS,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onStart: (k) => {
        const s = todo[k];
        if (s !== undefined) s.started = true;
      },
      onTrial: (k, t) => {
        const s = todo[k];
        if (s !== undefined) count(s, t);
      },
    });
    // A test's processes are those that ran (some of) its attempts, shared or not.
    todo.forEach((s, i) => {
      if (s.tally.runs > before[i]!) s.processes++;
    });
    if (res.aborted) break;
    for (const k of res.missing ?? []) {
      const s = todo[k];
      if (s !== undefined) notRun(s, "pytest did not find the test");
    }
    if (!res.started) {
      for (const s of todo) {
        if (s.finished || s.alone) continue;
        if (res.hungBeforeStart && s.tally.runs > 0) {
          // As the one-test path: a process that hangs before its first attempt is one timeout.
          const seed = plan[todo.indexOf(s)]?.seeds[0] ?? null;
          count(s, { kind: "timedOut", ...(seed !== null ? { seed } : {}), durationSec: res.process.durationMs / 1000 });
        } else notRun(s, res.cannotRun ?? "the rerun process hung before running the test");
      }
      continue;
    }
    // Defensive: a process that started attempts but counted none must not loop forever.
    if (todo.every((s, i) => s.tally.runs === before[i])) {
      for (const s of todo) {
        // Not started because the budget ran out: the next round leaves it out anyway.
        if (s.finished || s.alone || (s.tally.runs === 0 && late())) continue;
        s.notes.push("same-seed: the rerun process ended without running an attempt");
        s.finished = true;
      }
    }
  }
  // undefined: never started (time budget), so no result, as for a test the pool never reached.
  return states.map((s) =>
    !s.started && s.tally.runs === 0 && !s.cannotRun && (late() || ctx.signal?.aborted === true)
      ? undefined
      : s.alone ? null : { trials: s.trials, tally: s.tally, processes: s.processes, notes: s.notes, cannotRun: s.cannotRun },
  );
}
