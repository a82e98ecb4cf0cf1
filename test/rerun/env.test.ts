import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Reruns, Trial } from "../../src/model.js";
import { isCredentialName, rerunEnv, withheldNames } from "../../src/rerun/env.js";
import type { RerunPhase } from "../../src/rerun/plan.js";
import { discountWithheld } from "../../src/rerun/withheld.js";

describe("rerunEnv", () => {
  it("drops CI credentials, anything named like a secret and the runner's file commands", () => {
    const env = rerunEnv(
      {
        PATH: "/usr/bin",
        HOME: "/home/u",
        GITHUB_TOKEN: "x",
        ACTIONS_RUNTIME_TOKEN: "x",
        ACTIONS_RUNTIME_URL: "x",
        ACTIONS_ID_TOKEN_REQUEST_URL: "x",
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "x",
        ACTIONS_CACHE_TOKEN: "x",
        NPM_TOKEN: "x",
        npm_config__authToken: "x",
        AWS_SECRET_ACCESS_KEY: "x",
        DB_PASSWORD: "x",
        FTP_PASSWD: "x",
        GOOGLE_APPLICATION_CREDENTIALS: "x",
        OPENAI_API_KEY: "x",
        SSH_PRIVATE_KEY: "x",
        MXNET_TEST_SEED: "42",
        GITHUB_SHA: "abc",
        GITHUB_STEP_SUMMARY: "/runner/summary",
        GITHUB_OUTPUT: "/runner/output",
        GITHUB_ENV: "/runner/env",
        GITHUB_PATH: "/runner/path",
        GITHUB_STATE: "/runner/state",
        UNSET: undefined,
      },
      "/tmp/plugin",
    );
    expect(Object.keys(env).sort()).toEqual(["FLAKY_TRIAGE_WITHHELD", "GITHUB_SHA", "HOME", "MXNET_TEST_SEED", "PATH", "PYTHONDONTWRITEBYTECODE", "PYTHONPATH"]);
    // The credentials' names only (for the plugin to note a test that reads one), never values
    // and never the runner's file commands.
    expect(env.FLAKY_TRIAGE_WITHHELD!.split(",").sort()).toEqual([
      "ACTIONS_CACHE_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_RUNTIME_URL",
      "AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "FTP_PASSWD", "GITHUB_TOKEN", "GOOGLE_APPLICATION_CREDENTIALS", "NPM_TOKEN", "OPENAI_API_KEY",
      "SSH_PRIVATE_KEY", "npm_config__authToken",
    ]);
    expect(env.PYTHONDONTWRITEBYTECODE).toBe("1");
    expect(env.PYTHONPATH).toBe("/tmp/plugin");
  });

  it("prepends the plugin directory to an existing PYTHONPATH", () => {
    expect(rerunEnv({ PYTHONPATH: "/src" }, "/p").PYTHONPATH).toBe(`/p${path.delimiter}/src`);
  });

  it("matches names case-insensitively", () => {
    expect(isCredentialName("my_token")).toBe(true);
    expect(isCredentialName("Github_Secret_X")).toBe(true);
    expect(isCredentialName("ACTIONS_STEP_DEBUG")).toBe(false);
    expect(isCredentialName("PYTHONHASHSEED")).toBe(false);
  });
});

describe("FLAKY_TRIAGE_PASS_ENV: credentials the user lets reruns have", () => {
  const user = { PATH: "/usr/bin", DB_PASSWORD: "hunter2", API_TOKEN: "t", GITHUB_TOKEN: "g", GITHUB_OUTPUT: "/runner/output", FLAKY_TRIAGE_PASS_ENV: "DB_PASSWORD, GITHUB_OUTPUT" };

  it("passes the names it lists, withholds the other credentials, and never the runner's file commands", () => {
    const env = rerunEnv(user, "/plugin");
    expect(env.DB_PASSWORD).toBe("hunter2");
    expect(env.API_TOKEN).toBeUndefined();
    expect(env.GITHUB_TOKEN).toBeUndefined();
    expect(env.GITHUB_OUTPUT).toBeUndefined();
    expect(withheldNames(user).sort()).toEqual(["API_TOKEN", "GITHUB_OUTPUT", "GITHUB_TOKEN"]);
    expect(withheldNames({ PATH: "/usr/bin", DB_PASSWORD: "x" })).toEqual(["DB_PASSWORD"]);
  });
});

describe("discountWithheld: reruns failing on a withheld variable do not count", () => {
  const failed = (message: string, seed?: string): Trial => ({ kind: "failed", durationSec: 0.1, message, ...(seed !== undefined ? { seed } : {}) });
  const passed: Trial = { kind: "passed", durationSec: 0.1 };
  const fresh = (): Reruns => ({
    sameSeed: { runs: 3, passed: 1, failed: 2, timedOut: 0, crashed: 0, stoppedEarly: false },
    freshSeeds: { runs: 2, passed: 0, failed: 2, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: ["1", "2"], failingSeeds: ["1", "2"] },
  });
  const phases = (): Record<RerunPhase, Trial[]> => ({
    "same-seed": [failed("KeyError: 'DB_PASSWORD'"), passed, failed("AssertionError: connection reset")],
    "fresh-seeds": [failed("KeyError: 'DB_PASSWORD'", "1"), failed("AssertionError: x", "2")],
    order: [],
  });

  it("turns them into skipped attempts, recounts the tallies and says how to pass the variable", () => {
    const reruns = fresh();
    const byPhase = phases();
    const note = discountWithheld(reruns, byPhase, ["DB_PASSWORD", "API_TOKEN"], "AssertionError: connection reset");
    expect(note).toBe("2 reruns failed on DB_PASSWORD, which reruns do not get (its name looks like a credential): not counted; give it to reruns with FLAKY_TRIAGE_PASS_ENV=DB_PASSWORD");
    expect(reruns.sameSeed).toMatchObject({ runs: 3, passed: 1, failed: 1 });
    expect(reruns.freshSeeds).toMatchObject({ runs: 2, failed: 1, seeds: ["1", "2"], failingSeeds: ["2"] });
    expect(byPhase["same-seed"].map((t) => t.kind)).toEqual(["skipped", "passed", "failed"]);
  });

  it("leaves them counted when CI's failure named the variable too (the test's own failure), or nothing is withheld", () => {
    // ... and when CI's message says nothing to compare with (gotestsum writes "Failed" for
    // every test; `--tb=no` logs none): a test that clears API_KEY itself failed as in CI.
    for (const [withheld, ci] of [[["DB_PASSWORD"], "KeyError: 'DB_PASSWORD'"], [[], "AssertionError"], [["DB_PASSWORD"], "Failed"], [["DB_PASSWORD"], ""]] as const) {
      const reruns = fresh();
      expect(discountWithheld(reruns, phases(), withheld, ci)).toBeNull();
      expect(reruns).toEqual(fresh());
    }
    // A name is matched whole: DB_PASSWORD_FILE is another variable.
    const reruns = fresh();
    expect(discountWithheld(reruns, { "same-seed": [failed("KeyError: 'DB_PASSWORD_FILE'")], "fresh-seeds": [], order: [] }, ["DB_PASSWORD"], "")).toBeNull();
  });
});
