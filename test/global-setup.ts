/**
 * Runs once before all test files: the example's "CI run" reports that several test files
 * (Action e2e, Jenkins) triage. Made here, once, so that no test file depends on another
 * having run first; a clean clone has none (they are generated, never committed).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { onPath } from "./on-path.js";

export default function setup(): void {
  skipPythonShim();
  const root = join(import.meta.dirname, "..");
  const reports = join(root, "examples", "pytest", "reports");
  if (existsSync(join(reports, "junit.xml")) && existsSync(join(reports, "pytest.log"))) return;
  const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
  if (spawnSync(python, ["-c", "import pytest, numpy"]).status !== 0) return; // tests say why they skip
  execFileSync(process.execPath, [join(root, "scripts", "example.mjs"), "--reports-only"], { stdio: "inherit" });
}

/**
 * When `python3` on PATH is a version manager's shim (pyenv's, on this project's machines: a
 * bash script that execs pyenv, ~0.3 s a start idle and 0.5-0.9 s under the suite's load), the
 * directory of the interpreter it resolves to goes first on PATH, for this process and the test
 * workers it starts: the suite starts python hundreds of times (every rerun batch, every real
 * pytest run). The same interpreter runs, with the scripts installed beside it (pytest), as
 * `pyenv exec` would run them; the tool under test still runs `python3` from PATH.
 */
function skipPythonShim(): void {
  const found = onPath("python3");
  if (found === null) return;
  const r = spawnSync(found, ["-c", "import os, sys; print(os.path.dirname(sys.executable))"], { encoding: "utf8" });
  const real = r.status === 0 ? r.stdout.trim() : "";
  if (real === "" || real === dirname(found) || !existsSync(join(real, "python3"))) return;
  process.env["PATH"] = `${real}${delimiter}${process.env["PATH"] ?? ""}`;
}
