/** Small numeric helpers with one real bug, one race, one seed-dependent edge case and one float32 drift. */

/** Median of a sorted copy. Bug: an even-length input returns the upper middle, not the mean. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** How long parallelSum waits for its workers, and the slowest a worker can take (ms). */
const WAIT_MS = 6;
const SLOWEST_WORKER_MS = 7;

/**
 * Sums values "in parallel": each worker adds its value after 0..7 ms, but the total is read
 * after a fixed 6 ms (a sleep, not a join). Timers of one tick fire in order of their due
 * time, so with five workers the sum is short in about half the runs, whatever the load.
 */
async function parallelSum(values) {
  let total = 0;
  for (const v of values) {
    setTimeout(() => {
      total += v;
    }, Math.floor(Math.random() * (SLOWEST_WORKER_MS + 1)));
  }
  await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  return total;
}

/** A seeded PRNG (mulberry32): the same seed gives the same sequence. */
function rng(seed) {
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
function normalise(weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** Mean accumulated in single precision, as a Float32Array-backed kernel would. */
function mean32(values) {
  let sum = Math.fround(0);
  for (const v of values) sum = Math.fround(sum + Math.fround(v));
  return Math.fround(sum / values.length);
}

module.exports = { median, parallelSum, rng, normalise, mean32 };
