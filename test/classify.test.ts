import { describe, expect, it } from "vitest";
import { classify, type ClassifyInput } from "../src/classify.js";
import { parseTolerance } from "../src/diagnose/tolerance.js";
import type { Cause, Reruns, RerunTally, Seed, SeedSensitivity, TestCase, Verdict } from "../src/model.js";

function tally(passed: number, failed: number, timedOut = 0, crashed = 0): RerunTally {
  return { runs: passed + failed + timedOut + crashed, passed, failed, timedOut, crashed, stoppedEarly: false };
}

const NONE = tally(0, 0);

function reruns(same: RerunTally, fresh: RerunTally = NONE, extra: Partial<Reruns> = {}): Reruns {
  return { sameSeed: same, freshSeeds: { ...fresh, seeds: [], failingSeeds: [] }, ...extra };
}

function testCase(details = "AssertionError: assert 1 == 2"): TestCase {
  return {
    id: "tests/test_x.py::test_y",
    classname: "tests.test_x",
    name: "test_y",
    file: "tests/test_x.py",
    line: 42,
    outcome: "failed",
    message: details.split("\n")[0]!,
    details,
    sources: [{ file: "junit.xml" }],
    index: 3,
  };
}

const SEED: Seed = {
  value: "578250488",
  recogniser: "mxnet-test-seed",
  source: { file: "junit.xml", line: 2 },
  apply: { kind: "env", env: { MXNET_TEST_SEED: "578250488" } },
};

const NEAR_MISS =
  "Error 1.067252 exceeds tolerance rtol=0.000100, atol=0.000010. Location of maximum error:(34, 15), a=0.022217, b=0.022204";
const FAR_MISS =
  "Error 8000.000000 exceeds tolerance rtol=0.000100, atol=0.000010. Location of maximum error:(1, 2), a=0.500000, b=0.400000";
const NAN = "Error nan exceeds tolerance rtol=1.000000e-04, atol=1.000000e-05 (mismatch 1.0%).\nLocation of maximum  error: (3,), a=nan, b=1.00000000";
const ZERO = [
  "Not equal to tolerance rtol=1e-07, atol=0",
  "",
  "Mismatched elements: 1 / 2 (50%)",
  "Mismatch at index:",
  " [0]: 1e-06 (ACTUAL), 0.0 (DESIRED)",
  "Max absolute difference among violations: 1.e-06",
  "Max relative difference among violations: inf",
].join("\n");

/**
 * numpy 2 on a float32 matmul (a real run's message): the largest absolute and relative
 * differences are of different elements, so alone they bound the ratio at 12.1; the listed
 * violations and the truth (4.39, found from the arrays) are a near miss.
 */
const NUMPY_MAXIMA = [
  "Not equal to tolerance rtol=1e-06, atol=1e-07",
  "",
  "Mismatched elements: 8 / 128 (6.25%)",
  "First 5 mismatches are at indices:",
  " [1, 2]: 0.2632782459259033 (ACTUAL), 0.26327741302764884 (DESIRED)",
  " [1, 7]: -0.9227733612060547 (ACTUAL), -0.9227721135641841 (DESIRED)",
  " [3, 1]: 0.4680667519569397 (ACTUAL), 0.46806613931799196 (DESIRED)",
  " [3, 5]: 0.3927057981491089 (ACTUAL), 0.39270630038861587 (DESIRED)",
  " [4, 2]: 0.0011489391326904297 (ACTUAL), 0.0011493835293144364 (DESIRED)",
  "Max absolute difference among violations: 1.24764187e-06",
  "Max relative difference among violations: 0.00038664",
].join("\n");

/** go test -shuffle: a seed that orders the tests and gives them no values. */
const GO_SHUFFLE: Seed = {
  value: "1712345678901234567",
  recogniser: "go-shuffle",
  source: { file: "go-test.json", line: 1 },
  apply: { kind: "args", args: ["-shuffle=1712345678901234567"] },
};

function input(details: string, r: Reruns, seed: Seed | null = SEED, seedReapplied = true): ClassifyInput {
  const test = testCase(details);
  return { test, seed, tolerance: parseTolerance(details, { id: test.id }), reruns: r, seedReapplied };
}

type Row = [string, ClassifyInput, Verdict, SeedSensitivity, Cause, RegExp];

const FLOAT32_BELOW_EPS =
  "\nNot equal to tolerance rtol=1e-07, atol=0\n\nMismatched elements: 1 / 1 (100%)\nMax absolute difference among violations: 1.5497208e-06\n" +
  "Max relative difference among violations: 3.0947267e-06\n ACTUAL: array(0.50076, dtype=float32)\n DESIRED: array(0.500762, dtype=float32)";

const TABLE: Row[] = [
  ["near miss, fails 10/10", input(NEAR_MISS, reruns(tally(0, 10))), "deterministic", "unknown", "tolerance", /near miss: error 1.07x/],
  ["near miss, all seeds still a tolerance problem", input(NEAR_MISS, reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "tolerance", /near miss/],
  ["numpy's maxima of different elements bound the ratio above 10, its listed violations below: a near miss, not a regression", input(NUMPY_MAXIMA, reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "tolerance", /near miss: error 4\.3-12\.1x the allowed tolerance/],
  // Values printed alike (no maxima lines): a ratio of 0, which cannot be how it failed.
  ["no difference visible in the printed values is no near miss", input("Not equal to tolerance rtol=1e-09, atol=0\n\nMismatched elements: 1 / 1 (100%)\n ACTUAL: array(-4.194259, dtype=float32)\n DESIRED: array(-4.194259)", reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "regression", /and every fresh seed.*: a real bug/],
  ["atol=0 vs expected 0", input(ZERO, reruns(tally(0, 10))), "deterministic", "unknown", "tolerance", /cannot pass/],
  // Real numpy 2 output: float32 means checked at rtol=1e-7, below float32's epsilon, 31x over. One
  // violation: numpy's maxima give it at full precision (its printed values, rounded, show 4e-6).
  ["float32 checked below its precision, a far miss at every seed: the tolerance, not a regression", input(FLOAT32_BELOW_EPS, reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "tolerance", /rtol 1e-7 is below float32's precision \(machine epsilon 1\.2e-7\): the observed case needs rtol >= 3\.09473e-6, within the float32 guideline of 1e-4/],
  // The same miss in float64 (epsilon 2.2e-16) is no precision limit: a real bug.
  ["float64 at rtol=1e-7, a far miss at every seed: a regression", input(FLOAT32_BELOW_EPS.replace(/float32/g, "float64"), reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "regression", /and every fresh seed.*: a real bug/],
  ["nan with its seed only", input(NAN, reruns(tally(0, 10), tally(9, 1))), "deterministic", "seed-specific", "edge-case", /non-finite values \(nan\)/],
  ["far miss with its seed only", input(FAR_MISS, reruns(tally(0, 10), tally(5, 5))), "deterministic", "seed-specific", "edge-case", /8000x.*far beyond noise/],
  ["overflow with its seed only", input("RuntimeWarning: overflow encountered in exp\nassert 1 == 2", reruns(tally(0, 10), tally(10, 0))), "deterministic", "seed-specific", "edge-case", /overflow/],
  ["plain failure with its seed only", input("assert 1 == 2", reruns(tally(0, 10), tally(8, 2))), "deterministic", "seed-specific", "edge-case", /unhandled case/],
  ["far miss with every seed", input(FAR_MISS, reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "regression", /every fresh seed.*real bug/],
  ["no seed, fails every time", input("assert 1 == 2", reruns(tally(0, 10)), null), "deterministic", "unknown", "regression", /no seed/],
  ["seed but no fresh runs", input("assert 1 == 2", reruns(tally(0, 10))), "deterministic", "unknown", "unknown", /without fresh-seed runs/],
  ["most fresh seeds fail too", input("assert 1 == 2", reruns(tally(0, 10), tally(3, 7))), "deterministic", "unknown", "unknown", /failed all 10 reruns with seed \d+ and 7 of 10 fresh seeds: most inputs fail, some pass/],
  ["intermittent, seed re-applied", input(NEAR_MISS, reruns(tally(7, 3))), "intermittent", "unknown", "race-condition", /same seed 578250488.*nondeterministic numerics/],
  ["intermittent, no seed, no sign of concurrency: unseeded randomness or a race", input("assert 1 == 2", reruns(tally(5, 5)), null, false), "intermittent", "unknown", "unknown", /with no seed printed: unseeded randomness .* or a race, and its text shows no threads/],
  ["intermittent, no seed, threads in its text: a race", input("    t = threading.Thread(target=warm)\n>   assert cache.ready", reruns(tally(5, 5)), null, false), "intermittent", "unknown", "race-condition", /no seed printed, running concurrent code \("threading\.Thread\(target=warm\)"\)/],
  ["intermittent with a seed given only to the global generators: not pinned", input("assert 1 == 2", reruns(tally(5, 5)), { ...SEED, apply: { kind: "global-rng", value: "7" } }), "intermittent", "unknown", "unknown", /given to random's and numpy's global generators only/],
  ["intermittent, seed not re-applied", input("assert 1 == 2", reruns(tally(5, 5)), SEED, false), "intermittent", "unknown", "unknown", /unseeded randomness cannot be ruled out/],
  // A jest test's own "Seed: N" goes back as jest's --seed: no Python generators in the words.
  ["intermittent jest test with a seed for jest's own generator only", { ...input("Error: expect(received).toBe(expected)", reruns(tally(5, 5)), { ...SEED, apply: { kind: "global-rng", value: "17" } }), test: { ...testCase("Error: expect(received).toBe(expected)"), runner: "jest" } }, "intermittent", "unknown", "unknown", /with its seed \d+ given back as jest's --seed only: unseeded randomness/],
  // Only the report's own retries: no rerun of ours to tell a race from order dependence.
  ["recorded flaky failure counts as a pass", input("assert 1 == 2", reruns(NONE, NONE, { recorded: tally(1, 1) }), null), "intermittent", "unknown", "unknown", /^failed 1 of the 2 runs the report recorded .*: a race, or order dependence when a retry ran it without the tests before it$/],
  ["recorded retries and reruns of ours, intermittent: a race", input("assert 1 == 2", reruns(tally(3, 2), NONE, { recorded: tally(1, 1) })), "intermittent", "unknown", "race-condition", /failed 3 of 7 reruns/],
  ["order dependence, always after predecessors", input("assert 1 == 2", reruns(tally(10, 0), NONE, { order: { ...tally(0, 5), predecessors: 12 } })), "deterministic", "unknown", "order-dependence", /alone but failed 5 of 5 after 12 earlier tests/],
  ["order dependence, sometimes", input("assert 1 == 2", reruns(tally(10, 0), NONE, { order: { ...tally(3, 2), predecessors: 4 } })), "intermittent", "unknown", "order-dependence", /failed 2 of 5/],
  ["a worker died by a signal on every rerun", input("RuntimeError: worker is killed by signal: SIGSEGV", reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "crash", /process dying.*SIGSEGV/],
  ["order dependence ignores fresh seeds run alone", input("assert 1 == 2", reruns(tally(10, 0), tally(10, 0), { order: { ...tally(0, 3), predecessors: 1 } })), "deterministic", "unknown", "order-dependence", /after 1 earlier test: /],
  ["a seed that only orders the tests: fails in its order, passes in some fresh orders", input("assert 1 == 2", reruns(tally(0, 10), tally(2, 1)), GO_SHUFFLE), "deterministic", "seed-specific", "order-dependence", /failed all 10 reruns in its recorded order \(seed 1712345678901234567\) but passed 2 of 3 fresh orders/],
  ["an order seed, one fresh order passing is enough, ahead of a near miss", input(NEAR_MISS, reruns(tally(0, 10), tally(1, 5)), GO_SHUFFLE), "deterministic", "unknown", "order-dependence", /passed 1 of 6 fresh orders/],
  ["an order seed, fails in every order: a regression as any seed", input("assert 1 == 2", reruns(tally(0, 10), tally(0, 6)), GO_SHUFFLE), "deterministic", "all-seeds", "regression", /every fresh seed/],
  // An order seed pins no input: failing sometimes in one order is unseeded values as much as a race (it read "race condition").
  ["an order seed, intermittent in its own order: nothing pins its inputs", input("assert 1 == 2", reruns(tally(4, 6), tally(2, 1)), GO_SHUFFLE), "intermittent", "unknown", "unknown", /with its seed 1712345678901234567 given back as go's test-order seed, which seeds nothing the test draws: unseeded randomness/],
  ["an order seed, intermittent, with threads in its text: a race", input("assert 1 == 2 in worker thread", reruns(tally(4, 6), tally(2, 1)), GO_SHUFFLE), "intermittent", "unknown", "race-condition", /running concurrent code|same seed/],
  ["a seed that feeds values, passing fresh seeds: still an edge case", input("assert 1 == 2", reruns(tally(0, 10), tally(2, 1))), "deterministic", "seed-specific", "edge-case", /unhandled case/],
  ["crashes dominate", input("assert 1 == 2", reruns(tally(0, 2, 0, 8))), "deterministic", "unknown", "crash", /8 of 10 failing reruns crashed/],
  ["timeouts dominate", input("assert 1 == 2", reruns(tally(4, 0, 6))), "intermittent", "unknown", "timeout", /6 of 6 failing reruns timed out/],
  ["text says timeout", input("Failed: Timeout >30.0s", reruns(tally(0, 10))), "deterministic", "unknown", "timeout", /Timeout >30.0s/],
  ["environment text", input("ModuleNotFoundError: No module named 'scipy'", reruns(tally(0, 10))), "deterministic", "unknown", "environment", /setup problem/],
  ["an environment variable not set, every seed", input(">   ???\nE   KeyError: 'MYLIB_DATA_DIR'\n\n<frozen os>:679: KeyError", reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "environment", /setup problem \(.KeyError: 'MYLIB_DATA_DIR'/],
  ["not reproduced", input(NEAR_MISS, reruns(tally(10, 0))), "not-reproduced", "unknown", "unknown", /^did not fail in 10 reruns$/],
  ["not reproduced, nor after its predecessors", input("assert 1 == 2", reruns(tally(10, 0), NONE, { order: { ...tally(3, 0), predecessors: 5 } })), "not-reproduced", "unknown", "unknown", /^did not fail in 10 reruns \(nor in 3 more after its 5 predecessors\)$/],
  // googletest 1.12's own words (scripts/fixtures/ctest/make.sh, Typed/0.SumIsExact): ten 0.1f summed.
  ["deterministic, float typed test with an EXPECT_NEAR below float32's resolution: tolerance, not a regression (helper-55)", input("/w/native_test.cc:68: Failure\nThe difference between static_cast<double>(s) and 1.0 is 1.1920928955078125e-07, which exceeds 1e-9, where\nstatic_cast<double>(s) evaluates to 1.0000001192092896,\n1.0 evaluates to 1, and\n1e-9 evaluates to 1.0000000000000001e-09.\nwhere TypeParam = float", reruns(tally(0, 4)), null), "deterministic", "unknown", "tolerance", /^failed all 4 reruns: atol 1e-9 is below what float32 resolves at 1 \(1\.2e-7\): the observed case needs atol >= 1\.19209e-7, within the float32 guideline of 1e-3$/],
  ["deterministic with concurrent code: the reason says a race can fail every time under load (helper-54's counter under --jobs 2)", input("AssertionError: 3998 != 4000\n    t = threading.Thread(target=bump)", reruns(tally(0, 10), tally(0, 10))), "deterministic", "all-seeds", "regression", /a real bug; its text shows concurrent code \("threading\.Thread[^"]*"\): a race can fail every time under load, so rerun it alone \(--jobs 1\) before bisecting$/],
  ["deterministic, run without its seed (an argument a --rerun-command without {seed} did not pass)", input("assert 1 == 2", reruns(tally(0, 4)), { ...SEED, apply: { kind: "args", args: ["--seed=578250488"] } }, false), "deterministic", "unknown", "regression", /^failed all 4 reruns, run without its seed 578250488 \(the reruns could not be given it\)/],
  // Only the report's own iterations (--gtest_repeat, --no-rerun): nothing of ours ran without it (helper-57).
  ["deterministic from recorded iterations only: no 'run without its seed'", input("assert 1 == 2", { ...reruns(NONE), recorded: tally(0, 3) }, { ...SEED, apply: { kind: "args", args: ["--seed=578250488"] } }, false), "deterministic", "unknown", "unknown", /^failed all 3 reruns with seed 578250488; without fresh-seed runs/],
  // A seed fixed in the code ran in every rerun: no claim that they ran without it (helper-56).
  ["deterministic, a seed fixed in the code (new Random(42))", input("assert 1 == 2", reruns(tally(0, 4)), { ...SEED, value: "42", apply: { kind: "none", why: "fixed in the code" } }, false), "deterministic", "unknown", "unknown", /^failed all 4 reruns with seed 42; without fresh-seed runs/],
  // CI's seed passed every rerun, some fresh seeds failed: that evidence is named, not dropped.
  ["not reproduced with CI's seed, fresh seeds fail", input("assert 1 == 2", { ...reruns(tally(10, 0)), freshSeeds: { ...tally(7, 3), seeds: ["5", "6", "7", "8", "9", "10", "11", "12", "13", "14"], failingSeeds: ["6", "9", "13"] } }), "not-reproduced", "unknown", "unknown", /^did not fail in 10 reruns with CI's seed 578250488, but failed with 3 of 10 fresh seeds \(6, 9, 13\): some inputs break it/],
  ["not reproduced in CI's order (go -shuffle), other orders fail", input("--- FAIL: TestX", { ...reruns(tally(4, 0)), freshSeeds: { ...tally(1, 2), seeds: ["1", "2", "3"], failingSeeds: ["1", "3"] } }, GO_SHUFFLE), "not-reproduced", "unknown", "order-dependence", /^did not fail in 4 reruns in CI's order \(seed 1712345678901234567\) but failed 2 of 3 other orders \(1, 3\): which tests run before it decides$/],
  // Fresh seeds that only timed out: CI's timeout text says what they say (helper-56).
  ["not reproduced, fresh seeds that timed out keep the timeout cause", input("Failed: Timeout >5.0s", { ...reruns(tally(3, 0)), freshSeeds: { ...tally(0, 0, 3), seeds: [], failingSeeds: ["1", "2", "3"] } }), "not-reproduced", "unknown", "timeout", /did not fail in 3 reruns, but the original run timed out/],
  // "worker" in a message is no evidence of threads: no race hedge (helper-56).
  ["deterministic with only the word 'worker': no race hedge", input("AssertionError: assert cfg['workers'] == 4", reruns(tally(0, 4)), null), "deterministic", "unknown", "regression", /^failed all 4 reruns and printed no seed to vary: a real bug$/],
  ["not reproduced, fresh failures beat the timeout text", input("Failed: Timeout >5.0s", { ...reruns(tally(10, 0)), freshSeeds: { ...tally(9, 1), seeds: [], failingSeeds: ["77"] } }), "not-reproduced", "unknown", "unknown", /fresh seeds \(77\)/],
  ["not reproduced but timed out in CI", input("Failed: Timeout >5.0s", reruns(tally(10, 0))), "not-reproduced", "unknown", "timeout", /did not fail in 10 reruns, but the original run timed out/],
  ["not reproduced but environment in CI", input("FileNotFoundError: data.csv", reruns(tally(10, 0))), "not-reproduced", "unknown", "environment", /CI environment differs/],
  ["not rerun: tolerance hypothesis", input(NEAR_MISS, reruns(NONE, NONE, { note: "--no-rerun" })), "not-rerun", "unknown", "tolerance", /hypothesis from the failure text until reruns confirm it \(--no-rerun\)/],
  ["not rerun: crash hypothesis", input("Fatal Python error: Aborted", reruns(NONE)), "not-rerun", "unknown", "crash", /hypothesis/],
  ["not rerun: nan hypothesis", input(NAN, reruns(NONE)), "not-rerun", "unknown", "edge-case", /hypothesis/],
  ["not rerun: nothing to go on", input("assert 1 == 2", reruns(NONE)), "not-rerun", "unknown", "unknown", /points to no cause/],
];

describe("classification table", () => {
  it.each(TABLE)("%s", (_name, given, verdict, sensitivity, cause, reason) => {
    const c = classify(given);
    expect([c.verdict, c.seedSensitivity, c.cause]).toEqual([verdict, sensitivity, cause]);
    expect(c.causeReason).toMatch(reason);
  });

  it("covers every verdict and cause", () => {
    const verdicts = new Set(TABLE.map((r) => r[2]));
    const causes = new Set(TABLE.map((r) => r[4]));
    expect([...verdicts].sort()).toEqual(["deterministic", "intermittent", "not-reproduced", "not-rerun"]);
    expect([...causes].sort()).toEqual(
      ["crash", "edge-case", "environment", "order-dependence", "race-condition", "regression", "timeout", "tolerance", "unknown"],
    );
  });
});

describe("confidence", () => {
  it("deterministic 10/10: passes with probability < 26%", () => {
    const c = classify(input(NEAR_MISS, reruns(tally(0, 10)))).confidence;
    expect(c).toMatchObject({ about: "pass-probability", estimate: 0, moreRerunsAdvised: false });
    expect(c.upperBound95).toBeCloseTo(0.2589, 4);
    expect(c.text).toBe("failed all 10 reruns: passes with probability < 26% (exact 95% bound)");
  });

  it("deterministic 8/8 still allows a 31% pass rate: more reruns advised", () => {
    const c = classify(input(NEAR_MISS, reruns(tally(0, 8)))).confidence;
    expect(c.upperBound95).toBeCloseTo(0.3123, 4);
    expect(c.moreRerunsAdvised).toBe(true);
  });

  it("not reproduced 0/30: the exact rule of three", () => {
    const c = classify(input("assert 1 == 2", reruns(tally(30, 0)))).confidence;
    expect(c).toMatchObject({ about: "failure-probability", estimate: 0, moreRerunsAdvised: false });
    expect(c.upperBound95).toBeCloseTo(1 - Math.pow(0.05, 1 / 30), 12);
    expect(c.text).toBe("passed all 30 reruns: fails with probability < 9.6% (exact 95% bound)");
  });

  it("intermittent 3/10: estimate with a two-sided interval", () => {
    const c = classify(input("assert 1 == 2", reruns(tally(7, 3)))).confidence;
    expect(c).toMatchObject({ about: "failure-probability", estimate: 0.3, moreRerunsAdvised: false });
    expect(c.upperBound95).toBeCloseTo(0.6066242161054123, 9);
    expect(c.text).toBe("failed 3 of 10 reruns: failure rate 30% (95% interval 6.6%-66%)");
  });

  it("few trials always advise more reruns", () => {
    expect(classify(input("assert 1 == 2", reruns(tally(2, 1)))).confidence.moreRerunsAdvised).toBe(true);
    expect(classify(input("assert 1 == 2", reruns(NONE))).confidence).toEqual({
      about: "none",
      upperBound95: null,
      estimate: null,
      text: "not rerun: no confidence beyond the failure text",
      moreRerunsAdvised: true,
    });
  });
});

describe("a race without a seed needs evidence of concurrency", () => {
  const intermittent = (name: string) =>
    classify({ test: { ...testCase("assert 12 == 15"), name }, seed: null, tolerance: null, reruns: reruns(tally(3, 3)), seedReapplied: false });
  it("a test named for concurrent code is a race; a name that only contains the letters is not", () => {
    expect(intermittent("parallelSum adds every value")).toMatchObject({ cause: "race-condition", causeReason: expect.stringContaining('its name: "parallelSum adds every value"') });
    expect(intermittent("test_lock_released").cause).toBe("race-condition");
    for (const name of ["test_trace_shape", "test_block_sparse", "test_mean"]) expect(intermittent(name).cause, name).toBe("unknown");
  });
});

describe("a failure hypothesis replays (its @reproduce_failure blob, or the example from its database)", () => {
  const blob: Seed = {
    value: "AEID6A==",
    recogniser: "hypothesis-reproduce-failure",
    source: { file: "junit.xml", line: 20 },
    apply: { kind: "hypothesis", decorator: "@reproduce_failure('6.155.2', b'AEID6A==')" },
    related: [{ value: "test_small(\n    x=1000,\n)", recogniser: "hypothesis-falsifying-example", source: { file: "junit.xml", line: 16 }, apply: { kind: "none", why: "no blob" } }],
  };
  const run = (seed: Seed, fresh: RerunTally = NONE) =>
    classify({ test: testCase("AssertionError: too big"), seed, tolerance: null, reruns: reruns(tally(0, 3), fresh), seedReapplied: true });

  it("is an edge case named by its example, not 'without fresh-seed runs an edge case cannot be told from a regression'", () => {
    expect(run(blob)).toMatchObject({
      verdict: "deterministic",
      cause: "edge-case",
      causeReason: "failed all 3 reruns; hypothesis's falsifying example test_small(x=1000): an input the code does not handle",
    });
    const exampleOnly = { ...blob.related![0]! };
    expect(run(exampleOnly).cause).toBe("edge-case");
    const blobOnly: Seed = { ...blob, related: [] };
    expect(run(blobOnly).causeReason).toBe("failed all 3 reruns; hypothesis's falsifying example: an input the code does not handle");
  });

  it("a regression when hypothesis says any generated value fails (the review's inc(x) = x + 2), its comment not in the example", () => {
    const any: Seed = { ...blob, related: [{ ...blob.related![0]!, value: "test_inc(\n    x=0,  # or any other generated value\n)" }] };
    expect(run(any)).toMatchObject({
      cause: "regression",
      causeReason: "failed all 3 reruns; hypothesis's falsifying example test_inc(x=0) fails with any other generated value too: a real bug",
    });
  });

  it("still a regression when fresh seeds all failed too (every search finds it)", () => {
    expect(run(blob, tally(0, 4)).cause).toBe("regression");
  });
});
