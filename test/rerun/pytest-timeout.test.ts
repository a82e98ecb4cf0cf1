/**
 * Reruns of tests timed by pytest-timeout, the usual way pytest suites stop hangs. Its timer
 * covers a test's whole runtest protocol, which in our plugin is every attempt of the test (or
 * the forks of a plan): each attempt must get a timer of its own, as each CI run had. Needs a
 * python with pytest and pytest-timeout: scripts/setup-tests.sh installs Debian's for
 * /usr/bin/python3, and CI must have one.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRerun, type RerunOutcome } from "../../src/rerun/plan.js";
import { rerunAll } from "../../src/rerun/scheduler.js";
import { pytestCase, removeTempDirs, survivors, tempDir } from "./helpers.js";

const candidates = [process.env["FLAKY_TRIAGE_PYTHON"] || "python3", "/usr/bin/python3"];
const python = candidates.find((p) => spawnSync(p, ["-c", "import pytest, pytest_timeout"]).status === 0);
const skip = python === undefined && !process.env.CI;
if (skip) console.warn("test/rerun/pytest-timeout: skipped: no python with pytest and pytest-timeout (scripts/setup-tests.sh installs Debian's)");

const TESTS = `import os
import signal
import time

import pytest


@pytest.mark.timeout(2.5)
def test_slow_passes():
    # 1 s an attempt: four attempts under one 2.5 s timer would time out in the third.
    time.sleep(1.0)


@pytest.mark.timeout(1)
def test_hangs():
    time.sleep(30)


def test_banner_then_segfault():
    # pytest-timeout's banner in a test's own output does not make its crash a timeout.
    print("+" * 20 + " Timeout " + "+" * 20, flush=True)
    os.kill(os.getpid(), signal.SIGSEGV)


@pytest.mark.timeout(1, method="thread")
def test_hangs_thread():
    # The thread method dumps the stacks between two banners and ends the whole process.
    time.sleep(30)
`;

let project: string;
let runDir: string;

beforeAll(() => {
  project = tempDir("ft-pytest-timeout-");
  writeFileSync(path.join(project, "test_timeouts.py"), TESTS);
  runDir = tempDir("ft-pytest-timeout-run-");
});
afterAll(removeTempDirs);

async function run(name: string, reruns: number, batch: boolean): Promise<RerunOutcome> {
  const id = `test_timeouts.py::${name}`;
  const results = await rerunAll(
    [planRerun({ test: pytestCase(id), seed: null, reruns, freshSeeds: 0, timeoutSec: 20, cwd: project })],
    { jobs: 1, timeBudgetSec: null, runDir, env: { ...process.env, FLAKY_TRIAGE_PYTHON: python ?? "python3" }, startupAllowanceSec: 30, killGraceMs: 500, batch },
  );
  return results.get(id)!;
}

describe.skipIf(skip)("reruns under pytest-timeout", () => {
  it.each([true, false])("times each attempt on its own: a slow test that passes passes every attempt (batch: %s)", async (batch) => {
    const out = await run("test_slow_passes", 4, batch);
    expect(out.reruns.sameSeed).toEqual({ runs: 4, passed: 4, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });
  });

  it.each([true, false])("a test that hangs fails each attempt on its own timeout, as in CI, and is no crash (batch: %s)", async (batch) => {
    const out = await run("test_hangs", 3, batch);
    const same = out.reruns.sameSeed;
    expect(same.runs).toBeGreaterThanOrEqual(2);
    expect({ failed: same.failed, crashed: same.crashed, timedOut: same.timedOut }).toEqual({ failed: same.runs, crashed: 0, timedOut: 0 });
    for (const t of out.trials) expect(t).toMatchObject({ kind: "failed", message: expect.stringMatching(/Timeout/) });
    expect(await survivors(runDir)).toEqual([]);
  });

  it.each([true, false])("a test that hangs under the thread method, which ends the process, timed out and did not crash (batch: %s)", async (batch) => {
    const out = await run("test_hangs_thread", 2, batch);
    const same = out.reruns.sameSeed;
    expect(same.runs).toBeGreaterThanOrEqual(1);
    expect({ crashed: same.crashed, failed: same.failed, timedOut: same.timedOut }).toEqual({ crashed: 0, failed: 0, timedOut: same.runs });
    expect(await survivors(runDir)).toEqual([]);
  });

  it("a crash after pytest-timeout's banner in the test's own output is a crash", async () => {
    const out = await run("test_banner_then_segfault", 2, true);
    const same = out.reruns.sameSeed;
    expect(same.runs).toBeGreaterThanOrEqual(1);
    expect({ crashed: same.crashed, timedOut: same.timedOut }).toEqual({ crashed: same.runs, timedOut: 0 });
  });
});
