/**
 * Import errors in a real pytest project, triaged by the bundled CLI: a package that is not
 * installed is the machine's problem (environment); a name missing from the project's own
 * package is the code's (regression), however alike the two lines look.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/model.js";
import { removeTempDirs, tempDir } from "../rerun/helpers.js";

afterAll(removeTempDirs);

describe("import errors in a real pytest run", () => {
  it("a missing package is the environment; a missing name of the project's own package a regression (dist/cli.js)", () => {
    const project = tempDir("ft-own-import-");
    for (const d of ["src/numlib", "tests", "reports"]) mkdirSync(path.join(project, d), { recursive: true });
    writeFileSync(path.join(project, "src", "numlib", "__init__.py"), "");
    writeFileSync(path.join(project, "src", "numlib", "stats.py"), "def average(xs):\n    return sum(xs) / len(xs)\n");
    writeFileSync(path.join(project, "pytest.ini"), "[pytest]\npythonpath = src\n");
    writeFileSync(
      path.join(project, "tests", "test_imports.py"),
      [
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
    );
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
    spawnSync("python3", ["-m", "pytest", "-p", "no:cacheprovider", "--junitxml=reports/junit.xml", "tests"], { cwd: project, env });
    const json = path.join(project, "triage.json");
    const cli = path.join(import.meta.dirname, "..", "..", "dist", "cli.js");
    const r = spawnSync(process.execPath, [cli, "reports/junit.xml", "--cwd", project, "--reruns", "2", "--json", json, "--quiet"], { cwd: project, encoding: "utf8", env });
    expect(r.status, r.stderr).toBe(1);
    const tests = (JSON.parse(readFileSync(json, "utf8")) as Report).tests;
    const by = (name: string) => tests.find((t) => t.id.endsWith(`::${name}`))!;
    expect(by("test_gpu")).toMatchObject({ verdict: "deterministic", cause: "environment" });
    expect(by("test_mean")).toMatchObject({ verdict: "deterministic", cause: "regression" });
    expect(by("test_mean").causeReason).toContain("cannot import name 'mean' from 'numlib.stats'");
  }, 120_000);
  it("a module that fails to import is collected again: deterministic and a regression, or not reproduced when it imports now (dist/cli.js)", () => {
    const project = tempDir("ft-collect-");
    for (const d of ["numlib", "tests", "reports"]) mkdirSync(path.join(project, d), { recursive: true });
    writeFileSync(path.join(project, "numlib", "__init__.py"), "");
    writeFileSync(path.join(project, "numlib", "stats.py"), "def average(xs):\n    return sum(xs) / len(xs)\n");
    // Imports a name the project's package no longer has: fails to import every time.
    writeFileSync(path.join(project, "tests", "test_stats.py"), "from numlib.stats import mean\n\n\ndef test_mean():\n    assert mean([1, 2, 3]) == 2\n");
    // Fails to import only on the CI machine (a variable set there).
    writeFileSync(path.join(project, "tests", "test_ci_only.py"), 'import os\n\nassert os.environ.get("BROKEN_ON_CI") != "1", "broken on CI"\n\n\ndef test_ok():\n    pass\n');
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
    spawnSync("python3", ["-m", "pytest", "-p", "no:cacheprovider", "--continue-on-collection-errors", "--junitxml=reports/junit.xml", "tests"], { cwd: project, env: { ...env, BROKEN_ON_CI: "1" } });
    const json = path.join(project, "triage.json");
    const cli = path.join(import.meta.dirname, "..", "..", "dist", "cli.js");
    const r = spawnSync(process.execPath, [cli, "reports/junit.xml", "--cwd", project, "--reruns", "2", "--json", json, "--quiet"], { cwd: project, encoding: "utf8", env });
    expect(r.status, r.stderr).toBe(1);
    const tests = (JSON.parse(readFileSync(json, "utf8")) as Report).tests;
    expect(tests.map((t) => t.id).sort()).toEqual(["tests/test_ci_only.py", "tests/test_stats.py"]);
    const stats = tests.find((t) => t.id === "tests/test_stats.py")!;
    expect(stats).toMatchObject({ verdict: "deterministic", cause: "regression" });
    expect(stats.reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(stats.causeReason).toContain("cannot import name 'mean' from 'numlib.stats'");
    const ci = tests.find((t) => t.id === "tests/test_ci_only.py")!;
    expect(ci).toMatchObject({ verdict: "not-reproduced" });
    expect(ci.reruns.sameSeed).toMatchObject({ runs: 2, passed: 2 });
  }, 120_000);
});
