import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { splitCommandTemplate } from "../../src/cli/template.js";
import { suggest, type SuggestInput } from "../../src/diagnose/suggest.js";
import { parseTolerance } from "../../src/diagnose/tolerance.js";
import type { Cause, Reruns, Seed, TestCase, Verdict } from "../../src/model.js";

const TEST: TestCase = {
  id: "tests/x.py::test_dot",
  classname: "tests.x",
  name: "test_dot",
  file: "tests/x.py",
  line: 42,
  outcome: "failed",
  sources: [{ file: "junit.xml" }],
  index: 0,
};

const SEED: Seed = {
  value: "578250488",
  recogniser: "mxnet-test-seed",
  source: { file: "junit.xml" },
  apply: { kind: "env", env: { MXNET_TEST_SEED: "578250488" } },
};

const NEAR_MISS = parseTolerance(
  "Error 1.067252 exceeds tolerance rtol=0.000100, atol=0.000010. Location of maximum error:(34, 15), a=0.022217, b=0.022204",
  { id: TEST.id },
);
const NAN = parseTolerance(
  "Error nan exceeds tolerance rtol=1.000000e-04, atol=1.000000e-05 (mismatch 1.0%).\nLocation of maximum  error: (3, 1), a=nan, b=1.00000000",
  { id: TEST.id },
);

const REPEATED: Reruns = {
  sameSeed: { runs: 10, passed: 10, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false },
  freshSeeds: { runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: [] },
};

function s(cause: Cause, verdict: Verdict = "deterministic", extra: Partial<SuggestInput> = {}): string {
  return suggest({ test: TEST, verdict, cause, tolerance: null, seed: SEED, ...extra });
}

describe("suggest", () => {
  it("not reproduced with CI's seed but failing with fresh seeds: rerun with one of them (it read 'not reproduced: verify with more trials' only)", () => {
    const reruns: Reruns = { ...REPEATED, freshSeeds: { runs: 10, passed: 6, failed: 4, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: ["11", "12", "13", "14"] } };
    const text = s("unknown", "not-reproduced", { reruns });
    expect(text).toMatch(/^passed every rerun with CI's seed 578250488 but failed with fresh seeds 11, 12, 13, \.\.\.: rerun it with seed 11 \(MXNET_TEST_SEED\) a few times/);
    expect(text).toContain("in tests/x.py:42");
    expect(text).toContain("CI's own failure stays unexplained: not reproduced (10 passing reruns");
    // A seed given to the global generators: no argument to name (helper-56).
    const global: Seed = { ...SEED, apply: { kind: "global-rng", value: SEED.value } };
    expect(s("unknown", "not-reproduced", { reruns, seed: global })).toContain("rerun it with seed 11 (given to random's and numpy's global generators)");
    // Some timed out, one failed: the seed to rerun is the one that failed (helper-58).
    const mixed: Reruns = { ...REPEATED, freshSeeds: { runs: 4, passed: 1, failed: 1, timedOut: 2, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: ["91", "92", "93"] } };
    expect(s("unknown", "not-reproduced", { reruns: mixed, failedPlainly: ["93"] })).toMatch(/^passed every rerun with CI's seed 578250488 but failed with fresh seed 93: rerun it with seed 93 /);
    // Fresh seeds that only timed out name no input to fix (helper-57).
    const timedOut: Reruns = { ...REPEATED, freshSeeds: { runs: 4, passed: 3, failed: 0, timedOut: 1, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: ["9"] } };
    expect(s("unknown", "not-reproduced", { reruns: timedOut })).toMatch(/^not reproduced \(10 passing reruns/);
    // None failed: the verify advice alone, as before.
    expect(s("unknown", "not-reproduced", { reruns: REPEATED })).toMatch(/^not reproduced \(10 passing reruns/);
  });

  it("a regression whose text shows concurrent code says to rerun it alone first", () => {
    expect(s("regression", "deterministic", { concurrent: true })).toBe(
      "fails every time: a real bug in tests/x.py:42, bisect recent changes (but its text shows concurrent code: rerun it alone, --jobs 1, since a race can fail every time under load)",
    );
    expect(s("regression")).toBe("fails every time: a real bug in tests/x.py:42, bisect recent changes");
  });

  it("an edge case that some fresh seeds hit too: not 'fails only with seed N' (helper-55's Seeded.RoundTrip: 1 of 10 fresh seeds failed as well)", () => {
    const reruns: Reruns = { ...REPEATED, freshSeeds: { runs: 10, passed: 9, failed: 1, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: ["78612"] } };
    expect(s("edge-case", "deterministic", { reruns })).toMatch(/^fails with seed 578250488 and 1 of 10 fresh seeds \(78612\): reproduce it in tests\/x\.py:42/);
    expect(s("edge-case", "deterministic", { reruns: REPEATED })).toMatch(/^fails only with seed 578250488: reproduce it/);
  });

  it("order dependence found by other orders (go -shuffle) when CI's order passed: says which way round", () => {
    const shuffle: Seed = { value: "99", recogniser: "go-shuffle", source: { file: "go.json" }, apply: { kind: "args", args: ["-shuffle=99"] } };
    const reruns: Reruns = { ...REPEATED, freshSeeds: { runs: 3, passed: 1, failed: 2, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: ["5", "8"] } };
    expect(s("order-dependence", "not-reproduced", { seed: shuffle, reruns })).toMatch(/^passes in its recorded order with seed 99, fails in others \(seeds 5, 8\): isolate state/);
    expect(s("order-dependence", "deterministic", { seed: shuffle, reruns })).toMatch(/^fails in its recorded order with seed 99, passes in others: isolate state/);
  });

  it("a strict xfail that passed (pytest's '[XPASS(strict)] reason'): remove the marker, not 'bisect recent changes'", () => {
    // Real pytest 9: @pytest.mark.xfail(strict=True, reason="bug 123") on a passing test.
    const test = { ...TEST, message: "[XPASS(strict)] bug 123" };
    const text = suggest({ test, verdict: "deterministic", cause: "regression", tolerance: null, seed: null });
    expect(text).toMatch(/^passes though marked xfail\(strict=True\) \(bug 123\): what it marks as broken works now .*remove the marker in /);
    expect(text).not.toContain("bisect recent changes");
  });

  it("tolerance: the ladder step, placed in the file", () => {
    expect(s("tolerance", "deterministic", { tolerance: NEAR_MISS })).toBe(
      "raise atol 1e-5 -> 5e-5 in tests/x.py:42 (one rung; needed >= 1.09e-5)",
    );
  });

  it("tolerance: the place goes after the runner's own label, even one with a parenthesis", () => {
    const t = parseTolerance(
      "Expecting actual:\n  11.0\nto be close to:\n  10.0\nby less than 5.0% but difference was 10.0%.\n(a difference of exactly 5.0% being considered valid)",
      { id: TEST.id },
    );
    expect(s("tolerance", "deterministic", { tolerance: t })).toMatch(/^raise withPercentage \(as a fraction\) 5e-2 -> 0\.1 in tests\/x\.py:42 \(one rung; needed >= /);
  });

  it("tolerance: carries the guideline warning", () => {
    const t = parseTolerance(
      "Error 4.000000 exceeds tolerance rtol=0.000100, atol=0.000000. Location of maximum error:(0,), a=1.000400, b=1.000000",
      { id: "tests/x.py::test_dot[float32]" },
    );
    expect(s("tolerance", "deterministic", { tolerance: t })).toMatch(
      /^raise rtol 1e-4 -> 5e-4 in tests\/x.py:42 \(.*\); double-check the implementation: rtol 5e-4 exceeds the float32 guideline of 1e-4$/,
    );
  });

  it("tolerance without a parsed suggestion still says one rung at a time", () => {
    expect(s("tolerance")).toMatch(/one rung at a time .*not straight to 1e-3/);
  });

  it("edge case points at the value and the seed", () => {
    expect(s("edge-case", "deterministic", { tolerance: NAN })).toMatch(
      /^NaN at index \(3, 1\) with seed 578250488: find the operation producing it .* in tests\/x.py:42; fix that input's handling, add it as a fixed test case/,
    );
    expect(s("edge-case")).toMatch(/^fails only with seed 578250488: reproduce it in tests\/x.py:42/);
    const blob: Seed = { ...SEED, apply: { kind: "hypothesis", decorator: "@reproduce_failure('6.1.0', b'AA==')" } };
    expect(s("edge-case", "deterministic", { seed: blob })).toMatch(/replay with @reproduce_failure\('6.1.0', b'AA=='\)/);
    // No "inspect the inputs that seed generates": hypothesis shrank them to one example.
    const withExample: Seed = { ...blob, related: [{ value: "test_y(\n    x=1000,\n)", recogniser: "hypothesis-falsifying-example", source: { file: "junit.xml" }, apply: { kind: "none", why: "no blob" } }] };
    expect(s("edge-case", "deterministic", { seed: withExample })).toBe(
      "fails for hypothesis's falsifying example test_y(x=1000) (replay with @reproduce_failure('6.1.0', b'AA==')): fix that input's handling in tests/x.py:42 " +
        "(or narrow the strategy if such inputs are out of scope) and keep it tested with @example(...)",
    );
  });

  it.each<[Cause, RegExp]>([
    ["regression", /^fails every time: a real bug in tests\/x.py:42, bisect recent changes$/],
    ["race-condition", /add synchronisation where shared state is touched .*do not just raise tolerances/],
    ["order-dependence", /isolate state leaking from them/],
    ["timeout", /^timed out in tests\/x.py:42: find the blocking or slow step/],
    ["crash", /faulthandler/],
    ["environment", /fix the CI setup/],
  ])("%s", (cause, text) => {
    expect(s(cause)).toMatch(text);
  });

  it("order dependence found by an order seed says what was seen, not that it passes alone", () => {
    const shuffle: Seed = { value: "17", recogniser: "go-shuffle", source: { file: "go-test.json", line: 1 }, apply: { kind: "args", args: ["-shuffle=17"] } };
    expect(s("order-dependence", "deterministic", { seed: shuffle })).toBe(
      "fails in its recorded order with seed 17, passes in others: isolate state leaking from the tests that run before it " +
        "(module globals, caches, RNG state, fixtures with a wider scope, files) in tests/x.py:42",
    );
    // The order check ran (reruns.order): it did pass alone.
    expect(s("order-dependence", "deterministic", { seed: shuffle, reruns: { ...REPEATED, order: { ...REPEATED.sameSeed, predecessors: 2 } } })).toMatch(/^passes alone, fails after earlier tests/);
  });

  it("not reproduced: verify with more trials, quoting the bound", () => {
    expect(s("unknown", "not-reproduced", { reruns: REPEATED })).toBe(
      "not reproduced (10 passing reruns only bound its failure rate below 26%; tests of other files that ran before it in CI were not tried): verify with more " +
        "trials before closing it (flaky-triage verify tests/x.py::test_dot --trials 100)",
    );
  });

  it("not reproduced: a go test's package runs in a process of its own, so no other file's tests ran before it", () => {
    const go = { ...TEST, id: "example.com/m/calc/TestSum", runner: "go" };
    expect(s("unknown", "not-reproduced", { test: go })).toMatch(/^not reproduced: verify with more trials before closing it \(flaky-triage verify example\.com\/m\/calc\/TestSum --runner go /);
  });

  it("not reproduced: the verify command pastes as it is, with the id quoted and the runner named", () => {
    const vitest = { ...TEST, id: "src/a.test.ts > sums it's (a+b)", runner: "vitest" };
    expect(s("unknown", "not-reproduced", { test: vitest })).toBe(
      "not reproduced (tests of other files that ran before it in CI were not tried): verify with more trials before closing it (flaky-triage verify 'src/a.test.ts > sums it'\\''s (a+b)' --runner vitest --trials 100)",
    );
  });

  it("not reproduced: the verify command reruns it as this run did (a forced runner, a template, seed patterns)", () => {
    expect(s("unknown", "not-reproduced", { how: { runner: "jest", template: null } })).toMatch(/\(flaky-triage verify tests\/x\.py::test_dot --runner jest --trials 100\)$/);
    expect(s("unknown", "not-reproduced", { how: { runner: null, template: ["tox", "-e", "py", "--", "{id}"] } })).toMatch(
      /\(flaky-triage verify tests\/x\.py::test_dot --rerun-command 'tox -e py -- '\\''\{id\}'\\''' --trials 100\)$/,
    );
    // A template reran it alone: not "tests of other files" (googletest's and RSpec's order is in one binary or file).
    expect(s("unknown", "not-reproduced", { how: { runner: null, template: ["./build/tests", "--gtest_filter={id}"] } })).toContain(
      "the tests that ran before it in CI (in its file or binary too) were not run before it here: run them together, with the seed",
    );
    expect(s("unknown", "not-reproduced", { how: { runner: null, template: null } })).toMatch(/\(flaky-triage verify tests\/x\.py::test_dot --trials 100\)$/);
    expect(s("unknown", "not-reproduced", { how: { runner: null, template: null, seedPatterns: [String.raw`seed=(?<seed>\d+)`] } })).toMatch(
      /\(flaky-triage verify tests\/x\.py::test_dot --seed-pattern 'seed=\(\?<seed>\\d\+\)' --trials 100\)$/,
    );
  });

  it("not reproduced: a shell reads the printed verify command back into the run's template words and patterns", () => {
    // Words a template may hold: quotes, spaces, shell syntax, an assignment, placeholders.
    const template = ["env", "FOO=a b", "sh", "-c", `pytest "$1" -p no:cacheprovider; echo it's done`, "_", "{id}", "--seed={seed}"];
    const pattern = String.raw`used seed '(?<seed>\d+)' $HOME`;
    const fix = s("unknown", "not-reproduced", { how: { runner: "jest", template, seedPatterns: [pattern] } });
    const command = /\((flaky-triage verify .*)\)$/.exec(fix)?.[1];
    expect(command).toBeDefined();
    // The real sh prints each word the command would pass, one per line (none holds a newline).
    const words = execFileSync("sh", ["-c", `printf '%s\\n' ${command!.slice("flaky-triage ".length)}`], { encoding: "utf8" }).split("\n").slice(0, -1);
    // A template reruns the test, so no --runner goes with it.
    expect(words.slice(0, 3)).toEqual(["verify", "tests/x.py::test_dot", "--rerun-command"]);
    expect(splitCommandTemplate(words[3]!)).toEqual(template);
    expect(words.slice(4)).toEqual(["--seed-pattern", pattern, "--trials", "100"]);
  });

  it("a falsifying example is not named as a seed", () => {
    const example: Seed = { value: "test_y(x=1.5)", recogniser: "hypothesis-falsifying-example", source: { file: "junit.xml" }, apply: { kind: "none", why: "no blob" } };
    expect(s("unknown", "deterministic", { seed: example })).toMatch(/^fails every time with its falsifying example: /);
  });

  it("unknown causes say what would settle them", () => {
    expect(s("unknown", "intermittent")).toMatch(/seed could not be re-applied/);
    expect(s("unknown", "deterministic")).toMatch(/rerun with fresh seeds/);
    // Fresh seeds did run (most failed, not all): no advice to run them.
    const mixed = { ...REPEATED, freshSeeds: { runs: 6, passed: 2, failed: 4, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: [] } };
    expect(s("unknown", "deterministic", { reruns: mixed })).toMatch(/^fails every time with seed \d+ and with 4 of 6 fresh seeds: debug it as a bug in tests\/x.py:42, comparing with a fresh seed it passes with/);
    expect(s("unknown", "not-rerun", { tolerance: NEAR_MISS })).toMatch(/rerun it .*atol 1e-5 -> 5e-5/);
  });

  it("omits the location when the file is unknown", () => {
    const { file: _file, line: _line, ...rest } = TEST;
    expect(suggest({ test: rest, verdict: "deterministic", cause: "regression", tolerance: null, seed: null })).toBe(
      "fails every time: a real bug, bisect recent changes",
    );
  });

  it("intermittent from the report's own retries only: run it alone many times to tell a race from order dependence", () => {
    const recordedOnly = { ...REPEATED, sameSeed: { ...REPEATED.sameSeed, runs: 0, passed: 0 }, recorded: { runs: 2, passed: 1, failed: 1, timedOut: 0, crashed: 0, stoppedEarly: false } };
    expect(s("unknown", "intermittent", { reruns: recordedOnly, test: { ...TEST, runner: "go" } })).toBe(
      "flaky in the report's own retries, which are not repeated here: run it alone many times (flaky-triage verify tests/x.py::test_dot --runner go --trials 100); failures alone mean a race, none mean the tests before it decide (order dependence)",
    );
  });

  it("crash: the advice is the runner's (go, jest/vitest, a template), python's for pytest", () => {
    expect(s("crash")).toMatch(/^crashed in tests\/x.py:42: rerun with python -X faulthandler/);
    expect(s("crash", "deterministic", { test: { ...TEST, runner: "go" } })).toMatch(/: rerun it with GOTRACEBACK=all/);
    expect(s("crash", "deterministic", { how: { runner: "vitest", template: null } })).toMatch(/: rerun it alone with node --trace-uncaught/);
    expect(s("crash", "deterministic", { test: { ...TEST, runner: "go" }, how: { runner: null, template: ["./t", "{id}"] } })).toMatch(/: rerun it under gdb/);
  });

  it("regression: 'every seed' only when fresh seeds were tried", () => {
    const fresh = { ...REPEATED, freshSeeds: { runs: 10, passed: 0, failed: 10, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [], failingSeeds: [] } };
    expect(s("regression", "deterministic", { reruns: fresh })).toBe("fails with every seed: a real bug in tests/x.py:42, bisect recent changes");
    expect(s("regression", "deterministic", { reruns: REPEATED })).toBe("fails every time: a real bug in tests/x.py:42, bisect recent changes");
  });
});
