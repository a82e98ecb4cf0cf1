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

  const INNER = `def test_inner_a():
    assert 0
def test_inner_b():
    pass
`;

  function console(files: Record<string, string>, args: string[]): string {
    const project = pytestProject("ft-nested-more-", files);
    return ciWithConsole(project, ["-p", "no:randomly", ...args, "tests"], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } }).console;
  }

  it("runpytest_subprocess (its 'running:' and 'in:' lines come first) and a passing pytester test under -rA are recognised too", () => {
    const sub = console(
      { "tests/test_plugin.py": `pytest_plugins = ["pytester"]\n\n\ndef test_plugin_reports(pytester):\n    pytester.makepyfile(test_inner=${JSON.stringify(INNER)})\n    pytester.runpytest_subprocess().assert_outcomes(passed=2)\n\n\ndef test_other():\n    pass\n` },
      [],
    );
    expect(sub).toMatch(/^ *running: /m);
    const a = parsePytestLog(sub, "console.log");
    expect(a.warnings).toEqual([]);
    expect(a.tests.map((t) => t.id)).toEqual(["tests/test_plugin.py::test_plugin_reports"]);

    const passes = console(
      {
        "tests/test_plugin.py": `pytest_plugins = ["pytester"]\n\n\ndef test_reports_inner_failure(pytester):\n    pytester.makepyfile(test_inner=${JSON.stringify(INNER)})\n    pytester.runpytest().assert_outcomes(failed=1, passed=1)\n\n\ndef test_z_real_bug():\n    assert 1 + 1 == 3\n`,
      },
      ["-rA"],
    );
    expect(passes).toContain("PASSES");
    const b = parsePytestLog(passes, "console.log");
    expect(b.tests.map((t) => t.id)).toEqual(["tests/test_plugin.py::test_z_real_bug"]);
    expect(b.counts).toMatchObject({ failed: 1, passed: 1 });
  }, 120_000);

  it("a session that died before its counts line (the inner pytest crashed) is not taken for nested: the failures after it are kept", () => {
    const log = console(
      {
        "tests/test_plugin.py": [
          "import subprocess, sys",
          "",
          "",
          "def test_crash_is_contained(tmp_path):",
          '    (tmp_path / "test_inner.py").write_text("import os, signal\\ndef test_inner_a():\\n    os.kill(os.getpid(), signal.SIGSEGV)\\n")',
          '    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", str(tmp_path)], capture_output=True, text=True)',
          "    print(proc.stdout)",
          "    assert proc.returncode == 1",
          "",
          "",
          "def test_y_real_bug():",
          "    assert 1 + 1 == 3",
          "",
        ].join("\n"),
      },
      [],
    );
    // The inner session's header is in the log with no counts line of its own.
    expect(log.match(/test session starts/g)).toHaveLength(2);
    const parsed = parsePytestLog(log, "console.log");
    // Nested-session handling once swallowed everything after it: only the first test was found.
    expect(parsed.tests.map((t) => t.id)).toContain("tests/test_plugin.py::test_y_real_bug");
  }, 120_000);
});

