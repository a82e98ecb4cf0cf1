/** Tallies of rerun attempts, counted from their trials: shared by rerunTest, batch.ts and withheld.ts. */
import type { Reruns, RerunTally, Trial } from "../model.js";

export const emptyTally = (): RerunTally => ({ runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });

/** Counts one attempt into `tally` by its kind (a skipped one only as a run). */
export function countTrial(tally: RerunTally, t: Trial): void {
  tally.runs++;
  if (t.kind === "passed") tally.passed++;
  else if (t.kind === "failed") tally.failed++;
  else if (t.kind === "timedOut") tally.timedOut++;
  else if (t.kind === "crashed") tally.crashed++;
}

/** The fresh-seed phase's tally with the seeds it tried and those that failed, from its trials. */
export function freshTally(tally: RerunTally, trials: readonly Trial[]): Reruns["freshSeeds"] {
  const seeds: string[] = [];
  const failingSeeds: string[] = [];
  for (const t of trials) {
    if (t.seed === undefined || t.seed === "") continue;
    seeds.push(t.seed);
    if (t.kind === "failed" || t.kind === "timedOut" || t.kind === "crashed") failingSeeds.push(t.seed);
  }
  return { ...tally, seeds, failingSeeds };
}
