import { describe, expect, it } from "vitest";
import { orderForDisplay } from "../../src/render/format.js";
import type { Verdict } from "../../src/model.js";
import { makeReport, makeTest } from "./fixtures.js";

const report = (verdicts: Verdict[]) => makeReport(verdicts.map((verdict, i) => makeTest({ id: `t${i}`, verdict })));
const ids = (r: ReturnType<typeof report>) => orderForDisplay(r).map((t) => t.id);

describe("orderForDisplay", () => {
  it("puts deterministic failures first, then intermittent, not reproduced and not rerun, each in the report's order", () => {
    expect(ids(report(["not-rerun", "deterministic", "intermittent", "deterministic", "not-reproduced", "intermittent"]))).toEqual([
      "t1",
      "t3",
      "t2",
      "t5",
      "t4",
      "t0",
    ]);
  });

  it("keeps a report already in that order as it is, in a new array", () => {
    const r = report(["deterministic", "deterministic", "intermittent", "not-rerun", "not-rerun"]);
    const shown = orderForDisplay(r);
    expect(shown.map((t) => t.id)).toEqual(["t0", "t1", "t2", "t3", "t4"]);
    expect(shown).not.toBe(r.tests);
  });

  it("sorts a report whose only test out of place is the last", () => {
    expect(ids(report(["intermittent", "not-rerun", "deterministic"]))).toEqual(["t2", "t0", "t1"]);
  });
});
