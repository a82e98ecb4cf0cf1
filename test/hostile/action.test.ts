/**
 * The shipped Action bundle (dist/index.js) run as the runner runs it, on a report a hostile
 * pull request could produce: a real test that prints workflow commands and fails with them
 * in its message, and crafted testcases carrying HTML, Markdown, mentions and paths outside
 * the workspace. Only our own commands may reach the runner; the summary shows text, not markup.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../action/fake-github.js";
import {
  ACTION,
  ROOT,
  baseEnv,
  copyProject,
  haveBundles,
  havePytest,
  junitSubset,
  parseOutputs,
  pytestReport,
  removeTempDirs,
  start,
  tempDir,
  type Run,
} from "./bundles.js";

const ready = havePytest && haveBundles;
if (!ready) console.warn(`hostile action: skipped: ${!havePytest ? "python3 with pytest is missing" : `no bundle at ${ACTION}`}`);

const TOKEN = "ghs_hostileActionToken0123456789";
let gh: FakeGitHub;
let r: Run;
let ws: string;
let files: { output: string; summary: string; env: string; path: string; state: string };

beforeAll(async () => {
  if (!ready) return;
  gh = await startFakeGitHub();
  ws = tempDir("ft-hostile-ws-");
  const project = copyProject(path.join(ws, "proj"));
  // A file in the project that points out of the workspace.
  symlinkSync("/etc/passwd", path.join(project, "link.py"));
  const ci = pytestReport(project, ["test_inject.py"], path.join(ws, "ci.xml"));
  const real = readFileSync(junitSubset(ci, path.join(ws, "inject.xml"), () => 0), "utf8").match(/<testcase [\s\S]*<\/testcase>/)![0];
  const crafted = readFileSync(path.join(ROOT, "test/fixtures/hostile/crafted.xml"), "utf8");
  // The real failing test first: it is the one --max-failures 1 reruns.
  writeFileSync(path.join(project, "report.xml"), crafted.replace('<testsuite name="crafted">', `<testsuite name="crafted">${real}`));
  const temp = path.join(ws, "_temp");
  mkdirSync(temp);
  files = { output: "output", summary: "summary", env: "env", path: "path", state: "state" };
  for (const k of Object.keys(files) as (keyof typeof files)[]) {
    files[k] = path.join(temp, files[k]);
    writeFileSync(files[k], "");
  }
  r = await start(ACTION, [], {
    cwd: ws,
    env: baseEnv(tempDir("ft-hostile-home-"), {
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: ws,
      RUNNER_TEMP: temp,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STATE: files.state,
      GITHUB_API_URL: gh.url,
      GITHUB_REPOSITORY: "octo/example",
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
      GITHUB_WORKFLOW: "test",
      GITHUB_JOB: "hostile",
      INPUT_REPORTS: "report.xml",
      "INPUT_WORKING-DIRECTORY": "proj",
      INPUT_RERUNS: "2",
      "INPUT_FRESH-SEEDS": "0",
      "INPUT_RERUN-TIMEOUT": "20",
      INPUT_JOBS: "1",
      "INPUT_MAX-FAILURES": "1",
      "INPUT_FAIL-ON": "deterministic",
      INPUT_ANNOTATIONS: "true",
      INPUT_SUMMARY: "true",
      "INPUT_CHECK-RUN": "auto",
      INPUT_HISTORY: "false",
      INPUT_CHARTS: "false",
      "INPUT_GITHUB-TOKEN": TOKEN,
    }),
  }).done;
}, 300_000);

afterAll(async () => {
  await gh?.close();
  removeTempDirs();
});

/** Lines the runner would act on: everything outside `::stop-commands::T` ... `::T::`. */
function liveLines(stdout: string): string[] {
  const live: string[] = [];
  let token: string | null = null;
  for (const line of stdout.split("\n")) {
    if (token !== null) {
      if (line === `::${token}::`) token = null;
      continue;
    }
    const open = /^::stop-commands::(.+)$/.exec(line);
    if (open) token = open[1]!;
    else live.push(line);
  }
  expect(token, "a stop-commands block is left open").toBeNull();
  return live;
}

/** Markdown with fenced blocks and code spans removed (their content renders as literal text). */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, "").replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
}

describe.skipIf(!ready)("the Action bundle on a hostile report", () => {
  it("ran, reran the real test and failed the step for its deterministic failure", () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(parseOutputs(readFileSync(files.output, "utf8")).outputs["report"]!, "utf8"));
    const inject = report.tests.find((t: { id: string }) => t.id === "test_inject.py::test_prints_workflow_commands");
    expect(inject).toMatchObject({ verdict: "deterministic", reruns: { sameSeed: { runs: 2, failed: 2 } } });
  });

  it("lets only our own commands reach the runner; test output and messages stay inside stop-commands blocks", () => {
    const commands = liveLines(r.stdout).filter((l) => l.startsWith("::"));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) {
      // add-mask only for the token; annotations with escaped properties; nothing else.
      expect(c).toMatch(/^::(add-mask::ghs_\w+|(error|warning|notice)( (title|file|line)=[^:,]*(,(title|file|line)=[^:,]*)*)?::.*)$/);
      // Escaped data cannot hold a raw line break that would start a new command.
      expect(c).not.toMatch(/[\r\n]/);
    }
    expect(commands.filter((c) => c.startsWith("::add-mask::"))).toEqual([`::add-mask::${TOKEN}`]);
    // Carried in an annotation's message they are data: the runner reads one command per line.
    expect(liveLines(r.stdout).filter((l) => /^::(set-output|save-state|endgroup|stop-commands|add-mask::x)/.test(l))).toEqual([]);
    expect(r.stdout).toMatch(/^::error .*Failure: AssertionError: ::add-mask::x/m);
    // No live line is the test's `::error::pwned` or the crafted `%0A::warning::`.
    for (const l of liveLines(r.stdout)) expect(l).not.toMatch(/^::(error|warning)::(pwned|encoded|x)$/);
  });

  it("writes only our outputs, and nothing to GITHUB_ENV, GITHUB_PATH or GITHUB_STATE", () => {
    const { outputs, stray } = parseOutputs(readFileSync(files.output, "utf8"));
    expect(Object.keys(outputs).sort()).toEqual(["deterministic", "failed-tests", "intermittent", "not-reproduced", "report", "summary-markdown"]);
    expect(stray).toEqual([]);
    expect(outputs["deterministic"]).toBe("1");
    for (const f of [files.env, files.path, files.state]) expect(readFileSync(f, "utf8")).toBe("");
  });

  it("annotates only files inside the workspace: no traversal, no absolute path, no symlink out", () => {
    const annotations = liveLines(r.stdout).filter((l) => /^::(error|warning|notice) /.test(l));
    const annotated = annotations.map((l) => /file=([^,:]*)/.exec(l)?.[1]).filter((f): f is string => f !== undefined);
    expect(annotated).toContain("proj/tests/test_html.py");
    expect(annotated).toContain("proj/test_inject.py");
    for (const f of annotated) {
      expect(f).toMatch(/^proj\//);
      expect(f).not.toMatch(/\.\.|passwd|link\.py/);
    }
    const apiAnnotations = gh.requests.flatMap((q) => q.body?.output?.annotations ?? []) as { path: string }[];
    expect(apiAnnotations.length).toBeGreaterThan(0);
    for (const a of apiAnnotations) expect(a.path).not.toMatch(/\.\.|passwd|link\.py|^\//);
  });

  it("renders HTML, Markdown and mentions from the report as text in the summary and the check run", () => {
    const summary = readFileSync(files.summary, "utf8");
    const checkText = gh.requests.map((q) => `${q.body?.output?.summary ?? ""}\n${q.body?.output?.text ?? ""}`).join("\n");
    for (const full of [summary, checkText]) {
      // Code is shown literally by GitHub (no HTML, no mentions inside); the rest must be inert.
      const md = outsideCode(full);
      expect(md).not.toMatch(/<img|<script|onerror=alert\(1\)>/i);
      expect(md).not.toMatch(/\]\(javascript:/);
      expect(md).not.toMatch(/!\[i\]\(https:/);
      // Mentions and issue references are broken (GitHub would notify @org/team otherwise).
      expect(md).not.toMatch(/@org\/team|#123/);
      // Every <details> we opened is closed by us, once: a crafted </details> did not end one early.
      expect((full.match(/<details>/g) ?? []).length).toBe((full.match(/<\/details>/g) ?? []).length);
      expect((full.match(/<\/summary>/g) ?? []).length).toBe((full.match(/<summary>/g) ?? []).length);
    }
    // The crafted text is still there, readable.
    expect(summary).toMatch(/onerror=alert/);
  });
});
