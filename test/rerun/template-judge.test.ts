import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ctestStatus, ranNoTest, templateDriver } from "../../src/rerun/drivers/template.js";
import type { Report, TestCase } from "../../src/model.js";
import { removeTempDirs, tempDir } from "./helpers.js";

const here = path.dirname(fileURLToPath(import.meta.url));
afterAll(removeTempDirs);

/** The judge of one same-seed attempt of `test` under a template. */
function judgeOf(template: string[]) {
  return templateDriver(template).invocation({
    test,
    seed: null,
    freshSeeds: null,
    mode: "repeat",
    attempts: 1,
    resultsFile: "/w/r",
    workDir: "/w",
    stopWhenMixed: true,
    freshPasses: true,
  }).judge!;
}

const test: TestCase = { id: "Order.NeedsStateUnset", classname: "Order", name: "NeedsStateUnset", outcome: "failed", sources: [{ file: "report.xml" }], index: 0 };

describe("a --rerun-command attempt that selected no test", () => {
  it.each([
    ["googletest", "Note: Google Test filter = ShouldAbortButDoesNot\n[==========] Running 0 tests from 0 test suites.\n[==========] 0 tests from 0 test suites ran. (0 ms total)\n[  PASSED  ] 0 tests.\n"],
    ["RSpec", "Run options: include {:full_description=>/nothing/}\n\nAll examples were filtered out\n\nFinished in 0.0003 seconds (files took 0.05 seconds to load)\n0 examples, 0 failures\n"],
    ["CTest", "Test project /w/build\nNo tests were found!!!\n"],
    ["pytest", "\nno tests ran in 0.01s\n"],
    ["go test", "testing: warning: no tests to run\nPASS\nok  \texample.com/m\t0.002s [no tests to run]\n"],
    ["cargo test", "running 0 tests\n\ntest result: ok. 0 passed; 0 failed; 0 ignored\n"],
  ])("%s's own line says so", (runner, output) => {
    expect(ranNoTest(output)).toBe(runner);
  });

  it("not when the run failed, or another target or package of it ran a test (the review's go, Mocha and cargo runs)", () => {
    // go test ./... -v: package a holds no match, package b ran and failed the test.
    const go = "=== RUN   TestB\n--- FAIL: TestB (0.00s)\nFAIL\nFAIL\texample.com/m/b\t0.002s\ntesting: warning: no tests to run\nPASS\nok  \texample.com/m/a\t0.001s [no tests to run]\n";
    expect(ranNoTest(go, 1)).toBeNull();
    expect(ranNoTest(go.replace("--- FAIL", "--- PASS"), 0)).toBeNull();
    // Mocha when every selected test fails: "0 passing" then "1 failing".
    expect(ranNoTest("\n  0 passing (4ms)\n  1 failing\n", 1)).toBeNull();
    // cargo: the lib target has none, the integration test target ran it (and passed).
    expect(ranNoTest("running 0 tests\n\ntest result: ok. 0 passed\n\nrunning 1 test\ntest it_works ... ok\n", 0)).toBeNull();
    // pytest's own exit 5 for no tests stays what it was: a failed attempt.
    expect(ranNoTest("\nno tests ran in 0.01s\n", 5)).toBeNull();
  });

  it("a run of the test does not, nor a test that prints such words itself mid-line", () => {
    expect(ranNoTest("[==========] Running 1 test from 1 test suite.\n[  FAILED  ] Order.NeedsStateUnset\n")).toBeNull();
    expect(ranNoTest("1 example, 1 failure\n")).toBeNull();
    expect(ranNoTest("log: we expect 0 examples, 0 failures here\n")).toBeNull();
  });

  it("is judged not run, not a pass; a failing run keeps its exit code and telling line", () => {
    const judge = judgeOf(["./build/tests", "--gtest_filter={name}"]);
    expect(judge.decide({ exitCode: 0, stdout: "[==========] Running 0 tests from 0 test suites.\n", stderr: "", results: null })).toEqual({
      kind: "not-run",
      why: "the --rerun-command ran no test (googletest said so): its {id}, {name} or {file} does not select this test",
    });
    expect(judge.decide({ exitCode: 0, stdout: "[  PASSED  ] 1 test.\n", stderr: "", results: null })).toEqual({ kind: "passed" });
    expect(judge.decide({ exitCode: 1, stdout: "[  FAILED  ] Order.NeedsStateUnset\n", stderr: "", results: null })).toEqual({
      kind: "failed",
      message: "exit code 1: [  FAILED  ] Order.NeedsStateUnset",
    });
  });
});

describe("a --rerun-command without {seed}, for a seed passed as an argument (googletest's --gtest_random_seed)", () => {
  it("does not claim the reruns ran 'with seed 23': they ran without it (dist/cli.js, a real command that always fails)", () => {
    const dir = tempDir("ft-tpl-noseed-");
    copyFileSync(path.join(here, "..", "fixtures", "junit", "gtest-real-shuffle.xml"), path.join(dir, "report.xml"));
    writeFileSync(path.join(dir, "fail.py"), 'import sys\nprint("[  FAILED  ] " + sys.argv[1])\nsys.exit(1)\n');
    const cli = path.join(here, "..", "..", "dist", "cli.js");
    const run = (template: string, extra: string[]): Report => {
      const json = path.join(dir, "out.json");
      const r = spawnSync(process.execPath, [cli, "report.xml", "--rerun-command", template, "--reruns", "3", ...extra, "--json", json, "--quiet"], { cwd: dir, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(1);
      return JSON.parse(readFileSync(json, "utf8")) as Report;
    };
    const without = run("python3 fail.py {name}", []).tests.find((t) => t.name === "HistogramHasTenBins")!;
    expect(without.seed?.value).toBe("23");
    expect(without.causeReason).toBe("failed all 3 reruns, run without its seed 23 (the reruns could not be given it): it fails without CI's inputs too, a real bug");
    expect(without.cause).toBe("regression");
    expect(without.suggestion).not.toContain("with seed 23");
    // With {seed}, the seed is given and fresh ones tried: every seed fails.
    const given = run("python3 fail.py {name} --gtest_random_seed={seed}", ["--fresh-seeds", "2"]).tests.find((t) => t.name === "HistogramHasTenBins")!;
    expect([given.verdict, given.seedSensitivity, given.cause]).toEqual(["deterministic", "all-seeds", "regression"]);
  }, 60_000);
});

describe("a --rerun-command through CTest (`ctest -R '^{name}$'`)", () => {
  // Real CTest 3.25 runs of a segfault, an assert and a TIMEOUT (scripts/fixtures/ctest/make.sh).
  const blocks = readFileSync(path.join(here, "..", "fixtures", "console", "ctest-real-rerun.txt"), "utf8").split(/^(?=\$ )/m).filter((b) => b.startsWith("$ "));
  const judge = judgeOf(["ctest", "-R", "^{name}$"]);

  it("a crash, an abort and a timeout are what CTest says they were, not failures (its exit code is 8 for all three)", () => {
    expect(blocks.map((b) => ctestStatus(b)?.kind)).toEqual(["crash", "crash", "timeout"]);
    expect(ctestStatus(blocks[0]!)?.line).toBe("1/1 Test #4: Crash.Segfault ***Exception: SegFault 0.01 sec");
    expect(blocks.map((b) => judge.decide({ exitCode: 8, stdout: b, stderr: "", results: null }))).toEqual([
      { kind: "failed", crashed: true, message: "CTest: 1/1 Test #4: Crash.Segfault ***Exception: SegFault 0.01 sec" },
      { kind: "failed", crashed: true, message: "CTest: 1/1 Test #5: Abort.FailedAssert Subprocess aborted***Exception: 0.01 sec" },
      { kind: "failed", timedOut: true, message: "CTest: 1/1 Test #11: Hang.Sleeps ***Timeout 0.01 sec" },
    ]);
  });

  it("its timeout runs from a line printed once set-up is over: googletest's, CTest's, go's, cargo's; not pytest's 'collected', which comes before session fixtures (helper-56)", () => {
    expect(["[ RUN      ] A.B", "      Start  4: Crash.Segfault", "=== RUN   TestX", "running 1 test"].map((l) => judge.startsAt!(l))).toEqual([true, true, true, true]);
    expect(["collected 1 item", "Run options: include {:full_description=>/x/}", "Randomized with seed 1234"].map((l) => judge.startsAt!(l))).toEqual([false, false, false]);
  });

  it("a plain failure stays a failure", () => {
    const failed = " 2/11 Test  #2: Numeric.MeanNearMiss .............***Failed    0.00 sec\n";
    expect(ctestStatus(failed)).toBeNull();
    expect(judge.decide({ exitCode: 8, stdout: failed, stderr: "", results: null })).toMatchObject({ kind: "failed" });
    expect(judge.decide({ exitCode: 8, stdout: failed, stderr: "", results: null })).not.toHaveProperty("crashed");
  });
});

describe("a --rerun-command whose test hangs once it began", () => {
  it("is stopped --rerun-timeout after the runner's line that tests begin, not after the 60 s start-up allowance on top (helper-55: 65 s an attempt)", () => {
    const dir = tempDir("ft-tpl-hang-");
    copyFileSync(path.join(here, "..", "fixtures", "junit", "gtest-real-shuffle.xml"), path.join(dir, "report.xml"));
    writeFileSync(path.join(dir, "hang.py"), 'import sys, time\nprint("[ RUN      ] Stats." + sys.argv[1], flush=True)\ntime.sleep(120)\n');
    const json = path.join(dir, "out.json");
    const cli = path.join(here, "..", "..", "dist", "cli.js");
    // Two tests, one rerun each, two at a time: about 2 s with the fix, 62 s without (past this test's own limit).
    const r = spawnSync(process.execPath, [cli, "report.xml", "--rerun-command", "python3 hang.py {name}", "--reruns", "1", "--fresh-seeds", "0", "--jobs", "2", "--rerun-timeout", "2", "--json", json, "--quiet"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 40_000,
    });
    expect(r.error, "the CLI ran past 40 s").toBeUndefined();
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.tests.map((t) => t.reruns.sameSeed.timedOut)).toEqual([1, 1]);
  }, 60_000);
});
