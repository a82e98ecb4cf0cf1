/**
 * How verify gives each trial its seed: from a flag (`--seed-env`, `--seed-arg`), from the seed
 * a triage report recorded for the test, or learnt from a probe run: the test is run once
 * without a seed, and the seed line it logs ("MXNET_TEST_SEED=N", "Using --randomly-seed=N",
 * "np.random.seed(N)", a `--seed-pattern`) is read with the same recognisers triage uses.
 * The recogniser then says how the seed goes back: an environment variable, arguments, or our
 * plugin seeding the global generators.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Seed, TestCase } from "../model.js";
import { runBatch } from "../rerun/attempts.js";
import type { RerunDriver } from "../rerun/drivers/index.js";
import { extractSeed } from "../seeds/extract.js";
import { isSeedVariableName } from "../seeds/recognisers.js";

/** Stands for the trial's seed in `--seed-arg` templates. */
export const SEED_PLACEHOLDER = "{seed}";

export type SeedMechanism = {
  /** Where it was learnt: a flag, the triage report, the probe's output, or our fallback. */
  source: "flag" | "report" | "probe" | "default";
  /** The recogniser (or flag) it came from, for the report. */
  detail: string;
} & (
  | { kind: "env"; names: string[] }
  | { kind: "args"; template: string[] }
  | { kind: "global-rng" }
);

/** The mechanism as one line for people ("environment MXNET_TEST_SEED"). */
export function describeMechanism(m: SeedMechanism): string {
  const how =
    m.kind === "env"
      ? `environment ${m.names.join(", ")}`
      : m.kind === "args"
        ? `arguments ${m.template.join(" ")}`
        : "global RNG seeding (random, numpy, torch) before each trial";
  return `${how} (from ${m.source}: ${m.detail})`;
}

/** A Seed that gives `value` to the test the way `m` says; what drivers and reproduce take. */
export function seedWithValue(m: SeedMechanism, value: string): Seed {
  const base = { value, recogniser: `verify:${m.source}`, source: { file: "flaky-triage verify" } };
  if (m.kind === "env") {
    return { ...base, apply: { kind: "env", env: Object.fromEntries(m.names.map((n) => [n, value])) } };
  }
  if (m.kind === "args") {
    return { ...base, apply: { kind: "args", args: m.template.map((a) => a.replaceAll(SEED_PLACEHOLDER, value)) } };
  }
  return { ...base, apply: { kind: "global-rng", value } };
}

/**
 * The mechanism behind a recorded seed, or null when it cannot take another value (hypothesis
 * blobs, unknown mechanisms). Only the primary seed counts: a related MXNet module seed stays
 * out, so every trial's outcome depends on its one recorded seed.
 */
export function mechanismFromSeed(seed: Seed, source: "report" | "probe"): SeedMechanism | null {
  const apply = seed.apply;
  const detail = seed.recogniser;
  if (apply.kind === "env") {
    const names = Object.entries(apply.env)
      .filter(([, v]) => v === seed.value)
      .map(([n]) => n);
    return names.length > 0 ? { source, detail, kind: "env", names } : null;
  }
  if (apply.kind === "args") {
    if (seed.value === "" || !apply.args.some((a) => a.includes(seed.value))) return null;
    return { source, detail, kind: "args", template: apply.args.map((a) => a.replaceAll(seed.value, SEED_PLACEHOLDER)) };
  }
  if (apply.kind === "global-rng") return { source, detail, kind: "global-rng" };
  return null;
}

export const FALLBACK_MECHANISM: SeedMechanism = {
  source: "default",
  detail: "no seed line seen in the probe run",
  kind: "global-rng",
};

export interface ProbeContext {
  cwd: string;
  /** The rerun environment (credentials already removed, plugin on PYTHONPATH). */
  env: Record<string, string>;
  workDir: string;
  timeoutMs: number;
  startupMs: number;
  killGraceMs: number;
  signal?: AbortSignal;
}

export interface ProbeResult {
  /** The seed the test logged, when one was recognised. */
  seed: Seed | null;
  /** Set when the test could not be run at all (not found, import error, no interpreter). */
  cannotRun: string | null;
  durationSec: number;
}

/**
 * Runs the test once without a seed and reads the seed it logs. pytest's live logging is
 * switched on through PYTEST_ADDOPTS (appended to the user's): MXNet's `with_seed` logs its
 * seed at INFO, which pytest would otherwise only show for a failing test.
 */
export async function probeSeed(test: TestCase, driver: RerunDriver, ctx: ProbeContext, userPatterns: RegExp[]): Promise<ProbeResult> {
  await mkdir(ctx.workDir, { recursive: true });
  const resultsFile = path.join(ctx.workDir, "probe.jsonl");
  const inv = driver.invocation({
    test,
    seed: null,
    mode: "repeat",
    attempts: 1,
    freshSeeds: null,
    resultsFile,
    workDir: ctx.workDir,
    stopWhenMixed: false,
    freshPasses: false,
  });
  // -v undoes the driver's -q: pytest's report header, where pytest-randomly prints its seed
  // ("Using --randomly-seed=N"), is shown only at the default verbosity or above.
  const addopts = [ctx.env["PYTEST_ADDOPTS"] ?? "", "-v -o log_cli=true -o log_cli_level=DEBUG"].join(" ").trim();
  const batch = await runBatch({
    argv: inv.argv,
    cwd: ctx.cwd,
    env: { ...ctx.env, ...inv.env, PYTEST_ADDOPTS: addopts },
    seeds: [null],
    reportsLines: inv.reportsLines,
    // As verify's trials: go's exit status 0 for a -run that matches nothing is no pass.
    ...(inv.judge !== undefined ? { judge: inv.judge } : {}),
    // A test that skipped itself ran: its seed line, if any, is still there to read.
    skipsAreTrials: true,
    resultsFile,
    timeoutMs: ctx.timeoutMs,
    startupMs: ctx.startupMs,
    killGraceMs: ctx.killGraceMs,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onTrial: () => false,
  });
  const trial = batch.trials[0];
  const message = trial !== undefined && "message" in trial ? (trial.message ?? "") : "";
  const output = [batch.process.stdout.text, batch.process.stderr.text, message].join("\n");
  const probeCase: TestCase = {
    id: test.id,
    classname: test.classname,
    name: test.name,
    outcome: "failed",
    output,
    sources: [{ file: "probe run" }],
    index: 0,
  };
  return {
    seed: extractSeed(probeCase, userPatterns) ?? missingSeedVariable(message),
    cannotRun: batch.cannotRun,
    durationSec: trial?.durationSec ?? batch.process.durationMs / 1000,
  };
}

/**
 * A probe that failed for want of a seed variable (`KeyError: 'MXNET_TEST_SEED'`: the test reads
 * `os.environ["MXNET_TEST_SEED"]` and prints nothing without it): that variable is how its seed
 * goes in. Without this every trial failed the same way, "1000 of 1000 failed", exit 1.
 */
function missingSeedVariable(message: string): Seed | null {
  const name = /\bKeyError: '([A-Za-z_][A-Za-z0-9_]{0,99})'/.exec(message)?.[1];
  // A variable named for a seed (MXNET_TEST_SEED, RANDOM_SEED): not any the test needs (DB_PASSWORD).
  if (name === undefined || !/seed/i.test(name) || !isSeedVariableName(name)) return null;
  return { value: "", recogniser: `the probe failed with KeyError: '${name}'`, source: { file: "probe run" }, apply: { kind: "env", env: { [name]: "" } } };
}
