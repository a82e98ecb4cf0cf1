/**
 * googletest, Catch2, PHPUnit, rspec and minitest as they really write: the JUnit XML and console
 * output of tiny seeded programs run here (scripts/fixtures/<tool>/make.sh; the tools are not on
 * CI, so the output is committed). Every expected count, id, line and number below was read by
 * hand from those files. The `*-real-rerun.txt` fixtures are the near misses run again alone with
 * the seed given back the way our recognisers give it, so the re-application is checked against
 * the tool too.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ParsedInput, Report, TestCase, Tolerance } from "../../src/model.js";
import { parseTolerance } from "../../src/diagnose/tolerance.js";
import { detectDialect, viewOf } from "../../src/reports/dialects/index.js";
import { joinInputs } from "../../src/reports/join.js";
import { JUnitReader } from "../../src/reports/junit.js";
import { extractSeed } from "../../src/seeds/extract.js";

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(root, "test/fixtures");

function junit(name: string): { parsed: ParsedInput; failing: TestCase[]; head: string; file: string } {
  const file = path.join(fixtures, "junit", name);
  const text = readFileSync(file, "utf8");
  const reader = new JUnitReader(file);
  reader.write(text);
  const parsed = reader.end();
  return { parsed, failing: parsed.tests.filter((t) => t.outcome !== "passed"), head: text.slice(0, 4096), file };
}

function consoleText(name: string): string {
  return readFileSync(path.join(fixtures, "console", name), "utf8");
}

/** The dialect from the failing tests alone (as a triage run sees them) and with the head. */
function dialects(r: ReturnType<typeof junit>): [string | null, string | null] {
  return [
    detectDialect({ path: r.file, tests: r.failing })?.name ?? null,
    detectDialect({ path: r.file, tests: r.failing, head: r.head })?.name ?? null,
  ];
}

function ids(r: ReturnType<typeof junit>): string[] {
  const d = detectDialect({ path: r.file, tests: r.failing, head: r.head });
  return r.failing.map((t) => (d === null ? t.id : viewOf(d, t).id));
}

/** The join over a project holding exactly `files`: [id, file, line] per failing test. */
function joined(r: ReturnType<typeof junit>, ...files: string[]): Array<[string, string | undefined, number | undefined]> {
  return joinInputs([r.parsed], { exists: (rel) => files.includes(rel) }).map((t) => [t.id, t.file, t.line]);
}

/** The seed of a test whose only text is this console output. */
function seedIn(output: string) {
  const test: TestCase = { id: "t", classname: "", name: "t", outcome: "failed", output, sources: [{ file: "console.txt" }], index: 0 };
  return extractSeed(test, []);
}

function tolerance(t: TestCase | undefined): Tolerance | null {
  return parseTolerance(`${t?.message ?? ""}\n${t?.details ?? ""}`, { id: t?.id ?? "" });
}

function named(r: ReturnType<typeof junit>, name: string): TestCase {
  const t = r.failing.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no failing test ${name}`);
  return t;
}

/** The `$ command` blocks of a rerun fixture: the command line and the output under it. */
function reruns(name: string): Array<{ command: string; output: string }> {
  return consoleText(name)
    .split(/^(?=\$ )/m)
    .filter((b) => b.startsWith("$ "))
    .map((b) => ({ command: b.slice(2, b.indexOf("\n")), output: b.slice(b.indexOf("\n") + 1) }));
}

describe("googletest 1.12.1 (--gtest_shuffle --gtest_random_seed=23)", () => {
  const r = junit("gtest-real-shuffle.xml");

  it("counts, dialect, ids, and the failing assertion's line (not the TEST's)", () => {
    expect(r.parsed.counts).toEqual({ tests: 4, passed: 1, failed: 2, errored: 0, skipped: 1 });
    expect(dialects(r)).toEqual(["googletest", "googletest"]);
    expect(ids(r)).toEqual(["Stats.NoisyMeanIsNearHalf", "Stats.HistogramHasTenBins"]);
    expect(joined(r, "tests/stats_test.cc")).toEqual([
      ["Stats.NoisyMeanIsNearHalf", "tests/stats_test.cc", 30],
      ["Stats.HistogramHasTenBins", "tests/stats_test.cc", 35],
    ]);
  });

  it("an EXPECT_NEAR failure alone is enough to tell the dialect", () => {
    const near = named(r, "NoisyMeanIsNearHalf");
    expect(detectDialect({ path: r.file, tests: [near] })?.name).toBe("googletest");
  });

  it("EXPECT_NEAR: abs_error, the printed difference over it, one rung up", () => {
    const t = tolerance(named(r, "NoisyMeanIsNearHalf"));
    expect(t).toMatchObject({ format: "googletest-expect-near", rtol: 0, atol: 0.01, actual: 0.48652065914869308, expected: 0.5 });
    expect(t?.ratio).toBeCloseTo(0.01347934085130692 / 0.01, 12);
    expect(t?.suggestion).toMatchObject({ parameter: "atol", from: 0.01, to: 0.05, rungsNeeded: 1 });
    expect(tolerance(named(r, "HistogramHasTenBins"))).toBeNull();
  });

  it("the seed line, given back as shuffle + seed, reproduces the near miss alone", () => {
    const seed = seedIn(consoleText("gtest-real-shuffle.txt"));
    expect(seed).toMatchObject({ value: "23", recogniser: "googletest-shuffle-seed" });
    expect(seed?.apply).toEqual({ kind: "args", args: ["--gtest_shuffle", "--gtest_random_seed=23"] });
    const [rerun] = reruns("gtest-real-rerun.txt");
    expect(rerun?.command).toContain(" --gtest_shuffle --gtest_random_seed=23");
    expect(parseTolerance(rerun?.output ?? "", { id: "" })?.actual).toBe(tolerance(named(r, "NoisyMeanIsNearHalf"))?.actual);
  });
});

describe("CTest 3.25 --output-junit (googletest 1.12.1 tests found by gtest_discover_tests, ROUND_SEED=6)", () => {
  const r = junit("ctest-real.xml");

  it("is CTest's by its head: ids are CTest's names (what `ctest -R` selects), not `Suite.Test::Suite.Test` read as a pytest module", () => {
    expect(r.parsed.counts).toEqual({ tests: 11, passed: 2, failed: 7, errored: 0, skipped: 2 });
    expect(dialects(r)[1]).toBe("ctest");
    const tests = joinInputs([r.parsed], { exists: (rel) => rel === "native_test.cc" });
    expect(tests.map((t) => t.id)).toEqual([
      "Numeric.MeanNearMiss",
      "Numeric.AddEquals",
      "Crash.Segfault",
      "Abort.FailedAssert",
      "Seeded.RoundTrip",
      "Typed.SumIsExact<float>",
      "Hang.Sleeps",
    ]);
  });

  it("what failed comes from the output (its failure message is empty): googletest's failure lines, or the test that never finished and its last line", () => {
    const tests = new Map(joinInputs([r.parsed], { exists: () => false }).map((t) => [t.id, t]));
    expect(tests.get("Numeric.AddEquals")?.message).toBe("Expected equality of these values:\n  add(40, 2)\n    Which is: 43\n  42");
    expect(tests.get("Crash.Segfault")?.message).toMatch(/^Crash\.Segfault started and printed no result \(its last line: about to write through a null pointer\): the test process died/);
    expect(tests.get("Abort.FailedAssert")?.message).toContain("Assertion `items > 0 && \"items must not be empty\"' failed.");
    expect(tests.get("Hang.Sleeps")?.message).toMatch(/^Hang\.Sleeps started and printed no result: /);
    // The EXPECT_NEAR near miss is read from it: 6e-7 against 1e-7.
    expect(tolerance(tests.get("Numeric.MeanNearMiss"))).toMatchObject({ format: "googletest-expect-near", atol: 1e-7 });
  });

  it("places the failure at the assertion's line of the project's source (the output's absolute path, under the project)", () => {
    const files = ["native_test.cc"];
    const near = joinInputs([r.parsed], { exists: (rel) => files.includes(rel) }).find((t) => t.id === "Numeric.MeanNearMiss");
    expect(near === undefined ? null : [near.file, near.line]).toEqual(["native_test.cc", 17]);
  });

  it("the seed the test printed in its output goes back as its variable", () => {
    const seed = extractSeed(named(r, "Seeded.RoundTrip"), []);
    expect(seed).toMatchObject({ value: "6", apply: { kind: "env", env: { ROUND_SEED: "6" } } });
  });
});

describe("Catch2 2.13.10 (--order rand --rng-seed 23, -r junit)", () => {
  const r = junit("catch2-real-rand.xml");

  it("counts (Catch2 2.x cannot skip), dialect and ids (the test case name)", () => {
    expect(r.parsed.counts).toEqual({ tests: 6, passed: 1, failed: 5, errored: 0, skipped: 0 });
    expect(dialects(r)).toEqual(["catch2", "catch2"]);
    expect(ids(r)).toEqual([
      "noisy mean within Approx epsilon",
      "noisy mean WithinRel",
      "noisy mean WithinAbs",
      "histogram has ten bins",
      "noisy mean within Approx margin",
    ]);
    const d = detectDialect({ path: r.file, tests: r.failing });
    expect(viewOf(d!, named(r, "noisy mean WithinAbs")).places).toEqual([{ path: "/home/ci/catch2-project/tests/stats_test.cpp", line: 40 }]);
  });

  // Known bug outside the dialects: join.ts takes the classname "stats_test.global" (binary
  // name + ".global") for a pytest module because "stats_test" ends in "_test", so the id
  // becomes "stats_test/global.py::..." and the file that Python path. Remove `.fails` once
  // the join lets a non-Python dialect win.
  it("the join keeps Catch2's ids and finds the assertion's line", () => {
    expect(joined(r, "tests/stats_test.cpp")[2]).toEqual(["noisy mean WithinAbs", "tests/stats_test.cpp", 40]);
  });

  it("Approx margin, Approx epsilon, WithinAbs, WithinRel: each form's tolerance, ratio and rung", () => {
    // Catch2 prints the value to 10 significant digits: 0.4865206591.
    const diff = 0.5 - 0.4865206591;
    const margin = tolerance(named(r, "noisy mean within Approx margin"));
    // No .epsilon() in the expression: Catch2's default (float epsilon * 100) is still in force.
    expect(margin).toMatchObject({ format: "catch2-approx", atol: 0.01, actual: 0.4865206591, expected: 0.5 });
    expect(margin?.rtol).toBeCloseTo(1.1920929e-5, 12);
    expect(margin?.ratio).toBeCloseTo(diff / (0.01 + 1.1920929e-5 * 0.5), 9);
    expect(margin?.suggestion).toMatchObject({ parameter: "atol", from: 0.01, to: 0.05, rungsNeeded: 1 });

    const epsilon = tolerance(named(r, "noisy mean within Approx epsilon"));
    expect(epsilon).toMatchObject({ format: "catch2-approx", rtol: 0.02, atol: 0 });
    expect(epsilon?.ratio).toBeCloseTo(diff / (0.02 * 0.5), 9);
    expect(epsilon?.suggestion).toMatchObject({ parameter: "rtol", from: 0.02, to: 0.05, rungsNeeded: 1 });

    const abs = tolerance(named(r, "noisy mean WithinAbs"));
    expect(abs).toMatchObject({ format: "catch2-within-abs", rtol: 0, atol: 0.01 });
    expect(abs?.ratio).toBeCloseTo(diff / 0.01, 9);

    const rel = tolerance(named(r, "noisy mean WithinRel"));
    expect(rel).toMatchObject({ format: "catch2-within-rel", rtol: 0.02, atol: 0 });
    expect(rel?.ratio).toBeCloseTo(diff / (0.02 * 0.5), 9);

    expect(tolerance(named(r, "histogram has ten bins"))).toBeNull();
  });

  it("the seed line, given back as --rng-seed, reproduces the near miss alone", () => {
    const seed = seedIn(consoleText("catch2-real-rand.txt"));
    expect(seed).toMatchObject({ value: "23", recogniser: "catch-rng-seed", apply: { kind: "args", args: ["--rng-seed", "23"] } });
    const [rerun] = reruns("catch2-real-rerun.txt");
    expect(rerun?.command).toContain(" --rng-seed 23");
    expect(parseTolerance(rerun?.output ?? "", { id: "" })).toMatchObject({ format: "catch2-within-abs", actual: 0.4865206591 });
  });
});

describe("PHPUnit 9.6.7 (--order-by=random --random-order-seed=23 --log-junit)", () => {
  const r = junit("phpunit-real-random.xml");

  it("counts, dialect, ids and the frame in the test file", () => {
    expect(r.parsed.counts).toEqual({ tests: 4, passed: 1, failed: 2, errored: 0, skipped: 1 });
    expect(dialects(r)).toEqual(["phpunit", "phpunit"]);
    expect(joined(r, "tests/StatsTest.php")).toEqual([
      ["StatsTest::testNoisyMeanIsNearHalf", "tests/StatsTest.php", 29],
      ["StatsTest::testHistogramHasTenBins", "tests/StatsTest.php", 35],
    ]);
  });

  it("assertEqualsWithDelta: the values only (PHPUnit does not print the delta), so no ratio", () => {
    const t = tolerance(named(r, "testNoisyMeanIsNearHalf"));
    expect(t).toMatchObject({
      format: "phpunit-assert-equals-with-delta",
      rtol: null,
      atol: null,
      ratio: null,
      suggestion: null,
      actual: 0.48636885604093233,
      expected: 0.5,
    });
    // "Failed asserting that 9 is identical to 10." is no numeric near miss.
    expect(tolerance(named(r, "testHistogramHasTenBins"))).toBeNull();
  });

  it("the Random Seed line, given back with random order, reproduces the near miss alone", () => {
    const seed = seedIn(consoleText("phpunit-real-random.txt"));
    expect(seed).toMatchObject({ value: "23", recogniser: "phpunit-random-seed" });
    expect(seed?.apply).toEqual({ kind: "args", args: ["--order-by=random", "--random-order-seed=23"] });
    const [rerun] = reruns("phpunit-real-rerun.txt");
    expect(rerun?.command).toContain(" --order-by=random --random-order-seed=23");
    expect(parseTolerance(rerun?.output ?? "", { id: "" })?.actual).toBe(0.48636885604093233);
  });
});

describe("RSpec 3.12 + rspec_junit_formatter 0.4.1 (--seed 15)", () => {
  const r = junit("rspec-real-seed.xml");

  it("counts (pending is skipped), dialect, ids (full descriptions) and the spec's own frame", () => {
    expect(r.parsed.counts).toEqual({ tests: 5, passed: 1, failed: 3, errored: 0, skipped: 1 });
    expect(dialects(r)).toEqual(["rspec", "rspec"]);
    expect(joined(r, "spec/stats_spec.rb")).toEqual([
      ["Stats has ten histogram bins", "spec/stats_spec.rb", 29],
      ["Stats has a noisy mean near one half", "spec/stats_spec.rb", 20],
      ["Stats has a noisy mean within 2% of one half", "spec/stats_spec.rb", 24],
    ]);
  });

  it("be_within(d).of(e) is an absolute allowance, .percent_of(e) a relative one", () => {
    const of = tolerance(named(r, "Stats has a noisy mean near one half"));
    expect(of).toMatchObject({ format: "rspec-be-within", rtol: 0, atol: 0.01, actual: 0.4858642005895769, expected: 0.5 });
    expect(of?.ratio).toBeCloseTo((0.5 - 0.4858642005895769) / 0.01, 12);
    expect(of?.suggestion).toMatchObject({ parameter: "atol", from: 0.01, to: 0.05, rungsNeeded: 1 });

    const pct = tolerance(named(r, "Stats has a noisy mean within 2% of one half"));
    expect(pct).toMatchObject({ format: "rspec-be-within-percent-of", rtol: 0.02, atol: 0, actual: 0.5195825991974726 });
    expect(pct?.ratio).toBeCloseTo((0.5195825991974726 - 0.5) / (0.02 * 0.5), 12);
    expect(pct?.suggestion).toMatchObject({ parameter: "rtol", from: 0.02, to: 0.05, rungsNeeded: 1 });
    expect(tolerance(named(r, "Stats has ten histogram bins"))).toBeNull();
  });

  it("--seed gives back the order: the first example to draw numbers repeats alone, the second does not", () => {
    const seed = seedIn(consoleText("rspec-real-seed.txt"));
    expect(seed).toMatchObject({ value: "15", recogniser: "rspec-seed", apply: { kind: "args", args: ["--seed", "15"] } });
    const [first, second] = reruns("rspec-real-rerun.txt");
    expect(first?.command).toContain(" --seed 15");
    expect(parseTolerance(first?.output ?? "", { id: "" })?.actual).toBe(0.4858642005895769);
    // Alone it draws what the first example drew in the full run: the values depend on the order.
    expect(parseTolerance(second?.output ?? "", { id: "" })?.actual).toBe(0.4858642005895769);
    expect(tolerance(named(r, "Stats has a noisy mean within 2% of one half"))?.actual).not.toBe(0.4858642005895769);
  });
});

describe("minitest 5.17 (--seed 15) + minitest-reporters 1.0.19 JUnitReporter", () => {
  const r = junit("minitest-real-reporters.xml");

  it("counts, dialect, ids (the method: this reporter writes Minitest::Result as the class) and lines", () => {
    expect(r.parsed.counts).toEqual({ tests: 5, passed: 1, failed: 3, errored: 0, skipped: 1 });
    expect(r.failing.every((t) => t.classname === "Minitest::Result")).toBe(true);
    expect(dialects(r)).toEqual(["minitest", "minitest"]);
    expect(joined(r, "test/stats_test.rb")).toEqual([
      ["test_noisy_mean_in_delta", "test/stats_test.rb", 29],
      ["test_noisy_mean_in_epsilon", "test/stats_test.rb", 33],
      ["test_histogram_has_ten_bins", "test/stats_test.rb", 38],
    ]);
  });

  it("assert_in_delta, and assert_in_epsilon (printed as the delta it implies), read as an atol", () => {
    const delta = tolerance(named(r, "test_noisy_mean_in_delta"));
    expect(delta).toMatchObject({ format: "minitest-assert-in-delta", rtol: 0, atol: 0.01, actual: 0.48579289638787965, expected: 0.5 });
    expect(delta?.ratio).toBeCloseTo(0.014207103612120353 / 0.01, 12);
    expect(delta?.suggestion).toMatchObject({ parameter: "atol", from: 0.01, to: 0.05, rungsNeeded: 1 });
    const epsilon = tolerance(named(r, "test_noisy_mean_in_epsilon"));
    // assert_in_epsilon 0.5, x, 0.02 allows 0.02 * min(0.5, x) = 0.01 here.
    expect(epsilon).toMatchObject({ format: "minitest-assert-in-delta", atol: 0.01, actual: 0.5197419024097659 });
    expect(epsilon?.ratio).toBeCloseTo(0.01974190240976592 / 0.01, 12);
    expect(tolerance(named(r, "test_histogram_has_ten_bins"))).toBeNull();
  });

  it("the seed in minitest's own words and in minitest-reporters' both give back --seed", () => {
    for (const file of ["minitest-real-plain.txt", "minitest-real-reporters.txt"]) {
      expect(seedIn(consoleText(file))).toMatchObject({ value: "15", recogniser: "minitest-seed", apply: { kind: "args", args: ["--seed", "15"] } });
    }
  });

  it("--seed alone with -n: the first test to draw repeats its values, the second draws the first's", () => {
    const [delta, epsilon] = reruns("minitest-real-rerun.txt");
    expect(delta?.command).toContain(" --seed 15");
    expect(parseTolerance(delta?.output ?? "", { id: "" })?.actual).toBe(0.48579289638787965);
    expect(parseTolerance(epsilon?.output ?? "", { id: "" })).toMatchObject({ actual: 0.48579289638787965, atol: 0.009715857927757593 });
    // The rerun's own "Run options: -n ... --seed 15" header is the same recogniser's.
    expect(seedIn(epsilon?.output ?? "")?.value).toBe("15");
  });
});

describe("node dist/cli.js --no-rerun --json on each real report", () => {
  function cli(fixture: string): Report {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "ft-native-")), "out.json");
    const run = spawnSync(process.execPath, [path.join(root, "dist", "cli.js"), path.join(fixtures, "junit", fixture), "--no-rerun", "--json", out, "--quiet"], {
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(readFileSync(out, "utf8")) as Report;
  }

  /** Per failing test: id, verdict, cause and the near-miss format, if any. */
  const rows = (report: Report) => report.tests.map((t) => [t.id, t.verdict, t.cause, t.tolerance?.format ?? null]);

  it("googletest", () => {
    const report = cli("gtest-real-shuffle.xml");
    expect(report.summary).toMatchObject({ tests: 4, passed: 1, failed: 2, skipped: 1, notRerun: 2 });
    expect(rows(report)).toEqual([
      ["Stats.NoisyMeanIsNearHalf", "not-rerun", "tolerance", "googletest-expect-near"],
      ["Stats.HistogramHasTenBins", "not-rerun", "unknown", null],
    ]);
  });

  it("Catch2: the four near misses are tolerance failures", () => {
    const report = cli("catch2-real-rand.xml");
    expect(report.summary).toMatchObject({ tests: 6, passed: 1, failed: 5, skipped: 0, notRerun: 5 });
    expect(report.tests.map((t) => [t.cause, t.tolerance?.format ?? null])).toEqual([
      ["tolerance", "catch2-approx"],
      ["tolerance", "catch2-within-rel"],
      ["tolerance", "catch2-within-abs"],
      ["unknown", null],
      ["tolerance", "catch2-approx"],
    ]);
  });

  it("PHPUnit: the delta is not printed, so the near miss has values but no cause of its own", () => {
    const report = cli("phpunit-real-random.xml");
    expect(report.summary).toMatchObject({ tests: 4, passed: 1, failed: 2, skipped: 1 });
    expect(rows(report)).toEqual([
      ["StatsTest::testNoisyMeanIsNearHalf", "not-rerun", "unknown", "phpunit-assert-equals-with-delta"],
      ["StatsTest::testHistogramHasTenBins", "not-rerun", "unknown", null],
    ]);
  });

  it("rspec", () => {
    const report = cli("rspec-real-seed.xml");
    expect(report.summary).toMatchObject({ tests: 5, passed: 1, failed: 3, skipped: 1 });
    expect(rows(report)).toEqual([
      ["Stats has ten histogram bins", "not-rerun", "unknown", null],
      ["Stats has a noisy mean near one half", "not-rerun", "tolerance", "rspec-be-within"],
      ["Stats has a noisy mean within 2% of one half", "not-rerun", "tolerance", "rspec-be-within-percent-of"],
    ]);
  });

  it("the seed the report records for the whole run reaches every failing test, re-applied in the runner's flags", () => {
    const seeds = (fixture: string) => [...new Set(cli(fixture).tests.map((t) => JSON.stringify([t.seed?.value, t.seed?.recogniser, t.seed?.apply])))];
    expect(seeds("gtest-real-shuffle.xml")).toEqual([
      JSON.stringify(["23", "googletest-xml-random-seed", { kind: "args", args: ["--gtest_shuffle", "--gtest_random_seed=23"] }]),
    ]);
    expect(seeds("catch2-real-rand.xml")).toEqual([JSON.stringify(["23", "catch-xml-random-seed", { kind: "args", args: ["--rng-seed", "23"] }])]);
    expect(seeds("rspec-real-seed.xml")).toEqual([JSON.stringify(["15", "rspec-xml-seed", { kind: "args", args: ["--seed", "15"] }])]);
    // PHPUnit 9 and minitest-reporters write no seed into their XML.
    expect(cli("phpunit-real-random.xml").tests.every((t) => t.seed === null)).toBe(true);
  });

  it("minitest", () => {
    const report = cli("minitest-real-reporters.xml");
    expect(report.summary).toMatchObject({ tests: 5, passed: 1, failed: 3, skipped: 1 });
    expect(rows(report)).toEqual([
      ["test_noisy_mean_in_delta", "not-rerun", "tolerance", "minitest-assert-in-delta"],
      ["test_noisy_mean_in_epsilon", "not-rerun", "tolerance", "minitest-assert-in-delta"],
      ["test_histogram_has_ten_bins", "not-rerun", "unknown", null],
    ]);
  });
});
