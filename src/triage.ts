import { statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, normalize, relative, sep } from "node:path";
import { classify, failureHints } from "./classify.js";
import type { CauseHint } from "./diagnose/cause-hints.js";
import { parseTolerance } from "./diagnose/tolerance.js";
import { suggest, type RerunHow } from "./diagnose/suggest.js";
import type {
  Counts,
  InputSummary,
  LogLines,
  ParsedInput,
  Report,
  Reruns,
  RerunTally,
  Seed,
  Summary,
  TestCase,
  Tolerance,
  TriagedTest,
} from "./model.js";
import { runnerWritesOneTestcasePerTest } from "./reports/dialects/dialects.js";
import { joinInputs } from "./reports/join.js";
import { goFlagsSeenInCi } from "./rerun/drivers/go.js";
import { readInputs, type ReadProgress } from "./io/read-inputs.js";
import { extractSeed } from "./seeds/extract.js";
import { planRerun, type RerunOutcome, type RerunProgress } from "./rerun/plan.js";
import { recordedTimeouts } from "./rerun/rerun.js";
import { rerunAll } from "./rerun/scheduler.js";
import { pickDriver } from "./rerun/drivers/index.js";
import { resolvePython } from "./rerun/drivers/pytest.js";
import type { TriageSettings } from "./settings.js";
import { VERSION } from "./version.js";

export type TriageProgress =
  | ({ kind: "reading" } & ReadProgress)
  /** An input read; its warnings (truncated, empty, missing) are also in the report's inputs. */
  | { kind: "read"; path: string; tests: number; failing: number; warnings: readonly string[] }
  | { kind: "plan"; toRerun: number; notRerun: number }
  /** The time budget ran out with reruns still running: they are being stopped. */
  | { kind: "budget-spent"; seconds: number }
  | ({ kind: "rerun"; index: number; count: number } & RerunProgress)
  /** `rerun`: reruns were started for it (a not-rerun verdict then means they could not run). */
  | { kind: "test-done"; index: number; count: number; test: TriagedTest; rerun: boolean };

export interface TriageHooks {
  onProgress?(ev: TriageProgress): void;
  /** Aborting stops starting and kills running reruns; the report covers what finished. */
  signal?: AbortSignal;
  /** The environment reruns start from (credentials are stripped); adapters pass process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Called as each phase ends, when the engine holds the least it will until the next one:
   * adapters reclaim memory here (src/io/heap.ts). The phase's structures are let go by then.
   */
  afterPhase?(phase: EnginePhase): void;
}

/**
 * The engine's phases that leave much behind, in order: the reports read (the reader's
 * buffers), their tests joined (the join's index), evidence extracted from the failure text
 * (which is let go then, before reruns and classification).
 */
export type EnginePhase = "read" | "joined" | "extracted";

/** A failing test with what the text alone tells, before any rerun (its text is let go by then). */
interface Candidate {
  test: TestCase;
  seed: Seed | null;
  tolerance: Tolerance | null;
  hints: readonly CauseHint[];
}

/** read -> join -> extract -> rerun -> classify -> suggest: the whole engine behind every adapter. */
export async function triage(settings: TriageSettings, hooks: TriageHooks = {}, options: Pick<TriageInputsOptions, "noRerunNote"> = {}): Promise<Report> {
  const onProgress = hooks.onProgress;
  const reading = onProgress && {
    onProgress: (ev: ReadProgress) => onProgress({ kind: "reading", ...ev }),
    onRead: (input: ParsedInput) => onProgress(readEvent(input)),
  };
  // A runner whose reports hold one testcase per test (jest, vitest): repeated ids are tests,
  // also in a report whose root element was renamed (the reader otherwise goes by it).
  const repeatsAreTests = runnerWritesOneTestcasePerTest(settings.runner);
  // triageInputs empties this array as it joins the inputs, so this frame, which waits for the
  // whole triage, does not hold their text.
  const inputs = await readInputs(settings.reports, { cwd: settings.cwd, ...reading, repeatsAreTests });
  hooks.afterPhase?.("read");
  return triageInputs(inputs, settings, hooks, { ...options, announced: true });
}

export interface TriageInputsOptions {
  /** Why nothing was rerun when `settings.rerun` is false (`explain` never reruns). */
  noRerunNote?: string;
  /** Each input's "read" progress was reported as it was read (triage does, file by file). */
  announced?: boolean;
}

/**
 * The engine from already-read inputs (text pasted on stdin has no file to read). Takes the
 * inputs: the array is emptied once they are joined.
 */
export async function triageInputs(
  inputs: ParsedInput[],
  settings: TriageSettings,
  hooks: TriageHooks = {},
  options: TriageInputsOptions = {},
): Promise<Report> {
  const { counts, summaries } = announce(inputs, options.announced === true ? undefined : hooks.onProgress);
  // From here on the inputs are not needed: the joined tests are new objects of our own, whose
  // text triageTests lets go of test by test. Emptied, not merely unused: this frame stays on the
  // stack while triageTests runs up to its first await (all of it, without reruns), and through
  // `inputs` (or a loop variable left in a register, hence announce) it held every failure's
  // text until the report was done: 40 MB of the 500 MB report's peak heap.
  const project = projectView(settings.cwd);
  const tests = joinInputs(inputs.splice(0), project);
  hooks.afterPhase?.("joined");
  return triageTests(tests, project, counts, summaries, settings, hooks, options);
}

function readEvent(input: ParsedInput): TriageProgress {
  return { kind: "read", path: input.path, tests: input.counts.tests, failing: input.counts.failed + input.counts.errored, warnings: input.warnings };
}

/** Reports each input as read (unless already reported); its counts and summaries are all the report keeps of it. */
function announce(inputs: ParsedInput[], onProgress: TriageHooks["onProgress"]): { counts: InputCounts; summaries: InputSummary[] } {
  for (const input of inputs) onProgress?.(readEvent(input));
  const summaries = inputs.map(
    (i): InputSummary => ({ path: i.path, kind: i.kind, tests: i.counts.tests, warnings: i.warnings }),
  );
  return { counts: countsOf(inputs), summaries };
}

async function triageTests(
  tests: TestCase[],
  project: ReturnType<typeof projectView>,
  counts: InputCounts,
  inputs: InputSummary[],
  settings: TriageSettings,
  hooks: TriageHooks,
  options: TriageInputsOptions,
): Promise<Report> {
  // The join's view of the project: each path it asked about is not asked again.
  const hintContext = { ownModule: ownModuleIn(project) };
  const candidates: Candidate[] = tests
    .filter((t) => t.outcome === "failed" || t.outcome === "errored" || (t.priorAttempts?.length ?? 0) > 0)
    .map((test) => {
      const c: Candidate = {
        test,
        seed: extractSeed(test, settings.seedPatterns),
        tolerance: parseTolerance([test.message, test.details].filter(Boolean).join("\n"), { id: test.id }),
        hints: failureHints(test, hintContext),
      };
      if ((settings.runner ?? test.runner) === "go") {
        const flags = goFlagsSeenInCi(`${test.message ?? ""}\n${test.details ?? ""}\n${test.output ?? ""}`);
        if (flags.length > 0) test.ciFlags = flags;
      }
      // Everything is read from the text now: nothing after this (reruns, classification) needs
      // it, and the reruns can take minutes.
      releaseText(test);
      return c;
    });
  hooks.afterPhase?.("extracted");

  const env = hooks.env ?? {};
  const python = resolvePython(env);
  const selected = selectForRerun(candidates, settings, python);
  hooks.onProgress?.({ kind: "plan", toRerun: selected.length, notRerun: candidates.length - selected.length });

  const selectedIds = new Set(selected.map((c) => c.test.id));
  const finished = new Map<string, TriagedTest>();
  /** The budget stopped the reruns (before any interrupt did: the first stop is the reason). */
  let budgetSpent = false;
  let doneCount = 0;
  const how: RerunHow = {
    runner: settings.runner ?? null,
    template: settings.rerunCommand,
    seedPatterns: settings.seedPatterns.map((p) => p.source),
  };
  const complete = (c: Candidate, outcome: RerunOutcome | undefined, note: string | undefined): void => {
    const t = finish(c, outcome, note, reproduceFor(c, settings, python), how);
    finished.set(c.test.id, t);
    hooks.onProgress?.({ kind: "test-done", index: doneCount++, count: candidates.length, test: t, rerun: outcome !== undefined });
  };

  if (selected.length > 0) {
    const runDir = await mkdtemp(join(tmpdir(), "flaky-triage-"));
    try {
      const byId = new Map(selected.map((c) => [c.test.id, c]));
      const requests = rerunOrder(selected, settings).map((c) =>
        planRerun({
          test: c.test,
          seed: c.seed,
          reruns: settings.reruns,
          freshSeeds: settings.freshSeeds,
          timeoutSec: settings.rerunTimeoutSec,
          cwd: settings.cwd,
          rerunCommand: settings.rerunCommand,
          runner: settings.runner ?? null,
          seedPatterns: settings.seedPatterns,
        }),
      );
      await rerunAll(requests, {
        jobs: settings.jobs,
        timeBudgetSec: settings.timeBudgetSec,
        onBudgetSpent: () => {
          budgetSpent = true;
          hooks.onProgress?.({ kind: "budget-spent", seconds: settings.timeBudgetSec ?? 0 });
        },
        runDir,
        env,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        onProgress: (ev) =>
          hooks.onProgress?.({ kind: "rerun", index: indexOf(selected, ev.id), count: selected.length, ...ev }),
        // Classified as soon as its reruns end, so progress shows verdicts as they come.
        onTestDone: (id, outcome) => {
          const c = byId.get(id);
          if (c) complete(c, outcome, undefined);
        },
      });
    } finally {
      await rm(runDir, { recursive: true, force: true });
    }
  }

  for (const c of candidates) {
    if (finished.has(c.test.id)) continue;
    const note = !settings.rerun
      ? (options.noRerunNote ?? "--no-rerun: read and extracted only")
      : !selectedIds.has(c.test.id)
        ? notSelectedReason(c, settings, python)
        : hooks.signal?.aborted && !budgetSpent
          ? "interrupted before its reruns finished"
          : "time budget ran out before its reruns started";
    complete(c, undefined, note);
  }
  const triaged = candidates.map((c) => finished.get(c.test.id)!);

  return {
    schemaVersion: 1,
    tool: { name: "flaky-triage", version: VERSION },
    summary: summarise(counts, triaged),
    inputs,
    tests: sortForReport(triaged),
  };
}

function indexOf(selected: Candidate[], id: string): number {
  return selected.findIndex((c) => c.test.id === id);
}

/**
 * Which failing tests get reruns. Surefire-style recorded reruns already decide a verdict,
 * so those tests need none; beyond --max-failures a broken build must not turn into hours of
 * reruns, so the most useful come first: errors in setup and timeouts last (they are the
 * slowest and the least informative), the rest in report order.
 */
function selectForRerun(candidates: Candidate[], settings: TriageSettings, python: string): Candidate[] {
  if (!settings.rerun) return [];
  // A test no driver can run would only take a --max-failures slot from one that can.
  const eligible = candidates.filter(
    (c) => (c.test.outcome === "failed" || c.test.outcome === "errored") && hasDriver(c, settings, python),
  );
  const cost = (c: Candidate): number => (/timeout|timed out/i.test(c.test.message ?? "") ? 2 : c.test.outcome === "errored" ? 1 : 0);
  return [...eligible].sort((a, b) => cost(a) - cost(b) || a.test.index - b.test.index).slice(0, settings.maxFailures);
}

/**
 * The order reruns start in. With a time budget, selection order (the most useful first).
 * Without one every selected test runs whatever the order, so tests that timed out (the slowest
 * to rerun) start first instead of ending the run alone on one core (longest first).
 */
function rerunOrder(selected: Candidate[], settings: TriageSettings): Candidate[] {
  if (settings.timeBudgetSec !== null) return selected;
  // The same reading of "its recorded failure was a timeout" as the reruns' count of timeouts.
  const slow = (c: Candidate): number => recordedTimeouts(c.test);
  return [...selected].sort((a, b) => slow(b) - slow(a));
}

function hasDriver(c: Candidate, settings: TriageSettings, python: string): boolean {
  // The same options reproduceFor passes: a test is selected exactly when a driver can run it.
  return pickDriver(c.test, { python, rerunCommand: settings.rerunCommand, runner: settings.runner ?? null }) !== null;
}

function notSelectedReason(c: Candidate, settings: TriageSettings, python: string): string {
  if (c.test.outcome === "passed") return "passed on a rerun recorded in the report; verdict from those attempts";
  if (!hasDriver(c, settings, python)) {
    // Console logs of unittest/nose runs name tests by module, not file (see reports/join.ts).
    return (
      `no rerun driver for this id: it names no test file found under ${settings.cwd} ` +
      `(give --cwd the project root, or --rerun-command, e.g. 'python -m unittest {id}')`
    );
  }
  return `beyond --max-failures ${settings.maxFailures}`;
}

/**
 * The tallies of a test without reruns: one frozen pair for all of them (~180 bytes a test
 * otherwise, on reports of 30,000 failures mostly not rerun). Frozen, so a consumer that
 * changed one would throw rather than change every test's.
 */
const NO_SAME_SEED: RerunTally = Object.freeze({ runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false });
const NO_FRESH_SEEDS: Reruns["freshSeeds"] = Object.freeze({
  ...NO_SAME_SEED,
  seeds: Object.freeze([]) as unknown as string[],
  failingSeeds: Object.freeze([]) as unknown as string[],
});

/** Every failing test gets a reproduce command, rerun or not (null only when no driver fits). */
function reproduceFor(c: Candidate, settings: TriageSettings, python: string): string | null {
  const driver = pickDriver(c.test, { python, rerunCommand: settings.rerunCommand, runner: settings.runner ?? null });
  if (!driver) return null;
  try {
    return driver.reproduceCommand(c.test, c.seed);
  } catch {
    // An id that cannot be quoted (a NUL byte): no command beats a wrong one.
    return null;
  }
}

function finish(
  c: Candidate,
  outcome: RerunOutcome | undefined,
  note: string | undefined,
  reproduce: string | null,
  how: RerunHow,
): TriagedTest {
  const recorded = recordedTally(c.test);
  let reruns: Reruns;
  if (outcome === undefined && recorded === undefined && note) {
    // The common case made in one literal: `note` added afterwards gave each of these objects
    // a separate property store (40 bytes a test).
    reruns = { sameSeed: NO_SAME_SEED, freshSeeds: NO_FRESH_SEEDS, note };
  } else {
    reruns = outcome ? { ...outcome.reruns } : { sameSeed: NO_SAME_SEED, freshSeeds: NO_FRESH_SEEDS };
    if (recorded) reruns.recorded = recorded;
    if (note && !reruns.note) reruns.note = note;
  }
  const seedReapplied = outcome?.seedReapplied ?? false;
  const cls = classify({ test: c.test, seed: c.seed, tolerance: c.tolerance, reruns, seedReapplied, hints: c.hints });
  const t = c.test;
  return {
    id: t.id,
    file: t.file ?? null,
    line: t.line ?? null,
    classname: t.classname,
    name: t.name,
    outcome: t.outcome,
    message: t.message ?? null,
    verdict: cls.verdict,
    seedSensitivity: cls.seedSensitivity,
    cause: cls.cause,
    causeReason: cls.causeReason,
    seed: c.seed,
    reruns,
    tolerance: c.tolerance,
    suggestion: suggest({ test: t, verdict: cls.verdict, cause: cls.cause, tolerance: c.tolerance, seed: c.seed, reruns, how, concurrent: cls.concurrentCode === true, failedPlainly: plainlyFailingSeeds(outcome) }),
    reproduce: outcome?.reproduce ?? reproduce,
    confidence: cls.confidence,
  };
}

/** The fresh seeds whose attempts failed (not timed out or crashed), in the order run. */
function plainlyFailingSeeds(outcome: RerunOutcome | undefined): string[] | undefined {
  const fresh = outcome?.trialsByPhase["fresh-seeds"];
  if (fresh === undefined) return undefined;
  const seeds: string[] = [];
  for (const t of fresh) if (t.kind === "failed" && t.seed !== undefined && !seeds.includes(t.seed)) seeds.push(t.seed);
  return seeds;
}

/** Attempts recorded in the report itself (surefire reruns, pytest-rerunfailures) as a tally. */
function recordedTally(test: TestCase): RerunTally | undefined {
  const prior = test.priorAttempts;
  if (!prior || prior.length === 0) return undefined;
  const all = [...prior.map((p) => p.outcome), test.outcome];
  const passed = all.filter((o) => o === "passed").length;
  const failed = all.filter((o) => o === "failed" || o === "errored").length;
  return { runs: passed + failed, passed, failed, timedOut: 0, crashed: 0, stoppedEarly: false };
}

/**
 * Counts come from JUnit inputs when there are any (a console log of the same run would count
 * every test twice); from console logs only when no JUnit was given.
 */
/** The inputs' counts, with the failing testcases triaged with another of the same id (Summary.sharedId). */
type InputCounts = Counts & Pick<Summary, "sharedId">;

function countsOf(inputs: ParsedInput[]): InputCounts {
  const junit = inputs.filter((i) => i.kind === "junit");
  const basis = junit.length > 0 ? junit : inputs;
  const counts: Counts = { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
  // Failing testcases of one id are one triaged test (the join merges them): a test.each case
  // of one title, or one test failing in two shards. Failures counted but never read (a
  // session that died) are not among them.
  const ids = new Set<string>();
  let failing = 0;
  for (const i of basis) {
    counts.tests += i.counts.tests;
    counts.passed += i.counts.passed;
    counts.failed += i.counts.failed;
    counts.errored += i.counts.errored;
    counts.skipped += i.counts.skipped;
    for (const t of i.tests) {
      if (t.outcome !== "failed" && t.outcome !== "errored") continue;
      failing++;
      ids.add(t.id);
    }
  }
  const shared = failing - ids.size;
  return shared > 0 ? { ...counts, sharedId: shared } : counts;
}

function summarise(counts: InputCounts, tests: TriagedTest[]): Summary {
  const n = (v: TriagedTest["verdict"]) => tests.filter((t) => t.verdict === v).length;
  const { sharedId, ...plain } = counts;
  return {
    ...plain,
    deterministic: n("deterministic"),
    intermittent: n("intermittent"),
    notReproduced: n("not-reproduced"),
    notRerun: n("not-rerun"),
    ...(sharedId !== undefined ? { sharedId } : {}),
  };
}

/**
 * Drops a failing test's text once seed, tolerance and hints are read from it: a report of
 * 30,000 failures would otherwise hold all their text until the last one is classified.
 */
function releaseText(test: TestCase): void {
  // Assigned, not deleted: deleting turns each object into a slow dictionary.
  const t = test as { details?: string | undefined; output?: string | undefined; logLines?: LogLines | undefined };
  t.details = undefined;
  t.output = undefined;
  t.logLines = undefined;
}

const VERDICT_ORDER = { deterministic: 0, intermittent: 1, "not-reproduced": 2, "not-rerun": 3 } as const;

function sortForReport(tests: TriagedTest[]): TriagedTest[] {
  return [...tests].sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]);
}

const PYTHON_NAME = /^[A-Za-z_]\w{0,200}$/;

/**
 * Whether a top-level Python module name is the project's own: a package directory or a module
 * file in the project's root or its src/ (the two layouts pytest imports from).
 */
function ownModuleIn(project: ReturnType<typeof projectView>): (topLevel: string) => boolean {
  return (name) =>
    PYTHON_NAME.test(name) &&
    (project.isDir(name) || project.exists(`${name}.py`) || project.isDir(`src/${name}`) || project.exists(`src/${name}.py`));
}

/**
 * The project tree as the pure readers see it: existence of relative paths, nothing more.
 * Answers are memoised per path (the join asks for the same test files once per failing test,
 * and every suffix of every printed path), so each distinct path costs one stat at most.
 */
export function projectView(cwd: string): { exists(rel: string): boolean; isDir(rel: string): boolean } {
  const known = new Map<string, boolean>();
  const dirs = new Map<string, boolean>();
  const check = (rel: string, what: "file" | "dir"): boolean => {
    if (rel === "" || isAbsolute(rel)) return false;
    const abs = normalize(join(cwd, rel));
    const back = relative(cwd, abs);
    // Report paths are untrusted: never look outside the project.
    if (back.startsWith(".." + sep) || back === "..") return false;
    try {
      const st = statSync(abs, { throwIfNoEntry: false });
      return (what === "file" ? st?.isFile() : st?.isDirectory()) ?? false;
    } catch {
      return false;
    }
  };
  return {
    exists(rel: string): boolean {
      let v = known.get(rel);
      if (v === undefined) {
        v = check(rel, "file");
        known.set(rel, v);
      }
      return v;
    },
    isDir(rel: string): boolean {
      let v = dirs.get(rel);
      if (v === undefined) {
        v = check(rel, "dir");
        dirs.set(rel, v);
      }
      return v;
    },
  };
}
