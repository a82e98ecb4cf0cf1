/**
 * The only place flaky-triage starts processes. Always an argv array (`shell: false`): test
 * ids and seeds are untrusted. Each child runs under our reaper (reaper.ts), which leads its
 * own process group (`detached: true`, i.e. setsid): a timeout or an abort kills the whole
 * tree the test started, and a test that kills its own process group, its parent or its
 * parent's group reaches the reaper's group, never us.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import type { Readable } from "node:stream";
import { KILL_GRACE_MS, MAX_LINE_BYTES, OUTPUT_HEAD_BYTES, OUTPUT_TAIL_BYTES, PIPE_DRAIN_MS } from "./limits.js";
import { REAPER_NODE_OPTIONS, REAPER_SOURCE } from "./reaper.js";

/** Process groups of reruns still running, for `killAllNow`. */
const liveGroups = new Set<number>();

/**
 * SIGKILLs every rerun process group at once, synchronously: for an adapter about to exit
 * without waiting (a second Ctrl-C). The reapers would do it too once we are gone; this does
 * not depend on them noticing.
 */
export function killAllNow(): void {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  liveGroups.clear();
}

/** The reaper's environment: NODE_OPTIONS from the user is meant for the test, not for it. */
function reaperEnv(env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...env };
  delete out[REAPER_NODE_OPTIONS];
  if (out.NODE_OPTIONS !== undefined) {
    out[REAPER_NODE_OPTIONS] = out.NODE_OPTIONS;
    delete out.NODE_OPTIONS;
  }
  return out;
}

export type KillReason = "timeout" | "abort" | "caller";

export interface ProcessSpec {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string>>;
  /** Each complete line of output, cut at MAX_LINE_BYTES. */
  onLine?: (line: string, stream: "stdout" | "stderr") => void;
  /** Bytes kept per stream: half from the start, half from the end. */
  outputCapBytes?: number;
  /** Kill the process group after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Between SIGTERM and SIGKILL. */
  killGraceMs?: number;
}

export interface CapturedOutput {
  /** Head and tail of the stream, with a marker where bytes were dropped. */
  text: string;
  totalBytes: number;
  truncated: boolean;
}

export interface ProcessResult {
  pid: number | null;
  /** Null when the process died by a signal (or never started). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  stdout: CapturedOutput;
  stderr: CapturedOutput;
  /** Set when we killed it, and why. */
  killed: KillReason | null;
  /** The process could not be started (missing interpreter, missing working directory). */
  spawnError: string | null;
}

export interface RunningProcess {
  readonly pid: number | null;
  readonly done: Promise<ProcessResult>;
  /** Kills the process group: SIGTERM, then SIGKILL after the grace period. Idempotent. */
  kill(reason?: KillReason): void;
}

export function runProcess(spec: ProcessSpec): Promise<ProcessResult> {
  return startProcess(spec).done;
}

export function startProcess(spec: ProcessSpec): RunningProcess {
  const started = Date.now();
  const cap = spec.outputCapBytes ?? OUTPUT_HEAD_BYTES + OUTPUT_TAIL_BYTES;
  const out = new CappedBuffer(Math.floor(cap / 2), cap - Math.floor(cap / 2));
  const err = new CappedBuffer(Math.floor(cap / 2), cap - Math.floor(cap / 2));
  const grace = spec.killGraceMs ?? KILL_GRACE_MS;
  const [command, ...args] = spec.argv;
  const result = (partial: Partial<ProcessResult>): ProcessResult => ({
    pid: null,
    exitCode: null,
    signal: null,
    durationMs: Date.now() - started,
    stdout: out.result(),
    stderr: err.result(),
    killed: null,
    spawnError: null,
    ...partial,
  });
  if (command === undefined) {
    return { pid: null, done: Promise.resolve(result({ spawnError: "empty command" })), kill() {} };
  }
  if (spec.signal?.aborted) {
    return { pid: null, done: Promise.resolve(result({ killed: "abort" })), kill() {} };
  }

  let child;
  try {
    child = spawn(process.execPath, ["-e", REAPER_SOURCE, "--", command, ...args], {
      cwd: spec.cwd,
      env: reaperEnv(spec.env),
      shell: false,
      detached: true,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
  } catch (e) {
    // Synchronous failures: NUL bytes in an argument, invalid env. Reported like a spawn error.
    return { pid: null, done: Promise.resolve(result({ spawnError: String(e) })), kill() {} };
  }
  const pid = child.pid ?? null;
  if (pid !== null) liveGroups.add(pid);
  // The reaper's report of how the real child ended (see reaper.ts).
  // stdio is ["ignore", "pipe", "pipe", "pipe"], so these three exist.
  const stdout = child.stdio[1] as Readable;
  const stderr = child.stdio[2] as Readable;
  const control = child.stdio[3] as Readable;
  let controlText = "";
  control.on("data", (chunk: Buffer) => {
    if (controlText.length < 64 * 1024) controlText += chunk.toString("utf8");
  });
  control.on("error", () => {});
  const controlClosed = new Promise<void>((r) => control.once("close", () => r()));
  let killed: KillReason | null = null;
  let exited = false;
  let graceTimer: NodeJS.Timeout | undefined;
  /** Resolves once the group got its SIGKILL (set when a kill starts). */
  let groupKilled: Promise<void> | undefined;

  /** Signal 0 only probes: true while any process of the group exists. */
  const signalGroup = (sig: NodeJS.Signals | 0): boolean => {
    if (pid === null) return false;
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false; // ESRCH: nobody left in the group.
    }
  };
  const groupAlive = (): boolean => signalGroup(0);

  const kill = (reason: KillReason = "caller"): void => {
    if (killed !== null || exited) return;
    killed = reason;
    signalGroup("SIGTERM");
    // SIGKILL the group after the grace period even if the leader is gone by then: its
    // children may ignore SIGTERM and would otherwise outlive us as orphans.
    groupKilled = new Promise<void>((r) => {
      graceTimer = setTimeout(() => {
        signalGroup("SIGKILL");
        r();
      }, grace);
    });
  };

  const timeoutTimer = spec.timeoutMs !== undefined ? setTimeout(() => kill("timeout"), spec.timeoutMs) : undefined;
  const onAbort = (): void => kill("abort");
  spec.signal?.addEventListener("abort", onAbort, { once: true });

  const lines = {
    stdout: spec.onLine ? new LineSplitter((l) => spec.onLine?.(l, "stdout")) : null,
    stderr: spec.onLine ? new LineSplitter((l) => spec.onLine?.(l, "stderr")) : null,
  };
  // Keep reading even past the cap: a child blocked on a full pipe would never finish.
  stdout.on("data", (chunk: Buffer) => {
    out.push(chunk);
    lines.stdout?.push(chunk);
  });
  stderr.on("data", (chunk: Buffer) => {
    err.push(chunk);
    lines.stderr?.push(chunk);
  });
  const pipesClosed = Promise.all([
    new Promise<void>((r) => stdout.once("close", () => r())),
    new Promise<void>((r) => stderr.once("close", () => r())),
  ]);

  const done = new Promise<ProcessResult>((resolve) => {
    let settled = false;
    const finish = async (partial: Partial<ProcessResult>): Promise<void> => {
      if (settled) return;
      settled = true;
      exited = true;
      if (timeoutTimer) clearTimeout(timeoutTimer);
      spec.signal?.removeEventListener("abort", onAbort);
      if (groupKilled !== undefined && groupAlive()) {
        // We are killing it and members remain: wait for the scheduled SIGKILL.
        await groupKilled;
      } else {
        if (graceTimer !== undefined) clearTimeout(graceTimer);
        // The leader is gone; whatever it left behind in its group goes too.
        signalGroup("SIGKILL");
      }
      if (pid !== null) liveGroups.delete(pid);
      await Promise.race([Promise.all([pipesClosed, controlClosed]), delay(PIPE_DRAIN_MS)]);
      stdout.destroy();
      stderr.destroy();
      control.destroy();
      lines.stdout?.end();
      lines.stderr?.end();
      resolve(result({ pid, killed, ...partial, ...childStatus(controlText) }));
    };
    child.once("exit", (code, sig) => void finish({ exitCode: code, signal: sig }));
    // An error here is about the reaper (the interpreter we run on); the usual cause is cwd.
    child.once("error", (e) =>
      void finish({ spawnError: existsSync(spec.cwd) ? e.message : `working directory ${spec.cwd} does not exist` }),
    );
  });
  return { pid, done, kill };
}

/**
 * The real child's status from the reaper's report. None (the reaper itself was killed, by us
 * or by the test): the reaper's own status stands.
 */
function childStatus(text: string): Partial<ProcessResult> {
  const line = text.split("\n")[0] ?? "";
  try {
    const v = JSON.parse(line) as { exitCode?: unknown; signal?: unknown; spawnError?: unknown };
    if (typeof v.spawnError === "string") return { exitCode: null, signal: null, spawnError: v.spawnError };
    if (typeof v.exitCode === "number" || typeof v.signal === "string") {
      return {
        exitCode: typeof v.exitCode === "number" ? v.exitCode : null,
        signal: typeof v.signal === "string" ? (v.signal as NodeJS.Signals) : null,
      };
    }
  } catch {
    // No report.
  }
  return {};
}

/**
 * A wait that usually ends sooner (the race above): unref'd, so the timer left pending does not
 * hold the adapter's exit back by PIPE_DRAIN_MS. While the pipes are open they keep us alive.
 */
function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** Keeps the first `headCap` and the last `tailCap` bytes of a stream; counts the rest. */
export class CappedBuffer {
  private readonly head: Buffer[] = [];
  private headLen = 0;
  private tail: Buffer[] = [];
  private tailLen = 0;
  private total = 0;

  constructor(
    private readonly headCap: number,
    private readonly tailCap: number,
  ) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.headLen < this.headCap) {
      const take = Math.min(this.headCap - this.headLen, chunk.length);
      // Copy: the stream may reuse the chunk's memory pool.
      this.head.push(Buffer.from(chunk.subarray(0, take)));
      this.headLen += take;
      chunk = chunk.subarray(take);
    }
    if (chunk.length === 0 || this.tailCap === 0) return;
    if (chunk.length >= this.tailCap) {
      this.tail = [Buffer.from(chunk.subarray(chunk.length - this.tailCap))];
      this.tailLen = this.tailCap;
      return;
    }
    this.tail.push(Buffer.from(chunk));
    this.tailLen += chunk.length;
    while (this.tailLen > this.tailCap) {
      const first = this.tail[0]!;
      const excess = this.tailLen - this.tailCap;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailLen -= first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailLen -= excess;
      }
    }
  }

  result(): CapturedOutput {
    const kept = this.headLen + this.tailLen;
    const dropped = this.total - kept;
    const head = Buffer.concat(this.head).toString("utf8");
    const tail = Buffer.concat(this.tail).toString("utf8");
    if (dropped <= 0) return { text: head + tail, totalBytes: this.total, truncated: false };
    return {
      text: `${head}\n[... ${dropped} bytes of output omitted ...]\n${tail}`,
      totalBytes: this.total,
      truncated: true,
    };
  }
}

/** Splits a byte stream into lines, cutting lines longer than MAX_LINE_BYTES. */
class LineSplitter {
  private parts: Buffer[] = [];
  private len = 0;
  private overflow = false;

  constructor(private readonly emit: (line: string) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.add(chunk.subarray(start, nl));
      this.flush();
      start = nl + 1;
    }
    this.add(chunk.subarray(start));
  }

  end(): void {
    if (this.len > 0 || this.overflow) this.flush();
  }

  private add(part: Buffer): void {
    const room = MAX_LINE_BYTES - this.len;
    if (part.length > room) this.overflow = true;
    const take = part.subarray(0, Math.max(0, room));
    if (take.length > 0) {
      this.parts.push(Buffer.from(take));
      this.len += take.length;
    }
  }

  private flush(): void {
    const line = Buffer.concat(this.parts).toString("utf8").replace(/\r$/, "");
    this.parts = [];
    this.len = 0;
    this.overflow = false;
    this.emit(line);
  }
}
