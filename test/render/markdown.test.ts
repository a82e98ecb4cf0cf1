import { describe, expect, it } from "vitest";
import { byteLength } from "../../src/render/budget.js";
import type { HistoryView } from "../../src/render/format.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { everyUnionReport, HOSTILE, makeReport, makeTest, tally } from "./fixtures.js";

const MiB = 1024 * 1024;

function exampleReport() {
  return makeReport([
    makeTest({
      id: "tests/test_numeric.py::test_softmax_tolerance",
      verdict: "deterministic",
      seedSensitivity: "seed-specific",
      cause: "tolerance",
      causeReason: "The comparison missed by a factor of 1.7, a near miss.",
      message: "AssertionError: Not equal to tolerance rtol=1e-05, atol=1e-08",
      seed: {
        value: "1121373020",
        recogniser: "mxnet-test-seed",
        source: { file: "reports/pytest.log", line: 87 },
        apply: { kind: "env", env: { MXNET_TEST_SEED: "1121373020" } },
      },
      reruns: { sameSeed: tally(10, 10), freshSeeds: { ...tally(10, 1), seeds: ["11", "12", "13"], failingSeeds: ["12"] } },
      tolerance: {
        format: "numpy-allclose",
        rtol: 1e-5,
        atol: 1e-8,
        ratio: 1.7,
        actual: 1.000017,
        expected: 1,
        dtype: "float32",
        location: "(3, 1)",
        suggestion: { parameter: "rtol", from: 1e-5, to: 5e-5, minimumPassing: 1.7e-5, rungsNeeded: 1, text: "raise rtol from 1e-5 to 5e-5" },
      },
      suggestion: "Raise rtol from 1e-5 to 5e-5 (the next rung; 1.7e-5 is the smallest that passes).",
      reproduce: "MXNET_TEST_SEED=1121373020 python -m pytest 'tests/test_numeric.py::test_softmax_tolerance'",
    }),
    makeTest({
      id: "tests/test_worker.py::test_counter_race",
      line: 40,
      verdict: "intermittent",
      seedSensitivity: "unknown",
      cause: "race-condition",
      causeReason: "Same seed, 3 of 10 reruns failed.",
      message: "AssertionError: assert 997 == 1000",
      reruns: { sameSeed: tally(10, 3), freshSeeds: { ...tally(0, 0), seeds: [], failingSeeds: [] } },
      suggestion: "Synchronise the threads that update the counter.",
      confidence: { about: "failure-probability", upperBound95: 0.61, estimate: 0.3, text: "fails with probability 30% (< 61%)", moreRerunsAdvised: true },
    }),
    makeTest({
      id: "tests/test_io.py::test_tmpfile",
      verdict: "not-reproduced",
      cause: "unknown",
      causeReason: "Passed on every rerun.",
      reruns: { sameSeed: tally(10, 0), freshSeeds: { ...tally(0, 0), seeds: [], failingSeeds: [] } },
      suggestion: "Nothing reproduced it; watch it in the history.",
    }),
  ]);
}

describe("tolerance details", () => {
  it("says a ratio of 0 is not visible in the printed values, instead of printing 0", () => {
    const test = makeTest({
      id: "tests/test_n.py::test_dot",
      verdict: "deterministic",
      tolerance: { format: "numpy-allclose", rtol: 1e-9, atol: 0, ratio: 0, actual: -4.194259, expected: -4.194259, suggestion: null },
    });
    const md = renderMarkdown(makeReport([test]), { charts: false });
    expect(md).toContain("violation ratio: not visible (the printed values agree to the digits shown)");
    expect(md).not.toMatch(/violation ratio .*= 0/);
  });

  it("gives the ladder's step of a test that is no tolerance problem as what it would be, not as its fix; bounds as bounds", () => {
    const tolerance = {
      format: "numpy-allclose",
      rtol: 1e-7,
      atol: 0,
      ratio: 1068.1,
      ratioAtLeast: 6.77,
      suggestion: { parameter: "rtol" as const, from: 1e-7, to: 5e-7, minimumPassing: 1.22e-4, minimumPassingAtLeast: 6.87e-7, rungsNeeded: 7, text: "raise rtol" },
    };
    // (Markdown escapes - and .: compared without the backslashes.)
    const md = (cause: "regression" | "tolerance") =>
      renderMarkdown(makeReport([makeTest({ id: "tests/t.py::test_x", verdict: "deterministic", cause, tolerance })]), { charts: false }).replaceAll("\\", "");
    expect(md("regression")).toContain("were it the tolerance (the cause is regression): rtol 1e-7 → 5e-7 (smallest passing rtol: between 6.87e-7 and 1.22e-4; 7 rungs");
    expect(md("regression")).not.toContain("suggestion: rtol");
    expect(md("tolerance")).toContain("suggestion: rtol 1e-7 → 5e-7");
    expect(md("tolerance")).toContain("between 6.77 and 1070 (the message gives only the largest absolute and relative differences");
  });
});

describe("renderMarkdown golden outputs", () => {
  it("renders the example report", async () => {
    await expect(renderMarkdown(exampleReport(), { charts: true, budgetBytes: MiB })).toMatchFileSnapshot("__outputs__/example.md");
  });

  it("renders history, check-run link and notes", async () => {
    const history: HistoryView = new Map([
      ["tests/test_worker.py::test_counter_race", { runs: 30, flaky: 7, newFlaky: false, firstSeen: "2026-01-02T03:04:05.000Z", trend: [0, 0.5, 0.33, 0.25, 0.4] }],
      ["tests/test_io.py::test_tmpfile", { runs: 1, flaky: 1, newFlaky: true, firstSeen: "2026-03-01T00:00:00.000Z", trend: [1] }],
    ]);
    const md = renderMarkdown(exampleReport(), {
      charts: true,
      budgetBytes: MiB,
      history,
      checkRunUrl: "https://github.com/o/r/runs/1",
      notes: ["3 more annotations are not shown on the diff"],
    });
    expect(md).toContain("flaky in 7 of last 30 runs");
    expect(md).toContain("new flaky test");
    expect(md).toContain("xychart-beta");
    await expect(md).toMatchFileSnapshot("__outputs__/history.md");
  });

  it("renders every union member", async () => {
    await expect(renderMarkdown(everyUnionReport(), { charts: true, budgetBytes: MiB })).toMatchFileSnapshot("__outputs__/every-union.md");
  });

  it("a test that passed on a recorded retry is counted and headlined, not 'no failing tests'", () => {
    const md = renderMarkdown(makeReport([makeTest({ id: "a::t", verdict: "intermittent", outcome: "passed" })]), { charts: false });
    expect(md).toMatch(/^## flaky-triage: 0 deterministic, 1 intermittent, 0 not reproduced\n/);
    expect(md).toContain("**0 failing** and 1 passed on a retry of 101 tests");
  });

  it("renders a report without failures", async () => {
    await expect(renderMarkdown(makeReport([]), { charts: true })).toMatchFileSnapshot("__outputs__/no-failures.md");
  });
});

/** Markdown minus code blocks and code spans, whose content GitHub shows as literal text. */
function outsideCode(md: string): string {
  const lines = md.split("\n");
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const m = /^(`{3,})/.exec(line);
    if (fence === null && m) fence = m[1]!;
    else if (fence !== null && line.startsWith(fence) && line.trim() === line.slice(0, line.trim().length) && /^`+$/.test(line.trim()) && line.trim().length >= fence.length) fence = null;
    else if (fence === null) kept.push(line);
  }
  return kept.join("\n").replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
}

describe("renderMarkdown with hostile text", () => {
  const report = makeReport([
    makeTest({
      id: `tests/t.py::test_x[${HOSTILE}]`,
      file: "../../etc/passwd",
      message: HOSTILE + "\nsecond line | with pipe",
      causeReason: HOSTILE,
      suggestion: HOSTILE,
      seed: { value: "1`|<b>", recogniser: "user:0", source: { file: "x|y" }, apply: { kind: "args", args: [HOSTILE] } },
      reproduce: "python -m pytest 'x ``` y'\n```\n<img src=x onerror=alert(1)>",
    }),
  ]);
  const md = renderMarkdown(report, { charts: true, budgetBytes: MiB, notes: [HOSTILE] });

  it("has no raw HTML from the report", () => {
    // The only tags are ours.
    const tags = outsideCode(md).match(/<\/?[a-z][^>]*>/gi) ?? [];
    expect(new Set(tags)).toEqual(new Set(["<details>", "<summary>", "</summary>", "<code>", "</code>", "</details>"]));
  });

  it("keeps every table row to its six cells", () => {
    const rows = md.split("\n").filter((l) => l.startsWith("| "));
    expect(rows.length).toBe(2);
    for (const row of rows) {
      const unescapedPipes = row.replace(/\\\|/g, "").match(/\|/g) ?? [];
      expect(unescapedPipes.length).toBe(7);
    }
  });

  it("leaves no live mention, reference, link or control character", () => {
    const text = outsideCode(md);
    expect(text).toContain("octocat");
    expect(text).not.toMatch(/@octocat/);
    expect(text).not.toMatch(/#123/);
    expect(text).not.toMatch(/\]\(javascript/);
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("keeps the reproduce command inside one fence", () => {
    const start = md.indexOf("````sh\n");
    expect(start).toBeGreaterThan(0);
    const end = md.indexOf("\n````\n", start);
    expect(md.slice(start, end)).toContain("<img src=x onerror=alert(1)>");
  });
});

describe("renderMarkdown budget", () => {
  function many(n: number) {
    const tests = Array.from({ length: n }, (_, i) =>
      makeTest({
        id: `tests/test_big_${i % 100}.py::TestClass::test_parametrised_case_with_a_long_name[${i}-${"x".repeat(40)}]`,
        verdict: i % 3 === 0 ? "deterministic" : i % 3 === 1 ? "intermittent" : "not-reproduced",
        message: `AssertionError: ${"value mismatch ".repeat(20)} ${i}`,
        suggestion: "Raise rtol from 1e-5 to 5e-5 (the next rung of the ladder).",
      }),
    );
    return makeReport(tests);
  }

  it("never exceeds 1 MiB with 50,000 failing tests, and says how many are not shown", () => {
    const md = renderMarkdown(many(50_000), { charts: true, budgetBytes: MiB });
    expect(byteLength(md)).toBeLessThanOrEqual(MiB);
    const m = /\*\*(\d+) more failing tests not shown\*\*/.exec(md);
    expect(m).not.toBeNull();
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| |")).length;
    expect(rows + Number(m![1])).toBe(50_000);
    expect(md).not.toContain("<details>");
    // Deterministic first.
    expect(md.split("\n").find((l) => l.startsWith("| \u{1F534}") || l.startsWith("| \u{1F7E1}"))).toMatch(/^\| \u{1F534}/u);
  });

  it("drops details before table rows", () => {
    const report = many(200);
    const full = renderMarkdown(report, { charts: false });
    const budget = Math.floor(byteLength(full) / 2);
    const md = renderMarkdown(report, { charts: false, budgetBytes: budget });
    expect(byteLength(md)).toBeLessThanOrEqual(budget);
    expect(md).not.toContain("more failing tests not shown");
    expect(md).toMatch(/Details are shown for the first \d+ of 200 tests/);
  });

  it("holds any budget, however small", () => {
    const report = many(50);
    for (const budget of [0, 10, 100, 500, 1000, 5000, 20_000, 65_535]) {
      expect(byteLength(renderMarkdown(report, { charts: true, budgetBytes: budget }))).toBeLessThanOrEqual(budget);
    }
  });

  it("does not split a multi-byte character at the cut", () => {
    const md = renderMarkdown(exampleReport(), { charts: true, budgetBytes: 30 });
    expect(md).not.toContain("\uFFFD");
  });
});
