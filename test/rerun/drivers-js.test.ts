/**
 * The vitest, jest and go drivers: argv arrays (never shell text), anchored and escaped name
 * patterns, seeds given back the runner's way, reproduce commands quoted for a POSIX shell,
 * and outcomes read from the runner's results (a filter that matched nothing is no pass).
 * The go driver against go itself: go-driver.test.ts.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Seed, TestCase } from "../../src/model.js";
import { pickDriver, RUNNER_NAMES } from "../../src/rerun/drivers/index.js";
import { goDriver, goRunPattern, judgeGoTest } from "../../src/rerun/drivers/go.js";
import { jestDriver } from "../../src/rerun/drivers/jest.js";
import { judgeJestJson, judgeRunUntil } from "../../src/rerun/drivers/js-results.js";
import { vitestDriver } from "../../src/rerun/drivers/vitest.js";
import { rerunTest } from "../../src/rerun/rerun.js";
import { classify } from "../../src/classify.js";
import { parseTriageArgs } from "../../src/cli/args.js";
import { extractSeed } from "../../src/seeds/extract.js";

function test_(over: Partial<TestCase>): TestCase {
  return { id: "x", classname: "", name: "x", outcome: "failed", sources: [{ file: "r.xml" }], index: 0, ...over };
}

const VITEST_TEST = test_({
  id: "tests/a.test.ts > math > rounds (x.5) [half]",
  classname: "tests/a.test.ts",
  name: "math > rounds (x.5) [half]",
  file: "tests/a.test.ts",
  runner: "vitest",
});

/** A scratch jest or vitest project: the runner this repository installs (examples/jest's jest), and `files`. */
function jsProject(kind: "jest" | "vitest", files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), `ft-${kind}-project-`));
  const root = join(import.meta.dirname, "..", "..");
  symlinkSync(kind === "jest" ? join(root, "examples", "jest", "node_modules") : join(root, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "package.json"), kind === "vitest" ? '{"type":"module"}\n' : '{"private":true}\n');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const seed = (over: Partial<Seed>): Seed => ({ value: "7", recogniser: "x", source: { file: "r.xml" }, apply: { kind: "none", why: "" }, ...over });
const VITEST_SEED = seed({ value: "1234", recogniser: "vitest-seed", apply: { kind: "args", args: ["--sequence.shuffle", "--sequence.seed=1234"] } });
const ENV_SEED = seed({ value: "15", recogniser: "user:0", apply: { kind: "env", env: { EXAMPLE_SEED: "15" } } });
const req = { mode: "repeat" as const, attempts: 5, resultsFile: "/w/r.jsonl", workDir: "/w", stopWhenMixed: true, freshPasses: true };

describe("vitest driver", () => {
  it("runs the file with an anchored, escaped -t pattern of the full name, each separator a space or ' > '", () => {
    const inv = vitestDriver().invocation({ ...req, test: VITEST_TEST, seed: VITEST_SEED, freshSeeds: null });
    expect(inv.argv).toEqual([
      "npx", "--no-install", "vitest", "run", "tests/a.test.ts", "-t", "^math(?: > | )rounds \\(x\\.5\\) \\[half\\]$",
      "--sequence.shuffle", "--sequence.seed=1234", "--allowOnly", "--reporter=json", "--outputFile.json=/w/vitest.json",
    ]);
    expect(inv).toMatchObject({ attempts: 1, reportsLines: false, env: {} });
    expect(new RegExp(inv.argv[6]!).test("math rounds (x.5) [half]")).toBe(true);
    expect(new RegExp(inv.argv[6]!).test("math rounds (x.5) [half] again")).toBe(false);
  });

  it("a title holding ' > ' itself: each ' > ' of the junit name matches a separator or the title's own", () => {
    const test = { ...VITEST_TEST, name: "compare > returns true when a > b" };
    const pattern = new RegExp(vitestDriver().invocation({ ...req, test, seed: null, freshSeeds: null }).argv[6]!);
    // vitest's full name keeps the title's own " > ": the former pattern asked for "a b".
    expect(pattern.test("compare returns true when a > b")).toBe(true);
    expect(pattern.test("compare returns true when a b")).toBe(true);
    expect(pattern.test("compare returns true when a > b again")).toBe(false);
    expect(pattern.test("other compare returns true when a > b")).toBe(false);
  });

  it("fresh seeds replace the recorded one, in arguments and in the environment", () => {
    const d = vitestDriver();
    expect(d.invocation({ ...req, test: VITEST_TEST, seed: VITEST_SEED, freshSeeds: ["99"] }).argv).toContain("--sequence.seed=99");
    expect(d.invocation({ ...req, test: VITEST_TEST, seed: ENV_SEED, freshSeeds: ["99"] }).env).toEqual({ CI: "true", EXAMPLE_SEED: "99" });
    expect(d.seedSupport(ENV_SEED)).toEqual({ reapply: true, fresh: true });
    // A global-RNG seed needs our pytest plugin: vitest cannot take it.
    expect(d.seedSupport(seed({ apply: { kind: "global-rng", value: "7" } }))).toEqual({ reapply: false, fresh: false });
  });

  it("reproduce command: quoted for a POSIX shell, env first", () => {
    expect(vitestDriver().reproduceCommand(VITEST_TEST, ENV_SEED)).toBe(
      "CI=true EXAMPLE_SEED=15 npx vitest run tests/a.test.ts -t '^math(?: > | )rounds \\(x\\.5\\) \\[half\\]$'",
    );
    const hostile = test_({ classname: "t/a.test.ts", name: "$(rm -rf ~) > `x`; 'q'", runner: "vitest" });
    expect(vitestDriver().reproduceCommand(hostile, null)).toBe(
      "CI=true npx vitest run t/a.test.ts -t '^\\$\\(rm -rf ~\\)(?: > | )`x`; '\\''q'\\''$'",
    );
  });
});

describe("jest driver", () => {
  const jestTest = test_({
    id: "__tests__/main.test.js > Test 1 > Test 1.1 > Failing test",
    classname: "Test 1 › Test 1.1",
    name: "Failing test",
    file: "__tests__/main.test.js",
    runner: "jest",
  });

  it("runs the file by path, the test by an anchored -t, the seed as --seed", () => {
    const jestSeed = seed({ value: "-5", recogniser: "jest-seed", apply: { kind: "args", args: ["--randomize", "--seed=-5"] } });
    const inv = jestDriver().invocation({ ...req, test: jestTest, seed: jestSeed, freshSeeds: null });
    expect(inv.argv).toEqual([
      "npx", "--no-install", "jest", "--ci", "--runTestsByPath", "__tests__/main.test.js", "-t", "^Test 1 Test 1\\.1 Failing test$",
      "--randomize", "--seed=-5", "--json", "--outputFile=/w/jest.json",
    ]);
    expect(jestDriver().reproduceCommand(jestTest, jestSeed)).toBe(
      "npx jest --ci --runTestsByPath __tests__/main.test.js -t '^Test 1 Test 1\\.1 Failing test$' --randomize --seed=-5",
    );
  });

  it("a plain 'Seed: 7' the test logged (jest.getSeed()) goes back as --seed=7, and fresh seeds vary it", () => {
    // The generic recogniser reads it as a seed for the global generators, which jest cannot set.
    const logged = extractSeed(test_({ output: "console.log\n    Seed: 7\n" }), []);
    expect(logged?.apply).toEqual({ kind: "global-rng", value: "7" });
    const d = jestDriver();
    expect(d.seedSupport(logged)).toEqual({ reapply: true, fresh: true });
    expect(d.invocation({ ...req, test: jestTest, seed: logged, freshSeeds: null }).argv).toContain("--seed=7");
    expect(d.invocation({ ...req, test: jestTest, seed: logged, freshSeeds: ["1234"] }).argv).toContain("--seed=1234");
    expect(d.reproduceCommand(jestTest, logged)).toMatch(/ --seed=7$/);
    // Not a 32-bit integer: jest cannot take it, and nothing is given back.
    const big = seed({ value: "99999999999", apply: { kind: "global-rng", value: "99999999999" } });
    expect(d.seedSupport(big)).toEqual({ reapply: false, fresh: false });
  });

  it("jest-junit's default templates repeat the describe chain in the name: used as is", () => {
    const dflt = test_({ classname: "math adds", name: "math adds", file: "a.test.js", runner: "jest" });
    expect(jestDriver().invocation({ ...req, test: dflt, seed: null, freshSeeds: null }).argv).toContain("^math adds$");
  });
});

describe("go driver", () => {
  const goTest = test_({ id: "example.com/m/pkg/TestMean/empty_(0)", classname: "example.com/m/pkg", name: "TestMean/empty_(0)", runner: "go" });

  it("one anchored expression per subtest level, -count=1; a shuffle seed runs the whole package in its order", () => {
    expect(goRunPattern("TestMean/empty_(0)")).toBe("^TestMean$/^empty_\\(0\\)$");
    expect(goDriver().invocation({ ...req, test: goTest, seed: null, freshSeeds: null }).argv).toEqual([
      "go", "test", "example.com/m/pkg", "-run", "^TestMean$/^empty_\\(0\\)$", "-count=1", "-v",
    ]);
    const shuffle = seed({ value: "42", recogniser: "go-shuffle", apply: { kind: "args", args: ["-shuffle=42"] } });
    expect(goDriver().invocation({ ...req, test: goTest, seed: shuffle, freshSeeds: null }).argv).toEqual([
      "go", "test", "example.com/m/pkg", "-count=1", "-shuffle=42", "-v",
    ]);
    expect(goDriver().reproduceCommand({ ...goTest, file: "pkg/mean_test.go" }, shuffle)).toBe("go test ./pkg -count=1 -shuffle=42");
  });

  it("reads go test -v: no tests to run is not a pass", () => {
    expect(judgeGoTest(0, "testing: warning: no tests to run\nPASS\nok  \texample.com/m/pkg\t0.002s [no tests to run]\n")).toMatchObject({ kind: "not-run" });
    expect(judgeGoTest(0, "=== RUN   TestMean\n--- PASS: TestMean (0.00s)\nPASS\n")).toEqual({ kind: "passed" });
    expect(judgeGoTest(1, "=== RUN   TestMean\n    mean_test.go:42: got NaN, want 0\n--- FAIL: TestMean (0.00s)\nFAIL\n")).toEqual({
      kind: "failed",
      message: "mean_test.go:42: got NaN, want 0",
    });
  });
});

describe("jest/vitest JSON results", () => {
  const json = (o: unknown) => JSON.stringify(o);
  it("failed, passed, file that could not run, nothing matched", () => {
    expect(judgeJestJson(json({ numFailedTests: 1, testResults: [{ assertionResults: [{ status: "failed", failureMessages: ["AssertionError: x\n  at y"] }] }] }), 1, "vitest"))
      .toEqual({ kind: "failed", message: "AssertionError: x" });
    expect(judgeJestJson(json({ numPassedTests: 1, numFailedTests: 0, testResults: [] }), 0, "vitest")).toEqual({ kind: "passed" });
    expect(judgeJestJson(json({ numPassedTests: 0, testResults: [{ status: "failed", message: "Cannot find package 'x'" }] }), 1, "vitest"))
      .toEqual({ kind: "failed", message: "the test file failed to run: Cannot find package 'x'" });
    expect(judgeJestJson(json({ numPassedTests: 0, numFailedTests: 0, numPendingTests: 4, testResults: [] }), 0, "vitest")).toMatchObject({ kind: "not-run" });
    expect(judgeJestJson(null, 0, "jest")).toMatchObject({ kind: "not-run" });
    expect(judgeJestJson("{", 2, "jest")).toEqual({ kind: "failed", message: "exit code 2" });
  });
});

describe("picking a driver", () => {
  const opts = { python: "python3", rerunCommand: null };
  it("from the report's dialect (test.runner), pytest from its node id, --runner over both, a template over all", () => {
    expect(pickDriver(VITEST_TEST, opts)?.name).toBe("vitest");
    expect(pickDriver(test_({ id: "tests/t.py::test_a" }), opts)?.name).toBe("pytest");
    expect(pickDriver(test_({ id: "tests/t.py::test_a" }), { ...opts, runner: "jest" })?.name).toBe("jest");
    expect(pickDriver(VITEST_TEST, { ...opts, runner: "go" })?.name).toBe("go");
    expect(pickDriver(VITEST_TEST, { ...opts, rerunCommand: ["make", "{id}"] })?.name).toBe("template");
    expect(pickDriver(test_({ id: "pkg.C#m" }), opts)).toBeNull();
    expect(RUNNER_NAMES).toEqual(["pytest", "vitest", "jest", "go"]);
  });

  it("--runner is validated at the edge", () => {
    const cmd = parseTriageArgs(["r.xml", "--runner", "vitest"], "/");
    expect(cmd.kind === "triage" && cmd.triage.settings.runner).toBe("vitest");
    expect(() => parseTriageArgs(["r.xml", "--runner", "mocha"], "/")).toThrow(/--runner must be one of pytest, vitest, jest, go, got 'mocha'/);
  });
});

describe("vitest driver, real vitest", () => {
  it("a name that matches nothing cannot run: a note, no trial", async () => {
    const example = join(import.meta.dirname, "..", "..", "examples", "vitest");
    const ghost = test_({ classname: "tests/stats.test.js", name: "median > no such test", runner: "vitest" });
    const out = await rerunTest(
      { test: ghost, seed: null, reruns: 3, freshSeeds: 0, timeoutSec: 60, cwd: example, rerunCommand: null, runner: null },
      { runDir: mkdtempSync(join(tmpdir(), "ft-vitest-ghost-")), env: process.env },
    );
    expect(out.trials).toEqual([]);
    expect(out.reruns.note).toMatch(/same-seed: vitest found no test matching the name/);
  }, 60_000);
});

describe("test files from the report are paths, never options, and inside the project", () => {
  const dashed = test_({ id: "--config=evil.ts > t", classname: "--config=evil.ts", name: "t", file: "--config=evil.ts" });
  it("a leading - becomes ./-: jest and vitest read it as a path, in reruns and reproduce commands", () => {
    const v = vitestDriver().invocation({ ...req, test: dashed, seed: null, freshSeeds: null });
    expect(v.argv.slice(3, 5)).toEqual(["run", "./--config=evil.ts"]);
    const j = jestDriver().invocation({ ...req, test: dashed, seed: null, freshSeeds: null });
    expect(j.argv.slice(4, 6)).toEqual(["--runTestsByPath", "./--config=evil.ts"]);
    expect(vitestDriver().reproduceCommand(dashed, null)).toBe("CI=true npx vitest run ./--config=evil.ts -t '^t$'");
    expect(jestDriver().reproduceCommand(dashed, null)).toMatch(/^npx jest --ci --runTestsByPath \.\/--config=evil\.ts -t '\^/);
    expect(vitestDriver().refuse?.(dashed)).toBeNull();
  });

  it("a file outside the project is refused, absolute or climbing out", () => {
    for (const file of ["/tmp/evil.test.ts", "../outside/a.test.ts", "tests/../../a.test.ts", "C:\\\\evil\\\\a.test.ts"]) {
      const t = test_({ id: `${file} > t`, classname: file, name: "t", file });
      expect(vitestDriver().refuse?.(t), file).toMatch(/^its test file ".*" is outside the project$/);
      expect(jestDriver().refuse?.(t), file).toMatch(/^its test file ".*" is outside the project$/);
    }
    expect(vitestDriver().refuse?.(VITEST_TEST)).toBeNull();
  });

  it("real vitest runs a file whose name starts with - through ./", async () => {
    const project = jsProject("vitest", { "-dash.test.js": 'import { expect, test } from "vitest";\ntest("adds", () => expect(1 + 1).toBe(2));\n' });
    const t = test_({ id: "-dash.test.js > adds", classname: "-dash.test.js", name: "adds", file: "-dash.test.js", runner: "vitest" });
    const out = await rerunTest(
      { test: t, seed: null, reruns: 1, freshSeeds: 0, timeoutSec: 60, cwd: project, rerunCommand: null, runner: null },
      { runDir: mkdtempSync(join(tmpdir(), "ft-vitest-dash-run-")), env: process.env },
    );
    expect(out.trials.map((x) => x.kind)).toEqual(["passed"]);
  }, 60_000);
});

describe("order check of jest and vitest: the test's file run whole", () => {
  const until = { ...req, mode: "run-until" as const, attempts: 1 };

  it("runs the file without a name filter; vitest unshuffled, even with a recorded shuffle seed", () => {
    const v = vitestDriver().invocation({ ...until, test: VITEST_TEST, seed: VITEST_SEED, freshSeeds: null });
    expect(v.argv).toEqual(["npx", "--no-install", "vitest", "run", "tests/a.test.ts", "--sequence.seed=1234", "--sequence.shuffle=false", "--allowOnly", "--reporter=json", "--outputFile.json=/w/vitest.json"]);
    expect(v.judge?.runUntil).toBe(true);
    expect(vitestDriver().orderReproduceCommand?.(VITEST_TEST, VITEST_SEED)).toBe("CI=true npx vitest run tests/a.test.ts --sequence.seed=1234 --sequence.shuffle=false");
    const jt = test_({ id: "tests/s.test.js > cache starts empty", classname: "cache starts empty", name: "cache starts empty", file: "tests/s.test.js" });
    const j = jestDriver().invocation({ ...until, test: jt, seed: ENV_SEED, freshSeeds: null });
    expect(j.argv).toEqual(["npx", "--no-install", "jest", "--ci", "--runTestsByPath", "tests/s.test.js", "--json", "--outputFile=/w/jest.json"]);
    expect(j.env).toEqual({ EXAMPLE_SEED: "15" });
    expect(jestDriver().orderReproduceCommand?.(jt, ENV_SEED)).toBe("EXAMPLE_SEED=15 npx jest --ci --runTestsByPath tests/s.test.js");
    // No file known (a report without file attributes or stack frames): no order check.
    expect(jestDriver().orderCheckRefusal?.(test_({ id: "cache starts empty", name: "cache starts empty" }), null)).toBe("its test file is not known");
  });

  it("judges the test's own result and counts the tests that ran before it", () => {
    const file = (assertionResults: object[], extra: object = {}) => JSON.stringify({ testResults: [{ status: "failed", assertionResults, ...extra }] });
    const filter = { pattern: "^cache starts empty$", flags: "i" };
    const results = file([
      { status: "passed", fullName: "cache fills the cache" },
      { status: "pending", fullName: "cache skipped one" },
      { status: "failed", fullName: "cache starts empty", failureMessages: ["Error: expect(received).toBe(expected)\n\nExpected: 0"] },
      { status: "failed", fullName: "a later test" },
    ]);
    expect(judgeRunUntil(results, "jest", filter)).toEqual({ kind: "failed", ranBefore: 1, finished: true, message: "Error: expect(received).toBe(expected)" });
    const passed = file([{ status: "passed", fullName: "Cache Starts Empty" }, { status: "failed", fullName: "a later test" }]);
    expect(judgeRunUntil(passed, "jest", filter)).toEqual({ kind: "passed", ranBefore: 0, finished: true });
    expect(judgeRunUntil(file([{ status: "passed", fullName: "other" }]), "jest", filter)).toEqual({ kind: "not-run", why: "jest: the test was not found in its file's results" });
    expect(judgeRunUntil(file([], { message: "  ● Test suite failed to run\n\n    Cannot find module 'x'" }), "vitest", filter)).toEqual({
      kind: "not-run",
      why: "vitest: the test file failed to run: Cannot find module 'x'",
    });
    expect(judgeRunUntil(null, "jest", filter)).toMatchObject({ kind: "not-run" });
    expect(judgeRunUntil("{", "jest", filter)).toMatchObject({ kind: "not-run" });
  });

  /** A test that fails only after the one before it in its file; a skipped test between them does not count. */
  const STATE = (imports: string) =>
    `${imports}const cache = [];\ndescribe("cache", () => {\n  test("fills the cache", () => { cache.push(1); expect(cache.length).toBe(1); });\n  test.skip("skipped one", () => {});\n  test("starts empty", () => { expect(cache.length).toBe(0); });\n});\ntest("top level after", () => { expect(1).toBe(1); });\n`;
  /** Passes alone and after its predecessor; a later test never ends. */
  const HANGS_LATER = (imports: string) => `${imports}test("counts", () => { expect(1).toBe(1); });\ntest("spins", () => { for (;;) {} });\n`;

  const project = (kind: "jest" | "vitest"): string => {
    const imports = kind === "vitest" ? 'import { describe, expect, test } from "vitest";\n' : "";
    return jsProject(kind, { "tests/state.test.js": STATE(imports), "tests/hang.test.js": HANGS_LATER(imports) });
  };

  it("real jest and vitest: passes alone, fails after the test before it; a hang later in the file is said as such", async () => {
    const run = (kind: "jest" | "vitest", cwd: string, file: string, name: string) => {
      const id = `${file} > ${name}`;
      const t = kind === "jest"
        ? test_({ id, classname: name, name, file, runner: "jest" })
        : test_({ id, classname: file, name: name.replace(/^cache /, "cache > "), file, runner: "vitest" });
      return rerunTest(
        { test: t, seed: null, reruns: 2, freshSeeds: 0, timeoutSec: 20, cwd, rerunCommand: null, runner: null },
        { runDir: mkdtempSync(join(tmpdir(), `ft-${kind}-order-run-`)), env: process.env, startupAllowanceSec: 6 },
      );
    };
    const jest = project("jest");
    const vitest = project("vitest");
    // The hang is killed by the timeout: 20 s would be slow, so that run has a short one.
    const hung = (kind: "jest" | "vitest", cwd: string) => {
      const t = test_({ id: `tests/hang.test.js > counts`, classname: kind === "jest" ? "counts" : "tests/hang.test.js", name: "counts", file: "tests/hang.test.js", runner: kind });
      return rerunTest(
        { test: t, seed: null, reruns: 1, freshSeeds: 0, timeoutSec: 2, cwd, rerunCommand: null, runner: null },
        { runDir: mkdtempSync(join(tmpdir(), `ft-${kind}-hang-run-`)), env: process.env, startupAllowanceSec: 6, killGraceMs: 500 },
      );
    };
    const [j, v, jh] = await Promise.all([
      run("jest", jest, "tests/state.test.js", "cache starts empty"),
      run("vitest", vitest, "tests/state.test.js", "cache starts empty"),
      hung("jest", jest),
    ]);
    for (const [out, kind] of [[j, "jest"], [v, "vitest"]] as const) {
      expect(out.reruns.sameSeed, kind).toMatchObject({ runs: 2, passed: 2 });
      expect(out.reruns.order, kind).toMatchObject({ failed: 2, passed: 0, predecessors: 1 });
      const c = classify({ test: test_({}), seed: null, tolerance: null, reruns: out.reruns, seedReapplied: false });
      expect([c.verdict, c.cause], kind).toEqual(["deterministic", "order-dependence"]);
    }
    expect(j.reproduce).toBe("npx jest --ci --runTestsByPath tests/state.test.js");
    expect(v.reproduce).toBe("CI=true npx vitest run tests/state.test.js --sequence.shuffle=false");
    expect(jh.reruns.sameSeed).toMatchObject({ runs: 1, passed: 1 });
    expect(jh.reruns.order).toBeUndefined();
    expect(jh.reruns.note).toMatch(/order: its file's run did not finish within the timeout \(a test before or after it hung\), and jest writes results only at the end/);
  }, 120_000);
});

describe("the runner's own test timeout: a timed-out attempt", () => {
  it("a failure that is the runner's timeout is a timed-out attempt, jest's and vitest's (whose JSON says STACK_TRACE_ERROR)", () => {
    const one = (message: string) => JSON.stringify({ numFailedTests: 1, testResults: [{ assertionResults: [{ status: "failed", fullName: "t", failureMessages: [message] }] }] });
    expect(judgeJestJson(one('Error: thrown: "Exceeded timeout of 2000 ms for a test.\nAdd a timeout value'), 1, "jest")).toEqual({ kind: "failed", timedOut: true });
    expect(judgeJestJson(one("Error: STACK_TRACE_ERROR\n    at task (file:///x/chunk-artifact.js:1784:27)"), 1, "vitest")).toEqual({ kind: "failed", timedOut: true });
    expect(judgeJestJson(one("Error: Test timed out in 5000ms.\nIf this is a long-running test"), 1, "vitest")).toEqual({ kind: "failed", timedOut: true });
    // An assertion that merely mentions a timeout is a failure.
    expect(judgeJestJson(one("AssertionError: expected 'timed out' to be 'done'"), 1, "vitest")).toEqual({ kind: "failed", message: "AssertionError: expected 'timed out' to be 'done'" });
  });

  it("real jest and vitest: a test awaiting forever past its own timeout is a timeout, not a failure", async () => {
    // Its own 1 s timeout (both runners take it as the third argument).
    const dir = (kind: "jest" | "vitest") =>
      jsProject(kind, { "wait.test.js": `${kind === "vitest" ? 'import { test } from "vitest";\n' : ""}test("waits", () => new Promise(() => {}), 1000);\n` });
    const rerun = (kind: "jest" | "vitest") =>
      rerunTest(
        { test: test_({ id: "wait.test.js > waits", classname: kind === "jest" ? "waits" : "wait.test.js", name: "waits", file: "wait.test.js", runner: kind }), seed: null, reruns: 2, freshSeeds: 0, timeoutSec: 60, cwd: dir(kind), rerunCommand: null, runner: null },
        { runDir: mkdtempSync(join(tmpdir(), `ft-${kind}-wait-run-`)), env: process.env },
      );
    const [j, v] = await Promise.all([rerun("jest"), rerun("vitest")]);
    for (const out of [j, v]) expect(out.reruns.sameSeed).toMatchObject({ runs: 2, timedOut: 2, failed: 0 });
  }, 120_000);
});
