/** The Action's `mode: verify` (a matrix of shards) and `mode: merge`, with real pytest. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseVerifyInputs, readEnvironment, envInputReader } from "../../src/action/inputs.js";
import { runAction } from "../../src/action/run.js";
import { WorkflowLog } from "../../src/action/workflow-commands.js";
import type { VerifyReport } from "../../src/verify/model.js";
import { verifyOptions } from "../../src/verify/settings.js";

const fixture = fileURLToPath(new URL("../fixtures/verify", import.meta.url));
const hasPytest = spawnSync(process.env["FLAKY_TRIAGE_PYTHON"] || "python3", ["-c", "import pytest"]).status === 0;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(): { ws: string; temp: string } {
  const ws = mkdtempSync(join(tmpdir(), "ft-verify-action-"));
  dirs.push(ws);
  cpSync(fixture, join(ws, "py"), { recursive: true });
  const temp = join(ws, "_temp");
  mkdirSync(temp);
  writeFileSync(join(temp, "summary.md"), "");
  return { ws, temp };
}

function env(ws: string, temp: string, inputs: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: temp,
    GITHUB_STEP_SUMMARY: join(temp, "summary.md"),
    GITHUB_RUN_ID: "4242",
    "INPUT_WORKING-DIRECTORY": "py",
  };
  for (const [k, v] of Object.entries(inputs)) e[`INPUT_${k.toUpperCase()}`] = v;
  return e;
}

async function action(e: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const outputs: Record<string, string> = {};
  const code = await runAction({
    env: e,
    log: new WorkflowLog({ write: (l) => lines.push(l) }),
    triage: async () => {
      throw new Error("triage must not run in verify or merge mode");
    },
    cache: async () => ({ available: () => false, restore: async () => false, save: async () => {} }),
    checks: async () => {
      throw new Error("no check runs in verify mode");
    },
    setOutput: (k, v) => void (outputs[k] = v),
  });
  return { code, lines, outputs };
}

describe("Action inputs for verify and merge", () => {
  const { ws } = workspace();
  const parse = (inputs: Record<string, string>, mode: "verify" | "merge" = "verify") => {
    const e = env(ws, ws, inputs);
    return parseVerifyInputs(envInputReader(e), readEnvironment(e), mode);
  };

  it("keys a sharded stream by the run id unless base-seed is given", () => {
    expect(parse({ tests: "a.py::t", shard: "2/4" }).verify).toMatchObject({ shard: { index: 2, count: 4 }, baseSeed: "run-4242", trials: 1000 });
    expect(parse({ tests: "a.py::t", shard: "2/4", "base-seed": "x" }).verify.baseSeed).toBe("x");
    expect(parse({ tests: "a.py::t" }).verify.baseSeed).toBeNull();
    expect(parse({ tests: "a.py::t\nb.py::u", "seed-env": "MXNET_TEST_SEED" }).verify).toMatchObject({
      ids: ["a.py::t", "b.py::u"],
      mechanism: { kind: "env", names: ["MXNET_TEST_SEED"] },
    });
  });

  it("passes the runner input on to the engine, as the CLI's --runner does", () => {
    const s = parse({ tests: "tests/a.test.js > adds", runner: "jest" }).verify;
    expect(s.runner).toBe("jest");
    const opts = verifyOptions(s, { targets: [], stream: { kind: "list", seeds: [] } as never }, { runDir: "/tmp/x", env: {} });
    expect(opts.runner).toBe("jest");
    expect(parse({ tests: "a.py::t" }).verify.runner).toBeNull();
  });

  it.each([
    [{}, "verify", /^Input 'tests' is empty/],
    [{ tests: "a.py::t", runner: "nose" }, "verify", /^Input 'runner' must be one of/],
    [{ tests: "a.py::t", shard: "5/4" }, "verify", /^Input 'shard' must be K\/N/],
    [{ tests: "a.py::t", trials: "0" }, "verify", /^Input 'trials' must be between 1/],
    [{ tests: "a.py::t", "seed-env": "1X" }, "verify", /^Input 'seed-env' names no environment variable/],
    [{}, "merge", /^Input 'reports' is empty: with mode: merge/],
  ] as const)("rejects %j (%s) naming the input", (inputs, mode, message) => {
    expect(() => parse(inputs, mode)).toThrow(message);
  });
});

describe.skipIf(!hasPytest)("Action mode: verify, a test that skips itself", () => {
  it("fails the step saying the test had no trial that counts, not that it failed trials", async () => {
    const { ws, temp } = workspace();
    const r = await action(env(ws, temp, { mode: "verify", tests: "test_known_rate.py::test_always_skips", trials: "3", jobs: "1", "seed-env": "MXNET_TEST_SEED" }));
    expect(r.code).toBe(1);
    expect(r.outputs["failed-trials"]).toBe("0");
    expect(r.lines.at(-1)).toBe(
      "::error::1 test(s) had no trial that counts (every trial skipped itself, or the test could not run); see the job summary for the failing seeds and notes.",
    );
  }, 120_000);
});

describe.skipIf(!hasPytest)("Action mode: verify in a matrix of shards, then mode: merge", () => {
  it("each shard writes its report and summary; merge sums them, fails the step and sets outputs", async () => {
    const { ws, temp } = workspace();
    const shards: VerifyReport[] = [];
    for (const k of [1, 2]) {
      const r = await action(env(ws, temp, { mode: "verify", tests: "test_known_rate.py::test_known_rate", trials: "30", shard: `${k}/2`, jobs: "1", "seed-env": "MXNET_TEST_SEED" }));
      expect(r.outputs.report).toBe(join(temp, "flaky-triage", `verify-shard-${k}-of-2.json`));
      const rep = JSON.parse(readFileSync(r.outputs.report!, "utf8")) as VerifyReport;
      expect(rep.seeds).toEqual({ kind: "random", baseSeed: "run-4242", total: 30 });
      expect(r.code).toBe(rep.tests[0]!.failed > 0 ? 1 : 0);
      expect(r.outputs["failed-trials"]).toBe(String(rep.tests[0]!.failed));
      shards.push(rep);
    }
    // What actions/download-artifact would put in one folder.
    mkdirSync(join(ws, "py", "shards"));
    for (const k of [1, 2]) cpSync(join(temp, "flaky-triage", `verify-shard-${k}-of-2.json`), join(ws, "py", "shards", `verify-shard-${k}-of-2.json`));
    writeFileSync(join(temp, "summary.md"), "");
    const m = await action(env(ws, temp, { mode: "merge", reports: "shards/*.json" }));
    const merged = JSON.parse(readFileSync(m.outputs.report!, "utf8")) as VerifyReport;
    const failed = shards[0]!.tests[0]!.failed + shards[1]!.tests[0]!.failed;
    expect(merged.tests[0]).toMatchObject({ trials: 30, failed });
    expect(merged.merged).toEqual({ shards: [1, 2], count: 2, missing: [] });
    expect(m.outputs["failed-trials"]).toBe(String(failed));
    expect(readFileSync(join(temp, "summary.md"), "utf8")).toContain("merged shards 1, 2 of 2");
    if (failed > 0) {
      expect(m.code).toBe(1);
      expect(m.lines.at(-1)).toBe(`::error::1 test(s) failed ${failed} trial(s); see the job summary for the failing seeds and notes.`);
    } else {
      expect(m.code).toBe(0);
    }
  });
});
