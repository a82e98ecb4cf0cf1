/**
 * Shared by the end-to-end hostile suites: a private copy of the hostile pytest project, its
 * "CI run" reports made by real pytest, and the shipped bundles (dist/cli.js, dist/index.js)
 * run as CI runs them. FLAKY_TRIAGE_DIST points at another build of the bundles.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DIST = process.env["FLAKY_TRIAGE_DIST"] ?? path.join(ROOT, "dist");
export const CLI = path.join(DIST, "cli.js");
export const ACTION = path.join(DIST, "index.js");
const PROJECT = path.join(ROOT, "test/fixtures/hostile/project");

export const havePytest = ok("python3", ["-c", "import pytest"]);
export const haveBundles = existsSync(CLI) && existsSync(ACTION);

function ok(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const made: string[] = [];

export function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A fresh copy of the hostile project (reruns may write in it; hostile ids must not). */
export function copyProject(into?: string): string {
  const dir = into ?? path.join(tempDir("ft-hostile-proj-"), "project");
  mkdirSync(dir, { recursive: true });
  cpSync(PROJECT, dir, { recursive: true });
  return dir;
}

/**
 * The CI run: real pytest over `targets` (paths relative to the project), its JUnit XML written
 * to `junit`. Hostile behaviour in the project is off here (no FT_* arming variables).
 */
export function pytestReport(project: string, targets: string[], junit: string, log?: string): string {
  let stdout = "";
  try {
    stdout = execFileSync(
      "python3",
      ["-m", "pytest", "-p", "no:cacheprovider", "-q", `--junitxml=${junit}`, "-o", "junit_family=xunit2", "--", ...targets.map((t) => (t.startsWith("-") ? `./${t}` : t))],
      { cwd: project, env: { PATH: process.env["PATH"], PYTHONDONTWRITEBYTECODE: "1" }, encoding: "utf8" },
    );
  } catch (e) {
    // Failing tests are the point: pytest exits 1.
    stdout = String((e as { stdout?: unknown }).stdout ?? "");
  }
  if (!existsSync(junit)) throw new Error(`pytest wrote no report for ${targets.join(" ")}`);
  if (log !== undefined) writeFileSync(log, stdout);
  return junit;
}

/**
 * A pytest JUnit report with only the testcases `rank` gives a number, in that order (ties in
 * report order): one real pytest run serves every scenario, since interpreter start-up
 * dominates on small CI machines.
 */
export function junitSubset(src: string, dest: string, rank: (classname: string, name: string) => number | null): string {
  const cases = readFileSync(src, "utf8").match(/<testcase [^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  const kept = cases
    .map((tc, i) => {
      const cls = /classname="([^"]*)"/.exec(tc)?.[1] ?? "";
      const name = /\sname="([^"]*)"/.exec(tc)?.[1] ?? "";
      return { tc, i, r: rank(cls, name) };
    })
    .filter((c): c is { tc: string; i: number; r: number } => c.r !== null)
    .sort((a, b) => a.r - b.r || a.i - b.i);
  writeFileSync(dest, `<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest">${kept.map((c) => c.tc).join("")}</testsuite></testsuites>\n`);
  return dest;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Starts a bundle in its own process group, so that a test that kills its parent's group
 * (which, without the reaper, would be ours) cannot take the test runner down.
 */
export function start(script: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): { child: ChildProcess; done: Promise<Run> } {
  const began = Date.now();
  const child = spawn(process.execPath, [script, ...args], { cwd: opts.cwd, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - began })),
  );
  return { child, done };
}

/** The environment a CI job would give the tool: PATH, a private HOME, and `extra`. */
export function baseEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env["PATH"], HOME: home, LANG: "C.UTF-8", ...extra };
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Every path under `dir` with its size and content hash (directories as "dir/"). */
export function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) {
        out.push(rel + "/");
        walk(p);
      } else out.push(`${rel} ${statSync(p).size} ${e.isFile() ? sha256(p) : "link"}`);
    }
  };
  walk(dir);
  return out.sort();
}

/** Files named PWNED anywhere under the given directories. */
export function pwned(...dirs: string[]): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === "PWNED") found.push(path.join(d, e.name));
      if (e.isDirectory()) walk(path.join(d, e.name));
    }
  };
  dirs.forEach(walk);
  return found;
}

/** Live (non-zombie) processes whose command line carries `marker`. */
export function processesWith(marker: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid,pgid,stat,args"], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => l.includes(marker) && !/\bps -eo\b/.test(l))
    .filter((l) => !/^\s*\d+\s+\d+\s+Z/.test(l));
}

export async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** Parses GITHUB_OUTPUT's `name<<DELIM\nvalue\nDELIM` records; anything else is returned as stray lines. */
export function parseOutputs(text: string): { outputs: Record<string, string>; stray: string[] } {
  const outputs: Record<string, string> = {};
  const stray: string[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) {
      if (lines[i] !== "") stray.push(lines[i]!);
      continue;
    }
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!);
    outputs[m[1]!] = value.join("\n");
  }
  return { outputs, stray };
}
