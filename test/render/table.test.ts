import { describe, expect, it } from "vitest";
import { renderTable } from "../../src/render/table.js";
import { everyUnionReport, HOSTILE, makeReport, makeTest } from "./fixtures.js";

describe("renderTable", () => {
  it("lists one line per failing test, deterministic first, then a tally line", () => {
    const out = renderTable(everyUnionReport());
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^TEST\s+VERDICT\s+CAUSE\s+SEED\s+FIX$/);
    expect(lines.length).toBe(1 + 9 + 1);
    expect(lines[1]).toContain("deterministic");
    expect(lines[lines.length - 1]).toBe("9 failing tests of 109: 3 deterministic, 2 intermittent, 2 not reproduced, 2 not rerun");
  });

  it("strips ANSI and control characters from untrusted text", () => {
    const out = renderTable(makeReport([makeTest({ id: "t\u001b[2J\u001b]0;x\u0007\r\nid", suggestion: HOSTILE })]));
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out.split("\n").length).toBe(3);
  });

  it("fits lines to the width and colours only when asked", () => {
    const report = everyUnionReport();
    for (const line of renderTable(report, { width: 100 }).split("\n").slice(0, -1)) expect(Array.from(line).length).toBeLessThanOrEqual(100);
    expect(renderTable(report)).not.toContain("\u001b[");
    expect(renderTable(report, { color: true })).toContain("\u001b[31mdeterministic");
  });

  it("prints only the tally when nothing failed", () => {
    expect(renderTable(makeReport([]))).toBe("0 failing tests of 100: 0 deterministic, 0 intermittent, 0 not reproduced, 0 not rerun");
  });
});

describe("renderTable with very many failing tests", () => {
  it("renders 200,000 rows (column widths are not computed by spreading rows into Math.max)", () => {
    const one = makeTest({ id: "t", verdict: "not-rerun" });
    const tests = Array.from({ length: 200_000 }, (_, i) => ({ ...one, id: `tests/test_m.py::test_${i}` }));
    const text = renderTable(makeReport(tests));
    const lines = text.split("\n");
    expect(lines).toHaveLength(200_002);
    expect(lines[1]).toContain("tests/test_m.py::test_0");
  });

  it("counts astral characters as one column, as before", () => {
    const text = renderTable(makeReport([makeTest({ id: "\u{1F600}\u{1F600}x", verdict: "not-rerun" }), makeTest({ id: "abcd", verdict: "not-rerun" })]));
    const [header, first, second] = text.split("\n");
    // The id column is 4 code points wide ("TEST", "abcd"); each emoji is 2 code units.
    expect(second!.indexOf("not rerun")).toBe(header!.indexOf("VERDICT"));
    expect(first!.indexOf("not rerun")).toBe(header!.indexOf("VERDICT") + 2);
  });
});
