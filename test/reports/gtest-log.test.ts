/**
 * googletest's console output, as real runs wrote it (scripts/fixtures/ctest/make.sh and
 * scripts/fixtures/gtest/make.sh: googletest 1.12.1, CMake 3.25): the only record of a binary
 * that crashed before writing its XML, of a SetUpTestSuite failure (its XML says "skipped"), and
 * of `ctest --output-on-failure`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectKind } from "../../src/reports/detect.js";
import { parseGtestLog } from "../../src/reports/gtest-log.js";
import { joinInputs } from "../../src/reports/join.js";
import { extractSeed } from "../../src/seeds/extract.js";
import { pytestProject, removeTempDirs } from "../rerun/helpers.js";

afterAll(removeTempDirs);

const fixtures = path.resolve(import.meta.dirname, "../fixtures/console");
const read = (name: string): string => readFileSync(path.join(fixtures, name), "utf8");
const parse = (name: string) => parseGtestLog(read(name), name);

describe("a googletest binary that crashed (no XML was written)", () => {
  const r = parse("gtest-real-crash.txt");

  it("is googletest's console, by its own lines", () => {
    expect(detectKind(read("gtest-real-crash.txt"))).toBe("gtest-log");
  });

  it("keeps the failures before the crash and makes the test that never finished a failure, naming its last line", () => {
    expect(r.counts).toEqual({ tests: 4, passed: 1, failed: 3, errored: 0, skipped: 0 });
    expect(r.tests.map((t) => [t.id, t.classname, t.name, t.outcome])).toEqual([
      ["Numeric.MeanNearMiss", "Numeric", "MeanNearMiss", "failed"],
      ["Numeric.AddEquals", "Numeric", "AddEquals", "failed"],
      ["Crash.Segfault", "Crash", "Segfault", "failed"],
    ]);
    const crash = r.tests[2]!;
    expect(crash.message).toBe(
      "Crash.Segfault started and printed no result (its last line: about to write through a null pointer): the test binary died or was stopped (a crash, an abort, or a kill such as a timeout)",
    );
    expect(r.warnings).toEqual(["gtest-real-crash.txt: Crash.Segfault started and printed no result (the log ends there); 7 more tests of that run never ran"]);
  });

  it("a failure's details are what it printed, so the dialect places it at its assertion's line", () => {
    const tests = joinInputs([r], { exists: (rel) => rel === "native_test.cc" });
    expect(tests.map((t) => [t.id, t.file ?? null, t.line ?? null])).toEqual([
      ["Numeric.MeanNearMiss", "native_test.cc", 17],
      ["Numeric.AddEquals", "native_test.cc", 20],
      ["Crash.Segfault", null, null],
    ]);
    expect(r.tests[1]?.details).toContain("Expected equality of these values:\n  add(40, 2)\n    Which is: 43\n  42");
  });
});

describe("a SetUpTestSuite that failed", () => {
  it("is a failing test named Suite.* (what --gtest_filter takes), with what it said; its tests stay skips, as googletest reports them", () => {
    const r = parse("gtest-real-suite-setup.txt");
    expect(r.counts).toEqual({ tests: 3, passed: 0, failed: 1, errored: 0, skipped: 2 });
    expect(r.tests.map((t) => [t.id, t.outcome, t.message])).toEqual([
      ["SuiteSetup.*", "failed", "SuiteSetup: its SetUpTestSuite or TearDownTestSuite failed: could not open fixture database fixtures/db.sqlite"],
    ]);
  });
});

describe("ctest --output-on-failure", () => {
  const r = parse("ctest-real.txt");

  it("reads each test process's output as one run of the same log: every CTest test counted once, no 'several runs' warning", () => {
    expect(r.counts).toEqual({ tests: 11, passed: 2, failed: 7, errored: 0, skipped: 2 });
    expect(r.warnings.some((w) => w.includes("test runs"))).toBe(false);
  });

  it("a test CTest saw die or time out says so, from CTest's own line", () => {
    const by = new Map(r.tests.map((t) => [t.id, t]));
    expect(by.get("Crash.Segfault")?.message).toMatch(/: its process crashed \(CTest: \*\*\*Exception: SegFault\)$/);
    expect(by.get("Abort.FailedAssert")?.message).toContain("Assertion `items > 0");
    expect(by.get("Hang.Sleeps")?.message).toBe("Hang.Sleeps started and printed no result: CTest stopped it at its TIMEOUT (***Timeout)");
    // A typed test: CTest's name for it (what `ctest -R` selects and CTest's JUnit says, not
    // googletest's Typed/0.SumIsExact), with its type parameter kept in the details.
    expect(by.get("Typed.SumIsExact<float>")?.details).toMatch(/\nwhere TypeParam = float$/);
    // The seed it printed, given back as its variable.
    expect(extractSeed(by.get("Seeded.RoundTrip")!, [])?.apply).toEqual({ kind: "env", env: { ROUND_SEED: "6" } });
  });
});

describe("the run's seed line and repeated runs", () => {
  it("the shuffle seed printed before the tests reaches each failing test of that run", () => {
    const r = parse("gtest-real-shuffle.txt");
    expect(r.tests.map((t) => extractSeed(t, [])?.value)).toEqual(["23", "23"]);
  });

  it("--gtest_repeat: a test failing in one iteration and passing in the next keeps the failure as a prior attempt", () => {
    const run = (outcome: "OK" | "FAILED") => [
      "[==========] Running 1 test from 1 test suite.",
      "[----------] 1 test from Flaky",
      "[ RUN      ] Flaky.Coin",
      ...(outcome === "FAILED" ? ["x.cc:3: Failure", "Value of: heads", "  Actual: false", "Expected: true", "[  FAILED  ] Flaky.Coin (0 ms)"] : ["[       OK ] Flaky.Coin (0 ms)"]),
      "[----------] 1 test from Flaky (0 ms total)",
      "[==========] 1 test from 1 test suite ran. (0 ms total)",
    ];
    const text = ["Repeating all tests (iteration 1) . . .", "", ...run("FAILED"), "", "Repeating all tests (iteration 2) . . .", "", ...run("OK"), ""].join("\n");
    const r = parseGtestLog(text, "repeat.log");
    expect(r.tests.map((t) => [t.id, t.outcome, t.priorAttempts])).toEqual([["Flaky.Coin", "passed", [{ outcome: "failed", message: "Value of: heads\n  Actual: false\nExpected: true" }]]]);
    expect(r.counts).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 });
  });
});

describe("--gtest_brief=1 (no [ RUN ] lines: each failure's text, then its result)", () => {
  it("reads each failure with its own text and seed, skips from the tail, and nothing of a skipped test's text", () => {
    const r = parse("gtest-real-brief.txt");
    expect(detectKind(read("gtest-real-brief.txt"))).toBe("gtest-log");
    expect(r.counts).toEqual({ tests: 8, passed: 2, failed: 4, errored: 0, skipped: 2 });
    expect(r.tests.map((t) => [t.id, t.message])).toEqual([
      ["Numeric.MeanNearMiss", "The difference between got and 2.0 is 5.999999999062311e-07, which exceeds 1e-7, where"],
      ["Numeric.AddEquals", "Expected equality of these values: add(40, 2) Which is: 43 42"],
      ["Seeded.RoundTrip", "Expected: (v) < (7), actual: 8 vs 7"],
      ["Typed/0.SumIsExact", "The difference between static_cast<double>(s) and 1.0 is 1.1920928955078125e-07, which exceeds 1e-9, where"],
    ]);
    const seeded = r.tests[2]!;
    expect(seeded.details).not.toContain("fixture database");
    expect(extractSeed(seeded, [])?.apply).toEqual({ kind: "env", env: { ROUND_SEED: "6" } });
  });
});

describe("what the review found (helper-56)", () => {
  it("a result after text the test printed without a newline is its result, not a crash", () => {
    const text = ["[==========] Running 2 tests from 1 test suite.", "[ RUN      ] Print.NoNewline", "progress: 50%[       OK ] Print.NoNewline (0 ms)", "[ RUN      ] Print.Fails", "x.cc:9: Failure", "Failed", "[  FAILED  ] Print.Fails (0 ms)", "[==========] 2 tests from 1 test suite ran. (0 ms total)", ""].join("\n");
    const r = parseGtestLog(text, "nl.log");
    expect(r.tests.map((t) => [t.id, t.outcome])).toEqual([["Print.Fails", "failed"]]);
    expect(r.counts).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    expect(r.warnings).toEqual([]);
  });

  it("a googletest log whose test printed pytest-like lines (a FAILED line, a frame) is googletest's (helper-57); pytest's own section lines would make it pytest's", () => {
    const text = ["[==========] Running 1 test from 1 test suite.", "[ RUN      ] Words.PytestLike", "FAILED tests/x.py::test_y - AssertionError", "helper.py:12: in run", "x.cc:3: Failure", "Failed", "[  FAILED  ] Words.PytestLike (0 ms)", "[==========] 1 test from 1 test suite ran. (0 ms total)", ""].join("\n");
    expect(detectKind(text)).toBe("gtest-log");
    expect(parseGtestLog(text, "w.log").tests.map((t) => t.id)).toEqual(["Words.PytestLike"]);
  });

  it("a result after unterminated text that starts with a bracket is its result too (helper-57)", () => {
    const text = ["[==========] Running 1 test from 1 test suite.", "[ RUN      ] Print2.Bracket", "[info] step 3/4[       OK ] Print2.Bracket (0 ms)", "[==========] 1 test from 1 test suite ran. (0 ms total)", ""].join("\n");
    const r = parseGtestLog(text, "b.log");
    expect([r.tests, r.counts.passed, r.warnings]).toEqual([[], 1, []]);
  });

  it("pytest -q -s whose first test runs a googletest binary: pytest's, though googletest's lines come first (helper-58, a real pytest run)", () => {
    const project = pytestProject("ft-pytest-gtest-", {
      "fakebin.py": ["[==========] Running 1 test from 1 test suite.", "[ RUN      ] A.B", "[       OK ] A.B (0 ms)", "[==========] 1 test from 1 test suite ran. (0 ms total)"].map((l) => `print(${JSON.stringify(l)})`).join("\n"),
      "tests/test_a.py": "import subprocess, sys\n\ndef test_binary():\n    subprocess.run([sys.executable, 'fakebin.py'], check=True)\n\ndef test_flaky():\n    assert 1 == 2\n",
    });
    const run = spawnSync("python3", ["-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", "tests"], { cwd: project, encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
    expect(run.stdout.startsWith("[==========] Running 1 test"), run.stdout.slice(0, 300)).toBe(true);
    expect(detectKind(run.stdout)).toBe("pytest-log");
  }, 60_000);

  it("a pytest log whose test printed googletest's lines is pytest's", () => {
    const text = ["============================= test session starts ==============================", "collected 1 item", "", "tests/test_cpp.py F", "", "=================================== FAILURES ===================================", "___________________________________ test_cpp ___________________________________", "[ RUN      ] Print.NoNewline", "E   AssertionError: binary failed", "tests/test_cpp.py:5: AssertionError", "=========================== short test summary info ============================", "FAILED tests/test_cpp.py::test_cpp - AssertionError: binary failed", "============================== 1 failed in 0.10s ===============================", ""].join("\n");
    expect(detectKind(text)).toBe("pytest-log");
  });

  it("--gtest_repeat: one run per iteration, not two", () => {
    const iteration = (n: number) => [`Repeating all tests (iteration ${n}) . . .`, "", "[==========] Running 1 test from 1 test suite.", "[ RUN      ] A.B", "[       OK ] A.B (0 ms)", "[==========] 1 test from 1 test suite ran. (0 ms total)", ""];
    const r = parseGtestLog([...iteration(1), ...iteration(2)].join("\n"), "rep.log");
    expect(r.warnings).toEqual(["rep.log: the log holds 2 test runs; kept the last outcome of each test, earlier ones as prior attempts"]);
    expect(r.counts.tests).toBe(1);
  });

});
