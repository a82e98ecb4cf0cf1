/**
 * Runs once before all test files: the example's "CI run" reports that several test files
 * (Action e2e, Jenkins) triage. Made here, once, so that no test file depends on another
 * having run first; a clean clone has none (they are generated, never committed).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export default function setup(): void {
  const root = join(import.meta.dirname, "..");
  const reports = join(root, "examples", "pytest", "reports");
  if (existsSync(join(reports, "junit.xml")) && existsSync(join(reports, "pytest.log"))) return;
  const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
  if (spawnSync(python, ["-c", "import pytest, numpy"]).status !== 0) return; // tests say why they skip
  execFileSync(process.execPath, [join(root, "scripts", "example.mjs"), "--reports-only"], { stdio: "inherit" });
}
