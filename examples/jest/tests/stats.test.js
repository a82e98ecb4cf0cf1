const { mean32, median, parallelSum } = require("../src/stats.js");

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
  // Intermittent: the sum is read before the slowest worker added to it, about half the time.
  test("adds every value", async () => {
    expect(await parallelSum([1, 2, 3, 4, 5])).toBe(15);
  });
});

describe("mean32", () => {
  // A near miss: single-precision accumulation drifts by ~1e-6 over 1000 terms, twice what
  // toBeCloseTo(x, 6) allows; every run fails by the same amount.
  test("of a thousand tenths is one tenth", () => {
    expect(mean32(Array(1000).fill(0.1))).toBeCloseTo(0.1, 6);
  });
});
