/**
 * A test that announces its seed as an environment variable of its own ("set TEST_SEED=N to
 * reproduce"), end to end with real pytest: the seed is read from the report, given back through
 * that variable, and fresh seeds tell a seed-specific failure from a race. Without the
 * recogniser the same run read as "no seed printed" and an intermittent race condition.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/settings.js";
import { triage } from "../../src/triage.js";

const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
const hasPytest = spawnSync(python, ["-c", "import pytest"]).status === 0;

const TEST = `import os
import random


def test_mean_of_draws():
    seed = int(os.environ.get("TEST_SEED") or random.SystemRandom().randint(1, 2**31 - 1))
    print("random seed: set TEST_SEED=%d to reproduce" % seed)
    # Fails for the seeds divisible by 3, always the same ones.
    assert seed % 3 != 0, "bad draw"
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.skipIf(!hasPytest)("a seed announced as an environment variable, real pytest", () => {
  it("is given back through that variable; the fresh seeds that fail are named", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ft-env-seed-"));
    dirs.push(dir);
    writeFileSync(path.join(dir, "test_calc.py"), TEST);
    mkdirSync(path.join(dir, "reports"));
    // The CI run: a seed the test fails with, its output kept in the JUnit report.
    const ci = spawnSync(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_calc.py", "--junitxml=reports/junit.xml", "-o", "junit_logging=system-out"], {
      cwd: dir,
      env: { ...process.env, TEST_SEED: "3" },
      encoding: "utf8",
    });
    expect(ci.status).toBe(1);

    const report = await triage({
      ...DEFAULTS,
      reports: ["reports/junit.xml"],
      cwd: dir,
      reruns: 3,
      freshSeeds: 12,
      jobs: 1,
      timeBudgetSec: null,
      seedPatterns: [],
      rerunCommand: null,
      rerun: true,
    }, { env: process.env });
    const t = report.tests[0]!;
    expect(t.seed).toMatchObject({ value: "3", recogniser: "env-seed-variable", apply: { kind: "env", env: { TEST_SEED: "3" } } });
    expect(t.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    const fresh = t.reruns.freshSeeds;
    expect(fresh.runs).toBe(12);
    expect(fresh.failingSeeds).toEqual(fresh.seeds.filter((s) => BigInt(s) % 3n === 0n));
    expect(t.verdict).toBe("deterministic");
    expect(t.reproduce).toMatch(/^TEST_SEED=3 \S*python3 -m pytest test_calc\.py::test_mean_of_draws$/);
  }, 120_000);
});
