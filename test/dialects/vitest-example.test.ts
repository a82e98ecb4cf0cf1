/**
 * examples/vitest triaged end to end with real vitest runs: the red CI run is made by vitest's
 * own junit reporter, the dialect is detected from it, and the vitest driver reruns each
 * failing test alone. Three failures, three different verdicts.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report, TriagedTest } from "../../src/model.js";
import { triage } from "../../src/triage.js";

const root = join(import.meta.dirname, "..", "..");
const example = join(root, "examples", "vitest");
const reports = mkdtempSync(join(tmpdir(), "ft-vitest-example-"));
let report: Report;

function byName(name: string): TriagedTest {
  const t = report.tests.find((x) => x.name === name);
  if (!t) throw new Error(`${name} not in report: ${report.tests.map((x) => x.id).join(", ")}`);
  return t;
}

beforeAll(async () => {
  const made = spawnSync(process.execPath, [join(example, "make-reports.mjs"), reports], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`make-reports failed: ${made.stderr}`);
  report = await triage(
    {
      reports: [join(reports, "junit.xml")],
      cwd: example,
      reruns: 12,
      freshSeeds: 8,
      rerunTimeoutSec: 60,
      jobs: 3,
      timeBudgetSec: null,
      seedPatterns: [/(?<env>EXAMPLE_SEED)=(?<seed>\d+)/],
      rerunCommand: null,
      rerun: true,
      maxFailures: 10,
    },
    { env: process.env },
  );
}, 300_000);

describe("examples/vitest, triaged with real vitest reruns", () => {
  it("reads vitest's junit report with vitest's ids and the failing lines", () => {
    expect(report.summary).toMatchObject({ tests: 4, passed: 1, failed: 3 });
    const median = byName("median > of an even count is the mean of the middle two");
    expect(median.id).toBe("tests/stats.test.js > median > of an even count is the mean of the middle two");
    expect(median.file).toBe("tests/stats.test.js");
    expect(median.line).toBe(18);
    expect(median.reproduce).toBe(
      "CI=true npx vitest run tests/stats.test.js -t '^median(?: > | )of an even count is the mean of the middle two$'",
    );
  });

  it("a real bug fails every rerun: deterministic", () => {
    const t = byName("median > of an even count is the mean of the middle two");
    expect(t.verdict).toBe("deterministic");
    expect(t.reruns.sameSeed.failed).toBe(t.reruns.sameSeed.runs);
    expect(t.reruns.sameSeed.runs).toBeGreaterThan(0);
  });

  it("the race passes some reruns and fails others: intermittent", () => {
    // P(12 reruns all alike) at a ~50% failure rate is 1 in 2,000; the example measured 45-53%,
    // also with the machine's cores kept busy (its outcome is decided by random timer deadlines).
    const t = byName("parallelSum > adds every value");
    expect(t.verdict).toBe("intermittent");
    expect(t.reruns.sameSeed.passed).toBeGreaterThan(0);
    expect(t.reruns.sameSeed.failed).toBeGreaterThan(0);
  });

  it("the seed-dependent edge case fails with its seed only: seed-specific", () => {
    const t = byName("normalise > of random weights sums to one");
    expect(t.seed).toMatchObject({ value: "15", apply: { kind: "env", env: { EXAMPLE_SEED: "15" } } });
    expect(t.reruns.sameSeed.failed).toBe(t.reruns.sameSeed.runs);
    // 1 in 8 seeds fails: more than 4 of 8 fresh seeds failing (0.1% of runs) would leave the
    // sensitivity unknown by the rule; the rule is checked against the tally this run got.
    const fresh = t.reruns.freshSeeds;
    expect(fresh.passed).toBeGreaterThan(0);
    expect(t.seedSensitivity).toBe(fresh.failed * 2 <= fresh.runs ? "seed-specific" : "unknown");
    expect(t.reproduce).toBe("CI=true EXAMPLE_SEED=15 npx vitest run tests/stats.test.js -t '^normalise(?: > | )of random weights sums to one$'");
    // vitest's toBeCloseTo near miss, read in vitest's words (NaN: not a tolerance problem).
    expect(t.tolerance).toMatchObject({ format: "vitest-to-be-close-to", nonFinite: "nan" });
  });
});
