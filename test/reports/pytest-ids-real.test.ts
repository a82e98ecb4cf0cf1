// pytest's own JUnit names for a test under a directory with dots in its name, mapped back to
// the node id by a real triage run (the CLI's --no-rerun path).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/settings.js";
import { triage } from "../../src/triage.js";

const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
const hasPytest = spawnSync(python, ["-c", "import pytest"]).status === 0;
const dir = mkdtempSync(join(tmpdir(), "ft-dotted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasPytest && !process.env.CI)("pytest ids under dotted directories (real pytest)", () => {
  it("maps tests/v1.2/test_api.py::TestApi::test_fails back from pytest's classname", () => {
    mkdirSync(join(dir, "tests", "v1.2"), { recursive: true });
    writeFileSync(join(dir, "tests", "v1.2", "test_api.py"), "class TestApi:\n    def test_fails(self):\n        assert 1 == 2\n");
    const run = spawnSync(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml", "junit.xml"], { cwd: dir, encoding: "utf8" });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    return triage({
      ...DEFAULTS,
      reports: [join(dir, "junit.xml")],
      cwd: dir,
      rerun: false,
      jobs: 1,
      timeBudgetSec: null,
      seedPatterns: [],
      rerunCommand: null,
    }).then((report) => {
      expect(report.tests.map((t) => [t.id, t.file])).toEqual([["tests/v1.2/test_api.py::TestApi::test_fails", "tests/v1.2/test_api.py"]]);
    });
  });
});
