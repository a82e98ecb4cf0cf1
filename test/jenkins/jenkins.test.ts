// The Jenkins step, run for real in a Groovy 2.4 Pipeline stand-in (test/jenkins/harness/):
// sh executes, files are real, optional plugins can be "installed" or not.
//
// Two CLIs: the stand-in (test/jenkins/stand-in-cli.mjs), whose verdicts are known in advance,
// pins down what the step does with each outcome; the real bundle
// (jenkins/resources/flaky-triage/cli.js) runs on the pytest example and on hostile input.
import { execFileSync } from "node:child_process";
import {
  copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RUNNER_NAMES } from "../../src/rerun/drivers/index.js";
import { calls, groovy, int, root, runStep, type Scenario, type StepRun } from "./harness.js";

const bundle = join(root, "jenkins", "resources", "flaky-triage", "cli.js");
const dist = join(root, "dist", "cli.js");
const example = join(root, "examples", "pytest");
const ALL_PLUGINS = ["findFiles", "publishChecks", "nodejs"];

// Without groovy the harness cannot run. Locally that is a skip with a reason; in CI
// (scripts/install-groovy.sh runs first) it is a failure, so a broken install cannot pass as green.
const skipReason = !groovy && !process.env.CI ? "groovy is not installed (run scripts/install-groovy.sh)" : null;
if (skipReason) console.warn(`test/jenkins: skipped: ${skipReason}`);
// One JVM at a time: on 2 cores, overlapping JVMs were twice as slow in total.
const suite = skipReason ? describe.skip : describe;

function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `ft-jenkins-${name}-`));
}

/** A resources folder whose flaky-triage/cli.js is the stand-in CLI. */
function standInResources(): string {
  const dir = scratch("res");
  mkdirSync(join(dir, "flaky-triage"));
  copyFileSync(join(root, "test", "jenkins", "stand-in-cli.mjs"), join(dir, "flaky-triage", "cli.js"));
  return dir;
}

const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

interface Case {
  classname?: string;
  name: string;
  file?: string;
  line?: number;
  failure?: string;
}

function junit(path: string, cases: Case[]): void {
  const body = cases
    .map((c) => {
      const attrs = `classname="${xml(c.classname ?? "tests.test_a")}" name="${xml(c.name)}"` +
        (c.file ? ` file="${xml(c.file)}"` : "") + (c.line ? ` line="${c.line}"` : "");
      return c.failure === undefined
        ? `<testcase ${attrs} time="0.01"/>`
        : `<testcase ${attrs} time="0.01"><failure message="${xml(c.failure)}">${xml(c.failure)}</failure></testcase>`;
    })
    .join("\n");
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, `<?xml version="1.0" encoding="utf-8"?>\n<testsuites><testsuite name="pytest" tests="${cases.length}">\n${body}\n</testsuite></testsuites>\n`);
}

const BAD = { name: "test_bad", file: "tests/test_a.py", line: 9, failure: "assert 1 == 2" };
const FLAKY = { name: "test_flaky_io", file: "tests/test_a.py", line: 19, failure: "ConnectionResetError" };
const OK = { name: "test_ok", file: "tests/test_a.py", line: 3 };

async function standIn(cases: Case[], params: Record<string, unknown> = {}, extra: Partial<Scenario> = {}) {
  const ws = scratch("ws");
  junit(join(ws, "reports", "junit.xml"), cases);
  const run = await runStep({
    workspace: ws,
    resources: standInResources(),
    plugins: ALL_PLUGINS,
    params: { reports: ["reports/junit.xml"], ...params },
    ...extra,
  });
  expect(run.crash, "the step threw something other than error()").toBeNull();
  return { ws, run };
}

function expectPlain(run: StepRun): void {
  expect(run.returnedProblem).toBeNull();
  expect(run.returnedSerializable).toBe(true);
}

/** Every file under `dir` whose name starts with PWNED (proof that a hostile name was executed). */
function pwned(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((p) => /(^|\/)PWNED/.test(p));
}

suite("flakyTriage step with a stand-in CLI", () => {
  it("rejects an unknown parameter by name before running anything", async () => {
    const { run } = await standIn([BAD], { rerun_count: 3 });
    expect(run.error).toMatch(/unknown parameter 'rerun_count'/);
    expect(run.error).toMatch(/Known parameters: reports, workingDirectory/);
    expect(calls(run, "sh")).toHaveLength(0);
    expect(run.result).toBe("FAILURE");
  });

  it.each([
    [{ failOn: "sometimes" }, /failOn must be one of deterministic, any, never; got 'sometimes'/],
    [{ reports: [] }, /reports is required/],
    [{ reports: "\n  \n" }, /reports is required/],
    [{ reruns: "ten" }, /reruns must be a whole number >= 0; got 'ten'/],
    [{ jobs: int(0) }, /jobs must be at least 1/],
    [{ rerunTimeout: "-1" }, /rerunTimeout must be a number of seconds > 0/],
    [{ quiet: "yes" }, /quiet must be true or false; got 'yes'/],
    [{ reports: [int(3)] }, /reports must hold file paths or patterns \(strings\); got Integer/],
    [{ runner: "nose" }, /runner must be one of pytest, vitest, jest, go \(or empty: picked from each report's dialect\); got 'nose'/],
    [{ runner: int(1) }, /runner must be a string; got Integer/],
  ])("rejects bad parameters with a message naming them: %j", async (params, message) => {
    const { run } = await standIn([BAD], params);
    expect(run.error).toMatch(message);
    expect(calls(run, "sh")).toHaveLength(0);
  });

  it("maps every parameter onto the CLI's flags through --args-json, reports made absolute", async () => {
    const { ws, run } = await standIn([BAD, OK], {
      reports: "reports/*.xml\n",
      workingDirectory: "proj",
      reruns: int(4),
      freshSeeds: "2",
      rerunTimeout: 7.5,
      jobs: int(2),
      timeBudget: int(600),
      seedPatterns: ["SEED=(?<seed>\\d+)", "seed is (?<seed>\\w+)"],
      rerunCommand: "tox -e py -- {id}",
      runner: "jest",
      maxFailures: int(20),
      quiet: true,
      rerun: false,
      failOn: "never",
    });
    expect(run.error).toBeNull();
    const argv = JSON.parse(readFileSync(join(ws, ".flaky-triage", "last-argv.json"), "utf8"));
    expect(argv).toEqual([
      "--json", join(ws, ".flaky-triage/flaky-triage.json"),
      "--markdown", join(ws, ".flaky-triage/flaky-triage.md"),
      "--cwd", join(ws, "proj"),
      "--reruns", "4", "--fresh-seeds", "2", "--jobs", "2", "--max-failures", "20",
      "--rerun-timeout", "7.5", "--time-budget", "600",
      "--seed-pattern", "SEED=(?<seed>\\d+)", "--seed-pattern", "seed is (?<seed>\\w+)",
      "--rerun-command", "tox -e py -- {id}",
      "--runner", "jest",
      "--no-rerun", "--quiet",
      join(ws, "reports/junit.xml"),
    ]);
    // The only shell scripts are constants: no path, parameter or name in them.
    expect(calls(run, "sh").map((c) => c.args.script)).toEqual([
      "node --version > .flaky-triage/node-version.txt 2>&1",
      "rm -f .flaky-triage/flaky-triage.json .flaky-triage/flaky-triage.md && node .flaky-triage/cli.mjs --args-json .flaky-triage/args.json",
    ]);
    expect(calls(run, "findFiles").map((c) => c.args)).toEqual([{ glob: "reports/*.xml" }]);
    expect(run.result).toBe("SUCCESS");
  });

  it("fails the build on deterministic failures, after archiving, publishing checks and tallying", async () => {
    const { run } = await standIn([BAD, FLAKY, OK], {}, { description: "nightly" });
    expect(run.error).toBe(
      "flakyTriage: 1 test(s) fail deterministically (reruns reproduced the failure): tests.test_a::test_bad. " +
        "Fix them, or set failOn: 'never' to only report.",
    );
    expect(run.result).toBe("FAILURE");
    expect(run.description).toBe(
      "nightly; flaky-triage: 1 deterministic, 1 intermittent, 0 not reproduced, 0 not rerun (of 2 failing)",
    );
    expect(calls(run, "archiveArtifacts")[0]!.archived).toEqual([
      ".flaky-triage/flaky-triage.json", ".flaky-triage/flaky-triage.md",
    ]);
    const checks = calls(run, "publishChecks");
    expect(checks).toHaveLength(1);
    expect(checks[0]!.args).toMatchObject({
      name: "flaky-triage",
      conclusion: "FAILURE",
      title: "flaky-triage: 1 deterministic, 1 intermittent, 0 not reproduced, 0 not rerun (of 2 failing)",
      summary: "# flaky-triage\n\n2 failing tests\n",
    });
    expect(checks[0]!.args.annotations).toEqual([
      { path: "tests/test_a.py", startLine: 9, endLine: 9, annotationLevel: "FAILURE",
        title: "Deterministic: tests.test_a::test_bad", message: "assert 1 == 2\n\nstand-in suggestion" },
      { path: "tests/test_a.py", startLine: 19, endLine: 19, annotationLevel: "WARNING",
        title: "Intermittent: tests.test_a::test_flaky_io", message: "ConnectionResetError\n\nstand-in suggestion" },
    ]);
    expect(calls(run, "unstable")).toHaveLength(0);
  });

  it("marks the build unstable when failures are only intermittent, and returns a plain Map", async () => {
    const { run } = await standIn([FLAKY, OK]);
    expect(run.error).toBeNull();
    expect(run.result).toBe("UNSTABLE");
    expect(calls(run, "unstable")[0]!.args.message).toBe(
      "flakyTriage: 1 failing test(s), none deterministic: 1 intermittent, 0 not reproduced, 0 not rerun.",
    );
    expectPlain(run);
    expect(run.returned).toEqual({
      deterministic: 0, intermittent: 1, notReproduced: 0, notRerun: 0, failed: 1, sharedId: 0, total: 1,
      report: ".flaky-triage/flaky-triage.json", markdown: ".flaky-triage/flaky-triage.md",
      tests: [{
        id: "tests.test_a::test_flaky_io", classname: "tests.test_a", name: "test_flaky_io", file: "tests/test_a.py",
        line: 19, outcome: "failed", verdict: "intermittent", cause: "unknown", seedSensitivity: "unknown", seed: null,
        message: "ConnectionResetError", suggestion: "stand-in suggestion", reproduce: null,
      }],
    });
  });

  it("says when failing testcases were triaged with another of the same id (the verdicts add up to fewer)", async () => {
    const { run } = await standIn([FLAKY, FLAKY, FLAKY, OK]);
    expect(run.result).toBe("UNSTABLE");
    expect(calls(run, "unstable")[0]!.args.message).toBe(
      "flakyTriage: 3 failing test(s) (2 triaged with another of the same id), none deterministic: 1 intermittent, 0 not reproduced, 0 not rerun.",
    );
    expect(run.description).toBe(
      "flaky-triage: 0 deterministic, 1 intermittent, 0 not reproduced, 0 not rerun (of 3 failing, 2 triaged with another of the same id)",
    );
    expect(run.returned).toMatchObject({ failed: 3, sharedId: 2, intermittent: 1 });
  });

  it("failOn: never leaves the result alone; failOn: any fails on intermittent failures too", async () => {
    const never = (await standIn([BAD], { failOn: "never" })).run;
    expect([never.error, never.result, calls(never, "unstable").length]).toEqual([null, "SUCCESS", 0]);
    expect(never.returned!.deterministic).toBe(1);
    const any = (await standIn([FLAKY], { failOn: "any" })).run;
    expect(any.error).toBe("flakyTriage: 1 test(s) failed (0 deterministic) and failOn is 'any'. See the flaky-triage report.");
    expect(any.result).toBe("FAILURE");
  });

  it("no failures: SUCCESS and a SUCCESS check", async () => {
    const { run } = await standIn([OK]);
    expect([run.error, run.result]).toEqual([null, "SUCCESS"]);
    expect(calls(run, "publishChecks")[0]!.args.conclusion).toBe("SUCCESS");
  });

  it("skips checks with a log line when the Checks API plugin is absent; publishChecks/archive false skip quietly", async () => {
    const absent = (await standIn([FLAKY], {}, { plugins: ["findFiles"] })).run;
    expect(absent.result).toBe("UNSTABLE");
    expect(absent.log).toContain("flakyTriage: the Checks API plugin is not installed; not publishing checks.");
    const off = (await standIn([FLAKY], { publishChecks: false, archive: false })).run;
    expect(calls(off, "publishChecks")).toHaveLength(0);
    expect(calls(off, "archiveArtifacts")).toHaveLength(0);
    expect(off.result).toBe("UNSTABLE");
  });

  it("passes a pattern through as written when findFiles is absent, and says so", async () => {
    const { ws, run } = await standIn([BAD], { reports: ["reports/*.xml"] }, { plugins: ["publishChecks"] });
    expect(run.log).toContain(
      "flakyTriage: Pipeline Utility Steps is not installed; passing the pattern reports/*.xml to flaky-triage as written.",
    );
    expect(JSON.parse(readFileSync(join(ws, ".flaky-triage", "args.json"), "utf8")).at(-1)).toBe(join(ws, "reports/*.xml"));
    // The stand-in does not expand patterns (the real CLI does): its exit 2 becomes one clear error.
    expect(run.error).toBe("flakyTriage: flaky-triage rejected its input (exit code 2); its message is in the log above.");
  });

  it("a pattern that matches nothing is an error naming it", async () => {
    const { run } = await standIn([BAD], { reports: ["build/**/TEST-*.xml"] });
    expect(run.error).toMatch(/^flakyTriage: no file matches the reports pattern build\/\*\*\/TEST-\*\.xml \(relative to /);
  });

  it("gives one clear error when node is missing", async () => {
    const empty = scratch("nopath");
    const { run } = await standIn([BAD], {}, { env: { PATH: empty } });
    expect(run.error).toMatch(/^flakyTriage: cannot run 'node' on this agent \(exit code 127\)\. Install Node\.js 20/);
    expect(calls(run, "sh")).toHaveLength(1);
  });

  it("runs node from a NodeJS plugin installation named by nodejs:", async () => {
    // An agent whose PATH has rm but no node; the tool installation has node.
    const agentBin = scratch("agentbin");
    symlinkSync(execFileSync("sh", ["-c", "command -v rm"], { encoding: "utf8" }).trim(), join(agentBin, "rm"));
    const tool = scratch("tool");
    mkdirSync(join(tool, "bin"));
    symlinkSync(process.execPath, join(tool, "bin", "node"));
    const { run } = await standIn([FLAKY], { nodejs: "Node 20" }, { env: { PATH: agentBin }, nodejsTools: { "Node 20": tool } });
    expect(calls(run, "nodejs").map((c) => c.args)).toEqual([{ nodeJSInstallationName: "Node 20" }]);
    expect([run.error, run.result]).toEqual([null, "UNSTABLE"]);

    const noPlugin = (await standIn([FLAKY], { nodejs: "Node 20" }, { plugins: ["findFiles", "publishChecks"] })).run;
    expect(noPlugin.error).toMatch(/^flakyTriage: nodejs: 'Node 20' needs the NodeJS plugin, which is not installed/);
  });

  it("never reads a stale report from an earlier build in the same workspace", async () => {
    const ws = scratch("ws");
    junit(join(ws, "reports", "junit.xml"), [FLAKY]);
    mkdirSync(join(ws, ".flaky-triage"));
    writeFileSync(join(ws, ".flaky-triage", "flaky-triage.json"), JSON.stringify({ summary: {}, tests: [] }));
    const run = await runStep({
      workspace: ws, resources: standInResources(), plugins: ALL_PLUGINS,
      params: { reports: ["reports/junit.xml"] }, env: { FT_STAND_IN_NO_JSON: "1" },
    });
    expect(run.error).toBe("flakyTriage: flaky-triage exited with 0 but wrote no report at .flaky-triage/flaky-triage.json.");
  });

  it("cuts the check summary to the Checks API limit at a line, saying where the rest is", async () => {
    const { run } = await standIn([FLAKY], {}, { env: { FT_STAND_IN_MARKDOWN_CHARS: "200000" } });
    const summary: string = calls(run, "publishChecks")[0]!.args.summary;
    expect(summary.length).toBeLessThanOrEqual(65535);
    expect(summary.length).toBeGreaterThan(60000);
    expect(summary).toMatch(/\| row \|\n\n_The report was cut to fit the check's size limit; the full report is the build artifact `\.flaky-triage\/flaky-triage\.md`\._\n$/);
  });

  it("cuts the check summary between tests' <details> blocks, never inside one (the note would hide in it)", async () => {
    const { run } = await standIn([FLAKY], {}, { env: { FT_STAND_IN_MARKDOWN_DETAILS: "200000" } });
    const summary: string = calls(run, "publishChecks")[0]!.args.summary;
    expect(summary.length).toBeLessThanOrEqual(65535);
    expect(summary.length).toBeGreaterThan(60000);
    expect(summary.match(/<details>/g)?.length).toBe(summary.match(/<\/details>/g)?.length);
    expect(summary).toMatch(/<\/details>\n\n_The report was cut to fit the check's size limit; the full report is the build artifact `\.flaky-triage\/flaky-triage\.md`\._\n$/);
  });

  it("works inside dir(): files under that directory, annotations relative to the workspace via workingDirectory", async () => {
    const ws = scratch("ws");
    junit(join(ws, "sub", "reports", "junit.xml"), [BAD]);
    mkdirSync(join(ws, "sub", "proj"));
    const run = await runStep({
      workspace: ws, resources: standInResources(), plugins: ALL_PLUGINS, inDir: "sub",
      params: { reports: ["reports/junit.xml"], workingDirectory: "./proj/", failOn: "never" },
    });
    expect(run.crash).toBeNull();
    expect(existsSync(join(ws, "sub", ".flaky-triage", "flaky-triage.json"))).toBe(true);
    expect(calls(run, "publishChecks")[0]!.args.annotations[0].path).toBe("proj/tests/test_a.py");
  });

  it("annotations show control and bidi characters from the report instead of obeying them", async () => {
    const { run } = await standIn([{ ...BAD, name: "test_\u202Eevil\u2066", failure: "a\u202Eb\u0007c\nnext line" }], { failOn: "never" });
    const [a] = calls(run, "publishChecks")[0]!.args.annotations;
    expect(a.title).toBe("Deterministic: tests.test_a::test_\\u202Eevil\\u2066");
    expect(a.message).toMatch(/^a\\u202Eb\\x07c\nnext line\n\nstand-in suggestion$/);
    expect(JSON.stringify([a.title, a.message])).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0007]/);
  });
});

/** Test names built to break a shell, Groovy's GString evaluation or a JSON parser that guesses. */
const HOSTILE = [
  "$(touch PWNED_subst)",
  "'; touch PWNED_quote; rm -rf x; '",
  '"; touch PWNED_dquote; "',
  "`touch PWNED_backtick`",
  "${System.exit(1)}",
  "${new File('PWNED_groovy').text = 'x'}",
  "$HOME",
  "[1, 2]",
  '{"a": 1}',
];

function hostileWorkspace(): { top: string; ws: string } {
  const top = scratch("hostile");
  // The workspace path itself is hostile: Jenkins job names end up in it.
  const ws = join(top, "ws $(touch PWNED_ws) $HOME 'q");
  mkdirSync(join(ws, "x"), { recursive: true });
  writeFileSync(join(ws, "x", "keep"), "");
  mkdirSync(join(ws, "proj $(touch PWNED_cwd)"));
  junit(
    join(ws, "reports", "$(touch PWNED_path) it's.xml"),
    HOSTILE.map((name, i) => ({ classname: "tests.test_h", name, failure: HOSTILE[(i + 3) % HOSTILE.length]! })),
  );
  return { top, ws };
}

function expectNothingExecuted(top: string, ws: string, run: StepRun): void {
  expect(run.crash).toBeNull();
  expect(pwned(top)).toEqual([]);
  expect(pwned(root)).toEqual([]);
  expect(existsSync(join(ws, "x", "keep"))).toBe(true);
  expectPlain(run);
}

suite("flakyTriage step with hostile test names (stand-in CLI)", () => {
  it("executes and interpolates nothing, and returns names verbatim", async () => {
    const { top, ws } = hostileWorkspace();
    const run = await runStep({
      workspace: ws, resources: standInResources(), plugins: ALL_PLUGINS,
      params: { reports: ["reports/*.xml"], workingDirectory: "proj $(touch PWNED_cwd)" },
    });
    expectNothingExecuted(top, ws, run);
    expect(run.returned).toBeNull();
    const report = JSON.parse(readFileSync(join(ws, ".flaky-triage", "flaky-triage.json"), "utf8"));
    expect(report.tests.map((t: { name: string }) => t.name)).toEqual(HOSTILE);
    // The error names the first five deterministic tests, verbatim apart from control characters.
    expect(run.error).toContain("tests.test_h::$(touch PWNED_subst), tests.test_h::'; touch PWNED_quote; rm -rf x; '");
    expect(run.error).toContain(" and 4 more.");
    const checks = calls(run, "publishChecks")[0]!.args;
    expect(checks.annotations).toEqual([]);
  });

  it("returns hostile names and JSON-looking messages verbatim in the Map", async () => {
    const { top, ws } = hostileWorkspace();
    const run = await runStep({
      workspace: ws, resources: standInResources(), plugins: ALL_PLUGINS,
      params: { reports: ["reports/$(touch PWNED_path) it's.xml"], failOn: "never" },
    });
    expectNothingExecuted(top, ws, run);
    expect(run.returned!.tests.map((t: { name: string }) => t.name)).toEqual(HOSTILE);
    expect(run.returned!.tests.map((t: { message: string }) => t.message)).toEqual(
      HOSTILE.map((_, i) => HOSTILE[(i + 3) % HOSTILE.length]),
    );
  });
});

suite("flakyTriage step with the real bundle", () => {
  it("ships jenkins/resources/flaky-triage/cli.js byte-identical to dist/cli.js", async () => {
    expect(existsSync(dist), "dist/cli.js is missing: run npm run build").toBe(true);
    expect(existsSync(bundle), "jenkins/resources/flaky-triage/cli.js is missing: run npm run build").toBe(true);
    expect(readFileSync(bundle).equals(readFileSync(dist)), "the Jenkins copy differs from dist/cli.js: run npm run build").toBe(true);
  });

  it("offers the CLI's built-in rerun drivers as runner:, no more and no fewer", () => {
    const groovySrc = readFileSync(join(root, "jenkins", "src", "flakytriage", "StepParams.groovy"), "utf8");
    const list = /static final List<String> RUNNERS = \[([^\]]*)\]/.exec(groovySrc)?.[1];
    expect(list, "StepParams.RUNNERS not found").toBeDefined();
    expect([...list!.matchAll(/'([^']+)'/g)].map((m) => m[1])).toEqual([...RUNNER_NAMES]);
  });

  it("triages the pytest example: Map, checks and build result agree with the JSON report", async () => {
    expect(existsSync(bundle), "jenkins/resources/flaky-triage/cli.js is missing: run npm run build").toBe(true);
    if (!existsSync(join(example, "reports", "junit.xml"))) {
      execFileSync(process.execPath, [join(root, "scripts", "example.mjs"), "--reports-only"], { stdio: "inherit" });
    }
    const top = scratch("example");
    const ws = join(top, "ws");
    cpSync(example, ws, { recursive: true });
    const run = await runStep({
      workspace: ws,
      plugins: ALL_PLUGINS,
      params: {
        reports: ["reports/junit.xml", "reports/pytest.log"],
        reruns: int(3), freshSeeds: int(2), rerunTimeout: int(10), jobs: int(2), quiet: true,
      },
    });
    expect(run.crash).toBeNull();
    const report = JSON.parse(readFileSync(join(ws, ".flaky-triage", "flaky-triage.json"), "utf8"));
    const s = report.summary;
    expect(s.deterministic).toBeGreaterThan(0);
    expect(run.result).toBe("FAILURE");
    expect(run.error).toMatch(new RegExp(`^flakyTriage: ${s.deterministic} test\\(s\\) fail deterministically`));
    expect(run.description).toBe(
      `flaky-triage: ${s.deterministic} deterministic, ${s.intermittent} intermittent, ${s.notReproduced} not reproduced, ` +
        `${s.notRerun} not rerun (of ${s.failed + s.errored} failing)`,
    );
    expect(calls(run, "archiveArtifacts")[0]!.archived).toEqual([
      ".flaky-triage/flaky-triage.json", ".flaky-triage/flaky-triage.md",
    ]);
    const checks = calls(run, "publishChecks")[0]!.args;
    expect(checks.conclusion).toBe("FAILURE");
    expect(checks.summary).toBe(readFileSync(join(ws, ".flaky-triage", "flaky-triage.md"), "utf8"));
    const located = report.tests.filter((t: { file: string | null; line: number | null }) => t.file && t.line);
    expect(checks.annotations).toHaveLength(located.length);
    for (const a of checks.annotations) {
      expect(existsSync(join(ws, a.path)), a.path).toBe(true);
      const t = report.tests.find((x: { file: string; line: number }) => x.file === a.path && x.line === a.startLine);
      expect(t, `${a.path}:${a.startLine}`).toBeDefined();
      expect(a.annotationLevel).toBe({ deterministic: "FAILURE", intermittent: "WARNING", "not-reproduced": "NOTICE", "not-rerun": "NOTICE" }[t.verdict as string]);
    }
    // error() ended the step, so no Map came back; run the same triage with failOn: never for it.
    const kept = await runStep({
      workspace: ws, plugins: ALL_PLUGINS,
      params: { reports: ["reports/junit.xml", "reports/pytest.log"], rerun: false, failOn: "never", quiet: true },
    });
    expect([kept.crash, kept.error, kept.result]).toEqual([null, null, "SUCCESS"]);
    expectPlain(kept);
    const again = JSON.parse(readFileSync(join(ws, ".flaky-triage", "flaky-triage.json"), "utf8"));
    expect(kept.returned).toMatchObject({
      deterministic: 0, notRerun: again.summary.notRerun, failed: again.summary.failed + again.summary.errored,
      report: ".flaky-triage/flaky-triage.json", markdown: ".flaky-triage/flaky-triage.md",
    });
    expect(kept.returned!.tests.map((t: { id: string }) => t.id)).toEqual(again.tests.map((t: { id: string }) => t.id));
  });

  it("hostile names through the real CLI: nothing executed, names verbatim", async () => {
    expect(existsSync(bundle), "jenkins/resources/flaky-triage/cli.js is missing: run npm run build").toBe(true);
    const { top, ws } = hostileWorkspace();
    // `false` as the rerun command: every rerun fails, so every test is deterministic and
    // each hostile id is handed to a rerun process as an argv element.
    const run = await runStep({
      workspace: ws, plugins: ALL_PLUGINS,
      params: {
        reports: ["reports/*.xml"], workingDirectory: "proj $(touch PWNED_cwd)", rerunCommand: "false {id} {name}",
        reruns: int(2), freshSeeds: int(0), failOn: "never", quiet: true,
      },
    });
    expectNothingExecuted(top, ws, run);
    expect(run.error).toBeNull();
    expect(run.returned!.tests.map((t: { name: string }) => t.name).sort()).toEqual([...HOSTILE].sort());
    expect(run.returned!.deterministic).toBe(HOSTILE.length);
  });
});
