/**
 * verify against real pytest: a fixture test that fails with probability exactly 0.1 over
 * random seeds (test/fixtures/verify/test_known_rate.py), seeded through MXNET_TEST_SEED.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeReports } from "../../src/verify/merge.js";
import type { VerifyReport } from "../../src/verify/model.js";
import { failureSentence, renderVerifyMarkdown, renderVerifyText, verifyFailed } from "../../src/verify/report.js";
import { listStream, type SeedStream, type Shard } from "../../src/verify/seeds.js";
import { testCaseFor } from "../../src/verify/settings.js";
import { verify, type VerifyOptions } from "../../src/verify/verify.js";
import { FALLBACK_MECHANISM, type SeedMechanism } from "../../src/verify/probe.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, "..", "fixtures", "verify");
const schema = JSON.parse(readFileSync(path.join(here, "..", "..", "schema", "verify.schema.json"), "utf8"));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

const KNOWN = "test_known_rate.py::test_known_rate";
/** Given as a flag, the seed needs no probe run: one process less per run. */
const BY_ENV: SeedMechanism = { source: "flag", detail: "--seed-env", kind: "env", names: ["MXNET_TEST_SEED"] };
const PASSES = "test_known_rate.py::test_always_passes";
const RATE = 0.1;
const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
const hasPytest = spawnSync(python, ["-c", "import pytest"]).status === 0;

let project: string;
let runDir: string;
const dirs: string[] = [];
const scratch = (p: string) => {
  const d = mkdtempSync(path.join(tmpdir(), p));
  dirs.push(d);
  return d;
};

beforeAll(() => {
  project = scratch("ft-verify-project-");
  cpSync(fixture, project, { recursive: true });
  runDir = scratch("ft-verify-run-");
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(
  id: string | string[],
  over: Partial<VerifyOptions> & { trials?: number; baseSeed?: string; mechanism?: SeedMechanism; rerunCommand?: string[] } = {},
) {
  const stream: SeedStream = over.stream ?? { kind: "random", baseSeed: over.baseSeed ?? "42", total: over.trials ?? 200 };
  return verify({
    targets: [id].flat().map((one, i) => ({ test: testCaseFor(one, "test", i), mechanism: over.mechanism ?? null })),
    cwd: project,
    stream,
    shard: over.shard ?? null,
    jobs: over.jobs ?? 2,
    timeoutSec: 20,
    rerunCommand: over.rerunCommand ?? null,
    seedPatterns: [],
    stopOnFailure: over.stopOnFailure ?? false,
    runDir,
    env: process.env,
    startupAllowanceSec: 30,
    killGraceMs: 500,
  });
}

/** P(X = k) for X ~ Binomial(n, p), in logs to stay finite for n in the thousands. */
function binomialPmf(k: number, n: number, p: number): number {
  let logC = 0;
  for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
  return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** The central interval holding at least `conf` of Binomial(n, p), by exact sums. */
function binomialRange(n: number, p: number, conf: number): [number, number] {
  const tail = (1 - conf) / 2;
  let lo = 0;
  for (let acc = binomialPmf(0, n, p); acc < tail; acc += binomialPmf(++lo, n, p));
  let hi = n;
  for (let acc = binomialPmf(n, n, p); acc < tail; acc += binomialPmf(--hi, n, p));
  return [lo, hi];
}

/** Which seeds make the fixture fail, computed by Python itself, outside our machinery. */
function failsInPython(seeds: string[]): boolean[] {
  const out = execFileSync(python, ["-c", "import random,sys\nfor s in sys.argv[1:]: print(random.Random(int(s)).random() < 0.1)", ...seeds], {
    encoding: "utf8",
  });
  return out.trim().split("\n").map((l) => l === "True");
}

const totals = (r: VerifyReport) =>
  r.tests.map(({ trials, passed, failed, timedOut, crashed, skipped, failureRate, upperBound95, failingSeeds }) => ({
    trials, passed, failed, timedOut, crashed, skipped, failureRate, upperBound95, failingSeeds,
  }));

describe.skipIf(!hasPytest)("verify with real pytest", () => {
  let big: VerifyReport;
  const TRIALS = 400;

  beforeAll(async () => {
    big = await run(KNOWN, { trials: TRIALS, baseSeed: "known-rate" });
  });

  it("learns the seed variable from a probe run and counts failures within the binomial range of the known rate", () => {
    const t = big.tests[0]!;
    expect(validate(JSON.parse(JSON.stringify(big))), JSON.stringify(validate.errors)).toBe(true);
    expect(t.seedApply).toEqual({ kind: "env", target: ["MXNET_TEST_SEED"], source: "probe", detail: "mxnet-test-seed" });
    expect(t.trials).toBe(TRIALS);
    expect(t.passed + t.failed).toBe(TRIALS);
    const [lo, hi] = binomialRange(TRIALS, RATE, 0.999);
    expect(t.failed).toBeGreaterThanOrEqual(lo);
    expect(t.failed).toBeLessThanOrEqual(hi);
    expect(t.failureRate).toBeCloseTo(t.failed / TRIALS, 12);
    expect(t.upperBound95!).toBeGreaterThan(t.failureRate!);
    expect(t.failingSeeds).toHaveLength(t.failed);
    expect(verifyFailed(big)).toBe(true);
  });

  it("reports failing seeds that really fail: by Python's own arithmetic, by replay, and by the reproduce command", async () => {
    const t = big.tests[0]!;
    expect(failsInPython(t.failingSeeds).every(Boolean)).toBe(true);
    // Replaying exactly those seeds fails every trial.
    const listFile = path.join(scratch("ft-verify-list-"), "seeds.txt");
    writeFileSync(listFile, `# failing seeds\n${t.failingSeeds.join("\n")}\n`);
    const replay = await run(KNOWN, { mechanism: BY_ENV, jobs: 1, stream: listStream(listFile, readFileSync(listFile, "utf8")) });
    expect(replay.tests[0]).toMatchObject({ trials: t.failed, failed: t.failed, passed: 0, failingSeeds: t.failingSeeds });
    expect(replay.seeds).toMatchObject({ kind: "list", total: t.failed });
    // The printed command, pasted into sh, fails with the first failing seed.
    expect(t.reproduce).toContain(`MXNET_TEST_SEED=${t.failingSeeds[0]}`);
    const r = spawnSync("sh", ["-c", t.reproduce!], { cwd: project, encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`with seed ${t.failingSeeds[0]}`);
  });

  it("shards 1/2 and 2/2 merge to exactly the totals and seeds of one unsharded run", async () => {
    const common = { trials: 120, baseSeed: "shards", mechanism: BY_ENV, jobs: 1 };
    const shard = (index: number): Shard => ({ index, count: 2 });
    const [whole, one, two] = await Promise.all([
      run(KNOWN, { ...common, jobs: 2 }),
      run(KNOWN, { ...common, shard: shard(1) }),
      run(KNOWN, { ...common, shard: shard(2) }),
    ]);
    expect(one.shard).toEqual({ index: 1, count: 2 });
    expect(one.tests[0]!.trials + two.tests[0]!.trials).toBe(120);
    const merged = mergeReports([{ path: "two.json", report: two }, { path: "one.json", report: one }]);
    expect(totals(merged)).toEqual(totals(whole));
    expect(merged.merged).toEqual({ shards: [1, 2], count: 2, missing: [] });
    expect(validate(JSON.parse(JSON.stringify(merged))), JSON.stringify(validate.errors)).toBe(true);
  });

  it("--stop-on-failure ends at the first failing trial", async () => {
    const r = await run(KNOWN, { trials: 300, baseSeed: "stop", jobs: 1, stopOnFailure: true, mechanism: BY_ENV });
    const t = r.tests[0]!;
    expect(t.failed).toBe(1);
    expect(t.trials).toBeLessThan(300);
    expect(t.stoppedEarly).toBe(true);
    expect(t.note).toMatch(/--stop-on-failure/);
  });

  it("runs a part's 1,700 trials in one pytest process (their seeds, over 16 KiB, given in a file)", async () => {
    // Each trial notes the process that forked it: the pytest process serving the chunk.
    writeFileSync(
      path.join(project, "test_parent_log.py"),
      'import os\n\n\ndef test_logs_parent():\n    with open(os.environ["FT_PARENT_LOG"], "a") as f:\n        f.write("%d\\n" % os.getppid())\n    assert int(os.environ["MXNET_TEST_SEED"]) % 7 != 0\n',
    );
    const log = path.join(scratch("ft-verify-parent-"), "log");
    writeFileSync(log, "");
    const r = await verify({
      targets: [{ test: testCaseFor("test_parent_log.py::test_logs_parent", "test", 0), mechanism: BY_ENV }],
      cwd: project,
      stream: { kind: "random", baseSeed: "7", total: 1_700 },
      shard: null,
      jobs: 1,
      timeoutSec: 20,
      rerunCommand: null,
      seedPatterns: [],
      stopOnFailure: false,
      runDir,
      env: { ...process.env, FT_PARENT_LOG: log },
      startupAllowanceSec: 30,
      killGraceMs: 500,
    });
    expect(r.tests[0]!.trials).toBe(1_700);
    const parents = readFileSync(log, "utf8").split("\n").filter((l) => l !== "");
    // (An attempt the plugin runs again in a new child, as the first after an import, notes twice.)
    expect(parents.length).toBeGreaterThanOrEqual(1_700);
    expect(new Set(parents).size).toBe(1);
    // About one seed in 7 fails (each trial's own seed reached the test).
    expect(r.tests[0]!.failed).toBeGreaterThan(150);
    expect(r.tests[0]!.failed).toBeLessThan(350);
  }, 120_000);

  it("a passing test: 0 failures and the exact bound, with the rule of three in the text", async () => {
    const r = await run(PASSES, { trials: 100, jobs: 1, mechanism: BY_ENV });
    const t = r.tests[0]!;
    expect(t).toMatchObject({ trials: 100, passed: 100, failed: 0, failureRate: 0, failingSeeds: [], reproduce: null });
    expect(t.upperBound95).toBeCloseTo(1 - Math.pow(0.05, 1 / 100), 12);
    expect(Math.abs(t.upperBound95! - 3 / 100)).toBeLessThan(0.001);
    const text = renderVerifyText(r);
    expect(text).toContain("0 of 100 trials failed: with 95% confidence the failure rate is below 2.95% (rule of three: 3/100 = 3%)");
    expect(renderVerifyMarkdown(r)).toContain("rule of three");
    expect(verifyFailed(r)).toBe(false);
  });

  it("a test that prints its seed only when it fails: the reproduce command gives back the seed the failing trial printed", async () => {
    // What verify falls back to when its probe run passes silently (as this test does 70% of the
    // time; given here, so the case does not hang on the probe's luck): trials seed the global
    // generators, and the test draws its seed from them and prints it only on failure.
    const r = await run("test_seed_on_failure.py::test_seed_printed_on_failure", { trials: 30, jobs: 1, baseSeed: "on-failure", mechanism: FALLBACK_MECHANISM });
    const t = r.tests[0]!;
    expect(t.seedApply?.kind).toBe("global-rng");
    expect(t.failed).toBeGreaterThan(0);
    expect(t.note).toMatch(/a failing trial printed the seed it ran with \(mxnet-test-seed: \d+\): the reproduce command gives that back/);
    const printed = /mxnet-test-seed: (\d+)/.exec(t.note!)![1]!;
    expect(t.reproduce).toContain(`MXNET_TEST_SEED=${printed}`);
    // Pasted into sh, it fails with that seed, every time.
    for (let i = 0; i < 2; i++) {
      const sh = spawnSync("sh", ["-c", t.reproduce!], { cwd: project, encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
      expect(sh.status).toBe(1);
      expect(sh.stdout).toContain(`use MXNET_TEST_SEED=${printed} to reproduce`);
    }
  });

  it("a test id pytest cannot find: no trials and a note, and the run counts as failed", async () => {
    const r = await run("test_known_rate.py::test_nope", { trials: 10 });
    expect(r.tests[0]).toMatchObject({ trials: 0, failureRate: null, upperBound95: null });
    expect(r.tests[0]!.note).toMatch(/^probe run: .*not found/);
    expect(verifyFailed(r)).toBe(true);
    expect(failureSentence(r)).toBe("1 test(s) had no trial that counts (every trial skipped itself, or the test could not run)");
  });

  it("a template with no seed to give: no trials, and the note says how to give one", async () => {
    // The probe run shows no seed line, and a template cannot seed the interpreter's generators
    // from outside.
    writeFileSync(path.join(project, "test_no_seed.py"), "import random\n\ndef test_plain():\n    assert random.random() < 2\n");
    const r = await run("test_no_seed.py::test_plain", { trials: 5, rerunCommand: [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "{id}"] });
    expect(r.tests[0]).toMatchObject({ trials: 0, failureRate: null });
    expect(r.tests[0]!.note).toBe(
      "the template driver cannot give this test a seed by global-rng: put {seed} in --rerun-command, or give --seed-env NAME or --seed-arg TEMPLATE",
    );
  });

  it("the failure sentence names tests that failed trials apart from tests with none that counts", async () => {
    const r = await run([KNOWN, "test_known_rate.py::test_nope", PASSES], { trials: 40, baseSeed: "sentence", jobs: 1, mechanism: BY_ENV });
    const failed = r.tests[0]!.failed;
    expect(failed).toBeGreaterThan(0);
    expect(failureSentence(r)).toBe(
      `1 test(s) failed ${failed} trial(s); 1 test(s) had no trial that counts (every trial skipped itself, or the test could not run)`,
    );
    expect(failureSentence({ ...r, tests: [r.tests[2]!] })).toBeNull();
  });
});

describe("testCaseFor: an id from the command line, split as its runner's ids are made", () => {
  it("go: import path and test (with subtests); vitest and jest: file and titles; pytest: file and function", () => {
    expect(testCaseFor("example.com/demo/stats/TestMedian/even_count", "cli", 0, "go")).toMatchObject({ classname: "example.com/demo/stats", name: "TestMedian/even_count", runner: "go" });
    expect(testCaseFor("tests/stats.test.js > median > of an even count", "cli", 0, "vitest")).toMatchObject({ classname: "tests/stats.test.js", name: "median > of an even count", file: "tests/stats.test.js", runner: "vitest" });
    expect(testCaseFor("tests/stats.test.js > median > of an even count", "cli", 0, "jest")).toMatchObject({ classname: "", name: "median of an even count", file: "tests/stats.test.js", runner: "jest" });
    expect(testCaseFor("tests/test_x.py::test_y[a]", "cli", 0)).toMatchObject({ classname: "tests.test_x", name: "test_y[a]", file: "tests/test_x.py" });
    // go's rule for test names: `FuzzyStatic` is a path segment, not a fuzz test.
    expect(testCaseFor("github.com/FuzzyStatic/demo/TestAdd", "cli", 0, "go")).toMatchObject({ classname: "github.com/FuzzyStatic/demo", name: "TestAdd" });
    // Not a go id (no Test segment after the package): left as given.
    expect(testCaseFor("TestAlone", "cli", 0, "go")).toMatchObject({ name: "TestAlone" });
  });
});

describe.skipIf(!hasPytest)("a hypothesis test", () => {
  it("each trial's seed drives hypothesis's search, without the example database earlier trials filled: a rate of its own, and its failing seeds replay", async () => {
    const r = await run("test_hypothesis_rate.py::test_rare", { trials: 60, baseSeed: "h1", jobs: 1 });
    const t = r.tests[0]!;
    expect(t.trials).toBe(60);
    // The shared database replayed the first failure in every later trial of a process: 96% for
    // a test that fails about one search in five (the review's measurement).
    expect(t.failed).toBeGreaterThan(0);
    expect(t.failed).toBeLessThan(30);
    // The seeds reached hypothesis: its failing seeds fail again when replayed.
    const listFile = path.join(scratch("ft-verify-hyp-"), "seeds.txt");
    writeFileSync(listFile, `${t.failingSeeds.join("\n")}\n`);
    const replay = await run("test_hypothesis_rate.py::test_rare", { jobs: 1, stream: listStream(listFile, readFileSync(listFile, "utf8")) });
    expect(replay.tests[0]).toMatchObject({ trials: t.failingSeeds.length, failed: t.failingSeeds.length });
  }, 120_000);
});
