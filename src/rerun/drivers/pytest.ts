/**
 * The built-in driver for pytest node ids: one interpreter repeats the test in-process through
 * our plugin. Every path pytest would write goes to our private directory: the JUnit XML, the
 * cache (-o cache_dir), hypothesis' example database.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Seed, TestCase } from "../../model.js";
import { doctestKind, nodeIdFile } from "../../reports/pytest-ids.js";
import { shellQuoteCommand } from "../../render/shell-quote.js";
import { PLUGIN_MODULE } from "../pytest-plugin.js";
import { argsWithSeed, seedApplication } from "../seed-apply.js";
import type { CopyIn } from "../copy-in.js";
import type { Invocation, InvocationRequest, Judgement, RerunDriver, SeedSupport } from "./types.js";

/** `tests/x.py::test_y[p]` or a bare `tests/x.py`; the file part must be a Python file. */
export function isPytestNodeId(id: string): boolean {
  return /\.py(?:::|$)/.test(id) || doctestKind(id) === "text";
}

/**
 * A node id pytest cannot mistake for an option: pytest re-parses arguments after "--"
 * (verified with pytest 9: `-- -x.py::t` is read as -x), but `./-x.py::t` is a path and
 * pytest normalises it back to the node id `-x.py::t`.
 */
export function asPositional(id: string): string {
  // `@path` is an argument file to pytest (read even after "--").
  return id.startsWith("-") || id.startsWith("@") ? `./${id}` : id;
}

/** `$FLAKY_TRIAGE_PYTHON` when set, else python3; read from the env the adapter passes in. */
export function resolvePython(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env.FLAKY_TRIAGE_PYTHON;
  return configured !== undefined && configured.trim() !== "" ? configured : "python3";
}

function cacheIn(workDir: string): string[] {
  return ["-o", `cache_dir=${path.join(workDir, "pytest-cache")}`];
}

function pytestArgv(python: string, workDir: string, resultsFile: string, extra: string[], targets: string[]): string[] {
  return [
    python,
    "-m",
    "pytest",
    "-p",
    PLUGIN_MODULE,
    // The cache in our directory, not turned off: `-p no:cacheprovider` also takes away the
    // `cache` fixture, and every rerun of a test that uses it failed "fixture 'cache' not found".
    ...cacheIn(workDir),
    "-q",
    "--color=no",
    // No capture: pytest would spool a test's output to a temp file (a test printing
    // gigabytes fills the disk); uncaptured, it streams into our capped pipe instead.
    "--capture=no",
    `--junitxml=${path.join(workDir, "junit.xml")}`,
    "-o",
    "junit_family=xunit2",
    `--ft-results=${resultsFile}`,
    ...extra,
    // pytest 9 still parses `--x.py` after "--" as an option; asPositional covers that.
    "--",
    ...targets,
  ];
}

/**
 * The project's hypothesis example database (hypothesis' default `.hypothesis/examples`), copied
 * into the rerun's own storage directory: hypothesis replays the falsifying example the CI run
 * saved before it searches, so a real bug it found once fails every rerun.
 */
function hypothesisExamples(workDir: string): CopyIn[] {
  return [{ from: path.join(".hypothesis", "examples"), to: path.join(workDir, "hypothesis", "examples") }];
}

/**
 * A test id that is a whole file or directory (pytest's JUnit report names a module that failed
 * to import, "collection failure", by its file, and a directory whose conftest.py did by the
 * directory): its rerun is whether it collects.
 */
function isFileId(id: string): boolean {
  return !id.includes("::");
}

/**
 * What a test's id needs on every pytest command line: a doctest of a module
 * (`pkg/mod.py::pkg.mod.fine`) is only collected with --doctest-modules, and one of a text file
 * (`docs/usage.rst::usage.rst`) only when --doctest-glob matches its name, as the CI run had it.
 */
function collectArgs(id: string): string[] {
  const kind = doctestKind(id);
  if (kind === "module") return ["--doctest-modules"];
  if (kind === "text") return [`--doctest-glob=${globLiteral(path.basename(nodeIdFile(id)))}`];
  return [];
}

/** A glob (fnmatch) that matches exactly `name`: its wildcard characters each in a set of one. */
function globLiteral(name: string): string {
  return name.replace(/[*?[]/g, "[$&]");
}

/** The paths a file id's collection names: the files its collection clashed with first (see TestCase.clashesWith). */
function collected(test: TestCase): string[] {
  return [...(test.clashesWith ?? []), test.id].map(asPositional);
}

/**
 * The first line of the error pytest reports for collecting `id` (its section is headed
 * `____ ERROR collecting ID ____`), or null when it reports none for that file.
 */
function ownCollectionError(stdout: string, id: string): string | null {
  const escaped = id.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  // The short summary names the file as given on the command line (-rE, set on it, keeps it
  // whatever the project's addopts say); the section header names it from pytest's rootdir,
  // which may lie below the directory the rerun runs in.
  const summary = new RegExp(`^ERROR ${escaped}(?: - ([^\\n]*?))?\\r?$`, "m").exec(stdout);
  const header = [...stdout.matchAll(/^_+ ERROR collecting (\S+) _+\r?$/gm)].find((h) => h[1] === id || id.endsWith("/" + h[1]!));
  if (summary === null && header === undefined) return null;
  if (header !== undefined) {
    const body = stdout.slice(header.index + header[0].length).split("\n");
    const line = ERROR_LINE.exec(body.slice(0, 40).join("\n"))?.[1] ?? body.find((l) => l.trim() !== "");
    if (line !== undefined) return line.trim().slice(0, 500);
  }
  return (summary?.[1] ?? "collection error").trim().slice(0, 500);
}

/**
 * Seeds one pytest process takes (verify's chunks). Given in a file (seedsArgument), a list is
 * not held to Linux's 128 KiB for one argument, and a part of a verify run is one process: at
 * ~2 s a pytest start with numpy on a slow machine, 4,000 trials on 2 jobs took two starts a
 * part at 1,500 seeds a process, and --jobs 2 ran no faster than --jobs 1.
 */
export const PYTEST_MAX_SEEDS_PER_PROCESS = 20_000;

/** Seeds longer than this as one argument go in a file instead. */
const SEEDS_INLINE_MAX_CHARS = 16 * 1024;

/**
 * `--ft-seeds=A,B,C`, or for a long list `--ft-seeds-file=F` with the list written to F in the
 * attempt's own directory. A file, not a `@path` value: seeds come from untrusted reports, and
 * one that read as a path must not make the plugin read that file.
 */
function seedsArgument(seeds: readonly string[], workDir: string): string {
  const list = seeds.join(",");
  if (list.length <= SEEDS_INLINE_MAX_CHARS) return `--ft-seeds=${list}`;
  mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, "ft-seeds.txt");
  writeFileSync(file, list);
  return `--ft-seeds-file=${file}`;
}

/** pytest's own error lines ("E   ModuleNotFoundError: No module named 'x'"). */
const ERROR_LINE = /^E {1,8}(\S[^\n]*)$/m;
/**
 * pytest's exit codes: 0 all collected, 5 nothing to collect (the file imports fine), 4 usage
 * error: no such file, or a conftest.py that failed to import (the failure being rerun).
 */
const COLLECTED = new Set([0, 5]);
const USAGE_ERROR = 4;
const NOT_FOUND = /^ERROR: (?:file or directory not found|not found): [^\n]*/m;

/**
 * One collect-only run of a file: passed when it collects, failed with pytest's error line when
 * not. With the files it clashed with collected first (`test.clashesWith`), only an error of its
 * own counts: one of theirs (a module missing here) says nothing of it.
 */
export function judgeCollection(run: { exitCode: number; stdout: string; stderr: string }, test?: TestCase): Judgement {
  if (COLLECTED.has(run.exitCode)) return { kind: "passed" };
  if (test?.clashesWith !== undefined && test.clashesWith.length > 0 && run.exitCode !== USAGE_ERROR) {
    const own = ownCollectionError(run.stdout, test.id);
    return own === null ? { kind: "passed" } : { kind: "failed", message: own };
  }
  const missing = run.exitCode === USAGE_ERROR ? (NOT_FOUND.exec(run.stderr) ?? NOT_FOUND.exec(run.stdout)) : null;
  if (missing !== null) return { kind: "not-run", why: `pytest could not collect it (exit 4): ${missing[0]}` };
  const line = ERROR_LINE.exec(run.stdout)?.[1] ?? ERROR_LINE.exec(run.stderr)?.[1];
  const message = line ?? `pytest exited ${run.exitCode} while collecting`;
  return { kind: "failed", message: message.trim().slice(0, 500) };
}

/**
 * A file that failed to import in CI, collected again (one process per attempt: an import runs
 * once per process). No plugin: nothing runs but the collection.
 */
function collectInvocation(python: string, req: InvocationRequest, env: Record<string, string>, pytestArgs: string[]): Invocation {
  // A clash is judged by pytest's words for the file itself: ask for them whatever addopts say.
  const clash = (req.test.clashesWith?.length ?? 0) > 0 ? ["--tb=short", "-rE"] : [];
  const argv = [python, "-m", "pytest", ...cacheIn(req.workDir), "-q", "--color=no", "--collect-only", ...clash, ...pytestArgs, "--", ...collected(req.test)];
  return { argv, env, attempts: 1, reportsLines: false, judge: { decide: (run) => judgeCollection(run, req.test) } };
}

export function pytestDriver(python: string): RerunDriver {
  return {
    name: "pytest",
    maxSeedsPerProcess: PYTEST_MAX_SEEDS_PER_PROCESS,
    orderCheck: true,
    orderCheckRefusal: (test) => (test.id.includes("::") ? null : "the test id names no test inside its file"),
    batch: {
      key(req: InvocationRequest): string | null {
        // Same-seed repeats only: fresh seeds given as arguments need a process per seed.
        if (req.mode !== "repeat" || req.freshSeeds !== null || isFileId(req.test.id)) return null;
        if (req.test.id.includes("\0")) return null;
        const app = seedApplication(req.seed);
        // The seed's env and arguments are the process's, so they are part of the key; the
        // global-RNG seed is applied in-process per attempt, so it is not.
        return JSON.stringify([nodeIdFile(req.test.id), app?.env ?? {}, app?.args ?? [], collectArgs(req.test.id)]);
      },
      run(req: InvocationRequest) {
        if (req.mode !== "repeat") return null;
        const app = seedApplication(req.seed);
        if (req.freshSeeds === null) {
          const global = app?.globalRng ?? null;
          return {
            attempts: req.attempts,
            seeds: global !== null ? [global] : [],
            seedEnv: [],
            globalSeed: global !== null,
            stopWhenMixed: req.stopWhenMixed,
            freshPasses: req.freshPasses,
          };
        }
        // Fresh seeds go in per attempt, in the forked child: through the environment (the
        // process's own carries the recorded seed, as for the same-seed run) and the global
        // generators. Arguments are read once per process (pytest-randomly reads its seed at
        // configure): a seed given as arguments needs a process per fresh seed.
        if (app === null || app.args.length > 0) return null;
        const seeds = req.freshSeeds.slice(0, req.attempts);
        return {
          attempts: seeds.length,
          seeds,
          fresh: true,
          seedEnv: Object.keys(app.env),
          globalSeed: app.globalRng !== null,
          stopWhenMixed: req.stopWhenMixed,
          freshPasses: req.freshPasses,
        };
      },
      invocation({ requests, planFile, resultsFile, workDir }): Invocation {
        const first = requests[0];
        const app = first ? seedApplication(first.seed) : null;
        const env: Record<string, string> = {
          HYPOTHESIS_STORAGE_DIRECTORY: path.join(workDir, "hypothesis"),
          ...(app?.env ?? {}),
        };
        const extra = [`--ft-plan=${planFile}`, ...(first ? collectArgs(first.test.id) : []), ...(app?.args ?? [])];
        const argv = pytestArgv(python, workDir, resultsFile, extra, requests.map((r) => asPositional(r.test.id)));
        return { argv, env, attempts: requests.reduce((n, r) => n + r.attempts, 0), reportsLines: true, copyIn: hypothesisExamples(workDir) };
      },
    },
    seedSupport(seed: Seed | null): SeedSupport {
      const ok = seedApplication(seed) !== null;
      return { reapply: ok, fresh: ok };
    },
    invocation(req: InvocationRequest): Invocation {
      const app = seedApplication(req.seed);
      const env: Record<string, string> = {
        // Keep hypothesis' example database out of the user's checkout.
        HYPOTHESIS_STORAGE_DIRECTORY: path.join(req.workDir, "hypothesis"),
      };
      const seedArgs: string[] = [];
      const pytestArgs: string[] = collectArgs(req.test.id);
      let attempts = req.mode === "run-until" ? 1 : req.attempts;
      const fresh = req.freshSeeds;
      if (app !== null && fresh === null) {
        Object.assign(env, app.env);
        pytestArgs.push(...app.args);
        if (app.globalRng !== null) seedArgs.push("--ft-global-seed", `--ft-seeds=${app.globalRng}`);
      } else if (app !== null && fresh !== null) {
        // Arguments are read once per process (pytest-randomly reads its seed at configure):
        // a seed given as arguments means one process per fresh seed.
        if (app.args.length > 0) attempts = 1;
        const seeds = fresh.slice(0, attempts);
        const first = seeds[0] ?? app.value;
        // The first fresh seed also goes into the process env, for code that reads it at import.
        for (const name of Object.keys(app.env)) {
          env[name] = first;
          seedArgs.push(`--ft-seed-env=${name}`);
        }
        pytestArgs.push(...argsWithSeed(app, first));
        if (app.globalRng !== null) seedArgs.push("--ft-global-seed");
        seedArgs.push(seedsArgument(seeds, req.workDir), "--ft-fresh");
      }
      if (isFileId(req.test.id)) return collectInvocation(python, req, env, pytestArgs);
      const modeArgs =
        req.mode === "repeat"
          ? [`--ft-repeat=${attempts}`, ...(req.stopWhenMixed ? ["--ft-stop-when-mixed"] : []), ...(req.freshPasses ? ["--ft-fresh-passes"] : [])]
          : [`--ft-run-until=${req.test.id}`];
      const target = asPositional(req.mode === "repeat" ? req.test.id : nodeIdFile(req.test.id));
      const argv = pytestArgv(python, req.workDir, req.resultsFile, [...modeArgs, ...seedArgs, ...pytestArgs], [target]);
      return { argv, env, attempts, reportsLines: true, copyIn: hypothesisExamples(req.workDir) };
    },
    reproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed);
      const argv = [python, "-m", "pytest", ...collectArgs(test.id), ...(app?.args ?? [])];
      argv.push(...(isFileId(test.id) ? collected(test) : [asPositional(test.id)]));
      // Only the command: the global-RNG and hypothesis seeds need code, not a flag, and the
      // reports say so with the seed. A note after `#` is not a comment in zsh (macOS's shell)
      // unless interactive_comments is set: its words reached pytest as arguments, and a seed
      // value from the report, in backquotes, ran as a command.
      return shellQuoteCommand(argv, app?.env ?? {});
    },
    orderReproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed);
      // The whole file: the tests before it run first, as in the order check.
      return shellQuoteCommand([python, "-m", "pytest", ...collectArgs(test.id), ...(app?.args ?? []), asPositional(nodeIdFile(test.id))], app?.env ?? {});
    },
  };
}
