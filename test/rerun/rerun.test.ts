/**
 * The rerun engine against real pytest (python3 with pytest and numpy must be installed).
 * Fixture tests append their PID to a file, so we can count the processes N attempts took.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report, Seed } from "../../src/model.js";
import { planRerun, type RerunProgress } from "../../src/rerun/plan.js";
import { rerunTest, type RerunContext } from "../../src/rerun/rerun.js";
import { ciThenTriage, ciWithConsole, removeTempDirs, copyFixture, pytestCase, pytestProject, readLines, survivors, tempDir, triageBoth } from "./helpers.js";

const SEED = "1121373020";
const mxnetSeed = (value = SEED): Seed => ({
  value,
  recogniser: "mxnet-test-seed",
  source: { file: "ci.log", line: 3 },
  apply: { kind: "env", env: { MXNET_TEST_SEED: value } },
});

let project: string;
let runDir: string;

beforeAll(() => {
  project = copyFixture("basic");
  runDir = tempDir("ft-run-");
});

function context(extra: Partial<RerunContext> = {}): RerunContext & { pids: string; log: string } {
  const scratch = tempDir("ft-scratch-");
  const pids = path.join(scratch, "pids");
  const log = path.join(scratch, "fixture-log");
  return {
    runDir,
    env: { ...process.env, FT_FIXTURE_PIDS: pids, FT_FIXTURE_LOG: log, GITHUB_TOKEN: "ghs_secret" },
    startupAllowanceSec: 30,
    killGraceMs: 500,
    pids,
    log,
    ...extra,
  };
}

function request(id: string, seed: Seed | null, over: { reruns?: number; freshSeeds?: number; timeoutSec?: number; rerunCommand?: string[]; message?: string } = {}) {
  return planRerun({
    test: pytestCase(id, over.message !== undefined ? { message: over.message } : {}),
    seed,
    reruns: over.reruns ?? 4,
    freshSeeds: over.freshSeeds ?? 0,
    timeoutSec: over.timeoutSec ?? 20,
    cwd: project,
    rerunCommand: over.rerunCommand ?? null,
  });
}

const distinct = (xs: string[]): number => new Set(xs).size;

afterAll(removeTempDirs);

describe("rerunTest with pytest", () => {
  it("reruns a deterministic failure in one process and records fresh seeds", async () => {
    const ctx = context();
    const progress: RerunProgress[] = [];
    const out = await rerunTest(request("test_cases.py::test_deterministic", mxnetSeed(), { reruns: 5, freshSeeds: 3 }), {
      ...ctx,
      onProgress: (p) => progress.push(p),
    });
    expect(out.reruns.sameSeed).toEqual({ runs: 5, passed: 0, failed: 5, timedOut: 0, crashed: 0, stoppedEarly: false });
    expect(out.seedReapplied).toBe(true);
    // Same seed: the recorded value reached the test.
    for (const t of out.trialsByPhase["same-seed"]) {
      expect(t).toMatchObject({ kind: "failed", seed: SEED });
      expect(t.kind === "failed" && t.message).toContain(`seed ${SEED}`);
    }
    const fresh = out.reruns.freshSeeds;
    expect(fresh).toMatchObject({ runs: 3, failed: 3, stoppedEarly: false });
    expect(fresh.seeds).toHaveLength(3);
    expect(distinct(fresh.seeds)).toBe(3);
    expect(fresh.seeds).not.toContain(SEED);
    // Fresh seeds reached the test, one per attempt, in the same process.
    out.trialsByPhase["fresh-seeds"].forEach((t, i) => {
      expect(t.kind === "failed" && t.message).toContain(`seed ${fresh.seeds[i]}`);
    });
    const pids = readLines(ctx.pids);
    expect(pids).toHaveLength(8);
    expect(distinct(pids.slice(0, 5))).toBe(1);
    expect(distinct(pids.slice(5))).toBe(1);
    expect(out.processes).toBe(2);
    expect(out.reruns.order).toBeUndefined();
    expect(out.reproduce).toBe(`MXNET_TEST_SEED=${SEED} python3 -m pytest test_cases.py::test_deterministic`);
    expect(progress.filter((p) => p.phase === "same-seed").map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.at(-1)).toEqual({ id: "test_cases.py::test_deterministic", phase: "fresh-seeds", done: 3, total: 3 });
  });

  it("tells a seed-specific failure: fails with its seed, passes with fresh ones", async () => {
    const out = await rerunTest(request("test_cases.py::test_seed_specific", mxnetSeed(), { reruns: 3, freshSeeds: 3 }), context());
    expect(out.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    expect(out.reruns.freshSeeds).toMatchObject({ runs: 3, passed: 3 });
  });

  it("re-seeds python's and numpy's global generators for a global-rng seed", async () => {
    const seed: Seed = { value: "42", recogniser: "np-random-seed", source: { file: "ci.log" }, apply: { kind: "global-rng", value: "42" } };
    const out = await rerunTest(request("test_cases.py::test_global_rng", seed, { reruns: 3, freshSeeds: 3 }), context());
    expect(out.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    expect(out.reruns.freshSeeds).toMatchObject({ runs: 3, passed: 3 });
    // Only the command: a note after `#` would reach pytest as arguments in zsh; the reports show how the seed applies.
    expect(out.reproduce).toBe("python3 -m pytest test_cases.py::test_global_rng");
  });

  it("stops an intermittent test as soon as it has both passed and failed", async () => {
    const ctx = context();
    const out = await rerunTest(request("test_cases.py::test_intermittent", null, { reruns: 40 }), ctx);
    const s = out.reruns.sameSeed;
    expect(s.passed).toBeGreaterThan(0);
    expect(s.failed).toBeGreaterThan(0);
    expect(s.stoppedEarly).toBe(true);
    expect(s.runs).toBeLessThan(40);
    // One pytest process, in forked children: one per pass (a pass ends its child) and one for
    // the failures in a row after it, so no more children than attempts.
    const children = distinct(readLines(ctx.pids));
    expect(children).toBeGreaterThanOrEqual(1);
    expect(children).toBeLessThanOrEqual(s.runs);
    expect(children).toBeGreaterThanOrEqual(s.passed);
    expect(out.seedReapplied).toBe(false);
  });

  it("ends a child at each passing attempt: the next one starts from the state after collection", async () => {
    const ctx = context();
    const out = await rerunTest(request("test_fixture.py::test_fresh_fixture", null, { reruns: 4 }), ctx);
    expect(out.reruns.sameSeed).toMatchObject({ runs: 4, passed: 4 });
    // Each attempt is the first of its child: the fixture built once there ("1"), never twice.
    expect(readLines(ctx.log)).toEqual(["1", "1", "1", "1"]);
    expect(distinct(readLines(ctx.pids))).toBe(4);
  });

  it("times out a hanging test, kills its process and stops after three timeouts", async () => {
    const ctx = context();
    const started = Date.now();
    const out = await rerunTest(request("test_cases.py::test_hang", null, { reruns: 6, timeoutSec: 1 }), ctx);
    expect(out.reruns.sameSeed).toEqual({ runs: 3, passed: 0, failed: 0, timedOut: 3, crashed: 0, stoppedEarly: true });
    expect(out.processes).toBe(3);
    for (const t of out.trials) expect(t.durationSec).toBeGreaterThanOrEqual(0.9);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(await survivors(runDir)).toEqual([]);
  });

  it("counts a recorded timeout as the first of three in a row, and a hanging fresh seed settles its phase", async () => {
    const out = await rerunTest(request("test_cases.py::test_hang", mxnetSeed(), { reruns: 6, freshSeeds: 4, timeoutSec: 1, message: "Failed: Timeout >1.0s" }), context());
    expect(out.reruns.sameSeed).toEqual({ runs: 2, passed: 0, failed: 0, timedOut: 2, crashed: 0, stoppedEarly: true });
    expect(out.reruns.freshSeeds).toMatchObject({ runs: 1, timedOut: 1, stoppedEarly: true });
    expect(await survivors(runDir)).toEqual([]);
  });

  it("names the fresh seeds that failed: those the test fails with, and no other", async () => {
    const out = await rerunTest(request("test_cases.py::test_even_seeds_fail", mxnetSeed("1121373020"), { reruns: 2, freshSeeds: 12 }), context());
    const fresh = out.reruns.freshSeeds;
    expect(fresh.runs).toBe(12);
    expect(fresh.failingSeeds).toEqual(fresh.seeds.filter((s) => BigInt(s) % 2n === 0n));
    expect(fresh.failingSeeds).toHaveLength(fresh.failed);
  });

  it("records a segfault as a crash and carries on in a new process", async () => {
    const ctx = context();
    const out = await rerunTest(request("test_cases.py::test_segfault", null, { reruns: 3 }), ctx);
    expect(out.reruns.sameSeed).toMatchObject({ runs: 3, crashed: 3, stoppedEarly: false });
    expect(out.trials[0]).toMatchObject({ kind: "crashed", signal: "SIGSEGV" });
    expect(distinct(readLines(ctx.pids))).toBe(3);
  });

  it("a numpy assertion's message is its first line of substance, not the bare 'AssertionError:'", async () => {
    const out = await rerunTest(request("test_messages.py::test_allclose_message", null, { reruns: 1 }), context());
    expect(out.trials[0]).toMatchObject({ kind: "failed", message: "AssertionError: Not equal to tolerance rtol=1e-07, atol=0" });
  });

  it("finds an order dependence: passes alone, fails after its predecessors", async () => {
    const out = await rerunTest(request("test_order.py::test_victim", null, { reruns: 3 }), context());
    expect(out.reruns.sameSeed).toMatchObject({ runs: 3, passed: 3 });
    expect(out.reruns.order).toEqual({ runs: 3, passed: 0, failed: 3, timedOut: 0, crashed: 0, stoppedEarly: false, predecessors: 2 });
    expect(out.trialsByPhase.order[0]).toMatchObject({ kind: "failed", message: expect.stringContaining("polluted") });
    // Alone it passes: the command to paste runs its file, the predecessors first.
    expect(out.reproduce).toMatch(/ -m pytest test_order\.py$/);
  });

  it("never writes the user's reports, cache or bytecode into the project", () => {
    expect(existsSync(path.join(project, "reports"))).toBe(false);
    expect(existsSync(path.join(project, ".pytest_cache"))).toBe(false);
    expect(existsSync(path.join(project, "__pycache__"))).toBe(false);
    expect(readdirSync(project).some((f) => f.startsWith(".hypothesis"))).toBe(false);
  });

  it("explains a test pytest cannot find instead of counting failures", async () => {
    const out = await rerunTest(request("test_cases.py::test_missing", null, { reruns: 3 }), context());
    expect(out.reruns.sameSeed.runs).toBe(0);
    expect(out.reruns.note).toMatch(/same-seed: pytest .*not found/);
  });

  it("runs --rerun-command templates one process per attempt with the seed in env", async () => {
    const ctx = context();
    const template = ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=/dev/null", "{id}"];
    const out = await rerunTest(
      request("test_cases.py::test_seed_specific", mxnetSeed(), { reruns: 2, freshSeeds: 2, rerunCommand: template }),
      ctx,
    );
    expect(out.reruns.sameSeed).toMatchObject({ runs: 2, failed: 2 });
    expect(out.reruns.freshSeeds).toMatchObject({ runs: 2, passed: 2 });
    expect(distinct(readLines(ctx.pids))).toBe(4);
    expect(out.reproduce).toBe(
      `MXNET_TEST_SEED=${SEED} python3 -m pytest -q -p no:cacheprovider --junitxml=/dev/null test_cases.py::test_seed_specific`,
    );
  });

  it("a template that selects no test is not rerun: the runner's 'ran 0 tests' and exit 0 are not a pass (helper-52: gtest's --gtest_filter on a name it lacks)", async () => {
    const ctx = context();
    // unittest -k with a pytest node id matches nothing: "Ran 0 tests", OK, exit 0 (Python < 3.12).
    const template = ["python3", "-m", "unittest", "-k", "{id}", "test_cases"];
    const out = await rerunTest(request("test_cases.py::test_deterministic", mxnetSeed(), { reruns: 3, freshSeeds: 0, rerunCommand: template }), ctx);
    // It read "not reproduced" (three passes), exit 0.
    expect(out.reruns.sameSeed.passed).toBe(0);
    expect(out.reruns.note).toContain("the --rerun-command ran no test (unittest said so): its {id}, {name} or {file} does not select this test");
  });

  it("returns what finished when aborted", async () => {
    const ac = new AbortController();
    const ctx = context({ signal: ac.signal });
    setTimeout(() => ac.abort(), 2500);
    const started = Date.now();
    const out = await rerunTest(request("test_cases.py::test_hang", null, { reruns: 3, timeoutSec: 30 }), ctx);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(out.reruns.note).toMatch(/interrupted/);
    expect(out.reruns.sameSeed.runs).toBe(0);
    expect(await survivors(runDir)).toEqual([]);
  });
});

describe("hypothesis: the CI run's saved falsifying example", () => {
  // Where hypothesis sees a CI (CI=true, GITHUB_ACTIONS, ...) its "ci" profile derandomizes and
  // keeps no database: the same examples every run, so reruns agree without one. The copy is for
  // everywhere else (local runs, Jenkins): this test runs as there, with none of those variables.
  const HYPOTHESIS_CI_VARS = ["CI", "__TOX_ENVIRONMENT_VARIABLE_ORIGINAL_CI", "TF_BUILD", "bamboo.buildKey", "BUILDKITE", "CIRCLECI", "CIRRUS_CI", "CODEBUILD_BUILD_ID", "GITHUB_ACTIONS", "GITLAB_CI", "HEROKU_TEST_RUN_ID", "TEAMCITY_VERSION"];
  const outsideCi = Object.fromEntries(Object.entries(process.env).filter(([k]) => !HYPOTHESIS_CI_VARS.includes(k)));
  it("is copied into each rerun's own database, so a bug hypothesis found once fails every rerun; the project's database is not written", async () => {
    const project = tempDir("ft-hypothesis-");
    mkdirSync(path.join(project, "tests"));
    // A bug random search finds in roughly one run in seven.
    writeFileSync(
      path.join(project, "tests", "test_prop.py"),
      "from hypothesis import given, strategies as st\n\n@given(st.integers(0, 10**6))\ndef test_mod(x):\n    assert x % 1000 != 777\n",
    );
    // The CI run: pytest until hypothesis finds it (it saves the example in .hypothesis/examples).
    // Up to 400 runs (~0.05 s each): 60 once missed it (a clean-suite run failed here).
    const ci = spawnSync(
      "python3",
      ["-c", "import sys, pytest\nfor _ in range(400):\n    if pytest.main(['-q', '-p', 'no:cacheprovider', 'tests']) != 0: sys.exit(0)\nsys.exit(1)"],
      { cwd: project, encoding: "utf8", env: { ...outsideCi, PYTHONDONTWRITEBYTECODE: "1" } },
    );
    expect(ci.status, ci.stdout.slice(-2000)).toBe(0);
    const saved = readdirSync(path.join(project, ".hypothesis", "examples"), { recursive: true }).sort();
    const runDir = tempDir("ft-hypothesis-run-");
    const out = await rerunTest(
      planRerun({ test: pytestCase("tests/test_prop.py::test_mod"), seed: null, reruns: 4, freshSeeds: 0, timeoutSec: 60, cwd: project, rerunCommand: null }),
      { runDir, env: outsideCi, startupAllowanceSec: 30 },
    );
    // Without the copy the first attempt searches afresh and mostly passes.
    expect(out.reruns.sameSeed).toMatchObject({ runs: 4, failed: 4, passed: 0 });
    // The rerun's own database started from the CI run's: every saved entry is in it.
    const own = readdirSync(runDir, { recursive: true }).map(String).filter((f) => f.includes(`${path.sep}hypothesis${path.sep}examples${path.sep}`));
    for (const entry of saved.map(String)) expect(own.some((f) => f.endsWith(`${path.sep}examples${path.sep}${entry}`)), entry).toBe(true);
    expect(readdirSync(path.join(project, ".hypothesis", "examples"), { recursive: true }).sort()).toEqual(saved);
  }, 120_000);
});

describe("hypothesis: one fresh seed", () => {
  // The plugin told fresh attempts by their seeds differing: with --fresh-seeds 1 (or a verify
  // chunk of one trial) the fresh attempt ran CI's own search and database, not its seed's.
  const PROP = [
    "import json, os",
    "from hypothesis import given, seed, strategies as st",
    "",
    "",
    "@seed(5)",
    "@given(st.integers())",
    "def test_prop(x):",
    '    with open(os.environ["FT_SEEN"], "a") as f:',
    '        f.write(json.dumps([os.environ.get("MXNET_TEST_SEED"), getattr(test_prop, "_hypothesis_internal_use_seed", None)]) + "\\n")',
    '    assert False, "use MXNET_TEST_SEED=%s to reproduce" % os.environ.get("MXNET_TEST_SEED")',
    "",
  ].join("\n");

  it.each([
    ["the only one", 1],
    ["one of three", 3],
  ])("gives the fresh seed to hypothesis's search: %s", async (_how, fresh) => {
    const project = pytestProject("ft-hyp-one-fresh-", { "tests/test_prop.py": PROP });
    const seen = path.join(project, "seen.jsonl");
    const out = await rerunTest(
      planRerun({ test: pytestCase("tests/test_prop.py::test_prop"), seed: mxnetSeed("7"), reruns: 1, freshSeeds: fresh, timeoutSec: 60, cwd: project }),
      { runDir: tempDir("ft-hyp-one-fresh-run-"), env: { ...process.env, FT_SEEN: seen, PYTHONDONTWRITEBYTECODE: "1" }, startupAllowanceSec: 30 },
    );
    expect(out.reruns.freshSeeds.runs).toBe(fresh);
    // Each example of an attempt records (the seed variable, the seed hypothesis was given).
    const rows = readLines(seen).map((l) => JSON.parse(l) as [string, number | null]);
    const byEnv = new Map<string, Set<number | null>>();
    for (const [env, hyp] of rows) byEnv.set(env, (byEnv.get(env) ?? new Set()).add(hyp));
    // CI's seed: the test's own @seed(5). Each fresh seed: that seed, for hypothesis too.
    expect([...byEnv.get("7")!]).toEqual([5]);
    expect(byEnv.size).toBe(1 + fresh);
    for (const s of out.reruns.freshSeeds.seeds) expect([...byEnv.get(s)!]).toEqual([Number(s)]);
  }, 120_000);
});

describe("a seed the test module reads when imported", () => {
  it("reaches it for every fresh seed: the module is executed again when it holds the old seed (dist/cli.js, batched)", () => {
    // Fails for one seed in ten; the CI run's seed, 13, is one of them.
    const project = pytestProject("ft-import-seed-", {
      "tests/test_imp.py":
        'import os\n\nSEED = int(os.environ.get("TEST_SEED", "1"))\n\n\ndef test_draw():\n    print("use TEST_SEED=%d to reproduce" % SEED)\n    assert SEED % 10 != 3\n',
    });
    const r = ciThenTriage(project, {
      ciEnv: { ...process.env, TEST_SEED: "13", PYTHONDONTWRITEBYTECODE: "1" },
      pytestArgs: ["-o", "junit_logging=all"],
      cliArgs: ["--reruns", "3", "--fresh-seeds", "6"],
      env: { ...process.env, TEST_SEED: "" },
    });
    expect(r.status, r.stderr).toBe(1);
    const t = r.report.tests[0]!;
    expect(t.seed?.apply).toEqual({ kind: "env", env: { TEST_SEED: "13" } });
    expect(t.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    // Had the fresh seeds not reached the module, all six would fail like 13 (all-seeds, regression).
    // Each fails with probability 1/10: at least one passing is certain but for 1e-6.
    expect(t.reruns.freshSeeds.passed).toBeGreaterThan(0);
    expect([t.verdict, t.seedSensitivity, t.cause]).toEqual(["deterministic", "seed-specific", "edge-case"]);
  }, 120_000);
});

/** Python: `_next()` takes the next number of the counter file $FT_COUNTER (a run per number). */
const COUNTER = [
  "import os",
  "",
  "",
  "def _next():",
  '    path = os.environ["FT_COUNTER"]',
  '    n = int(open(path).read() or "0") if os.path.exists(path) else 0',
  '    with open(path, "w") as f:',
  "        f.write(str(n + 1))",
  "    return n",
  "",
  "",
].join("\n");

describe("repeats in forked children", () => {
  it("count a coin-flip test's passes and failures alike: about half of 160 fresh-seed attempts fail, not three in four (dist/cli.js)", () => {
    // A pass ends its child (the next attempt starts clean) and counts. Run again in a new child
    // while failures stood, passes were re-drawn: 116 and 123 of 160 failed in two triages.
    const project = pytestProject("ft-coin-", {
      "tests/test_coin.py": [
        "import os",
        "",
        "",
        "def test_coin():",
        "    print(f\"use MXNET_TEST_SEED={os.environ.get('MXNET_TEST_SEED') or 17} to reproduce\")",
        '    assert not os.environ.get("FORCE_FAIL") and os.urandom(1)[0] < 128',
        "",
      ].join("\n"),
    });
    const ci = ciWithConsole(project, ["tests", "--junitxml=reports/junit.xml"], { env: { ...process.env, FORCE_FAIL: "1" } });
    expect(ci.status, ci.console).toBe(1);
    const { status, stderr, report } = triageBoth(project, ["--reruns", "2", "--fresh-seeds", "160"], { ...process.env, FORCE_FAIL: "" });
    expect(status, stderr).not.toBe(2);
    const fresh = report.tests[0]!.reruns.freshSeeds;
    expect(fresh.runs).toBe(160);
    // Unbiased: 80 +- 6.3 (outside 58..102 about once in 2,000 runs); re-drawn passes: 120.
    expect(fresh.failed).toBeGreaterThanOrEqual(58);
    expect(fresh.failed).toBeLessThanOrEqual(102);
  }, 120_000);
});

describe("unseeded draws in forked children", () => {
  it("differ from child to child as they would from process to process: ten reruns tried one numpy draw ten times (helper-54's probe, dist/cli.js)", () => {
    const project = pytestProject("ft-fork-entropy-", {
      "tests/test_draw.py": [
        "import os, random",
        "import numpy as np",
        "",
        // Drawn at import, in the process that forks the children (numpy 2 seeds its global
        // generator on first use: untouched before the fork, each child would seed its own).
        "TABLE = np.random.rand(3)",
        "",
        "",
        "def test_draw():",
        '    with open(os.environ["FT_DRAWN"], "a") as f:',
        '        f.write("%d %d %d\\n" % (os.getpid(), np.random.randint(2**31), random.randrange(2**31)))',
        '    assert not os.environ.get("FT_CI"), "failed in CI"',
        "",
      ].join("\n"),
    });
    const drawn = path.join(project, "drawn.txt");
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", FT_DRAWN: drawn };
    const r = ciThenTriage(project, { ciEnv: { ...env, FT_CI: "1" }, cliArgs: ["--reruns", "6", "--fresh-seeds", "0", "--jobs", "1"], env });
    expect(r.status, r.stderr).not.toBe(2);
    // CI's run, then six passing reruns, each in a child of its own (a pass ends its child).
    const rows = readLines(drawn).slice(1).map((l) => l.split(" "));
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((x) => x[0])).size).toBe(6);
    expect(new Set(rows.map((x) => x[1])).size).toBe(6);
    expect(new Set(rows.map((x) => x[2])).size).toBe(6);
  }, 120_000);

  it("but a generator the project seeded as it was imported keeps that seed, as a fresh process would have it: every rerun draws CI's value", () => {
    const project = pytestProject("ft-fork-seeded-", {
      "tests/test_seeded.py": [
        "import os",
        "import numpy as np",
        "",
        "np.random.seed(7)",
        "",
        "",
        "def test_draw():",
        '    with open(os.environ["FT_DRAWN"], "a") as f:',
        '        f.write("%d\\n" % np.random.randint(2**31))',
        '    assert not os.environ.get("FT_CI"), "failed in CI"',
        "",
      ].join("\n"),
    });
    const drawn = path.join(project, "drawn.txt");
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", FT_DRAWN: drawn };
    const r = ciThenTriage(project, { ciEnv: { ...env, FT_CI: "1" }, cliArgs: ["--reruns", "4", "--fresh-seeds", "0", "--jobs", "1"], env });
    expect(r.status, r.stderr).not.toBe(2);
    const values = readLines(drawn);
    expect(values).toHaveLength(5);
    expect(new Set(values).size).toBe(1);
  }, 120_000);

  it("and each attempt starts from that state, also a repeat in the same child: a draw that fails from it fails every rerun (helper-57: intermittent)", () => {
    const project = pytestProject("ft-fork-seeded-repeat-", {
      "tests/test_seeded.py": ["import numpy as np", "", "np.random.seed(1)", "", "", "def test_first_draw_is_big():", "    assert np.random.rand() > 0.5", ""].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
    const r = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "6", "--fresh-seeds", "0", "--jobs", "1"], env });
    const t = r.report.tests[0]!;
    expect(t.reruns.sameSeed, r.stderr).toMatchObject({ runs: 6, failed: 6 });
    expect(t.verdict).toBe("deterministic");
  }, 120_000);

  it("and one a plugin seeded before ours was loaded (an addopts -p plugin): left as it is, since that seed cannot be seen (helper-56)", () => {
    const project = pytestProject("ft-fork-plugin-seeded-", {
      "pytest.ini": "[pytest]\naddopts = -p seedplug\n",
      "seedplug.py": "import numpy\nnumpy.random.seed(0)\n",
      "tests/test_first.py": [
        "import os",
        "import numpy as np",
        "",
        "",
        "def test_first_draw():",
        '    assert not os.environ.get("FT_CI"), "failed in CI"',
        "    assert abs(np.random.rand() - 0.5488135) < 1e-6",
        "",
      ].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONPATH: project };
    const r = ciThenTriage(project, { ciEnv: { ...env, FT_CI: "1" }, cliArgs: ["--reruns", "3", "--fresh-seeds", "0", "--jobs", "1"], env });
    expect(r.report.tests[0]?.reruns.sameSeed, r.stderr).toMatchObject({ runs: 3, passed: 3 });
  }, 120_000);
});

describe("a test that is not safe to run twice in one process", () => {
  it("passes its reruns alone, not intermittent: a repeat that ends otherwise runs again in a fresh child, and the order check finds the dependence (dist/cli.js)", () => {
    // Registering a name twice raises: the second test fails after the first, and would fail
    // after an earlier attempt of its own in the same process.
    const project = pytestProject("ft-run-twice-", {
      "tests/test_plugins.py": [
        "PLUGINS = {}",
        "",
        "",
        "def register(name):",
        "    if name in PLUGINS:",
        '        raise ValueError("plugin %r is already registered" % name)',
        "    PLUGINS[name] = True",
        "",
        "",
        "def test_builtin_plugins():",
        '    register("csv")',
        "",
        "",
        "def test_register_csv_plugin():",
        '    register("csv")',
        '    assert "csv" in PLUGINS',
        "",
      ].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
    const r = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "4"], env });
    expect(r.status, r.stderr).not.toBe(2);
    const report = r.report;
    expect(report.tests.map((t) => t.id)).toEqual(["tests/test_plugins.py::test_register_csv_plugin"]);
    const t = report.tests[0]!;
    // Repeated in one process, attempt 1 passed and attempt 2 failed on its own leftovers.
    // Each repeat that failed ran again as the first attempt of a new child, and passed.
    expect(t.reruns.sameSeed).toMatchObject({ runs: 4, passed: 4, failed: 0 });
    expect(t.reruns.order).toMatchObject({ failed: t.reruns.order?.runs, predecessors: 1 });
    expect(t.cause).toBe("order-dependence");
  }, 120_000);

  it("fails every repeat once it changed state, while fresh processes pass half the time: intermittent, not deterministic (dist/cli.js)", () => {
    // Each run of the test in a fresh process takes the next number of a counter file: even
    // numbers fail, odd ones pass. A second run in the same process fails on its set-up.
    const project = pytestProject("ft-run-twice-mirror-", {
      "tests/test_setup.py": [
        COUNTER,
        "SET_UP = []",
        "",
        "",
        "def test_set_up_once():",
        "    if SET_UP:",
        '        raise RuntimeError("set up twice")',
        "    SET_UP.append(1)",
        '    assert _next() % 2 == 1, "unlucky draw"',
        "",
      ].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", FT_COUNTER: path.join(project, "ci-counter") };
    const r = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "4", "--jobs", "1"], env: { ...env, FT_COUNTER: path.join(project, "rerun-counter") } });
    expect(r.status, r.stderr).not.toBe(2);
    const t = r.report.tests[0]!;
    // Repeated in one process: "unlucky draw", then "set up twice" for ever (deterministic).
    // Each attempt that ended otherwise than its child's first ran again in a new child.
    expect(t.reruns.sameSeed).toMatchObject({ passed: 1, failed: 1 });
    expect(t.verdict).toBe("intermittent");
    expect(JSON.stringify(r.report)).not.toContain("set up twice");
  }, 120_000);

  it("a pass ends its child, so a client it cached does not make the next attempt pass: intermittent, not 'not reproduced' (dist/cli.js)", () => {
    // Each cold start takes the next number of a counter file: even numbers fail to connect.
    // A client that connected is cached in the module, so later runs in a process pass.
    const project = pytestProject("ft-run-twice-cached-", {
      "tests/test_client.py": [
        COUNTER,
        "CLIENT = []",
        "",
        "",
        "def _connect():",
        "    if _next() % 2 == 0:",
        '        raise ConnectionError("cold start failed")',
        "    return object()",
        "",
        "",
        "def test_uses_client():",
        "    if not CLIENT:",
        "        CLIENT.append(_connect())",
        "    assert CLIENT",
        "",
      ].join("\n"),
      // The reruns' first cold start connects (1 is odd), and the client is cached from then on.
      "rerun-counter": "1",
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", FT_COUNTER: path.join(project, "ci-counter") };
    const r = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "4", "--jobs", "1"], env: { ...env, FT_COUNTER: path.join(project, "rerun-counter") } });
    expect(r.status, r.stderr).not.toBe(2);
    const t = r.report.tests[0]!;
    // In one process: a pass, then cached passes (not reproduced). The pass ended its child;
    // the next attempt, the first of a new child, cold-started and failed.
    expect(t.reruns.sameSeed).toMatchObject({ passed: 1, failed: 1 });
    expect(t.verdict).toBe("intermittent");
  }, 120_000);
});

describe("pytest's cache in reruns", () => {
  it("a test using the `cache` fixture reruns with it, into the rerun's own directory: intermittent, not 'fixture not found' read as a regression (dist/cli.js)", () => {
    // Even counts fail: the CI run (count 0) did, reruns alternate.
    const project = pytestProject("ft-cache-fixture-", {
      "tests/test_cached.py": [
        COUNTER,
        "def test_warm(cache):",
        '    runs = cache.get("ft/runs", 0)',
        '    cache.set("ft/runs", runs + 1)',
        '    assert _next() % 2 == 1, "cold cache"',
        "",
      ].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", FT_COUNTER: path.join(project, "counter") };
    // The CI run with pytest's cache on (ciThenTriage's run turns it off), kept out of the project's default place.
    spawnSync("python3", ["-m", "pytest", "-o", "cache_dir=ci-cache", "--junitxml=reports/junit.xml", "tests"], { cwd: project, env });
    expect(readFileSync(path.join(project, "reports", "junit.xml"), "utf8")).toContain("cold cache");
    const json = path.join(project, "triage.json");
    const r = spawnSync(process.execPath, [path.join(import.meta.dirname, "..", "..", "dist", "cli.js"), "reports/junit.xml", "--cwd", project, "--reruns", "4", "--fresh-seeds", "0", "--jobs", "1", "--json", json, "--quiet"], {
      cwd: project,
      encoding: "utf8",
      env,
    });
    expect(r.status, r.stderr).toBe(0);
    const t = (JSON.parse(readFileSync(json, "utf8")) as Report).tests[0]!;
    expect(JSON.stringify(t)).not.toContain("not found");
    expect(t.reruns.sameSeed.passed).toBeGreaterThan(0);
    expect(t.reruns.sameSeed.failed).toBeGreaterThan(0);
    expect(t.verdict).toBe("intermittent");
    // The reruns wrote their cache in their own directory, not the project's.
    expect(existsSync(path.join(project, ".pytest_cache"))).toBe(false);
  }, 120_000);
});

describe("a test that reads a credential-like variable", () => {
  it("reruns without it do not count (not rerun, saying how to pass it), and with FLAKY_TRIAGE_PASS_ENV it reruns: intermittent, not a regression (dist/cli.js)", () => {
    const project = pytestProject("ft-pass-env-", {
      "tests/test_db.py": [COUNTER, 'def test_query():', '    assert os.environ["DB_PASSWORD"] == "hunter2"', '    assert _next() % 2 == 1, "connection reset by peer"', ""].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", DB_PASSWORD: "hunter2", FT_COUNTER: path.join(project, "counter") };
    const withheld = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "4", "--fresh-seeds", "0", "--jobs", "1"], env });
    const t = withheld.report.tests[0]!;
    // Every rerun failed with KeyError: 'DB_PASSWORD': it read "deterministic, a real bug", exit 1.
    expect(withheld.status, withheld.stderr).toBe(0);
    expect(t).toMatchObject({ verdict: "not-rerun" });
    expect(t.reruns.sameSeed).toMatchObject({ runs: 4, passed: 0, failed: 0 });
    expect(t.reruns.note).toContain("4 reruns failed on DB_PASSWORD");
    expect(t.suggestion).toContain("rerun with FLAKY_TRIAGE_PASS_ENV=DB_PASSWORD");

    rmSync(env.FT_COUNTER, { force: true });
    const passed = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "4", "--fresh-seeds", "0", "--jobs", "1"], env: { ...env, FLAKY_TRIAGE_PASS_ENV: "DB_PASSWORD" } });
    const p = passed.report.tests[0]!;
    expect(passed.status, passed.stderr).toBe(0);
    expect(p.verdict).toBe("intermittent");
    expect(p.reruns.sameSeed.passed).toBeGreaterThan(0);
    expect(p.reruns.note).toBeUndefined();
  }, 120_000);
});

describe.each(["--lf --lfnf=none", "--ff --lfnf=none"])("a project whose addopts ask for %s", (addopts) => {
  it("reruns still run the test: deterministic, exit 1 (dist/cli.js)", () => {
    const project = pytestProject("ft-lf-", {
      "pytest.ini": ["[pytest]", `addopts = ${addopts}`, ""].join("\n"),
      "tests/test_a.py": ["def test_always():", '    assert 1 == 2, "off by one"', ""].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
    // CI's own run, with the cache provider off (as ciThenTriage runs it): --lf is not an option then.
    const r = ciThenTriage(project, { ciEnv: env, pytestArgs: ["-o", "addopts="], cliArgs: ["--reruns", "3", "--fresh-seeds", "2", "--jobs", "1"], env });
    // The reruns' empty cache left --lf nothing to select: pytest exited 5 every time, "not rerun", exit 0.
    expect(r.status, r.stderr).toBe(1);
    expect(r.report.tests[0]).toMatchObject({ verdict: "deterministic" });
    expect(r.report.tests[0]!.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
  }, 120_000);
});

describe("a test that reads a credential-like variable with os.environ.get (the failure never names it)", () => {
  it("reruns that read it and found it missing do not count, at import or in the test; verify says so (dist/cli.js)", () => {
    const project = pytestProject("ft-read-env-", {
      "tests/db.py": [
        "import os",
        // Read once, at import: the failures below name no variable.
        'PASSWORD = os.environ.get("DB_PASSWORD")',
        "",
        "def connect():",
        "    if PASSWORD is None:",
        '        raise ConnectionError("fe_sendauth: no password supplied")',
        "",
      ].join("\n"),
      // Each test fails CI's run (its first) and every other run after it.
      "tests/test_db.py": [COUNTER.replace('os.environ["FT_COUNTER"]', 'os.environ["FT_COUNTER"] + "." + name').replace("def _next():", "def _next(name):"),
        "from db import connect", "", "def test_query():", "    connect()", '    assert _next("q") % 2 == 1, "connection reset by peer"', "",
        "def test_upload():", '    token = os.getenv("UPLOAD_API_TOKEN")', '    assert token, "upload refused: 401"', '    assert _next("u") % 2 == 1, "connection reset by peer"', ""].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONPATH: path.join(project, "tests"), DB_PASSWORD: "hunter2", UPLOAD_API_TOKEN: "t0k", FT_COUNTER: path.join(project, "counter") };
    const args = ["--reruns", "4", "--fresh-seeds", "0", "--jobs", "1"];
    const withheld = ciThenTriage(project, { ciEnv: env, cliArgs: args, env });
    // Both read "deterministic, regression", exit 1: every rerun failed, on the missing variable.
    expect(withheld.status, withheld.stderr).toBe(0);
    // test_upload's module imported db, which read DB_PASSWORD: it needs both.
    for (const [name, variables] of [["test_query", "DB_PASSWORD"], ["test_upload", "DB_PASSWORD, UPLOAD_API_TOKEN"]] as const) {
      const t = withheld.report.tests.find((x) => x.name === name)!;
      expect(t, name).toMatchObject({ verdict: "not-rerun" });
      expect(t.reruns.sameSeed, name).toMatchObject({ runs: 4, passed: 0, failed: 0 });
      expect(t.reruns.note, name).toContain(`4 reruns failed on ${variables}, which reruns do not get`);
      expect(t.suggestion, name).toContain(`rerun with FLAKY_TRIAGE_PASS_ENV=${variables.replace(", ", ",")}`);
    }

    for (const n of ["q", "u"]) rmSync(`${env.FT_COUNTER}.${n}`, { force: true });
    const passed = ciThenTriage(project, { ciEnv: env, cliArgs: args, env: { ...env, FLAKY_TRIAGE_PASS_ENV: "DB_PASSWORD,UPLOAD_API_TOKEN" } });
    expect(passed.status, passed.stderr).toBe(0);
    for (const t of passed.report.tests) {
      expect(t.verdict, t.name).toBe("intermittent");
      expect(t.reruns.note, t.name).toBeUndefined();
    }

    const cli = path.join(import.meta.dirname, "..", "..", "dist", "cli.js");
    const v = spawnSync(process.execPath, [cli, "verify", "tests/test_db.py::test_query", "--trials", "3", "--cwd", project], { cwd: project, encoding: "utf8", env });
    expect(v.stdout + v.stderr).toContain("read DB_PASSWORD and found it missing");
  }, 180_000);

  it("a read in a conftest.py above the test counts too", () => {
    const project = pytestProject("ft-read-env-conftest-", {
      "tests/conftest.py": [
        "import os",
        "import pytest",
        'DB_PASSWORD = os.environ.get("DB_PASSWORD")',
        "",
        "@pytest.fixture",
        "def db():",
        "    if not DB_PASSWORD:",
        '        raise ConnectionError("fe_sendauth: no password supplied")',
        "    return object()",
        "",
      ].join("\n"),
      "tests/unit/test_q.py": [COUNTER, "def test_query(db):", '    assert _next() % 2 == 1, "connection reset by peer"', ""].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", DB_PASSWORD: "hunter2", FT_COUNTER: path.join(project, "counter") };
    const r = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "3", "--fresh-seeds", "0", "--jobs", "1"], env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.report.tests[0]).toMatchObject({ verdict: "not-rerun" });
    expect(r.report.tests[0]!.reruns.note).toContain("3 reruns failed on DB_PASSWORD");
  }, 120_000);

  it("a module that reads an optional one, and a test failing as it did in CI: a real failure still (exit 1)", () => {
    const project = pytestProject("ft-read-env-optional-", {
      "tests/test_calc.py": ["import os", 'API_TOKEN = os.environ.get("API_TOKEN")', "", "def add(a, b):", "    return a - b", "", "def test_add():", "    assert add(2, 2) == 4", ""].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", API_TOKEN: "abc" };
    const r = ciThenTriage(project, { ciEnv: env, cliArgs: ["--reruns", "3", "--fresh-seeds", "0", "--jobs", "1"], env });
    // Every rerun's failure was discounted for the read: "not rerun", exit 0.
    expect(r.status, r.stderr).toBe(1);
    expect(r.report.tests[0]).toMatchObject({ verdict: "deterministic" });
    expect(r.report.tests[0]!.reruns.note).toBeUndefined();
  }, 120_000);
});

const hasBenchmark = spawnSync("python3", ["-c", "import pytest_benchmark"]).status === 0;

describe.skipIf(!hasBenchmark)("pytest-benchmark in reruns", () => {
  it("keeps its storage in the rerun's own directory: no .benchmarks in the project (dist/cli.js)", () => {
    const project = pytestProject("ft-benchmark-", {
      "tests/test_b.py": [COUNTER, "def test_b(benchmark):", "    benchmark(lambda: sum(range(100)))", '    assert _next() % 2 == 1, "slow path"', ""].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", FT_COUNTER: path.join(project, "counter") };
    // The CI run's own storage goes elsewhere, so only the reruns could make one in the project.
    const r = ciThenTriage(project, { ciEnv: env, pytestArgs: ["--benchmark-storage=file:///dev/null/none", "--benchmark-disable"], cliArgs: ["--reruns", "4", "--fresh-seeds", "0", "--jobs", "1"], env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.report.tests[0]).toMatchObject({ verdict: "intermittent" });
    // pytest-benchmark made ./.benchmarks (its default storage) in the project on every rerun.
    expect(existsSync(path.join(project, ".benchmarks"))).toBe(false);
  }, 120_000);
});

describe("a test that prints an MXNet seed but draws its own (helper-46's case)", () => {
  const DRAW = [
    "import logging",
    "import os",
    "import random",
    "",
    "import numpy as np",
    "",
    "",
    "def _first(name):",
    '    path = os.environ["FT_COUNTER"] + name',
    "    first = not os.path.exists(path)",
    '    open(path, "a").close()',
    "    return first",
    "",
    "",
    "def _announce(seed):",
    '    print("Setting test np/mx/python random seeds, use MXNET_TEST_SEED=%d to reproduce." % seed)',
    "    np.random.seed(seed)",
    "",
    "",
  ].join("\n");
  const cli = ["--reruns", "6", "--fresh-seeds", "0", "--jobs", "1"];

  it("same-seed reruns that printed other seeds do not read 'race condition' or a plain 'not reproduced': the note names the seeds and the fix says to take the seed back (dist/cli.js)", () => {
    const project = pytestProject("ft-own-seed-", {
      "tests/test_draw.py": [
        DRAW,
        // CI's draw was even; later draws are odd half the time: a failure in some reruns.
        "def test_half_of_draws():",
        "    seed = random.SystemRandom().randrange(2**30) * 2",
        '    if not _first("half"):',
        "        seed += random.SystemRandom().randrange(2)",
        "    _announce(seed)",
        '    assert seed % 2 == 1, "bad draw"',
        "",
        "",
        // Only CI's draw failed: every rerun passes.
        "def test_only_ci_draw():",
        "    seed = random.SystemRandom().randrange(2**30) * 2",
        '    if not _first("once"):',
        "        seed += 1",
        "    _announce(seed)",
        '    assert seed % 2 == 1, "bad draw"',
        "",
        "",
        // Fails whatever it draws: a regression, not "failed all reruns with seed N".
        "def test_every_draw():",
        "    _announce(random.SystemRandom().randrange(2**30))",
        '    assert sum([1, 2]) == 4, "regression"',
        "",
        "",
        // Its seed line amid pages of output (and through logging): still seen.
        "def test_buried_line():",
        "    seed = random.SystemRandom().randrange(2**30) * 2",
        '    if not _first("buried"):',
        "        seed += 1",
        '    print("x" * 3000)',
        '    logging.getLogger("t").warning("y" * 3000)',
        "    _announce(seed)",
        '    print("z" * 3000)',
        '    assert seed % 2 == 1, "bad draw"',
        "",
        "",
        // Takes the seed back when given one: its reruns print CI's seed and fail with it.
        "def test_takes_it_back():",
        '    seed = int(os.environ.get("MXNET_TEST_SEED") or random.SystemRandom().randrange(2**30) * 2)',
        "    _announce(seed)",
        '    assert seed % 2 == 1, "bad draw"',
        "",
      ].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", FT_COUNTER: path.join(project, "drawn-") };
    const r = ciThenTriage(project, { ciEnv: env, pytestArgs: ["-o", "junit_logging=all"], cliArgs: cli, env });
    const byName = new Map(r.report.tests.map((t) => [t.name, t]));
    const half = byName.get("test_half_of_draws")!;
    const once = byName.get("test_only_ci_draw")!;
    const back = byName.get("test_takes_it_back")!;
    expect(half.seed?.recogniser, JSON.stringify(half.seed)).toBe("mxnet-test-seed");

    // Each rerun drew its own inputs: "race condition with the same seed" was wrong.
    expect(half.cause).not.toBe("race-condition");
    expect(half.reruns.seedsPrintedInstead!.length).toBeGreaterThan(0);
    expect(half.reruns.seedsPrintedInstead).not.toContain(half.seed!.value);
    expect(half.reruns.note).toContain(`were given seed ${half.seed!.value} (MXNET_TEST_SEED) but printed`);
    expect(half.suggestion).toContain("draws its own");
    expect(half.suggestion).toContain("MXNET_TEST_SEED");

    // CI's inputs were never tried: "did not fail in 6 reruns" alone read as "it is fine now".
    expect(once.verdict).toBe("not-reproduced");
    expect(once.causeReason).toContain(`but not with CI's seed: given CI's seed ${once.seed!.value}, they printed`);
    expect(once.reruns.seedsPrintedInstead!.length).toBeGreaterThan(0);
    expect(once.suggestion).toContain("draws its own");

    const every = byName.get("test_every_draw")!;
    expect(every).toMatchObject({ verdict: "deterministic", cause: "regression" });
    expect(every.causeReason).toContain("each with inputs of its own");
    expect(every.causeReason).not.toContain(`with seed ${every.seed!.value}`);
    const buried = byName.get("test_buried_line")!;
    expect(buried.verdict).toBe("not-reproduced");
    expect(buried.reruns.seedsPrintedInstead!.length).toBeGreaterThan(0);

    // The control: printing CI's seed back, it fails every rerun, and nothing is said of seeds.
    expect(back.verdict).toBe("deterministic");
    expect(back.reruns.seedsPrintedInstead).toBeUndefined();
    expect(back.reruns.note ?? "").not.toContain("printed");
  }, 180_000);
});

describe("not reproduced with CI's seed, failing with fresh ones", () => {
  it("names the failing fresh seeds and says to rerun with one, where it read a plain 'did not fail in 4 reruns' (real pytest, dist/cli.js)", () => {
    const project = pytestProject("ft-fresh-fail-", {
      "tests/test_inputs.py": [
        "import os",
        "",
        "def test_most_inputs_break_it():",
        '    seed = int(os.environ.get("MXNET_TEST_SEED", "5"))',
        '    print("Setting test np/mx/python random seeds, use MXNET_TEST_SEED=%d to reproduce." % seed)',
        // CI failed with seed 5 for a reason of its own (here a variable only CI has); seed 5
        // passes anywhere else, every other seed fails.
        '    assert not os.environ.get("FT_ONLY_IN_CI"), "something only CI had"',
        '    assert seed == 5, "these inputs break it"',
        "",
      ].join("\n"),
    });
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
    const r = ciThenTriage(project, {
      ciEnv: { ...env, FT_ONLY_IN_CI: "1" },
      pytestArgs: ["-o", "junit_logging=all"],
      cliArgs: ["--reruns", "4", "--fresh-seeds", "3", "--jobs", "1"],
      env,
    });
    const t = r.report.tests[0]!;
    expect(t.seed?.value, r.stderr).toBe("5");
    expect(t.verdict).toBe("not-reproduced");
    expect(t.reruns.freshSeeds.failingSeeds).toHaveLength(3);
    expect(t.causeReason).toMatch(/^did not fail in 4 reruns with CI's seed 5, but failed with 3 of 3 fresh seeds \(\d+, \d+, \d+\)/);
    expect(t.suggestion).toContain(`rerun it with seed ${t.reruns.freshSeeds.failingSeeds[0]} (MXNET_TEST_SEED)`);
    // Not a deterministic failure of CI's: the exit status stays 0.
    expect(r.status).toBe(0);
  }, 120_000);
});

describe("what each attempt printed", () => {
  it("is its own: pytest's captured log of earlier repeats of the item is not carried into later ones (it grew with the square of the attempts)", async () => {
    const project = pytestProject("ft-own-log-", {
      "tests/test_log.py": [
        "import logging",
        "import os",
        "",
        "def test_logs():",
        '    path = os.environ["FT_COUNTER"]',
        '    n = int(open(path).read() or "0") if os.path.exists(path) else 0',
        '    open(path, "w").write(str(n + 1))',
        '    logging.getLogger("t").warning("attempt marker %d", n)',
        '    assert False, "always"',
        "",
      ].join("\n"),
    });
    const counter = path.join(project, "counter");
    const out = await rerunTest(
      planRerun({ test: pytestCase("tests/test_log.py::test_logs"), seed: null, reruns: 5, freshSeeds: 0, timeoutSec: 20, cwd: project }),
      { runDir: tempDir("ft-own-log-run-"), env: { ...process.env, FT_COUNTER: counter }, startupAllowanceSec: 30 },
    );
    const printed = out.trials.map((t) => (t.kind === "failed" ? (t.printed ?? "") : ""));
    expect(printed).toHaveLength(5);
    for (const text of printed) expect(text.match(/attempt marker \d+/g), text).toHaveLength(1);
  }, 60_000);
});
