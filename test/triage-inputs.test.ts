/**
 * triageInputs takes the inputs it is given: once joined, the array is emptied, so that nothing
 * on the caller's stack holds every failure's text while the report is built (on a 500 MB report
 * that text was 40 MB of the peak heap). No timings or memory readings here: bench/ has them.
 */
import { describe, expect, it } from "vitest";
import { JUnitReader } from "../src/reports/junit.js";
import { DEFAULTS } from "../src/settings.js";
import { triage, triageInputs } from "../src/triage.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

  it("counts the failing testcases triaged with another of the same id, and only those", async () => {
    const settings = { ...DEFAULTS, reports: ["junit.xml"], cwd: process.cwd(), rerun: false, jobs: 1, timeBudgetSec: null, seedPatterns: [], rerunCommand: null };
    const each = new JUnitReader("junit.xml", { repeatsAreTests: true });
    each.write(`<testsuites><testsuite name="s">${'<testcase classname="add adds" name="add adds"><failure message="x"/></testcase>'.repeat(3)}</testsuite></testsuites>`);
    const shared = await triageInputs([each.end()], settings);
    expect(shared.summary).toMatchObject({ failed: 3, sharedId: 2 });
    expect(shared.tests).toHaveLength(1);
    // A session that died: two failures counted from its progress marks, one read.
    const died = new JUnitReader("junit.xml");
    died.write(XML);
    const input = died.end();
    input.counts.failed = 2;
    const report = await triageInputs([input], settings);
    expect(report.summary.failed).toBe(2);
    expect(report.summary.sharedId).toBeUndefined();
  });

  it("triage announces each report once, as it is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-triage-read-"));
    writeFileSync(join(dir, "a.xml"), XML);
    writeFileSync(join(dir, "b.xml"), `<testsuite name="t"><testcase classname="c" name="d"/></testsuite>`);
    const seen: string[] = [];
    await triage(
      { ...DEFAULTS, reports: ["a.xml", "b.xml"], cwd: dir, rerun: false, jobs: 1, timeBudgetSec: null, seedPatterns: [], rerunCommand: null },
      { onProgress: (ev) => void (ev.kind === "read" ? seen.push(`read ${ev.path} ${ev.tests} ${ev.failing}`) : ev.kind === "reading" ? seen.push(`reading ${ev.path}`) : undefined) },
    );
    expect(seen.filter((e, i) => e !== seen[i - 1])).toEqual(["reading a.xml", "read a.xml 2 1", "reading b.xml", "read b.xml 1 0"]);
  });

  it("says when each phase has ended, in order and before reruns are planned (adapters reclaim memory there)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-triage-phases-"));
    writeFileSync(join(dir, "a.xml"), XML);
    const seen: string[] = [];
    const settings = { ...DEFAULTS, reports: ["a.xml"], cwd: dir, rerun: false, jobs: 1, timeBudgetSec: null, seedPatterns: [], rerunCommand: null };
    const hooks = {
      onProgress: (ev: { kind: string }) => void (ev.kind === "read" || ev.kind === "plan" || ev.kind === "test-done" ? seen.push(ev.kind) : undefined),
      afterPhase: (phase: string) => void seen.push(`after ${phase}`),
    };
    const report = await triage(settings, hooks);
    expect(seen).toEqual(["read", "after read", "after joined", "after extracted", "plan", "test-done"]);
    expect(report.tests.map((t) => t.seed?.value)).toEqual(["42"]);
    // Inputs read elsewhere (explain, merge) have no reading phase of the engine's.
    seen.length = 0;
    const reader = new JUnitReader("junit.xml");
    reader.write(XML);
    await triageInputs([reader.end()], settings, hooks);
    expect(seen).toEqual(["read", "after joined", "after extracted", "plan", "test-done"]);
  });
});
