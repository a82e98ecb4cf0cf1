import { describe, expect, it } from "vitest";
import { ranNoTest, templateDriver } from "../../src/rerun/drivers/template.js";
import type { TestCase } from "../../src/model.js";

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

  it("a run of the test does not, nor a test that prints such words itself mid-line", () => {
    expect(ranNoTest("[==========] Running 1 test from 1 test suite.\n[  FAILED  ] Order.NeedsStateUnset\n")).toBeNull();
    expect(ranNoTest("1 example, 1 failure\n")).toBeNull();
    expect(ranNoTest("log: we expect 0 examples, 0 failures here\n")).toBeNull();
  });

  it("is judged not run, not a pass; a failing run keeps its exit code and telling line", () => {
    const judge = templateDriver(["./build/tests", "--gtest_filter={name}"]).invocation({
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
