/**
 * hypothesis's pytest plugin imports hypothesis in its terminal summary whether or not a test
 * used it (1.1 s of a 1.9 s pytest run on the bench's machine). A rerun process has nobody to
 * read that summary: the plugin takes hypothesis's out before it when no test imported
 * hypothesis, and leaves it when one did (what it reports then is about that test). Real pytest
 * runs; each rerun process's conftest notes, as pytest ends, what it saw.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRerun } from "../../src/rerun/plan.js";
import { rerunAll } from "../../src/rerun/scheduler.js";
import { pytestCase, pytestProject, removeTempDirs, tempDir } from "./helpers.js";

const CONFTEST = `import os
import sys


def pytest_unconfigure(config):
    with open(os.environ["FT_SUMMARY_LOG"], "a") as f:
        f.write("hypothesis imported %s, hypothesis plugin %s\\n" % (
            "hypothesis" in sys.modules,
            config.pluginmanager.get_plugin("hypothesispytest") is not None,
        ))
`;

const PLAIN = `def test_plain():
    assert 1 + 1 == 3
`;

const WITH_HYPOTHESIS = `from hypothesis import given, strategies as st


@given(st.integers())
def test_property(x):
    assert x < 10
`;

let project: string;
let runDir: string;
let hasHypothesisPlugin = false;

beforeAll(async () => {
  project = pytestProject("ft-hyp-summary-", { "conftest.py": CONFTEST, "test_plain.py": PLAIN, "test_hyp.py": WITH_HYPOTHESIS, "pytest.ini": "[pytest]\n" });
  runDir = tempDir("ft-hyp-summary-run-");
  // What a plain pytest run of this project sees at its end, without our plugin: the premise.
  const log = path.join(tempDir("ft-hyp-summary-log-"), "log");
  writeFileSync(log, "");
  const { spawnSync } = await import("node:child_process");
  spawnSync(process.env.FLAKY_TRIAGE_PYTHON ?? "python3", ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_plain.py"], {
    cwd: project,
    env: { ...process.env, FT_SUMMARY_LOG: log },
  });
  hasHypothesisPlugin = readFileSync(log, "utf8").includes("hypothesis plugin True");
});

afterAll(removeTempDirs);

async function linesOf(id: string): Promise<string[]> {
  const log = path.join(tempDir("ft-hyp-summary-log-"), "log");
  writeFileSync(log, "");
  const results = await rerunAll(
    [planRerun({ test: pytestCase(id), seed: null, reruns: 2, freshSeeds: 0, timeoutSec: 60, cwd: project })],
    { jobs: 1, timeBudgetSec: null, runDir, env: { ...process.env, FT_SUMMARY_LOG: log }, startupAllowanceSec: 60 },
  );
  expect(results.get(id)?.reruns.sameSeed.failed).toBe(2);
  return readFileSync(log, "utf8").split("\n").filter((l) => l !== "");
}

describe("hypothesis's terminal summary in rerun processes", () => {
  it("is left out when no test imported hypothesis: the rerun process never imports it", async (ctx) => {
    if (!hasHypothesisPlugin) ctx.skip();
    const lines = await linesOf("test_plain.py::test_plain");
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toBe("hypothesis imported False, hypothesis plugin False");
  });

  it("stays when a test imported hypothesis", async (ctx) => {
    if (!hasHypothesisPlugin) ctx.skip();
    const lines = await linesOf("test_hyp.py::test_property");
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toBe("hypothesis imported True, hypothesis plugin True");
  });
});
