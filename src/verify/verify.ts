/**
 * The verify engine: runs each test `trials` times with seeds from a deterministic stream and
 * counts the outcomes. It is the triage rerun machinery with a different plan: the same drivers
 * build the processes, the same plugin repeats the test in-process with a list of seeds
 * (`--ft-seeds`, applied through `--ft-seed-env` or `--ft-global-seed`), and `runBatch` reads
 * its per-attempt results and enforces the per-attempt timeout. Trials are split into `jobs`
 * contiguous parts run side by side; a crash or timeout ends its process and the part goes on
 * with the next seed in a new one.
 */
import { mkdir, mkdtemp } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Seed, TestCase, Trial } from "../model.js";
import { errorMessage } from "../errors.js";
import { extractSeed } from "../seeds/extract.js";
import { runBatch } from "../rerun/attempts.js";
import { pickDriver, type RerunDriver } from "../rerun/drivers/index.js";
import { resolvePython } from "../rerun/drivers/pytest.js";
import { PASS_ENV, rerunEnv, withheldNames } from "../rerun/env.js";
import { withheldNamedIn } from "../rerun/withheld.js";
import { KILL_GRACE_MS, MAX_CONSECUTIVE_TIMEOUTS, STARTUP_ALLOWANCE_SEC } from "../rerun/limits.js";
import { ensurePlugin } from "../rerun/rerun.js";
import { VERSION } from "../version.js";
import type { SeedApplyInfo, VerifiedTest, VerifyReport } from "./model.js";
import {
  FALLBACK_MECHANISM,
  mechanismFromSeed,
  probeSeed,
  seedWithValue,
  type SeedMechanism,
} from "./probe.js";
import { shardRange, streamInfo, streamSeeds, type SeedStream, type Shard } from "./seeds.js";
import { addTrial, emptyCounts, failures, isFailure, rateAndBound } from "./tally.js";

/**
 * Seeds per process for a driver that does not say (RerunDriver.maxSeedsPerProcess). Seeds given
 * as one comma-separated argument meet Linux's cap on a single argument, 128 KiB
 * (MAX_ARG_STRLEN): 1,500 list seeds of up to 80 characters and their commas stay under it.
 * Startup (about a second with numpy) is then under 1 ms a trial. pytest's driver takes a long
 * list in a file, and more.
 */
export const MAX_SEEDS_PER_PROCESS = 1_500;

/**
 * Trials that all skipped, after which a test stops: one skipped in its code (`it.skip`, a
 * `t.Skip` before any work) would otherwise cost a jest, vitest or go process for every seed,
 * to verify nothing. A test that skips half its seeds gets this far in 1 run of 1,024.
 */
export const ALL_SKIPPED_STOP = 10;

export interface VerifyTarget {
  test: TestCase;
  /** How to seed it, when already known (a flag, or the seed a triage report recorded). */
  mechanism: SeedMechanism | null;
}

export interface VerifyOptions {
  targets: VerifyTarget[];
  cwd: string;
  stream: SeedStream;
  shard: Shard | null;
  jobs: number;
  timeoutSec: number;
  rerunCommand: readonly string[] | null;
  /** A built-in driver for every test (`--runner`); null picks by test id. */
  runner?: string | null;
  seedPatterns: RegExp[];
  stopOnFailure: boolean;
  /** Run-wide temp directory (the caller creates and removes it). */
  runDir: string;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  onProgress?: (p: VerifyProgress) => void;
  startupAllowanceSec?: number;
  killGraceMs?: number;
}

export type VerifyProgress =
  | { kind: "probe"; id: string; index: number; count: number }
  | { kind: "seed"; id: string; index: number; count: number; how: string }
  | { kind: "trial"; id: string; index: number; count: number; done: number; total: number; failed: number }
  | { kind: "test-done"; index: number; count: number; test: VerifiedTest };

export async function verify(opts: VerifyOptions): Promise<VerifyReport> {
  const { start, end } = shardRange(opts.stream.total, opts.shard);
  const seeds = streamSeeds(opts.stream, start, end);
  const tests: VerifiedTest[] = [];
  for (let index = 0; index < opts.targets.length; index++) {
    const target = opts.targets[index]!;
    let result: VerifiedTest;
    try {
      result = await verifyOne(target, seeds, index, opts);
    } catch (e) {
      result = notRun(target.test.id, seeds.length, null, `verify stopped by an internal error: ${errorMessage(e)}`);
    }
    tests.push(result);
    opts.onProgress?.({ kind: "test-done", index, count: opts.targets.length, test: result });
    if (opts.signal?.aborted) break;
  }
  return {
    schemaVersion: 1,
    mode: "verify",
    tool: { name: "flaky-triage", version: VERSION },
    seeds: streamInfo(opts.stream),
    ...(opts.shard ? { shard: { index: opts.shard.index, count: opts.shard.count } } : {}),
    tests,
  };
}

function notRun(id: string, requested: number, seedApply: SeedApplyInfo | null, note: string): VerifiedTest {
  return {
    id,
    requested,
    ...emptyCounts(),
    failureRate: null,
    upperBound95: null,
    failingSeeds: [],
    reproduce: null,
    firstFailure: null,
    seedApply,
    stoppedEarly: requested > 0,
    note,
    durationSec: 0,
  };
}

function applyInfo(m: SeedMechanism): SeedApplyInfo {
  const target = m.kind === "env" ? m.names : m.kind === "args" ? m.template : [];
  return { kind: m.kind, target, source: m.source, detail: m.detail };
}

async function verifyOne(target: VerifyTarget, seeds: string[], index: number, opts: VerifyOptions): Promise<VerifiedTest> {
  const { test } = target;
  const count = opts.targets.length;
  const started = Date.now();
  const driver = pickDriver(test, { python: resolvePython(opts.env), rerunCommand: opts.rerunCommand, runner: opts.runner ?? null });
  if (driver === null) return notRun(test.id, seeds.length, null, "no driver runs this test id (give --rerun-command)");
  if (test.id.includes("\0")) return notRun(test.id, seeds.length, null, "the test id contains a NUL byte");
  if (!existsSync(opts.cwd)) return notRun(test.id, seeds.length, null, `working directory ${opts.cwd} does not exist`);
  const refused = driver.refuse?.(test) ?? null;
  if (refused !== null) return notRun(test.id, seeds.length, null, `not run: ${refused}`);

  const pluginDir = await ensurePlugin(opts.runDir);
  const workRoot = await mkdtemp(path.join(opts.runDir, "verify-"));
  const baseEnv = rerunEnv(opts.env, pluginDir);
  const timeoutMs = opts.timeoutSec * 1000;
  const startupMs = (opts.startupAllowanceSec ?? STARTUP_ALLOWANCE_SEC) * 1000;
  const killGraceMs = opts.killGraceMs ?? KILL_GRACE_MS;
  const notes: string[] = [];

  let mechanism = target.mechanism;
  if (mechanism === null) {
    opts.onProgress?.({ kind: "probe", id: test.id, index, count });
    const probe = await probeSeed(
      test,
      driver,
      {
        cwd: opts.cwd,
        env: baseEnv,
        workDir: path.join(workRoot, "probe"),
        timeoutMs,
        startupMs,
        killGraceMs,
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      opts.seedPatterns,
    );
    if (probe.cannotRun !== null) return notRun(test.id, seeds.length, null, `probe run: ${probe.cannotRun}`);
    mechanism = probe.seed !== null ? mechanismFromSeed(probe.seed, "probe") : null;
    if (mechanism === null) {
      mechanism = FALLBACK_MECHANISM;
      notes.push(
        probe.seed === null
          ? "the probe run logged no seed line: each trial seeds random, numpy and torch instead (give --seed-env or --seed-arg if the test takes its seed another way)"
          : `the probe run's ${probe.seed.recogniser} seed cannot take another value: each trial seeds random, numpy and torch instead`,
      );
    }
  }
  const mech: SeedMechanism = mechanism;
  const info = applyInfo(mech);
  if (!driver.seedSupport(seedWithValue(mechanism, seeds[0] ?? "1")).fresh) {
    // Say how to give it one: without a seed to vary, trials would only repeat one run.
    const ways = driver.name === "template" ? "put {seed} in --rerun-command, or give --seed-env NAME or --seed-arg TEMPLATE" : "give --seed-env NAME or --seed-arg TEMPLATE";
    return notRun(test.id, seeds.length, info, `the ${driver.name} driver cannot give this test a seed by ${mechanism.kind}: ${ways}`);
  }
  opts.onProgress?.({ kind: "seed", id: test.id, index, count, how: mechanism.kind });

  const counts = emptyCounts();
  const failing = new Map<string, number>();
  const streamIndex = new Map(seeds.map((s, i) => [s, i]));
  let firstFailure: { order: number; message: string | null; withheld: string[] } | null = null;
  let printedFirst: { order: number; seed: Seed } | null = null;
  /** Why the test skipped itself, from its first skipped trial (for a test that always does). */
  let skipReason: string | null = null;
  let stop = false;
  const cannotRun: string[] = [];

  const record = (t: Trial): boolean => {
    addTrial(counts, t);
    if (t.kind === "skipped" && skipReason === null) skipReason = t.message ?? "";
    if (!stop && counts.trials >= ALL_SKIPPED_STOP && counts.skipped === counts.trials) stop = true;
    if (isFailure(t)) {
      const seed = t.seed ?? "";
      const order = streamIndex.get(seed) ?? Number.MAX_SAFE_INTEGER;
      if (seed !== "" && !failing.has(seed)) failing.set(seed, order);
      if (firstFailure === null || order < firstFailure.order) {
        firstFailure = {
          order,
          message: "message" in t ? (t.message ?? null) : t.kind === "timedOut" ? "timed out" : null,
          withheld: t.kind === "failed" ? (t.withheld ?? []) : [],
        };
      }
      // The earliest failing trial that printed its seed (the first may have timed out, silent).
      if (mech.kind === "global-rng" && (printedFirst === null || order < printedFirst.order)) {
        const printed = printedSeed(t, test, opts.seedPatterns);
        if (printed !== null) printedFirst = { order, seed: printed };
      }
      if (opts.stopOnFailure) stop = true;
    }
    opts.onProgress?.({ kind: "trial", id: test.id, index, count, done: counts.trials, total: seeds.length, failed: failures(counts) });
    return stop || opts.signal?.aborted === true;
  };

  const drv: RerunDriver = driver;
  let batchNo = 0;
  const runPart = async (part: string[]): Promise<void> => {
    let i = 0;
    let consecutiveTimeouts = 0;
    while (i < part.length && !stop && !opts.signal?.aborted) {
      const chunk = part.slice(i, i + (drv.maxSeedsPerProcess ?? MAX_SEEDS_PER_PROCESS));
      const dir = path.join(workRoot, `batch-${batchNo++}`);
      await mkdir(dir, { recursive: true });
      const resultsFile = path.join(dir, "results.jsonl");
      const inv = drv.invocation({
        test,
        seed: seedWithValue(mech, chunk[0]!),
        mode: "repeat",
        attempts: chunk.length,
        freshSeeds: chunk,
        resultsFile,
        workDir: dir,
        stopWhenMixed: false,
        freshPasses: false,
      });
      const batch = await runBatch({
        argv: inv.argv,
        cwd: opts.cwd,
        env: { ...baseEnv, ...inv.env },
        seeds: chunk.slice(0, inv.attempts),
        reportsLines: inv.reportsLines,
        // Drivers judged by more than the exit status (go's own result line, jest's and
        // vitest's result files): without it a filter that matches nothing would pass.
        ...(inv.judge !== undefined ? { judge: inv.judge } : {}),
        skipsAreTrials: true,
        resultsFile,
        timeoutMs,
        startupMs,
        killGraceMs,
        ...(opts.signal ? { signal: opts.signal } : {}),
        onTrial: (t) => {
          consecutiveTimeouts = t.kind === "timedOut" ? consecutiveTimeouts + 1 : 0;
          if (consecutiveTimeouts >= MAX_CONSECUTIVE_TIMEOUTS && !stop) {
            stop = true;
            notes.push(`stopped after ${MAX_CONSECUTIVE_TIMEOUTS} timeouts in a row: the test hangs`);
          }
          return record(t);
        },
      });
      i += batch.trials.length;
      if (batch.cannotRun !== null) {
        cannotRun.push(batch.cannotRun);
        stop = true;
        return;
      }
      if (batch.trials.length === 0 && !batch.aborted && !batch.stopped) {
        notes.push("a verify process ended without running a trial");
        stop = true;
        return;
      }
    }
  };

  const jobs = Math.max(1, Math.min(Math.floor(opts.jobs) || 1, seeds.length || 1));
  const parts = Array.from({ length: jobs }, (_, j) =>
    seeds.slice(Math.floor((j * seeds.length) / jobs), Math.floor(((j + 1) * seeds.length) / jobs)),
  );
  await Promise.all(parts.map(runPart));

  if (cannotRun.length > 0) notes.push(`could not run the test: ${cannotRun[0]}`);
  const reason = skipReason as string | null;
  if (counts.trials > 0 && counts.skipped === counts.trials) {
    const cut = counts.trials < seeds.length ? ` (stopped after ${counts.trials} of ${seeds.length})` : "";
    notes.push(`every trial skipped itself${cut}${reason ? `: ${reason}` : ""}`);
  }
  if (opts.stopOnFailure && failures(counts) > 0 && counts.trials < seeds.length) notes.push("stopped at the first failure (--stop-on-failure)");
  if (opts.signal?.aborted && counts.trials < seeds.length) notes.push("interrupted: trials were cut short");

  const failingSeeds = [...failing.entries()].sort((a, b) => a[1] - b[1]).map(([s]) => s);
  const first = failingSeeds[0];
  const ff = firstFailure as { order: number; message: string | null; withheld: string[] } | null;
  // A test that seeds itself from the global generators and prints the seed it drew only when
  // it fails (MXNet's with_seed): the command that reproduces it gives back that printed seed;
  // a bare command would draw another one.
  const printed = (printedFirst as { order: number; seed: Seed } | null)?.seed ?? null;
  let reproduce: string | null = null;
  if (first !== undefined) {
    try {
      reproduce = driver.reproduceCommand(test, printed ?? seedWithValue(mech, first));
    } catch {
      // An id no shell can carry: better no command than a wrong one.
    }
  }
  if (printed !== null && reproduce !== null) {
    notes.push(
      `a failing trial printed the seed it ran with (${printed.recogniser}: ${printed.value}): the reproduce command gives that back; ` +
        `the failing seeds listed seeded random, numpy and torch (replay them with --seed-list)`,
    );
  }
  // Trials get no credential-like variable unless passed by name: a failure naming one, or one
  // the test read and found missing, is likely that, not the test (triage does not count such
  // reruns; verify says so).
  const withheld = withheldNames(opts.env);
  const named = ff?.message != null ? withheldNamedIn(ff.message, withheld) : null;
  const read = named === null ? (ff?.withheld.find((n) => withheld.includes(n)) ?? null) : null;
  if (named !== null) {
    notes.push(`the first failure names ${named}, which trials do not get (its name looks like a credential): if the test needs it, give it with ${PASS_ENV}=${named}`);
  } else if (read !== null) {
    notes.push(`the first failing trial read ${read} and found it missing: trials do not get it (its name looks like a credential); if the test needs it, give it with ${PASS_ENV}=${read}`);
  }
  return {
    id: test.id,
    requested: seeds.length,
    ...counts,
    ...rateAndBound(counts),
    failingSeeds,
    reproduce,
    firstFailure: ff?.message ?? null,
    seedApply: info,
    stoppedEarly: counts.trials < seeds.length,
    note: notes.length > 0 ? notes.join("; ") : null,
    durationSec: (Date.now() - started) / 1000,
  };
}

/**
 * The seed a failing trial printed, when it can be given back by environment or arguments: under
 * global-generator seeding (the probe learnt nothing, since the test prints its seed only when it
 * fails) it is the one way to rerun that failure alone.
 */
function printedSeed(t: Trial, test: TestCase, patterns: RegExp[]): Seed | null {
  if (t.kind !== "failed") return null;
  const output = [t.printed, t.message].filter((x) => x !== undefined && x !== "").join("\n");
  if (output === "") return null;
  const found = extractSeed(
    { id: test.id, classname: test.classname, name: test.name, outcome: "failed", output, sources: [{ file: "verify trial" }], index: 0 },
    patterns,
  );
  return found !== null && (found.apply.kind === "env" || found.apply.kind === "args") ? found : null;
}
