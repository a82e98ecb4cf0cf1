import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { octokitChecks } from "../../src/action/check-run.js";
import type { HistoryCache } from "../../src/action/history.js";
import { runAction } from "../../src/action/run.js";
import { WorkflowLog } from "../../src/action/workflow-commands.js";
import type { Report, Verdict } from "../../src/model.js";
import type { TriageSettings } from "../../src/settings.js";
import type { TriageProgress } from "../../src/triage.js";
import { HOSTILE, makeReport, makeTest } from "../render/fixtures.js";
import { startFakeGitHub, type FakeGitHub } from "./fake-github.js";

const TOKEN = "ghs_SuperSecretToken123";
let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub();
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.requests.length = 0;
  gh.status = 0;
});

function workspace() {
  const ws = mkdtempSync(join(tmpdir(), "ft-run-"));
  mkdirSync(join(ws, "py/reports"), { recursive: true });
  writeFileSync(join(ws, "py/reports/junit.xml"), "<testsuites/>");
  const temp = join(ws, "_temp");
  mkdirSync(temp);
  writeFileSync(join(temp, "summary.md"), "");
  return { ws, temp, summary: join(temp, "summary.md") };
}

function report(verdicts: Verdict[]): Report {
  return makeReport(verdicts.map((verdict, i) => makeTest({ id: `tests/test_x.py::test_${i}`, verdict, line: 10 + i, message: i === 0 ? HOSTILE : "boom" })));
}

async function run(
  inputs: Record<string, string>,
  rep: Report,
  extraEnv: Record<string, string> = {},
  extra: { reading?: TriageProgress[]; now?: () => Date; cache?: () => Promise<HistoryCache>; checks?: typeof octokitChecks } = {},
) {
  const { ws, temp, summary } = workspace();
  const env: NodeJS.ProcessEnv = {
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: temp,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: "o/r",
    GITHUB_SHA: "abc",
    GITHUB_WORKFLOW: "test",
    GITHUB_JOB: "py",
    GITHUB_REF_NAME: "main",
    "INPUT_REPORTS": "reports/*.xml",
    "INPUT_WORKING-DIRECTORY": "py",
    "INPUT_GITHUB-TOKEN": TOKEN,
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const lines: string[] = [];
  const outputs: Record<string, string> = {};
  let seen: TriageSettings | null = null;
  let seenOptions: { noRerunNote?: string } | undefined;
  const unavailable: HistoryCache = { available: () => false, restore: async () => false, save: async () => {} };
  const code = await runAction({
    env,
    log: new WorkflowLog({ write: (l) => lines.push(l) }),
    triage: async (s, hooks, options) => {
      seen = s;
      seenOptions = options;
      for (const ev of extra.reading ?? []) hooks.onProgress?.(ev);
      rep.tests.forEach((t, i) => hooks.onProgress?.({ kind: "test-done", index: i, count: rep.tests.length, test: t, rerun: true }));
      return rep;
    },
    cache: extra.cache ?? (async () => unavailable),
    checks: extra.checks ?? octokitChecks,
    setOutput: (k, v) => void (outputs[k] = v),
    ...(extra.now ? { now: extra.now } : {}),
  });
  return { code, lines, outputs, settings: seen as TriageSettings | null, options: seenOptions, summary: readFileSync(summary, "utf8"), ws, temp };
}

describe("runAction", () => {
  it("publishes annotations, summary, check run and outputs, and fails on a deterministic failure", async () => {
    const r = await run({}, report(["intermittent", "deterministic", "not-reproduced"]));
    expect(r.code).toBe(1);
    expect(r.settings!.reports).toEqual(["reports/junit.xml"]);
    expect(r.settings!.cwd).toBe(join(r.ws, "py"));
    const annotations = r.lines.filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations[0]).toMatch(/^::error title=flaky-triage%3A deterministic.*,file=py\/tests\/test_ops.py,line=11::deterministic/);
    expect(annotations[1]).toMatch(/^::warning .*line=10::intermittent/);
    expect(annotations[2]).toMatch(/^::notice .*line=12::not reproduced/);
    expect(r.lines.at(-1)).toMatch(/^::error::1 test\(s\) fail deterministically/);
    expect(r.outputs).toEqual({
      report: join(r.temp, "flaky-triage/report.json"),
      deterministic: "1",
      intermittent: "1",
      "not-reproduced": "1",
      "failed-tests": "3",
      "summary-markdown": join(r.temp, "flaky-triage/summary.md"),
    });
    expect(JSON.parse(readFileSync(r.outputs["report"]!, "utf8")).summary.deterministic).toBe(1);
    expect(r.summary).toContain("## flaky-triage: 1 deterministic, 1 intermittent, 1 not reproduced");
    expect(r.summary).toContain("[check run](https://github.com/o/r/runs/4242)");
    expect(readFileSync(r.outputs["summary-markdown"]!, "utf8")).toBe(r.summary);
    expect(gh.requests[0]!.body.name).toBe("flaky-triage (test / py)");
    expect(gh.requests[0]!.body.output.annotations).toHaveLength(3);
    // The history cache is unavailable outside the runner: a warning, nothing worse.
    expect(r.lines).toContainEqual(expect.stringMatching(/^::warning::history: the Actions cache service is not available/));
  });

  it("says why nothing was rerun in the Action's own words (reruns: 0), not the CLI's flag", async () => {
    const r = await run({ reruns: "0" }, report(["not-rerun"]));
    expect(r.settings!.rerun).toBe(false);
    expect(r.options?.noRerunNote).toBe("reruns: 0: read and extracted only");
  });

  it("echoes test ids and output only inside a stop-commands block", async () => {
    const hostile = makeReport([makeTest({ id: "t::add-mask::x\n::error::pwned", verdict: "intermittent" })]);
    const r = await run({ "fail-on": "never" }, hostile);
    expect(r.code).toBe(0);
    let token: string | null = null;
    for (const line of r.lines) {
      const open = /^::stop-commands::(\w+)$/.exec(line);
      if (open) token = open[1]!;
      else if (token !== null && line === `::${token}::`) token = null;
      else if (token === null && line.includes("pwned")) expect(line).toMatch(/^::(warning|error|notice) /);
    }
    expect(token).toBeNull();
  });

  it("lists problems reading the reports in the log (inert) and the summary, with one warning annotation counting them", async () => {
    const rep = report(["intermittent"]);
    const warning = 'reports/junit.xml: truncated after 1 testcases (the file ends inside an element); the cut-off testcase "x\n::error::pwned" is kept as failed';
    rep.inputs = [{ path: "reports/junit.xml", kind: "junit", tests: 1, warnings: [warning] }];
    const r = await run({ "fail-on": "never" }, rep);
    expect(r.lines).toContain("::warning::1 problem(s) reading the reports (a truncated, empty or missing file): see the log above and the job summary");
    const echoed = r.lines.findIndex((l) => l.startsWith("warning: reports/junit.xml: truncated after 1 testcases"));
    expect(echoed).toBeGreaterThan(0);
    expect(r.lines.slice(0, echoed).some((l) => l.startsWith("::stop-commands::"))).toBe(true);
    expect(r.lines.filter((l) => l.startsWith("::error::"))).toEqual([]);
    expect(r.summary).toContain("**Reading the reports:**");
    expect(r.summary).toContain("reports/junit\\.xml\\: truncated after 1 testcases");
  });

  it("says how far a long read has got every 5 s, with the path inert", async () => {
    const path = "reports/big::error::pwned.xml";
    const seconds = [0, 2, 4, 5, 7, 9, 10, 12];
    const reading: TriageProgress[] = seconds.map((s) => ({ kind: "reading", path, bytesRead: s * 40_000_000, bytesTotal: 500_000_000 }));
    // One clock reading per event: the first starts the count.
    let tick = 0;
    const r = await run({ "fail-on": "never" }, report(["intermittent"]), {}, { reading, now: () => new Date((seconds[tick++] ?? 99) * 1000) });
    expect(r.code).toBe(0);
    const said = r.lines.filter((l) => l.startsWith("reading "));
    expect(said).toEqual([`reading 200 of 500 MB (40%): ${path}`, `reading 400 of 500 MB (80%): ${path}`]);
    // Only inside a stop-commands block.
    let token: string | null = null;
    for (const line of r.lines) {
      const open = /^::stop-commands::(\w+)$/.exec(line);
      if (open) token = open[1]!;
      else if (token !== null && line === `::${token}::`) token = null;
      else if (line.startsWith("reading ")) expect(token).not.toBeNull();
    }
  });

  it("says in the log when the time budget stops the reruns", async () => {
    const r = await run({ "fail-on": "never" }, report(["intermittent"]), {}, { reading: [{ kind: "budget-spent", seconds: 300 }] });
    expect(r.code).toBe(0);
    expect(r.lines).toContain("time-budget of 300 s spent: stopping the reruns still running; the report keeps the attempts they finished");
  });

  it("never lets the token reach the log, the report or the summary", async () => {
    const r = await run({ "fail-on": "never" }, report(["deterministic"]));
    expect(r.lines[0]).toBe(`::add-mask::${TOKEN}`);
    const everything = [r.lines.slice(1).join("\n"), r.summary, readFileSync(r.outputs["report"]!, "utf8")].join("\n");
    expect(everything).not.toContain(TOKEN);
  });

  it("treats a 403 from the Checks API as a warning, not a failed step", async () => {
    gh.status = 403;
    const r = await run({}, report(["intermittent"]));
    expect(r.code).toBe(0);
    expect(r.lines).toContainEqual(expect.stringMatching(/^::warning::check-run: no complete check run: the token may not create check runs \(HTTP 403\)/));
    expect(r.summary).not.toContain("[check run]");
  });

  it("warns and publishes the rest when history's or the check run's client cannot be loaded (a chunk file missing)", async () => {
    const missing = async (): Promise<never> => {
      throw new Error("Cannot find module '/a/dist/305.index.js' imported from /a/dist/index.js");
    };
    const r = await run({}, report(["intermittent"]), {}, { cache: missing, checks: missing });
    expect(r.code).toBe(0);
    expect(gh.requests).toHaveLength(0);
    expect(r.lines).toContainEqual(expect.stringMatching(/^::warning::history: could not load its client \(Cannot find module '\/a\/dist\/305\.index\.js'.*is all of the Action's dist\/ there\? Skipped\.$/));
    expect(r.lines).toContainEqual(expect.stringMatching(/^::warning::check-run: could not load its client/));
    expect(r.summary).toContain("## flaky-triage: 0 deterministic, 1 intermittent");
    expect(r.outputs["intermittent"]).toBe("1");
  });

  it("without a token warns and still publishes", async () => {
    const r = await run({ "github-token": "" }, report(["not-reproduced"]));
    expect(r.code).toBe(0);
    expect(gh.requests).toHaveLength(0);
    expect(r.lines).toContainEqual(expect.stringMatching(/^::warning::check-run: no github-token/));
  });

  it("caps workflow annotations and says how many are not shown", async () => {
    const r = await run({ "check-run": "false", "fail-on": "any" }, report(Array(25).fill("deterministic")));
    expect(r.code).toBe(1);
    const errors = r.lines.filter((l) => l.startsWith("::error "));
    // 9 test errors + the failure message: GitHub shows 10 errors per step.
    expect(errors).toHaveLength(9);
    expect(r.summary).toContain("16 more annotations are not shown on the diff");
    expect(r.lines.at(-1)).toMatch(/^::error::25 test\(s\) failed \(fail-on: any\)/);
  });

  it("fails with one sentence naming a bad input, before any work", async () => {
    const r = await run({ reruns: "many" }, report([]));
    expect(r.code).toBe(1);
    expect(r.settings).toBeNull();
    expect(r.lines.at(-1)).toBe("::error::Input 'reruns' must be a whole number, got 'many'.");
  });

  it("honours summary: false and annotations: false", async () => {
    const r = await run({ summary: "false", annotations: "false", "check-run": "false", "fail-on": "never" }, report(["deterministic"]));
    expect(r.summary).toBe("");
    expect(r.lines.filter((l) => /^::(error|notice) /.test(l))).toHaveLength(0);
  });
});
