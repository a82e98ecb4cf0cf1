/**
 * triageInputs takes the inputs it is given: once joined, the array is emptied, so that nothing
 * on the caller's stack holds every failure's text while the report is built (on a 500 MB report
 * that text was 40 MB of the peak heap). No timings or memory readings here: bench/ has them.
 */
import { describe, expect, it } from "vitest";
import { JUnitReader } from "../src/reports/junit.js";
import { DEFAULTS } from "../src/settings.js";
import { triageInputs } from "../src/triage.js";

const XML = `<testsuite name="s"><testcase classname="tests.test_a" name="test_one"><failure message="boom">E   assert 1 == 2
use MXNET_TEST_SEED=42 to reproduce</failure></testcase><testcase classname="tests.test_a" name="test_two"/></testsuite>`;

describe("triageInputs", () => {
  it("empties the inputs it joined, and still reports what they held", async () => {
    const reader = new JUnitReader("junit.xml");
    reader.write(XML);
    const inputs = [reader.end()];
    expect(inputs[0]?.tests.length).toBe(1);
    const report = await triageInputs(inputs, {
      ...DEFAULTS,
      reports: ["junit.xml"],
      cwd: process.cwd(),
      rerun: false,
      jobs: 1,
      timeBudgetSec: null,
      seedPatterns: [],
      rerunCommand: null,
    });
    expect(inputs).toEqual([]);
    expect(report.summary.tests).toBe(2);
    expect(report.inputs.map((i) => [i.path, i.tests])).toEqual([["junit.xml", 2]]);
    expect(report.tests.map((t) => [t.name, t.seed?.value])).toEqual([["test_one", "42"]]);
  });
});
