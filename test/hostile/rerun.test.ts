/**
 * Hostile tests against the rerun engine: tests that fork stubborn children, never end, flood
 * stdout, delete their project, kill process groups; test ids made to break out of a shell.
 * After each: no process of ours survives, no injected command ran.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { planRerun } from "../../src/rerun/plan.js";
import { rerunTest, type RerunContext } from "../../src/rerun/rerun.js";
import { removeTempDirs, copyFixture, pytestCase, survivors, tempDir } from "../rerun/helpers.js";

const markers: string[] = [];

function setup(env: Record<string, string> = {}): { project: string; ctx: RerunContext } {
  const project = copyFixture("hostile");
  const runDir = tempDir("ft-hostile-run-");
  markers.push(project, runDir);
  return { project, ctx: { runDir, env: { ...process.env, ...env }, startupAllowanceSec: 30, killGraceMs: 300 } };
}

function req(project: string, id: string, reruns = 2, timeoutSec = 2) {
  return planRerun({ test: pytestCase(id), seed: null, reruns, freshSeeds: 0, timeoutSec, cwd: project });
}

function findPwned(...dirs: string[]): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === "PWNED") found.push(path.join(d, e.name));
      if (e.isDirectory()) walk(path.join(d, e.name));
    }
  };
  dirs.forEach(walk);
  return found;
}

afterEach(async () => {
  for (const m of markers.splice(0)) expect(await survivors(m, 3000)).toEqual([]);
});

afterAll(removeTempDirs);

describe("hostile tests", () => {
  it("kills forked children that ignore SIGTERM when the attempt times out", async () => {
    const { project, ctx } = setup();
    const out = await rerunTest(req(project, "test_hostile.py::test_forks_children_ignoring_sigterm", 1, 1), ctx);
    expect(out.reruns.sameSeed).toMatchObject({ runs: 1, timedOut: 1 });
  });

  it("kills a busy loop that ignores SIGTERM", async () => {
    const { project, ctx } = setup();
    const out = await rerunTest(req(project, "test_hostile.py::test_never_ends", 1, 1), ctx);
    expect(out.reruns.sameSeed).toMatchObject({ runs: 1, timedOut: 1 });
  });

  it("drains gigabytes of stdout without keeping them", async () => {
    const { project, ctx } = setup({ FT_FLOOD_MIB: "2048" });
    const before = process.memoryUsage().rss;
    const out = await rerunTest(req(project, "test_flood.py::test_floods_stdout", 1, 60), ctx);
    expect(out.reruns.sameSeed).toMatchObject({ runs: 1, passed: 1 });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("survives a test that deletes its own working directory", async () => {
    const { project, ctx } = setup();
    const out = await rerunTest(req(project, "test_hostile.py::test_deletes_its_working_directory", 3), ctx);
    expect(existsSync(project)).toBe(false);
    // Every attempt ran in the one process and failed (the later ones on the missing cwd).
    expect(out.reruns.sameSeed).toMatchObject({ runs: 3, failed: 3 });
    // The next test in that project cannot start; it says why instead of failing obscurely.
    const next = await rerunTest(req(project, "test_hostile.py::test_never_ends", 1), ctx);
    expect(next.reruns.sameSeed.runs).toBe(0);
    expect(next.reruns.note).toMatch(/does not exist/);
  });

  it("is not reached by a test that kills its own process group", async () => {
    const { project, ctx } = setup();
    const out = await rerunTest(req(project, "test_hostile.py::test_kills_own_process_group", 2), ctx);
    expect(out.reruns.sameSeed).toMatchObject({ runs: 2, crashed: 2 });
    expect(out.trials[0]).toMatchObject({ kind: "crashed", signal: "SIGKILL" });
  });

  it("is not reached by a child that kills its parent's process group", async () => {
    const { project, ctx } = setup();
    const out = await rerunTest(req(project, "test_hostile.py::test_child_kills_parents_group", 1), ctx);
    expect(out.reruns.sameSeed).toMatchObject({ runs: 1, crashed: 1 });
  });

  it("passes hostile ids to pytest as data: nothing executes, option-like ids are not options", async () => {
    const { project, ctx } = setup();
    const real = "test_ids.py::test_param[$(touch PWNED)]";
    const ran = await rerunTest(req(project, real, 1), ctx);
    expect(ran.reruns.sameSeed).toMatchObject({ runs: 1, passed: 1 });
    const ids = [
      "test_ids.py::test_param[; touch PWNED #]",
      "test_hostile.py::x$(touch PWNED)",
      "test_hostile.py::x`touch PWNED`",
      "t.py::x'; touch PWNED; echo '",
      "t.py::a\nb; touch PWNED",
      "-x.py::test",
      "--version.py::t",
      "--collect-only.py",
      "--help",
    ];
    for (const id of ids) {
      const out = await rerunTest(req(project, id, 1), ctx);
      if (id === "--help") {
        // Not a pytest node id at all: no driver, nothing runs.
        expect(out.reruns.note).toMatch(/no rerun driver/);
      } else if (id.startsWith("-")) {
        // Option-like ids are paths after "--": pytest says it cannot find them.
        expect(out.reruns.note ?? "").toMatch(/not found/);
      }
      // The parametrized id exists (and passes, as data); the others name no test.
      expect(out.reruns.sameSeed.passed).toBe(id.startsWith("test_ids.py") ? 1 : 0);
    }
    expect(findPwned(project, ctx.runDir, process.cwd())).toEqual([]);
  }, 120_000);

  it("prints reproduce commands that sh runs with the exact argv and nothing else", async () => {
    const { project, ctx } = setup();
    const bin = tempDir("ft-fake-python-");
    // A fake python3 that writes its argv and MXNET_TEST_SEED, NUL-separated.
    const fake = path.join(bin, "python3");
    writeFileSync(fake, `#!/bin/sh\nprintf '%s\\0' "$MXNET_TEST_SEED" "$@" > "${bin}/argv"\n`);
    chmodSync(fake, 0o755);
    const ids = ["tests/x.py::test_y[a b]", "t.py::x$(touch PWNED)", "t.py::it's\n; touch PWNED #", "-x.py::t", "t.py::`touch PWNED`"];
    const seed = { value: "1121373020", recogniser: "mxnet", source: { file: "l" }, apply: { kind: "env" as const, env: { MXNET_TEST_SEED: "1121373020" } } };
    const work = tempDir("ft-repro-");
    mkdirSync(path.join(work, "d"));
    for (const id of ids) {
      const out = await rerunTest({ ...req(project, id, 0), seed }, ctx);
      expect(out.reproduce).not.toBeNull();
      execFileSync("sh", ["-c", out.reproduce!], { cwd: work, env: { PATH: `${bin}:/usr/bin:/bin` } });
      const argv = readFileSync(path.join(bin, "argv"), "utf8").split("\0").slice(0, -1);
      const expected = ["1121373020", "-m", "pytest", id.startsWith("-") ? `./${id}` : id];
      expect(argv).toEqual(expected);
    }
    expect(findPwned(work, bin)).toEqual([]);
  });
});
