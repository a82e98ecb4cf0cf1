/** Small numeric helpers with one real bug, one race and one seed-dependent edge case. */

/** Median of a sorted copy. Bug: an even-length input returns the upper middle, not the mean. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Sums values "in parallel": the total is read on a timer of its own instead of after every
 * worker has added its part. Which timer fires first is decided by the random delays alone
 * (timers fire in deadline order, even on a loaded machine), so about half the runs fail.
 */
export async function parallelSum(values) {
  let total = 0;
  for (const v of values) setTimeout(() => (total += v), Math.random() * 10);
  // "Long enough" for the workers: a guess, not a join.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 16));
  return total;
}

/** A seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normalises weights to sum 1. Edge case: all-zero weights divide by zero. */
export function normalise(weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}
