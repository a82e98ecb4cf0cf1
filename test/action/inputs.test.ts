import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { envInputReader, expandReports, parseInputs, readEnvironment } from "../../src/action/inputs.js";
import { readInputs } from "../../src/io/read-inputs.js";

const ws = mkdtempSync(join(tmpdir(), "ft-inputs-"));
mkdirSync(join(ws, "proj/reports"), { recursive: true });
writeFileSync(join(ws, "proj/reports/junit.xml"), "<testsuites/>");
writeFileSync(join(ws, "proj/reports/pytest.log"), "log");

function settings(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const e: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: ws, RUNNER_TEMP: join(ws, "tmp"), ...env };
  for (const [k, v] of Object.entries(inputs)) e[`INPUT_${k.toUpperCase()}`] = v;
  return parseInputs(envInputReader(e), readEnvironment(e));
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error("expected an error");
}

describe("parseInputs", () => {
  it("applies the defaults", () => {
    const s = settings({ reports: "reports/junit.xml" });
    expect(s.triage).toMatchObject({ cwd: ws, reruns: 10, freshSeeds: 10, rerunTimeoutSec: 60, timeBudgetSec: null, rerunCommand: null, rerun: true, maxFailures: 50 });
    expect(s.triage.jobs).toBeGreaterThanOrEqual(1);
    expect(s).toMatchObject({ failOn: "deterministic", annotations: true, summary: true, checkRun: "auto", checkName: null, history: true, charts: true, token: "" });
  });

  it("reads every input (hyphens kept in the variable names, as the runner does)", () => {
    const s = settings({
      reports: "reports/junit.xml\n\n  reports/*.log  \n",
      "working-directory": "proj",
      reruns: "5",
      "fresh-seeds": "0",
      "rerun-timeout": "2.5",
      jobs: "3",
      "time-budget": "600",
      "seed-patterns": "seed is (?<seed>\\d+)\n#(?<seed>\\d+)",
      "rerun-command": "tox -e py -- '{id}'",
      "fail-on": "never",
      annotations: "false",
      summary: "False",
      "check-run": "true",
      "check-name": "flaky-triage (py3.12)",
      history: "FALSE",
      charts: "false",
      "github-token": "ghs_secret",
    });
    expect(s.reportPatterns).toEqual(["reports/junit.xml", "reports/*.log"]);
    expect(s.triage).toMatchObject({ cwd: join(ws, "proj"), reruns: 5, freshSeeds: 0, rerunTimeoutSec: 2.5, jobs: 3, timeBudgetSec: 600, rerunCommand: ["tox", "-e", "py", "--", "{id}"] });
    expect(s.triage.seedPatterns.map(String)).toEqual(["/seed is (?<seed>\\d+)/", "/#(?<seed>\\d+)/"]);
    expect(s).toMatchObject({ failOn: "never", annotations: false, summary: false, checkRun: "true", checkName: "flaky-triage (py3.12)", history: false, charts: false, token: "ghs_secret" });
  });

  it("takes runner: empty picks the driver from each report's dialect", () => {
    expect(settings({ reports: "x" }).triage.runner).toBeNull();
    expect(settings({ reports: "x", runner: "vitest" }).triage.runner).toBe("vitest");
  });

  it("treats reruns: 0 as read-and-extract only", () => {
    expect(settings({ reports: "x", reruns: "0" }).triage.rerun).toBe(false);
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ reports: "" }, /^Input 'reports' is empty/],
    [{ reports: "x", "working-directory": "nope" }, /^Input 'working-directory' is not a directory/],
    [{ reports: "x", reruns: "ten" }, /^Input 'reruns' must be a whole number, got 'ten'\.$/],
    [{ reports: "x", reruns: "-1" }, /^Input 'reruns' must be a whole number/],
    [{ reports: "x", "fresh-seeds": "100000" }, /^Input 'fresh-seeds' must be between 0 and 10000/],
    [{ reports: "x", "rerun-timeout": "0" }, /^Input 'rerun-timeout' must be between/],
    [{ reports: "x", "rerun-timeout": "1e3" }, /^Input 'rerun-timeout' must be a number of seconds/],
    [{ reports: "x", jobs: "0" }, /^Input 'jobs' must be between 1 and 256/],
    [{ reports: "x", "time-budget": "soon" }, /^Input 'time-budget' must be a number of seconds/],
    [{ reports: "x", "seed-patterns": "(" }, /^Input 'seed-patterns' has an invalid regular expression/],
    [{ reports: "x", "seed-patterns": "seed=(\\d+)" }, /^Input 'seed-patterns' needs a named group/],
    [{ reports: "x", "rerun-command": "pytest 'unclosed" }, /^Input 'rerun-command' cannot be split/],
    [{ reports: "x", "rerun-command": "pytest -x" }, /^Input 'rerun-command' must contain \{id\}/],
    [{ reports: "x", "fail-on": "sometimes" }, /^Input 'fail-on' must be one of deterministic, any, never, got 'sometimes'\.$/],
    [{ reports: "x", annotations: "yes" }, /^Input 'annotations' must be true or false, got 'yes'\.$/],
    [{ reports: "x", "check-run": "maybe" }, /^Input 'check-run' must be one of auto, true, false/],
    [{ reports: "x", "check-name": "a\nb" }, /^Input 'check-name' must be one line/],
    [{ reports: "x", runner: "mocha" }, /^Input 'runner' must be one of pytest, vitest, jest, go \(or empty\), got 'mocha'/],
  ];
  for (const [inputs, message] of bad) {
    it(`fails with one sentence naming the input: ${Object.keys(inputs).at(-1)}=${Object.values(inputs).at(-1)}`, () => {
      const m = errorOf(() => settings(inputs));
      expect(m).toMatch(message);
      expect(m.split(/\.\s/).length).toBe(1);
    });
  }
});

describe("expandReports", () => {
  it("expands globs against the working directory, naming reports by their path from it", async () => {
    const s = settings({ reports: "reports/*.xml\nreports/pytest.log\nreports/junit.xml", "working-directory": "proj" });
    // Read relative to the working directory; named so in the summary (no runner directories).
    expect(await expandReports(s)).toEqual(["reports/junit.xml", "reports/pytest.log"]);
  });

  it("keeps a line that matches nothing when others match, for the reader to warn about (a crashed run writes no JUnit report)", async () => {
    const s = settings({ reports: "reports/junit.xml\nreports/gone.log\nlogs/*.log", "working-directory": "proj" });
    const paths = await expandReports(s);
    expect(paths).toEqual(["reports/junit.xml", "reports/gone.log", "logs/*.log"]);
    const inputs = await readInputs(paths, { cwd: s.triage.cwd });
    expect(inputs.map((i) => i.warnings)).toEqual([
      [],
      ["reports/gone.log: no such file; the other reports were read without it"],
      ["logs/*.log: no file matches this pattern; the other reports were read without it"],
    ]);
  });

  it("names the input when nothing matches", async () => {
    const s = settings({ reports: "missing/*.xml" });
    await expect(expandReports(s)).rejects.toThrow(/^Input 'reports' matched no file/);
  });
});

describe("readEnvironment", () => {
  it("takes the pull request's head SHA, head branch and default branch from the event", () => {
    const event = join(ws, "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { head: { sha: "abc" } }, repository: { default_branch: "main" } }));
    const gh = readEnvironment({
      GITHUB_EVENT_PATH: event,
      GITHUB_SHA: "merge",
      GITHUB_HEAD_REF: "feature",
      GITHUB_REF_NAME: "1/merge",
      GITHUB_REPOSITORY: "o/r",
      GITHUB_API_URL: "http://127.0.0.1:1/api/",
    });
    expect(gh).toMatchObject({ headSha: "abc", branch: "feature", defaultBranch: "main", repository: { owner: "o", repo: "r" }, apiUrl: "http://127.0.0.1:1/api" });
  });
});
