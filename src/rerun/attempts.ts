/**
 * One rerun process and the attempts it runs. With our plugin the process reports each
 * attempt as JSON lines in a results file; we read that file while it runs, so the per-attempt
 * timeout is ours (pytest-timeout is not installed everywhere), and an attempt that started
 * but never ended tells us which attempt hung or took the interpreter down.
 */
import { open, readFile } from "node:fs/promises";
import type { Trial } from "../model.js";
import { MAX_JUDGE_RESULTS_BYTES, MAX_MESSAGE_CHARS, RESULTS_POLL_MS } from "./limits.js";
import { startProcess, type ProcessResult, type RunningProcess } from "./process.js";
import type { PlanEvent, PluginEvent } from "./pytest-plugin.js";
import { tellingLine } from "./telling-line.js";
import type { Judge, Judgement } from "./drivers/types.js";

export interface BatchSpec {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  /** Seeds of the attempts in order (for recording); null where none was applied. */
  seeds: (string | null)[];
  reportsLines: boolean;
  resultsFile: string;
  /** Reads a one-attempt process's outcome beyond its exit status (see drivers/types.ts). */
  judge?: Judge;
  timeoutMs: number;
  /** Extra time before the process's first line (imports, collection). */
  startupMs: number;
  killGraceMs?: number;
  signal?: AbortSignal;
  /** Called after each finished attempt; returning true stops the batch (kills the process). */
  onTrial(trial: Trial): boolean;
  /**
   * A judged test that skipped itself is a skipped trial (verify: a trial that counts toward
   * none of the rates), not a test that cannot run (reruns: nothing to learn from it).
   */
  skipsAreTrials?: boolean;
}

export interface BatchResult {
  /** Finished attempts, plus the one that timed out or crashed. */
  trials: Trial[];
  /** No attempt started and the process ended by itself: it cannot run the test. */
  cannotRun: string | null;
  /**
   * What the process set out to run: the plugin's collection (`kept` of `count` items, `target`
   * the test's node id, null when it was not found); for a judged run-until process, the tests
   * that ran up to and including the test (`target` its argv).
   */
  collected: { count: number; kept: number; target: string | null } | null;
  /** How many non-target tests ran before the target (order check). */
  predecessorsRun: number;
  process: ProcessResult;
  stopped: boolean;
  aborted: boolean;
}

export async function runBatch(spec: BatchSpec): Promise<BatchResult> {
  return spec.reportsLines ? runPluginBatch(spec) : runExitStatusBatch(spec);
}

/** A process that is one attempt: exit 0 passed, other codes failed, a signal crashed. */
async function runExitStatusBatch(spec: BatchSpec): Promise<BatchResult> {
  const endsAt = spec.judge?.endsAt;
  const startsAt = spec.judge?.startsAt;
  // Once the runner says its tests have begun, the test's own timeout runs from there: a hang
  // costs --rerun-timeout, not the start-up allowance on top (go builds first, then runs).
  let testClock: NodeJS.Timeout | undefined;
  const onLine = (line: string, stream: "stdout" | "stderr"): void => {
    if (stream !== "stdout") return;
    if (startsAt !== undefined && testClock === undefined && startsAt(line)) testClock = setTimeout(() => running.kill("timeout"), spec.timeoutMs);
    // The judge has all it needs: the rest of the package need not run.
    if (endsAt?.(line) === true) running.kill("caller");
  };
  const running: RunningProcess = startProcess({
    argv: spec.argv,
    cwd: spec.cwd,
    env: spec.env,
    timeoutMs: spec.startupMs + spec.timeoutMs,
    ...(spec.signal ? { signal: spec.signal } : {}),
    ...(spec.killGraceMs !== undefined ? { killGraceMs: spec.killGraceMs } : {}),
    ...(endsAt !== undefined || startsAt !== undefined ? { onLine } : {}),
  });
  const proc = await running.done;
  clearTimeout(testClock);
  const abortedWithIt = await abortFollows(spec.signal, proc);
  const seed = spec.seeds[0] ?? null;
  const base = { ...(seed !== null ? { seed } : {}), durationSec: proc.durationMs / 1000 };
  let collected: BatchResult["collected"] = null;
  const result = (trials: Trial[], cannotRun: string | null = null): BatchResult => ({
    trials,
    cannotRun,
    collected,
    predecessorsRun: 0,
    process: proc,
    stopped: false,
    aborted: proc.killed === "abort" || abortedWithIt,
  });
  if (proc.spawnError !== null) return result([], `could not start ${spec.argv[0] ?? ""}: ${proc.spawnError}`);
  if (proc.killed === "abort" || abortedWithIt) return result([]);
  let trial: Trial;
  const ran = (before: number) => {
    collected = { count: before + 1, kept: before + 1, target: spec.argv.join(" ") };
  };
  if (proc.killed === "timeout" && spec.judge?.runUntil === true) {
    // The order check's process hung: in a test before this one (it never ran), in it (a
    // timeout of its own), or in one after it (then it has its result).
    const judged = await judge(spec.judge, proc);
    if (judged.kind === "not-run" || judged.ranBefore === undefined) {
      return result([], spec.judge.hungWithoutResult ?? "the tests before it did not finish within the timeout, so it never ran");
    }
    ran(judged.ranBefore);
    trial = judged.finished === true ? judgedTrial(judged, base, "failed") : { kind: "timedOut", ...base };
  } else if (proc.killed === "timeout") trial = { kind: "timedOut", ...base };
  else if (proc.signal !== null && proc.killed !== "caller") trial = { kind: "crashed", ...base, signal: proc.signal, ...messageOf(proc) };
  else if (spec.judge !== undefined) {
    const judged = await judge(spec.judge, proc);
    if (judged.kind === "not-run") {
      if (judged.skipped !== true || spec.skipsAreTrials !== true) return result([], judged.why);
      trial = { kind: "skipped", ...base, message: judged.why };
    } else {
      if (judged.ranBefore !== undefined) ran(judged.ranBefore);
      trial = judgedTrial(judged, base, `exit code ${proc.exitCode ?? "?"}`);
    }
  } else if (proc.exitCode === 0) trial = { kind: "passed", ...base };
  else trial = { kind: "failed", ...base, message: `exit code ${proc.exitCode ?? "?"}${tailLine(proc, ": ")}` };
  spec.onTrial(trial);
  return result([trial]);
}

/** The attempt a passed or failed judgement stands for; `message` when the judge gave none. */
function judgedTrial(judged: Judgement & { kind: "passed" | "failed" }, base: Pick<Trial, "seed" | "durationSec">, message: string): Trial {
  if (judged.kind === "passed") return { kind: "passed", ...base };
  if (judged.timedOut === true) return { kind: "timedOut", ...base };
  if (judged.crashed === true) return { kind: "crashed", ...base, message: (judged.message ?? message).slice(0, MAX_MESSAGE_CHARS) };
  return { kind: "failed", ...base, message: (judged.message ?? message).slice(0, MAX_MESSAGE_CHARS) };
}

/** What a test process seldom dies of unless its whole tree was signalled (a CI cancel, Ctrl-C). */
const TREE_SIGNALS: ReadonlySet<string> = new Set(["SIGTERM", "SIGINT", "SIGHUP"]);
/** How long such a death waits for our own abort, which comes from the same cancel. */
const ABORT_AFTER_DEATH_MS = 300;

/**
 * Whether a process that died by one of TREE_SIGNALS, which we did not send, did so because
 * of a stop that is reaching us too: the abort is already there or comes within a moment.
 * Otherwise it is the test's own crash.
 */
function abortFollows(signal: AbortSignal | undefined, proc: ProcessResult): Promise<boolean> {
  if (signal === undefined || proc.killed !== null || proc.signal === null || !TREE_SIGNALS.has(proc.signal)) return Promise.resolve(false);
  if (signal.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(false);
    }, ABORT_AFTER_DEATH_MS);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** The judge's verdict on what the process printed. */
async function judge(j: NonNullable<BatchSpec["judge"]>, proc: ProcessResult): Promise<Judgement> {
  return j.decide({ exitCode: proc.exitCode ?? 1, stdout: proc.stdout.text, stderr: proc.stderr.text, results: await readResults(j.resultFile) });
}

async function runPluginBatch(spec: BatchSpec): Promise<BatchResult> {
  const trials: Trial[] = [];
  let collected: BatchResult["collected"] = null;
  let predecessorsRun = 0;
  let current: { attempt: number; seed: string | null; at: number } | null = null;
  let stopped = false;
  const state: Followed = { timedOutAt: null, aborted: false };

  const proc = await followPlugin(
    spec,
    state,
    (ev, running) => {
      const now = Date.now();
      if (ev.event === "collected") collected = { count: ev.count, kept: ev.kept, target: ev.target };
      else if (ev.event === "item") predecessorsRun++;
      else if (ev.event === "start") current = { attempt: ev.attempt, seed: ev.seed, at: now };
      else if (ev.event === "end") {
        const seed = current?.seed ?? spec.seeds[ev.attempt] ?? null;
        current = null;
        const trial = trialFromEnd(ev, seed);
        trials.push(trial);
        if (!stopped && !state.aborted && spec.onTrial(trial)) {
          stopped = true;
          running.kill("caller");
        }
      }
    },
    { stopped: () => stopped },
  );
  const { timedOutAt, aborted } = state;

  // TypeScript cannot see the assignments inside `handle`.
  const open = current as { attempt: number; seed: string | null; at: number } | null;
  let cannotRun: string | null = null;
  if (open !== null && !stopped && !aborted) {
    const trial = unfinishedTrial(open, timedOutAt, proc);
    trials.push(trial);
    spec.onTrial(trial);
  } else if (trials.length === 0 && !stopped && !aborted) {
    if (predecessorsRun > 0) {
      // Order check: a test before ours hung or crashed; ours never ran, so nothing to count.
      const how = timedOutAt !== null ? "hung" : proc.signal !== null ? `died (${proc.signal})` : "stopped the run";
      cannotRun = `a test before it ${how}, so it never ran`;
    } else if (timedOutAt !== null) {
      // Hung before the first attempt (an import or a collection-time fixture): one attempt.
      const seed = spec.seeds[0] ?? null;
      const trial: Trial = {
        kind: "timedOut",
        ...(seed !== null ? { seed } : {}),
        durationSec: proc.durationMs / 1000,
      };
      trials.push(trial);
      spec.onTrial(trial);
    } else {
      cannotRun = describeCannotRun(spec.argv, proc, collected);
    }
  }
  return { trials, cannotRun, collected, predecessorsRun, process: proc, stopped, aborted };
}

export interface PlanBatchSpec {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  resultsFile: string;
  /** Seed recorded for an attempt of run `run` of plan entry `item` when the line carries none. */
  seedOf(item: number, run: number, attempt: number): string | null;
  timeoutMs: number;
  startupMs: number;
  killGraceMs?: number;
  signal?: AbortSignal;
  /** This process took plan entry `item` (before its first attempt). */
  onClaim?(item: number): void;
  /**
   * It took plan entry `item` after we killed it on its timeout (it outlived our SIGTERM): none
   * of that counts, but the entry's claim file is spent, and a new process needs another.
   */
  onLateClaim?(item: number): void;
  /** Each finished attempt, and the one that timed out or crashed, of run `run` of entry `item`. */
  onTrial(item: number, run: number, trial: Trial): void;
}

export interface PlanBatchResult {
  /** Plan entries collection did not find; null when the process never said. */
  missing: number[] | null;
  /** Whether the process got through collection (it said which entries it found). */
  collected: boolean;
  /** Whether any attempt started. */
  started: boolean;
  /** Collection never ended and the process ended by itself (not on our timeout). */
  cannotRun: string | null;
  /** Collection never ended and the process hung until our timeout (imports, collection). */
  hungBeforeStart: boolean;
  /** We killed it on the timeout (an attempt, or whatever ran between attempts, took too long). */
  timedOut: boolean;
  process: ProcessResult;
  aborted: boolean;
}

/**
 * A process running a plan (several tests' attempts, see --ft-plan): the same clock as
 * runPluginBatch (a line restarts it; the first line gets the start-up allowance too), the
 * same reading of an attempt that started and never ended (timed out if we killed it, else
 * crashed), per plan entry. Nothing is stopped from here: the caller stops a run through
 * its stop file, and restarts a process for what a timeout or a crash left undone.
 */
export async function runPlanBatch(spec: PlanBatchSpec): Promise<PlanBatchResult> {
  let missing: number[] | null = null;
  let started = false;
  let current: { item: number; run: number; attempt: number; seed: string | null; at: number } | null = null;
  const state: Followed = { timedOutAt: null, aborted: false };

  const late = (line: PluginEvent): void => {
    const ev = line as unknown as PlanEvent;
    if (ev.event === "claim") spec.onLateClaim?.(ev.item);
  };
  const proc = await followPlugin(spec, state, (line) => {
    const ev = line as unknown as PlanEvent;
    const now = Date.now();
    if (ev.event === "collected") missing = Array.isArray(ev.missing) ? ev.missing : [];
    else if (ev.event === "claim") spec.onClaim?.(ev.item);
    else if (ev.event === "start") {
      started = true;
      current = { item: ev.item, run: ev.run ?? 0, attempt: ev.attempt, seed: ev.seed, at: now };
    } else if (ev.event === "end") {
      const run = ev.run ?? 0;
      const seed = current?.seed ?? spec.seedOf(ev.item, run, ev.attempt);
      current = null;
      if (!state.aborted) spec.onTrial(ev.item, run, trialFromEnd(ev as unknown as Extract<PluginEvent, { event: "end" }>, seed));
    }
  }, { late });
  const { timedOutAt, aborted } = state;
  const open = current as { item: number; run: number; attempt: number; seed: string | null; at: number } | null;
  if (open !== null && !aborted) {
    const trial = unfinishedTrial(open, timedOutAt, proc);
    spec.onTrial(open.item, open.run, trial);
  }
  const idle = missing === null && !aborted;
  return {
    missing,
    collected: missing !== null,
    started,
    cannotRun: idle && timedOutAt === null ? describeCannotRun(spec.argv, proc, null) : null,
    hungBeforeStart: idle && timedOutAt !== null,
    timedOut: timedOutAt !== null,
    process: proc,
    aborted,
  };
}

/** How a followed process ended, as far as we had a hand in it; live while it runs. */
interface Followed {
  /** When we killed it on the timeout, or null. */
  timedOutAt: number | null;
  /** We killed it because the run was aborted. */
  aborted: boolean;
}

/** What followPlugin's caller may add to the clock's rules. */
interface FollowHooks {
  /** The caller has stopped the process on purpose (enough trials): its timeout no longer applies. */
  stopped?: () => boolean;
  /** Lines written after our timeout kill: they do not count, but a claim among them must be passed on. */
  late?: (ev: PluginEvent) => void;
}

/**
 * Starts a process whose plugin writes JSON lines to `resultsFile` and follows it to its end:
 * each line goes to `handle` and restarts the clock (the first line also gets the start-up
 * allowance); a process silent past its deadline is killed as timed out, unless `hooks.stopped` says
 * the caller already ended it; an abort signal kills it. One clock for runPluginBatch (one
 * test) and runPlanBatch (a plan of several tests).
 */
async function followPlugin(
  spec: Pick<BatchSpec, "argv" | "cwd" | "env" | "killGraceMs" | "resultsFile" | "timeoutMs" | "startupMs" | "signal">,
  state: Followed,
  handle: (ev: PluginEvent, running: RunningProcess) => void,
  hooks: FollowHooks = {},
): Promise<ProcessResult> {
  const stopped = hooks.stopped ?? (() => false);
  const late = hooks.late ?? (() => {});
  const running = startProcess({
    argv: spec.argv,
    cwd: spec.cwd,
    env: spec.env,
    ...(spec.killGraceMs !== undefined ? { killGraceMs: spec.killGraceMs } : {}),
  });
  const reader = new LineReader(spec.resultsFile);
  let deadline = Date.now() + spec.startupMs + spec.timeoutMs;
  let exited = false;
  void running.done.then(() => (exited = true));
  const abort = (): void => {
    state.aborted = true;
    running.kill("abort");
  };
  // The listener only wakes the loop: the abort is acted on there, after a read.
  let wake: () => void = () => {};
  const aborting = new Promise<void>((r) => (wake = r));
  const onAbort = (): void => wake();
  if (spec.signal?.aborted) abort();
  else spec.signal?.addEventListener("abort", onAbort, { once: true });
  const take = (ev: PluginEvent): void => {
    // After our timeout kill, what the process says is the kill's doing (a SIGTERM handler
    // that fails the test, the next attempt begun before the SIGKILL): the attempt it cut
    // timed out, and nothing after it counts. `late` still hears of it (a claim it made).
    if (state.timedOutAt !== null) {
      late(ev);
      return;
    }
    // Any line is progress: the clock restarts for whatever comes next.
    deadline = Date.now() + spec.timeoutMs;
    handle(ev, running);
  };

  try {
    while (!exited) {
      // The abort wakes the loop once; after that, a settled promise would make it spin.
      await Promise.race(state.aborted || state.timedOutAt !== null ? [delay(RESULTS_POLL_MS), running.done] : [delay(RESULTS_POLL_MS), running.done, aborting]);
      for (const ev of await reader.read()) take(ev);
      // An abort is acted on after the read: attempts that ended before it still count (lines
      // after our kill may be the kill's doing and do not). A process already being killed on
      // its timeout is left to that: its open attempt timed out, and counts so.
      if (!exited && !state.aborted && state.timedOutAt === null && spec.signal?.aborted === true) abort();
      if (!exited && state.timedOutAt === null && !stopped() && !state.aborted && Date.now() > deadline) {
        state.timedOutAt = Date.now();
        running.kill("timeout");
      }
    }
    // Killed by a signal as the abort came (a CI cancel signals the whole tree at once): that
    // death is the abort's, not a crash of the test, and what is still unread may be the
    // signal's doing too. A process that ended by itself at that instant keeps its lines.
    if (!state.aborted && state.timedOutAt === null && (await abortFollows(spec.signal, await running.done))) state.aborted = true;
    // The process is gone and the file complete: read all of it (bounded: a runaway test's).
    for (const ev of await reader.read(RESULTS_READ_CHUNKS_AT_EXIT)) take(ev);
  } finally {
    spec.signal?.removeEventListener("abort", onAbort);
  }
  return running.done;
}

/** A runner's results file, or null when it wrote none (or one too large to be a single test's). */
async function readResults(file: string | undefined): Promise<string | null> {
  if (file === undefined) return null;
  try {
    const handle = await open(file, "r");
    try {
      const { size } = await handle.stat();
      if (size > MAX_JUDGE_RESULTS_BYTES) return null;
    } finally {
      await handle.close();
    }
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}

/** The plugin sends at most ~8 KB of each of four texts an attempt printed (_Printed); more is not ours. */
const MAX_PRINTED_CHARS = 40_000;

function trialFromEnd(ev: Extract<PluginEvent, { event: "end" }>, seed: string | null): Trial {
  const base = { ...(seed !== null ? { seed } : {}), durationSec: ev.duration };
  const message = ev.message !== null && ev.message !== undefined ? { message: ev.message.slice(0, MAX_MESSAGE_CHARS) } : {};
  const printed = typeof ev.printed === "string" && ev.printed !== "" ? { printed: ev.printed.slice(0, MAX_PRINTED_CHARS) } : {};
  if (ev.outcome === "passed") return { kind: "passed", ...base, ...printed };
  if (ev.outcome === "skipped") return { kind: "skipped", ...base, ...message };
  const withheld = Array.isArray(ev.withheld) ? ev.withheld.filter((n): n is string => typeof n === "string").slice(0, 20) : [];
  return { kind: "failed", ...base, ...message, ...(withheld.length > 0 ? { withheld } : {}), ...printed };
}

export function describeCannotRun(
  argv: readonly string[],
  proc: ProcessResult,
  collected: BatchResult["collected"],
): string {
  if (proc.spawnError !== null) return `could not start ${argv[0] ?? ""}: ${proc.spawnError}`;
  const c = collected as BatchResult["collected"];
  if (c !== null && c.kept === 0) return `pytest did not find the test (collected ${c.count})${tailLine(proc, ": ")}`;
  const how = proc.signal !== null ? `was killed by ${proc.signal}` : `exited with code ${proc.exitCode ?? "?"}`;
  return `pytest ${how} before running the test${tailLine(proc, ": ")}`;
}

/** The most telling line of the output: pytest's ERROR / Fatal Python error, else the last. */
function tailLine(proc: ProcessResult, prefix: string): string {
  const telling = tellingLine(proc.stdout.text, proc.stderr.text);
  return telling === undefined ? "" : prefix + telling;
}

/**
 * pytest-timeout's banner. With `timeout_method = thread` it prints the stacks between two of
 * these and ends the whole process (os._exit): the attempt timed out, as the CI run did, and
 * did not crash.
 */
const PYTEST_TIMEOUT_BANNER = /^\+{5,} Timeout \+{5,}$/;

/**
 * Whether pytest-timeout's thread method ended the process: exit code 1 (os._exit(1), no
 * signal) right after its closing banner, the last line of stderr or stdout. Not a banner
 * anywhere: the signal method prints one too when another thread is alive, then the test fails
 * and pytest goes on (a later crash of that process is a crash).
 */
function endedByPytestTimeout(proc: ProcessResult): boolean {
  if (proc.signal !== null || proc.exitCode !== 1) return false;
  const last = (text: string): string => text.trimEnd().split("\n").pop()?.trim() ?? "";
  return PYTEST_TIMEOUT_BANNER.test(last(proc.stderr.text)) || PYTEST_TIMEOUT_BANNER.test(last(proc.stdout.text));
}

/**
 * The attempt that had started but not ended when its process stopped: timed out if we killed
 * it for the timeout or pytest-timeout ended it, otherwise crashed (died by a signal or exited
 * mid-attempt).
 */
function unfinishedTrial(
  open: { seed: string | null; at: number },
  timedOutAt: number | null,
  proc: ProcessResult,
): Trial {
  const base = {
    ...(open.seed !== null ? { seed: open.seed } : {}),
    durationSec: ((timedOutAt ?? Date.now()) - open.at) / 1000,
  };
  if (timedOutAt !== null || endedByPytestTimeout(proc)) return { kind: "timedOut", ...base };
  return {
    kind: "crashed",
    ...base,
    ...(proc.signal !== null ? { signal: proc.signal } : {}),
    ...(proc.signal === null && proc.exitCode !== null ? { exitCode: proc.exitCode } : {}),
    ...messageOf(proc),
  };
}

function messageOf(proc: ProcessResult): { message?: string } {
  const line = tailLine(proc, "");
  return line === "" ? {} : { message: line };
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** 64 KiB reads per poll of a results file (1 MiB). */
const RESULTS_READ_CHUNKS_PER_POLL = 16;
/** 64 KiB reads of what is left once the process ended (64 MiB, ~300,000 attempts' lines). */
const RESULTS_READ_CHUNKS_AT_EXIT = 1024;
/** A results-file line longer than this is dropped unread. */
const MAX_RESULTS_LINE_CHARS = 1024 * 1024;

/** Reads complete JSON lines appended to a file since the last call. Missing file: none yet. */
class LineReader {
  private offset = 0;
  private partial = "";

  constructor(private readonly file: string) {}

  async read(maxChunks = RESULTS_READ_CHUNKS_PER_POLL): Promise<PluginEvent[]> {
    let handle;
    try {
      handle = await open(this.file, "r");
    } catch {
      return [];
    }
    const events: PluginEvent[] = [];
    try {
      const buf = Buffer.alloc(64 * 1024);
      // At most so much per poll: a test that fills the file faster than we read it must not
      // keep the caller from its timeout and abort checks, which come between reads.
      for (let n = 0; n < maxChunks; n++) {
        const { bytesRead } = await handle.read(buf, 0, buf.length, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        this.partial += buf.subarray(0, bytesRead).toString("utf8");
      }
    } finally {
      await handle.close();
    }
    const lines = this.partial.split("\n");
    this.partial = lines.pop() ?? "";
    // Our plugin's lines are short; an endless one is not ours, and must not grow our memory.
    if (this.partial.length > MAX_RESULTS_LINE_CHARS) this.partial = "";
    for (const line of lines) {
      const ev = parseEvent(line);
      if (ev !== null) events.push(ev);
    }
    return events;
  }
}

function parseEvent(line: string): PluginEvent | null {
  try {
    const v: unknown = JSON.parse(line);
    if (typeof v === "object" && v !== null && "event" in v) return v as PluginEvent;
  } catch {
    // A torn or foreign line: the plugin writes whole lines, so ignore it.
  }
  return null;
}
