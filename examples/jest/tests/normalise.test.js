const { normalise, rng } = require("../src/stats.js");

/**
 * The seed of this test: EXAMPLE_SEED when given (to replay), else jest's own (`--seed=N`,
 * random without it), always printed. jest prints its seed only in the run's summary, which
 * no JUnit report holds; this line reaches the report through jest-junit's console output.
 */
function seedOfRun() {
  const given = process.env.EXAMPLE_SEED;
  const seed = given !== undefined && given !== "" ? Number(given) : jest.getSeed();
  console.log(`EXAMPLE_SEED=${seed}`);
  return seed;
}

describe("normalise", () => {
  // Seed-specific: only seeds whose first draws are all below 0.5 produce all-zero weights.
  test("of random weights sums to one", () => {
    const next = rng(seedOfRun());
    const weights = Array.from({ length: 3 }, () => (next() < 0.5 ? 0 : next()));
    const sum = normalise(weights).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
  });
});
