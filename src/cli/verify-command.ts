/**
 * `flaky-triage verify ID... [options]`: run tests thousands of times with fresh seeds and say,
 * with an exact bound, how often they fail. Flags shared with triage keep triage's meaning.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path, { resolve } from "node:path";
import { parseArgs } from "node:util";
import { UserError, errorMessage } from "../errors.js";
import { checkProjectDir } from "../io/project-dir.js";
import { checkOutputPaths } from "../io/output-paths.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { isEnvName } from "../render/shell-quote.js";
import { SEED_PLACEHOLDER, type SeedMechanism } from "../verify/probe.js";
import { renderVerifyMarkdown, renderVerifyText, verifyFailed } from "../verify/report.js";
import { checkBaseSeed, parseShard } from "../verify/seeds.js";
import { MAX_TRIALS, VERIFY_DEFAULTS, planVerify, verifyOptions, type VerifySettings } from "../verify/settings.js";
import { verify } from "../verify/verify.js";
import { VERSION } from "../version.js";
import { RUNNER_NAMES } from "../rerun/drivers/index.js";
import { expandArgsJson, intFlag, numFlag, rerunTemplate, runnerName, seedPattern } from "./args.js";
import { splitCommandTemplate } from "./template.js";
import { VerifyProgressPrinter } from "./verify-progress.js";

export const VERIFY_FLAGS = [
  ["--trials N", "trials per test, all shards together", String(VERIFY_DEFAULTS.trials)],
  ["--jobs J", "trials run in parallel (in-process batches)", "number of CPUs"],
  ["--rerun-timeout S", "timeout per trial, in seconds", String(VERIFY_DEFAULTS.rerunTimeoutSec)],
  ["--cwd DIR", "project root: trials run there", "."],
  ["--seed-env NAME", "give each trial's seed as environment variable NAME; repeatable", "learnt from a probe run"],
  ["--seed-arg TEMPLATE", "give each trial's seed as arguments, e.g. '-p randomly --randomly-seed={seed}'", "learnt from a probe run"],
  ["--seed-pattern REGEX", "how the test logs its seed, named group `seed` (and `env`); repeatable", "built-in recognisers"],
  ["--seed-list FILE", "replay these seeds (one per line) instead of random ones", "none"],
  ["--base-seed TEXT", "key of the random seed stream; the same on every shard", "random, recorded in the JSON"],
  ["--shard K/N", "run part K of N of the trials (disjoint seeds; needs --base-seed or --seed-list); combine with `merge`", "none"],
  ["--stop-on-failure", "stop a test's trials at its first failure", "off"],
  ["--from-report FILE", "verify every test of a triage JSON report", "none"],
  ["--rerun-command TEMPLATE", "argv template to run one test ({id} {file} {name} {seed}); one process per trial", "the built-in driver: --runner's, or pytest's for node ids"],
  ["--runner NAME", `built-in driver for every test: ${RUNNER_NAMES.join(", ")}`, "pytest for node ids"],
  ["--json FILE", "write the JSON report (schema/verify.schema.json) to FILE", "none"],
  ["--markdown FILE", "write the Markdown report to FILE", "none"],
  ["--args-json FILE", "read further arguments from a JSON array of strings", "none"],
  ["--quiet", "no progress output on stderr", "off"],
  ["--help", "show this help", ""],
] as const;

const OPTIONS = {
  trials: { type: "string" },
  jobs: { type: "string" },
  "rerun-timeout": { type: "string" },
  cwd: { type: "string" },
  "seed-env": { type: "string", multiple: true },
  "seed-arg": { type: "string" },
  "seed-pattern": { type: "string", multiple: true },
  "seed-list": { type: "string" },
  "base-seed": { type: "string" },
  shard: { type: "string" },
  "stop-on-failure": { type: "boolean" },
  "from-report": { type: "string" },
  "rerun-command": { type: "string" },
  runner: { type: "string" },
  json: { type: "string" },
  markdown: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface VerifyCommand {
  settings: VerifySettings;
  json: string | null;
  markdown: string | null;
  quiet: boolean;
}

/**
 * Flags whose values naturally start with a dash (`--seed-arg '-p randomly ...'`): node's
 * parseArgs calls such a value ambiguous unless written `--flag=value`, so we write it so.
 */
const DASH_VALUED = new Set(["--seed-arg", "--rerun-command", "--seed-pattern"]);

function joinDashValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      out.push(...argv.slice(i));
      break;
    }
    if (DASH_VALUED.has(a) && i + 1 < argv.length) out.push(`${a}=${argv[++i]!}`);
    else out.push(a);
  }
  return out;
}

export function parseVerifyArgs(argv: string[], shellCwd: string): VerifyCommand | "help" {
  let parsed;
  try {
    parsed = parseArgs({ args: joinDashValues(expandArgsJson(argv)), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UserError(`verify: ${errorMessage(err)} (see verify --help)`);
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (parsed.positionals.length === 0 && v["from-report"] === undefined) {
    throw new UserError("verify: no test given: pass test ids (e.g. tests/test_x.py::test_y) or --from-report FILE");
  }
  if (v["seed-env"] !== undefined && v["seed-arg"] !== undefined) {
    throw new UserError("verify: give --seed-env or --seed-arg, not both");
  }
  if (v["seed-list"] !== undefined && v.trials !== undefined) {
    throw new UserError("verify: --seed-list runs one trial per listed seed; drop --trials");
  }
  if (v["seed-list"] !== undefined && v["base-seed"] !== undefined) {
    throw new UserError("verify: --base-seed keys random seeds; it means nothing with --seed-list");
  }
  const shard = v.shard === undefined ? null : parseShard(v.shard);
  if (shard !== null && v["base-seed"] === undefined && v["seed-list"] === undefined) {
    throw new UserError(
      "verify: --shard needs --base-seed (the same on every shard, e.g. the CI run id) so the shards run disjoint parts of one seed stream",
    );
  }
  let mechanism: SeedMechanism | null = null;
  if (v["seed-env"] !== undefined) {
    for (const name of v["seed-env"]) {
      if (!isEnvName(name)) throw new UserError(`verify: --seed-env '${name}' is not an environment variable name`);
    }
    mechanism = { source: "flag", detail: "--seed-env", kind: "env", names: [...new Set(v["seed-env"])] };
  } else if (v["seed-arg"] !== undefined) {
    let template: string[];
    try {
      template = splitCommandTemplate(v["seed-arg"]);
    } catch (err) {
      throw new UserError(`verify: --seed-arg: ${errorMessage(err)}`);
    }
    if (!template.some((a) => a.includes(SEED_PLACEHOLDER))) {
      throw new UserError(`verify: --seed-arg '${v["seed-arg"]}' must contain ${SEED_PLACEHOLDER} where the seed goes`);
    }
    mechanism = { source: "flag", detail: "--seed-arg", kind: "args", template };
  }
  const settings: VerifySettings = {
    ids: parsed.positionals,
    fromReport: v["from-report"] === undefined ? null : resolve(shellCwd, v["from-report"]),
    cwd: resolve(shellCwd, v.cwd ?? "."),
    trials: intFlag("--trials", v.trials, VERIFY_DEFAULTS.trials, 1, MAX_TRIALS),
    jobs: intFlag("--jobs", v.jobs, availableParallelism(), 1, 256),
    timeoutSec: numFlag("--rerun-timeout", v["rerun-timeout"], VERIFY_DEFAULTS.rerunTimeoutSec, 0.1, 86_400),
    seedPatterns: (v["seed-pattern"] ?? []).map(seedPattern),
    rerunCommand: v["rerun-command"] === undefined ? null : rerunTemplate(v["rerun-command"]),
    runner: v.runner === undefined ? null : runnerName(v.runner),
    mechanism,
    seedList: v["seed-list"] === undefined ? null : resolve(shellCwd, v["seed-list"]),
    baseSeed: v["base-seed"] === undefined ? null : checkBaseSeed(v["base-seed"]),
    shard,
    stopOnFailure: v["stop-on-failure"] ?? false,
  };
  return {
    settings,
    json: v.json === undefined ? null : resolve(shellCwd, v.json),
    markdown: v.markdown === undefined ? null : resolve(shellCwd, v.markdown),
    quiet: v.quiet ?? false,
  };
}

export function verifyHelpText(): string {
  const w = Math.max(...VERIFY_FLAGS.map(([f]) => f.length));
  return [
    `flaky-triage ${VERSION} verify: run tests thousands of times with fresh seeds; report the failure rate with an exact 95% bound.`,
    "",
    "Usage:",
    "  flaky-triage verify [options] TEST_ID...",
    "  flaky-triage verify [options] --from-report triage.json",
    "  flaky-triage merge [--json FILE] [--markdown FILE] [--quiet] SHARD.json...",
    "",
    "Options:",
    ...VERIFY_FLAGS.map(([flag, what, dflt]) => `  ${flag.padEnd(w)}  ${what}${dflt ? ` (default: ${dflt})` : ""}`),
    "",
    "With 0 failures in n trials the 95% upper bound is about 3/n (the rule of three).",
    "Exit status: 0 no trial failed, 1 a trial failed, timed out or crashed (or a test could not run), 2 usage error.",
    "",
    "Example:",
    "  flaky-triage verify 'tests/test_ops.py::test_dot' --trials 10000 --jobs 8 --json verify.json",
  ].join("\n");
}

export async function verifyMain(argv: string[]): Promise<number> {
  const cmd = parseVerifyArgs(argv, process.cwd());
  if (cmd === "help") {
    process.stdout.write(verifyHelpText() + "\n");
    return 0;
  }
  checkProjectDir("--cwd", cmd.settings.cwd);
  const read = [cmd.settings.fromReport, cmd.settings.seedList].filter((p): p is string => p !== null);
  checkOutputPaths(
    [
      { flag: "--json", path: cmd.json },
      { flag: "--markdown", path: cmd.markdown },
    ],
    read,
    (p) => p,
  );
  const plan = await planVerify(cmd.settings);
  const abort = new AbortController();
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = sig;
    process.stderr.write(`flaky-triage: ${sig}: stopping trials, writing the report for what finished\n`);
    abort.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const runDir = await mkdtemp(path.join(tmpdir(), "flaky-triage-verify-"));
  const progress = new VerifyProgressPrinter(process.stderr, { quiet: cmd.quiet });
  try {
    const report = await verify(
      verifyOptions(cmd.settings, plan, { runDir, env: process.env, signal: abort.signal, onProgress: (ev) => progress.update(ev) }),
    );
    progress.done();
    if (cmd.json) await writeFileAtomic(cmd.json, JSON.stringify(report, null, 2) + "\n");
    if (cmd.markdown) await writeFileAtomic(cmd.markdown, renderVerifyMarkdown(report));
    process.stdout.write(renderVerifyText(report) + "\n");
    if (interrupted) return interrupted === "SIGINT" ? 130 : 143;
    return verifyFailed(report) ? 1 : 0;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await rm(runDir, { recursive: true, force: true });
  }
}
