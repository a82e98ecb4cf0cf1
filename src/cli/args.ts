import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { UserError, errorMessage } from "../errors.js";
import { DEFAULTS, type TriageSettings } from "../settings.js";
import { splitCommandTemplate } from "./template.js";
import { RUNNER_NAMES } from "../rerun/drivers/index.js";

/** Everything the triage command needs, validated once here at the edge. */
export interface TriageCommand {
  settings: TriageSettings;
  /** Report arguments as given (may be globs); expanded by the caller against `cwd` of the shell. */
  reportArgs: string[];
  json: string | null;
  markdown: string | null;
  quiet: boolean;
}

export type Command =
  | { kind: "help"; topic: "triage" }
  | { kind: "version" }
  | { kind: "triage"; triage: TriageCommand };

/** Flags shared with the documentation in `--help`; the order here is the order shown. */
export const TRIAGE_FLAGS = [
  ["--cwd DIR", "project root for reruns and for resolving test files", "."],
  ["--reruns N", "same-seed reruns per failing test (at least 1; see --no-rerun)", String(DEFAULTS.reruns)],
  ["--fresh-seeds M", "fresh-seed reruns per failing test (when its seed can be re-applied)", String(DEFAULTS.freshSeeds)],
  ["--rerun-timeout S", "timeout per test attempt, in seconds", String(DEFAULTS.rerunTimeoutSec)],
  ["--jobs J", "tests rerun in parallel", "number of CPUs"],
  ["--time-budget S", "stop reruns after S seconds (running ones too; what they finished counts); tests not reached get not-rerun", "none"],
  ["--max-failures N", "rerun at most N failing tests; the rest get verdict not-rerun", String(DEFAULTS.maxFailures)],
  ["--seed-pattern REGEX", "extra seed pattern with a named group `seed` (and optional `env`); repeatable", "none"],
  ["--rerun-command TEMPLATE", "argv template for reruns, e.g. 'tox -e py -- {id}' ({id} {file} {name} {seed})", "the built-in driver: the report's dialect's, or --runner's"],
  ["--runner NAME", `rerun driver for every test: ${RUNNER_NAMES.join(", ")}`, "from the report's dialect"],
  ["--no-rerun", "read and extract only: no reruns; a test the report itself retried is classified from those retries, every other failing test gets verdict not-rerun", "off"],
  ["--json FILE", "write the JSON report (schema/report.schema.json), every failing test, to FILE; the table then shows the first 1000", "none"],
  ["--markdown FILE", "write the Markdown report to FILE", "none"],
  ["--args-json FILE", "read further arguments from a JSON array of strings (used by the Jenkins step)", "none"],
  ["--quiet", "no progress output on stderr (report warnings still print)", "off"],
  ["--help", "show this help", ""],
  ["--version", "print the version", ""],
] as const;

const OPTIONS = {
  cwd: { type: "string" },
  reruns: { type: "string" },
  "fresh-seeds": { type: "string" },
  "rerun-timeout": { type: "string" },
  jobs: { type: "string" },
  "time-budget": { type: "string" },
  "max-failures": { type: "string" },
  "seed-pattern": { type: "string", multiple: true },
  "rerun-command": { type: "string" },
  runner: { type: "string" },
  "no-rerun": { type: "boolean" },
  json: { type: "string" },
  markdown: { type: "string" },
  "args-json": { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
} as const;

export function parseTriageArgs(argv: string[], shellCwd: string): Command {
  const expanded = expandArgsJson(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: expanded, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UserError(`${errorMessage(err)} (see --help)`);
  }
  const v = parsed.values;
  if (v.help) return { kind: "help", topic: "triage" };
  if (v.version) return { kind: "version" };
  if (parsed.positionals.length === 0) {
    throw new UserError("no report given: pass JUnit XML files or console logs (see --help)");
  }
  const cwd = resolve(shellCwd, v.cwd ?? ".");
  const settings: TriageSettings = {
    reports: [],
    cwd,
    reruns: intFlag("--reruns", v.reruns, DEFAULTS.reruns, 1, 10_000),
    freshSeeds: intFlag("--fresh-seeds", v["fresh-seeds"], DEFAULTS.freshSeeds, 0, 10_000),
    rerunTimeoutSec: numFlag("--rerun-timeout", v["rerun-timeout"], DEFAULTS.rerunTimeoutSec, 0.1, 86_400),
    jobs: intFlag("--jobs", v.jobs, availableParallelism(), 1, 256),
    timeBudgetSec: v["time-budget"] === undefined ? null : numFlag("--time-budget", v["time-budget"], 0, 0, 1e7),
    seedPatterns: (v["seed-pattern"] ?? []).map(seedPattern),
    rerunCommand: v["rerun-command"] === undefined ? null : rerunTemplate(v["rerun-command"]),
    runner: v.runner === undefined ? null : runnerName(v.runner),
    rerun: !v["no-rerun"],
    maxFailures: intFlag("--max-failures", v["max-failures"], DEFAULTS.maxFailures, 0, 1_000_000),
  };
  return {
    kind: "triage",
    triage: {
      settings,
      reportArgs: parsed.positionals,
      json: v.json === undefined ? null : resolve(shellCwd, v.json),
      markdown: v.markdown === undefined ? null : resolve(shellCwd, v.markdown),
      quiet: v.quiet ?? false,
    },
  };
}

/**
 * `--args-json FILE` splices a JSON array of strings into argv. The Jenkins step uses it so
 * that test names and paths travel as data, never through a shell command line.
 */
export function expandArgsJson(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    let file: string | undefined;
    if (a === "--args-json") file = argv[++i];
    else if (a.startsWith("--args-json=")) file = a.slice("--args-json=".length);
    else {
      out.push(a);
      continue;
    }
    if (file === undefined) throw new UserError("--args-json needs a file");
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, "utf8"));
    } catch (err) {
      throw new UserError(`--args-json ${file}: ${errorMessage(err)}`);
    }
    if (!Array.isArray(data) || !data.every((x) => typeof x === "string")) {
      throw new UserError(`--args-json ${file}: expected a JSON array of strings`);
    }
    out.push(...expandArgsJson(data as string[]));
  }
  return out;
}

export function intFlag(name: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  if (!/^\d+$/.test(raw.trim())) throw new UserError(`${name} expects a whole number, got '${raw}'`);
  const n = Number(raw);
  if (n < min || n > max) throw new UserError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function numFlag(name: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n)) throw new UserError(`${name} expects a number of seconds, got '${raw}'`);
  if (n < min || n > max) throw new UserError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function seedPattern(src: string): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(src);
  } catch (err) {
    throw new UserError(`--seed-pattern '${src}' is not a valid regular expression: ${errorMessage(err)}`);
  }
  if (!/\(\?<seed>/.test(src)) throw new UserError(`--seed-pattern '${src}' needs a named group (?<seed>...)`);
  return re;
}

export function runnerName(name: string): string {
  if (!RUNNER_NAMES.includes(name)) throw new UserError(`--runner must be one of ${RUNNER_NAMES.join(", ")}, got '${name}'`);
  return name;
}

export function rerunTemplate(src: string): string[] {
  const argv = splitCommandTemplate(src);
  if (argv.length === 0) throw new UserError("--rerun-command is empty");
  if (!argv.some((a) => a.includes("{id}") || a.includes("{file}") || a.includes("{name}"))) {
    throw new UserError("--rerun-command must contain {id}, {file} or {name} so it runs one test");
  }
  return argv;
}

export function helpText(version: string): string {
  const w = Math.max(...TRIAGE_FLAGS.map(([f]) => f.length));
  const lines = TRIAGE_FLAGS.map(([flag, what, dflt]) =>
    `  ${flag.padEnd(w)}  ${what}${dflt ? ` (default: ${dflt})` : ""}`,
  );
  return [
    `flaky-triage ${version}: which failing tests are real bugs, which are flaky, why, and what to change.`,
    "",
    "Usage:",
    "  flaky-triage [options] REPORT...      triage failing tests (JUnit XML; pytest, unittest, go test and googletest console output)",
    "  flaky-triage explain FILE|-           explain a log or a pasted excerpt for a person (no reruns; explain --help)",
    "  flaky-triage verify ID... --trials N  prove a fix over many fresh seeds (verify --help)",
    "  flaky-triage merge SHARD.json...      merge sharded verify reports (merge --help)",
    "",
    "Options:",
    ...lines,
    "",
    "Exit status: 0 no deterministic failure, 1 at least one deterministic failure, 2 usage or unreadable input.",
    "",
    "Example:",
    "  flaky-triage reports/junit.xml reports/pytest.log --json triage.json --markdown triage.md",
  ].join("\n");
}
