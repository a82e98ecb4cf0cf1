import { describe, expect, it } from "vitest";
import { planRerun, type RerunOutcome, type RerunRequest } from "../../src/rerun/plan.js";
import { rerunAll } from "../../src/rerun/scheduler.js";
import { pytestCase } from "./helpers.js";

const req = (id: string): RerunRequest =>
  planRerun({ test: pytestCase(id), seed: null, reruns: 1, freshSeeds: 0, timeoutSec: 1, cwd: "/tmp" });

const ok = (): RerunOutcome => ({
  reruns: {
    sameSeed: { runs: 1, passed: 1, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false },
    freshSeeds: { runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: [] },
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

  it("stops the reruns still running when the time budget runs out, and says so once", async () => {
    const reasons: unknown[] = [];
    let spent = 0;
    const started = Date.now();
    const results = await rerunAll([req("t.py::slow"), req("t.py::slower"), req("t.py::queued")], {
      jobs: 2,
      timeBudgetSec: 0.3,
      runDir: "/tmp",
      onBudgetSpent: () => spent++,
      // Reruns that would take a minute unless stopped (as a process is killed on abort).
      runOne: (_r, ctx) =>
        new Promise<RerunOutcome>((resolve) => {
          const done = setTimeout(() => resolve(ok()), 60_000);
          ctx.signal?.addEventListener("abort", () => {
            clearTimeout(done);
            reasons.push(ctx.signal?.reason);
            resolve(ok());
          });
        }),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect([...results.keys()].sort()).toEqual(["t.py::slow", "t.py::slower"]);
    expect(spent).toBe(1);
    expect(reasons).toEqual(["time budget spent", "time budget spent"]);
  });

  it("does not report a budget the reruns stayed within", async () => {
    let spent = 0;
    await rerunAll([req("t.py::a")], { jobs: 1, timeBudgetSec: 0.2, runDir: "/tmp", onBudgetSpent: () => spent++, runOne: async () => ok() });
    await new Promise((r) => setTimeout(r, 400));
    expect(spent).toBe(0);
  });

  it("takes a budget past setTimeout's range as one that never ends the run", async () => {
    let spent = 0;
    const results = await rerunAll([req("t.py::a")], {
      jobs: 1,
      timeBudgetSec: 1e7,
      runDir: "/tmp",
      onBudgetSpent: () => spent++,
      runOne: async (_r, ctx) => {
        await new Promise((r) => setTimeout(r, 50));
        expect(ctx.signal?.aborted).toBe(false);
        return ok();
      },
    });
    expect(results.size).toBe(1);
    expect(spent).toBe(0);
  });

  it("passes the caller's abort on to running reruns with its reason", async () => {
    const ac = new AbortController();
    const reasons: unknown[] = [];
    await rerunAll([req("t.py::a")], {
      jobs: 1,
      timeBudgetSec: 60,
      runDir: "/tmp",
      signal: ac.signal,
      runOne: (_r, ctx) =>
        new Promise<RerunOutcome>((resolve) => {
          ctx.signal?.addEventListener("abort", () => {
            reasons.push(ctx.signal?.reason);
            resolve(ok());
          });
          setTimeout(() => ac.abort("SIGINT"), 10);
        }),
    });
    expect(reasons).toEqual(["SIGINT"]);
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
