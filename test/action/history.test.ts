import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyHistory, historyKeys, historyView, parseHistory, recordRun, updateHistory, type HistoryCache } from "../../src/action/history.js";
import { readEnvironment } from "../../src/action/inputs.js";
import { HISTORY_RUNS } from "../../src/action/limits.js";
import type { Verdict } from "../../src/model.js";
import { makeReport, makeTest } from "../render/fixtures.js";

const t0 = new Date("2026-01-01T00:00:00Z");
const run = (verdicts: Record<string, Verdict>) => makeReport(Object.entries(verdicts).map(([id, verdict]) => makeTest({ id, verdict })));

describe("history", () => {
  it("counts flaky runs in the window and says new flaky test", () => {
    let h = emptyHistory();
    h = recordRun(h, run({ a: "deterministic" }), t0);
    h = recordRun(h, run({}), t0);
    h = recordRun(h, run({ a: "intermittent", b: "not-reproduced" }), t0);
    expect(h.tests["a"]!.outcomes).toBe("DPI");
    const view = historyView(h, run({ a: "intermittent", b: "not-reproduced" }));
    expect(view.get("a")).toMatchObject({ runs: 3, flaky: 1, newFlaky: true, firstSeen: t0.toISOString() });
    expect(view.get("a")!.trend).toEqual([0, 0, 1 / 3]);
    expect(view.get("b")).toMatchObject({ runs: 1, flaky: 1, newFlaky: true });
  });

  it("keeps the last 30 runs and forgets tests that stopped failing", () => {
    let h = emptyHistory();
    for (let i = 0; i < 40; i++) h = recordRun(h, run(i % 4 === 0 ? { a: "intermittent", gone: "deterministic" } : { a: "deterministic" }), t0);
    expect(h.tests["a"]!.outcomes).toHaveLength(HISTORY_RUNS);
    for (let i = 0; i < HISTORY_RUNS; i++) h = recordRun(h, run({}), t0);
    expect(h.tests).toEqual({});
  });

  it("takes ids that are Object.prototype's keys as plain ids (mocha ids are bare titles)", () => {
    const ids = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"];
    const verdicts = Object.fromEntries(ids.map((id) => [id, "intermittent" as Verdict]));
    // Object.fromEntries makes "__proto__" an own key, as a report's test list would hold it.
    let h = recordRun(emptyHistory(), run(verdicts), t0);
    h = parseHistory(JSON.stringify(h));
    h = recordRun(h, run({ ...verdicts, constructor: "deterministic" as Verdict }), t0);
    for (const id of ids) expect(Object.getOwnPropertyDescriptor(h.tests, id)?.value?.outcomes, id).toBe(id === "constructor" ? "ID" : "II");
    const view = historyView(h, run(verdicts));
    for (const id of ids) expect(view.get(id), id).toMatchObject({ runs: 2, flaky: id === "constructor" ? 1 : 2 });
    // A test seen for the first time whose id is such a key has no history yet.
    expect(historyView(emptyHistory(), run({ toString: "deterministic" as Verdict })).size).toBe(0);
  });

  it("reads a tampered cache file defensively", () => {
    expect(parseHistory(JSON.stringify({ version: 1, tests: { a: { outcomes: "XX", firstSeen: "x" }, b: { outcomes: "PI", firstSeen: "y" } } })).tests).toEqual({ b: { outcomes: "PI", firstSeen: "y" } });
    expect(parseHistory("[]").tests).toEqual({});
  });

  it("keys per workflow, job and branch, falling back to the default branch", () => {
    const gh = { ...readEnvironment({}), workflow: "ci, nightly", job: "test", branch: "feature", defaultBranch: "main", runId: "7", runAttempt: "2" };
    const { key, restoreKeys } = historyKeys(gh);
    expect(restoreKeys).toHaveLength(2);
    expect(key.startsWith(restoreKeys[0]!)).toBe(true);
    expect(key.endsWith("-7-2")).toBe(true);
    expect(key).not.toContain(",");
    expect(restoreKeys[1]).toBe(historyKeys({ ...gh, branch: "main" }).restoreKeys[0]);
    // `main` must not match `main-old` by prefix.
    expect(historyKeys({ ...gh, branch: "main-old" }).key.startsWith(restoreKeys[1]!)).toBe(false);
  });

  const dir = () => mkdtempSync(join(tmpdir(), "ft-hist-"));
  const write = async (p: string, d: string) => {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, d);
  };
  const gh = readEnvironment({ GITHUB_WORKFLOW: "ci", GITHUB_JOB: "test", GITHUB_REF_NAME: "main" });

  it("restores, records and saves through the cache", async () => {
    const d = dir();
    const saved: string[] = [];
    const cache: HistoryCache = {
      available: () => true,
      restore: async (p) => {
        await write(join(p, "history.json"), JSON.stringify({ version: 1, tests: { a: { outcomes: "IPPPPPI", firstSeen: "2025-12-01T00:00:00Z" } } }));
        return true;
      },
      save: async (p, key) => void saved.push(readFileSync(join(p, "history.json"), "utf8"), key),
    };
    const r = await updateHistory(cache, d, gh, run({ a: "intermittent" }), write, t0);
    expect(r.warnings).toEqual([]);
    expect(r.view.get("a")).toMatchObject({ runs: 8, flaky: 3, newFlaky: false });
    expect(JSON.parse(saved[0]!).tests.a.outcomes).toBe("IPPPPPII");
  });

  it("turns cache failures into warnings", async () => {
    const failing: HistoryCache = {
      available: () => true,
      restore: async () => {
        throw new Error("service down");
      },
      save: async () => {
        throw new Error("quota");
      },
    };
    const r = await updateHistory(failing, dir(), gh, run({ a: "intermittent" }), write, t0);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/could not restore.*service down/);
    expect(r.view.get("a")).toMatchObject({ runs: 1, newFlaky: true });
    const none = await updateHistory({ ...failing, available: () => false }, dir(), gh, run({ a: "deterministic" }), write, t0);
    expect(none.warnings).toEqual([expect.stringMatching(/not available/)]);
    // No cache, no history: no "flaky in 0 of last 1 run, first seen today" on the annotations.
    expect(none.view.size).toBe(0);
  });
});
