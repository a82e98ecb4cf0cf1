// A test that runs pytest inside itself (pytester, in pytest plugin repositories) and fails
// prints the inner session under its "Captured stdout call" header: its own "test session
// starts", FAILURES and short summary. Those are that test's output: a real red run, then the
// bundled CLI reading its JUnit report and console log. The inner session made a phantom
// failing test (test_inner.py::test_inner_a), a second run in the log and a "cut at the end"
// warning.
import { afterAll, describe, expect, it } from "vitest";
import { parsePytestLog } from "../../src/reports/pytest-log.js";
import { ciWithConsole, pytestProject, removeTempDirs, triageBoth } from "../rerun/helpers.js";

afterAll(removeTempDirs);

const TEST = `pytest_plugins = ["pytester"]


def test_plugin_reports(pytester):
    pytester.makepyfile(test_inner="""
def test_inner_a():
    assert 0
def test_inner_b():
    pass
""")
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)


def test_other():
    pass
`;

describe("a pytest session a failing test ran inside itself (pytester)", () => {
  it("is that test's captured output: one failing test, one run, no warning; triaged deterministic (dist/cli.js)", () => {
    const project = pytestProject("ft-nested-session-", { "tests/test_plugin.py": TEST });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
    const ci = ciWithConsole(project, ["-p", "no:randomly", "--junitxml=reports/junit.xml", "tests"], { env });
    expect(ci.status).toBe(1);
    // The inner session is in the log, under the outer test's captured output.
    expect(ci.console.match(/test session starts/g)).toHaveLength(2);
    expect(ci.console).toContain("FAILED test_inner.py::test_inner_a");

    const parsed = parsePytestLog(ci.console, "console.log");
    expect(parsed.warnings).toEqual([]);
    expect(parsed.counts).toMatchObject({ failed: 1, passed: 1 });
    expect(parsed.tests.map((t) => [t.id, t.outcome])).toEqual([["tests/test_plugin.py::test_plugin_reports", "failed"]]);
    // The inner session stays in the test's output, where its own failure is evidence.
    expect(parsed.tests[0]!.output).toContain("FAILED test_inner.py::test_inner_a");

    const r = triageBoth(project, ["--reruns", "2", "--fresh-seeds", "0", "--jobs", "1"], env);
    expect(r.status, r.stderr).toBe(1);
    expect(r.report.summary).toMatchObject({ failed: 1, deterministic: 1 });
    expect(r.report.tests.map((t) => [t.id, t.verdict])).toEqual([["tests/test_plugin.py::test_plugin_reports", "deterministic"]]);
    expect(r.report.inputs.flatMap((i) => i.warnings)).toEqual([]);
  }, 120_000);
});
