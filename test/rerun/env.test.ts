import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCredentialName, rerunEnv } from "../../src/rerun/env.js";

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
    expect(Object.keys(env).sort()).toEqual(["GITHUB_SHA", "HOME", "MXNET_TEST_SEED", "PATH", "PYTHONDONTWRITEBYTECODE", "PYTHONPATH"]);
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
