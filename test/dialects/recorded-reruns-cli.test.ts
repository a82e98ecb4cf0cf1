/**
 * Rerun records already in a report are trials: Surefire's flakyFailure (passed on rerun)
 * and a test id repeated by pytest-rerunfailures decide the verdict with no rerun at all,
 * through the committed CLI bundle exactly as CI runs it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model.js";
import { sharedJunit, skipShared } from "../shared-fixtures.js";

const root = join(import.meta.dirname, "..", "..");
const shared = join(sharedJunit, "mikepenz-action-junit-report");

function cli(fixture: string): { status: number | null; report: Report } {
  const out = join(mkdtempSync(join(tmpdir(), "ft-recorded-")), "out.json");
  const run = spawnSync(process.execPath, [join(root, "dist", "cli.js"), join(shared, fixture), "--no-rerun", "--json", out, "--quiet"], {
    encoding: "utf8",
  });
  return { status: run.status, report: JSON.parse(readFileSync(out, "utf8")) as Report };
}

describe.skipIf(skipShared)("recorded reruns decide the verdict (node dist/cli.js --no-rerun)", () => {
  it("Surefire flakyFailure then pass: intermittent from 1 failed + 1 passed recorded attempt", () => {
    const { status, report } = cli("maven_surefire_flaky/surefire-report.xml");
    expect(status).toBe(0);
    expect(report.summary).toMatchObject({ tests: 1, passed: 1, intermittent: 1, deterministic: 0 });
    const [t] = report.tests;
    // `::` until the bundle is rebuilt with the dialect ids, `#` after.
    expect(t?.id).toMatch(/^io\.sodadata\.dependson\.soda\.integrations\.msteams\.MicrosoftTeamsCrudTest(?:#|::)createWebhook$/);
    expect(t).toMatchObject({ outcome: "passed", verdict: "intermittent" });
    expect(t?.reruns.recorded).toEqual({ runs: 2, passed: 1, failed: 1, timedOut: 0, crashed: 0, stoppedEarly: false });
    expect(t?.reruns.sameSeed.runs).toBe(0);
  });

  it("pytest-rerunfailures: failed, errored, then passed is one intermittent test", () => {
    const { report } = cli("flaky_retries/flaky_with_classname_file.xml");
    expect(report.summary).toMatchObject({ tests: 3, passed: 3, intermittent: 1 });
    expect(report.tests).toHaveLength(1);
    expect(report.tests[0]).toMatchObject({ outcome: "passed", verdict: "intermittent", reruns: { recorded: { runs: 3, passed: 1, failed: 2 } } });
  });

  it("every recorded attempt failed: deterministic, exit status 1", () => {
    const { status, report } = cli("flaky_retries/flaky_all_failures.xml");
    expect(status).toBe(1);
    expect(report.tests[0]).toMatchObject({ outcome: "errored", verdict: "deterministic", reruns: { recorded: { runs: 3, passed: 0, failed: 3 } } });
  });

  it("passed first, then failed twice (adjacent repeats): intermittent", () => {
    const { report } = cli("flaky_retries/flaky_success_first.xml");
    expect(report.tests[0]).toMatchObject({ outcome: "errored", verdict: "intermittent", reruns: { recorded: { runs: 3, passed: 1, failed: 2 } } });
  });
});
