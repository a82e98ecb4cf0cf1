/**
 * Seeds of other runners. Texts marked "real" were captured from runs on this machine
 * (vitest 4.1, fast-check 4); the others are the runners' documented output, quoted from
 * their documentation or source (docs/runners.md says which).
 */
import { describe, expect, it } from "vitest";
import type { TestCase } from "../../src/model.js";
import { extractSeed } from "../../src/seeds/extract.js";
import { BUILTIN_RECOGNISERS, ordersOnly } from "../../src/seeds/recognisers.js";
import { seedApplication } from "../../src/rerun/seed-apply.js";

function withOutput(output: string): TestCase {
  return { id: "x", classname: "", name: "x", outcome: "failed", output, sources: [{ file: "ci.log" }], index: 0 };
}

/** [recogniser, text, seed value, how it is given back]. */
const CASES: Array<[string, string, string, unknown]> = [
  // real: vitest run --sequence.shuffle --sequence.seed=1234
  ["vitest-seed", ' RUN  v4.1.12 /tmp/vt\n      Running tests with seed "1234"\n', "1234",
    { kind: "args", args: ["--sequence.shuffle", "--sequence.seed=1234"] }],
  ["vitest-seed-flag", "npx vitest run --sequence.seed=99 a.test.ts", "99", { kind: "args", args: ["--sequence.shuffle", "--sequence.seed=99"] }],
  // jest --randomize summary (jest-reporters getSummary): the label is padded to "Tests:       ".
  ["jest-seed", "Tests:       1 failed, 3 passed, 4 total\nSnapshots:   0 total\nTime:        1.2 s\nSeed:        -1523893748\n", "-1523893748",
    { kind: "args", args: ["--randomize", "--seed=-1523893748"] }],
  ["go-shuffle", "-test.shuffle 1698771234\n=== RUN   TestMean\n--- FAIL: TestMean (0.00s)", "1698771234", { kind: "args", args: ["-shuffle=1698771234"] }],
  ["mocha-choma-seed", "Choma: to re-use this ordering, run tests with CHOMA_SEED=FhP3yr3hVT.", "FhP3yr3hVT",
    { kind: "env", env: { CHOMA_SEED: "FhP3yr3hVT" } }],
  ["rspec-seed", "Randomized with seed 48213\n\nFailures:", "48213", { kind: "args", args: ["--seed", "48213"] }],
  ["minitest-seed", "Run options: --seed 52631\n\n# Running:", "52631", { kind: "args", args: ["--seed", "52631"] }],
  ["googletest-shuffle-seed", "Note: Randomizing tests' orders with a seed of 2046 .\n[==========] Running 3 tests", "2046",
    { kind: "args", args: ["--gtest_shuffle", "--gtest_random_seed=2046"] }],
  ["catch-rng-seed", "Randomness seeded to: 3710829153\n\n~~~~~~", "3710829153", { kind: "args", args: ["--rng-seed", "3710829153"] }],
  ["phpunit-random-seed", "PHPUnit 10.5.0 by Sebastian Bergmann and contributors.\n\nRandom Seed:   1618413735\n", "1618413735",
    { kind: "args", args: ["--order-by=random", "--random-order-seed=1618413735"] }],
  ["surefire-run-order-seed", "[INFO] Tests will run in random order. To reproduce ordering use flag -Dsurefire.runOrder.random.seed=436473726",
    "436473726", { kind: "args", args: ["-Dsurefire.runOrder.random.seed=436473726"] }],
  ["junit-jupiter-random-order-seed",
    "CONFIG: Using custom seed for configuration parameter [junit.jupiter.execution.order.random.seed] with value [12345].", "12345",
    { kind: "args", args: ["-Djunit.jupiter.execution.order.random.seed=12345"] }],
  ["jqwik-seed", "tries = 10                    | # of calls to property\nseed = -1264957458439282813   | random seed to reproduce generated values\n",
    "-1264957458439282813", { kind: "none", why: 'jqwik takes its seed from code: add seed = "-1264957458439282813" to the @Property annotation' }],
  // real: fast-check 4, fc.assert(fc.property(fc.integer(), (n) => n < 100))
  ["fast-check-seed", 'Property failed after 1 tests\n{ seed: 1698040600, path: "0:1:0:0", endOnFailure: true }\nCounterexample: [100]', "1698040600",
    { kind: "none", why: "fast-check takes its seed from code: pass { seed: 1698040600, path, endOnFailure: true } to fc.assert" }],
  ["quickcheck-replay", "  FAIL (0.01s)\n    *** Failed! Falsified (after 3 tests):\n    Use --quickcheck-replay=742107 to reproduce.", "742107",
    { kind: "args", args: ["--quickcheck-replay=742107"] }],
  ["proptest-regression",
    "proptest: Saving this and future failures in tests/x.proptest-regressions\nproptest: If this test was run on a CI system, you may wish to add the following line to your copy of the file.\ncc 2f4a3b0e9bcb0f4c1d3e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708 # shrinks to x = 5",
    "2f4a3b0e9bcb0f4c1d3e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708", expect.objectContaining({ kind: "none" })],
  ["java-new-random", "at com.x.GenTest.gen(GenTest.java:12) // Random rng = new Random(424242L);", "424242", expect.objectContaining({ kind: "none" })],
];

describe("seed recognisers of other runners", () => {
  it.each(CASES)("%s", (name, text, value, apply) => {
    const seed = extractSeed(withOutput(text), []);
    expect(seed).toMatchObject({ recogniser: name, value, apply });
  });

  it("proptest's minimal failing input is evidence, kept when no seed was printed", () => {
    const seed = extractSeed(withOutput("thread 'x' panicked at 'Test failed: x < 5; minimal failing input: x = 5'"), []);
    expect(seed).toMatchObject({ recogniser: "proptest-minimal-input", apply: { kind: "none" } });
  });

  it("a test's own 'Seed: 5' line stays generic (jest pads its label)", () => {
    expect(extractSeed(withOutput("Seed: 5"), [])?.recogniser).toBe("seed-assignment");
    expect(extractSeed(withOutput("Random seed: 42"), [])?.recogniser).toBe("random-seed-label");
  });

  it("runner arguments go only to that runner's driver", () => {
    const jest = extractSeed(withOutput("Seed:        77\n"), []);
    expect(seedApplication(jest, "jest")?.args).toEqual(["--randomize", "--seed=77"]);
    expect(seedApplication(jest, "vitest")).toBeNull();
    // pytest (no runner name) keeps its own arguments and refuses others'.
    expect(seedApplication(jest)).toBeNull();
    const randomly = extractSeed(withOutput("Using --randomly-seed=3"), []);
    expect(seedApplication(randomly)?.args).toEqual(["-p", "randomly", "--randomly-seed=3"]);
    expect(seedApplication(randomly, "vitest")).toBeNull();
  });
});

describe("seeds that only order the tests", () => {
  it("is go's shuffle alone: the only one whose reruns replay the order, so fresh seeds are fresh orders", () => {
    expect(BUILTIN_RECOGNISERS.filter((r) => ordersOnly({ recogniser: r.name })).map((r) => r.name)).toEqual(["go-shuffle"]);
    // Seeds that also feed the test values (rspec and minitest seed Ruby's rand, jest has
    // getSeed), and order seeds whose reruns run the test alone (vitest -t, mocha --grep).
    for (const name of ["rspec-seed", "minitest-seed", "jest-seed", "pytest-randomly", "mxnet-test-seed", "vitest-seed", "mocha-choma-seed"]) {
      expect(ordersOnly({ recogniser: name }), name).toBe(false);
    }
    expect(ordersOnly(null)).toBe(false);
  });
});
