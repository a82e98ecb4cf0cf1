/**
 * verify with vitest and jest, real runs: a test that skips itself (vitest's `ctx.skip()`,
 * `it.skip`, jest's `it.skip` and `it.todo`) is a skipped trial, not one the runner "found no
 * test matching". Both list the tests their `-t` filter left out as skipped too, so the judge
 * looks at the one whose full name the filter matches.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { TestCase } from "../../src/model.js";
import type { SeedMechanism } from "../../src/verify/probe.js";
import { verify } from "../../src/verify/verify.js";

const root = path.join(import.meta.dirname, "..", "..");
const BY_ENV: SeedMechanism = { source: "flag", detail: "--seed-env", kind: "env", names: ["DEMO_SEED"] };
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A project of one test file, its runner from `modules` (a node_modules to link). */
function project(modules: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ft-js-skip-"));
  made.push(dir);
  symlinkSync(modules, path.join(dir, "node_modules"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function verifyOne(cwd: string, test: TestCase, seeds: string[]) {
  const r = await verify({
    targets: [{ test, mechanism: BY_ENV }],
    cwd,
    stream: { kind: "list", file: "seeds.txt", sha256: "0", total: seeds.length, seeds },
    shard: null,
    jobs: 2,
    timeoutSec: 60,
    rerunCommand: null,
    seedPatterns: [],
    stopOnFailure: false,
    runDir: cwd,
    env: process.env,
    startupAllowanceSec: 60,
    killGraceMs: 500,
  });
  return r.tests[0]!;
}

function jsTest(runner: "vitest" | "jest", describeName: string, name: string): TestCase {
  const file = "tests/a.test.js";
  return runner === "vitest"
    ? { id: `${file} > ${describeName} > ${name}`, classname: file, name: `${describeName} > ${name}`, file, outcome: "failed", sources: [{ file: "r.xml" }], index: 0, runner }
    : { id: `${file} > ${describeName} > ${name}`, classname: describeName, name, file, outcome: "failed", sources: [{ file: "r.xml" }], index: 0, runner };
}

describe("verify with vitest, real runs", () => {
  const dir = project(path.join(root, "node_modules"), {
    "vitest.config.mjs": 'export default { test: { include: ["tests/**/*.test.js"] } };\n',
    "tests/a.test.js": [
      'import { beforeAll, describe, it, expect } from "vitest";',
      'describe("grp", () => {',
      '  it("sometimes skips", (ctx) => {',
      "    const s = Number(process.env.DEMO_SEED);",
      "    if (s % 2 === 0) ctx.skip();",
      "    expect(s % 3).not.toBe(0);",
      "  });",
      '  it.skip("always skipped", () => {});',
      "});",
      'describe("hooked", () => {',
      '  beforeAll(() => { if (Number(process.env.DEMO_SEED) % 2 === 0) throw new Error("setup failed"); });',
      '  it("runs after its hook", () => {});',
      "});",
      "",
    ].join("\n"),
  });

  it("counts ctx.skip() as a skipped trial: seeds 1 pass, 2 and 4 skip, 3 fails", async () => {
    const t = await verifyOne(dir, jsTest("vitest", "grp", "sometimes skips"), ["1", "2", "3", "4"]);
    expect({ trials: t.trials, passed: t.passed, failed: t.failed, skipped: t.skipped, note: t.note }).toEqual({ trials: 4, passed: 1, failed: 1, skipped: 2, note: null });
    expect(t.failingSeeds).toEqual(["3"]);
  }, 120_000);

  it("says a test skipped in its code (it.skip) skipped every trial", async () => {
    const t = await verifyOne(dir, jsTest("vitest", "grp", "always skipped"), ["1", "2"]);
    expect({ trials: t.trials, skipped: t.skipped }).toEqual({ trials: 2, skipped: 2 });
    expect(t.note).toBe("every trial skipped itself: vitest: the test skipped itself (skipped)");
  }, 120_000);

  it("stops a test that skipped its first 10 trials: a process each, to verify nothing", async () => {
    const t = await verifyOne(dir, jsTest("vitest", "grp", "always skipped"), Array.from({ length: 14 }, (_, i) => String(i + 1)));
    // Two processes at a time (jobs: 2): the one still running when the tenth skip stops the
    // test may add an eleventh.
    expect(t.trials).toBeGreaterThanOrEqual(10);
    expect(t.trials).toBeLessThanOrEqual(11);
    expect(t.skipped).toBe(t.trials);
    expect(t.note).toBe(`every trial skipped itself (stopped after ${t.trials} of 14): vitest: the test skipped itself (skipped)`);
  }, 120_000);

  it("counts a describe hook that throws (the test is listed as skipped) as a failure, not a skip", async () => {
    const t = await verifyOne(dir, jsTest("vitest", "hooked", "runs after its hook"), ["1", "2", "3", "4"]);
    expect({ trials: t.trials, passed: t.passed, failed: t.failed, skipped: t.skipped }).toEqual({ trials: 4, passed: 2, failed: 2, skipped: 0 });
    expect(t.failingSeeds).toEqual(["2", "4"]);
  }, 120_000);

  it("still cannot run a name that matches nothing, though the file's tests are listed as skipped", async () => {
    const t = await verifyOne(dir, jsTest("vitest", "grp", "no such test"), ["1"]);
    expect(t.trials).toBe(0);
    expect(t.note).toMatch(/vitest found no test matching the name/);
  }, 120_000);
});

describe("verify with jest, real runs", () => {
  const dir = project(path.join(root, "examples", "jest", "node_modules"), {
    "package.json": JSON.stringify({ name: "ft-js-skip", private: true, jest: { testMatch: ["<rootDir>/tests/**/*.test.js"], transform: {} } }),
    "tests/a.test.js": ['describe("grp", () => {', '  it.skip("always skipped", () => {});', '  it.todo("a todo");', '  it("passes", () => {});', "});", ""].join("\n"),
  });

  it.each([
    ["always skipped", "pending"],
    ["a todo", "todo"],
  ])("counts %s as skipped trials", async (name, status) => {
    const t = await verifyOne(dir, jsTest("jest", "grp", name), ["1"]);
    expect({ trials: t.trials, skipped: t.skipped }).toEqual({ trials: 1, skipped: 1 });
    expect(t.note).toBe(`every trial skipped itself: jest: the test skipped itself (${status})`);
  }, 120_000);

  it("still cannot run a name that matches nothing", async () => {
    const t = await verifyOne(dir, jsTest("jest", "grp", "no such test"), ["1"]);
    expect(t.trials).toBe(0);
    expect(t.note).toMatch(/jest found no test matching the name/);
  }, 120_000);
});
