/**
 * A test id or name from a report that starts with "-" must not reach a --rerun-command as an
 * option. Real processes: the command records its argv; refused tests never start it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planRerun } from "../../src/rerun/plan.js";
import { rerunTest } from "../../src/rerun/rerun.js";
import { pytestCase, removeTempDirs, tempDir } from "../rerun/helpers.js";

afterAll(removeTempDirs);

const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
// Writes its arguments to a file named after the process id: one file per process started.
const RECORD = "import os, sys, json; open('ran-%d.json' % os.getpid(), 'w').write(json.dumps(sys.argv[1:])); sys.exit(1)";

async function rerun(name: string, template: string[]) {
  const project = tempDir("ft-option-ids-");
  const runDir = tempDir("ft-option-ids-run-");
  const test = { ...pytestCase("x"), id: name, name, classname: "suite" };
  const out = await rerunTest(
    planRerun({ test, seed: null, reruns: 2, freshSeeds: 0, timeoutSec: 20, cwd: project, rerunCommand: template }),
    { runDir, env: process.env },
  );
  const ran = readdirSync(project).filter((f) => f.startsWith("ran-")).map((f) => JSON.parse(readFileSync(path.join(project, f), "utf8")));
  return { out, ran };
}

describe("ids that look like options, through a real --rerun-command", () => {
  it("never starts the command for a name that would be an option, and says why", async () => {
    const { out, ran } = await rerun("--rootdir=/", [python, "-c", RECORD, "{name}"]);
    expect(ran).toEqual([]);
    expect(out.reruns.sameSeed.runs).toBe(0);
    expect(out.reruns.note).toMatch(/not rerun: its name starts with '-'/);
  });

  it("runs it when the template ends the options with --, and runs ordinary names", async () => {
    const guarded = await rerun("--rootdir=/", [python, "-c", RECORD, "--", "{name}"]);
    expect(guarded.ran).toEqual([["--", "--rootdir=/"], ["--", "--rootdir=/"]]);
    const plain = await rerun("test_ok", [python, "-c", RECORD, "{name}"]);
    expect(plain.ran).toEqual([["test_ok"], ["test_ok"]]);
  });
});
