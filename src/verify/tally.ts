/**
 * Counting trials into a `VerifiedTest`, shared by the engine and `merge` so a merged report's
 * rate and bound are computed exactly as one run's would be.
 */
import type { Trial } from "../model.js";
import { upperBound } from "../stats.js";

export interface Counts {
  trials: number;
  passed: number;
  failed: number;
  timedOut: number;
  crashed: number;
  skipped: number;
}

export const emptyCounts = (): Counts => ({ trials: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, skipped: 0 });

export function addTrial(c: Counts, t: Trial): void {
  c.trials++;
  c[t.kind]++;
}

export function failures(c: Counts): number {
  return c.failed + c.timedOut + c.crashed;
}

export function isFailure(t: Trial): boolean {
  return t.kind === "failed" || t.kind === "timedOut" || t.kind === "crashed";
}

/** Failure rate and its exact one-sided 95% upper bound; both null when no trial counted. */
export function rateAndBound(c: Counts): { failureRate: number | null; upperBound95: number | null } {
  const n = c.trials - c.skipped;
  if (n <= 0) return { failureRate: null, upperBound95: null };
  const k = failures(c);
  return { failureRate: k / n, upperBound95: upperBound(k, n, 0.95) };
}
