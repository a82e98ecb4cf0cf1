/**
 * End to end: the bundled Action run as the runner runs it (`node <action>/dist/index.js`
 * with INPUT_* variables, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_WORKSPACE, RUNNER_TEMP and
 * real files) on the pytest example, with real reruns, under this machine's Node and Node 24.
 * It runs the committed bundle, what ships (test/build/dist.test.ts checks that it matches a
 * fresh build of the sources).
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./fake-github.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const NODE24 = join(root, "tools/node24/node_modules/.bin/node");
const EXAMPLE = join(root, "examples/pytest");
const TOKEN = "ghs_e2eSecretToken0123456789";
const inCI = Boolean(process.env["CI"]);

const python = spawnSyncOk("python3", ["-c", "import pytest, numpy"]);
const haveReports = existsSync(join(EXAMPLE, "reports/junit.xml")) && existsSync(join(EXAMPLE, "reports/pytest.log"));

function spawnSyncOk(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

let actionDir = "";
let gh: FakeGitHub;

beforeAll(async () => {
  if (!python || !haveReports) return;
  gh = await startFakeGitHub();
  // An action checkout: action.yml and package.json next to dist/ with the Action's bundle,
  // index.js and the chunk files of its dynamic imports (the check run and history below load
  // them), and nothing else.
  actionDir = mkdtempSync(join(tmpdir(), "ft-action-"));
  mkdirSync(join(actionDir, "dist"));
  const shipped = readdirSync(join(root, "dist")).filter((f) => f === "index.js" || /^\d+\.index\.js$/.test(f));
  expect(shipped.length).toBeGreaterThan(1);
  for (const f of shipped) cpSync(join(root, "dist", f), join(actionDir, "dist", f));
  for (const f of ["action.yml", "package.json"]) cpSync(join(root, f), join(actionDir, f));
}, 300_000);

afterAll(async () => {
  await gh?.close();
  if (actionDir) rmSync(actionDir, { recursive: true, force: true });
});

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ws: string;
}

/** Parses GITHUB_OUTPUT's `name<<DELIM\nvalue\nDELIM` records. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!);
    out[m[1]!] = value.join("\n");
  }
  return out;
}

async function runAction(node: string): Promise<RunResult> {
  const ws = mkdtempSync(join(tmpdir(), "ft-ws-"));
  // The project sits below the repository root, so annotation paths must be made relative to
  // the workspace, not to working-directory.
  cpSync(EXAMPLE, join(ws, "examples/pytest"), { recursive: true, filter: (src) => !src.includes("__pycache__") });
  const temp = join(ws, "_runner_temp");
  mkdirSync(temp);
  const summaryFile = join(temp, "step_summary");
  const outputFile = join(temp, "output");
  writeFileSync(summaryFile, "");
  writeFileSync(outputFile, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env["PATH"],
    HOME: process.env["HOME"],
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: temp,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "octo/example",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_WORKFLOW: "test",
    GITHUB_JOB: "pytest",
    GITHUB_REF_NAME: "main",
    GITHUB_RUN_ID: "1",
    GITHUB_RUN_ATTEMPT: "1",
    // The runner keeps hyphens in input variable names.
    INPUT_REPORTS: "reports/junit.xml\nreports/pytest.log",
    "INPUT_WORKING-DIRECTORY": "examples/pytest",
    INPUT_RERUNS: "4",
    "INPUT_FRESH-SEEDS": "4",
    "INPUT_RERUN-TIMEOUT": "20",
    INPUT_JOBS: "4",
    "INPUT_TIME-BUDGET": "",
    "INPUT_SEED-PATTERNS": "",
    "INPUT_RERUN-COMMAND": "",
    "INPUT_MAX-FAILURES": "50",
    "INPUT_FAIL-ON": "deterministic",
    INPUT_ANNOTATIONS: "true",
    INPUT_SUMMARY: "true",
    "INPUT_CHECK-RUN": "auto",
    INPUT_HISTORY: "true",
    INPUT_CHARTS: "true",
    "INPUT_GITHUB-TOKEN": TOKEN,
    // The rerun environment must not carry it either (the engine strips it); here as a canary.
    GITHUB_TOKEN: TOKEN,
  };
  const child = spawn(node, [join(actionDir, "dist/index.js")], { cwd: ws, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, "utf8")), summary: readFileSync(summaryFile, "utf8"), ws };
}

const runtimes: Array<[string, string]> = [["machine node " + process.version, process.execPath]];
if (existsSync(NODE24)) runtimes.push(["node 24", NODE24]);
else if (inCI) throw new Error(`Node 24 is missing at ${NODE24}: run npm ci --prefix tools/node24`);
else console.warn(`e2e: skipping the Node 24 run: ${NODE24} is absent (npm ci --prefix tools/node24 installs it)`);

const ready = python && haveReports;
if (!ready) {
  const why = !python ? "python3 with pytest and numpy is not available" : "examples/pytest/reports is missing (npm run example -- --reports-only makes it)";
  if (inCI) throw new Error(`e2e: ${why}`);
  console.warn(`e2e: skipped: ${why}`);
}

describe.skipIf(!ready).each(runtimes)("the bundled Action under %s", (_name, node) => {
  let r: RunResult;
  beforeAll(async () => {
    gh.requests.length = 0;
    r = await runAction(node);
  }, 600_000);

  it("exits 1 because deterministic failures exist (fail-on: deterministic), with one clear error", () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::\d+ test\(s\) fail deterministically/m);
  });

  it("annotates the failing lines with paths relative to the repository root", () => {
    const errors = r.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const e of errors) expect(e).toMatch(/file=examples\/pytest\/tests\/test_\w+\.py(,line=\d+)?::/);
    expect(r.stdout).toMatch(/^::error .*file=examples\/pytest\/tests\/test_reduce\.py,line=\d+::deterministic, all-seeds: regression/m);
  });

  it("writes a JSON report that validates against the schema, and sets every output", () => {
    const o = r.outputs;
    expect(Object.keys(o).sort()).toEqual(["deterministic", "failed-tests", "intermittent", "not-reproduced", "report", "summary-markdown"]);
    const report = JSON.parse(readFileSync(o["report"]!, "utf8"));
    const schema = JSON.parse(readFileSync(join(root, "schema/report.schema.json"), "utf8"));
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
    expect(o["failed-tests"]).toBe(String(report.summary.failed + report.summary.errored));
    expect(Number(o["deterministic"])).toBeGreaterThanOrEqual(3);
    const byId = new Map<string, any>(report.tests.map((t: any) => [t.id, t]));
    expect(byId.get("tests/test_reduce.py::test_running_total")).toMatchObject({ verdict: "deterministic", cause: "regression" });
    expect(readFileSync(o["summary-markdown"]!, "utf8")).toBe(r.summary);
  });

  it("writes the job summary with counts, the table, details and a chart, under 1 MiB", () => {
    expect(r.summary).toMatch(/^## flaky-triage: \d+ deterministic/);
    expect(r.summary).toContain("| | Test | Verdict | Cause | Seed | Fix |");
    // Its reproduce commands name files from the project's root, which is working-directory.
    expect(r.summary).toContain("- Reproduce commands run from examples/pytest \\(the step&#39;s working\\-directory\\)");
    expect(r.summary).toContain("<details><summary>");
    expect(r.summary).toContain("```mermaid");
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024);
  });

  it("creates the check run on the (fake) API and links it; the history cache is only a warning", () => {
    const create = gh.requests.find((q) => q.method === "POST");
    expect(create?.body.name).toBe("flaky-triage (test / pytest)");
    expect(create?.authorization).toBe(`token ${TOKEN}`);
    expect(r.summary).toContain("[check run](https://github.com/octo/example/runs/4242)");
    expect(r.stdout).toMatch(/^::warning::history: /m);
  });

  it("never prints the token except in the add-mask command, nor writes it anywhere", () => {
    const lines = r.stdout.split("\n").filter((l) => l.includes(TOKEN));
    expect(lines).toEqual([`::add-mask::${TOKEN}`]);
    expect(r.summary).not.toContain(TOKEN);
    expect(readFileSync(r.outputs["report"]!, "utf8")).not.toContain(TOKEN);
  });

  it("echoes test output only inside stop-commands blocks", () => {
    let token: string | null = null;
    for (const line of r.stdout.split("\n")) {
      const open = /^::stop-commands::(\w+)$/.exec(line);
      if (open) token = open[1]!;
      else if (token !== null && line === `::${token}::`) token = null;
      else if (token === null && line.startsWith("::")) expect(line).toMatch(/^::(error|warning|notice|add-mask|group|endgroup)( |::)/);
    }
  });
});
