/**
 * Batched reruns (src/rerun/batch.ts) against real pytest: several tests of one file share
 * pytest processes, each test's same-seed and fresh-seed runs in forked children. Each fixture
 * test appends "name pid ppid seed" to a file, so we can count the processes (the parent is the
 * shared one) and see which seed reached which attempt.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Seed } from "../../src/model.js";
import { planRerun, type RerunOutcome, type RerunProgress } from "../../src/rerun/plan.js";
import { rerunAll } from "../../src/rerun/scheduler.js";
import { pytestCase, pytestProject, removeTempDirs, survivors, tempDir } from "./helpers.js";

let project: string;
let runDir: string;

const CONFTEST = `import os
import pytest


@pytest.fixture(autouse=True)
def _record(request):
    path = os.environ.get("FT_BATCH_LOG")
    if path:
        with open(path, "a") as f:
            f.write("%s %d %d %s\\n" % (request.node.name, os.getpid(), os.getppid(),
                                         os.environ.get("FT_SEED", "-")))
    yield
`;

const TESTS = `import os
import signal
import time

import pytest

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


RAN = []


def test_crashes_when_repeated():
    if RAN:
        os.kill(os.getpid(), signal.SIGSEGV)
    RAN.append(1)
    assert False, "fails once a process"


def test_exit0():
    os._exit(0)


def test_hang():
    time.sleep(1000)


def test_own_timeout():
    # As pytest-timeout's signal method reports it: a failure, after the whole timeout.
    time.sleep(1.2)
    pytest.fail("Timeout >1.0s")


def test_seed_echo():
    assert False, "seed %s" % os.environ.get("FT_SEED")


def test_fresh_fails_otherwise():
    if os.environ.get("FT_SEED") != "777":
        assert False, "another way"
    assert False, "its own way"


def test_crash_on_fresh_seed():
    if os.environ.get("FT_SEED") != "777":
        os.kill(os.getpid(), signal.SIGSEGV)
    assert False, "fails with its own seed"


def _arrive(name, expected):
    """Writes this test's name to the meeting file and waits until it holds that many names."""
    path = os.environ["FT_BATCH_MEET"]
    with open(path, "a") as f:
        f.write(name + "\\n")
    until = time.time() + 45
    while time.time() < until:
        with open(path) as f:
            if len(set(f.read().split())) >= expected:
                return
        time.sleep(0.05)
    assert False, "the other tests never ran meanwhile"


# They fail on purpose once they met (a passing test would get an order check as well).
def test_slow_1():
    time.sleep(0.3)
    assert False, "slow"


def test_slow_2():
    time.sleep(0.3)
    assert False, "slow"


def test_slow_3():
    time.sleep(0.3)
    assert False, "slow"


def test_hold():
    # Meets only if x1..x3 run while it waits: they must go to another process of the batch.
    _arrive("hold", 4)
    assert False, "all four met"


def test_x1():
    _arrive("x1", 1)
    assert False, "arrived"


def test_x2():
    _arrive("x2", 1)
    assert False, "arrived"


def test_x3():
    _arrive("x3", 1)
    assert False, "arrived"


def test_stubborn():
    # Outlives SIGTERM: only the SIGKILL after the kill grace ends it.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(1000)


def _fail_on_term(signum, frame):
    raise SystemExit("terminated")


def test_term_fails():
    # Hangs; our timeout's SIGTERM makes it fail (as a server test's shutdown handler might).
    signal.signal(signal.SIGTERM, _fail_on_term)
    time.sleep(1000)
`;

// numpy imports numpy.random when first used; colorsys is a module nothing here imports.
const LAZY = `import sys

import numpy


def test_lazy_imports():
    seen = "numpy.random %s, colorsys %s" % ("numpy.random" in sys.modules, "colorsys" in sys.modules)
    import colorsys
    numpy.random.default_rng(1)
    assert False, seen


JOBS = ["3f2c1a9e-abcd-4e2f-9c1a-0d5e6f7a8b9c", "0b2e4a6c-1d3f-4a5b-8c7d-fedcbaabcdef"]
RUNS = []


def test_fresh_names_in_message():
    # A new UUID each run (some of whose groups hold no digit) and a new temporary directory.
    import tempfile
    RUNS.append(1)
    assert False, "job %s failed in %s" % (JOBS[len(RUNS) % 2], tempfile.mkdtemp())
`;

beforeAll(() => {
  project = pytestProject("ft-batch-project-", { "conftest.py": CONFTEST, "test_batch.py": TESTS, "test_lazy.py": LAZY, "pytest.ini": "[pytest]\n" });
  runDir = tempDir("ft-batch-run-");
});

afterAll(removeTempDirs);

/** A test of test_batch.py by its name, or any test by its node id. */
const testId = (name: string): string => (name.includes("::") ? name : `test_batch.py::${name}`);

interface Run {
  results: Map<string, RerunOutcome>;
  /** name, pid, ppid and FT_SEED per attempt, in order. */
  log: { name: string; pid: string; ppid: string; seed: string }[];
  progress: RerunProgress[];
  done: string[];
  ms: number;
}

async function run(
  names: string[],
  over: {
    reruns?: number;
    freshSeeds?: number;
    seed?: Seed;
    timeoutSec?: number;
    jobs?: number;
    batch?: boolean;
    timeBudgetSec?: number;
    message?: string;
    killGraceMs?: number;
    /** The test's time in the report (CI's run). */
    recordedSec?: number;
  } = {},
): Promise<Run> {
  const scratch = tempDir("ft-batch-scratch-");
  const logFile = path.join(scratch, "log");
  writeFileSync(logFile, "");
  const requests = names.map((n) =>
    planRerun({
      test: pytestCase(testId(n), {
        ...(over.message !== undefined ? { message: over.message } : {}),
        ...(over.recordedSec !== undefined ? { durationSec: over.recordedSec } : {}),
      }),
      seed: over.seed ?? null,
      reruns: over.reruns ?? 3,
      freshSeeds: over.freshSeeds ?? 0,
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
    env: { ...process.env, FT_BATCH_LOG: logFile, FT_BATCH_MEET: path.join(scratch, "meet") },
    startupAllowanceSec: 30,
    killGraceMs: over.killGraceMs ?? 500,
    onProgress: (p) => progress.push(p),
    onTestDone: (id) => done.push(id),
    ...(over.batch !== undefined ? { batch: over.batch } : {}),
  });
  const log = readFileSync(logFile, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const [name = "", pid = "", ppid = "", seed = ""] = l.split(" ");
      return { name, pid, ppid, seed };
    });
  return { results, log, progress, done, ms: Date.now() - started };
}

const of = (r: Run, name: string): RerunOutcome => r.results.get(testId(name))!;
const distinct = (xs: string[]): number => new Set(xs).size;
const SEED: Seed = { value: "777", recogniser: "mxnet-test-seed", source: { file: "ci.log" }, apply: { kind: "env", env: { FT_SEED: "777" } } };

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

  it("leaves a file's quick tests to one process even with --jobs 2: a second start-up would cost more than the work it could take", async () => {
    const r = await run(["test_a", "test_b", "test_c", "test_d"], { reruns: 3, jobs: 2 });
    for (const n of ["test_a", "test_b", "test_c", "test_d"]) expect(of(r, n).reruns.sameSeed, n).toMatchObject({ runs: 3, failed: 3 });
    expect(distinct(r.log.map((l) => l.ppid))).toBe(1);
  });

  it("starts a second process for a file's tests when their recorded times say the work outlasts a start-up", async () => {
    // Recorded at 10 s an attempt (CI's run), 3 x 4 attempts of 0.3 s here (each shorter than a
    // pytest start, so no attempt looks stuck): once the first process has taken a test, the
    // rest is worth a second one, which takes what the first has not.
    const names = ["test_slow_1", "test_slow_2", "test_slow_3"];
    const r = await run(names, { reruns: 4, jobs: 2, recordedSec: 10 });
    for (const n of names) expect(of(r, n).reruns.sameSeed, n).toMatchObject({ runs: 4, failed: 4 });
    expect(distinct(r.log.map((l) => l.ppid))).toBe(2);
    // Each test ran in one process only.
    for (const n of names) expect(distinct(r.log.filter((l) => l.name === n).map((l) => l.ppid)), n).toBe(1);
  });

  it("expects a test that timed out in CI to take its timeout again: its file's tests get a second process", async () => {
    // Quick in CI by their record (no time), but a timeout: 3 x 4 attempts of 20 s expected.
    // Without that, 0.3 s attempts would not be worth a second start-up.
    const names = ["test_slow_1", "test_slow_2", "test_slow_3"];
    const r = await run(names, { reruns: 4, jobs: 2, message: "Failed: Timeout >20.0s" });
    for (const n of names) expect(of(r, n).reruns.sameSeed, n).toMatchObject({ runs: 4, failed: 4 });
    expect(distinct(r.log.map((l) => l.ppid))).toBe(2);
  });

  it("spreads a file's tests over the jobs as they free up: a test held up in one process does not hold up the rest", async () => {
    // test_hold waits for x1..x3; split up front, one of them would wait behind it for ever.
    // Quick by their record, they get a second process once test_hold has held the first
    // for as long as that process took to start.
    const names = ["test_hold", "test_x1", "test_x2", "test_x3"];
    const r = await run(names, { reruns: 1, jobs: 2, timeoutSec: 60 });
    for (const n of names) expect(of(r, n).reruns.sameSeed, n).toMatchObject({ runs: 1, failed: 1 });
    expect(of(r, "test_hold").trials[0]).toMatchObject({ kind: "failed", message: expect.stringContaining("all four met") });
    // Two processes served the batch, and every test ran once although both had it in their plan.
    expect(distinct(r.log.map((l) => l.ppid))).toBe(2);
    expect(r.log.map((l) => l.name).sort()).toEqual(names.sort());
    const hold = r.log.find((l) => l.name === "test_hold")!;
    expect(r.log.filter((l) => l.name !== "test_hold").every((l) => l.ppid !== hold.ppid)).toBe(true);
  });

  it("runs a test's fresh seeds in the process and the child of its same-seed reruns when they fail the same way", async () => {
    const r = await run(["test_seed_echo", "test_a"], { reruns: 3, freshSeeds: 3, seed: SEED });
    const echo = of(r, "test_seed_echo");
    expect(echo.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    expect(echo.reruns.freshSeeds).toMatchObject({ runs: 3, failed: 3, stoppedEarly: false });
    const fresh = echo.reruns.freshSeeds.seeds;
    expect(distinct(fresh)).toBe(3);
    expect(fresh).not.toContain("777");
    // Each attempt got its seed: the recorded one, then one fresh seed each.
    expect(echo.trialsByPhase["same-seed"].map((t) => t.kind === "failed" && t.message)).toEqual(Array(3).fill("AssertionError: seed 777"));
    expect(echo.trialsByPhase["fresh-seeds"].map((t) => t.kind === "failed" && t.message)).toEqual(fresh.map((s) => `AssertionError: seed ${s}`));
    const lines = r.log.filter((l) => l.name === "test_seed_echo");
    expect(lines.map((l) => l.seed)).toEqual(["777", "777", "777", ...fresh]);
    // One pytest process for both phases of both tests; one child for both runs of a test (a
    // fresh seed's failure reads as the recorded one's, numbers masked).
    expect(distinct(r.log.map((l) => l.ppid))).toBe(1);
    expect(distinct(lines.map((l) => l.pid))).toBe(1);
    expect(distinct(r.log.map((l) => l.pid))).toBe(2);
    expect(echo.processes).toBe(1);
    expect(of(r, "test_a").reruns.freshSeeds).toMatchObject({ runs: 3, failed: 3 });
    expect(r.progress.filter((p) => p.id === "test_batch.py::test_seed_echo" && p.phase === "fresh-seeds").map((p) => p.done)).toEqual([1, 2, 3]);
  });

  it("runs a fresh seed that fails in a way no clean attempt did again in a new child, whose attempts count", async () => {
    const r = await run(["test_fresh_fails_otherwise"], { reruns: 3, freshSeeds: 3, seed: SEED });
    const t = of(r, "test_fresh_fails_otherwise");
    expect(t.trialsByPhase["same-seed"].map((x) => x.kind === "failed" && x.message)).toEqual(Array(3).fill("AssertionError: its own way"));
    expect(t.trialsByPhase["fresh-seeds"].map((x) => x.kind === "failed" && x.message)).toEqual(Array(3).fill("AssertionError: another way"));
    // The first fresh seed ran twice: in the same-seed run's child (not counted), then first in a
    // new child, which ran the rest of the run.
    const fresh = t.reruns.freshSeeds.seeds;
    expect(r.log.map((l) => l.seed)).toEqual(["777", "777", "777", fresh[0], ...fresh]);
    expect(r.log[3]!.pid).toBe(r.log[0]!.pid);
    expect(distinct(r.log.slice(4).map((l) => l.pid))).toBe(1);
    expect(r.log[4]!.pid).not.toBe(r.log[0]!.pid);
  });

  it("a crash in the fresh-seed run loses none of the other attempts", async () => {
    const r = await run(["test_crash_on_fresh_seed", "test_seed_echo"], { reruns: 2, freshSeeds: 2, seed: SEED });
    const crash = of(r, "test_crash_on_fresh_seed");
    expect(crash.reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(crash.reruns.freshSeeds).toMatchObject({ runs: 2, crashed: 2 });
    expect(crash.trialsByPhase["fresh-seeds"][0]).toMatchObject({ kind: "crashed", signal: "SIGSEGV" });
    // Each crash was a fresh seed of its own, not the first one again.
    expect(distinct(crash.reruns.freshSeeds.seeds)).toBe(2);
    expect(of(r, "test_seed_echo").reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(of(r, "test_seed_echo").reruns.freshSeeds).toMatchObject({ runs: 2, failed: 2 });
    // Process 1 crashed on the first fresh seed, process 2 on the second, process 3 ran the rest.
    expect(distinct(r.log.map((l) => l.ppid))).toBe(3);
    expect(of(r, "test_seed_echo").processes).toBe(1);
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

  it("a repeat that crashes, where a clean attempt fails, is no crash: it runs again as the first attempt of a new child", async () => {
    const r = await run(["test_crashes_when_repeated"], { reruns: 3 });
    const t = of(r, "test_crashes_when_repeated");
    expect(t.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3, crashed: 0 });
    expect(t.trials.every((x) => x.kind === "failed" && x.message === "AssertionError: fails once a process")).toBe(true);
    // One pytest process: the children died, the parent went on.
    expect(t.processes).toBe(1);
    expect(distinct(r.log.map((l) => l.ppid))).toBe(1);
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

  it("stops a run that its own timeouts settle before one more attempt starts", async () => {
    const r = await run(["test_own_timeout", "test_a"], { reruns: 6 });
    expect(of(r, "test_own_timeout").reruns.sameSeed).toEqual({ runs: 3, passed: 0, failed: 3, timedOut: 0, crashed: 0, stoppedEarly: true });
    // The plugin waited for our count after each slow failure: no fourth attempt ran.
    expect(r.log.filter((l) => l.name === "test_own_timeout")).toHaveLength(3);
    expect(of(r, "test_a").reruns.sameSeed).toMatchObject({ runs: 6, failed: 6 });
    expect(distinct(r.log.map((l) => l.ppid))).toBe(1);
  });

  it("counts a recorded timeout as the first of three in a row, and a hanging fresh seed settles its phase", async () => {
    const r = await run(["test_hang"], { reruns: 6, freshSeeds: 4, seed: SEED, timeoutSec: 1, message: "Failed: Timeout >1.0s" });
    // CI's run hung, then two same-seed attempts: three in a row. After that, the first fresh
    // seed that hangs too shows the hang is not the seed's.
    expect(of(r, "test_hang").reruns.sameSeed).toEqual({ runs: 2, passed: 0, failed: 0, timedOut: 2, crashed: 0, stoppedEarly: true });
    expect(of(r, "test_hang").reruns.freshSeeds).toMatchObject({ runs: 1, timedOut: 1, stoppedEarly: true });
    expect(await survivors(runDir)).toEqual([]);
  });

  it("stops a batch when the time budget is out: a started test keeps the attempts it finished, the rest never start", async () => {
    const r = await run(["test_hang", "test_a", "test_b"], { reruns: 3, timeoutSec: 3, timeBudgetSec: 7 });
    // The hang started within the budget (for any start-up under 4 s); its three 3 s attempts
    // need 9 s, so the budget's end stopped it after one or two (a soft budget let it run all
    // three, past 9 s).
    const hang = of(r, "test_hang").reruns;
    expect(hang.sameSeed.runs).toBeGreaterThanOrEqual(1);
    expect(hang.sameSeed.runs).toBeLessThan(3);
    expect(hang.sameSeed.timedOut).toBe(hang.sameSeed.runs);
    expect(hang.note).toMatch(/time budget ran out: reruns were cut short/);
    // The budget, the kill grace (0.5 s here) and slack for a loaded machine.
    expect(r.ms).toBeLessThan(10_000);
    // The others, queued behind it in the batch, never started: no result, as for tests no
    // worker reached.
    expect(r.results.has("test_batch.py::test_a")).toBe(false);
    expect(r.results.has("test_batch.py::test_b")).toBe(false);
    expect(r.log.filter((l) => l.name !== "test_hang")).toEqual([]);
    expect(await survivors(runDir)).toEqual([]);
  });

  it.each([true, false])("keeps an attempt that timed out when the budget ends during its kill grace (batch: %s)", async (batch) => {
    // Times out 2 s after pytest starts the attempt, then waits out a 6 s grace for its SIGKILL;
    // the budget ends at 7 s, inside it for any start-up under 5 s (a loaded CI machine once
    // took over 2 s, which a 4 s budget did not allow). The attempt had already timed out: it counts.
    const r = await run(["test_stubborn"], { reruns: 3, timeoutSec: 2, timeBudgetSec: 7, killGraceMs: 6000, batch });
    const same = of(r, "test_stubborn").reruns.sameSeed;
    expect(same.runs).toBeGreaterThanOrEqual(1);
    expect(same.timedOut).toBe(same.runs);
    expect(await survivors(runDir)).toEqual([]);
  });

  it.each([true, false])("counts a hang that fails on our timeout's SIGTERM as timed out, not failed (batch: %s)", async (batch) => {
    const r = await run(["test_term_fails"], { reruns: 2, timeoutSec: 1, batch });
    expect(of(r, "test_term_fails").reruns.sameSeed).toMatchObject({ runs: 2, passed: 0, failed: 0, timedOut: 2 });
    for (const t of of(r, "test_term_fails").trials) expect(t.durationSec).toBeGreaterThanOrEqual(0.9);
    expect(await survivors(runDir)).toEqual([]);
  });

  it("says 'cut short' only of the tests the budget cut, not of one whose reruns were complete", async () => {
    // One process serves both: test_a's three attempts end within a second, then test_hang
    // hangs until the budget ends; test_a is handed back only after that. The budget leaves a
    // loaded machine's pytest start-up room for test_a's attempts.
    const r = await run(["test_a", "test_hang"], { reruns: 3, timeoutSec: 30, timeBudgetSec: 8 });
    expect(of(r, "test_a").reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    expect(of(r, "test_a").reruns.note ?? "").not.toMatch(/cut short/);
    expect(of(r, "test_hang").reruns.sameSeed.runs).toBe(0);
    expect(of(r, "test_hang").reruns.note).toMatch(/time budget ran out: reruns were cut short/);
  });

  it("sends a test pytest cannot find back to the one-test path, which explains it", async () => {
    const r = await run(["test_a", "test_missing"], { reruns: 2 });
    expect(of(r, "test_a").reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(of(r, "test_missing").reruns.sameSeed.runs).toBe(0);
    expect(of(r, "test_missing").reruns.note).toMatch(/same-seed: pytest .*not found/);
  });

  it("runs a repeat that ends in a way no clean attempt did again in a new child, which starts without what the last child imported", async () => {
    const r = await run(["test_lazy.py::test_lazy_imports"], { reruns: 3 });
    const t = of(r, "test_lazy.py::test_lazy_imports");
    expect(t.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    // The second attempt in each child saw both modules (its own earlier import) and was not
    // counted: it ran again as the first of a new child, where neither numpy.random (a library
    // submodule importing may fill a package's registries) nor colorsys had been imported.
    expect(t.trials.map((x) => x.kind === "failed" && x.message)).toEqual(Array(3).fill("AssertionError: numpy.random False, colorsys False"));
    expect(distinct(r.log.map((l) => l.ppid))).toBe(1);
    expect(distinct(r.log.map((l) => l.pid))).toBe(3);
  });

  it("takes a message that names a fresh UUID and temporary directory each time for the same ending: one child serves the run", async () => {
    const r = await run(["test_lazy.py::test_fresh_names_in_message"], { reruns: 4 });
    expect(of(r, "test_lazy.py::test_fresh_names_in_message").reruns.sameSeed).toMatchObject({ runs: 4, failed: 4 });
    expect(r.log).toHaveLength(4);
    expect(distinct(r.log.map((l) => l.pid))).toBe(1);
  });

  it("with batch: false, runs one process per test as before", async () => {
    const r = await run(["test_a", "test_b"], { reruns: 2, batch: false });
    expect(of(r, "test_a").reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(distinct(r.log.map((l) => l.ppid))).toBe(2);
    // Without the plan, no fork: the attempts run in the pytest process itself.
    expect(distinct(r.log.map((l) => l.pid))).toBe(2);
  });
});
