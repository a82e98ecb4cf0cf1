/**
 * The same-seed and fresh-seed reruns of several tests of one file in as few pytest processes as
 * possible: the interpreter start, the imports and the collection are paid once per process
 * instead of once per test and phase.
 *
 * What may share a process (the isolation argument): tests of ONE file, with the same
 * process-level seed environment and arguments (the driver's batch key), and the same timeout.
 * Inside the process each run (a test's same-seed attempts, then its fresh-seed attempts) runs
 * in forked children (see the plugin's --ft-plan), so it starts from the state right after
 * collection, as in a process of its own, and whatever it leaves in module state, os.environ or
 * the global generators dies with its child: one test cannot contaminate another's verdict, nor
 * its own same-seed run its fresh-seed run. A child serves a run's attempts while each ends in
 * a way a child's first (clean) attempt ended; one that ends otherwise runs again in a new child
 * (the plugin's _repeat says why). Tests of different files are not batched even so:
 * importing a file can have side effects (conftest hooks, monkeypatching at import) that the
 * other file's tests would then see, which a process of their own would not show.
 *
 * Sharing the work: up to `jobs` processes serve one batch at once. Each is given the tests that
 * no process runs yet; before running a test the plugin creates the test's claim file (O_EXCL),
 * so each test runs in exactly one process, and a process that is done with a test takes the
 * next one nobody has taken. The tests spread over the workers as they finish, so one slow test
 * does not leave a worker idle behind a split made up front.
 *
 * Failures cost what they cost one test on its own: an attempt that hangs is killed after its
 * timeout (with the whole process), an attempt that crashes takes the process down; either
 * counts as that attempt's timedOut/crashed trial, and a new process runs only the work left:
 * the rest of that test's runs (under a new claim file: the dead process holds the old one) and
 * the tests nobody took. A run that settles early (mixed outcomes, timeouts in a row) is stopped
 * through its stop file, which the plugin checks before each attempt. Anything this path cannot
 * explain (a test pytest does not find, a process that dies before running the test) sends the
 * test back to the one-test path, which reports it exactly as before.
 */
import { existsSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RerunTally, Trial } from "../model.js";
import { describeCannotRun, runPlanBatch } from "./attempts.js";
import type { InvocationRequest, RerunDriver } from "./drivers/types.js";
import { rerunEnv } from "./env.js";
import { ACK_AFTER_SEC, CHILD_OVERHEAD_GUESS_MS, EXTRA_PROCESS_WORK_FACTOR, KILL_GRACE_MS, MAX_CLAIM_STALLS, STARTUP_ALLOWANCE_SEC } from "./limits.js";
import type { RerunPhase, RerunRequest } from "./plan.js";
import type { PlanEntry, PlanRun } from "./pytest-plugin.js";
import { ensurePlugin, recordedTimeouts, tallyTrial, type BatchedResult, type RerunContext } from "./rerun.js";
import { emptyTally } from "./tally.js";
import { copyIn } from "./copy-in.js";
import { freshSeedsFor } from "./seed-apply.js";

/** The note of a member no batch process got to: its start-up or collection outlasted the timeout. */
const HUNG_BEFORE_TEST = "the rerun process hung before running the test";

export interface BatchMember {
  req: RerunRequest;
  driver: RerunDriver;
}

/** The same-seed request a driver sees for a member (the one-test path builds the same). */
export function sameSeedRequest(req: RerunRequest, attempts: number, resultsFile: string, workDir: string): InvocationRequest {
  return { test: req.test, seed: req.seed, mode: "repeat", attempts, freshSeeds: null, resultsFile, workDir, stopWhenMixed: true, freshPasses: true };
}

/** The fresh-seed request (the one-test path runs it with the same seeds and flags). */
function freshSeedRequest(req: RerunRequest, seeds: string[]): InvocationRequest {
  return { test: req.test, seed: req.seed, mode: "repeat", attempts: seeds.length, freshSeeds: seeds, resultsFile: "", workDir: "", stopWhenMixed: false, freshPasses: true };
}

/** What the batch hands back per member: its results, null (run it alone) or undefined (never started). */
export type BatchOutcome = BatchedResult | null | undefined;

interface RunState {
  phase: Exclude<RerunPhase, "order">;
  total: number;
  /** Fresh seeds, one per attempt; null for the same-seed run. */
  seeds: string[] | null;
  stopWhenMixed: boolean;
  trials: Trial[];
  tally: RerunTally;
  consecutiveTimeouts: number;
  settled: boolean;
  stopFile: string;
}

interface MemberState {
  m: BatchMember;
  index: number;
  runs: RunState[];
  /**
   * What an attempt is expected to take by CI's run (ms): its recorded time, or its timeout when
   * it timed out there (it is expected to again). See worthAnother.
   */
  recordedAttemptMs: number;
  /** The process (our number) that claimed it and still runs, or null. */
  owner: number | null;
  /** Generation of its claim file: a claim held by a process that died is never reused. */
  claimGen: number;
  /** Claimed at least once: the plugin's not-after check no longer skips it (the budget's end still stops it, as any abort). */
  started: boolean;
  processes: number;
  lastProcess: number;
  notes: string[];
  cannotRun: boolean;
  /** Hand it to the one-test path (nothing of it ran here). */
  alone: boolean;
  /** Its claim file was left behind by a process that never said it took it. */
  stalls: number;
  reported: boolean;
}

interface LiveProcess {
  /** It has taken a test (so it is not about to take one of the waiting tests). */
  claimed: boolean;
  /** When we started it (ms). */
  startedAt: number;
  /** When it last took a test or ended an attempt (ms): how long its current attempt has run. */
  lastEventAt: number;
}

/**
 * One batch: members share the driver's batch key, cwd and timeout. Workers call `serve`
 * (several at once is fine); each member's outcome goes to `onDone` as soon as it is known,
 * so its remaining phase (the order check) can start while the batch runs on.
 */
export class Batch {
  private readonly states: MemberState[];
  private readonly live = new Map<number, LiveProcess>();
  private processNo = 0;
  /** A process of this batch could not start while another ran: no more side by side. */
  private noJoin = false;
  /** What a process of this batch took from its start to its first test (ms), once one did. */
  private startupMs: number | null = null;
  /** Attempts of the tests finished here, and the wall time they took from each claim (ms). */
  private timedAttempts = 0;
  private attemptsMs = 0;
  /** A wake-up for the workers when a live process will have spent a start-up's time in one attempt. */
  private recheck: NodeJS.Timeout | null = null;
  private workRoot: Promise<string> | null = null;

  constructor(
    members: readonly BatchMember[],
    private readonly ctx: RerunContext,
    /** Wall-clock ms after which no test of the batch starts (the time budget); Infinity: none. */
    private readonly notAfterMs: number,
    private readonly onDone: (member: BatchMember, outcome: BatchOutcome) => void,
    /** After each process of the batch ended (work may be waiting for another worker). */
    private readonly onChange: () => void = () => {},
  ) {
    this.states = members.map((m, index) => {
      const timeouts = recordedTimeouts(m.req.test);
      const runs: RunState[] = [newRun("same-seed", m.req.reruns, null, true, timeouts)];
      const fresh = freshRun(m);
      if (fresh !== null) runs.push(newRun("fresh-seeds", fresh.length, fresh, false, 0));
      return {
        m,
        index,
        runs,
        recordedAttemptMs: Math.max((m.req.test.durationSec ?? 0) * 1000, timeouts > 0 ? m.req.timeoutSec * 1000 : 0),
        owner: null,
        claimGen: 0,
        started: false,
        processes: 0,
        lastProcess: 0,
        notes: [],
        cannotRun: false,
        alone: false,
        stalls: 0,
        reported: false,
      };
    });
  }

  /**
   * Whether a process started now would find a test no other process is about to take, and,
   * beside a live one, would be worth its start-up (worthAnother).
   */
  wantsProcess(): boolean {
    if (this.ctx.signal?.aborted) return false;
    if (this.noJoin && this.live.size > 0) return false;
    const waiting = [...this.live.values()].filter((p) => !p.claimed).length;
    const plannable = this.plannable();
    if (plannable.length <= waiting) return false;
    return this.live.size === 0 || this.worthAnother(plannable);
  }

  /** Whether a process beside the live ones pays for its start-up (extraProcessPays). */
  private worthAnother(plannable: readonly MemberState[]): boolean {
    const timed = this.timedAttempts > 0 ? this.attemptsMs / this.timedAttempts : null;
    let workMs = 0;
    for (const s of plannable) {
      const { attempts, runs } = workLeft(s);
      workMs += timed === null ? attempts * s.recordedAttemptMs + runs * CHILD_OVERHEAD_GUESS_MS : attempts * Math.max(timed, s.recordedAttemptMs);
    }
    let busySince: number | null = null;
    for (const p of this.live.values()) if (p.claimed) busySince = Math.max(busySince ?? -Infinity, p.lastEventAt);
    const now = Date.now();
    const pays = extraProcessPays({
      workMs,
      startupMs: this.startupMs,
      allowanceMs: (this.ctx.startupAllowanceSec ?? STARTUP_ALLOWANCE_SEC) * 1000,
      busyForMs: busySince === null ? null : now - busySince,
    });
    if (pays === true) return true;
    if (pays !== false) this.wakeAt(pays);
    return false;
  }

  /** Wakes the workers (onChange) in `ms`, to ask wantsProcess again. */
  private wakeAt(ms: number): void {
    if (this.recheck !== null) clearTimeout(this.recheck);
    this.recheck = setTimeout(() => {
      this.recheck = null;
      this.onChange();
    }, Math.max(1, ms));
    // The live process keeps the loop alive; a wake-up after the batch is done is no reason to.
    this.recheck.unref();
  }

  /** Every member has been handed back. */
  get finished(): boolean {
    return this.states.every((s) => s.reported);
  }

  /** Runs processes for the batch while there is work no live process has. */
  async serve(): Promise<void> {
    while (this.wantsProcess()) await this.runProcess();
    this.settle();
  }

  /**
   * After an internal error (not a test's: those are results): the members not yet handed
   * back, now marked as handed back, for the caller to report as failed.
   */
  abandon(): BatchMember[] {
    const left = this.states.filter((s) => !s.reported);
    for (const s of left) s.reported = true;
    return left.map((s) => s.m);
  }

  private late(): boolean {
    return Date.now() >= this.notAfterMs;
  }

  private complete(s: MemberState): boolean {
    return s.alone || s.cannotRun || s.runs.every((r) => r.settled || r.tally.runs >= r.total);
  }

  /** Members a new process may be given: unfinished, held by no live process, allowed to start. */
  private plannable(): MemberState[] {
    return this.states.filter((s) => !s.reported && !this.complete(s) && s.owner === null && !(!s.started && this.late()));
  }

  private claimFile(root: string, s: MemberState): string {
    return path.join(root, "claims", `${s.index}-${s.claimGen}`);
  }

  private async runProcess(): Promise<void> {
    // Registered before the first await, so a worker asking wantsProcess() meanwhile sees it.
    const no = ++this.processNo;
    const startedAt = Date.now();
    const live: LiveProcess = { claimed: false, startedAt, lastEventAt: startedAt };
    this.live.set(no, live);
    const todo = this.plannable();
    try {
      if (todo.length === 0) return;
      await this.runPlan(no, live, todo);
    } finally {
      this.live.delete(no);
      this.reportReady();
      this.settle();
      this.onChange();
    }
  }

  private async runPlan(no: number, live: LiveProcess, todo: MemberState[]): Promise<void> {
    const { ctx } = this;
    const batch = todo[0]!.m.driver.batch!;
    this.workRoot ??= (async () => {
      const root = await mkdtemp(path.join(ctx.runDir, "batch-"));
      await mkdir(path.join(root, "claims"));
      return root;
    })();
    const root = await this.workRoot;
    const pluginDir = await ensurePlugin(ctx.runDir);
    const dir = path.join(root, `process-${no}`);
    await mkdir(dir, { recursive: true });
    const resultsFile = path.join(dir, "results.jsonl");
    const planFile = path.join(dir, "plan.json");
    const notAfter = Number.isFinite(this.notAfterMs) ? this.notAfterMs / 1000 : null;
    const gens = todo.map((s) => s.claimGen);
    const plan: PlanEntry[] = todo.map((s) => ({
      id: s.m.req.test.id,
      runs: s.runs.map((r, i) => planRun(s.m, r, path.join(root, `stop-${s.index}-${i}`))),
      claim: this.claimFile(root, s),
      // A test that already started is not skipped by the plugin's clock (a new process after a
      // crash resumes it); the budget's end stops it as an abort does, from our side.
      notAfter: s.started ? null : notAfter,
    }));
    await writeFile(planFile, JSON.stringify(plan), "utf8");
    const requests = todo.map((s) => sameSeedRequest(s.m.req, s.m.req.reruns, resultsFile, dir));
    const inv = batch.invocation({ requests, planFile, resultsFile, workDir: dir });
    const req0 = todo[0]!.m.req;
    await copyIn(inv.copyIn, req0.cwd);
    const owned = new Set<MemberState>();
    const progressed = new Set<MemberState>();
    /** Wall time this process spent on each member, from its claim to its last attempt's end. */
    const busy = new Map<MemberState, number>();
    const res = await runPlanBatch({
      argv: inv.argv,
      cwd: req0.cwd,
      env: { ...rerunEnv(ctx.env, pluginDir), ...inv.env },
      resultsFile,
      seedOf: (k, run, a) => {
        const seeds = plan[k]?.runs[run]?.seeds ?? [];
        if (seeds.length > 0) return seeds[Math.min(a, seeds.length - 1)] ?? null;
        const s = todo[k];
        return s === undefined ? null : recordedSeed(s.m);
      },
      timeoutMs: req0.timeoutSec * 1000,
      startupMs: (ctx.startupAllowanceSec ?? STARTUP_ALLOWANCE_SEC) * 1000,
      killGraceMs: ctx.killGraceMs ?? KILL_GRACE_MS,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onClaim: (k) => {
        const s = todo[k];
        if (s === undefined) return;
        s.owner = no;
        s.started = true;
        const now = Date.now();
        if (!live.claimed) {
          this.startupMs = Math.min(this.startupMs ?? Infinity, now - live.startedAt);
          // Its start-up is known now: a worker may start another process (worthAnother).
          this.onChange();
        }
        live.claimed = true;
        live.lastEventAt = now;
        owned.add(s);
      },
      onLateClaim: (k) => {
        const s = todo[k];
        if (s === undefined || gens[k] !== s.claimGen || s.owner !== null) return;
        // Its claim file now exists with nobody to run the test: the next process needs a new one
        // (it would otherwise find the test taken, and start, collect and take nothing). A stall
        // all the same: a process that only ever gets to the test after our kill (collection
        // slower than the timeout) must not be restarted for ever.
        this.stall(s, HUNG_BEFORE_TEST);
      },
      onTrial: (k, run, t) => {
        const s = todo[k];
        if (s === undefined) return;
        const now = Date.now();
        const spent = (busy.get(s) ?? 0) + (now - live.lastEventAt);
        busy.set(s, spent);
        live.lastEventAt = now;
        if (this.count(s, run, t, no)) progressed.add(s);
        if (this.complete(s)) {
          // A whole test's attempts, its children's forks and imports with them: what the
          // tests left are expected to take per attempt (the first attempt of a child alone
          // would overstate it, a repeat alone understate it).
          this.timedAttempts += s.runs.reduce((n, r) => n + r.tally.runs, 0);
          this.attemptsMs += spent;
          if (this.plannable().length > 0) this.onChange();
        }
      },
    });
    if (res.aborted) {
      for (const s of owned) s.owner = null;
      return;
    }
    const othersLive = this.live.size > 1;
    if (!res.collected) {
      // It never got through collection. With another process of the batch running, that one
      // goes on with these tests; alone, these tests get what a one-test process would give.
      if (othersLive) {
        this.noJoin = true;
        return;
      }
      todo.forEach((s, i) => {
        if (gens[i] !== s.claimGen || s.owner !== null || this.complete(s)) return;
        const run = currentRun(s);
        if (res.hungBeforeStart && run !== undefined && s.runs.some((r) => r.tally.runs > 0)) {
          // As the one-test path: a process that hangs before its first attempt is one timeout.
          this.count(s, s.runs.indexOf(run), timedOut(s, run, res.process.durationMs), no);
        } else this.notRun(s, res.cannotRun ?? HUNG_BEFORE_TEST);
      });
      return;
    }
    for (const k of res.missing ?? []) {
      const s = todo[k];
      if (s !== undefined) this.notRun(s, "pytest did not find the test");
    }
    for (const s of owned) {
      s.owner = null;
      if (this.complete(s)) continue;
      // Its claim file stays with the dead process: the rest runs under a new one.
      s.claimGen++;
      if (progressed.has(s)) continue;
      // It died (or hung) between taking the test and its first attempt.
      const run = currentRun(s);
      if (res.timedOut && run !== undefined) this.count(s, s.runs.indexOf(run), timedOut(s, run, res.process.durationMs), no);
      else this.notRun(s, describeCannotRun(inv.argv, res.process, null));
    }
    if (!othersLive && owned.size === 0) {
      // Defensive: the only process of the batch took none of its tests. It hung before the
      // first, or their claim files exist without a process that said it took them; either way
      // a new process must not meet the same wall for ever.
      const why = res.timedOut ? HUNG_BEFORE_TEST : "the rerun process ended without running an attempt";
      todo.forEach((s, i) => {
        if (gens[i] !== s.claimGen || s.owner !== null || this.complete(s) || (!s.started && this.late())) return;
        this.stall(s, why);
      });
    }
  }

  /** Counts a trial into run `run` of a member; false when it no longer counts (settled, or an extra). */
  private count(s: MemberState, runIndex: number, t: Trial, no: number): boolean {
    const r = s.runs[runIndex];
    if (r === undefined || r.settled || r.tally.runs >= r.total || s.cannotRun || s.alone) return false;
    // Timeouts in a row run on from the phase before (see recordedTimeouts).
    if (r.tally.runs === 0 && runIndex > 0) r.consecutiveTimeouts = s.runs[runIndex - 1]?.consecutiveTimeouts ?? 0;
    r.trials.push(t);
    const out = tallyTrial(r.tally, r.consecutiveTimeouts, t, r.stopWhenMixed, r.total);
    r.consecutiveTimeouts = out.consecutiveTimeouts;
    if (s.lastProcess !== no) {
      s.lastProcess = no;
      s.processes++;
    }
    this.ctx.onProgress?.({ id: s.m.req.test.id, phase: r.phase, done: r.tally.runs, total: r.total });
    try {
      if (out.settled) {
        r.settled = true;
        writeFileSync(r.stopFile, "");
      }
      // The plugin waits for this after a slow failure (see PlanRun.ackFile); written after the
      // stop file, so it finds that first.
      if (t.kind === "failed" && t.durationSec >= ACK_AFTER_SEC) writeFileSync(ackFile(r), String(r.tally.runs));
    } catch {
      // Then the plugin runs (or waits for) attempts we do not count: only time lost.
    }
    if (this.complete(s)) this.report(s);
    return true;
  }

  /** What this path cannot run: before any attempt, the one-test path; after, a note. */
  /**
   * A process got no further with the member than its claim file: the next process gets a new
   * one, and after MAX_CLAIM_STALLS of these the member takes the one-test path.
   */
  private stall(s: MemberState, why: string): void {
    s.claimGen++;
    if (++s.stalls >= MAX_CLAIM_STALLS) this.notRun(s, why);
  }

  private notRun(s: MemberState, why: string): void {
    if (s.runs.every((r) => r.tally.runs === 0)) {
      s.alone = true;
      return;
    }
    const run = currentRun(s) ?? s.runs[0]!;
    const gone = !existsSync(s.m.req.cwd) ? ` (working directory ${s.m.req.cwd} no longer exists)` : "";
    s.notes.push(`${run.phase}: ${why}${gone}`);
    s.cannotRun = true;
  }

  private reportReady(): void {
    for (const s of this.states) if (!s.reported && s.owner === null && this.complete(s)) this.report(s);
  }

  /** With no process left and nothing to plan (time budget, abort), hands back every member left. */
  settle(): void {
    if (this.live.size > 0 || (this.plannable().length > 0 && !this.ctx.signal?.aborted)) return;
    for (const s of this.states) this.report(s);
  }

  private report(s: MemberState): void {
    if (s.reported) return;
    s.reported = true;
    let outcome: BatchOutcome;
    if (s.alone) outcome = null;
    // Never started (time budget, abort): no result, as for a test the pool never reached.
    else if (!s.started && s.runs.every((r) => r.tally.runs === 0) && !s.cannotRun) outcome = undefined;
    else {
      const [same, fresh] = s.runs;
      outcome = {
        sameSeed: { trials: same!.trials, tally: same!.tally },
        freshSeeds: fresh === undefined ? null : { trials: fresh.trials, tally: fresh.tally },
        processes: s.processes,
        notes: s.notes,
        cannotRun: s.cannotRun,
        unfinished: s.runs.some((r) => !r.settled && r.tally.runs < r.total),
      };
    }
    try {
      this.onDone(s.m, outcome);
    } catch {
      // A reporting callback must not stop the batch.
    }
  }
}

function newRun(phase: RunState["phase"], total: number, seeds: string[] | null, stopWhenMixed: boolean, timeoutsBefore: number): RunState {
  return {
    phase,
    total,
    seeds,
    stopWhenMixed,
    trials: [],
    tally: emptyTally(),
    consecutiveTimeouts: timeoutsBefore,
    settled: total <= 0,
    // Named when the batch's directory exists (planRun).
    stopFile: "",
  };
}

/** The fresh seeds the batch runs for a member, or null when the one-test path must (or skips them). */
function freshRun(m: BatchMember): string[] | null {
  const { req, driver } = m;
  if (req.freshSeeds <= 0 || req.seed === null || !driver.seedSupport(req.seed).fresh) return null;
  const seeds = freshSeedsFor(req.seed, req.freshSeeds);
  if (seeds.length === 0) return null;
  return driver.batch?.run(freshSeedRequest(req, seeds)) ? seeds : null;
}

/** The run's remaining attempts as the plan gives them to the plugin (none: attempts 0). */
function planRun(m: BatchMember, r: RunState, stopFile: string): PlanRun {
  r.stopFile = stopFile;
  const left = r.settled ? 0 : Math.max(0, r.total - r.tally.runs);
  const req =
    r.seeds === null ? sameSeedRequest(m.req, left, "", "") : freshSeedRequest(m.req, r.seeds.slice(r.tally.runs, r.tally.runs + left));
  const run = left > 0 ? m.driver.batch?.run(req) : null;
  if (!run) return { attempts: 0, seeds: [], seedEnv: [], globalSeed: false, stopWhenMixed: false, stopFile: null, ackFile: null, ackAfter: null };
  return { ...run, attempts: Math.min(run.attempts, left), stopFile, ackFile: ackFile(r), ackAfter: ACK_AFTER_SEC };
}

function ackFile(r: RunState): string {
  return `${r.stopFile}.ack`;
}

/** The seed the one-test path records for a same-seed attempt: the recorded one, where it went back. */
function recordedSeed(m: BatchMember): string | null {
  return m.driver.seedSupport(m.req.seed).reapply ? (m.req.seed?.value ?? null) : null;
}

/**
 * Whether a process started beside a batch's live ones pays for its start-up: true, false, or
 * the ms after which it will unless something changes (a live process held by one attempt).
 *
 * A second process pays the whole start-up again (interpreter, imports, collection: seconds,
 * where a quick test's attempts take milliseconds), and on a machine whose cores it shares with
 * the first it slows that one down as it starts: started for a few quick tests, it made the
 * reruns slower than one process (3.5 s against 3.0 s for 8 tests x 10 attempts on 2 cores). So
 * it starts when the work nobody has taken (`workMs`) is expected to last
 * EXTRA_PROCESS_WORK_FACTOR start-ups of the first process (`startupMs`, from its spawn to its
 * first test; unknown before that, when only minutes of work, three of the longest start-ups
 * allowed, start one at once), or when the most recently active live process has spent a
 * start-up's time in one attempt (`busyForMs`: a test slower than its record, or one that
 * hangs; the work waiting behind it is better begun anew, as a renter buys once the rent
 * reaches the price).
 */
export function extraProcessPays(p: { workMs: number; startupMs: number | null; allowanceMs: number; busyForMs: number | null }): boolean | number {
  if (p.startupMs === null) return p.workMs >= EXTRA_PROCESS_WORK_FACTOR * p.allowanceMs;
  if (p.workMs >= EXTRA_PROCESS_WORK_FACTOR * p.startupMs) return true;
  if (p.busyForMs === null) return false;
  return p.busyForMs >= p.startupMs ? true : p.startupMs - p.busyForMs;
}

/** Attempts a member has still to run, and in how many runs (a forked child each, at least). */
function workLeft(s: MemberState): { attempts: number; runs: number } {
  let attempts = 0;
  let runs = 0;
  for (const r of s.runs) {
    const left = r.settled ? 0 : Math.max(0, r.total - r.tally.runs);
    attempts += left;
    if (left > 0) runs++;
  }
  return { attempts, runs };
}

function currentRun(s: MemberState): RunState | undefined {
  return s.runs.find((r) => !r.settled && r.tally.runs < r.total);
}

function timedOut(s: MemberState, run: RunState, durationMs: number): Trial {
  const seed = run.seeds === null ? recordedSeed(s.m) : (run.seeds[run.tally.runs] ?? null);
  return { kind: "timedOut", ...(seed !== null ? { seed } : {}), durationSec: durationMs / 1000 };
}
