// The flakyTriageVerify step in the Groovy Pipeline stand-in (test/jenkins/harness/), with the
// real bundle: a shard in one "parallel branch", the other shard by the CLI, then the merge step.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calls, groovy, int, root, runStep } from "../jenkins/harness.js";

const bundle = join(root, "jenkins", "resources", "flaky-triage", "cli.js");
const fixture = join(root, "test", "fixtures", "verify");
const hasPytest = spawnSync(process.env["FLAKY_TRIAGE_PYTHON"] || "python3", ["-c", "import pytest"]).status === 0;
const skip = (!groovy && !process.env.CI) || !hasPytest || !existsSync(bundle);
if (skip) console.warn("test/verify/jenkins: skipped: needs groovy, pytest and the bundle (npm run build)");

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), "ft-verify-jenkins-"));
  cpSync(fixture, join(ws, "proj"), { recursive: true });
  return ws;
}

describe.skipIf(skip)("flakyTriageVerify step", () => {
  it("rejects bad parameters before running anything, naming them", async () => {
    const run = await runStep({ step: "flakyTriageVerify", workspace: workspace(), params: { tests: ["a.py::t"], shard: "3/2" } });
    expect(run.error).toBe("flakyTriageVerify: shard must be K/N with 1 <= K <= N; got '3/2'.");
    expect(calls(run, "sh")).toHaveLength(0);
    const bad = await runStep({ step: "flakyTriageVerify", workspace: workspace(), params: { tests: ["a.py::t"], runner: "nose" } });
    expect(bad.error).toBe("flakyTriageVerify: runner must be one of pytest, vitest, jest, go (or empty: picked from each report's dialect); got 'nose'.");
    expect(calls(bad, "sh")).toHaveLength(0);
  });

  it("does not fail a shard that got no trials (more shards than trials), as the CLI does not", async () => {
    const params = { tests: "test_known_rate.py::test_known_rate", workingDirectory: "proj", trials: int(1), shard: "1/2", runner: "pytest", quiet: true, failOn: "any" };
    const run = await runStep({ step: "flakyTriageVerify", workspace: workspace(), params, env: { BUILD_TAG: "jenkins-verify-8" } });
    expect(run.crash).toBeNull();
    expect(run.error).toBeNull();
    expect(run.returned).toMatchObject({ trials: 0, failedTrials: 0, failingTests: 0 });
    expect(run.result).toBe("SUCCESS");
  });

  it("fails a test that skipped every trial as one with no trial that counts, not as one that failed trials", async () => {
    const params = { tests: "test_known_rate.py::test_always_skips", workingDirectory: "proj", trials: int(2), jobs: int(1), seedEnv: "MXNET_TEST_SEED", runner: "pytest", quiet: true, failOn: "any" };
    const run = await runStep({ step: "flakyTriageVerify", workspace: workspace(), params });
    expect(run.crash).toBeNull();
    expect(run.error).toBe(
      "flakyTriageVerify: 1 test(s) had no trial that counts (every trial skipped itself, or the test could not run); the failing seeds and notes are in .flaky-triage/verify.json.",
    );
  });

  it("runs a shard keyed by BUILD_TAG, then merges it with the other shard; returns plain Maps", async () => {
    const ws = workspace();
    const params = {
      tests: "test_known_rate.py::test_known_rate",
      workingDirectory: "proj",
      trials: int(20),
      shard: "1/2",
      jobs: int(1),
      seedEnv: "MXNET_TEST_SEED",
      runner: "pytest",
      quiet: true,
      failOn: "unstable",
    };
    const shard = await runStep({ step: "flakyTriageVerify", workspace: ws, params, env: { BUILD_TAG: "jenkins-verify-7" } });
    expect(shard.crash).toBeNull();
    expect(shard.returnedProblem).toBeNull();
    const one = shard.returned!;
    expect(one).toMatchObject({ shard: "1/2", baseSeed: "jenkins-verify-7", trials: 10, report: ".flaky-triage/verify-shard-1-of-2.json" });
    expect(one.tests[0].id).toBe("test_known_rate.py::test_known_rate");
    const args = JSON.parse(readFileSync(join(ws, ".flaky-triage", "verify-args.json"), "utf8")) as string[];
    expect(args.slice(args.indexOf("--runner"), args.indexOf("--runner") + 2)).toEqual(["--runner", "pytest"]);
    expect(shard.result).toBe(one.failedTrials > 0 ? "UNSTABLE" : "SUCCESS");
    expect(calls(shard, "unstable").map((c) => c.args.message)).toEqual(
      one.failedTrials > 0 ? [`flakyTriageVerify: 1 test(s) failed ${one.failedTrials} of 10 trial(s); the failing seeds and notes are in .flaky-triage/verify-shard-1-of-2.json.`] : [],
    );
    expect(one).toMatchObject({ failedTests: one.failedTrials > 0 ? 1 : 0, failingTests: one.failedTrials > 0 ? 1 : 0 });
    // The only shell scripts are constants.
    expect(calls(shard, "sh").map((c) => c.args.script)).toEqual([
      "node --version > .flaky-triage/node-version.txt 2>&1",
      "rm -f .flaky-triage/verify-shard-1-of-2.json .flaky-triage/verify-shard-1-of-2.md && node .flaky-triage/cli.mjs verify --args-json .flaky-triage/verify-args.json",
    ]);

    // The other branch, as the CLI would run it there (exit 1 when a trial failed).
    spawnSync(process.execPath, [bundle, "verify", "test_known_rate.py::test_known_rate", "--cwd", join(ws, "proj"), "--trials", "20",
      "--shard", "2/2", "--base-seed", "jenkins-verify-7", "--jobs", "1", "--seed-env", "MXNET_TEST_SEED", "--quiet",
      "--json", join(ws, ".flaky-triage", "verify-shard-2-of-2.json")], { stdio: "ignore" });
    const two = JSON.parse(readFileSync(join(ws, ".flaky-triage", "verify-shard-2-of-2.json"), "utf8"));

    const merge = await runStep({ step: "flakyTriageVerify", workspace: ws, plugins: ["findFiles"], params: { merge: [".flaky-triage/verify-shard-*.json"], failOn: "never" } });
    expect(merge.crash).toBeNull();
    expect(merge.error).toBeNull();
    const m = merge.returned!;
    expect(m).toMatchObject({ trials: 20, failedTrials: one.failedTrials + two.tests[0].failed, report: ".flaky-triage/verify-merged.json", shard: null });
    expect(m.tests[0].failingSeeds).toEqual([...one.tests[0].failingSeeds, ...two.tests[0].failingSeeds]);
    expect(calls(merge, "archiveArtifacts")[0]!.archived).toEqual([".flaky-triage/verify-merged.json", ".flaky-triage/verify-merged.md"]);
    expect(merge.result).toBe("SUCCESS");
  });
});
