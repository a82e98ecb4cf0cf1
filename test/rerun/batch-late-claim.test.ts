/**
 * A batched pytest process we kill on its timeout but that outlives our SIGTERM (a session-wide
 * SIGTERM handler) goes on during the kill grace and may take the next test of its plan. None
 * of that counts, but the test's claim file is spent: the next process must get a new one, or
 * it starts, collects and finds the test taken. Real pytest.
 */
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planRerun } from "../../src/rerun/plan.js";
import { rerunAll } from "../../src/rerun/scheduler.js";
import { pytestCase, removeTempDirs, survivors, tempDir } from "./helpers.js";

afterAll(removeTempDirs);

const CONFTEST = `import signal
# As a server fixture's graceful shutdown might: the session outlives SIGTERM.
signal.signal(signal.SIGTERM, lambda s, f: None)
`;

const TESTS = `import signal
import time


def _fail(s, f):
    raise SystemExit("terminated")


def test_term_fails():
    signal.signal(signal.SIGTERM, _fail)
    time.sleep(1000)


def test_quick():
    assert False, "quick fails"
`;

describe("a batched process that takes a test after its timeout kill", () => {
  it("spends that test's claim file: the next process runs the test, none starts for nothing", async () => {
    const project = tempDir("ft-late-claim-project-");
    writeFileSync(path.join(project, "conftest.py"), CONFTEST);
    writeFileSync(path.join(project, "test_x.py"), TESTS);
    writeFileSync(path.join(project, "pytest.ini"), "[pytest]\n");
    const runDir = tempDir("ft-late-claim-run-");
    const requests = ["test_term_fails", "test_quick"].map((n) =>
      planRerun({ test: pytestCase(`test_x.py::${n}`), seed: null, reruns: 1, freshSeeds: 0, timeoutSec: 1, cwd: project }),
    );
    const results = await rerunAll(requests, { jobs: 1, timeBudgetSec: null, runDir, env: { ...process.env }, startupAllowanceSec: 30, killGraceMs: 3000, batch: true });
    expect(results.get("test_x.py::test_term_fails")!.reruns.sameSeed).toMatchObject({ runs: 1, timedOut: 1, failed: 0 });
    expect(results.get("test_x.py::test_quick")!.reruns.sameSeed).toMatchObject({ runs: 1, failed: 1 });
    expect(results.get("test_x.py::test_quick")!.reruns.note ?? "").toBe("");
    // The killed process, then one that runs test_quick; before, a third started in between,
    // collected, and found test_quick's claim file taken.
    const batch = readdirSync(runDir).find((d) => d.startsWith("batch-"))!;
    expect(readdirSync(path.join(runDir, batch)).filter((d) => d.startsWith("process-"))).toHaveLength(2);
    expect(await survivors(runDir)).toEqual([]);
  });

  it("does not restart for ever a process that only gets to its tests after our kill (collection slower than the timeout)", async () => {
    // Start-up takes 2.5 s: past the 1 s allowance and 1 s timeout, inside the 3 s kill grace.
    // The claims all come after the kill; each is a stall, and two send the tests to the
    // one-test path. Before, processes were restarted until the budget ended, with no result.
    const project = tempDir("ft-late-claim-slow-");
    writeFileSync(path.join(project, "conftest.py"), `${CONFTEST}import time\ntime.sleep(2.5)\n`);
    writeFileSync(path.join(project, "test_x.py"), 'def test_a():\n    assert False, "a"\n\n\ndef test_b():\n    assert False, "b"\n');
    writeFileSync(path.join(project, "pytest.ini"), "[pytest]\n");
    const runDir = tempDir("ft-late-claim-run-");
    const requests = ["test_a", "test_b"].map((n) =>
      planRerun({ test: pytestCase(`test_x.py::${n}`), seed: null, reruns: 1, freshSeeds: 0, timeoutSec: 1, cwd: project }),
    );
    const started = Date.now();
    const results = await rerunAll(requests, { jobs: 1, timeBudgetSec: 90, runDir, env: { ...process.env }, startupAllowanceSec: 1, killGraceMs: 3000, batch: true });
    for (const n of ["test_a", "test_b"]) {
      const r = results.get(`test_x.py::${n}`);
      // The one-test path's verdict on a process that hangs before the test: one timeout.
      expect(r?.reruns.sameSeed, n).toMatchObject({ runs: 1, timedOut: 1 });
    }
    const batch = readdirSync(runDir).find((d) => d.startsWith("batch-"))!;
    expect(readdirSync(path.join(runDir, batch)).filter((d) => d.startsWith("process-")).length).toBeLessThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await survivors(runDir)).toEqual([]);
  }, 120_000);
});
