/**
 * `flaky-triage explain` and log-only triage, run as shipped (`node dist/cli.js`), on real logs
 * of the fixture project (test/fixtures/console/regenerate.sh) and the reference's MXNet/nose
 * log: ids, seeds, tolerance figures, cause, verdict and the reproduce command.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report, TriagedTest } from "../../src/model.js";

const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "dist", "cli.js");
const fixtures = join(root, "test", "fixtures", "console");
const python = spawnSync(process.env["FLAKY_TRIAGE_PYTHON"] || "python3", ["-c", "import pytest, numpy"]).status === 0;

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: "utf8", cwd: root });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function triageJson(args: string[]): { report: Report; status: number | null; stdout: string } {
  const out = join(mkdtempSync(join(tmpdir(), "ft-console-")), "report.json");
  const r = run([...args, "--json", out, "--quiet"]);
  expect(r.stderr).toBe("");
  return { report: JSON.parse(readFileSync(out, "utf8")) as Report, status: r.status, stdout: r.stdout };
}

function byId(report: Report, id: string): TriagedTest {
  const t = report.tests.find((x) => x.id === id);
  if (!t) throw new Error(`${id} not in ${report.tests.map((x) => x.id).join(", ")}`);
  return t;
}

describe("explain", () => {
  it("explains the reference's MXNet/nose log", () => {
    const r = run(["explain", join("test", "fixtures", "console", "hand", "nose-mxnet-reference.log")]);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).not.toMatch(/\x1b/);
    expect(out).toContain("FAILED  test_operator_gpu.test_sparse_dot");
    expect(out).toContain("578250488  (mxnet-test-seed, read at test/fixtures/console/hand/nose-mxnet-reference.log line 44)");
    expect(out).toContain("run it with MXNET_TEST_SEED=578250488 in its environment");
    expect(out).toContain("tolerances in force: rtol=1e-4, atol=1e-5");
    expect(out).toContain("error ratio: 1.067252");
    expect(out).toContain("worst element at (34, 15): actual 0.022217, expected 0.022204");
    expect(out).toContain("smallest passing atol: 1.09e-5");
    expect(out).toContain("next rung: atol 1e-5 -> 5e-5: one rung covers the observed case");
    expect(out).toContain("dtype unknown: check the new value against the guideline");
    expect(out).toContain("Likely cause: tolerance");
    expect(out).toMatch(/why: a numeric near miss: error 1\.07x the allowed tolerance; a hypothesis from the failure text until reruns confirm it/);
    expect(out).toContain("flaky-triage test/fixtures/console/hand/nose-mxnet-reference.log --cwd PROJECT_ROOT");
    // The nose id names no file: verify could not run it (it refused: no driver), so the line says which id to give.
    expect(out).toContain("flaky-triage verify TEST_ID --trials 10000\n    after a fix, from the project root, with the id the triage above gives the test (this log's\n    test_operator_gpu.test_sparse_dot names no file to run)");
    expect(out).toMatch(/block has no end: the log looks cut at the end/);
  });

  it("writes hypothesis's falsifying example on one line (it printed `\\x0a` escapes)", () => {
    // Cut from a real run (pytest, hypothesis 6.155.2, print_blob=True): its FAILURES section and summary.
    const log = "F                                                                        [100%]\n=================================== FAILURES ===================================\n__________________________________ test_small __________________________________\n\n    @settings(print_blob=True, derandomize=False)\n>   @given(st.integers())\n                   ^^^\n\ntests/test_h.py:4: \n_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ \n\nx = 1000\n\n    @settings(print_blob=True, derandomize=False)\n    @given(st.integers())\n    def test_small(x):\n>       assert x < 1000, \"too big\"\nE       AssertionError: too big\nE       assert 1000 < 1000\nE       Falsifying example: test_small(\nE           x=1000,\nE       )\nE       \nE       You can reproduce this example by temporarily adding @reproduce_failure('6.155.2', b'AEID6A==') as a decorator on your test case\ntests/test_h.py:6: AssertionError\n=========================== short test summary info ============================\nFAILED tests/test_h.py::test_small - AssertionError: too big\n1 failed in 0.99s\n";
    const r = run(["explain", "-"], log);
    expect(r.stdout).toContain("  also test_small(x=1000)  (hypothesis-falsifying-example, read at");
    expect(r.stdout).toContain("replays with @reproduce_failure('6.155.2', b'AEID6A==')");
  });

  it("explains an excerpt on stdin cut at both ends, never using the cut seed", () => {
    const r = run(["explain", "-"], readFileSync(join(fixtures, "excerpts", "pytest-cut-both-ends.log"), "utf8"));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1 failing test in <stdin> (pytest-log)");
    expect(r.stdout).toMatch(/ends mid-line with a number .*MXNET_TEST_SEED=6221"\), so it looks cut/);
    expect(r.stdout).toContain("FAILED  test_allclose_tolerance");
    expect(r.stdout).toContain("no seed found in the text");
    expect(r.stdout).not.toMatch(/\b6221\b(?!")/);
    expect(r.stdout).toContain("tolerances in force: rtol=1e-7, atol=1e-8");
    // numpy printed the largest differences and five of 559 violations: bounds, not a value.
    expect(r.stdout).toContain("smallest passing rtol: between 6.87e-7 and 1.22e-4");
    expect(r.stdout).toContain("needs up to 7 rungs");
    expect(r.stdout).toMatch(/warning: the observed case may need rtol up to 1\.22e-4 \(at least 6\.87e-7\), above the float32 guideline 1e-4/);
    expect(r.stdout).toContain("save the pasted text as pasted.log");
  });

  it("explains a unittest block whose arrays were elided", () => {
    const r = run(["explain", "-"], readFileSync(join(fixtures, "excerpts", "unittest-one-block.log"), "utf8"));
    expect(r.stdout).toContain("FAILED  unittests.test_operator.TestOperator.test_sparse_dot");
    expect(r.stdout).toContain("format: numpy-allclose");
    expect(r.stdout).toContain("tolerances in force: rtol=1e-7, atol=1e-8");
  });

  it("explains a real pytest run: both MXNet seeds, the reproduce command, a near miss", () => {
    const r = run(["explain", join("test", "fixtures", "console", "pytest-module-seed.log")]);
    const out = r.stdout;
    expect(out).toContain("FAILED  mxtests/test_module_seed.py::test_matmul_float32");
    expect(out).toContain("1013249001  (mxnet-test-seed, read at test/fixtures/console/pytest-module-seed.log line 43)");
    expect(out).toContain("also 1851142435  (mxnet-module-seed, read at test/fixtures/console/pytest-module-seed.log line 41)");
    expect(out).toContain("MXNET_MODULE_SEED=1851142435 MXNET_TEST_SEED=1013249001 python3 -m pytest mxtests/test_module_seed.py::test_matmul_float32");
    // numpy printed the largest differences and five of the violations: the ratio has bounds.
    expect(out).toContain("error ratio: between 4.01 and 5.36");
    expect(out).toContain("worst of the violations listed at [11, 59]");
    expect(out).toContain("Likely cause: tolerance");
    expect(out).toContain("FAILED  mxtests/test_module_seed.py::test_shapes[2 - 3]");
    expect(out).toContain("flaky-triage verify 'mxtests/test_module_seed.py::test_shapes[2 - 3]' --trials 10000");
  });

  it("asks verify for the runner of go and jest ids (verify reads a bare id as pytest's)", () => {
    const go = run(["explain", join("test", "fixtures", "console", "go-example.json")]);
    expect(go.status).toBe(0);
    expect(go.stdout).toMatch(/flaky-triage verify example\.com\/\S+\/Test\w+ --runner go --trials 10000/);
    const jest = run(["explain", join("test", "fixtures", "junit", "jest-junit-top-level.xml")]);
    expect(jest.stdout).toContain("flaky-triage verify '/home/ci/jest-project/tests/race.test.js > worker pool drains the queue' --runner jest --trials 10000");
    // A go test with no seed: verify must be told how to seed it, or it verifies nothing.
    const dir = mkdtempSync(join(tmpdir(), "ft-explain-go-"));
    const log = join(dir, "go.log");
    writeFileSync(log, "=== RUN   TestSum\n    sum_test.go:9: Sum = 5, want 4\n--- FAIL: TestSum (0.00s)\nFAIL\nFAIL\texample.com/m/calc\t0.002s\nFAIL\n");
    expect(run(["explain", log]).stdout).toContain("flaky-triage verify example.com/m/calc/TestSum --runner go --seed-env NAME --trials 10000\n    after a fix, from the project root, NAME the variable the test reads its seed from");
    const pytest = run(["explain", join("test", "fixtures", "junit", "pytest-xunit2.xml")]);
    expect(pytest.stdout).toContain("flaky-triage verify tests/numeric/test_tolerance.py::test_allclose_with_seed --trials 10000\n");
  });

  it("reads a bare pasted assertion as one unnamed failure", () => {
    const text =
      "Error 1.067252 exceeds tolerance rtol=0.000100, atol=0.000010. Location of maximum error:(34, 15), a=0.022217, b=0.022204\n" +
      "common: INFO: use MXNET_TEST_SEED=578250488 to reproduce.\n";
    const r = run(["explain", "-"], text);
    expect(r.stdout).toContain("FAILED  (unnamed test)");
    expect(r.stdout).toContain("no test header found");
    expect(r.stdout).toContain("578250488  (mxnet-test-seed, read at <stdin> line 2)");
    expect(r.stdout).toContain("error ratio: 1.067252");
  });

  it("explains a real go test -v log: the shuffle seed goes back as go arguments", () => {
    const r = run(["explain", join(root, "test", "fixtures", "console", "go-example-v.log")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/goes back as go arguments: -shuffle=\d+/);
    expect(r.stdout).not.toContain("pytest arguments");
  });

  it("sanitises what comes from the log", () => {
    const text = "FAIL: test_x\x1b]0;pwned\x07 (mod.Test\x1b[2J)\n----------------------------------------------------------------------\nTraceback (most recent call last):\nAssertionError: \x1b[31mred\x1b[0m\u0007\n";
    const r = run(["explain", "-"], text);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it("rejects bad usage with one sentence", () => {
    expect(run(["explain"]).stderr).toMatch(/^flaky-triage: explain: give exactly one FILE, or - to read stdin/);
    expect(run(["explain", "a.log", "b.log"]).status).toBe(2);
    expect(run(["explain", "-", "--seed-pattern", "nogroup"], "x").stderr).toMatch(/needs a named group/);
    expect(run(["explain", "missing.log"]).stderr).toMatch(/missing\.log: no such file/);
  });

  it("a first argument named like an Object.prototype key is a report path, not a subcommand", () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      const r = run([name]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(new RegExp(`${name}: no such file`));
    }
  });

  it("accepts --seed-pattern", () => {
    const r = run(["explain", "-", "--seed-pattern", "RUN_ID=(?<seed>\\d+)"], "FAIL: test_a (m.T.test_a)\n----------------------------------------------------------------------\nTraceback (most recent call last):\nAssertionError: RUN_ID=77\n");
    expect(r.stdout).toContain("77  (user:0");
  });
});

describe("triage from a console log alone", () => {
  it("without a project: not-rerun, the cause as a hypothesis, both seeds", () => {
    const { report } = triageJson([join(fixtures, "pytest-module-seed.log"), "--no-rerun"]);
    const t = byId(report, "mxtests/test_module_seed.py::test_matmul_float32");
    expect(t.verdict).toBe("not-rerun");
    expect(t.cause).toBe("tolerance");
    expect(t.causeReason).toMatch(/a hypothesis from the failure text until reruns confirm it/);
    expect(t.seed?.value).toBe("1013249001");
    expect(t.seed?.related?.map((s) => s.value)).toEqual(["1851142435"]);
    expect(t.tolerance).toMatchObject({ format: "numpy-allclose", rtol: 1e-5, atol: 1e-7, dtype: "float32" });
    expect(t.tolerance?.ratio).toBeCloseTo(5.357, 3);
    expect(t.reproduce).toBe(
      "MXNET_MODULE_SEED=1851142435 MXNET_TEST_SEED=1013249001 python3 -m pytest mxtests/test_module_seed.py::test_matmul_float32",
    );
    expect(byId(report, "mxtests/test_module_seed.py::test_shapes[2 - 3]").verdict).toBe("not-rerun");
  });

  it("a JUnit report the crashed run never wrote: the log is triaged, and the missing file is a warning everywhere", () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-missing-"));
    const md = join(dir, "triage.md");
    const json = join(dir, "triage.json");
    const r = run(["reports/junit.xml", join(fixtures, "pytest-module-seed.log"), "--no-rerun", "--markdown", md, "--json", json]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("  warning: reports/junit.xml: no such file; the other reports were read without it\n");
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.inputs[0]).toEqual({ path: "reports/junit.xml", kind: "unknown", tests: 0, warnings: ["reports/junit.xml: no such file; the other reports were read without it"] });
    expect(byId(report, "mxtests/test_module_seed.py::test_matmul_float32").cause).toBe("tolerance");
    // Escaped as everything from a report is (the path is the user's, but warnings carry test names too).
    expect(readFileSync(md, "utf8")).toContain("**Reading the reports:**\n\n- reports/junit\\.xml\\: no such file; the other reports were read without it\n");
    // --quiet hides progress, not this.
    const quiet = spawnSync(process.execPath, [cli, "reports/*.xml", join(fixtures, "pytest-module-seed.log"), "--no-rerun", "--quiet"], { cwd: dir, encoding: "utf8" });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe("warning: reports/*.xml: no file matches this pattern; the other reports were read without it\n");
  });

  it("unittest ids with no project: not rerun, with a note saying why", () => {
    const { report } = triageJson([join(fixtures, "unittest-verbose.log"), "--cwd", tmpdir()]);
    const t = byId(report, "unittests.test_operator.TestOperator.test_sparse_dot");
    expect(t.verdict).toBe("not-rerun");
    expect(t.reruns.note).toMatch(/no rerun driver for this id: it names no test file found under/);
    expect(t.seed?.value).toBe("655063857");
    expect(t.reproduce).toBeNull();
  });

  it.skipIf(!python)("with --cwd: unittest ids become node ids and are rerun", () => {
    const project = join(mkdtempSync(join(tmpdir(), "ft-console-project-")), "project");
    cpSync(join(fixtures, "project"), project, { recursive: true });
    const { report, status } = triageJson([
      join(fixtures, "unittest-verbose.log"),
      "--cwd",
      project,
      "--reruns",
      "2",
      "--fresh-seeds",
      "2",
    ]);
    expect(status).toBe(1);
    const t = byId(report, "unittests/test_operator.py::TestOperator::test_sparse_dot");
    expect(t.verdict).toBe("deterministic");
    expect(t.reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(t.seed?.value).toBe("655063857");
    expect(t.reproduce).toBe("MXNET_TEST_SEED=655063857 python3 -m pytest unittests/test_operator.py::TestOperator::test_sparse_dot");
    expect(t.tolerance).toMatchObject({ format: "numpy-allclose", rtol: 1e-7, atol: 1e-8 });
    expect(byId(report, "unittests/test_operator.py::TestShapes::test_concat").cause).toBe("regression");
  });

  it.skipIf(!python)("with --cwd: a pytest log is rerun exactly as with JUnit input", () => {
    const project = join(mkdtempSync(join(tmpdir(), "ft-console-project-")), "project");
    cpSync(join(fixtures, "project"), project, { recursive: true });
    const { report } = triageJson([join(fixtures, "pytest-module-seed.log"), "--cwd", project, "--reruns", "2", "--fresh-seeds", "2"]);
    const t = byId(report, "mxtests/test_module_seed.py::test_matmul_float32");
    expect(t.verdict).toBe("deterministic");
    expect(t.cause).toBe("tolerance");
    expect(t.reruns.sameSeed.failed).toBe(2);
    expect(byId(report, "mxtests/test_module_seed.py::test_shapes[2 - 3]").verdict).toBe("deterministic");
  });

  it.skipIf(!python)("a module pytest cannot import is one failing test, its file, in the JUnit report and the log alike", () => {
    const project = mkdtempSync(join(tmpdir(), "ft-collect-"));
    mkdirSync(join(project, "tests"));
    mkdirSync(join(project, "reports"));
    writeFileSync(join(project, "tests", "test_api.py"), "from json import no_such_name\n\ndef test_api():\n    assert no_such_name\n");
    const ci = spawnSync(process.env["FLAKY_TRIAGE_PYTHON"] || "python3", ["-m", "pytest", "-p", "no:cacheprovider", "--junitxml=reports/junit.xml", "tests"], { cwd: project, encoding: "utf8" });
    writeFileSync(join(project, "reports", "pytest.log"), ci.stdout);
    expect(ci.stdout).toContain("ERROR collecting tests/test_api.py");
    const out = join(project, "report.json");
    const r = run([join(project, "reports", "junit.xml"), join(project, "reports", "pytest.log"), "--cwd", project, "--no-rerun", "--json", out]);
    expect(r.stdout).toMatch(/\n1 failing test of 1: /);
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(report.tests.map((t) => [t.id, t.outcome])).toEqual([["tests/test_api.py", "errored"]]);
  });

  it.skipIf(!python)("a -v log the job's time limit cut inside a hanging test: that test is triaged (a timeout), not 'no failing tests'", () => {
    const project = mkdtempSync(join(tmpdir(), "ft-cut-log-"));
    mkdirSync(join(project, "tests"));
    writeFileSync(join(project, "tests", "test_io.py"), "import time\n\ndef test_read_ok():\n    assert True\n\ndef test_download_finishes():\n    while True:\n        time.sleep(0.1)\n");
    // The CI run, killed as a job's time limit kills it: no summary, the running test's -v line open.
    const ci = spawnSync("timeout", ["-s", "KILL", "4", process.env["FLAKY_TRIAGE_PYTHON"] || "python3", "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests"], { cwd: project, encoding: "utf8" });
    writeFileSync(join(project, "pytest.log"), ci.stdout);
    expect(ci.stdout.trimEnd().endsWith("tests/test_io.py::test_download_finishes")).toBe(true);
    const out = join(project, "report.json");
    const r = run([join(project, "pytest.log"), "--cwd", project, "--reruns", "3", "--fresh-seeds", "0", "--rerun-timeout", "2", "--json", out, "--quiet"]);
    // --quiet still says the log is cut.
    expect(r.stderr).toMatch(/^warning: .*pytest\.log: no final .* was running when it ends, and is triaged as errored\n$/);
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(report.inputs[0]!.warnings[0]).toMatch(/tests\/test_io\.py::test_download_finishes was running when it ends, and is triaged as errored$/);
    const t = byId(report, "tests/test_io.py::test_download_finishes");
    expect([t.outcome, t.verdict, t.cause]).toEqual(["errored", "deterministic", "timeout"]);
    expect(t.message).toMatch(/^the log ends while this test ran/);
  }, 60_000);
});
