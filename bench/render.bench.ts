/** Rendering time of the job summary for very large reports (run: npx vitest bench --run bench/render.bench.ts). */
import { bench, describe } from "vitest";
import { STEP_SUMMARY_BUDGET_BYTES } from "../src/action/limits.js";
import { renderMarkdown } from "../src/render/markdown.js";
import { renderTable } from "../src/render/table.js";
import { makeReport, makeTest } from "../test/render/fixtures.js";

const report = makeReport(
  Array.from({ length: 50_000 }, (_, i) =>
    makeTest({ id: `tests/test_${i % 100}.py::test_case[${i}]`, verdict: i % 2 ? "intermittent" : "deterministic", message: `AssertionError ${i}` }),
  ),
);

describe("50,000 failing tests", () => {
  bench("renderMarkdown within the 1 MiB step-summary budget", () => {
    renderMarkdown(report, { charts: true, budgetBytes: STEP_SUMMARY_BUDGET_BYTES });
  });
  bench("renderTable", () => {
    renderTable(report, { width: 160 });
  });
});
