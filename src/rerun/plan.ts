/**
 * What the rerun engine is asked to do for one test, and what it hands back. `planRerun`
 * normalises the request once, at the boundary between the pipeline and the engine.
 */
import type { Reruns, Seed, TestCase, Trial } from "../model.js";
import { DEFAULTS } from "../settings.js";

export type RerunPhase = "same-seed" | "fresh-seeds" | "order";

export interface RerunRequest {
  test: TestCase;
  seed: Seed | null;
  /** Same-seed attempts. */
  reruns: number;
  /** Fresh-seed attempts (only where the seed can be re-applied). */
  freshSeeds: number;
  /** Per-attempt timeout. */
  timeoutSec: number;
  /** Project root: the working directory of every rerun. */
  cwd: string;
  /** `--rerun-command` argv template, or null for the built-in driver. */
  rerunCommand: readonly string[] | null;
  /** `--runner NAME`, or null to pick the driver from the report's dialect. */
  runner?: string | null;
  /** `--seed-pattern`s: a seed a rerun printed is read with them as CI's was. */
  seedPatterns?: readonly RegExp[];
}

export interface RerunProgress {
  id: string;
  phase: RerunPhase;
  done: number;
  total: number;
}

export interface RerunOutcome {
  reruns: Reruns;
  /** Every attempt, in the order run: same-seed, then fresh seeds, then order checks. */
  trials: Trial[];
  trialsByPhase: Record<RerunPhase, Trial[]>;
  /** The recorded seed was given back to the test (env, args or global RNG). */
  seedReapplied: boolean;
  /** POSIX-shell command that reruns the test with its seed; null when no driver fits. */
  reproduce: string | null;
  /** Processes that ran its attempts (a measure of how much ran in-process); a process a
   * batch shared with other tests (batch.ts) counts for each of them. */
  processes: number;
}

export interface PlanInput {
  test: TestCase;
  seed: Seed | null;
  reruns: number;
  freshSeeds: number;
  timeoutSec: number;
  cwd: string;
  rerunCommand?: readonly string[] | null;
  runner?: string | null;
  seedPatterns?: readonly RegExp[];
}

export function planRerun(input: PlanInput): RerunRequest {
  const count = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  return {
    test: input.test,
    seed: input.seed,
    reruns: count(input.reruns),
    freshSeeds: count(input.freshSeeds),
    timeoutSec: Number.isFinite(input.timeoutSec) && input.timeoutSec > 0 ? input.timeoutSec : DEFAULTS.rerunTimeoutSec,
    cwd: input.cwd,
    rerunCommand: input.rerunCommand && input.rerunCommand.length > 0 ? input.rerunCommand : null,
    runner: input.runner ?? null,
    seedPatterns: input.seedPatterns ?? [],
  };
}
