/**
 * verify with a driver that judges more than the exit status: go test exits 0 when its -run
 * pattern matches nothing, so without the go driver's judge every trial of a test that does
 * not exist would count as a pass. Real go, on examples/go.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestCase } from "../../src/model.js";
import { verify, type VerifyOptions } from "../../src/verify/verify.js";
import { failureSentence, renderVerifyText, verifyFailed } from "../../src/verify/report.js";
import type { SeedMechanism } from "../../src/verify/probe.js";
import { GO_EXAMPLE, goExampleEnv, linkVendor, skipWithoutGo } from "../rerun/go-example-env.js";

const PKG = "example.com/flakydemo/stats";
const skip = skipWithoutGo("verify with the go driver");
const BY_ENV: SeedMechanism = { source: "flag", detail: "--seed-env", kind: "env", names: ["STATS_SEED"] };
let runDir: string;

beforeAll(() => {
  if (skip) return;
  linkVendor();
  runDir = mkdtempSync(path.join(tmpdir(), "ft-verify-go-"));
});
afterAll(() => {
  if (runDir) rmSync(runDir, { recursive: true, force: true });
});

function goTest(name: string): TestCase {
  return { id: `${PKG}/${name}`, classname: PKG, name, file: "stats/stats_test.go", outcome: "failed", sources: [{ file: "command line" }], index: 0, runner: "go" };
}

/** verify of one go test, one process at a time, with what differs from test to test. */
function verifyGo(over: Pick<VerifyOptions, "targets" | "cwd" | "stream" | "env">) {
  return verify({
    ...over,
    shard: null,
    jobs: 1,
    timeoutSec: 60,
    rerunCommand: null,
    seedPatterns: [],
    stopOnFailure: false,
    runDir,
    startupAllowanceSec: 60,
    killGraceMs: 500,
  });
}

/** verify on a test examples/go does not have: 3 trials, the seed by flag or by a probe run. */
function verifyMissing(mechanism: SeedMechanism | null) {
  return verifyGo({
    targets: [{ test: goTest("TestNoSuchThing"), mechanism }],
    cwd: GO_EXAMPLE,
    stream: { kind: "random", baseSeed: "42", total: 3 },
    env: goExampleEnv(),
  });
}

describe.skipIf(skip)("verify through the go driver", () => {
  it("counts no pass for a test go never ran (its -run pattern matched nothing)", async () => {
    const t = (await verifyMissing(BY_ENV)).tests[0]!;
    expect(t.passed).toBe(0);
    expect(t.trials).toBe(0);
    expect(t.note).toMatch(/go test found no test matching the -run pattern/);
  }, 120_000);

  /**
   * A module of its own: TestSometimesSkips skips, fails or passes as its seed is 0, 1 or 2
   * modulo 3; TestAlwaysSkips always skips.
   */
  function verifySkipDemo(name: string, seeds: string[]) {
    const mod = path.join(runDir, "skipdemo");
    mkdirSync(mod, { recursive: true });
    writeFileSync(path.join(mod, "go.mod"), "module example.com/skipdemo\n\ngo 1.19\n");
    writeFileSync(
      path.join(mod, "skip_test.go"),
      [
        "package skipdemo",
        'import ("os"; "strconv"; "testing")',
        "func TestSometimesSkips(t *testing.T) {",
        '\tseed, _ := strconv.Atoi(os.Getenv("DEMO_SEED"))',
        "\tswitch seed % 3 {",
        '\tcase 0: t.Skip("not on this seed")',
        '\tcase 1: t.Fatalf("seed %d fails", seed)',
        "\t}",
        "}",
        'func TestAlwaysSkips(t *testing.T) { t.Skip("needs a GPU") }',
        "",
      ].join("\n"),
    );
    const test: TestCase = { id: `example.com/skipdemo/${name}`, classname: "example.com/skipdemo", name, file: "skip_test.go", outcome: "failed", sources: [{ file: "command line" }], index: 0, runner: "go" };
    return verifyGo({
      targets: [{ test, mechanism: { source: "flag", detail: "--seed-env", kind: "env", names: ["DEMO_SEED"] } }],
      cwd: mod,
      stream: { kind: "list", file: "seeds.txt", sha256: "0", total: seeds.length, seeds },
      // Not the example's vendor directory: this module has no dependencies.
      env: { ...goExampleEnv(), GOFLAGS: "" },
    });
  }

  it("counts a test that skips itself (t.Skip) as a skipped trial, left out of the rate, not as one it cannot run", async () => {
    const r = await verifySkipDemo("TestSometimesSkips", ["3", "4", "5", "6", "7", "9"]);
    const t = r.tests[0]!;
    expect(t.note ?? "").not.toMatch(/could not run/);
    expect({ trials: t.trials, skipped: t.skipped, failed: t.failed, passed: t.passed }).toEqual({ trials: 6, skipped: 3, failed: 2, passed: 1 });
    expect(t.failureRate).toBeCloseTo(2 / 3);
  }, 180_000);

  it("says why a test that skipped every trial verified nothing, and fails the run", async () => {
    const r = await verifySkipDemo("TestAlwaysSkips", ["1", "2"]);
    const t = r.tests[0]!;
    expect({ trials: t.trials, skipped: t.skipped, failureRate: t.failureRate }).toEqual({ trials: 2, skipped: 2, failureRate: null });
    expect(t.note).toBe("every trial skipped itself: TestAlwaysSkips skipped itself (t.Skip)");
    const text = renderVerifyText(r);
    expect(text).toContain("every trial was skipped, so nothing is known about the failure rate");
    expect(text).toMatch(/No trial failed, but 1 of 1 test\(s\) had no trial that counts \(see their notes\): it was not verified\.$/);
    expect(verifyFailed(r)).toBe(true);
    expect(failureSentence(r)).toBe("1 test(s) had no trial that counts (every trial skipped itself, or the test could not run)");
  }, 180_000);

  it("says so from the probe run too, when no seed mechanism is given", async () => {
    const t = (await verifyMissing(null)).tests[0]!;
    expect(t.trials).toBe(0);
    expect(t.note).toMatch(/go test found no test matching the -run pattern/);
  }, 120_000);

  it("from the command line (dist/cli.js verify ID --runner go): the id is split as go ids are, so trials run the test, not a package named after it", () => {
    // The id was split as a pytest id: `go test example.com.flakydemo.stats.TestParallelSum`,
    // which go cannot find, so every trial "failed" with exit code 1.
    const out = path.join(runDir, "cli-verify.json");
    const run = spawnSync(
      process.execPath,
      [path.join(import.meta.dirname, "..", "..", "dist", "cli.js"), "verify", `${PKG}/TestMedian/even_count`, "--runner", "go", "--seed-env", "STATS_SEED", "--trials", "2", "--jobs", "1", "--cwd", GO_EXAMPLE, "--json", out],
      { encoding: "utf8", env: goExampleEnv() },
    );
    expect(run.status, run.stderr).toBe(1);
    const t = (JSON.parse(readFileSync(out, "utf8")) as { tests: Array<{ trials: number; failed: number; firstFailure: string | null; reproduce: string | null }> }).tests[0]!;
    expect(t).toMatchObject({ trials: 2, failed: 2 });
    // go's own failure line of the test (a real bug in Median), not a command that went wrong.
    expect(t.firstFailure).toMatch(/Median\(\[4 1 3 2\]\) = /);
    expect(t.reproduce).toMatch(new RegExp(`^STATS_SEED=\\d+ go test ${PKG.replaceAll(".", "\\.")} -run '\\^TestMedian\\$/\\^even_count\\$' -count=1$`));
  }, 180_000);
});

