import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Keeps the heap of a run near what it holds, so that a report of hundreds of megabytes is
 * triaged in the memory of a small CI runner. V8 sizes its heap for throughput, and two of its
 * choices made most of the CLI's peak on the 500 MB bench report (31,000 failing tests; 216-224
 * MB RSS before this, 141-143 MB with it and the reader's smaller text budgets; bench/README.md):
 *
 * - The young generation doubles (2, 4, 8, 16, 32 MB) while much of what is allocated survives,
 *   as the failures a reader keeps do, and it does not shrink while work goes on. Stopped at
 *   8 MB it is ~20 MB less of the peak; stopped at V8's first 2 MB, reading took 18% longer. A
 *   command-line flag (`--max-semi-space-size`) cannot reach the Action, which the runner
 *   starts, nor `node dist/cli.js`; V8 reads its growth factor each time it grows the space, so
 *   setting that to 1 at run time stops the growth where it is. V8 still shrinks an idle young
 *   generation, and then it stays small: after minutes of reruns (the process idle, waiting),
 *   the work that follows scavenges more often (a review measured ~60 ms more GC after a 20 s
 *   rerun, on the 100 MB report), which is cheap beside the reruns themselves.
 * - The old generation is collected when it has grown by a factor of what the last full
 *   collection left. Each phase of the engine leaves the previous one's structures behind (the
 *   reader's buffers, the join's index, the failure text once seeds and tolerances are read
 *   from it), and without a full collection between phases they stacked up: ~45 MB of the peak.
 *   A full collection of the ~60 MB that stays takes 20-40 ms.
 *
 * Together they cost ~0.25 s of the 500 MB report's 3.2 s. Both are side effects on the
 * process, so they live here, at the edge; the engine only says when a phase has ended
 * (TriageHooks.afterPhase).
 */

/** New-space size (two semi-spaces) at which its growth stops. */
export const YOUNG_GENERATION_CAP_BYTES = 8 * 1024 * 1024;

/**
 * Heap in use below which a phase's end collects nothing: a small report's run (almost every
 * run) pays nothing for this, and there is little to gain below it.
 */
export const COLLECT_ABOVE_BYTES = 48 * 1024 * 1024;

/** The V8 flags set at run time (test/io/heap.test.ts runs them under Node 20 and 24). */
const V8_FLAGS = {
  stopYoungGrowth: "--semi-space-growth-factor=1",
  exposeGc: "--expose-gc",
  hideGc: "--no-expose-gc",
} as const;

/** How often the young generation's size is looked at while the event loop turns (reading). */
const WATCH_INTERVAL_MS = 2;

export interface HeapKeeper {
  /** After a phase of the engine: stops the young generation's growth if due, and collects when the heap is large. */
  afterPhase(): void;
  /** Stops watching (the process may exit without it: the timer does not hold it open). */
  stop(): void;
}

export interface HeapLimits {
  youngGenerationCapBytes: number;
  collectAboveBytes: number;
}

/**
 * Starts keeping the heap: from here the young generation stops growing once it reaches its
 * cap, for the rest of the process (V8's flags are the process's). Growth happens during
 * collections, so its size is looked at on a timer while reading, which awaits between blocks,
 * and at each phase's end, since the phases after reading run without yielding (the timer
 * stops at the first: reruns would wake it 500 times a second for minutes). A run whose reading
 * ends below the cap can grow past it in the join and extraction before the next look: not
 * seen on the bench reports, whose reading reaches the cap within its first megabytes.
 */
export function keepHeapSmall(limits: HeapLimits = { youngGenerationCapBytes: YOUNG_GENERATION_CAP_BYTES, collectAboveBytes: COLLECT_ABOVE_BYTES }): HeapKeeper {
  let capped = false;
  const capIfDue = (): void => {
    if (capped || newSpaceBytes() < limits.youngGenerationCapBytes) return;
    setFlagsFromString(V8_FLAGS.stopYoungGrowth);
    capped = true;
    clearInterval(timer);
  };
  const timer = setInterval(capIfDue, WATCH_INTERVAL_MS);
  timer.unref();
  return {
    afterPhase() {
      clearInterval(timer);
      capIfDue();
      if (getHeapStatistics().used_heap_size >= limits.collectAboveBytes) fullCollection();
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/**
 * Runs `work` with the heap kept small, given the hook to call as each of the engine's phases
 * ends (TriageHooks.afterPhase), and stops keeping it however `work` ends.
 */
export async function keepingHeapSmall<T>(work: (afterPhase: () => void) => Promise<T>): Promise<T> {
  const heap = keepHeapSmall();
  try {
    return await work(() => heap.afterPhase());
  } finally {
    heap.stop();
  }
}

/** The young generation's size: what its two semi-spaces take. */
export function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_size ?? 0;
}

let collect: (() => void) | undefined;

/**
 * A full garbage collection. `gc` exists only under `--expose-gc`; turned on at run time, it is
 * defined in contexts made after, so one is made to take it from, and the flag is turned off
 * again so no other context gets it.
 */
export function fullCollection(): void {
  if (collect === undefined) {
    setFlagsFromString(V8_FLAGS.exposeGc);
    try {
      collect = runInNewContext("gc") as () => void;
    } finally {
      setFlagsFromString(V8_FLAGS.hideGc);
    }
  }
  collect();
}
