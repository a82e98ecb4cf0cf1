import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderTable } from "../../src/render/table.js";
import { everyUnionReport, makeReport, makeTest } from "./fixtures.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/report.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

function clone(r: Report): Record<string, any> {
  return JSON.parse(JSON.stringify(r));
}

describe("schema/report.schema.json", () => {
  it("accepts a report using every union member of the model", () => {
    const report = everyUnionReport();
    expect(validate(clone(report)), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("accepts a minimal report with no failing tests", () => {
    expect(validate(clone(makeReport([])))).toBe(true);
  });

  const broken: Array<[string, (r: Record<string, any>) => void]> = [
    ["unknown top-level property", (r) => (r.extra = 1)],
    ["wrong schemaVersion", (r) => (r.schemaVersion = 2)],
    ["wrong tool name", (r) => (r.tool.name = "other")],
    ["missing summary count", (r) => delete r.summary.notRerun],
    ["negative count", (r) => (r.summary.tests = -1)],
    ["unknown verdict", (r) => (r.tests[0].verdict = "flaky")],
    ["unknown cause", (r) => (r.tests[0].cause = "cosmic-rays")],
    ["undefined-turned-missing file", (r) => delete r.tests[0].file],
    ["seed value as number", (r) => (r.tests[0].seed.value = 42)],
    ["seed apply kind with the wrong payload", (r) => (r.tests[0].seed.apply = { kind: "env", args: ["x"] })],
    ["seed apply with unknown kind", (r) => (r.tests[0].seed.apply = { kind: "magic" })],
    ["tally without stoppedEarly", (r) => delete r.tests[0].reruns.sameSeed.stoppedEarly],
    ["fresh seeds without seeds", (r) => delete r.tests[0].reruns.freshSeeds.seeds],
    ["tolerance suggestion with unknown parameter", (r) => (r.tests[0].tolerance.suggestion.parameter = "eps")],
    ["confidence bound above 1", (r) => (r.tests[0].confidence.upperBound95 = 1.5)],
    ["line 0", (r) => (r.tests[0].line = 0)],
    ["input kind unknown to the model", (r) => (r.inputs[0].kind = "xml")],
    ["extra property in a test (drift)", (r) => (r.tests[0].flakeRate = 0.1)],
  ];
  for (const [name, breakIt] of broken) {
    it(`rejects: ${name}`, () => {
      const r = clone(everyUnionReport());
      breakIt(r);
      expect(validate(r)).toBe(false);
    });
  }

  it("keeps every property of the model's TriagedTest required (no drift in either direction)", () => {
    const test = makeTest({ id: "a" });
    const required: string[] = schema.$defs.TriagedTest.required;
    expect([...required].sort()).toEqual(Object.keys(test).sort());
  });
});

describe("renderers on every union member", () => {
  it("renders Markdown and the table for a report using every union member", () => {
    const report = everyUnionReport();
    const md = renderMarkdown(report, { charts: true, budgetBytes: 1024 * 1024 });
    const table = renderTable(report);
    for (const t of report.tests) {
      expect(table).toContain(t.id);
    }
    for (const label of ["deterministic", "intermittent", "not reproduced", "not rerun"]) expect(md).toContain(label);
    for (const cause of ["tolerance", "edge case", "regression", "race condition", "order dependence", "timeout", "crash", "environment", "unknown"]) {
      expect(md).toContain(cause);
    }
    expect(md).toContain("MXNET\\_TEST\\_SEED=1121373020");
    expect(md).toContain("randomly");
    expect(md).toContain("global generators seeded with 7");
    expect(md).toContain("reproduce\\_failure");
    expect(md).toContain("cannot be re\\-applied");
    expect(md).toContain("violation ratio");
    expect(md).toContain("non-finite value: nan");
    expect(md).toContain("After its 4 predecessors");
    expect(md).toContain("Recorded in the report");
  });
});
