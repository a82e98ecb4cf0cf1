import { describe, expect, it } from "vitest";
import { ProgressPrinter } from "../../src/cli/progress.js";
import type { TriagedTest } from "../../src/model.js";

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { write: (x: string) => out.push(x), isTTY, columns: 60 } };
}

const test = { id: "tests/x.py::test_y\x1b[2J", verdict: "deterministic", cause: "tolerance", reruns: {} } as unknown as TriagedTest;

describe("progress on stderr", () => {
  it("on a terminal redraws one line in place, cut to the width, and clears it for finished tests", () => {
    const { out, s } = sink(true);
    const p = new ProgressPrinter(s, { quiet: false });
    p.update({ kind: "rerun", index: 2, count: 15, id: "tests/x.py::" + "y".repeat(100), phase: "same-seed", done: 4, total: 10 });
    expect(out[0]).toMatch(/^\r\[3\/15\] tests\/x\.py::y+…$/);
    expect(out[0]!.length).toBeLessThanOrEqual(60);
    p.update({ kind: "test-done", index: 0, count: 15, test });
    // A hostile id's escape sequence never reaches the terminal.
    expect(out.join("")).toContain("[1/15] tests/x.py::test_y: deterministic, tolerance\n");
    expect(out.join("")).not.toContain("\x1b");
  });

  it("in a CI log prints one line per finished test and no redraws", () => {
    const { out, s } = sink(false);
    const p = new ProgressPrinter(s, { quiet: false });
    p.update({ kind: "rerun", index: 0, count: 1, id: "a", phase: "same-seed", done: 1, total: 10 });
    p.update({ kind: "test-done", index: 0, count: 1, test });
    p.done();
    expect(out).toEqual(["[1/1] tests/x.py::test_y: deterministic, tolerance\n"]);
  });

  it("--quiet prints nothing", () => {
    const { out, s } = sink(true);
    const p = new ProgressPrinter(s, { quiet: true });
    p.update({ kind: "test-done", index: 0, count: 1, test });
    p.done();
    expect(out).toEqual([]);
  });
});
