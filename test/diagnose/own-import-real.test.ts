/**
 * Import errors in a real pytest project, triaged by the bundled CLI: a package that is not
 * installed is the machine's problem (environment); a name missing from the project's own
 * package is the code's (regression), however alike the two lines look.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/model.js";
import { ciThenTriage, pytestProject, removeTempDirs } from "../rerun/helpers.js";

afterAll(removeTempDirs);

const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
const NUMLIB = "def average(xs):\n    return sum(xs) / len(xs)\n";

describe("import errors in a real pytest run", () => {
  it("a missing package is the environment; a missing name of the project's own package a regression (dist/cli.js)", () => {
    const project = pytestProject("ft-own-import-", {
      "src/numlib/__init__.py": "",
      "src/numlib/stats.py": NUMLIB,
      "pytest.ini": "[pytest]\npythonpath = src\n",
      "tests/test_imports.py": [
        "def test_gpu():",
        "    import cupy_not_installed_here",
        "    assert cupy_not_installed_here",
        "",
        "",
        "def test_mean():",
        "    # mean was renamed average",
        "    from numlib.stats import mean",
        "    assert mean([1, 2, 3]) == 2",
        "",
      ].join("\n"),
    });
    const r = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "2"], env });
    expect(r.status, r.stderr).toBe(1);
    const by = (name: string) => r.report.tests.find((t) => t.id.endsWith(`::${name}`))!;
    expect(by("test_gpu")).toMatchObject({ verdict: "deterministic", cause: "environment" });
    expect(by("test_mean")).toMatchObject({ verdict: "deterministic", cause: "regression" });
    expect(by("test_mean").causeReason).toContain("cannot import name 'mean' from 'numlib.stats'");
  }, 120_000);

  it("a module that fails to import is collected again: deterministic and a regression, or not reproduced when it imports now (dist/cli.js)", () => {
    const project = pytestProject("ft-collect-", {
      "numlib/__init__.py": "",
      "numlib/stats.py": NUMLIB,
      // Imports a name the project's package no longer has: fails to import every time.
      "tests/test_stats.py": "from numlib.stats import mean\n\n\ndef test_mean():\n    assert mean([1, 2, 3]) == 2\n",
      // Fails to import only on the CI machine (a variable set there).
      "tests/test_ci_only.py": 'import os\n\nassert os.environ.get("BROKEN_ON_CI") != "1", "broken on CI"\n\n\ndef test_ok():\n    pass\n',
    });
    const r = ciThenTriage(project, {
      ciEnv: { ...env, BROKEN_ON_CI: "1" },
      pytestArgs: ["--continue-on-collection-errors"],
      cliArgs: ["--reruns", "2"],
      env,
    });
    expect(r.status, r.stderr).toBe(1);
    const tests = r.report.tests;
    expect(tests.map((t) => t.id).sort()).toEqual(["tests/test_ci_only.py", "tests/test_stats.py"]);
    const stats = tests.find((t) => t.id === "tests/test_stats.py")!;
    expect(stats).toMatchObject({ verdict: "deterministic", cause: "regression" });
    expect(stats.reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(stats.causeReason).toContain("cannot import name 'mean' from 'numlib.stats'");
    const ci = tests.find((t) => t.id === "tests/test_ci_only.py")!;
    expect(ci).toMatchObject({ verdict: "not-reproduced" });
    expect(ci.reruns.sameSeed).toMatchObject({ runs: 2, passed: 2 });
  }, 120_000);
  it("a directory whose conftest.py fails to import is that directory: collected again, deterministic where it still fails, not reproduced where it imports (dist/cli.js)", () => {
    const project = pytestProject("ft-conftest-", {
      "tests/sub/conftest.py": 'import os\n\nassert os.environ.get("CI_GPU") != "1", "no GPU here"\n',
      "tests/sub/test_a.py": "def test_a():\n    pass\n",
      "tests/test_b.py": "def test_b():\n    pass\n",
    });
    const onCi = ciThenTriage(project, { ciEnv: { ...env, CI_GPU: "1" }, cliArgs: ["--reruns", "2"], env: { ...env, CI_GPU: "1" } });
    // pytest's JUnit report names it "tests.sub"; the directory, not a tests/sub.py.
    expect(onCi.report.tests.map((t) => t.id)).toEqual(["tests/sub"]);
    expect(onCi.report.tests[0]).toMatchObject({ verdict: "deterministic", reproduce: "python3 -m pytest tests/sub" });
    expect(onCi.report.tests[0]!.reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    const here = ciThenTriage(project, { ciEnv: { ...env, CI_GPU: "1" }, cliArgs: ["--reruns", "2"], env });
    expect(here.report.tests[0]).toMatchObject({ id: "tests/sub", verdict: "not-reproduced" });
  }, 120_000);

  it("two test files of one name without __init__.py: collected after the other, as in CI, deterministic, with the layout to fix (dist/cli.js)", () => {
    // pytest imports both as module "test_utils"; the second fails to collect ("import file
    // mismatch"), and collected alone it collects: it read as not reproduced.
    const project = pytestProject("ft-import-mismatch-", {
      "tests/a/test_utils.py": "def test_a():\n    assert True\n",
      "tests/b/test_utils.py": "def test_b():\n    assert True\n",
    });
    const r = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "2"], env });
    expect(r.status, r.stderr).toBe(1);
    expect(r.report.tests).toHaveLength(1);
    const t = r.report.tests[0]!;
    expect(t).toMatchObject({ id: "tests/b/test_utils.py", verdict: "deterministic", cause: "environment" });
    expect(t.reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(t.reproduce).toBe("python3 -m pytest tests/a/test_utils.py tests/b/test_utils.py");
    expect(t.suggestion).toContain("--import-mode=importlib");
    expect(t.suggestion).toContain("tests/a/test_utils.py");
  }, 120_000);

  it("three files of one name, after a partial fix: the one that still clashes is deterministic, the one fixed not reproduced (dist/cli.js)", () => {
    const project = pytestProject("ft-import-mismatch3-", {
      "tests/a/test_utils.py": "def test_a():\n    assert True\n",
      "tests/b/test_utils.py": "def test_b():\n    assert True\n",
      "tests/c/test_utils.py": "def test_c():\n    assert True\n",
    });
    // CI: b and c each clash with a. Then an __init__.py makes a a package: c still clashes with b.
    spawnSync("python3", ["-m", "pytest", "-p", "no:cacheprovider", "--junitxml=reports/junit.xml", "tests"], { cwd: project, env });
    writeFileSync(path.join(project, "tests", "a", "__init__.py"), "");
    const json = path.join(project, "triage.json");
    const cli = path.join(import.meta.dirname, "..", "..", "dist", "cli.js");
    const r = spawnSync(process.execPath, [cli, "reports/junit.xml", "--reruns", "2", "--json", json, "--quiet"], { cwd: project, encoding: "utf8", env });
    expect(r.status, r.stderr).not.toBe(2);
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.tests.map((t) => [t.id, t.verdict]).sort()).toEqual([
      ["tests/b/test_utils.py", "not-reproduced"],
      ["tests/c/test_utils.py", "deterministic"],
    ]);
    expect(report.tests.find((t) => t.id === "tests/c/test_utils.py")?.reproduce).toBe("python3 -m pytest tests/a/test_utils.py tests/b/test_utils.py tests/c/test_utils.py");
  }, 120_000);
});
