/**
 * The CLI in a GitHub Actions `run:` step: the runner reads each line it prints as a possible
 * workflow command (`::name::` at a line's start, `##[name]` anywhere), and the table starts each
 * row with a test id from the report. Everything the CLI prints must sit inside one
 * stop-commands block. The runner is modelled from actions/runner's command parsing.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baseEnv, CLI, haveBundles, removeTempDirs, start, tempDir } from "./bundles.js";

afterAll(removeTempDirs);

/** The commands the runner would act on, in order, given everything the step printed. */
function runnerCommands(log: string): string[] {
  const acted: string[] = [];
  let stopToken: string | null = null;
  for (const raw of log.split("\n")) {
    const line = raw.trimStart();
    const v2 = /^::([^\s:]+)(?: [^:]*)?::(.*)$/.exec(line);
    const v1 = /##\[([^\]\s;]+)/.exec(line);
    const name = v2?.[1] ?? v1?.[1];
    if (name === undefined) continue;
    if (stopToken !== null) {
      if (name === stopToken) stopToken = null;
      continue;
    }
    if (name === "stop-commands") stopToken = v2?.[2] ?? null;
    acted.push(name);
  }
  return acted;
}

const HOSTILE = `<?xml version="1.0"?>
<testsuite name="s">
  <testcase classname="::error title=pwn" name="Injected2"><failure message="::set-output name=x::y">##[add-mask]V1SECRET</failure></testcase>
  <testcase classname="tests.t" name="##[warning]v1 ::warning::x"><failure message="##[error]in the message">boom</failure></testcase>
</testsuite>
`;

describe.skipIf(!haveBundles)("the CLI in a GitHub Actions step", () => {
  it("prints everything inside one stop-commands block, so no id or message is a command", async () => {
    const dir = tempDir("ft-cli-wfc-");
    writeFileSync(path.join(dir, "r.xml"), HOSTILE);
    const r = await start(CLI, ["--no-rerun", "r.xml"], { cwd: dir, env: baseEnv(dir, { GITHUB_ACTIONS: "true" }) }).done;
    expect(r.code).toBe(0);
    // The rows are there (so the check means something), then the block is closed at exit.
    expect(r.stdout).toContain("::error title=pwn::Injected2");
    expect(r.stdout).toContain("##[warning]v1");
    const lines = r.stdout.trimEnd().split("\n");
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] ?? "")?.[1];
    expect(token).toBeDefined();
    expect(lines.at(-1)).toBe(`::${token}::`);
    expect(runnerCommands(r.stdout + r.stderr)).toEqual(["stop-commands"]);
  });

  it("--version prints only the version, in a workflow too (scripts read it)", async () => {
    const dir = tempDir("ft-cli-wfc-");
    const r = await start(CLI, ["--version"], { cwd: dir, env: baseEnv(dir, { GITHUB_ACTIONS: "true" }) }).done;
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });

  it("outside a workflow prints no block", async () => {
    const dir = tempDir("ft-cli-wfc-");
    writeFileSync(path.join(dir, "r.xml"), HOSTILE);
    const r = await start(CLI, ["--no-rerun", "r.xml"], { cwd: dir, env: baseEnv(dir) }).done;
    expect(r.stdout).not.toContain("stop-commands");
    expect(runnerCommands(r.stdout)).not.toEqual([]);
  });
});
