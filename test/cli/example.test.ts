/**
 * README's first command, for real: pytest makes a red CI run of examples/pytest, the committed
 * bundle triages it with real reruns, and every test gets the verdict, cause, seed and fix that
 * examples/pytest/README.md promises.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report, TriagedTest } from "../../src/model.js";
import { shellQuote } from "../../src/render/shell-quote.js";

const root = join(import.meta.dirname, "..", "..");
// A private copy: other test files read examples/pytest/reports at the same time.
const project = join(mkdtempSync(join(tmpdir(), "ft-example-")), "pytest");
const reports = join(project, "reports");
const SEED = "1121373103";
const RACE = "tests/test_cache.py::test_cache_is_warm_after_start";
/**
 * The race fails about half of the time, and the example repeats its "CI run" up to 12 times
 * until it does. Under the whole suite's load it has been seen to pass all 12 (cause not yet
 * understood; alone it fails about half of the time, also under CPU load): the counts below
 * then have one failure less and the race's own assertions say they did not run.
 */
let raceFailed = false;

let report: Report;
let markdown: string;
let stdout: string;
let stderr: string;
let status: number | null;

function byId(id: string): TriagedTest {
  const t = report.tests.find((x) => x.id === id);
  if (!t) throw new Error(`${id} not in report: ${report.tests.map((x) => x.id).join(", ")}`);
  return t;
}

/**
 * Same-seed reruns, the CLI's default. The race fails half its attempts: with 6 it failed all of
 * them in about 1 run of 64 (a CI run saw it) and read as deterministic; with 10, 1 in 1,024.
 */
const RERUNS = 10;

beforeAll(() => {
  cpSync(join(root, "examples", "pytest"), project, { recursive: true, filter: (src) => !/__pycache__|reports$/.test(src) });
  const example = spawnSync(process.execPath, [join(root, "scripts", "example.mjs"), "--project", project, "--quiet", "--reruns", String(RERUNS), "--fresh-seeds", "10"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  status = example.status;
  stdout = example.stdout;
  stderr = example.stderr;
  if (!existsSync(join(reports, "triage.json"))) throw new Error(`no report: ${example.stderr}`);
  report = JSON.parse(readFileSync(join(reports, "triage.json"), "utf8")) as Report;
  markdown = readFileSync(join(reports, "triage.md"), "utf8");
  raceFailed = report.tests.some((t) => t.id === RACE);
  if (!raceFailed) console.warn(`example: ${RACE} did not fail in any of the CI runs; its assertions are skipped`);
}, 300_000);

describe("npm run example", () => {
  it("exits 0 (the example expects deterministic failures) and prints the table", () => {
    expect(status).toBe(0);
    expect(stdout, stderr).toMatch(raceFailed ? /7 failing tests of 9/ : /6 failing tests of 9/);
  });

  it("counts the run from the JUnit report and validates against the published schema", () => {
    const failed = raceFailed ? 7 : 6;
    expect(report.summary).toMatchObject({ tests: 9, passed: 9 - failed, failed, errored: 0, skipped: 0 });
    expect(report.summary.deterministic).toBe(6);
    expect(report.summary.intermittent).toBe(failed - 6);
    const schema = JSON.parse(readFileSync(join(root, "schema", "report.schema.json"), "utf8"));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it("every failing test has the CI run's seed, read from the console log, and a reproduce command", () => {
    for (const t of report.tests) {
      expect(t.seed?.value, t.id).toBe(SEED);
      expect(t.seed?.apply).toEqual({ kind: "env", env: { MXNET_TEST_SEED: SEED } });
      // An order-dependent test passes alone: its command runs its whole file, predecessors first.
      const target = t.cause === "order-dependence" ? t.id.split("::")[0]! : t.id;
      expect(t.reproduce).toBe(`MXNET_TEST_SEED=${SEED} python3 -m pytest ${shellQuote(target)}`);
    }
  });

  it("tolerance: deterministic with its seed, passes with most fresh seeds, raise rtol one rung", () => {
    const t = byId("tests/test_reduce.py::test_sum_matches_float64[float32]");
    expect([t.verdict, t.seedSensitivity, t.cause]).toEqual(["deterministic", "seed-specific", "tolerance"]);
    expect(t.tolerance).toMatchObject({ format: "mxnet-assert-almost-equal", rtol: 1e-6, atol: 1e-5, dtype: "float32" });
    expect(t.tolerance!.ratio!).toBeGreaterThan(1);
    expect(t.tolerance!.ratio!).toBeLessThan(2);
    expect(t.tolerance!.suggestion).toMatchObject({ parameter: "rtol", from: 1e-6, to: 5e-6, rungsNeeded: 1 });
    expect(t.suggestion).toContain("raise rtol 1e-6 -> 5e-6 in tests/test_reduce.py:12");
    expect(t.file).toBe("tests/test_reduce.py");
    expect(t.line).toBe(12);
    expect(t.confidence.upperBound95).toBeCloseTo(1 - Math.pow(0.05, 1 / RERUNS), 6);
  });

  it("edge case: NaN from overflow with its seed only", () => {
    const t = byId("tests/test_softmax.py::test_softmax_matches_reference");
    expect([t.verdict, t.seedSensitivity, t.cause]).toEqual(["deterministic", "seed-specific", "edge-case"]);
    expect(t.suggestion).toMatch(/NaN/);
  });

  it("regression: fails with every fresh seed", () => {
    const t = byId("tests/test_reduce.py::test_running_total");
    expect([t.verdict, t.seedSensitivity, t.cause]).toEqual(["deterministic", "all-seeds", "regression"]);
    expect(t.reruns.freshSeeds.failed).toBe(t.reruns.freshSeeds.runs);
    expect(new Set(t.reruns.freshSeeds.seeds).size).toBe(10);
  });

  it("race: intermittent under the same seed, stopped early once both outcomes were seen", () => {
    if (!raceFailed) return;
    const t = byId(RACE);
    expect([t.verdict, t.cause]).toEqual(["intermittent", "race-condition"]);
    expect(t.reruns.sameSeed.passed).toBeGreaterThan(0);
    expect(t.reruns.sameSeed.failed).toBeGreaterThan(0);
  });

  it("order dependence: passes alone, fails after its predecessor", () => {
    const t = byId("tests/test_registry.py::test_default_dtype_is_float32");
    expect(t.cause).toBe("order-dependence");
    expect(t.verdict).toBe("deterministic");
    expect(t.reruns.sameSeed.passed).toBe(t.reruns.sameSeed.runs);
    expect(t.reruns.order).toMatchObject({ predecessors: 1, passed: 0 });
    expect(t.reruns.order!.failed).toBeGreaterThan(0);
  });

  it("timeout: stopped after three timeouts in a row (CI's run and two reruns) instead of waiting out every attempt", () => {
    const t = byId("tests/test_io.py::test_download_finishes");
    expect([t.verdict, t.cause]).toEqual(["deterministic", "timeout"]);
    // pytest-timeout fails them itself: failures that cost the whole timeout, counted as timeouts.
    expect(t.reruns.sameSeed).toMatchObject({ runs: 2, passed: 0, stoppedEarly: true });
  });

  it("crash: a worker killed by SIGSEGV", () => {
    const t = byId("tests/test_native.py::test_native_worker");
    expect([t.verdict, t.cause]).toEqual(["deterministic", "crash"]);
  });

  it("--no-rerun: every failing test is not-rerun and nothing is deterministic, so exit 0", () => {
    const r = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "reports/junit.xml", "reports/pytest.log", "--no-rerun", "--quiet"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 deterministic, 0 intermittent, 0 not reproduced, [67] not rerun/);
  });

  it("writes a Markdown report naming every failing test", () => {
    // Table cells carry the id in a code span; the details' summary carries it HTML-escaped.
    for (const t of report.tests) expect(markdown).toContain("`" + t.id + "`");
  });
});
