import { describe, expect, it } from "vitest";
import { planRerun, type RerunOutcome, type RerunRequest } from "../../src/rerun/plan.js";
import { rerunAll } from "../../src/rerun/scheduler.js";
import { pytestCase } from "./helpers.js";

const req = (id: string): RerunRequest =>
  planRerun({ test: pytestCase(id), seed: null, reruns: 1, freshSeeds: 0, timeoutSec: 1, cwd: "/tmp" });

const ok = (): RerunOutcome => ({
  reruns: {
    sameSeed: { runs: 1, passed: 1, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false },
    freshSeeds: { runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [] },
  },
  trials: [],
  trialsByPhase: { "same-seed": [], "fresh-seeds": [], order: [] },
  seedReapplied: false,
  reproduce: null,
  processes: 1,
});

describe("rerunAll", () => {
  it("runs up to `jobs` at once, in input order", async () => {
    let running = 0;
    let peak = 0;
    const started: string[] = [];
    const results = await rerunAll(
      ["a", "b", "c", "d", "e"].map((n) => req(`t.py::${n}`)),
      {
        jobs: 2,
        timeBudgetSec: null,
        runDir: "/tmp",
        runOne: async (r) => {
          started.push(r.test.id);
          peak = Math.max(peak, ++running);
          await new Promise((res) => setTimeout(res, 20));
          running--;
          return ok();
        },
      },
    );
    expect(peak).toBe(2);
    expect(started).toEqual(["t.py::a", "t.py::b", "t.py::c", "t.py::d", "t.py::e"]);
    expect(results.size).toBe(5);
  });

  it("keeps the others when one test's reruns throw", async () => {
    const done: string[] = [];
    const results = await rerunAll([req("t.py::a"), req("t.py::boom"), req("t.py::c")], {
      jobs: 2,
      timeBudgetSec: null,
      runDir: "/tmp",
      onTestDone: (id) => done.push(id),
      runOne: async (r) => {
        if (r.test.id.endsWith("boom")) throw new Error("kaput");
        return ok();
      },
    });
    expect(results.size).toBe(3);
    expect(results.get("t.py::boom")?.reruns.note).toBe("reruns failed: kaput");
    expect(done.sort()).toEqual(["t.py::a", "t.py::boom", "t.py::c"]);
  });

  it("starts nothing once the time budget has run out", async () => {
    let clock = 0;
    const results = await rerunAll([req("t.py::a"), req("t.py::b"), req("t.py::c")], {
      jobs: 1,
      timeBudgetSec: 10,
      runDir: "/tmp",
      now: () => clock,
      runOne: async () => {
        clock += 6_000;
        return ok();
      },
    });
    expect([...results.keys()]).toEqual(["t.py::a", "t.py::b"]);
  });

  it("starts nothing after an abort", async () => {
    const ac = new AbortController();
    const results = await rerunAll([req("t.py::a"), req("t.py::b")], {
      jobs: 1,
      timeBudgetSec: null,
      runDir: "/tmp",
      signal: ac.signal,
      runOne: async () => {
        ac.abort();
        return ok();
      },
    });
    expect(results.size).toBe(1);
  });
});
