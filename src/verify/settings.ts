/**
 * The one settings object verify runs on, built by each adapter (CLI flags, Action inputs,
 * the Jenkins step through the CLI), and `planVerify`, which reads the inputs it names (a seed
 * list, a triage report) into what the engine takes.
 */
import { readFile } from "node:fs/promises";
import type { Report, TestCase } from "../model.js";
import { UserError, errorMessage } from "../errors.js";
import { mechanismFromSeed, type SeedMechanism } from "./probe.js";
import { listStream, randomBaseSeed, type SeedStream, type Shard } from "./seeds.js";
import type { VerifyOptions, VerifyTarget } from "./verify.js";

export const VERIFY_DEFAULTS = {
  /**
   * 1,000 trials: with none failing, the failure rate is below 0.3% at 95% confidence (rule of
   * three). MXNet's flakiness checker defaults to 10,000 (below 0.03%); ask for that with
   * --trials when the test is fast enough.
   */
  trials: 1_000,
  rerunTimeoutSec: 60,
} as const;

/** Trials per test at most: seeds are 31-bit and a stream must not wrap. */
export const MAX_TRIALS = 10_000_000;

export interface VerifySettings {
  /** Test ids given directly. */
  ids: string[];
  /** A triage report (`--json` of triage) whose tests are verified too; absolute. */
  fromReport: string | null;
  /** Project root: the working directory of every trial. Absolute. */
  cwd: string;
  /** Trials per test in all shards together; ignored with a seed list (one trial per seed). */
  trials: number;
  jobs: number;
  timeoutSec: number;
  seedPatterns: RegExp[];
  rerunCommand: string[] | null;
  /** `--runner NAME`: this built-in driver for every test; null picks by test id. */
  runner: string | null;
  /** How to give the seed, when the user says so; null learns it (report seed, else probe). */
  mechanism: SeedMechanism | null;
  /** A file of seeds to replay instead of a random stream; absolute. */
  seedList: string | null;
  /** Key of the random stream; null draws one (recorded in the report). */
  baseSeed: string | null;
  shard: Shard | null;
  stopOnFailure: boolean;
}

export interface VerifyPlan {
  targets: VerifyTarget[];
  stream: SeedStream;
}

/**
 * Where a Go test's name starts in its id (`pkg/path/TestX/sub`): the first segment go would
 * take for a test function, by go's own rule: Test/Benchmark/Example/Fuzz followed by the end or
 * a character that is not a lower-case letter (`github.com/FuzzyStatic/demo` is a module path).
 */
const GO_NAME_SEGMENT = /^(?:Test|Benchmark|Example|Fuzz)(?![a-z])/;
const JS_FILE = /\.[cm]?[jt]sx?$/;

/**
 * A TestCase for an id given on the command line, in the form triage reports it for its runner:
 * pytest `file.py::test`, go `import/path/TestX/sub`, vitest `file > describe > test`, jest
 * `file > describe > test`. The drivers read the classname and name (go's package and -run
 * pattern, the -t pattern of vitest and jest): split as the id was made, not as a pytest id
 * (which made `go test example.com.pkg.TestX` and -t patterns matching nothing).
 */
export function testCaseFor(id: string, source: string, index: number, runner: string | null = null): TestCase {
  const base = { id, outcome: "failed" as const, sources: [{ file: source }], index };
  if (runner === "go") {
    const segments = id.split("/");
    const at = segments.findIndex((seg, i) => i > 0 && GO_NAME_SEGMENT.test(seg));
    if (at > 0) return { ...base, classname: segments.slice(0, at).join("/"), name: segments.slice(at).join("/"), runner };
  }
  if (runner === "vitest" || runner === "jest") {
    const parts = id.split(" > ");
    const file = parts.length > 1 && JS_FILE.test(parts[0]!) ? parts[0]! : undefined;
    const titles = file !== undefined ? parts.slice(1) : parts;
    // vitest: classname is the file, name the titles as its reporter joins them; jest: the
    // titles joined by spaces, as its -t matches them (an empty classname keeps them whole).
    return runner === "vitest"
      ? { ...base, classname: file ?? "", name: titles.join(" > "), ...(file !== undefined ? { file } : {}), runner }
      : { ...base, classname: "", name: titles.join(" "), ...(file !== undefined ? { file } : {}), runner };
  }
  const parts = id.split("::");
  const file = parts[0] ?? id;
  return {
    ...base,
    classname: file.replace(/\.py$/, "").replaceAll("/", "."),
    name: parts[parts.length - 1] ?? id,
    ...(parts.length > 1 ? { file } : {}),
    ...(runner !== null ? { runner } : {}),
  };
}

export async function planVerify(s: VerifySettings): Promise<VerifyPlan> {
  const targets: VerifyTarget[] = [];
  const seen = new Set<string>();
  const add = (test: TestCase, mechanism: SeedMechanism | null): void => {
    if (seen.has(test.id)) return;
    seen.add(test.id);
    targets.push({ test, mechanism: s.mechanism ?? mechanism });
  };
  if ((s.runner === null || s.runner === "pytest") && s.rerunCommand === null) {
    // A file runs all its tests as one trial, in a process per trial: no failure rate of a test.
    const whole = s.ids.find((id) => !id.includes("::") && /\.py$/.test(id));
    if (whole !== undefined) throw new UserError(`${whole}: a file, not a test: give its test ids (${whole}::test_name; pytest --collect-only -q lists them)`);
  }
  s.ids.forEach((id, i) => add(testCaseFor(id, "command line", i, s.runner), null));
  if (s.fromReport !== null) {
    for (const t of await readReportTests(s.fromReport, s.runner)) add(t.test, t.mechanism);
  }
  if (targets.length === 0) {
    throw new UserError(
      s.fromReport !== null ? `--from-report ${s.fromReport} lists no tests to verify` : "no test to verify: give test ids or --from-report FILE",
    );
  }

  let stream: SeedStream;
  if (s.seedList !== null) {
    let text: string;
    try {
      text = await readFile(s.seedList, "utf8");
    } catch (err) {
      throw new UserError(`--seed-list ${s.seedList}: ${errorMessage(err)}`);
    }
    stream = listStream(s.seedList, text);
  } else {
    stream = { kind: "random", baseSeed: s.baseSeed ?? randomBaseSeed(), total: s.trials };
  }
  return { targets, stream };
}

/** Tests of a triage report (or ids of a verify report), with the seed mechanism triage found. */
async function readReportTests(file: string, runner: string | null): Promise<{ test: TestCase; mechanism: SeedMechanism | null }[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new UserError(`--from-report ${file}: ${errorMessage(err)}`);
  }
  const tests = (data as { tests?: unknown } | null)?.tests;
  if (typeof data !== "object" || data === null || !Array.isArray(tests)) {
    throw new UserError(`--from-report ${file} is not a flaky-triage JSON report (no "tests" list)`);
  }
  const out: { test: TestCase; mechanism: SeedMechanism | null }[] = [];
  tests.forEach((raw: unknown, i) => {
    const t = raw as Partial<Report["tests"][number]>;
    if (typeof t?.id !== "string" || t.id === "") return;
    const test = testCaseFor(t.id, file, i, runner);
    if (typeof t.file === "string") test.file = t.file;
    // The report's own name parts are what triage's drivers ran it by.
    if (typeof t.classname === "string" && typeof t.name === "string" && runner !== null && runner !== "pytest") {
      test.classname = t.classname;
      test.name = t.name;
    }
    const seed = t.seed;
    const mechanism = seed && typeof seed.value === "string" && typeof seed.apply === "object" ? mechanismFromSeed(seed, "report") : null;
    out.push({ test, mechanism });
  });
  return out;
}

/** What each adapter adds to the settings for one run: where it runs and how it reports. */
export type VerifyRunContext = Pick<VerifyOptions, "runDir" | "env" | "signal" | "onProgress">;

/**
 * The engine's options from the settings and their plan: one mapping for every adapter, so a
 * setting the CLI honours cannot be dropped by the Action (as `runner` once was).
 */
export function verifyOptions(s: VerifySettings, plan: VerifyPlan, ctx: VerifyRunContext): VerifyOptions {
  return {
    ...plan,
    cwd: s.cwd,
    shard: s.shard,
    jobs: s.jobs,
    timeoutSec: s.timeoutSec,
    rerunCommand: s.rerunCommand,
    runner: s.runner,
    seedPatterns: s.seedPatterns,
    stopOnFailure: s.stopOnFailure,
    runDir: ctx.runDir,
    env: ctx.env,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
  };
}
