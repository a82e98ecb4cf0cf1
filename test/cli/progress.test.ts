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
    p.update({ kind: "test-done", index: 0, count: 15, test, rerun: true });
    // A hostile id's escape sequence never reaches the terminal.
    expect(out.join("")).toContain("[1/15] tests/x.py::test_y: deterministic, tolerance\n");
    expect(out.join("")).not.toContain("\x1b");
  });

  it("in a CI log prints one line per finished test and no redraws", () => {
    const { out, s } = sink(false);
    const p = new ProgressPrinter(s, { quiet: false });
    p.update({ kind: "rerun", index: 0, count: 1, id: "a", phase: "same-seed", done: 1, total: 10 });
    p.update({ kind: "test-done", index: 0, count: 1, test, rerun: true });
    p.done();
    expect(out).toEqual(["[1/1] tests/x.py::test_y: deterministic, tolerance\n"]);
  });

  it("says why a test whose reruns could not run reads 'not rerun'; one never rerun (--no-rerun, past --max-failures) gets no line", () => {
    const { out, s } = sink(false);
    const p = new ProgressPrinter(s, { quiet: false });
    const cannot = { ...test, verdict: "not-rerun", cause: "unknown", reruns: { note: "same-seed: could not start /nonexistent/python: spawn /nonexistent/python ENOENT" } } as unknown as TriagedTest;
    p.update({ kind: "test-done", index: 0, count: 2, test: cannot, rerun: true });
    p.update({ kind: "test-done", index: 1, count: 2, test: { ...cannot, reruns: { note: "--no-rerun: read and extracted only" } } as TriagedTest, rerun: false });
    expect(out).toEqual(["[1/2] tests/x.py::test_y: not rerun: same-seed: could not start /nonexistent/python: spawn /nonexistent/python ENOENT\n"]);
  });

  it("shows how far reading has got: redrawn on a terminal, a line every 5 s in a log", () => {
    const tty = sink(true);
    let now = 0;
    const live = new ProgressPrinter(tty.s, { quiet: false, now: () => now });
    live.update({ kind: "reading", path: "r\x1b[2J.xml", bytesRead: 120_400_000, bytesTotal: 500_000_000 });
    // Within 100 ms of the last redraw: skipped, unless reading is done.
    now = 50;
    live.update({ kind: "reading", path: "r\x1b[2J.xml", bytesRead: 121_000_000, bytesTotal: 500_000_000 });
    now = 60;
    live.update({ kind: "reading", path: "r\x1b[2J.xml", bytesRead: 500_000_000, bytesTotal: 500_000_000 });
    expect(tty.out).toEqual(["\rreading 120 of 500 MB (24%): r.xml", "\rreading 500 of 500 MB (100%): r.xml"]);

    const log = sink(false);
    let t = 0;
    const p = new ProgressPrinter(log.s, { quiet: false, now: () => t });
    const at = (ms: number, path: string, bytesRead: number) => {
      t = ms;
      p.update({ kind: "reading", path, bytesRead, bytesTotal: 600_000 });
    };
    at(0, "a.xml", 0);
    at(4_999, "a.xml", 100_000);
    at(5_000, "a.xml", 200_000);
    at(7_500, "a.xml", 300_000);
    at(10_000, "a.xml", 400_000);
    // A new file starts its own count.
    at(10_500, "b.xml", 1_000);
    at(15_000, "b.xml", 2_000);
    expect(log.out).toEqual(["reading 200 of 600 KB (33%): a.xml\n", "reading 400 of 600 KB (66%): a.xml\n"]);
  });

  it("--quiet prints no progress, only problems reading a report", () => {
    const { out, s } = sink(true);
    const p = new ProgressPrinter(s, { quiet: true });
    p.update({ kind: "reading", path: "a.xml", bytesRead: 1, bytesTotal: 2 });
    p.update({ kind: "read", path: "a.xml", tests: 3, failing: 1, warnings: [] });
    p.update({ kind: "plan", toRerun: 1, notRerun: 0 });
    p.update({ kind: "test-done", index: 0, count: 1, test, rerun: true });
    p.done();
    expect(out).toEqual([]);
    p.update({ kind: "read", path: "b.log", tests: 0, failing: 0, warnings: ["b.log: no such file; the other reports were read without it"] });
    expect(out).toEqual(["warning: b.log: no such file; the other reports were read without it\n"]);
  });
});
