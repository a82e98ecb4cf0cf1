/**
 * Wording shared by every renderer (Markdown, CLI table, annotations, check run), so a verdict
 * reads the same on every surface. Returns plain text: callers escape for their medium.
 */
import type { Cause, Report, RerunTally, Seed, SeedApply, TriagedTest, Verdict } from "../model.js";

/** Most important first: what a reviewer must act on before what may wait. */
export const VERDICT_ORDER: readonly Verdict[] = ["deterministic", "intermittent", "not-reproduced", "not-rerun"];

export const VERDICT_LABEL: Record<Verdict, string> = {
  deterministic: "deterministic",
  intermittent: "intermittent",
  "not-reproduced": "not reproduced",
  "not-rerun": "not rerun",
};

export const CAUSE_LABEL: Record<Cause, string> = {
  tolerance: "tolerance",
  "edge-case": "edge case",
  regression: "regression",
  "race-condition": "race condition",
  "order-dependence": "order dependence",
  timeout: "timeout",
  crash: "crash",
  environment: "environment",
  unknown: "unknown",
};

/** The report's tests, deterministic first, keeping the report's order within a verdict. */
export function orderForDisplay(report: Report): TriagedTest[] {
  const rank = (t: TriagedTest): number => VERDICT_ORDER.indexOf(t.verdict);
  // The engine writes its reports in this order already: a look at each test says so, where the
  // sort's comparator ran n log n times (~25 ms for 50,000 tests, and a run renders them in
  // several places).
  let ordered = true;
  for (let i = 1; i < report.tests.length && ordered; i++) ordered = rank(report.tests[i - 1]!) <= rank(report.tests[i]!);
  if (ordered) return report.tests.slice();
  return report.tests
    .map((test, position) => ({ test, position }))
    .sort((a, b) => rank(a.test) - rank(b.test) || a.position - b.position)
    .map((e) => e.test);
}

export function verdictText(test: TriagedTest): string {
  const label = VERDICT_LABEL[test.verdict];
  return test.verdict === "deterministic" && test.seedSensitivity !== "unknown" ? `${label}, ${test.seedSensitivity}` : label;
}

export function seedValue(seed: Seed | null): string {
  return seed === null ? "" : seed.value;
}

/**
 * A table's seed cell: a hypothesis falsifying example is a call, not a seed to copy (it cannot
 * be given back; the details and the JSON keep it in full).
 */
export function seedCell(seed: Seed | null): string {
  return seed?.recogniser === "hypothesis-falsifying-example" ? "example" : seedValue(seed);
}

export function applyText(apply: SeedApply): string {
  switch (apply.kind) {
    case "env":
      return `environment ${Object.entries(apply.env).map(([k, v]) => `${k}=${v}`).join(" ")}`;
    case "args":
      return `arguments ${apply.args.join(" ")}`;
    case "global-rng":
      return `global generators seeded with ${apply.value}`;
    case "hypothesis":
      return `hypothesis ${apply.decorator}`;
    case "none":
      return `cannot be re-applied: ${apply.why}`;
  }
}

/**
 * Numbers as people write them: `digits` significant digits (4 for ratios and tolerances; more
 * for actual/expected values, whose difference is the point), exponent for very small or large.
 */
export function formatNumber(n: number, digits = 4): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e6) return String(Number(n.toPrecision(digits)));
  return n.toExponential(digits - 1).replace(/\.?0+e/, "e");
}

export function percent(p: number): string {
  return `${Number((p * 100).toPrecision(3))}%`;
}

export function tallyText(t: RerunTally): string {
  const parts = [`${t.runs} run${t.runs === 1 ? "" : "s"}`, `${t.passed} passed`, `${t.failed} failed`];
  if (t.timedOut > 0) parts.push(`${t.timedOut} timed out`);
  if (t.crashed > 0) parts.push(`${t.crashed} crashed`);
  return parts.join(", ") + (t.stoppedEarly ? " (stopped early: more runs could not change the verdict)" : "");
}

/**
 * Triaged tests that ended as passed: they failed, then passed on a retry the report recorded
 * (surefire's flakyFailure, gotestsum --rerun-fails). Named beside the failing count so that
 * the verdicts add up.
 */
export function passedOnRetry(report: Report): number {
  // Counted, not inferred from the verdicts: a failure the report and its console log name
  // differently is two triaged entries for one failing test, not a retry.
  let n = 0;
  for (const t of report.tests) if (t.outcome === "passed") n++;
  return n;
}

/**
 * What a progress line says of a finished test (the CLI's and the Action's): its verdict, why
 * its reruns could not run (no interpreter, a driver's refusal: the table only reads "not
 * rerun"), or nothing for one not rerun by choice (--no-rerun, past --max-failures: a line each
 * for 50,000 of them only slows the log). One the time budget left out gets its verdict line.
 */
export function doneLineKind(test: TriagedTest, rerun: boolean): "verdict" | "could-not-run" | null {
  const note = test.reruns.note;
  if (test.verdict !== "not-rerun" || note?.startsWith("time") === true) return "verdict";
  return rerun && note !== undefined ? "could-not-run" : null;
}

/**
 * Failing testcases triaged with another of the same id (a `test.each` case with a fixed title,
 * one test failing in two shards): the counts are the reports' testcases, the verdicts one per
 * id, so without this the tally read "2 failing tests: ... 1 not rerun".
 */
export function sharedIdFailures(report: Report): number {
  return report.summary.sharedId ?? 0;
}

/** " (N triaged with another of the same id)" when there are such, else "". */
export function sharedIdNote(report: Report): string {
  const n = sharedIdFailures(report);
  return n > 0 ? ` (${n} triaged with another of the same id)` : "";
}

export function tallyLine(report: Report): string {
  const s = report.summary;
  const failing = s.failed + s.errored;
  const retried = passedOnRetry(report);
  return (
    `${failing} failing test${failing === 1 ? "" : "s"}${sharedIdNote(report)}${retried > 0 ? ` and ${retried} that passed on a retry` : ""} of ${s.tests}: ` +
    `${s.deterministic} deterministic, ${s.intermittent} intermittent, ${s.notReproduced} not reproduced, ${s.notRerun} not rerun`
  );
}

/** What the history says about one test, e.g. "flaky in 7 of last 30 runs". */
export interface TestHistoryView {
  /** Runs recorded, this one included. */
  runs: number;
  /** Of those, runs in which the test was flaky (intermittent or not reproduced). */
  flaky: number;
  /** Flaky now and never flaky in the recorded runs before. */
  newFlaky: boolean;
  /** ISO date of the first run that recorded the test failing. */
  firstSeen: string;
  /** Flake rate (0..1) over the recorded runs after each run, oldest first. */
  trend: number[];
}

export type HistoryView = ReadonlyMap<string, TestHistoryView>;

export function historyText(h: TestHistoryView): string {
  const rate = `flaky in ${h.flaky} of last ${h.runs} run${h.runs === 1 ? "" : "s"}`;
  return h.newFlaky ? `new flaky test (${rate})` : `${rate}, first seen ${h.firstSeen.slice(0, 10)}`;
}
