/**
 * The verify report: what `flaky-triage verify` and `merge` write with `--json`. Published as
 * schema/verify.schema.json; a change here is a change to that contract.
 */
import type { StreamInfo } from "./seeds.js";

export interface VerifiedTest {
  id: string;
  /** Trials this run was asked for (the shard's share when sharded). */
  requested: number;
  /** Trials that ran: passed + failed + timedOut + crashed + skipped. */
  trials: number;
  passed: number;
  failed: number;
  timedOut: number;
  crashed: number;
  /** A test that skips itself says nothing about its failure rate: left out of the rate. */
  skipped: number;
  /** (failed + timedOut + crashed) / (trials - skipped); null when nothing counted. */
  failureRate: number | null;
  /** Exact one-sided 95% upper bound (Clopper-Pearson) on the failure rate; null when nothing counted. */
  upperBound95: number | null;
  /** Seeds of the failed, timed-out and crashed trials, deduplicated, in stream order. */
  failingSeeds: string[];
  /** POSIX-shell command that reruns the test with the first failing seed; null without failures. */
  reproduce: string | null;
  /** The first failure's one-line message, when there was one. */
  firstFailure: string | null;
  /** How each trial's seed reached the test. */
  seedApply: SeedApplyInfo | null;
  /** True when trials stopped before `requested` (--stop-on-failure, a hang, an interrupt). */
  stoppedEarly: boolean;
  /** Why trials did not run, or were cut short. */
  note: string | null;
  durationSec: number;
}

export interface SeedApplyInfo {
  kind: "env" | "args" | "global-rng";
  /** Environment variable names, or the argument template with `{seed}`; empty for global-rng. */
  target: string[];
  source: "flag" | "report" | "probe" | "default";
  /** The recogniser or flag it came from. */
  detail: string;
}

export interface VerifyReport {
  schemaVersion: 1;
  mode: "verify";
  tool: { name: "flaky-triage"; version: string };
  /** The seed stream every trial's seed came from: enough to run the same seeds again. */
  seeds: StreamInfo;
  /** Present on a shard's report: which share of the stream it ran. */
  shard?: { index: number; count: number };
  /** Present on a merged report: which shards went into it. */
  merged?: { shards: number[]; count: number; missing: number[] };
  tests: VerifiedTest[];
}
