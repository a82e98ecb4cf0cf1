/**
 * go test: one process per attempt (`-count=1` defeats the test cache, which would replay the
 * last result), the outcome read from the test's own `--- PASS`/`--- FAIL` line of the `-v`
 * output: `go test` exits 0 when the `-run` pattern matches nothing, and a run of the whole
 * package fails for its other tests too.
 */
import type { Seed, TestCase } from "../../model.js";
import { shellQuoteCommand } from "../../render/shell-quote.js";
import { argsWithSeed, seedApplication, type SeedApplication } from "../seed-apply.js";
import { exactPattern } from "./js-results.js";
import type { Invocation, InvocationRequest, Judgement, RerunDriver, SeedSupport } from "./types.js";

/**
 * `-run` splits its pattern at slashes, one expression per level (TestX, then its subtests);
 * each level is anchored so TestX does not also run TestX2. Go rewrites spaces in subtest
 * names to underscores, and the report holds the rewritten names, so they are matched as is.
 */
export function goRunPattern(name: string): string {
  return name
    .split("/")
    .map(exactPattern)
    .join("/");
}

/** An import path as the report gives it: never "-x", which go test would read as a flag. */
const IMPORT_PATH = /^[\w.~][\w.~-]*(?:\/[\w.~-]+)*$/;

/** `./dir` of the test file when the join resolved it; else the import path from the report. */
/**
 * The go test flags a failure's text shows CI ran with: the race detector's report means
 * `-race` (without it the race is not detected, and the test passes), and go's own timeout
 * panic names the `-timeout` it hit (a rerun without it runs on past it, and passes).
 */
export function goFlagsSeenInCi(text: string): string[] {
  const flags: string[] = [];
  if (/^WARNING: DATA RACE$|\brace detected during execution of test\b/m.test(text)) flags.push("-race");
  const timeout = /^panic: test timed out after ((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)\b/m.exec(text)?.[1];
  if (timeout !== undefined) flags.push(`-timeout=${timeout}`);
  return flags;
}

export function goPackage(test: TestCase): string {
  if (test.file !== undefined && test.file.endsWith(".go")) {
    const dir = test.file.includes("/") ? test.file.slice(0, test.file.lastIndexOf("/")) : ".";
    return dir === "." ? "." : `./${dir}`;
  }
  return test.classname !== "" ? test.classname : ".";
}

/**
 * `-shuffle=N` orders the package's top-level tests, and it shuffles them all before `-run`
 * filters them (go 1.19 testing.M.Run): the order seed only reproduces anything when the tests
 * that ran before this one run again. With it the whole package runs.
 */
function ordersPackage(app: SeedApplication | null): boolean {
  return app !== null && app.args.some((a) => a.startsWith("-shuffle="));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A test's own result line, `--- PASS: name (0.00s)` (indented for a subtest); group 1 the result. */
function ownResult(name: string, flags = ""): RegExp {
  return new RegExp(`^[ \\t]*--- (PASS|FAIL|SKIP): ${escapeRegExp(name)} \\(`, flags);
}

/** What go test printed inside one test: from its `=== RUN` line up to its own result line. */
function blockOf(stdout: string, name: string, end: number): string {
  const start = stdout.lastIndexOf(`=== RUN   ${name}\n`, end);
  const from = start === -1 ? 0 : start;
  // A parallel test's own output begins where it went on: while it waited (=== PAUSE), the
  // output was the sequential tests'.
  const cont = stdout.indexOf(`=== CONT  ${name}\n`, from);
  return stdout.slice(cont !== -1 && cont < end ? cont : from, end);
}

/**
 * The first `file_test.go:42: message` line of a block. testify prints its message on the
 * lines below an empty one (`Error:      \tmessage`), so that text is added.
 */
function failureLine(block: string): string | undefined {
  const at = /^[ \t]+(\S+\.go:\d+:)(.*)$/m.exec(block);
  if (at === null) return undefined;
  const own = (at[2] ?? "").trim();
  if (own !== "") return `${at[1]} ${own}`;
  const testify = /^[ \t]+Error:[ \t]+(\S.*)$/m.exec(block.slice(at.index));
  return testify === null ? at[1] : `${at[1]} ${testify[1]!.trim()}`;
}

export interface GoJudgeOptions {
  /** The test's name as go prints it (`TestX/sub_name`). */
  name?: string;
  /** The whole package ran (an order seed): other tests' failures are not this test's. */
  wholePackage?: boolean;
  /** go test writes compiler errors to stderr. */
  stderr?: string;
}

/**
 * One attempt from `go test -v` output. Without a name (or when the test printed no result
 * line of its own) the process as a whole decides, as for a run of the test alone.
 */
/** What the go command prints when it cannot build or find what it was asked to test. */
const GO_COMMAND_ERROR = /^(?:go: .+|.*\bno Go files in\b.*|.*\bcannot find (?:package|module)\b.*|.*\bmatched no packages\b.*|.*\bis not in (?:GOROOT|std)\b.*|.*\bdirectory .* outside (?:main module|available modules)\b.*)$/m;

export function judgeGoTest(exitCode: number, stdout: string, opts: GoJudgeOptions = {}): Judgement {
  const { name, wholePackage = false, stderr = "" } = opts;
  if (/^testing: warning: no tests to run/m.test(stdout) || /\[no test files\]/.test(stdout)) {
    return { kind: "not-run", why: "go test found no test matching the -run pattern" };
  }
  if (/\[(?:build|setup) failed\]/.test(stdout)) {
    // The CI run built it: a rerun that cannot is a different checkout or toolchain, not a failure.
    const error = stderr.split("\n").find((l) => l.trim() !== "" && !l.startsWith("#"));
    return { kind: "not-run", why: `the package did not build${error !== undefined ? `: ${error.trim()}` : ""}` };
  }
  // The go command itself failed (no go.mod, no package there, no Go files): no test ran.
  const goError = exitCode !== 0 && !/^=== RUN /m.test(stdout) ? GO_COMMAND_ERROR.exec(`${stderr}\n${stdout}`)?.[0] : undefined;
  if (goError !== undefined) return { kind: "not-run", why: `go test did not run the package: ${goError.trim().slice(0, 300)}` };
  if (name !== undefined) {
    const results = [...stdout.matchAll(ownResult(name, "gm"))];
    const own = results[results.length - 1];
    if (own !== undefined) {
      if (own[1] === "PASS") return { kind: "passed" };
      if (own[1] === "SKIP") return { kind: "not-run", why: `${name} skipped itself (t.Skip)`, skipped: true };
      // A panic is printed after the result line, with the stack.
      const panic = /^panic: .*$/m.exec(stdout.slice(own.index))?.[0];
      const line = /^.*$/m.exec(stdout.slice(own.index))?.[0]?.trim() ?? own[0];
      return { kind: "failed", message: failureLine(blockOf(stdout, name, own.index)) ?? panic ?? line };
    }
    // Started and never finished: the test binary died inside it (os.Exit, fatal error).
    const started = stdout.lastIndexOf(`=== RUN   ${name}\n`);
    if (started !== -1) {
      const died = /^(?:panic|fatal error): .*$/m.exec(stdout.slice(started))?.[0];
      return { kind: "failed", message: died ?? `the test binary exited with code ${exitCode} during ${name}` };
    }
    // TestMain has no RUN line of its own (gotestsum names a package's failure outside any test
    // so): for it the exit code is the result. Any other test the binary never started did not
    // fail here: the binary died before it (or go printed nothing of it).
    // A subtest whose parent failed before reaching it (a fixture that t.Fatal-ed before t.Run)
    // failed with it. A parent that skipped or passed without reaching it did not run it.
    const levels = name.split("/");
    for (let k = levels.length - 1; k >= 1 && exitCode !== 0; k--) {
      const parent = levels.slice(0, k).join("/");
      const result = ownResult(parent, "m").exec(stdout);
      if (result === null) continue;
      if (result[1] !== "FAIL") break;
      return { kind: "failed", message: failureLine(blockOf(stdout, parent, result.index)) ?? `${parent} failed before it ran ${name}` };
    }
    if (wholePackage || name !== "TestMain") {
      const why = stderr.split("\n").find((l) => l.trim() !== "" && !l.startsWith("#"))?.trim();
      return exitCode === 0
        ? { kind: "not-run", why: `go test printed no result for ${name}` }
        : { kind: "not-run", why: `the test binary exited with code ${exitCode} before ${name} ran${why !== undefined ? `: ${why.slice(0, 300)}` : ""}` };
    }
  }
  if (exitCode === 0) return { kind: "passed" };
  const detail = failureLine(stdout) ?? /^--- FAIL: .*$/m.exec(stdout)?.[0];
  return detail !== undefined ? { kind: "failed", message: detail } : { kind: "failed", message: `exit code ${exitCode}` };
}

/** Whether go printed the test's own result line. */
function resultLine(stdout: string, name: string): boolean {
  return ownResult(name, "m").test(stdout);
}

/**
 * The part of a line after its last bare carriage return: a test that draws a progress line
 * with `\r` leaves go's next marker mid-line (`50%\r=== RUN   TestX/sub`), which a terminal,
 * and so go's own reading, shows as the line.
 */
function afterCR(line: string): string {
  const i = line.lastIndexOf("\r");
  return i < 0 ? line : line.slice(i + 1);
}

/**
 * For a run of the whole package: true at the first `=== RUN` after the test's own result
 * line, when nothing the judge reads is still to come (a subtest's result comes with its
 * parent's, before the next top-level test starts; a panic ends the process first).
 */
export function endsAfter(name: string): (line: string) => boolean {
  const own = ownResult(name);
  let seen = false;
  return (raw) => {
    const line = afterCR(raw);
    if (seen) return line.startsWith("=== RUN ");
    seen = own.test(line);
    return false;
  };
}

/** The package is built and its first test has begun: go test -v's first `=== RUN` line. */
function testsBegun(line: string): boolean {
  return afterCR(line).startsWith("=== RUN ");
}

/** go test -v's markers of a test starting, pausing for t.Parallel, and going on. */
const MARKER = /^=== (RUN|PAUSE|CONT) +(\S+)\s*$/;

/**
 * Follows the markers of `go test -v` as they stream, to count the tests go started before
 * `name` began its work: other top-level tests, and for a subtest the earlier subtests under
 * its own top-level test (table-driven cases share its state), not its own parents. A parallel
 * test (`=== PAUSE` after its RUN) begins at its `=== CONT`, after the sequential tests that
 * follow it in the file: those count, and while it waits it has not started (a later test that
 * hangs is not its timeout). `before` stays undefined until `name` has begun. The stream, not
 * the captured output: a chatty package's output passes the rerun's capture cap (1 MiB),
 * whose cut middle would lose markers.
 */
export function runOrder(name: string): { see(line: string): void; readonly before: number | undefined; readonly paused: boolean } {
  const top = name.split("/")[0] ?? name;
  let count = 0;
  let state: "waiting" | "running" | "paused" = "waiting";
  let before: number | undefined;
  return {
    see(line) {
      const m = MARKER.exec(afterCR(line));
      if (m === null) return;
      const kind = m[1];
      const started = m[2] ?? "";
      if (started === name) {
        if (kind === "RUN" && state === "waiting") {
          state = "running";
          before = count;
        } else if (kind === "PAUSE" && state === "running") {
          state = "paused";
          before = undefined;
        } else if (kind === "CONT" && state === "paused") {
          state = "running";
          before = count;
        }
        return;
      }
      if (kind !== "RUN" || state === "running") return;
      if (name.startsWith(started + "/")) return;
      if (!started.includes("/") || started.startsWith(top + "/")) count++;
    },
    get before() {
      return before;
    },
    /** It started, called t.Parallel, and has not gone on yet. */
    get paused() {
      return state === "paused";
    },
  };
}

/** runOrder over a whole text of `go test -v` output. */
export function testsRunBefore(stdout: string, name: string): number | undefined {
  const order = runOrder(name);
  for (const line of stdout.split("\n")) order.see(line);
  return order.before;
}

export function goDriver(go = "go"): RerunDriver {
  const support = (seed: Seed | null): SeedSupport => {
    const app = seedApplication(seed, "go");
    const ok = app !== null && (app.args.length > 0 || Object.keys(app.env).length > 0);
    return { reapply: ok, fresh: ok };
  };
  /**
   * The test alone, or the whole package when the seed orders the package's tests, or when the
   * test is the package's TestMain (a failure outside its tests: a check after m.Run, a leak or a
   * race the tests leave, needs them run; `-run '^TestMain$'` runs none, and go says "no tests
   * to run").
   */
  const base = (test: TestCase, app: SeedApplication | null): string[] =>
    ordersPackage(app) || test.name === "TestMain"
      ? ["test", goPackage(test), "-count=1", ...(test.ciFlags ?? [])]
      : ["test", goPackage(test), "-run", goRunPattern(test.name), "-count=1", ...(test.ciFlags ?? [])];
  return {
    name: "go",
    // The package's tests in their source order, as `go test` runs them without -shuffle.
    orderCheck: true,
    orderCheckRefusal: (_test, seed) =>
      ordersPackage(seedApplication(seed, "go")) ? "its reruns already ran its package, in the recorded shuffled order" : null,
    refuse: (test) =>
      IMPORT_PATH.test(goPackage(test)) || goPackage(test).startsWith("./")
        ? null
        : `its package ${JSON.stringify(goPackage(test).slice(0, 200))} is not a Go import path, and go test would read it as a flag`,
    seedSupport: support,
    invocation(req: InvocationRequest): Invocation {
      const app = seedApplication(req.seed, "go");
      const fresh = req.freshSeeds?.[0];
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(app?.env ?? {})) env[k] = fresh ?? v;
      const seedArgs = app === null ? [] : fresh !== undefined ? argsWithSeed(app, fresh) : app.args;
      if (req.mode === "run-until") {
        // The whole package in source order (no -shuffle: the order check is about the order
        // go runs tests in by default); tests after this one run too, and cannot change it.
        // One invocation is one process: the order seen is this process's.
        const order = runOrder(req.test.name);
        const ends = endsAfter(req.test.name);
        return {
          argv: [go, "test", goPackage(req.test), "-count=1", ...(req.test.ciFlags ?? []), ...seedArgs.filter((a) => !a.startsWith("-shuffle=")), "-v"],
          env,
          attempts: 1,
          reportsLines: false,
          // No startsAt: the package's tests before this one run first, and the start-up
          // allowance stays theirs as well as go's build.
          judge: {
            runUntil: true,
            endsAt: (line) => {
              order.see(line);
              return ends(line);
            },
            decide: (r) => {
              const judged = judgeGoTest(r.exitCode, r.stdout, { name: req.test.name, wholePackage: true, stderr: r.stderr });
              const before = order.before;
              const finished = resultLine(r.stdout, req.test.name);
              // Paused for t.Parallel while a later sequential test ended the run (a panic, an
              // exit, a hang): it never began its work.
              if (order.paused && !finished) {
                return { kind: "not-run", why: `the run ended while ${req.test.name} waited to go on (t.Parallel), so it never began` };
              }
              if (before === undefined) return judged;
              if (judged.kind === "not-run") {
                // Its RUN line went by, so it started; with no result line of its own, the
                // binary died (or hung) inside it after more output than the capture keeps.
                if (finished) return judged;
                // The last one: the capture's head may hold a predecessor's printed "panic: ...".
                const died = [...r.stdout.matchAll(/^(?:panic|fatal error): .*$/gm)].pop()?.[0];
                return { kind: "failed", message: died ?? `the test binary exited with code ${r.exitCode} during ${req.test.name}`, ranBefore: before, finished: false };
              }
              // Its own result line: it ended, and a timeout after it was a later test's.
              return { ...judged, ranBefore: before, finished };
            },
          },
        };
      }
      const whole = ordersPackage(app);
      return {
        // -v prints the result line of every test (and the "no tests to run" warning).
        argv: [go, ...base(req.test, app), ...seedArgs, "-v"],
        env,
        attempts: 1,
        reportsLines: false,
        judge: {
          startsAt: testsBegun,
          ...(whole ? { endsAt: endsAfter(req.test.name) } : {}),
          decide: (r) => judgeGoTest(r.exitCode, r.stdout, { name: req.test.name, wholePackage: whole, stderr: r.stderr }),
        },
      };
    },
    reproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed, "go");
      return shellQuoteCommand([go, ...base(test, app), ...(app?.args ?? [])], app?.env ?? {});
    },
    orderReproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed, "go");
      const args = (app?.args ?? []).filter((a) => !a.startsWith("-shuffle="));
      return shellQuoteCommand([go, "test", goPackage(test), "-count=1", ...(test.ciFlags ?? []), ...args, "-v"], app?.env ?? {});
    },
  };
}
