/**
 * Batched same-seed reruns (src/rerun/batch.ts) against real pytest: several tests of one file
 * share a pytest process, each test's attempts in a forked child. Each fixture test appends
 * "name pid ppid" to a file, so we can count the processes (the parent is the shared one).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRerun, type RerunOutcome, type RerunProgress } from "../../src/rerun/plan.js";
import { rerunAll } from "../../src/rerun/scheduler.js";
import { pytestCase, removeTempDirs, survivors, tempDir } from "./helpers.js";

let project: string;
let runDir: string;

const CONFTEST = `import os
import pytest


@pytest.fixture(autouse=True)
def _record(request):
    path = os.environ.get("FT_BATCH_LOG")
    if path:
        with open(path, "a") as f:
            f.write("%s %d %d\\n" % (request.node.name, os.getpid(), os.getppid()))
    yield
`;

const TESTS = `import os
import signal
import time

POLLUTED = []


def test_a():
    assert False, "a fails"


def test_b():
    assert False, "b fails"


def test_c():
    assert False, "c fails"


def test_d():
    assert False, "d fails"


def test_polluter():
    POLLUTED.append(1)
    os.environ["FT_POLLUTED"] = "1"
    assert False, "polluter fails"


def test_victim():
    assert not POLLUTED and "FT_POLLUTED" not in os.environ, "polluted"


def test_segfault():
    os.kill(os.getpid(), signal.SIGSEGV)


def test_exit():
    os._exit(3)


def test_exit0():
    os._exit(0)


def test_hang():
    time.sleep(1000)
`;

beforeAll(() => {
  project = tempDir("ft-batch-project-");
  writeFileSync(path.join(project, "conftest.py"), CONFTEST);
  writeFileSync(path.join(project, "test_batch.py"), TESTS);
  writeFileSync(path.join(project, "pytest.ini"), "[pytest]\n");
  runDir = tempDir("ft-batch-run-");
});

afterAll(removeTempDirs);

interface Run {
  results: Map<string, RerunOutcome>;
  /** name -> [pid, ppid] per attempt, in order. */
  log: { name: string; pid: string; ppid: string }[];
  progress: RerunProgress[];
  done: string[];
  ms: number;
}

async function run(
  names: string[],
  over: { reruns?: number; timeoutSec?: number; jobs?: number; batch?: boolean; timeBudgetSec?: number } = {},
): Promise<Run> {
  const scratch = tempDir("ft-batch-scratch-");
  const logFile = path.join(scratch, "log");
  writeFileSync(logFile, "");
  const requests = names.map((n) =>
    planRerun({
      test: pytestCase(`test_batch.py::${n}`),
      seed: null,
      reruns: over.reruns ?? 3,
      freshSeeds: 0,
      timeoutSec: over.timeoutSec ?? 20,
      cwd: project,
    }),
  );
  const progress: RerunProgress[] = [];
  const done: string[] = [];
  const started = Date.now();
  const results = await rerunAll(requests, {
    jobs: over.jobs ?? 1,
    timeBudgetSec: over.timeBudgetSec ?? null,
    runDir,
    env: { ...process.env, FT_BATCH_LOG: logFile },
    startupAllowanceSec: 30,
    killGraceMs: 500,
    onProgress: (p) => progress.push(p),
    onTestDone: (id) => done.push(id),
    ...(over.batch !== undefined ? { batch: over.batch } : {}),
  });
  const log = readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const [name = "", pid = "", ppid = ""] = l.split(" ");
      return { name, pid, ppid };
    });
  return { results, log, progress, done, ms: Date.now() - started };
}

const of = (r: Run, name: string): RerunOutcome => r.results.get(`test_batch.py::${name}`)!;
const distinct = (xs: string[]): number => new Set(xs).size;

describe("batched same-seed reruns", () => {
  it("serves several tests of one file from one pytest process, each test in its own child", async () => {
    const r = await run(["test_a", "test_b", "test_c"]);
    for (const n of ["test_a", "test_b", "test_c"]) {
      expect(of(r, n).reruns.sameSeed).toEqual({ runs: 3, passed: 0, failed: 3, timedOut: 0, crashed: 0, stoppedEarly: false });
      expect(of(r, n).trials[0]).toMatchObject({ kind: "failed", message: expect.stringContaining(`${n.slice(5)} fails`) });
      expect(of(r, n).processes).toBe(1);
      // Each test's attempts ran in one child.
      expect(distinct(r.log.filter((l) => l.name === n).map((l) => l.pid))).toBe(1);
    }
    expect(r.log).toHaveLength(9);
    // One pytest process (the children's parent) served all three tests.
    expect(distinct(r.log.map((l) => l.ppid))).toBe(1);
    expect(distinct(r.log.map((l) => l.pid))).toBe(3);
    // Progress and completion are still per test.
    for (const n of ["test_a", "test_b", "test_c"]) {
      expect(r.progress.filter((p) => p.id === `test_batch.py::${n}`).map((p) => p.done)).toEqual([1, 2, 3]);
    }
    expect(r.done.sort()).toEqual(["test_batch.py::test_a", "test_batch.py::test_b", "test_batch.py::test_c"]);
  });

  it("splits a file's tests over the jobs: one process per worker", async () => {
    const r = await run(["test_a", "test_b", "test_c", "test_d"], { reruns: 2, jobs: 2 });
    for (const n of ["test_a", "test_b", "test_c", "test_d"]) expect(of(r, n).reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(distinct(r.log.map((l) => l.ppid))).toBe(2);
  });

  it("keeps tests of a batch apart: module state and env a test leaves behind die with its child", async () => {
    const r = await run(["test_polluter", "test_victim"]);
    expect(of(r, "test_polluter").reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    expect(of(r, "test_victim").reruns.sameSeed).toMatchObject({ runs: 3, passed: 3 });
    // The same-seed attempts shared one process (the order check that follows has its own).
    expect(distinct(r.log.slice(0, 6).map((l) => l.ppid))).toBe(1);
    // And in the order check, run after the polluter in one process, the victim fails.
    expect(of(r, "test_victim").reruns.order).toMatchObject({ runs: 3, failed: 3 });
  });

  it("a crash in one test of a batch loses none of the others' attempts", async () => {
    const r = await run(["test_a", "test_segfault", "test_exit", "test_exit0", "test_b"], { reruns: 2 });
    expect(of(r, "test_a").reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(of(r, "test_segfault").reruns.sameSeed).toMatchObject({ runs: 2, crashed: 2, stoppedEarly: false });
    expect(of(r, "test_segfault").trials[0]).toMatchObject({ kind: "crashed", signal: "SIGSEGV" });
    expect(of(r, "test_exit").reruns.sameSeed).toMatchObject({ runs: 2, crashed: 2 });
    expect(of(r, "test_exit").trials[0]).toMatchObject({ kind: "crashed", exitCode: 3 });
    // A test that exits 0 in the middle of an attempt crashed too (it never finished).
    expect(of(r, "test_exit0").reruns.sameSeed).toMatchObject({ runs: 2, crashed: 2 });
    expect(of(r, "test_exit0").trials[0]).toMatchObject({ kind: "crashed", exitCode: 0 });
    expect(of(r, "test_b").reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    // A crash costs a new process for the work left, and only that.
    expect(of(r, "test_a").processes).toBe(1);
    expect(of(r, "test_b").processes).toBe(1);
    expect(distinct(r.log.map((l) => l.ppid))).toBe(7);
  });

  it("a hang in one test of a batch costs only that test's timeouts", async () => {
    const r = await run(["test_a", "test_hang", "test_b"], { reruns: 5, timeoutSec: 1 });
    expect(of(r, "test_a").reruns.sameSeed).toMatchObject({ runs: 5, failed: 5 });
    expect(of(r, "test_hang").reruns.sameSeed).toEqual({ runs: 3, passed: 0, failed: 0, timedOut: 3, crashed: 0, stoppedEarly: true });
    for (const t of of(r, "test_hang").trials) expect(t.durationSec).toBeGreaterThanOrEqual(0.9);
    expect(of(r, "test_b").reruns.sameSeed).toMatchObject({ runs: 5, failed: 5 });
    expect(of(r, "test_b").processes).toBe(1);
    expect(r.ms).toBeLessThan(40_000);
    expect(await survivors(runDir)).toEqual([]);
  });

  it("starts no test of a batch once the time budget is out; a started one finishes", async () => {
    const r = await run(["test_hang", "test_a", "test_b"], { reruns: 3, timeoutSec: 2, timeBudgetSec: 3 });
    // The hang started within the budget and ran its attempts; the others, queued behind it
    // in the batch, never started: no result, as for tests no worker reached.
    expect(of(r, "test_hang").reruns.sameSeed).toMatchObject({ runs: 3, timedOut: 3 });
    expect(r.results.has("test_batch.py::test_a")).toBe(false);
    expect(r.results.has("test_batch.py::test_b")).toBe(false);
    expect(r.log.filter((l) => l.name !== "test_hang")).toEqual([]);
    expect(await survivors(runDir)).toEqual([]);
  });

  it("sends a test pytest cannot find back to the one-test path, which explains it", async () => {
    const r = await run(["test_a", "test_missing"], { reruns: 2 });
    expect(of(r, "test_a").reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(of(r, "test_missing").reruns.sameSeed.runs).toBe(0);
    expect(of(r, "test_missing").reruns.note).toMatch(/same-seed: pytest .*not found/);
  });

  it("with batch: false, runs one process per test as before", async () => {
    const r = await run(["test_a", "test_b"], { reruns: 2, batch: false });
    expect(of(r, "test_a").reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(distinct(r.log.map((l) => l.ppid))).toBe(2);
    // Without the plan, no fork: the attempts run in the pytest process itself.
    expect(distinct(r.log.map((l) => l.pid))).toBe(2);
  });
});
