import { describe, expect, test } from "vitest";
import { median, normalise, parallelSum, rng } from "../src/stats.js";

/** The seed of this run: EXAMPLE_SEED when given (to replay), else a fresh one, always printed. */
function seedOfRun() {
  const given = process.env.EXAMPLE_SEED;
  const seed = given !== undefined && given !== "" ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  console.log(`EXAMPLE_SEED=${seed}`);
  return seed;
}

describe("median", () => {
  test("of an odd count is the middle value", () => {
    expect(median([3, 1, 2])).toBe(2);
  });
  // Deterministic: fails on every run, whatever the seed (a real bug in median).
  test("of an even count is the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("parallelSum", () => {
  // Intermittent: the sum is read before the slowest timer fired, about half the time.
  test("adds every value", async () => {
    expect(await parallelSum([1, 2, 3, 4])).toBe(10);
  });
});

describe("normalise", () => {
  // Seed-specific: only seeds whose first draws are all below 0.5 produce all-zero weights.
  test("of random weights sums to one", () => {
    const next = rng(seedOfRun());
    const weights = Array.from({ length: 3 }, () => (next() < 0.5 ? 0 : next()));
    const sum = normalise(weights).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
  });
});
