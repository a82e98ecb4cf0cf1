import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Report, TestCase } from "../../src/model.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(here, "..", "fixtures", "rerun");

const created: string[] = [];

/** Removes the temp dirs this test file made (call from afterAll). */
export function removeTempDirs(): void {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A private copy of a fixture project: reruns and hostile tests may write or delete in it. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `ft-fixture-${name}-`));
  created.push(dir);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Processes whose command line contains `marker` (ps and this test excluded). */
export function processesWith(marker: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid,pgid,stat,args"], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => l.includes(marker) && !/\bps -eo\b/.test(l))
    // Zombies are already dead; they only wait for a reaper.
    .filter((l) => !/^\s*\d+\s+\d+\s+Z/.test(l));
}

/** Waits (briefly) until no process carries the marker; returns the survivors. */
export async function survivors(marker: string, waitMs = 1500): Promise<string[]> {
  const until = Date.now() + waitMs;
  let left = processesWith(marker);
  while (left.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    left = processesWith(marker);
  }
  return left;
}

export function pytestCase(id: string, extra: Partial<TestCase> = {}): TestCase {
  const [file = id, ...rest] = id.split("::");
  return {
    id,
    classname: file.replace(/\.py$/, "").replaceAll("/", "."),
    name: rest[rest.length - 1] ?? id,
    file,
    outcome: "failed",
    sources: [{ file: "report.xml" }],
    index: 0,
    ...extra,
  };
}

export function readLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter((l) => l !== "");
}

export function uniqueMarker(): string {
  return `ftmark${process.pid}x${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * A scratch pytest project: `files` (relative paths) written under a new temp dir, with an empty
 * reports/ for the red CI run.
 */
export function pytestProject(prefix: string, files: Record<string, string>): string {
  const project = tempDir(prefix);
  mkdirSync(path.join(project, "reports"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
    writeFileSync(path.join(project, rel), text);
  }
  return project;
}

/**
 * The red CI run (pytest over tests/, JUnit to reports/junit.xml, under `ciEnv`), then the
 * bundled CLI on that report with `cliArgs` (under `env`): its exit status, stderr and report.
 */
export function ciThenTriage(
  project: string,
  opts: { ciEnv: NodeJS.ProcessEnv; pytestArgs?: string[]; cliArgs: string[]; env: NodeJS.ProcessEnv },
): { status: number | null; stderr: string; report: Report } {
  const pytest = ["-m", "pytest", "-p", "no:cacheprovider", ...(opts.pytestArgs ?? []), "--junitxml=reports/junit.xml", "tests"];
  spawnSync("python3", pytest, { cwd: project, env: opts.ciEnv });
  const json = path.join(project, "triage.json");
  const cli = path.join(here, "..", "..", "dist", "cli.js");
  const r = spawnSync(process.execPath, [cli, "reports/junit.xml", "--cwd", project, ...opts.cliArgs, "--json", json, "--quiet"], { cwd: project, encoding: "utf8", env: opts.env });
  const report = existsSync(json) ? (JSON.parse(readFileSync(json, "utf8")) as Report) : { tests: [] } as unknown as Report;
  return { status: r.status, stderr: r.stderr, report };
}

/**
 * A red CI run whose console goes to reports/console.log, as CI keeps it: `python -m pytest -p
 * no:cacheprovider ...args` in `cwd` (the project unless given). Its exit status and console.
 */
export function ciWithConsole(project: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; python?: string }): { status: number | null; console: string } {
  const log = path.join(project, "reports", "console.log");
  const fd = openSync(log, "w");
  let status: number | null;
  try {
    status = spawnSync(opts.python ?? "python3", ["-m", "pytest", "-p", "no:cacheprovider", ...args], { cwd: opts.cwd ?? project, env: opts.env, stdio: ["ignore", fd, fd] }).status;
  } finally {
    closeSync(fd);
  }
  return { status, console: readFileSync(log, "utf8") };
}

/** The bundled CLI on reports/junit.xml and reports/console.log with `cliArgs`: its exit status, stderr and report. */
export function triageBoth(project: string, cliArgs: string[], env: NodeJS.ProcessEnv): { status: number | null; stderr: string; report: Report } {
  const json = path.join(project, "triage.json");
  const cli = path.join(here, "..", "..", "dist", "cli.js");
  const r = spawnSync(process.execPath, [cli, "reports/junit.xml", "reports/console.log", "--cwd", project, ...cliArgs, "--json", json, "--quiet"], { cwd: project, encoding: "utf8", env });
  const report = existsSync(json) ? (JSON.parse(readFileSync(json, "utf8")) as Report) : ({ tests: [] } as unknown as Report);
  return { status: r.status, stderr: r.stderr, report };
}
