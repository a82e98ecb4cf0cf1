/**
 * The go driver: argv arrays and reproduce commands, then its judge and its seeds against
 * go 1.19 itself (examples/go and a throwaway module for the ways a test binary can end).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Seed, TestCase } from "../../src/model.js";
import { endsAfter, goDriver, goFlagsSeenInCi, judgeGoTest, testsRunBefore } from "../../src/rerun/drivers/go.js";
import type { Invocation, Judgement } from "../../src/rerun/drivers/types.js";
import { parseTolerance } from "../../src/diagnose/tolerance.js";
import { rerunTest } from "../../src/rerun/rerun.js";
import { classify } from "../../src/classify.js";
import { extractSeed } from "../../src/seeds/extract.js";
import { GO_EXAMPLE, HARMLESS_SHUFFLE, RECORDED_SHUFFLE, goExampleEnv, linkVendor, skipWithoutGo } from "./go-example-env.js";

const PKG = "example.com/flakydemo/stats";

function goCase(name: string, over: Partial<TestCase> = {}): TestCase {
  return {
    id: `${PKG}/${name}`,
    classname: PKG,
    name,
    file: "stats/stats_test.go",
    outcome: "failed",
    sources: [{ file: "junit.xml" }],
    index: 0,
    runner: "go",
    ...over,
  };
}

const shuffleSeed = (value: string): Seed => ({
  value,
  recogniser: "go-shuffle",
  source: { file: "go-test.log", line: 1 },
  apply: { kind: "args", args: [`-shuffle=${value}`] },
});
/** A test whose file the join could not resolve (a parent test prints no file:line). */
function withoutFile(t: TestCase): TestCase {
  const { file: _file, ...rest } = t;
  return rest;
}

const envSeed: Seed = { value: "22", recogniser: "user:0", source: { file: "junit.xml" }, apply: { kind: "env", env: { EXAMPLE_SEED: "22" } } };
const req = { mode: "repeat" as const, attempts: 3, resultsFile: "/w/r.jsonl", workDir: "/w", stopWhenMixed: true, freshPasses: true };

describe("go driver: what it runs", () => {
  it("one test alone: its package directory, one anchored expression per subtest level", () => {
    const inv = goDriver().invocation({ ...req, test: goCase("TestMedian/even_count"), seed: null, freshSeeds: null });
    expect(inv.argv).toEqual(["go", "test", "./stats", "-run", "^TestMedian$/^even_count$", "-count=1", "-v"]);
    expect(inv).toMatchObject({ attempts: 1, reportsLines: false, env: {} });
    // A parent test has no file:line of its own: its import path from the report.
    expect(goDriver().invocation({ ...req, test: withoutFile(goCase("TestMedian")), seed: null, freshSeeds: null }).argv)
      .toEqual(["go", "test", PKG, "-run", "^TestMedian$", "-count=1", "-v"]);
  });

  it("an environment seed goes back as the variable; fresh seeds replace its value", () => {
    const d = goDriver();
    expect(d.invocation({ ...req, test: goCase("TestNormalise"), seed: envSeed, freshSeeds: null }).env).toEqual({ EXAMPLE_SEED: "22" });
    expect(d.invocation({ ...req, test: goCase("TestNormalise"), seed: envSeed, freshSeeds: ["977"] }).env).toEqual({ EXAMPLE_SEED: "977" });
    expect(d.seedSupport(envSeed)).toEqual({ reapply: true, fresh: true });
    expect(d.reproduceCommand(goCase("TestNormalise"), envSeed)).toBe("EXAMPLE_SEED=22 go test ./stats -run '^TestNormalise$' -count=1");
  });

  it("a shuffle seed orders the whole package: it runs every test, in that order", () => {
    const d = goDriver();
    const test = goCase("TestFormatDefaultUnit");
    expect(d.invocation({ ...req, test, seed: shuffleSeed("42"), freshSeeds: null }).argv).toEqual([
      "go", "test", "./stats", "-count=1", "-shuffle=42", "-v",
    ]);
    expect(d.invocation({ ...req, test, seed: shuffleSeed("42"), freshSeeds: ["-7"] }).argv).toContain("-shuffle=-7");
    expect(d.reproduceCommand(test, shuffleSeed("42"))).toBe("go test ./stats -count=1 -shuffle=42");
  });

  it("refuses a package that go test would read as a flag", () => {
    const d = goDriver();
    expect(d.refuse?.(withoutFile(goCase("TestX", { classname: "-exec=/bin/sh" })))).toMatch(/not a Go import path/);
    expect(d.refuse?.(withoutFile(goCase("TestX")))).toBeNull();
    expect(d.refuse?.(goCase("TestX"))).toBeNull();
  });
});

describe.skipIf(skipWithoutGo("go driver against go 1.19"))("go driver against go 1.19", () => {
  const env = goExampleEnv();
  let edge: string;

  /** Runs the driver's invocation for real, in `cwd`, and judges it as a rerun would. */
  function run(inv: Invocation, cwd = GO_EXAMPLE, extraEnv: Record<string, string> = {}): { judged: Judgement; exitCode: number; stdout: string } {
    const [cmd, ...args] = inv.argv;
    const p = spawnSync(cmd!, args, { cwd, encoding: "utf8", env: { ...env, ...extraEnv, ...inv.env } });
    const exitCode = p.status ?? -1;
    return { judged: inv.judge!.decide({ exitCode, stdout: p.stdout, stderr: p.stderr, results: null }), exitCode, stdout: p.stdout };
  }

  function lineOf(file: string, text: string): number {
    return readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(text)) + 1;
  }

  beforeAll(() => {
    linkVendor();
    // A module with no dependencies, for the ways a test binary can end besides PASS/FAIL.
    edge = mkdtempSync(join(tmpdir(), "ft-go-edge-"));
    writeFileSync(join(edge, "go.mod"), "module example.com/edge\n\ngo 1.19\n");
    mkdirSync(join(edge, "ends"));
    writeFileSync(
      join(edge, "ends", "ends_test.go"),
      [
        "package ends",
        'import ("os"; "testing")',
        'func TestPanics(t *testing.T) { var m map[string]int; m["x"] = 1 }',
        'func TestExits(t *testing.T) { t.Log("leaving"); os.Exit(3) }',
        'func TestSkips(t *testing.T) { t.Skip("not on this machine") }',
        "",
      ].join("\n"),
    );
    // testify from Debian's GOPATH tree (GO111MODULE=off below): its +Inf and NaN wording.
    mkdirSync(join(edge, "near"));
    writeFileSync(
      join(edge, "near", "near_test.go"),
      [
        "package near",
        'import ("math"; "testing"; "github.com/stretchr/testify/assert")',
        "func TestInf(t *testing.T) { assert.InDelta(t, 1.0, math.Inf(1), 1e-9) }",
        "func TestNaN(t *testing.T) { assert.InDelta(t, 1.0, math.NaN(), 1e-9) }",
        "",
      ].join("\n"),
    );
    // A TestMain that leaves before m.Run when its database is not configured.
    mkdirSync(join(edge, "tmain"));
    writeFileSync(
      join(edge, "tmain", "tmain_test.go"),
      'package tmain\nimport ("os"; "testing")\nfunc TestMain(m *testing.M) { if os.Getenv("DB_URL") == "" { os.Exit(1) }; os.Exit(m.Run()) }\nfunc TestQuery(t *testing.T) {}\n',
    );
    mkdirSync(join(edge, "slow"));
    writeFileSync(join(edge, "slow", "slow_test.go"), 'package slow\nimport ("testing"; "time")\nfunc TestSlow(t *testing.T) { time.Sleep(2 * time.Second) }\n');
    mkdirSync(join(edge, "broken"));
    writeFileSync(join(edge, "broken", "broken_test.go"), 'package broken\nimport "testing"\nfunc TestB(t *testing.T) { undefinedHelper() }\n');
  }, 120_000);

  it("-shuffle=on prints the seed first as `-test.shuffle N`; the recogniser gives it back as -shuffle=N, same order", () => {
    const order = (out: string) => out.split("\n").filter((l) => /^=== RUN   Test\w+$/.test(l));
    const first = spawnSync("go", ["test", "./stats", "-count=1", "-shuffle=on", "-v"], { cwd: GO_EXAMPLE, encoding: "utf8", env });
    expect(first.stdout.split("\n")[0]).toMatch(/^-test\.shuffle \d+$/);
    // What go's log reader gives each test of the package as its output: what the package printed
    // before its first test (the whole -v output would also hold TestNormalise's own seed line).
    const seed = extractSeed(goCase("TestFormatDefaultUnit", { output: first.stdout.split("\n")[0] ?? "" }), []);
    expect(seed).toMatchObject({ recogniser: "go-shuffle", apply: { kind: "args", args: [`-shuffle=${seed?.value}`] } });
    expect(first.stdout.split("\n")[0]).toBe(`-test.shuffle ${seed?.value}`);
    const again = spawnSync("go", ["test", "./stats", "-count=1", `-shuffle=${seed?.value}`, "-v"], { cwd: GO_EXAMPLE, encoding: "utf8", env });
    expect(order(again.stdout)).toEqual(order(first.stdout));
    expect(order(first.stdout)).toHaveLength(7);
  }, 120_000);

  it("a failing subtest alone: failed, with its own log line", () => {
    const inv = goDriver().invocation({ ...req, test: goCase("TestMedian/even_count"), seed: null, freshSeeds: null });
    const line = lineOf(join(GO_EXAMPLE, "stats", "stats_test.go"), "Median([4 1 3 2]) = %v");
    expect(run(inv).judged).toEqual({ kind: "failed", message: `stats_test.go:${line}: Median([4 1 3 2]) = 3, want 2.5` });
  }, 60_000);

  it("testify prints its message below an empty log line: the message says what failed", () => {
    const inv = goDriver().invocation({ ...req, test: goCase("TestMeanWithinDelta"), seed: null, freshSeeds: null });
    const { judged } = run(inv);
    expect(judged.kind).toBe("failed");
    expect(judged.kind === "failed" ? judged.message : "").toMatch(/^stats_test\.go:\d+: Max difference between 0\.1\d* and 0\.0999\d* allowed is 5e-06, but difference was 9\.7\d*e-06$/);
  }, 60_000);

  it("a name that matches nothing is not a pass", () => {
    const inv = goDriver().invocation({ ...req, test: goCase("TestNoSuchThing"), seed: null, freshSeeds: null });
    const r = run(inv);
    expect(r.exitCode).toBe(0);
    expect(r.judged).toEqual({ kind: "not-run", why: "go test found no test matching the -run pattern" });
  }, 60_000);

  it("the recorded shuffle reproduces the order-dependent failure; the package's exit code is not the test's", () => {
    const d = goDriver();
    const failing = run(d.invocation({ ...req, test: goCase("TestFormatDefaultUnit"), seed: shuffleSeed(RECORDED_SHUFFLE), freshSeeds: null }));
    expect(failing.judged).toMatchObject({ kind: "failed", message: expect.stringContaining('Format(1500) = "1.5 km", want "1500 m"') });
    // The same whole-package run fails (TestMedian), yet its passing tests are passes.
    const odd = run(d.invocation({ ...req, test: goCase("TestMedian/odd_count"), seed: shuffleSeed(RECORDED_SHUFFLE), freshSeeds: null }));
    expect(odd.exitCode).toBe(1);
    expect(odd.judged).toEqual({ kind: "passed" });
    // A shuffle that runs it before TestFormatKilometres: it passes.
    const fresh = run(d.invocation({ ...req, test: goCase("TestFormatDefaultUnit"), seed: shuffleSeed(RECORDED_SHUFFLE), freshSeeds: [HARMLESS_SHUFFLE] }));
    expect(fresh.judged).toEqual({ kind: "passed" });
  }, 120_000);

  it("through rerunTest: the order-dependent test fails every rerun under its recorded shuffle", async () => {
    const out = await rerunTest(
      { test: goCase("TestFormatDefaultUnit"), seed: shuffleSeed(RECORDED_SHUFFLE), reruns: 2, freshSeeds: 0, timeoutSec: 120, cwd: GO_EXAMPLE, rerunCommand: null, runner: null },
      { runDir: mkdtempSync(join(tmpdir(), "ft-go-rerun-")), env },
    );
    expect(out.reruns.sameSeed).toMatchObject({ runs: 2, failed: 2, passed: 0 });
    expect(out.seedReapplied).toBe(true);
    expect(out.reproduce).toBe(`go test ./stats -count=1 -shuffle=${RECORDED_SHUFFLE}`);
  }, 120_000);

  it("a panic, an os.Exit inside the test, a skip, a package that does not build", () => {
    const d = goDriver();
    const inv = (name: string, file = "ends/ends_test.go") =>
      d.invocation({ ...req, test: goCase(name, { classname: "example.com/edge/ends", file }), seed: null, freshSeeds: null });
    const edgeEnv = { GOFLAGS: "-mod=mod" };
    expect(run(inv("TestPanics"), edge, edgeEnv).judged).toEqual({ kind: "failed", message: "panic: assignment to entry in nil map [recovered]" });
    expect(run(inv("TestExits"), edge, edgeEnv).judged).toEqual({ kind: "failed", message: "the test binary exited with code 1 during TestExits" });
    expect(run(inv("TestSkips"), edge, edgeEnv).judged).toEqual({ kind: "not-run", why: "TestSkips skipped itself (t.Skip)", skipped: true });
    expect(run(inv("TestB", "broken/broken_test.go"), edge, edgeEnv).judged).toEqual({
      kind: "not-run",
      why: "the package did not build: broken/broken_test.go:3:28: undefined: undefinedHelper",
    });
  }, 120_000);
  it("a rerun that never reached the test is not a failure: no go.mod where it ran, a TestMain that left before it", () => {
    const d = goDriver();
    const inv = (pkg: string, name: string, file: string) =>
      d.invocation({ ...req, test: goCase(name, { classname: `example.com/edge/${pkg}`, file }), seed: null, freshSeeds: null });
    // Run outside the module (a --cwd one level too high): "go: go.mod file not found ...", exit 1.
    // It read "deterministic, regression" for every test, exit 1.
    const outside = run(inv("ends", "TestPanics", "ends/ends_test.go"), join(edge, ".."), { GOFLAGS: "-mod=mod" });
    expect(outside.exitCode).not.toBe(0);
    expect(outside.judged).toMatchObject({ kind: "not-run" });
    expect((outside.judged as { why: string }).why).toMatch(/^go test did not run the package: /);
    const early = run(inv("tmain", "TestQuery", "tmain/tmain_test.go"), edge, { GOFLAGS: "-mod=mod", DB_URL: "" });
    expect(early.judged).toEqual({ kind: "not-run", why: "the test binary exited with code 1 before TestQuery ran" });
    expect(run(inv("tmain", "TestQuery", "tmain/tmain_test.go"), edge, { GOFLAGS: "-mod=mod", DB_URL: "postgres://" }).judged).toEqual({ kind: "passed" });
  }, 120_000);

  it("a test CI's -timeout stopped is rerun with that -timeout: deterministic, not 'not reproduced' (dist/cli.js)", () => {
    const ci = spawnSync("go", ["test", "-v", "-timeout", "1s", "./slow"], { cwd: edge, encoding: "utf8", env: { ...env, GOFLAGS: "-mod=mod" } });
    expect(ci.stdout).toContain("panic: test timed out after 1s");
    writeFileSync(join(edge, "ci.log"), ci.stdout);
    const out = join(edge, "triage.json");
    const r = spawnSync(process.execPath, [join(import.meta.dirname, "..", "..", "dist", "cli.js"), "ci.log", "--cwd", edge, "--reruns", "2", "--fresh-seeds", "0", "--json", out, "--quiet"], {
      cwd: edge,
      encoding: "utf8",
      env: { ...env, GOFLAGS: "-mod=mod" },
    });
    // Rerun without it, the 2 s test passed: "not reproduced, timeout: a slow CI machine".
    expect(r.status, r.stderr).toBe(1);
    const t = (JSON.parse(readFileSync(out, "utf8")) as { tests: Array<{ verdict: string; cause: string; reproduce: string }> }).tests[0]!;
    expect(t).toMatchObject({ verdict: "deterministic", cause: "timeout" });
    // The timeout panic's stack names the test file: its package directory.
    expect(t.reproduce).toBe("go test ./slow -run '^TestSlow$' -count=1 -timeout=1s");
  }, 120_000);

  it("a package whose TestMain exits, seen only in go test -json, and a timeout without -v: counted and rerun, not '0 failing tests', exit 0 (dist/cli.js)", () => {
    const goEnv = { ...env, GOFLAGS: "-mod=mod", DB_URL: "" };
    const json = spawnSync("go", ["test", "-json", "./tmain"], { cwd: edge, encoding: "utf8", env: goEnv });
    writeFileSync(join(edge, "tmain.json"), json.stdout);
    const plain = spawnSync("go", ["test", "-timeout", "1s", "./slow"], { cwd: edge, encoding: "utf8", env: goEnv });
    expect(plain.stdout).toContain("panic: test timed out after 1s");
    expect(plain.stdout).not.toContain("--- FAIL");
    writeFileSync(join(edge, "slow.log"), plain.stdout);
    const out = join(edge, "outside.json");
    const r = spawnSync(
      process.execPath,
      [join(import.meta.dirname, "..", "..", "dist", "cli.js"), "tmain.json", "slow.log", "--cwd", edge, "--reruns", "2", "--fresh-seeds", "0", "--json", out, "--quiet"],
      { cwd: edge, encoding: "utf8", env: goEnv },
    );
    // Both were warnings ("failed outside any test; there is no test to rerun"): exit 0.
    expect(r.status, r.stderr).toBe(1);
    const tests = (JSON.parse(readFileSync(out, "utf8")) as { tests: Array<{ id: string; verdict: string; cause: string; reproduce: string }> }).tests;
    expect(tests.map((t) => [t.id, t.verdict])).toEqual([
      ["example.com/edge/tmain/TestMain", "deterministic"],
      ["example.com/edge/slow/TestSlow", "deterministic"],
    ]);
    expect(tests[0]!.reproduce).toBe("go test example.com/edge/tmain -count=1");
    expect(tests[1]).toMatchObject({ cause: "timeout", reproduce: "go test ./slow -run '^TestSlow$' -count=1 -timeout=1s" });
  }, 120_000);

  it("a TestMain failing after m.Run (a leak check) reruns the package's tests with it, and says what it printed (dist/cli.js)", () => {
    const mod = mkdtempSync(join(tmpdir(), "ft-go-leak-"));
    writeFileSync(join(mod, "go.mod"), "module example.com/leak\n\ngo 1.19\n");
    writeFileSync(
      join(mod, "leak_test.go"),
      'package leak\nimport ("fmt"; "os"; "testing")\nfunc TestMain(m *testing.M) { code := m.Run(); if code == 0 { fmt.Println("goroutine leak: 1 still running"); os.Exit(1) }; os.Exit(code) }\nfunc TestA(t *testing.T) {}\n',
    );
    const goEnv = { ...env, GOFLAGS: "-mod=mod" };
    writeFileSync(join(mod, "go.json"), spawnSync("go", ["test", "-json", "./..."], { cwd: mod, encoding: "utf8", env: goEnv }).stdout);
    const out = join(mod, "t.json");
    const r = spawnSync(process.execPath, [join(import.meta.dirname, "..", "..", "dist", "cli.js"), "go.json", "--cwd", mod, "--reruns", "2", "--fresh-seeds", "0", "--json", out, "--quiet"], {
      cwd: mod,
      encoding: "utf8",
      env: goEnv,
    });
    // `-run '^TestMain$'` ran no test: "go test found no test matching the -run pattern", not rerun, exit 0.
    expect(r.status, r.stderr).toBe(1);
    const t = (JSON.parse(readFileSync(out, "utf8")) as { tests: Array<{ id: string; verdict: string; message: string; reproduce: string }> }).tests[0]!;
    expect(t).toMatchObject({ id: "example.com/leak/TestMain", verdict: "deterministic", message: "goroutine leak: 1 still running", reproduce: "go test example.com/leak -count=1" });
  }, 120_000);

  it("a hang costs the test's timeout once go has built and begun, not the start-up allowance on top", async () => {
    const mod = mkdtempSync(join(tmpdir(), "ft-go-hang-"));
    writeFileSync(join(mod, "go.mod"), "module example.com/hang\n\ngo 1.19\n");
    writeFileSync(join(mod, "hang_test.go"), 'package hang\nimport ("testing"; "time")\nfunc TestHangs(t *testing.T) { time.Sleep(10 * time.Minute) }\n');
    const modEnv = { ...env, GOFLAGS: "-mod=mod" };
    spawnSync("go", ["test", "./...", "-count=1", "-run", "^$"], { cwd: mod, env: modEnv });
    const test = goCase("TestHangs", { classname: "example.com/hang", file: "hang_test.go" });
    const out = await rerunTest(
      { test, seed: null, reruns: 1, freshSeeds: 0, timeoutSec: 2, cwd: mod, rerunCommand: null, runner: null },
      // An allowance far longer than the test's timeout: killed by the test's clock, the attempt
      // ends long before the allowance would have run out.
      { runDir: mkdtempSync(join(tmpdir(), "ft-go-hang-run-")), env: modEnv, startupAllowanceSec: 120 },
    );
    expect(out.trials.map((t) => t.kind)).toEqual(["timedOut"]);
    expect(out.trials[0]!.durationSec).toBeLessThan(60);
  }, 180_000);

  it("order dependence in source order: a failure, a subtest, a hang and an os.Exit after the test that changes the state", async () => {
    // Tests in declaration order. SetsUnit leaves Unit changed; each test after it goes wrong
    // its own way only then; HangsWhenChanged also kills the order run of every test before it.
    const mod = mkdtempSync(join(tmpdir(), "ft-go-order-"));
    writeFileSync(join(mod, "go.mod"), "module example.com/order\n\ngo 1.19\n");
    mkdirSync(join(mod, "unit"));
    writeFileSync(join(mod, "unit", "unit.go"), 'package unit\n\nvar Unit = "m"\nvar Table = ""\n');
    writeFileSync(
      join(mod, "unit", "unit_test.go"),
      [
        "package unit",
        'import ("os"; "testing"; "time")',
        'func TestSetsUnit(t *testing.T) { Unit = "km" }',
        'func TestUsesDefaultUnit(t *testing.T) { if Unit != "m" { t.Fatalf("Unit = %q, want %q", Unit, "m") } }',
        'func TestTable(t *testing.T) { t.Run("a", func(t *testing.T) { Table = "a" }); t.Run("b", func(t *testing.T) { if Table != "" { t.Fatal("a left Table set") } }) }',
        'func TestHangsWhenChanged(t *testing.T) { if Unit != "m" { time.Sleep(10 * time.Minute) } }',
        'func TestExitsAfterAHang(t *testing.T) { if Unit != "m" { os.Exit(3) } }',
        "",
      ].join("\n"),
    );
    // A parallel test waits for the sequential tests after it; the one after it hangs.
    mkdirSync(join(mod, "par"));
    writeFileSync(
      join(mod, "par", "par_test.go"),
      'package par\nimport ("testing"; "time")\nfunc TestA(t *testing.T) {}\nfunc TestP(t *testing.T) { t.Parallel() }\nfunc TestHang(t *testing.T) { time.Sleep(10 * time.Minute) }\n',
    );
    mkdirSync(join(mod, "exits"));
    writeFileSync(
      join(mod, "exits", "exits_test.go"),
      'package exits\nimport ("os"; "testing")\nvar changed bool\nfunc TestChanges(t *testing.T) { changed = true }\nfunc TestExitsWhenChanged(t *testing.T) { if changed { os.Exit(3) } }\n',
    );
    const modEnv = { ...env, GOFLAGS: "-mod=mod" };
    const rerun = (name: string, pkg = "unit") => {
      const test = goCase(name, { classname: `example.com/order/${pkg}`, file: `${pkg}/${pkg}_test.go` });
      return rerunTest(
        { test, seed: null, reruns: 1, freshSeeds: 0, timeoutSec: 3, cwd: mod, rerunCommand: null, runner: null },
        { runDir: mkdtempSync(join(tmpdir(), "ft-go-order-run-")), env: modEnv, startupAllowanceSec: 5 },
      ).then((out) => ({ out, c: classify({ test, seed: null, tolerance: null, reruns: out.reruns, seedReapplied: false }) }));
    };
    // Compiled once before the runs that share the build cache.
    spawnSync("go", ["test", "./...", "-count=1", "-run", "^$"], { cwd: mod, env: modEnv });
    const [fails, subtest, hangs, exits, never, parallel] = await Promise.all([
      rerun("TestUsesDefaultUnit"),
      rerun("TestTable/b"),
      rerun("TestHangsWhenChanged"),
      rerun("TestExitsWhenChanged", "exits"),
      rerun("TestExitsAfterAHang"),
      rerun("TestP", "par"),
    ]);
    // Its own FAIL line counts, though the run was killed later (HangsWhenChanged).
    expect(fails.out.reruns.order).toMatchObject({ runs: 1, failed: 1, timedOut: 0, predecessors: 1 });
    expect([fails.c.verdict, fails.c.cause]).toEqual(["deterministic", "order-dependence"]);
    expect(fails.c.causeReason).toBe("passed all 1 rerun alone but failed 1 of 1 after 1 earlier test: state leaks from a predecessor");
    // Alone it passes: the command to paste runs its package in source order.
    expect(fails.out.reproduce).toBe("go test ./unit -count=1 -v");
    // A table case after its sibling: the earlier subtest counts as a predecessor.
    expect(subtest.out.reruns.order).toMatchObject({ runs: 1, failed: 1, predecessors: 3 });
    expect(subtest.c.cause).toBe("order-dependence");
    // Hangs only after its predecessors: a timeout of its own in the order check, which the
    // order explains (the order rule comes before the timeout rule).
    expect(hangs.out.reruns.order).toMatchObject({ runs: 1, timedOut: 1, predecessors: 3 });
    expect(hangs.c.cause).toBe("order-dependence");
    // os.Exit inside it after its predecessor: no result line, still its failure.
    expect(exits.out.reruns.order).toMatchObject({ runs: 1, failed: 1, predecessors: 1 });
    expect(exits.c.cause).toBe("order-dependence");
    // Never reached: a test before it hung. No order tally, a note saying why.
    expect(never.out.reruns.order).toBeUndefined();
    expect(never.out.reruns.note).toMatch(/order: the tests before it did not finish within the timeout, so it never ran/);
    expect(never.c.verdict).toBe("not-reproduced");
    // Paused for t.Parallel while TestHang hung: it never began, so the timeout is not its own.
    expect(parallel.out.reruns.order).toBeUndefined();
    expect(parallel.out.reruns.note).toMatch(/order: the tests before it did not finish within the timeout, so it never ran/);
    expect(parallel.c.verdict).toBe("not-reproduced");
  }, 180_000);

  it("testify's +Inf and NaN wordings are near-miss formats with a non-finite value", () => {
    const gopath = { GO111MODULE: "off", GOPATH: "/usr/share/gocode", GOFLAGS: "" };
    const near = (name: string) =>
      run(goDriver().invocation({ ...req, test: goCase(name, { classname: "near", file: "near/near_test.go" }), seed: null, freshSeeds: null }), edge, gopath);
    const inf = near("TestInf");
    expect(inf.stdout).toContain("Max difference between 1 and +Inf allowed is 1e-09, but difference was -Inf");
    expect(parseTolerance(inf.stdout, { id: "near/TestInf" })).toMatchObject({ format: "testify-in-delta", atol: 1e-9, nonFinite: "inf" });
    const nan = near("TestNaN");
    expect(nan.stdout).toContain("Expected 1 with delta 1e-09, but was NaN");
    expect(parseTolerance(nan.stdout, { id: "near/TestNaN" })).toMatchObject({ format: "testify-in-delta", atol: 1e-9, nonFinite: "nan" });
  }, 120_000);
});

describe("the order check: the package in source order, up to the test's own result", () => {
  it("runs the whole package without -shuffle, the seed's environment kept", () => {
    const d = goDriver();
    expect(d.orderCheck).toBe(true);
    const inv = d.invocation({ ...req, mode: "run-until", attempts: 1, test: goCase("TestFormatDefaultUnit"), seed: shuffleSeed("42"), freshSeeds: null });
    expect(inv.argv).toEqual(["go", "test", "./stats", "-count=1", "-v"]);
    expect(d.invocation({ ...req, mode: "run-until", attempts: 1, test: goCase("TestNormalise"), seed: envSeed, freshSeeds: null }).env).toEqual({ EXAMPLE_SEED: "22" });
  });

  it("stops a whole-package run once the test has its result and the next test starts", () => {
    const ends = endsAfter("TestA/b");
    const lines = ["=== RUN   TestA", "=== RUN   TestA/b", "    a_test.go:5: boom", "--- FAIL: TestA (0.00s)", "    --- FAIL: TestA/b (0.00s)", "=== CONT  TestP", "=== RUN   TestNext"];
    expect(lines.map((l) => ends(l))).toEqual([false, false, false, false, false, false, true]);
    // Only the test's own line counts, not one of a test whose name it begins.
    const own = endsAfter("TestA");
    expect(["--- PASS: TestAB (0.00s)", "=== RUN   TestC"].map((l) => own(l))).toEqual([false, false]);
    expect(goDriver().invocation({ ...req, mode: "run-until", attempts: 1, test: goCase("TestA"), seed: null, freshSeeds: null }).judge?.endsAt).toBeTypeOf("function");
    // A test run alone runs nothing after it: nothing to stop.
    expect(goDriver().invocation({ ...req, test: goCase("TestA"), seed: null, freshSeeds: null }).judge?.endsAt).toBeUndefined();
  });

  it("is not run for a test whose reruns already ran its package in the recorded shuffled order", () => {
    const d = goDriver();
    expect(d.orderCheckRefusal?.(goCase("TestFormatDefaultUnit"), shuffleSeed("42"))).toBe("its reruns already ran its package, in the recorded shuffled order");
    expect(d.orderCheckRefusal?.(goCase("TestFormatDefaultUnit"), envSeed)).toBeNull();
    expect(d.orderCheckRefusal?.(goCase("TestFormatDefaultUnit"), null)).toBeNull();
  });

  it("counts the tests that ran before it, and says whether it printed a result of its own", () => {
    const out = "=== RUN   TestA\n--- PASS: TestA (0.00s)\n=== RUN   TestB\n=== RUN   TestB/x\n--- PASS: TestB (0.00s)\n    --- PASS: TestB/x (0.00s)\n=== RUN   TestC\n    c_test.go:4: boom\n--- FAIL: TestC (0.00s)\n=== RUN   TestD\n";
    expect(testsRunBefore(out, "TestC")).toBe(2);
    expect(testsRunBefore(out, "TestB/x")).toBe(1);
    expect(testsRunBefore(out, "TestA")).toBe(0);
    expect(testsRunBefore(out, "TestZ")).toBeUndefined();
    // As attempts.ts runs a judge: stdout's lines go to endsAt as they come, then decide.
    const judge = (name: string) => {
      const j = goDriver().invocation({ ...req, mode: "run-until", attempts: 1, test: goCase(name), seed: null, freshSeeds: null }).judge!;
      for (const line of out.split("\n")) j.endsAt!(line);
      return j.decide({ exitCode: 1, stdout: out, stderr: "", results: null });
    };
    expect(judge("TestC")).toEqual({ kind: "failed", message: "c_test.go:4: boom", ranBefore: 2, finished: true });
    expect(judge("TestA")).toEqual({ kind: "passed", ranBefore: 0, finished: true });
    // Started, no result of its own (it exited, or was killed while it ran): not finished.
    expect(judge("TestD")).toEqual({ kind: "failed", message: "the test binary exited with code 1 during TestD", ranBefore: 3, finished: false });
    // Earlier cases of the same table count; its parents do not.
    const table = "=== RUN   TestA\n=== RUN   TestT\n=== RUN   TestT/a\n=== RUN   TestT/a/x\n=== RUN   TestT/b\n";
    expect(testsRunBefore(table, "TestT/b")).toBe(3);
    expect(testsRunBefore(table, "TestT/a/x")).toBe(1);
  });

  it("a parallel test begins at its CONT: the sequential tests after it count, and while it waits it has not begun", () => {
    const waiting = ["=== RUN   TestA", "--- PASS: TestA (0.00s)", "=== RUN   TestP", "=== PAUSE TestP", "=== RUN   TestHang"];
    expect(testsRunBefore(waiting.join("\n"), "TestP")).toBeUndefined();
    const resumed = [...waiting, "--- PASS: TestHang (0.00s)", "=== CONT  TestP", "    p_test.go:3: boom", "--- FAIL: TestP (0.00s)"];
    expect(testsRunBefore(resumed.join("\n"), "TestP")).toBe(2);
    // Later CONT lines (output switching between parallel tests) change nothing.
    expect(testsRunBefore([...resumed, "=== CONT  TestP"].join("\n"), "TestP")).toBe(2);
    // A sequential test is unaffected by others' PAUSE and CONT lines.
    expect(testsRunBefore(resumed.join("\n"), "TestHang")).toBe(2);
  });

  it("judges a parallel test by its own output, and not at all when the run ended while it waited", () => {
    const judge = (lines: string[], exitCode = 1) => {
      const j = goDriver().invocation({ ...req, mode: "run-until", attempts: 1, test: goCase("TestP"), seed: null, freshSeeds: null }).judge!;
      for (const line of lines) j.endsAt!(line);
      return j.decide({ exitCode, stdout: lines.join("\n") + "\n", stderr: "", results: null });
    };
    // As go 1.19 prints it: TestMid's log comes while TestP waits; TestP's own comes after CONT.
    const ran = ["=== RUN   TestP", "=== PAUSE TestP", "=== RUN   TestMid", "    p_test.go:4: mid chatter", "--- PASS: TestMid (0.00s)", "=== CONT  TestP", "    p_test.go:3: boom in P", "--- FAIL: TestP (0.00s)"];
    expect(judge(ran)).toEqual({ kind: "failed", message: "p_test.go:3: boom in P", ranBefore: 1, finished: true });
    // A later sequential test panics while TestP waits: TestP never began.
    const died = ["=== RUN   TestP", "=== PAUSE TestP", "=== RUN   TestBoom", "--- FAIL: TestBoom (0.00s)", "panic: assignment to entry in nil map [recovered]"];
    expect(judge(died, 2)).toMatchObject({ kind: "not-run" });
  });

  it("reads a marker after a bare carriage return, as a progress line leaves it", () => {
    const out = "=== RUN   TestBar\n=== RUN   TestBar/a\nprogress 50%\r=== RUN   TestBar/b\n--- PASS: TestBar (0.00s)\n";
    expect(testsRunBefore(out, "TestBar/b")).toBe(1);
    const ends = endsAfter("TestBar");
    expect(["=== RUN   TestBar", "50%\r--- PASS: TestBar (0.00s)", "=== RUN   TestNext"].map((l) => ends(l))).toEqual([false, false, true]);
  });

  it("counts from the stream, so output past the capture cap loses no predecessor", () => {
    // Twelve chatty tests (100 KiB each) and a chatty test itself: the captured stdout keeps
    // only its first and last 512 KiB, which hold neither most RUN lines nor the test's own.
    const chatter = (n: string) => Array.from({ length: 1000 }, (_, i) => `    ${n}_test.go:9: ${"x".repeat(90)} ${i}`);
    const lines = ["=== RUN   TestSets", "--- PASS: TestSets (0.00s)"];
    for (let k = 1; k <= 12; k++) lines.push(`=== RUN   TestChatty${k}`, ...chatter(`c${k}`), `--- PASS: TestChatty${k} (0.00s)`);
    lines.push("=== RUN   TestLate", ...[1, 2, 3, 4, 5, 6].flatMap(() => chatter("late")), "    late_test.go:12: boom", "--- FAIL: TestLate (0.00s)");
    const full = lines.join("\n") + "\n";
    const captured = full.slice(0, 512 * 1024) + full.slice(-512 * 1024);
    expect(testsRunBefore(captured, "TestLate")).toBeUndefined();
    const j = goDriver().invocation({ ...req, mode: "run-until", attempts: 1, test: goCase("TestLate"), seed: null, freshSeeds: null }).judge!;
    for (const line of lines) j.endsAt!(line);
    expect(j.decide({ exitCode: 1, stdout: captured, stderr: "", results: null })).toMatchObject({ kind: "failed", ranBefore: 13, finished: true });
    // The same test dying inside (os.Exit, or killed by the timeout) after that much output:
    // no result line and no RUN line in the capture, yet it started, after 13 others.
    const died = lines.slice(0, -2);
    const cut = (died.join("\n") + "\n").slice(-512 * 1024);
    const k = goDriver().invocation({ ...req, mode: "run-until", attempts: 1, test: goCase("TestLate"), seed: null, freshSeeds: null }).judge!;
    for (const line of died) k.endsAt!(line);
    expect(k.decide({ exitCode: 3, stdout: cut, stderr: "", results: null })).toEqual({ kind: "failed", message: "the test binary exited with code 3 during TestLate", ranBefore: 13, finished: false });
  });
});

describe("go flags CI evidently ran with", () => {
  it("the race detector's report means -race; go's timeout panic, its -timeout; neither, none", () => {
    expect(goFlagsSeenInCi("==================\nWARNING: DATA RACE\nWrite at 0x00c000 by goroutine 8:")).toEqual(["-race"]);
    expect(goFlagsSeenInCi("    testing.go:1319: race detected during execution of test")).toEqual(["-race"]);
    expect(goFlagsSeenInCi("panic: test timed out after 2m30s\nrunning tests:")).toEqual(["-timeout=2m30s"]);
    expect(goFlagsSeenInCi("--- FAIL: TestX (0.00s)\n    x_test.go:9: a race condition in the cache")).toEqual([]);
  });
  it("are given to every rerun and to the reproduce command", () => {
    const t = goCase("TestRacy", { ciFlags: ["-race"] });
    expect(goDriver().invocation({ ...req, test: t, seed: null, freshSeeds: null }).argv).toEqual(["go", "test", "./stats", "-run", "^TestRacy$", "-count=1", "-race", "-v"]);
    expect(goDriver().reproduceCommand(t, null)).toBe("go test ./stats -run '^TestRacy$' -count=1 -race");
  });
});

describe("judgeGoTest on go test -v text", () => {
  it("a subtest whose parent started and failed before reaching it failed with it; a test that never started was not run", () => {
    const parentFailed = "=== RUN   TestTable\n    table_test.go:9: fixture: connection refused\n--- FAIL: TestTable (0.00s)\nFAIL\nexit status 1\nFAIL\texample.com/m/pkg\t0.003s\n";
    expect(judgeGoTest(1, parentFailed, { name: "TestTable/lookup_a" })).toMatchObject({ kind: "failed" });
    expect(judgeGoTest(1, parentFailed, { name: "TestTable/lookup_a" })).toEqual({ kind: "failed", message: "table_test.go:9: fixture: connection refused" });
    expect(judgeGoTest(1, "FAIL\texample.com/m/pkg\t0.003s\n", { name: "TestTable/lookup_a" })).toMatchObject({ kind: "not-run" });
    // A parent that skipped (its integration switch off) or passed without reaching it did not run it.
    const skipped = "=== RUN   TestIntegration\n    it_test.go:7: RUN_INTEGRATION not set\n--- SKIP: TestIntegration (0.00s)\nPASS\nok  \texample.com/m/pkg\t0.002s\n";
    expect(judgeGoTest(0, skipped, { name: "TestIntegration/fetch" })).toMatchObject({ kind: "not-run" });
    const passed = "=== RUN   TestTable\n--- PASS: TestTable (0.00s)\nPASS\nok  \texample.com/m/pkg\t0.002s\n";
    expect(judgeGoTest(0, passed, { name: "TestTable/renamed" })).toMatchObject({ kind: "not-run" });
  });

  it("a test's own result line decides; a parent's block carries its subtest's message", () => {
    const out = "=== RUN   TestA\n=== RUN   TestA/b\n    a_test.go:9: boom\n--- FAIL: TestA (0.00s)\n    --- FAIL: TestA/b (0.00s)\n=== RUN   TestA2\n--- PASS: TestA2 (0.00s)\nFAIL\n";
    expect(judgeGoTest(1, out, { name: "TestA2" })).toEqual({ kind: "passed" });
    expect(judgeGoTest(1, out, { name: "TestA" })).toEqual({ kind: "failed", message: "a_test.go:9: boom" });
    expect(judgeGoTest(1, out, { name: "TestA/b" })).toEqual({ kind: "failed", message: "a_test.go:9: boom" });
    // In a whole-package run, a test that never started did not run.
    expect(judgeGoTest(2, "-test.shuffle 5\n=== RUN   TestA\npanic: x\n", { name: "TestZ", wholePackage: true })).toMatchObject({ kind: "not-run" });
    // Names are matched literally, not as patterns.
    expect(judgeGoTest(1, "--- FAIL: TestAxB (0.00s)\n", { name: "TestA.B", wholePackage: true })).toMatchObject({ kind: "not-run" });
  });
});
