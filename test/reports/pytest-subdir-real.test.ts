// pytest run from a subdirectory (`cd tests && pytest gpu`): its console names tests relative to
// where it ran, its JUnit report relative to the rootdir. A real red run, then the bundled CLI
// on both files with reruns: one entry per test, by its rootdir id, with the console's seed.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ciWithConsole, pytestProject, removeTempDirs, triageBoth } from "../rerun/helpers.js";

const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
const hasPytest = spawnSync(python, ["-c", "import pytest"]).status === 0;
afterAll(removeTempDirs);

// The seed comes from MXNET_TEST_SEED when set (as the rerun sets it), else is drawn and
// printed; odd seeds fail. pytest's default -rfE keeps the seed line in the console only.
const TEST = `import os, random

def test_seeded():
    seed = int(os.environ.get("MXNET_TEST_SEED") or random.Random().randrange(1, 10**6, 2))
    print(f"Setting test np/mx/python random seeds, use MXNET_TEST_SEED={seed} to reproduce.")
    assert seed % 2 == 0

def test_broken():
    assert 1 == 2
`;

describe.skipIf(!hasPytest && !process.env.CI)("pytest run from a subdirectory (real pytest)", () => {
  it("joins the console's ids, relative to the subdirectory, to the JUnit report's", () => {
    const project = pytestProject("ft-subdir-", { "pytest.ini": "[pytest]\n", "tests/gpu/test_x.py": TEST });
    const env = { ...process.env, MXNET_TEST_SEED: "" };
    const ci = ciWithConsole(project, ["gpu", "--junitxml=../reports/junit.xml"], { python, env, cwd: path.join(project, "tests") });
    expect(ci.status, ci.console).toBe(1);
    expect(ci.console).toContain("FAILED gpu/test_x.py::test_seeded");
    const seed = /MXNET_TEST_SEED=(\d+)/.exec(ci.console)?.[1];
    expect(seed).toBeDefined();

    const { status, stderr, report } = triageBoth(project, ["--reruns", "3", "--fresh-seeds", "0"], env);
    expect(status, stderr).not.toBe(2);
    expect(report.tests.map((t) => [t.id, t.verdict, t.seed?.value ?? null]).sort()).toEqual([
      ["tests/gpu/test_x.py::test_broken", "deterministic", null],
      ["tests/gpu/test_x.py::test_seeded", "deterministic", seed],
    ]);
  });
});
