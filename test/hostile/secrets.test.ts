/**
 * Secrets: the CI job's tokens and anything named like a secret, set to a sentinel value, must
 * not reach a rerun (a test from the pull request dumps its whole environment) nor anything
 * we write: CLI output, JSON and Markdown reports, the Action's log, summary, outputs and the
 * check-run payload. The Action's github-token appears once, in its own add-mask command.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../action/fake-github.js";
import { ACTION, CLI, baseEnv, copyProject, haveBundles, havePytest, parseOutputs, pytestReport, removeTempDirs, start, tempDir } from "./bundles.js";

const ready = havePytest && haveBundles;
const SENTINEL = "sentinel-7f3a9c-do-not-leak";
const TOKEN = "ghs_secretsInputToken0123456789ab";
const SECRET_NAMES = ["GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "MY_SECRET", "DB_PASSWORD", "NPM_TOKEN"];
const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, SENTINEL]));

let work: string;
let project: string;
let junit: string;
let home: string;

beforeAll(() => {
  if (!ready) return;
  work = tempDir("ft-hostile-secrets-");
  home = tempDir("ft-hostile-home-");
  project = copyProject(path.join(work, "proj"));
  junit = pytestReport(project, ["test_env.py"], path.join(project, "report.xml"));
});
afterAll(removeTempDirs);

/** The environments the rerun test dumped (one JSON object per attempt). */
function dumped(file: string): Record<string, string>[] {
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
}

/** The runner's file commands: a rerun test that appends to them writes the summary, outputs, later steps' env. */
const FILE_COMMANDS = ["GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE"];

function expectCleanRerunEnv(dump: string): void {
  const envs = dumped(dump);
  // The test really ran (so the check below means something), with the user's other variables.
  expect(envs.length).toBeGreaterThan(0);
  for (const env of envs) {
    expect(env["FT_VISIBLE"]).toBe("kept");
    for (const name of [...SECRET_NAMES, ...FILE_COMMANDS]) expect(env[name], name).toBeUndefined();
    expect(JSON.stringify(env)).not.toContain(SENTINEL);
    expect(JSON.stringify(env)).not.toContain(TOKEN);
  }
}

describe.skipIf(!ready)("no secret leaks", () => {
  it("through the CLI: not into reruns, reports or output", async () => {
    const dump = path.join(work, "cli-env.jsonl");
    writeFileSync(dump, "");
    const json = path.join(work, "r.json");
    const md = path.join(work, "r.md");
    const r = await start(CLI, [junit, "--cwd", project, "--reruns", "2", "--fresh-seeds", "0", "--json", json, "--markdown", md], {
      cwd: work,
      env: baseEnv(home, { ...secrets, FT_ENV_DUMP: dump, FT_VISIBLE: "kept" }),
    }).done;
    expect(r.code).toBe(1);
    expectCleanRerunEnv(dump);
    for (const text of [r.stdout, r.stderr, readFileSync(json, "utf8"), readFileSync(md, "utf8")]) expect(text).not.toContain(SENTINEL);
  });

  it("through the Action: not into reruns, log, summary, outputs or the check run; the token only in add-mask", async () => {
    const gh: FakeGitHub = await startFakeGitHub();
    try {
      const dump = path.join(work, "action-env.jsonl");
      writeFileSync(dump, "");
      const temp = tempDir("ft-hostile-temp-");
      const summary = path.join(temp, "summary");
      const output = path.join(temp, "output");
      writeFileSync(summary, "");
      writeFileSync(output, "");
      const r = await start(ACTION, [], {
        cwd: work,
        env: baseEnv(home, {
          ...secrets,
          FT_ENV_DUMP: dump,
          FT_VISIBLE: "kept",
          GITHUB_ACTIONS: "true",
          GITHUB_WORKSPACE: work,
          RUNNER_TEMP: temp,
          GITHUB_STEP_SUMMARY: summary,
          GITHUB_OUTPUT: output,
          GITHUB_ENV: path.join(temp, "env"),
          GITHUB_PATH: path.join(temp, "path"),
          GITHUB_STATE: path.join(temp, "state"),
          GITHUB_API_URL: gh.url,
          GITHUB_REPOSITORY: "octo/example",
          GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
          INPUT_REPORTS: "report.xml",
          "INPUT_WORKING-DIRECTORY": "proj",
          INPUT_RERUNS: "2",
          "INPUT_FRESH-SEEDS": "0",
          INPUT_HISTORY: "false",
          "INPUT_CHECK-RUN": "true",
          "INPUT_GITHUB-TOKEN": TOKEN,
        }),
      }).done;
      expect(r.code).toBe(1);
      expectCleanRerunEnv(dump);
      const { outputs } = parseOutputs(readFileSync(output, "utf8"));
      const written = [
        r.stderr,
        readFileSync(summary, "utf8"),
        readFileSync(output, "utf8"),
        readFileSync(outputs["report"]!, "utf8"),
        readFileSync(outputs["summary-markdown"]!, "utf8"),
        JSON.stringify(gh.requests.map((q) => [q.method, q.url, q.body])),
      ];
      expect(gh.requests.length).toBeGreaterThan(0);
      for (const text of [r.stdout, ...written]) expect(text).not.toContain(SENTINEL);
      for (const text of written) expect(text).not.toContain(TOKEN);
      expect(r.stdout.split("\n").filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    } finally {
      await gh.close();
    }
  });
});
