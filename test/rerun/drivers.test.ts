import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Seed } from "../../src/model.js";
import { pickDriver } from "../../src/rerun/drivers/index.js";
import { judgeCollection, pytestDriver, resolvePython } from "../../src/rerun/drivers/pytest.js";
import { expandTemplate, templateDriver } from "../../src/rerun/drivers/template.js";
import { pytestCase } from "./helpers.js";

const envSeed: Seed = { value: "7", recogniser: "mxnet", source: { file: "f" }, apply: { kind: "env", env: { MXNET_TEST_SEED: "7" } } };
const base = { mode: "repeat" as const, attempts: 5, freshSeeds: null, resultsFile: "/r/results.jsonl", workDir: "/r", stopWhenMixed: true, freshPasses: true };

describe("pytest driver", () => {
  const driver = pytestDriver("python3");

  it("repeats in one process with our plugin, our JUnit path and no cache", () => {
    const inv = driver.invocation({ ...base, test: pytestCase("tests/x.py::test_y[a b]"), seed: envSeed });
    expect(inv.attempts).toBe(5);
    expect(inv.argv).toContain("--ft-stop-when-mixed");
    // Fresh-seed phases run every seed: how many fail tells seed-specific from unknown.
    const all = driver.invocation({ ...base, stopWhenMixed: false, test: pytestCase("tests/x.py::test_y"), seed: envSeed });
    expect(all.argv).not.toContain("--ft-stop-when-mixed");
    expect(inv.reportsLines).toBe(true);
    expect(inv.env.MXNET_TEST_SEED).toBe("7");
    // The cache goes to the rerun's own directory (turned off, it took the `cache` fixture away).
    expect(inv.argv.slice(0, 7)).toEqual(["python3", "-m", "pytest", "-p", "flaky_triage_rerun", "-o", "cache_dir=/r/pytest-cache"]);
    expect(inv.argv).toContain("--junitxml=/r/junit.xml");
    expect(inv.argv).toContain("--ft-repeat=5");
    expect(inv.argv.slice(-2)).toEqual(["--", "tests/x.py::test_y[a b]"]);
  });

  it("gives fresh seeds through the plugin, one per attempt", () => {
    const inv = driver.invocation({ ...base, test: pytestCase("t.py::x"), seed: envSeed, freshSeeds: ["1", "2", "3", "4", "5"] });
    expect(inv.argv).toContain("--ft-seed-env=MXNET_TEST_SEED");
    expect(inv.argv).toContain("--ft-seeds=1,2,3,4,5");
    expect(inv.env.MXNET_TEST_SEED).toBe("1");
  });

  it("gives a list of seeds too long for one argument in a file of the attempt's own, never as an @path", () => {
    const workDir = mkdtempSync(path.join(tmpdir(), "ft-seeds-file-"));
    try {
      // 20,000 seeds of 10 digits: 220 KB, past Linux's 128 KiB for one argument.
      const seeds = Array.from({ length: 20_000 }, (_, i) => String(1_000_000_000 + i));
      const inv = driver.invocation({ ...base, workDir, attempts: seeds.length, test: pytestCase("t.py::x"), seed: envSeed, freshSeeds: seeds });
      expect(inv.attempts).toBe(seeds.length);
      const file = path.join(workDir, "ft-seeds.txt");
      expect(inv.argv).toContain(`--ft-seeds-file=${file}`);
      expect(inv.argv.some((a) => a.startsWith("--ft-seeds="))).toBe(false);
      expect(Math.max(...inv.argv.map((a) => a.length))).toBeLessThan(4096);
      expect(readFileSync(file, "utf8")).toBe(seeds.join(","));
      expect(driver.maxSeedsPerProcess).toBeGreaterThanOrEqual(seeds.length);
      // A short list stays an argument; a seed shaped like @path is only a seed.
      const short = driver.invocation({ ...base, test: pytestCase("t.py::x"), seed: envSeed, freshSeeds: ["@/etc/passwd", "2"] });
      expect(short.argv).toContain("--ft-seeds=@/etc/passwd,2");
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });

  it("runs one process per fresh seed when the seed is an argument", () => {
    const seed: Seed = { ...envSeed, value: "9", apply: { kind: "args", args: ["-p", "randomly", "--randomly-seed=9"] } };
    const inv = driver.invocation({ ...base, test: pytestCase("t.py::x"), seed, freshSeeds: ["11", "12"] });
    expect(inv.attempts).toBe(1);
    expect(inv.argv).toContain("--randomly-seed=11");
  });

  it("puts a test's same-seed and fresh-seed runs into one shared process where the seed allows", () => {
    const batch = driver.batch!;
    const test = pytestCase("t.py::x");
    // Same seed: the env seed is the process's (part of the key), nothing per attempt.
    expect(batch.run({ ...base, test, seed: envSeed })).toEqual({ attempts: 5, seeds: [], seedEnv: [], globalSeed: false, stopWhenMixed: true, freshPasses: true });
    // Fresh seeds: set per attempt in the child, through the same variable.
    expect(batch.run({ ...base, attempts: 2, stopWhenMixed: false, test, seed: envSeed, freshSeeds: ["1", "2", "3"] })).toEqual({
      attempts: 2,
      seeds: ["1", "2"],
      fresh: true,
      seedEnv: ["MXNET_TEST_SEED"],
      globalSeed: false,
      stopWhenMixed: false,
      freshPasses: true,
    });
    const global: Seed = { ...envSeed, value: "42", apply: { kind: "global-rng", value: "42" } };
    expect(batch.run({ ...base, test, seed: global })).toMatchObject({ seeds: ["42"], globalSeed: true });
    expect(batch.run({ ...base, attempts: 1, test, seed: global, freshSeeds: ["5"] })).toMatchObject({ seeds: ["5"], seedEnv: [], globalSeed: true });
    // Seeds pytest reads from its arguments once per process cannot vary inside one.
    const args: Seed = { ...envSeed, value: "9", apply: { kind: "args", args: ["-p", "randomly", "--randomly-seed=9"] } };
    expect(batch.run({ ...base, test, seed: args, freshSeeds: ["11"] })).toBeNull();
    expect(batch.run({ ...base, mode: "run-until", test, seed: null })).toBeNull();
  });

  it("collects a doctest with --doctest-modules in every run, batch and command, and batches it apart", () => {
    const doctest = pytestCase("pkg/mod.py::pkg.mod.f");
    expect(driver.invocation({ ...base, test: doctest, seed: null }).argv).toContain("--doctest-modules");
    expect(driver.invocation({ ...base, mode: "run-until", test: doctest, seed: null }).argv).toContain("--doctest-modules");
    expect(driver.invocation({ ...base, test: pytestCase("pkg/mod.py::test_f"), seed: null }).argv).not.toContain("--doctest-modules");
    const batch = driver.batch!;
    expect(batch.key({ ...base, test: doctest, seed: null })).not.toBe(batch.key({ ...base, test: pytestCase("pkg/mod.py::test_f"), seed: null }));
    const inv = batch.invocation({ requests: [{ ...base, test: doctest, seed: null }], planFile: "/r/plan.json", resultsFile: "/r/results.jsonl", workDir: "/r" });
    expect(inv.argv).toContain("--doctest-modules");
    expect(driver.reproduceCommand(doctest, null)).toBe("python3 -m pytest --doctest-modules pkg/mod.py::pkg.mod.f");
    expect(driver.orderReproduceCommand!(doctest, null)).toBe("python3 -m pytest --doctest-modules pkg/mod.py");
  });

  it("never lets a node id become an option", () => {
    const inv = driver.invocation({ ...base, test: pytestCase("--help.py::x"), seed: null });
    expect(inv.argv.at(-1)).toBe("./--help.py::x");
    const order = driver.invocation({ ...base, mode: "run-until", test: pytestCase("-x.py::t"), seed: null });
    expect(order.argv).toContain("--ft-run-until=-x.py::t");
    expect(order.argv.at(-1)).toBe("./-x.py");
    // pytest reads `@path` as a file of arguments, even after "--" (pytest 9); `./@path` is the path.
    const at = driver.invocation({ ...base, test: pytestCase("@x/test_u.py::test_a"), seed: null });
    expect(at.argv.at(-1)).toBe("./@x/test_u.py::test_a");
    expect(driver.reproduceCommand(pytestCase("@x/test_u.py::test_a"), null)).toBe("python3 -m pytest ./@x/test_u.py::test_a");
  });

  it("builds a pasteable reproduce command", () => {
    expect(driver.reproduceCommand(pytestCase("tests/x.py::test_y[a b]"), { ...envSeed, value: "1121373020", apply: { kind: "env", env: { MXNET_TEST_SEED: "1121373020" } } })).toBe(
      "MXNET_TEST_SEED=1121373020 python3 -m pytest 'tests/x.py::test_y[a b]'",
    );
    expect(driver.reproduceCommand(pytestCase("t.py::x"), null)).toBe("python3 -m pytest t.py::x");
  });

  it("puts no seed note after the command: `#` is no comment in zsh, where its words ran (a seed in backquotes as a command)", () => {
    // Seeds from a user pattern are any text the report holds.
    const hostile = "`id>/tmp/pwned`";
    const globalSeed: Seed = { value: hostile, recogniser: "user-pattern", source: { file: "ci.log" }, apply: { kind: "global-rng", value: hostile } };
    expect(driver.reproduceCommand(pytestCase("t.py::x"), globalSeed)).toBe("python3 -m pytest t.py::x");
    const decorator = "@reproduce_failure('6.0', b'`id`')";
    const hypothesis: Seed = { value: decorator, recogniser: "hypothesis-reproduce", source: { file: "ci.log" }, apply: { kind: "hypothesis", decorator } };
    expect(driver.reproduceCommand(pytestCase("t.py::x"), hypothesis)).toBe("python3 -m pytest t.py::x");
  });

  it("takes the interpreter from FLAKY_TRIAGE_PYTHON", () => {
    expect(resolvePython({ FLAKY_TRIAGE_PYTHON: "/venv/bin/python" })).toBe("/venv/bin/python");
    expect(resolvePython({})).toBe("python3");
  });
});

describe("template driver", () => {
  it("substitutes per element in one pass, never through a shell", () => {
    expect(expandTemplate(["tox", "-e", "py", "--", "{id}", "--seed={seed}"], { id: "t.py::x[{seed}]", file: "t.py", name: "x", seed: "5" })).toEqual([
      "tox",
      "-e",
      "py",
      "--",
      "t.py::x[{seed}]",
      "--seed=5",
    ]);
  });

  it("applies env seeds and runs one attempt per process", () => {
    const d = templateDriver(["tox", "-e", "py", "--", "{id}"]);
    const inv = d.invocation({ ...base, test: pytestCase("t.py::x"), seed: envSeed, freshSeeds: ["99"] });
    expect(inv).toMatchObject({ attempts: 1, reportsLines: false, env: { MXNET_TEST_SEED: "99" } });
    expect(d.reproduceCommand(pytestCase("t.py::x; rm -rf x #"), envSeed)).toBe("MXNET_TEST_SEED=7 tox -e py -- 't.py::x; rm -rf x #'");
    expect(d.seedSupport({ ...envSeed, apply: { kind: "global-rng", value: "7" } }).reapply).toBe(false);
  });

  it("refuses an id or name that would be read as an option; files get ./", () => {
    const named = (name: string, file?: string) => ({ ...pytestCase("x"), id: name, name, ...(file ? { file } : {}) });
    expect(templateDriver(["mvn", "-Dtest={id}", "test"]).refuse!(named("-X"))).toBeNull();
    expect(templateDriver(["rspec", "{name}"]).refuse!(named("--require=evil"))).toMatch(/^its name starts with '-'/);
    expect(templateDriver(["tox", "{id}"]).refuse!(named("-k x"))).toMatch(/^its id starts with '-'.*put '--' before \{id\}/);
    expect(templateDriver(["tox", "--", "{id}"]).refuse!(named("-k x"))).toBeNull();
    expect(templateDriver(["tox", "{id}"]).refuse!(named("ok"))).toBeNull();
    const inv = templateDriver(["runner", "{file}"]).invocation({ ...base, test: named("t", "-rf.py"), seed: null });
    expect(inv.argv).toEqual(["runner", "./-rf.py"]);
  });

  it("is picked over pytest when given; pytest ids otherwise; nothing for other ids", () => {
    expect(pickDriver(pytestCase("t.py::x"), { python: "python3", rerunCommand: ["make", "{id}"] })?.name).toBe("template");
    expect(pickDriver(pytestCase("t.py::x"), { python: "python3", rerunCommand: null })?.name).toBe("pytest");
    expect(pickDriver(pytestCase("com.acme.FooTest#bar"), { python: "python3", rerunCommand: null })).toBeNull();
  });
});

describe("a pytest test id that is a whole file (a module that failed to import)", () => {
  it("is collected again, one process an attempt, without our plugin, and never batched", () => {
    const d = pytestDriver("python3");
    const req = { test: pytestCase("tests/test_api.py"), seed: null, mode: "repeat" as const, attempts: 5, freshSeeds: null, stopWhenMixed: true, freshPasses: true, workDir: "/w", resultsFile: "/w/r" };
    const inv = d.invocation(req);
    expect(inv.argv).toEqual(["python3", "-m", "pytest", "-o", "cache_dir=/w/pytest-cache", "-q", "--color=no", "--collect-only", "--", "tests/test_api.py"]);
    expect(inv).toMatchObject({ attempts: 1, reportsLines: false });
    expect(d.batch!.key(req)).toBeNull();
  });

  it("passes when the file collects (exit 0, or 5: no tests), fails with pytest's error line, and cannot run a missing file", () => {
    expect(judgeCollection({ exitCode: 0, stdout: "1 test collected in 0.01s\n", stderr: "" })).toEqual({ kind: "passed" });
    expect(judgeCollection({ exitCode: 5, stdout: "no tests collected in 0.01s\n", stderr: "" })).toEqual({ kind: "passed" });
    // Real pytest 9 output of a module whose import fails.
    const out = [
      "==================================== ERRORS ====================================",
      "______________________ ERROR collecting tests/test_stats.py ______________________",
      "ImportError while importing test module '/tmp/p/tests/test_stats.py'.",
      "Traceback:",
      "tests/test_stats.py:1: in <module>",
      "    from numlib.stats import mean",
      "E   ImportError: cannot import name 'mean' from 'numlib.stats' (/tmp/p/numlib/stats.py)",
      "!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!",
    ].join("\n");
    expect(judgeCollection({ exitCode: 2, stdout: out, stderr: "" })).toEqual({ kind: "failed", message: "ImportError: cannot import name 'mean' from 'numlib.stats' (/tmp/p/numlib/stats.py)" });
    expect(judgeCollection({ exitCode: 3, stdout: "", stderr: "" })).toEqual({ kind: "failed", message: "pytest exited 3 while collecting" });
    expect(judgeCollection({ exitCode: 4, stdout: "", stderr: "ERROR: file or directory not found: tests/x.py\n" })).toMatchObject({ kind: "not-run", why: expect.stringContaining("file or directory not found") });
    // A conftest.py that fails to import is a usage error too (real pytest 9 stderr).
    const conftest = "ImportError while loading conftest '/p/tests/sub/conftest.py'.\ntests/sub/conftest.py:2: in <module>\n    assert x\nE   AssertionError: no GPU here\nE   assert '1' != '1'\n";
    expect(judgeCollection({ exitCode: 4, stdout: "", stderr: conftest })).toEqual({ kind: "failed", message: "AssertionError: no GPU here" });
  });

  it("collects a file that clashed with another of its name after that one, and counts only its own error", () => {
    const d = pytestDriver("python3");
    const test = { ...pytestCase("tests/b/test_utils.py"), clashesWith: ["tests/a/test_utils.py"] };
    const req = { test, seed: null, mode: "repeat" as const, attempts: 2, freshSeeds: null, stopWhenMixed: true, freshPasses: true, workDir: "/w", resultsFile: "/w/r" };
    const inv = d.invocation(req);
    expect(inv.argv.slice(-3)).toEqual(["--", "tests/a/test_utils.py", "tests/b/test_utils.py"]);
    // pytest's words for the file are asked for whatever the project's addopts say (--tb=no, -rN).
    expect(inv.argv).toEqual(expect.arrayContaining(["--tb=short", "-rE"]));
    expect(d.reproduceCommand(test, null)).toBe("python3 -m pytest tests/a/test_utils.py tests/b/test_utils.py");
    // Real pytest 9 output (-q --collect-only): the clash, reported for the test's own file.
    const clash = [
      "tests/a/test_utils.py::test_a",
      "",
      "==================================== ERRORS ====================================",
      "____________________ ERROR collecting tests/b/test_utils.py ____________________",
      "import file mismatch:",
      "imported module 'test_utils' has this __file__ attribute:",
      "  /tmp/ifm/tests/a/test_utils.py",
      "=========================== short test summary info ============================",
      "ERROR tests/b/test_utils.py",
    ].join("\n");
    expect(inv.judge?.decide({ exitCode: 2, stdout: clash, stderr: "", results: null })).toEqual({ kind: "failed", message: "import file mismatch:" });
    // The other file's own error (a module missing here) says nothing of this one.
    const theirs = clash.replace(/tests\/b\/test_utils\.py/g, "tests/a/test_utils.py").replace("import file mismatch:", "E   ModuleNotFoundError: No module named 'gpu'");
    expect(inv.judge?.decide({ exitCode: 2, stdout: theirs, stderr: "", results: null })).toEqual({ kind: "passed" });
    expect(inv.judge?.decide({ exitCode: 2, stdout: clash.replace(/\n/g, "\r\n"), stderr: "", results: null })).toMatchObject({ kind: "failed" });
    // The summary line alone (a section pytest did not print), and a header named from a
    // rootdir below the rerun's directory (pkg/ with its own pytest.ini), both count.
    const summaryOnly = "tests/a/test_utils.py::test_a\n=== short test summary info ===\nERROR tests/b/test_utils.py\n";
    expect(inv.judge?.decide({ exitCode: 2, stdout: summaryOnly, stderr: "", results: null })).toEqual({ kind: "failed", message: "collection error" });
    const pkg = pytestDriver("python3");
    const deep = { ...pytestCase("pkg/tests/b/test_utils.py"), clashesWith: ["pkg/tests/a/test_utils.py"] };
    const deepInv = pkg.invocation({ ...req, test: deep });
    const rootdirHeader = clash.replace("=== short test summary info ===", "").split("\n").filter((l) => !l.startsWith("ERROR tests/")).join("\n");
    expect(deepInv.judge?.decide({ exitCode: 2, stdout: rootdirHeader, stderr: "", results: null })).toEqual({ kind: "failed", message: "import file mismatch:" });
  });
});
