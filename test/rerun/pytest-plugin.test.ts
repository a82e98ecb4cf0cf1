import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PYTEST_PLUGIN_SOURCE } from "../../src/rerun/pytest-plugin.js";

describe("pytest plugin source", () => {
  it("is valid Python", () => {
    execFileSync("python3", ["-c", "import sys; compile(sys.stdin.read(), 'flaky_triage_rerun.py', 'exec')"], {
      input: PYTEST_PLUGIN_SOURCE,
    });
  });

  it("declares the options the drivers use", () => {
    for (const opt of ["--ft-repeat", "--ft-results", "--ft-seeds", "--ft-seed-env", "--ft-global-seed", "--ft-stop-when-mixed", "--ft-run-until"]) {
      expect(PYTEST_PLUGIN_SOURCE).toContain(`"${opt}"`);
    }
  });
});
