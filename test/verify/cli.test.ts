/** The verify and merge commands: flag parsing (usage errors) and one real run each. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it, vi } from "vitest";
import { mergeMain } from "../../src/cli/merge-command.js";
import { parseVerifyArgs, verifyMain } from "../../src/cli/verify-command.js";
import { VerifyProgressPrinter } from "../../src/cli/verify-progress.js";
import { UserError } from "../../src/errors.js";
import { planVerify } from "../../src/verify/settings.js";
import type { VerifyReport } from "../../src/verify/model.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, "..", "..", "schema", "verify.schema.json"), "utf8"));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const hasPytest = spawnSync(process.env["FLAKY_TRIAGE_PYTHON"] || "python3", ["-c", "import pytest"]).status === 0;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = () => {
  const d = mkdtempSync(path.join(tmpdir(), "ft-verify-cli-"));
  dirs.push(d);
  return d;
};

describe("verify flags", () => {
  const parse = (...argv: string[]) => parseVerifyArgs(argv, "/work");

  it("defaults: 1000 trials, 60 s timeout, random stream, no shard", () => {
    const cmd = parse("t.py::t");
    if (cmd === "help") throw new Error("help");
    expect(cmd.settings).toMatchObject({ ids: ["t.py::t"], trials: 1000, timeoutSec: 60, baseSeed: null, shard: null, mechanism: null, cwd: "/work" });
  });

  it("takes the seed mechanism from --seed-env / --seed-arg", () => {
    const env = parse("t.py::t", "--seed-env", "MY_SEED");
    const arg = parse("t.py::t", "--seed-arg", "-p randomly --randomly-seed={seed}");
    if (env === "help" || arg === "help") throw new Error("help");
    expect(env.settings.mechanism).toEqual({ source: "flag", detail: "--seed-env", kind: "env", names: ["MY_SEED"] });
    expect(arg.settings.mechanism).toMatchObject({ kind: "args", template: ["-p", "randomly", "--randomly-seed={seed}"] });
  });

  it.each([
    [[], /no test given/],
    [["t.py::t", "--trials", "0"], /--trials must be between 1 and 10000000/],
    [["t.py::t", "--trials", "many"], /--trials expects a whole number/],
    [["t.py::t", "--shard", "3/2", "--base-seed", "1"], /--shard expects K\/N/],
    [["t.py::t", "--shard", "1/2"], /--shard needs --base-seed/],
    [["t.py::t", "--seed-env", "A", "--seed-arg", "--s={seed}"], /--seed-env or --seed-arg, not both/],
    [["t.py::t", "--seed-arg", "--s=1"], /must contain \{seed\}/],
    [["t.py::t", "--seed-env", "1BAD"], /is not an environment variable name/],
    [["t.py::t", "--seed-list", "s.txt", "--trials", "5"], /--seed-list runs one trial per listed seed/],
    [["t.py::t", "--seed-list", "s.txt", "--base-seed", "5"], /--base-seed keys random seeds/],
    [["t.py::t", "--base-seed", "has space"], /--base-seed must be/],
    [["t.py::t", "--bogus"], /verify: Unknown option '--bogus'/],
  ])("rejects %j with a UserError", (argv, message) => {
    expect(() => parse(...argv)).toThrow(UserError);
    expect(() => parse(...argv)).toThrow(message);
  });
});

describe("verify's test ids", () => {
  it("refuses a file given as a test (it ran the whole file as one trial, a process per trial), naming how to list its tests", async () => {
    const settings = (...argv: string[]) => {
      const cmd = parseVerifyArgs(argv, "/work");
      if (cmd === "help") throw new Error("help");
      return cmd.settings;
    };
    await expect(planVerify(settings("tests/test_num.py", "--trials", "10"))).rejects.toThrow(
      /^tests\/test_num\.py: a file, not a test: give its test ids \(tests\/test_num\.py::test_name; pytest --collect-only -q lists them\)$/,
    );
    // A template runs what it is given.
    await expect(planVerify(settings("tests/test_num.py", "--rerun-command", "tox -- {id}"))).resolves.toBeDefined();
  });
});

describe("merge's inputs", () => {
  it("names a missing shard or a directory in words, as triage names its reports", async () => {
    await expect(mergeMain(["/no/such/shard.json"])).rejects.toThrow(/^\/no\/such\/shard\.json: no such file$/);
    await expect(mergeMain([import.meta.dirname])).rejects.toThrow(/: is a directory, not a verify report$/);
  });
});

describe("verify progress", () => {
  it("in a log: a line every 10% with trials/s and ETA", () => {
    const lines: string[] = [];
    let now = 0;
    const p = new VerifyProgressPrinter({ write: (s: string) => lines.push(s) }, { quiet: false, now: () => now });
    p.update({ kind: "seed", id: "t", index: 0, count: 1, how: "env" });
    for (let done = 1; done <= 100; done++) {
      now += 10;
      p.update({ kind: "trial", id: "t", index: 0, count: 1, done, total: 100, failed: 0 });
    }
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("[1/1] t: 10/100 trials, 0 failed, 100 trials/s, ETA 1s\n");
  });
});

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (chunks.push(String(s)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return { code: await fn(), out: chunks.join("") };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe.skipIf(!hasPytest)("verify and merge commands, end to end", () => {
  it("verifies tests from a triage report in two shards and merges them; exit codes and JSON follow", async () => {
    const dir = scratch();
    cpSync(path.join(here, "..", "fixtures", "verify"), path.join(dir, "proj"), { recursive: true });
    // A triage report as `flaky-triage --json` writes it, reduced to what verify reads.
    const seed = { value: "7", recogniser: "mxnet-test-seed", source: { file: "ci.log" }, apply: { kind: "env", env: { MXNET_TEST_SEED: "7" } } };
    writeFileSync(path.join(dir, "triage.json"), JSON.stringify({ schemaVersion: 1, tests: [{ id: "test_known_rate.py::test_known_rate", seed }] }));
    const common = ["--from-report", path.join(dir, "triage.json"), "--cwd", path.join(dir, "proj"), "--trials", "20", "--base-seed", "ci-run-1", "--jobs", "1", "--quiet"];
    // One capture around both: stdout is one stream, and nested spies would unwind out of order.
    const runs = await capture(async () => {
      const codes = await Promise.all([1, 2].map((k) => verifyMain([...common, "--shard", `${k}/2`, "--json", path.join(dir, `shard-${k}.json`)])));
      return codes[0]! * 10 + codes[1]!;
    });
    const shards = [1, 2].map((k) => JSON.parse(readFileSync(path.join(dir, `shard-${k}.json`), "utf8")) as VerifyReport);
    for (const s of shards) {
      expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
      expect(s.tests[0]!.seedApply).toMatchObject({ source: "report", kind: "env", target: ["MXNET_TEST_SEED"] });
      expect(s.seeds).toEqual({ kind: "random", baseSeed: "ci-run-1", total: 20 });
    }
    const expected = shards.map((sh) => (sh.tests[0]!.failed > 0 ? 1 : 0));
    expect(runs.code).toBe(expected[0]! * 10 + expected[1]!);
    expect(runs.out).toContain("shard 1/2");

    const merged = await capture(() =>
      mergeMain([path.join(dir, "shard-*.json"), "--json", path.join(dir, "merged.json"), "--markdown", path.join(dir, "merged.md")]),
    );
    const m = JSON.parse(readFileSync(path.join(dir, "merged.json"), "utf8")) as VerifyReport;
    expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
    expect(m.tests[0]!.trials).toBe(20);
    expect(m.tests[0]!.failed).toBe(shards[0]!.tests[0]!.failed + shards[1]!.tests[0]!.failed);
    expect(merged.code).toBe(m.tests[0]!.failed > 0 ? 1 : 0);
    expect(merged.out).toContain("merged shards 1, 2 of 2");
    expect(readFileSync(path.join(dir, "merged.md"), "utf8")).toContain("## flaky-triage verify");

    await expect(mergeMain([path.join(dir, "shard-1.json"), path.join(dir, "triage.json")])).rejects.toThrow(/is not a flaky-triage verify report/);
  });
});

describe.skipIf(!hasPytest)("verify and a credential-like variable the trials do not get", () => {
  it("says to pass it when the first failure names it; with FLAKY_TRIAGE_PASS_ENV the trials get it (dist/cli.js)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ft-verify-withheld-"));
    try {
      writeFileSync(path.join(dir, "test_db.py"), 'import os\n\n\ndef test_needs_pw():\n    assert os.environ["DB_PASSWORD"] == "x"\n');
      const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "cli.js");
      const run = (env: NodeJS.ProcessEnv) => {
        const out = path.join(dir, "v.json");
        const r = spawnSync(process.execPath, [cli, "verify", "test_db.py::test_needs_pw", "--trials", "2", "--jobs", "1", "--cwd", dir, "--json", out, "--quiet"], { encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", ...env } });
        return { status: r.status, test: (JSON.parse(readFileSync(out, "utf8")) as VerifyReport).tests[0]! };
      };
      const withheld = run({ DB_PASSWORD: "x" });
      expect(withheld.status).toBe(1);
      expect(withheld.test.note).toContain("the first failure names DB_PASSWORD, which trials do not get (its name looks like a credential): if the test needs it, give it with FLAKY_TRIAGE_PASS_ENV=DB_PASSWORD");
      const passed = run({ DB_PASSWORD: "x", FLAKY_TRIAGE_PASS_ENV: "DB_PASSWORD" });
      expect(passed.status).toBe(0);
      expect(passed.test).toMatchObject({ trials: 2, failed: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!hasPytest)("verify learns how the seed goes in from a probe that (helper-51's cases)", () => {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "cli.js");
  const verifyIn = (dir: string, id: string, trials: number, env: NodeJS.ProcessEnv = {}) => {
    const out = path.join(dir, "v.json");
    const r = spawnSync(process.execPath, [cli, "verify", id, "--trials", String(trials), "--jobs", "2", "--base-seed", "p", "--cwd", dir, "--json", out, "--quiet"], {
      encoding: "utf8",
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", ...env },
    });
    return { status: r.status, stderr: r.stderr, test: (JSON.parse(readFileSync(out, "utf8")) as VerifyReport).tests[0]! };
  };

  it("failed for want of a seed variable: the trials get it (40 of 40 failed with KeyError, exit 1)", () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "test_k.py"), 'import os\nimport random\n\n\ndef test_needs_seed():\n    seed = int(os.environ["MXNET_TEST_SEED"])\n    assert random.Random(seed).random() >= 0.1, "unlucky seed %d" % seed\n');
    const r = verifyIn(dir, "test_k.py::test_needs_seed", 40);
    expect(r.test.seedApply).toMatchObject({ kind: "env", target: ["MXNET_TEST_SEED"], source: "probe" });
    expect(r.test.failed).toBeLessThan(20);
    expect(r.test.firstFailure ?? "").not.toContain("KeyError");
  }, 120_000);

  it("hid its pytest-randomly header under -q: the seed goes back as its arguments, not to the global generators the plugin reseeds over", () => {
    const dir = scratch();
    // pytest-randomly's ways (it is not installed here): the header line, and a reseed at setup.
    writeFileSync(
      path.join(dir, "randomly.py"),
      [
        "import random",
        "_s = None",
        "def pytest_addoption(parser):",
        '    parser.addoption("--randomly-seed", default=None)',
        "def pytest_configure(config):",
        "    global _s",
        '    v = config.getoption("randomly_seed")',
        "    _s = int(v) if v else random.Random().getrandbits(32)",
        "def pytest_report_header(config):",
        '    return "Using --randomly-seed=%d" % _s',
        "def pytest_runtest_setup(item):",
        "    random.seed(_s)",
        "",
      ].join("\n"),
    );
    writeFileSync(path.join(dir, "conftest.py"), 'pytest_plugins = ["randomly"]\n');
    writeFileSync(path.join(dir, "test_r.py"), "import random\n\n\ndef test_half():\n    assert random.random() < 0.5\n");
    // A process per trial (the seed is an argument): few trials; all alike has odds 2 in 65536.
    const r = verifyIn(dir, "test_r.py::test_half", 16, { PYTHONPATH: dir });
    expect(r.test.seedApply).toMatchObject({ kind: "args", source: "probe" });
    // Seeded over by the plugin, every trial of a process drew the same: none or all failed.
    expect(r.test.failed).toBeGreaterThan(0);
    expect(r.test.failed).toBeLessThan(16);
  }, 180_000);
});
