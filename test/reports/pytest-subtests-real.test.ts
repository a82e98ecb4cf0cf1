// Subtests (unittest's subTest, run by pytest 9, which reports each failed one on its own): a
// real red run, then the bundled CLI with reruns. The test's own call passes when only a subtest
// failed, so reruns must count a failed subtest as a failed attempt (they read such a test as
// "not reproduced"), and the console's `SUBFAILED(i=1) id` line and `T.test_y (i=1)` section
// must join the JUnit report's entry for the test.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { parsePytestLog } from "../../src/reports/pytest-log.js";
import { ciWithConsole, pytestProject, removeTempDirs, triageBoth } from "../rerun/helpers.js";

const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
const pytestVersion = spawnSync(python, ["-c", "import pytest; print(pytest.__version__)"], { encoding: "utf8" });
// Subtests are pytest's own from pytest 9 on.
const hasSubtests = pytestVersion.status === 0 && Number(pytestVersion.stdout.split(".")[0]) >= 9;
afterAll(removeTempDirs);

// Subtest i=1 fails in CI (FORCE_FAIL) and half the time after; the others pass.
const TEST = `import os, random, unittest

class TestMany(unittest.TestCase):
    def test_values(self):
        for i in range(3):
            with self.subTest(i=i):
                limit = 0.5 if i == 1 else 2.0
                value = 1.0 if os.environ.get("FORCE_FAIL") and i == 1 else random.random()
                self.assertLess(value, limit)
`;

describe("SUBFAILED summary lines", () => {
  it("name the test, and join the subtest's section", () => {
    const log = [
      "============================= test session starts ==============================",
      "collected 1 item",
      "",
      "tests/test_s.py .                                                        [100%]",
      "",
      "=================================== FAILURES ===================================",
      "_________________________ TestMany.test_values (i=1) __________________________",
      "",
      "    def test_values(self):",
      ">       self.assertLess(value, limit)",
      "E       AssertionError: 1.0 not less than 0.5",
      "",
      "tests/test_s.py:9: AssertionError",
      "=========================== short test summary info ============================",
      "SUBFAILED(i=1) tests/test_s.py::TestMany::test_values - AssertionError: 1.0 not less than 0.5",
      "========================= 1 failed, 1 passed in 0.56s ==========================",
    ].join("\n");
    const parsed = parsePytestLog(log, "console.log");
    expect(parsed.warnings).toEqual([]);
    expect(parsed.tests.map((t) => [t.id, t.outcome, t.message])).toEqual([
      ["tests/test_s.py::TestMany::test_values", "failed", "AssertionError: 1.0 not less than 0.5"],
    ]);
  });
});

describe("SUBFAILED lines with any parameters", () => {
  it("find the node id by its .py, whatever the parameters hold", () => {
    const log = [
      "============================= test session starts ==============================",
      "collected 1 item",
      "",
      "test_p.py .                                                              [100%]",
      "",
      "=================================== FAILURES ===================================",
      "_____________________ test_fix [case [a]] (x=(1, 2)) _____________________",
      "",
      ">       assert x == 0",
      "E       assert (1, 2) == 0",
      "",
      "test_p.py:5: AssertionError",
      "=========================== short test summary info ============================",
      "SUBFAILED[case [a]] (x=(1, 2)) test_p.py::test_fix - assert (1, 2) == 0",
      "========================= 1 failed, 1 passed in 0.01s ==========================",
    ].join("\n");
    const parsed = parsePytestLog(log, "console.log");
    expect(parsed.warnings).toEqual([]);
    expect(parsed.tests.map((t) => [t.id, t.message])).toEqual([["test_p.py::test_fix", "assert (1, 2) == 0"]]);
  });
});

describe.skipIf(!hasSubtests && !process.env.CI)("subtests (real pytest 9)", () => {
  it("reruns count a failed subtest, and the console joins the JUnit entry", () => {
    const project = pytestProject("ft-subtests-", { "tests/test_s.py": TEST });
    const ci = ciWithConsole(project, ["tests", "--junitxml=reports/junit.xml"], { python, env: { ...process.env, FORCE_FAIL: "1" } });
    expect(ci.status, ci.console).toBe(1);
    expect(ci.console).toContain("SUBFAILED(i=1) tests/test_s.py::TestMany::test_values");

    const { status, stderr, report } = triageBoth(project, ["--reruns", "12", "--fresh-seeds", "0"], { ...process.env, FORCE_FAIL: "" });
    expect(status, stderr).not.toBe(2);
    expect(report.tests.map((t) => [t.id, t.verdict])).toEqual([["tests/test_s.py::TestMany::test_values", "intermittent"]]);
    expect(report.inputs.flatMap((i) => i.warnings)).toEqual([]);
  });
});
