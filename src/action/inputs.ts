/**
 * Every Action input, parsed and validated once into one typed settings object (the rest of
 * the Action never reads an input or the environment). A bad input fails the step with one
 * sentence that names it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { splitCommandTemplate } from "../cli/template.js";
import { expandGlobs, fromProject } from "../io/read-inputs.js";
import { UserError, errorMessage } from "../errors.js";
import { isEnvName } from "../render/shell-quote.js";
import { DEFAULTS, type TriageSettings } from "../settings.js";
import { checkBaseSeed, parseShard } from "../verify/seeds.js";
import { MAX_TRIALS, VERIFY_DEFAULTS, type VerifySettings } from "../verify/settings.js";
import { RUNNER_NAMES } from "../rerun/drivers/index.js";

export type FailOn = "deterministic" | "any" | "never";
export type CheckRunMode = "auto" | "true" | "false";

/** What the runner tells us about the run (environment variables and the event payload). */
export interface GitHubEnvironment {
  workspace: string;
  runnerTemp: string;
  stepSummary: string | null;
  output: string | null;
  apiUrl: string;
  serverUrl: string;
  repository: { owner: string; repo: string } | null;
  /** The commit a check run belongs to: a pull request's head, not its merge commit. */
  headSha: string | null;
  workflow: string;
  job: string;
  runId: string;
  runAttempt: string;
  /** The branch being built: the PR's head branch for pull requests. */
  branch: string;
  defaultBranch: string | null;
}

export interface ActionSettings {
  /** `reports` is filled by `expandReports`; empty until then. */
  triage: TriageSettings;
  reportPatterns: string[];
  failOn: FailOn;
  annotations: boolean;
  summary: boolean;
  checkRun: CheckRunMode;
  /** The check run's name (`check-name`), one line; null: `flaky-triage (workflow / job)`. */
  checkName: string | null;
  history: boolean;
  charts: boolean;
  /** Never logged, never written: masked by the caller as soon as it is read. */
  token: string;
  github: GitHubEnvironment;
}

/** Reads one input by name (as `core.getInput` does: `INPUT_<NAME>`, hyphens kept). */
export type InputReader = (name: string) => string;

export function envInputReader(env: NodeJS.ProcessEnv): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

function fail(input: string, problem: string): never {
  throw new UserError(`Input '${input}' ${problem}.`);
}

function integer(get: InputReader, name: string, fallback: number, min: number, max: number): number {
  const raw = get(name);
  if (raw === "") return fallback;
  if (!/^\d+$/.test(raw)) fail(name, `must be a whole number, got '${raw}'`);
  const n = Number(raw);
  if (n < min || n > max) fail(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function seconds(get: InputReader, name: string, min: number, max: number): number | null {
  const raw = get(name);
  if (raw === "") return null;
  const n = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(n)) fail(name, `must be a number of seconds, got '${raw}'`);
  if (n < min || n > max) fail(name, `must be between ${min} and ${max} seconds, got ${n}`);
  return n;
}

// The YAML 1.2 core schema booleans, as `core.getBooleanInput` accepts them.
function boolean(get: InputReader, name: string, fallback: boolean): boolean {
  const raw = get(name);
  if (raw === "") return fallback;
  if (["true", "True", "TRUE"].includes(raw)) return true;
  if (["false", "False", "FALSE"].includes(raw)) return false;
  fail(name, `must be true or false, got '${raw}'`);
}

function choice<T extends string>(get: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const raw = get(name).toLowerCase();
  if (raw === "") return fallback;
  if (!(allowed as readonly string[]).includes(raw)) fail(name, `must be one of ${allowed.join(", ")}, got '${raw}'`);
  return raw as T;
}

function lines(get: InputReader, name: string): string[] {
  return get(name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function seedPatterns(get: InputReader): RegExp[] {
  return lines(get, "seed-patterns").map((src) => {
    let re: RegExp;
    try {
      re = new RegExp(src);
    } catch (err) {
      fail("seed-patterns", `has an invalid regular expression '${src}': ${errorMessage(err)}`);
    }
    if (!src.includes("(?<seed>")) fail("seed-patterns", `needs a named group (?<seed>...) in '${src}'`);
    return re;
  });
}

function rerunCommand(get: InputReader): string[] | null {
  const raw = get("rerun-command");
  if (raw === "") return null;
  let argv: string[];
  try {
    argv = splitCommandTemplate(raw);
  } catch (err) {
    fail("rerun-command", `cannot be split into arguments: ${errorMessage(err)}`);
  }
  if (argv.length === 0) fail("rerun-command", "is empty");
  if (!argv.some((a) => /\{(id|file|name)\}/.test(a))) fail("rerun-command", "must contain {id}, {file} or {name} so that it runs one test");
  return argv;
}

/** Empty: each report's dialect picks the driver. */
function runner(get: InputReader): string | null {
  const raw = get("runner").trim();
  if (raw === "") return null;
  if (!RUNNER_NAMES.includes(raw)) fail("runner", `must be one of ${RUNNER_NAMES.join(", ")} (or empty), got '${raw}'`);
  return raw;
}

function readEvent(path: string | undefined): Record<string, unknown> {
  if (path === undefined || path === "" || !existsSync(path)) return {};
  try {
    const data: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function pick(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) cur = typeof cur === "object" && cur !== null ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

export function readEnvironment(env: NodeJS.ProcessEnv): GitHubEnvironment {
  const event = readEvent(env["GITHUB_EVENT_PATH"]);
  const [owner, repo] = (env["GITHUB_REPOSITORY"] ?? "").split("/");
  const prHead = pick(event, "pull_request", "head", "sha");
  const defaultBranch = pick(event, "repository", "default_branch");
  const nonEmpty = (v: string | undefined): string | null => (v === undefined || v === "" ? null : v);
  return {
    workspace: resolve(nonEmpty(env["GITHUB_WORKSPACE"]) ?? process.cwd()),
    runnerTemp: resolve(nonEmpty(env["RUNNER_TEMP"]) ?? tmpdir()),
    stepSummary: nonEmpty(env["GITHUB_STEP_SUMMARY"]),
    output: nonEmpty(env["GITHUB_OUTPUT"]),
    apiUrl: (nonEmpty(env["GITHUB_API_URL"]) ?? "https://api.github.com").replace(/\/+$/, ""),
    serverUrl: (nonEmpty(env["GITHUB_SERVER_URL"]) ?? "https://github.com").replace(/\/+$/, ""),
    repository: owner && repo ? { owner, repo } : null,
    headSha: typeof prHead === "string" ? prHead : nonEmpty(env["GITHUB_SHA"]),
    workflow: env["GITHUB_WORKFLOW"] ?? "workflow",
    job: env["GITHUB_JOB"] ?? "job",
    runId: env["GITHUB_RUN_ID"] ?? "0",
    runAttempt: env["GITHUB_RUN_ATTEMPT"] ?? "1",
    branch: nonEmpty(env["GITHUB_HEAD_REF"]) ?? env["GITHUB_REF_NAME"] ?? "",
    defaultBranch: typeof defaultBranch === "string" ? defaultBranch : null,
  };
}

/** Parses and validates every input; `reports` globs are expanded later by `expandReports`. */
export function parseInputs(get: InputReader, github: GitHubEnvironment): ActionSettings {
  const reportPatterns = lines(get, "reports");
  if (reportPatterns.length === 0) fail("reports", "is empty: give the JUnit XML files or console logs to triage, one per line");

  const wd = get("working-directory") || ".";
  const cwd = isAbsolute(wd) ? resolve(wd) : resolve(github.workspace, wd);
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) fail("working-directory", `is not a directory: '${wd}'`);

  const reruns = integer(get, "reruns", DEFAULTS.reruns, 0, 10_000);
  const triage: TriageSettings = {
    reports: [],
    cwd,
    reruns: Math.max(reruns, 1),
    freshSeeds: integer(get, "fresh-seeds", DEFAULTS.freshSeeds, 0, 10_000),
    rerunTimeoutSec: seconds(get, "rerun-timeout", 0.1, 86_400) ?? DEFAULTS.rerunTimeoutSec,
    jobs: integer(get, "jobs", availableParallelism(), 1, 256),
    // A job on GitHub-hosted runners is cancelled after 6 hours anyway.
    timeBudgetSec: seconds(get, "time-budget", 0, 6 * 3600),
    seedPatterns: seedPatterns(get),
    rerunCommand: rerunCommand(get),
    runner: runner(get),
    // `reruns: 0` reads and extracts only, like the CLI's --no-rerun.
    rerun: reruns > 0,
    maxFailures: integer(get, "max-failures", DEFAULTS.maxFailures, 0, 1_000_000),
  };
  return {
    triage,
    reportPatterns,
    failOn: choice(get, "fail-on", ["deterministic", "any", "never"] as const, "deterministic"),
    annotations: boolean(get, "annotations", true),
    summary: boolean(get, "summary", true),
    checkRun: choice(get, "check-run", ["auto", "true", "false"] as const, "auto"),
    checkName: checkName(get),
    history: boolean(get, "history", true),
    charts: boolean(get, "charts", true),
    token: get("github-token"),
    github,
  };
}

function checkName(get: InputReader): string | null {
  const raw = get("check-name").trim();
  if (raw === "") return null;
  if (/[\r\n]/.test(raw)) fail("check-name", "must be one line");
  return raw;
}

/**
 * Expands the `reports` lines against the working directory, as the CLI does its arguments: a
 * line that matches nothing stays, and becomes a warning when other lines matched (the
 * summary and an annotation say the log is missing); no match at all is an input error.
 */
export async function expandReports(settings: ActionSettings): Promise<string[]> {
  const cwd = settings.triage.cwd;
  const paths = [...new Set((await expandGlobs(settings.reportPatterns, cwd, "keep")).map((p) => fromProject(cwd, resolve(cwd, p))))];
  if (!paths.some((p) => existsSync(resolve(cwd, p)))) {
    fail("reports", `matched no file under ${cwd} (patterns: ${settings.reportPatterns.join(", ")}); did the test step write its reports there`);
  }
  return paths;
}

/** What the step does: triage reports (default), verify tests over many seeds, or merge verify shards. */
export type ActionMode = "triage" | "verify" | "merge";

export function parseMode(get: InputReader): ActionMode {
  return choice(get, "mode", ["triage", "verify", "merge"] as const, "triage");
}

/** Settings of `mode: verify` and `mode: merge`. */
export interface VerifyActionSettings {
  mode: "verify" | "merge";
  /** verify: what to run (patterns stays empty). */
  verify: VerifySettings;
  /** merge: the shards' JSON reports, globs relative to working-directory. */
  mergePatterns: string[];
  /** `never` only reports; anything else fails the step when a trial failed. */
  failOn: FailOn;
  summary: boolean;
  github: GitHubEnvironment;
}

function workingDirectory(get: InputReader, github: GitHubEnvironment): string {
  const wd = get("working-directory") || ".";
  const cwd = isAbsolute(wd) ? resolve(wd) : resolve(github.workspace, wd);
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) fail("working-directory", `is not a directory: '${wd}'`);
  return cwd;
}

/**
 * Parses the inputs of `mode: verify` / `mode: merge`. A sharded verify without `base-seed`
 * keys its seed stream by the workflow run id: the same in every job of a matrix, so the
 * shards run disjoint parts of one stream (and a re-run of one shard repeats its seeds).
 */
export function parseVerifyInputs(get: InputReader, github: GitHubEnvironment, mode: "verify" | "merge"): VerifyActionSettings {
  const cwd = workingDirectory(get, github);
  const failOn = choice(get, "fail-on", ["deterministic", "any", "never"] as const, "deterministic");
  const summary = boolean(get, "summary", true);
  const verify: VerifySettings = {
    ids: [],
    fromReport: null,
    cwd,
    trials: VERIFY_DEFAULTS.trials,
    jobs: integer(get, "jobs", availableParallelism(), 1, 256),
    timeoutSec: seconds(get, "rerun-timeout", 0.1, 86_400) ?? VERIFY_DEFAULTS.rerunTimeoutSec,
    seedPatterns: seedPatterns(get),
    rerunCommand: rerunCommand(get),
    runner: runner(get),
    mechanism: null,
    seedList: null,
    baseSeed: null,
    shard: null,
    stopOnFailure: false,
  };
  if (mode === "merge") {
    const mergePatterns = lines(get, "reports");
    if (mergePatterns.length === 0) fail("reports", "is empty: with mode: merge, give the shards' verify JSON files (e.g. shards/*.json)");
    return { mode, verify, mergePatterns, failOn, summary, github };
  }
  verify.ids = lines(get, "tests");
  if (verify.ids.length === 0) fail("tests", "is empty: with mode: verify, give the test ids to verify, one per line");
  verify.trials = integer(get, "trials", VERIFY_DEFAULTS.trials, 1, MAX_TRIALS);
  const shard = get("shard");
  if (shard !== "") {
    try {
      verify.shard = parseShard(shard);
    } catch {
      fail("shard", `must be K/N with 1 <= K <= N (e.g. 2/4), got '${shard}'`);
    }
  }
  const base = get("base-seed");
  if (base !== "") {
    try {
      verify.baseSeed = checkBaseSeed(base);
    } catch {
      fail("base-seed", `must be 1 to 64 printable characters without spaces, got '${base}'`);
    }
  } else if (verify.shard !== null) {
    verify.baseSeed = `run-${github.runId}`;
  }
  const seedEnv = lines(get, "seed-env");
  for (const name of seedEnv) if (!isEnvName(name)) fail("seed-env", `names no environment variable: '${name}'`);
  if (seedEnv.length > 0) verify.mechanism = { source: "flag", detail: "seed-env input", kind: "env", names: seedEnv };
  return { mode, verify, mergePatterns: [], failOn, summary, github };
}
