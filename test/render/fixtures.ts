/** Hand-built reports for renderer and Action tests (no engine involved). */
import type { Cause, Report, RerunTally, SeedApply, TriagedTest, Verdict } from "../../src/model.js";

export const HOSTILE =
  "<img src=x onerror=alert(1)> | `code` ``two`` @octocat #123 [link](javascript:alert(1)) *bold* _it_ ~strike~ $x$ \u001b[31mred\u001b[0m ::error::pwned & \"q\" 'a'";

export function tally(runs: number, failed: number, extra: Partial<RerunTally> = {}): RerunTally {
  return { runs, passed: runs - failed, failed, timedOut: 0, crashed: 0, stoppedEarly: false, ...extra };
}

export function makeTest(overrides: Partial<TriagedTest> & { id: string }): TriagedTest {
  return {
    file: "tests/test_ops.py",
    line: 12,
    classname: "tests.test_ops",
    name: overrides.id.split("::").pop() ?? overrides.id,
    outcome: "failed",
    message: "AssertionError: boom",
    verdict: "deterministic",
    seedSensitivity: "all-seeds",
    cause: "regression",
    causeReason: "Fails with every seed tried.",
    seed: null,
    reruns: { sameSeed: tally(10, 10), freshSeeds: { ...tally(0, 0), seeds: [], failingSeeds: [] } },
    tolerance: null,
    suggestion: "Fix the code under test; the failure is real.",
    reproduce: `python -m pytest '${overrides.id}'`,
    confidence: {
      about: "pass-probability",
      upperBound95: 0.259,
      estimate: 0,
      text: "passes with probability < 26% (0 of 10 reruns passed)",
      moreRerunsAdvised: false,
    },
    ...overrides,
  };
}

export function makeReport(tests: TriagedTest[], extra: Partial<Report> = {}): Report {
  const count = (v: Verdict): number => tests.filter((t) => t.verdict === v).length;
  const failed = tests.filter((t) => t.outcome === "failed").length;
  const errored = tests.filter((t) => t.outcome === "errored").length;
  return {
    schemaVersion: 1,
    tool: { name: "flaky-triage", version: "0.1.0" },
    summary: {
      tests: tests.length + 100,
      passed: 95,
      failed,
      errored,
      skipped: 5,
      deterministic: count("deterministic"),
      intermittent: count("intermittent"),
      notReproduced: count("not-reproduced"),
      notRerun: count("not-rerun"),
    },
    inputs: [{ path: "reports/junit.xml", kind: "junit", tests: tests.length + 100, warnings: [] }],
    tests,
    ...extra,
  };
}

const APPLIES: SeedApply[] = [
  { kind: "env", env: { MXNET_TEST_SEED: "1121373020" } },
  { kind: "args", args: ["-p", "randomly", "--randomly-seed=42"] },
  { kind: "global-rng", value: "7" },
  { kind: "hypothesis", decorator: "@reproduce_failure('6.0', b'AAA=')" },
  { kind: "none", why: "printed by a library we cannot seed" },
];
const CAUSES: Cause[] = ["tolerance", "edge-case", "regression", "race-condition", "order-dependence", "timeout", "crash", "environment", "unknown"];
const VERDICTS: Verdict[] = ["deterministic", "intermittent", "not-reproduced", "not-rerun"];

/** A report that uses every member of every union in the model at least once. */
export function everyUnionReport(): Report {
  const tests: TriagedTest[] = [];
  const n = Math.max(APPLIES.length, CAUSES.length, VERDICTS.length);
  for (let i = 0; i < n; i++) {
    const verdict = VERDICTS[i % VERDICTS.length]!;
    const apply = APPLIES[i % APPLIES.length]!;
    tests.push(
      makeTest({
        id: `tests/test_all.py::test_case[${i}]`,
        verdict,
        cause: CAUSES[i % CAUSES.length]!,
        seedSensitivity: (["seed-specific", "all-seeds", "unknown"] as const)[i % 3]!,
        outcome: i % 2 === 0 ? "failed" : "errored",
        seed: {
          value: String(1000 + i),
          recogniser: i === 0 ? "mxnet-test-seed" : `user:${i}`,
          source: { file: "reports/pytest.log", line: 10 + i },
          apply,
          ...(i === 0 ? { related: [{ value: "99", recogniser: "mxnet-module-seed", source: { file: "reports/pytest.log" }, apply: { kind: "env", env: { MXNET_MODULE_SEED: "99" } } }] } : {}),
        },
        reruns: {
          sameSeed: tally(10, i % 11, { timedOut: i === 5 ? 1 : 0, crashed: i === 6 ? 1 : 0, stoppedEarly: i === 5 }),
          freshSeeds: { ...tally(10, 2), seeds: Array.from({ length: 12 }, (_, k) => String(k)), failingSeeds: ["3", "7"] },
          ...(i === 4 ? { order: { ...tally(3, 3), predecessors: 4 } } : {}),
          ...(i === 3 ? { recorded: tally(2, 1) } : {}),
          ...(verdict === "not-rerun" ? { note: "time budget ran out before its reruns started" } : {}),
        },
        tolerance:
          i === 0
            ? {
                format: "numpy-allclose",
                rtol: 1e-5,
                atol: 1e-8,
                ratio: 1.7,
                actual: 1.000017,
                expected: 1,
                dtype: "float32",
                location: "(3, 1)",
                suggestion: { parameter: "rtol", from: 1e-5, to: 5e-5, minimumPassing: 1.7e-5, rungsNeeded: 1, guidelineWarning: "float32 guideline is ~1e-4", text: "raise rtol to 5e-5" },
              }
            : i === 1
              ? { format: "mxnet-assert-almost-equal", rtol: null, atol: 0, ratio: null, nonFinite: "nan", suggestion: null }
              : null,
        confidence: {
          about: (["pass-probability", "failure-probability", "none"] as const)[i % 3]!,
          upperBound95: i % 3 === 2 ? null : 0.26,
          estimate: i % 3 === 2 ? null : 0.1,
          text: "confidence text",
          moreRerunsAdvised: i % 2 === 0,
        },
        file: i === 2 ? null : "tests/test_all.py",
        line: i === 2 ? null : 20 + i,
        message: i === 3 ? null : `message ${i}`,
        reproduce: i === 7 ? null : `python -m pytest 'tests/test_all.py::test_case[${i}]'`,
      }),
    );
  }
  return makeReport(tests, {
    inputs: (["junit", "pytest-log", "unittest-log", "unknown"] as const).map((kind, k) => ({
      path: `reports/in${k}`,
      kind,
      tests: 1,
      warnings: k === 0 ? ["reports/in0: truncated"] : [],
    })),
  });
}
