/**
 * A test that prints its seed but does not take it back. MXNet's `with_seed` and most hand-made
 * equivalents print "use MXNET_TEST_SEED=N to reproduce" and seed from that variable when it is
 * set; a test that draws N itself (`seed = random.randint(...)`) prints it all the same, so CI's
 * log names a seed that no rerun can replay. Its same-seed reruns then run other inputs: a
 * failure seen in some of them read "race condition with the same seed", and none read "not
 * reproduced with CI's seed", though CI's inputs were never tried.
 *
 * Each pytest rerun says what the attempt printed (Trial.printed); the seeds found in it by the
 * recogniser that found CI's, for the same variable, are compared with CI's.
 */
import type { Seed, SeedApply, Trial } from "../model.js";
import { seedsFoundBy } from "../seeds/extract.js";

/** At most this many of the seeds the reruns printed are named. */
const MAX_NAMED = 5;

export interface PrintedInstead {
  /** The seeds printed in CI's place, distinct, in order, at most MAX_NAMED. */
  seeds: string[];
  /** There were more than those. */
  more: boolean;
}

/**
 * The seeds the same-seed reruns printed in place of CI's: some only when CI's seed was given to
 * the test to read (an environment variable or an argument), some rerun printed a seed by the
 * same recogniser (and variable), and no rerun printed CI's anywhere (a test may print several
 * seeds, of retries or workers, besides the one it was given).
 */
export function seedsPrintedInstead(trials: readonly Trial[], seed: Seed | null, userPatterns: readonly RegExp[]): PrintedInstead {
  const none = { seeds: [], more: false };
  if (seed === null || (seed.apply.kind !== "env" && seed.apply.kind !== "args")) return none;
  const variable = variableOf(seed);
  const others: string[] = [];
  for (const trial of trials) {
    if (trial.kind !== "passed" && trial.kind !== "failed") continue;
    const message = trial.kind === "failed" ? trial.message : undefined;
    const text = [trial.printed, message].filter((t) => t !== undefined).join("\n");
    if (text === "") continue;
    for (const found of seedsFoundBy(seed.recogniser, text, userPatterns)) {
      if (variable !== null && variableOfApply(found.apply) !== variable) continue;
      if (found.value === seed.value) return none;
      if (!others.includes(found.value) && others.length <= MAX_NAMED) others.push(found.value);
    }
  }
  return { seeds: others.slice(0, MAX_NAMED), more: others.length > MAX_NAMED };
}

/** The note on the reruns for seedsPrintedInstead's seeds. */
export function printedInsteadNote(seed: Seed, instead: PrintedInstead): string {
  const given = seed.apply.kind === "env" ? (variableOf(seed) ?? Object.keys(seed.apply.env).join(", ")) : "its arguments";
  return (
    `the reruns were given seed ${seed.value} (${given}) but printed ${instead.seeds.join(", ")}${instead.more ? ", ..." : ""}: ` +
    `the test draws its own seed and only prints it, so CI's inputs were not tried again`
  );
}

/** The environment variable CI's seed goes back in (the one holding its value), or null. */
function variableOf(seed: Seed): string | null {
  if (seed.apply.kind !== "env") return null;
  return Object.entries(seed.apply.env).find(([, v]) => v === seed.value)?.[0] ?? null;
}

/** The variable a seed found in a rerun's output would go back in, or null. */
function variableOfApply(apply: SeedApply): string | null {
  return apply.kind === "env" ? (Object.keys(apply.env)[0] ?? null) : null;
}
