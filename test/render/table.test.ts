import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderReproduce, renderTable } from "../../src/render/table.js";
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

  it("shows a hypothesis falsifying example as 'example', not as a seed to copy", () => {
    const seed = {
      value: "test_increment(x=9007199254740992.0)",
      recogniser: "hypothesis-falsifying-example",
      source: { file: "reports/junit.xml" },
      apply: { kind: "none" as const, why: "no blob" },
    };
    const row = renderTable(makeReport([makeTest({ id: "tests/test_h.py::test_increment", seed })])).split("\n")[1]!;
    expect(row).toMatch(/\sexample\s/);
    expect(row).not.toContain("9007199254740992");
  });

  it("lists the reproduce commands of deterministic and intermittent failures, control characters escaped", () => {
    const report = makeReport([
      makeTest({ id: "a::t1", verdict: "not-reproduced", reproduce: "python3 -m pytest a::t1" }),
      makeTest({ id: "a::t2", verdict: "intermittent", reproduce: "python3 -m pytest 'a::t2\u001b[2J'" }),
      makeTest({ id: "a::t3", verdict: "deterministic", reproduce: "MXNET_TEST_SEED=1 python3 -m pytest a::t3" }),
      makeTest({ id: "a::t4", verdict: "deterministic", reproduce: null }),
    ]);
    expect(renderReproduce(report)).toBe(
      [
        "reproduce (deterministic and intermittent failures):",
        "  MXNET_TEST_SEED=1 python3 -m pytest a::t3",
        "  python3 -m pytest 'a::t2\\x1b[2J'",
      ].join("\n"),
    );
    expect(renderReproduce(report, 1).split("\n")).toEqual([
      "reproduce (1 of 2 deterministic and intermittent failures):",
      "  MXNET_TEST_SEED=1 python3 -m pytest a::t3",
      "  ... 1 more in the JSON and Markdown reports",
    ]);
    expect(renderReproduce(makeReport([makeTest({ id: "a::t1", verdict: "not-rerun" })]))).toBe("");
    expect(renderReproduce(report, 10, "/work/proj").split("\n")[0]).toBe("reproduce (deterministic and intermittent failures, from /work/proj):");
  });

  it("names the tests that passed on a recorded retry, so the verdicts add up", () => {
    const report = makeReport([
      makeTest({ id: "a::t1", verdict: "deterministic" }),
      makeTest({ id: "a::t2", verdict: "intermittent", outcome: "passed" }),
    ]);
    expect(renderTable(report).split("\n").at(-1)).toBe(
      "1 failing test and 1 that passed on a retry of 102: 1 deterministic, 1 intermittent, 0 not reproduced, 0 not rerun",
    );
  });

  it("does not take a failure named twice (report and log ids apart) for a retry", () => {
    const a = makeTest({ id: "pytest::tests.test_api", verdict: "not-rerun", outcome: "errored" });
    const b = makeTest({ id: "tests/test_api.py", verdict: "not-rerun", outcome: "errored" });
    // The JUnit report counts one error; the log's entry for the same failure is a second one.
    const report = makeReport([a, b]);
    report.summary.errored = 1;
    expect(renderTable(report).split("\n").at(-1)).toBe("1 failing test of 102: 0 deterministic, 0 intermittent, 0 not reproduced, 2 not rerun");
  });

  it("says when failing testcases of one id were triaged as one (test.each with a fixed title), in the table and the Markdown", () => {
    const report = makeReport([makeTest({ id: "tests/add.test.js > add adds two numbers", verdict: "not-rerun", outcome: "failed" })]);
    report.summary.failed = 2;
    report.summary.sharedId = 1;
    expect(renderTable(report).split("\n").at(-1)).toBe(
      "2 failing tests (1 triaged with another of the same id) of 101: 0 deterministic, 0 intermittent, 0 not reproduced, 1 not rerun",
    );
    expect(renderMarkdown(report, { charts: false })).toContain("**2 failing** (1 triaged with another of the same id) of 101 tests");
  });

  it("failures counted but never read (a session that died) are not 'triaged with another of the same id'", () => {
    const report = makeReport([makeTest({ id: "tests/test_a.py::test_a", verdict: "not-rerun", outcome: "failed" })]);
    report.summary.failed = 2;
    expect(renderTable(report).split("\n").at(-1)).toBe("2 failing tests of 101: 0 deterministic, 0 intermittent, 0 not reproduced, 1 not rerun");
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
