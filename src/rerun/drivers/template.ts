/**
 * `--rerun-command` templates: an argv array such as ["tox", "-e", "py", "--", "{id}"].
 * Placeholders are replaced inside each element, in one pass (so an id containing "{seed}"
 * stays literal), and the result is never given to a shell. We cannot repeat in-process
 * through someone else's command, so every attempt is its own process and its exit status
 * is the outcome.
 */
import type { Seed, TestCase } from "../../model.js";
import { shellQuoteCommand } from "../../render/shell-quote.js";
import { seedApplication } from "../seed-apply.js";
import type { Invocation, InvocationRequest, Judge, RerunDriver, SeedSupport } from "./types.js";
import { ctestStatusLine } from "../../reports/gtest-log.js";
import { nodeIdFile } from "../../reports/pytest-ids.js";
import { tellingLine } from "../telling-line.js";

const PLACEHOLDER = /\{(id|file|name|seed)\}/g;

export function expandTemplate(template: readonly string[], values: Record<"id" | "file" | "name" | "seed", string>): string[] {
  return template.map((element) => element.replace(PLACEHOLDER, (_, key: keyof typeof values) => values[key]));
}

/**
 * Why running `template` for this test could go wrong, or null: an id or name from the report
 * that begins with "-" and fills a whole argument before any "--" reaches the command as an
 * option (`-k evil`, `--rootdir=/`), not as a test. Files are made safe with "./" instead.
 */
export function optionLikeArgument(template: readonly string[], test: TestCase): string | null {
  const endOfOptions = template.indexOf("--");
  for (let i = 0; i < template.length; i++) {
    if (endOfOptions !== -1 && i > endOfOptions) break;
    const element = template[i]!;
    for (const key of ["id", "name"] as const) {
      if (element.startsWith(`{${key}}`) && test[key].startsWith("-")) {
        return `its ${key} starts with '-', and the --rerun-command puts it where the command would read it as an option (put '--' before {${key}} if the command takes it)`;
      }
    }
  }
  return null;
}

/** A path starting with "-" would be an option; "./-x" is the same file. */
function safeFile(file: string): string {
  return file.startsWith("-") ? `./${file}` : file;
}

/**
 * What test runners print when they selected no test: with a filter that matches nothing (gtest's
 * `--gtest_filter=` on a name it does not have) most exit 0, and the attempt read as a pass, so a
 * real failure came out "not reproduced", exit 0. Each is a whole line of the runner's own.
 */
const RAN_NO_TEST: ReadonlyArray<[string, RegExp]> = [
  ["googletest", /^\[==========\] Running 0 tests from /m],
  ["RSpec", /^0 examples, 0 failures/m],
  ["pytest", /^(?:=+ )?no tests ran in [\d.]+s/m],
  ["unittest", /^Ran 0 tests in /m],
  ["CTest", /^No tests were found!!!$/m],
  ["go test", /^testing: warning: no tests to run$/m],
  ["cargo test", /^running 0 tests$/m],
  ["Jest", /^No tests found, exiting with code \d+/m],
  ["Vitest", /^No test files found, exiting with code \d+/m],
  ["Mocha", /^\s*0 passing \(\d/m],
  ["Maven Surefire", /^\[(?:INFO|ERROR|WARNING)\] (?:Tests run: 0, Failures: 0, Errors: 0, Skipped: 0$|No tests (?:were )?executed!?)/m],
  ["Gradle", /^\s*No tests found for given includes: /m],
];

/**
 * Lines that say a test did run: a command that runs several targets or packages prints a zero
 * line for each that holds no match (cargo's lib target, go's other packages) next to the one
 * that ran the test.
 */
const RAN_A_TEST = [
  /^\[==========\] Running [1-9]/m,
  /^[1-9]\d* examples?, /m,
  /\b[1-9]\d* (?:passed|failed|errors?)\b/,
  /^Ran [1-9]\d* tests? in /m,
  /^=== RUN /m,
  /^--- (?:PASS|FAIL|SKIP): /m,
  /^ok\s+\S+\s+(?:\(cached\)|[\d.]+s)\s*$/m,
  /^running [1-9]\d* tests?$/m,
  /^\s*[1-9]\d* (?:passing|failing|pending)\b/m,
  /Tests run: [1-9]/,
  /\btests passed\b/,
  /^Tests: +[1-9]/m,
  /^ {0,2}Tests {2}[1-9]/m,
];

/**
 * The runner that said it ran no test, or null: only for a run that exited 0 (a run that failed
 * did run something, or failed to: either is a failure, as it was) and showed no sign of a test
 * that ran.
 */
export function ranNoTest(output: string, exitCode = 0): string | null {
  if (exitCode !== 0 || RAN_A_TEST.some((p) => p.test(output))) return null;
  return RAN_NO_TEST.find(([, pattern]) => pattern.test(output))?.[0] ?? null;
}

/**
 * Lines a runner prints as a test begins, after whatever it built, imported or set up first:
 * from there an attempt has --rerun-timeout, not the start-up allowance on top (a googletest
 * binary that hangs took 65 s an attempt under a 5 s timeout). Only lines printed once set-up
 * is over: pytest's "collected N items" comes before its session fixtures run, RSpec's "Run
 * options" before its files load.
 */
const TESTS_BEGIN: readonly RegExp[] = [
  /^\[ RUN {6}\] /, // googletest, after its SetUpTestSuite
  /^ *Start +\d+: /, // CTest, as it starts the test's process
  /^=== RUN /, // go test -v, after TestMain's set-up
  /^running \d+ tests?$/, // cargo test, once built
];

/** A template's attempt: its exit status, unless the command said it ran no test. */
const TEMPLATE_JUDGE: Judge = {
  startsAt: (line) => TESTS_BEGIN.some((p) => p.test(line)),
  decide({ exitCode, stdout, stderr }) {
    const runner = ranNoTest(`${stdout}\n${stderr}`, exitCode);
    if (runner !== null) {
      return { kind: "not-run", why: `the --rerun-command ran no test (${runner} said so): its {id}, {name} or {file} does not select this test` };
    }
    if (exitCode === 0) return { kind: "passed" };
    const status = ctestStatus(stdout);
    if (status !== null) return { kind: "failed", message: `CTest: ${status.line}`, ...(status.kind === "timeout" ? { timedOut: true } : { crashed: true }) };
    const telling = tellingLine(stdout, stderr);
    return { kind: "failed", message: `exit code ${exitCode}${telling !== undefined ? `: ${telling}` : ""}` };
  },
};

/**
 * CTest's verdict on a test it ran (`1/1 Test #4: Crash.Segfault ....***Exception: SegFault  0.01 sec`):
 * its process died by a signal (SegFault, Illegal, Interrupt, Numerical, Other; an abort reads
 * "Subprocess aborted***Exception:") or was stopped at its TIMEOUT, which CTest's own exit code
 * (8) does not tell from a failed assertion.
 */
export function ctestStatus(stdout: string): { kind: "timeout" | "crash"; line: string } | null {
  for (const line of stdout.split("\n")) {
    const status = ctestStatusLine(line)?.status;
    if (status !== "***Timeout" && status?.startsWith("***Exception:") !== true) continue;
    return { kind: status === "***Timeout" ? "timeout" : "crash", line: line.trim().replace(/ \.{3,}\s*/, " ").replace(/\s+/g, " ") };
  }
  return null;
}

export function templateDriver(template: readonly string[]): RerunDriver {
  const usesSeed = template.some((e) => e.includes("{seed}"));
  const valuesFor = (test: TestCase, seed: string) => ({
    id: test.id,
    file: safeFile(test.file ?? nodeIdFile(test.id)),
    name: test.name,
    seed,
  });
  const support = (seed: Seed | null): SeedSupport => {
    const app = seedApplication(seed);
    const ok = seed !== null && ((app !== null && Object.keys(app.env).length > 0) || usesSeed);
    return { reapply: ok, fresh: ok };
  };
  return {
    name: "template",
    orderCheck: false,
    refuse: (test) => optionLikeArgument(template, test),
    seedSupport: support,
    invocation(req: InvocationRequest): Invocation {
      const app = seedApplication(req.seed);
      const value = req.freshSeeds?.[0] ?? req.seed?.value ?? "";
      const env: Record<string, string> = {};
      for (const [name, recorded] of Object.entries(app?.env ?? {})) env[name] = req.freshSeeds ? value : recorded;
      return { argv: expandTemplate(template, valuesFor(req.test, value)), env, attempts: 1, reportsLines: false, judge: TEMPLATE_JUDGE };
    },
    reproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed);
      return shellQuoteCommand(expandTemplate(template, valuesFor(test, seed?.value ?? "")), app?.env ?? {});
    },
  };
}
