/**
 * A test that prints its seed but does not take it back. MXNet's `with_seed` and most hand-made
 * equivalents print "use MXNET_TEST_SEED=N to reproduce" and seed from that variable when it is
 * set; a test that draws N itself (`seed = random.randint(...)`) prints it all the same, so CI's
 * log names a seed that no rerun can replay. Its same-seed reruns then run other inputs: a
 * failure seen in some of them read "race condition with the same seed", and none read "not
 * reproduced with CI's seed", though CI's inputs were never tried.
 *
 * Each pytest rerun says what the attempt printed (Trial.printed); the seed found in it by the
 * recogniser that found CI's is compared with CI's.
 */
import type { Seed, TestCase, Trial } from "../model.js";
import { extractSeed } from "../seeds/extract.js";

/** At most this many of the seeds the reruns printed are named. */
const MAX_NAMED = 5;

/**
 * The seeds the same-seed reruns printed in place of CI's (distinct, in order, at most
 * MAX_NAMED): non-empty only when CI's seed was given to the test to read (an environment
 * variable or an argument), some rerun printed a seed by the same recogniser, and none printed
 * CI's.
 */
export function seedsPrintedInstead(trials: readonly Trial[], seed: Seed | null, userPatterns: readonly RegExp[]): string[] {
  if (seed === null || (seed.apply.kind !== "env" && seed.apply.kind !== "args")) return [];
  const others: string[] = [];
  for (const trial of trials) {
    if (trial.kind !== "passed" && trial.kind !== "failed") continue;
    const message = trial.kind === "failed" ? trial.message : undefined;
    if (trial.printed === undefined && message === undefined) continue;
    const printed = extractSeed(asTest(trial.printed ?? "", message), [...userPatterns]);
    if (printed === null || printed.recogniser !== seed.recogniser) continue;
    if (printed.value === seed.value) return [];
    if (!others.includes(printed.value) && others.length < MAX_NAMED) others.push(printed.value);
  }
  return others;
}

/** The note on the reruns for seedsPrintedInstead's seeds. */
export function printedInsteadNote(seed: Seed, others: readonly string[]): string {
  const given = seed.apply.kind === "env" ? Object.keys(seed.apply.env).join(", ") : "its arguments";
  return (
    `the reruns were given seed ${seed.value} (${given}) but printed ${others.join(", ")}${others.length === MAX_NAMED ? ", ..." : ""}: ` +
    `the test draws its own seed and only prints it, so CI's inputs were not tried again`
  );
}

/** What one attempt printed (and its failure message) as a test for extractSeed to read. */
function asTest(output: string, message: string | undefined): TestCase {
  return { id: "", classname: "", name: "", outcome: "failed", output, ...(message !== undefined ? { message } : {}), sources: [], index: 0 };
}
