/**
 * examples/jest triaged end to end with real jest 30 runs: the red CI run is made by jest
 * (`--randomize --seed=15`) with jest-junit's default templates, the dialect is detected from
 * it, and the bundled CLI reruns each failing test alone through the jest driver. Four
 * failures, four different answers; then what jest-junit does with retries, where jest prints
 * its seed, and the driver's argv and judge against jest's own results.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report, Seed, TestCase, TriagedTest } from "../../src/model.js";
import { jestDriver } from "../../src/rerun/drivers/jest.js";
import type { Judgement } from "../../src/rerun/drivers/types.js";
import { extractSeed } from "../../src/seeds/extract.js";

const root = join(import.meta.dirname, "..", "..");
// jest prints the real path of its rootDir in stack frames.
const example = realpathSync(join(root, "examples", "jest"));
const reports = mkdtempSync(join(tmpdir(), "ft-jest-example-"));
const INSTALL = "npm ci --no-audit --no-fund --prefix examples/jest";
let report: Report;

function byName(name: string): TriagedTest {
  const t = report.tests.find((x) => x.name === name);
  if (!t) throw new Error(`${name} not in report: ${report.tests.map((x) => x.id).join(", ")}`);
  return t;
}

beforeAll(() => {
  if (!existsSync(join(example, "node_modules", "jest", "bin", "jest.js")) || !existsSync(join(example, "node_modules", "jest-junit"))) {
    throw new Error(`examples/jest/node_modules is missing: run \`${INSTALL}\` in the repository root`);
  }
  const made = spawnSync(process.execPath, [join(example, "make-reports.mjs"), reports], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`make-reports failed: ${made.stderr}`);
  const out = join(reports, "triage.json");
  // 12 same-seed reruns: P(12 alike) for the ~50% race is 1 in 2,000. About 1 seed in 8 fails the
  // normalise test: 4 fresh seeds all failing has probability 2e-4.
  const run = spawnSync(
    process.execPath,
    [
      join(root, "dist", "cli.js"),
      join(reports, "junit.xml"),
      "--cwd", example,
      "--seed-pattern", String.raw`(?<env>EXAMPLE_SEED)=(?<seed>\d+)`,
      "--reruns", "12",
      "--fresh-seeds", "4",
      "--jobs", "3",
      "--rerun-timeout", "60",
      "--json", out,
      "--quiet",
    ],
    { encoding: "utf8", env: { ...process.env, EXAMPLE_SEED: "" } },
  );
  // Exit 1: at least one deterministic failure (the regression), as expected.
  if (run.status !== 1) throw new Error(`dist/cli.js exited ${run.status}: ${run.stderr}`);
  report = JSON.parse(readFileSync(out, "utf8")) as Report;
}, 300_000);

describe("examples/jest, triaged with real jest reruns (node dist/cli.js)", () => {
  it("reads jest-junit's default report: names, files from the stack frames, failing lines", () => {
    expect(report.summary).toMatchObject({ tests: 6, passed: 2, failed: 4, errored: 0, skipped: 0 });
    const median = byName("median of an even count is the mean of the middle two");
    // Default templates: classname and name are both "describe title test title"; no file
    // attribute, so the file is the first stack frame outside node_modules, absolute as jest
    // printed it, resolved into the project for the id, file/line and the rerun.
    expect(median.classname).toBe(median.name);
    expect(median.id).toBe("tests/stats.test.js > median of an even count is the mean of the middle two");
    expect(median).toMatchObject({ file: "tests/stats.test.js", line: 9 });
    expect(median.reproduce).toBe("npx jest --ci --runTestsByPath tests/stats.test.js -t '^median of an even count is the mean of the middle two$'");
    expect(byName("parallelSum adds every value")).toMatchObject({ file: "tests/stats.test.js", line: 16 });
    expect(byName("mean32 of a thousand tenths is one tenth")).toMatchObject({ file: "tests/stats.test.js", line: 24 });
    expect(byName("normalise of random weights sums to one")).toMatchObject({ file: "tests/normalise.test.js", line: 21 });
  });

  it("a real bug fails every rerun: deterministic regression", () => {
    const t = byName("median of an even count is the mean of the middle two");
    expect(t).toMatchObject({ verdict: "deterministic", cause: "regression", seed: null });
    expect(t.reruns.sameSeed).toMatchObject({ runs: 12, failed: 12 });
  });

  it("the race passes some reruns and fails others: intermittent, no seed printed: a race", () => {
    const t = byName("parallelSum adds every value");
    expect(t).toMatchObject({ verdict: "intermittent", cause: "race-condition", seed: null });
    expect(t.reruns.sameSeed.passed).toBeGreaterThan(0);
    expect(t.reruns.sameSeed.failed).toBeGreaterThan(0);
  });

  it("the seed-dependent edge case fails with its seed only: seed-specific, NaN", () => {
    const t = byName("normalise of random weights sums to one");
    // The seed line came from jest-junit's console output (suite-level <system-out>).
    expect(t.seed).toMatchObject({ value: "15", apply: { kind: "env", env: { EXAMPLE_SEED: "15" } } });
    expect(t.reruns.sameSeed).toMatchObject({ runs: 12, failed: 12 });
    // About 1 seed in 8 fails: at most 2 of 4 fresh seeds failing (99.3% of runs) is
    // seed-specific, an edge case; 3 (0.7%) leave it unknown by the rule, 4 (2e-4) read as every
    // seed. A draw, not a fault: the rule is checked against the tally this run got.
    const fresh = t.reruns.freshSeeds;
    expect(fresh.runs).toBe(4);
    if (fresh.failed * 2 <= fresh.runs) expect(t).toMatchObject({ verdict: "deterministic", seedSensitivity: "seed-specific", cause: "edge-case" });
    else if (fresh.failed === fresh.runs) expect(t).toMatchObject({ verdict: "deterministic", seedSensitivity: "all-seeds", cause: "regression" });
    else expect(t).toMatchObject({ verdict: "deterministic", seedSensitivity: "unknown", cause: "unknown" });
    expect(t.reproduce).toBe("EXAMPLE_SEED=15 npx jest --ci --runTestsByPath tests/normalise.test.js -t '^normalise of random weights sums to one$'");
    expect(t.tolerance).toMatchObject({ format: "jest-to-be-close-to", atol: 5e-7, expected: 1, nonFinite: "nan" });
  });

  it("the float32 near miss: toBeCloseTo read in jest's words, one precision step", () => {
    const t = byName("mean32 of a thousand tenths is one tenth");
    expect(t).toMatchObject({ verdict: "deterministic", cause: "tolerance" });
    expect(t.tolerance).toMatchObject({ format: "jest-to-be-close-to", rtol: 0, atol: 5e-7, expected: 0.1, actual: 0.09999904781579971 });
    // jest printed "Received difference:   9.521842002924163e-7" against "< 5e-7".
    expect(t.tolerance?.ratio).toBeCloseTo(9.521842002924163e-7 / 5e-7, 12);
    expect(t.suggestion).toContain("toBeCloseTo precision 6 -> 5");
  });
});

describe("jest facts the triage relies on, from the same real run", () => {
  it("retryTimes leaves no trace in jest-junit: the retried test is one passing testcase", () => {
    const xml = readFileSync(join(reports, "junit.xml"), "utf8");
    expect(xml.match(/<testcase classname="pool connects" name="pool connects"/g)).toHaveLength(1);
    expect(xml).not.toMatch(/ECONNREFUSED/);
    // jest itself knows it took two invocations; its --json output says so.
    const results = JSON.parse(readFileSync(join(reports, "results.json"), "utf8")) as {
      testResults: Array<{ assertionResults: Array<{ fullName: string; status: string; invocations?: number }> }>;
    };
    const pool = results.testResults.flatMap((f) => f.assertionResults).find((a) => a.fullName === "pool connects");
    expect(pool).toMatchObject({ status: "passed", invocations: 2 });
    expect(report.tests.find((t) => t.name === "pool connects")).toBeUndefined();
  });

  it("test.each with a fixed title: jest-junit writes one testcase per case, all with one id; a failing case is a failure, not a retry", () => {
    // A project of its own, on the example's jest and jest-junit: the second of three cases fails.
    const dir = mkdtempSync(join(tmpdir(), "ft-jest-each-"));
    mkdirSync(join(dir, "tests"));
    symlinkSync(join(example, "node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(join(dir, "package.json"), '{"name":"each","private":true}\n');
    writeFileSync(
      join(dir, "tests", "add.test.js"),
      "const add = (a, b) => (a === 2 ? a + b + 1 : a + b);\n" +
        "describe('add', () => {\n  test.each([[1, 1, 2], [2, 2, 4], [3, 3, 6]])('adds two numbers', (a, b, want) => {\n    expect(add(a, b)).toBe(want);\n  });\n});\n",
    );
    const run = spawnSync(process.execPath, [join(example, "node_modules", "jest", "bin", "jest.js"), "--ci", "--reporters=jest-junit"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, JEST_JUNIT_OUTPUT_DIR: dir, JEST_JUNIT_OUTPUT_NAME: "junit.xml", NO_COLOR: "1" },
    });
    expect(run.status, run.stderr).toBe(1);
    const xml = readFileSync(join(dir, "junit.xml"), "utf8");
    expect(xml.match(/<testcase classname="add adds two numbers" name="add adds two numbers"/g)).toHaveLength(3);
    const out = join(dir, "triage.json");
    const triaged = spawnSync(process.execPath, [join(root, "dist", "cli.js"), join(dir, "junit.xml"), "--cwd", dir, "--reruns", "2", "--fresh-seeds", "0", "--json", out, "--quiet"], { encoding: "utf8" });
    // It read as one test that passed on a retry, and the run exited 0, before repeats in jest-junit reports were tests.
    expect(triaged.status, triaged.stderr).toBe(1);
    const r = JSON.parse(readFileSync(out, "utf8")) as Report;
    expect(r.summary).toMatchObject({ tests: 3, passed: 2, failed: 1, deterministic: 1 });
    expect(r.tests).toHaveLength(1);
    expect(r.tests[0]).toMatchObject({ id: "tests/add.test.js > add adds two numbers", outcome: "failed", verdict: "deterministic" });
    expect(r.tests[0]?.reruns.recorded).toBeUndefined();

    // jest-junit's suiteName renames the root the reader goes by: --runner jest says it instead.
    const named = spawnSync(process.execPath, [join(example, "node_modules", "jest", "bin", "jest.js"), "--ci", "--reporters=jest-junit"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, JEST_JUNIT_OUTPUT_DIR: dir, JEST_JUNIT_OUTPUT_NAME: "named.xml", JEST_SUITE_NAME: "unit", NO_COLOR: "1" },
    });
    expect(named.status, named.stderr).toBe(1);
    expect(readFileSync(join(dir, "named.xml"), "utf8")).toContain('<testsuites name="unit"');
    const namedOut = join(dir, "named.json");
    const read = spawnSync(process.execPath, [join(root, "dist", "cli.js"), join(dir, "named.xml"), "--cwd", dir, "--runner", "jest", "--no-rerun", "--json", namedOut, "--quiet"], { encoding: "utf8" });
    expect(read.status, read.stderr).toBe(0);
    expect((JSON.parse(readFileSync(namedOut, "utf8")) as Report).summary).toMatchObject({ tests: 3, passed: 2, failed: 1 });
  });

  it("a snapshot CI could not find is not written by the reruns: the checkout stays as it was, the failure is deterministic", () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-jest-snap-"));
    mkdirSync(join(dir, "tests"));
    symlinkSync(join(example, "node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(join(dir, "package.json"), '{"name":"snap","private":true}\n');
    writeFileSync(join(dir, "tests", "snap.test.js"), "test('renders new thing', () => {\n  expect({ brand: 'new' }).toMatchSnapshot();\n});\n");
    const env: NodeJS.ProcessEnv = { ...process.env, JEST_JUNIT_OUTPUT_DIR: dir, JEST_JUNIT_OUTPUT_NAME: "junit.xml", NO_COLOR: "1" };
    delete env["CI"];
    const run = spawnSync(process.execPath, [join(example, "node_modules", "jest", "bin", "jest.js"), "--ci", "--reporters=jest-junit"], { cwd: dir, encoding: "utf8", env });
    expect(run.status, run.stderr).toBe(1);
    const out = join(dir, "triage.json");
    // Triaged on a developer's machine (CI unset): the reruns wrote the snapshot and passed, "not reproduced".
    const triaged = spawnSync(process.execPath, [join(root, "dist", "cli.js"), join(dir, "junit.xml"), "--cwd", dir, "--reruns", "2", "--fresh-seeds", "0", "--json", out, "--quiet"], { encoding: "utf8", env });
    expect(triaged.status, triaged.stderr).toBe(1);
    expect((JSON.parse(readFileSync(out, "utf8")) as Report).tests[0]).toMatchObject({ verdict: "deterministic" });
    expect(existsSync(join(dir, "tests", "__snapshots__"))).toBe(false);
  }, 120_000);

  it("jest prints its seed once, in the run's summary; the jest-seed recogniser reads it there", () => {
    const log = readFileSync(join(reports, "jest.log"), "utf8");
    expect(log).toMatch(/^Seed: {8}15$/m);
    const seed = extractSeed(asTest({ output: log }), []);
    expect(seed).toMatchObject({ value: "15", recogniser: "jest-seed", apply: { kind: "args", args: ["--randomize", "--seed=15"] } });
    // ... and nowhere in the JUnit report, which is why the example prints its own seed line.
    expect(readFileSync(join(reports, "junit.xml"), "utf8")).not.toMatch(/Seed: +15/);
  });
});

/** A failing jest test as the join would give it to the driver. */
function asTest(over: Partial<TestCase>): TestCase {
  const name = "normalise of random weights sums to one";
  return { id: `tests/normalise.test.js > ${name}`, classname: name, name, file: "tests/normalise.test.js", outcome: "failed", sources: [{ file: "junit.xml" }], index: 0, runner: "jest", ...over };
}

/** One attempt of the jest driver, spawned for real in the example (EXAMPLE_SEED unset). */
async function attempt(test: TestCase, seed: Seed | null, fresh: string[] | null): Promise<{ argv: string[]; judged: Judgement }> {
  const workDir = mkdtempSync(join(reports, "attempt-"));
  const inv = jestDriver().invocation({ test, seed, mode: "repeat", attempts: 1, freshSeeds: fresh, resultsFile: join(workDir, "r.jsonl"), workDir, stopWhenMixed: false, freshPasses: false });
  const env: NodeJS.ProcessEnv = { ...process.env, ...inv.env, NO_COLOR: "1" };
  delete env["EXAMPLE_SEED"];
  const [cmd, ...args] = inv.argv;
  const done = await promisify(execFile)(cmd!, args, { cwd: example, env, encoding: "utf8" }).then(
    (r) => ({ exitCode: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ exitCode: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" }),
  );
  const file = inv.judge?.resultFile;
  const results = file !== undefined && existsSync(file) ? readFileSync(file, "utf8") : null;
  return { argv: inv.argv, judged: inv.judge!.decide({ ...done, results }) };
}

describe("the jest driver against real jest runs", () => {
  it("gives jest's own seed back with --randomize --seed=N; judges from jest's --json results", async () => {
    const seed = extractSeed(asTest({ output: readFileSync(join(reports, "jest.log"), "utf8") }), []);
    const test = asTest({});
    const [recorded, fresh, missing, unmatched] = await Promise.all([
      attempt(test, seed, null),
      // Seed 16 draws a nonzero weight (the failing seeds below 60 are 15 19 21 27 29 51 52).
      attempt(test, seed, ["16"]),
      attempt(asTest({ file: "tests/no-such.test.js" }), null, null),
      attempt(asTest({ name: "normalise of no weights", classname: "normalise of no weights" }), null, null),
    ]);
    expect(recorded.argv.slice(0, 10)).toEqual([
      "npx", "--no-install", "jest", "--ci", "--runTestsByPath", "tests/normalise.test.js", "-t", "^normalise of random weights sums to one$", "--randomize", "--seed=15",
    ]);
    // With EXAMPLE_SEED unset the test takes jest.getSeed(): 15 fails, 16 passes.
    expect(recorded.judged).toMatchObject({ kind: "failed", message: "Error: expect(received).toBeCloseTo(expected, precision)" });
    expect(fresh.argv).toContain("--seed=16");
    expect(fresh.judged).toEqual({ kind: "passed" });
    // jest reports a missing file as a suite that failed to run: a wrong path, not a failure.
    expect(missing.judged).toMatchObject({ kind: "not-run", why: expect.stringContaining("could not find the test file") });
    // jest exits 0 when -t matches nothing (every test skipped).
    expect(unmatched.judged).toMatchObject({ kind: "not-run" });
  }, 120_000);
});
