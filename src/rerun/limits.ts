/** Limits of the rerun engine, in one place so they can be reviewed together. */

/**
 * Captured stdout/stderr per stream: the first and the last half MiB. Enough for pytest's
 * failure summary (at the end) and for start-up errors (at the start); a test that prints
 * gigabytes must not grow our memory, so the middle is counted and dropped.
 */
export const OUTPUT_HEAD_BYTES = 512 * 1024;
export const OUTPUT_TAIL_BYTES = 512 * 1024;

/** A single line handed to `onLine` is cut here; the rest of it, up to the newline, is dropped. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Between SIGTERM and SIGKILL. Two seconds lets pytest run its teardown and flush files on
 * SIGTERM; a child that ignores SIGTERM waits that long and no more.
 */
export const KILL_GRACE_MS = 2_000;

/**
 * After the process exited and its group was killed, how long we still wait for the pipes to
 * close. A grandchild that left our process group (setsid) can hold them open forever.
 */
export const PIPE_DRAIN_MS = 500;

/** How often the parent reads new lines from the plugin's results file. */
export const RESULTS_POLL_MS = 50;

/**
 * Extra time before the first line of each pytest process: interpreter start, imports
 * (numpy, torch, mxnet take seconds) and collection. Not counted against the test's timeout.
 */
export const STARTUP_ALLOWANCE_SEC = 60;

/**
 * The abort reason when the time budget stops the reruns (the scheduler's signal then aborts
 * with it), so notes can say why attempts were cut instead of calling it an interruption.
 */
export const TIME_BUDGET_SPENT = "time budget spent";

/** Consecutive timeouts after which a phase stops: the test hangs, more attempts only cost time. */
export const MAX_CONSECUTIVE_TIMEOUTS = 3;

/** The order check reruns the file up to the test at most this many times (each is a process). */
export const MAX_ORDER_ATTEMPTS = 3;

/** Messages we keep per trial or note (one line each; the report has the details). */
export const MAX_MESSAGE_CHARS = 500;

/**
 * Largest results file (vitest/jest JSON) read to judge one attempt. A filtered run lists
 * every test of the file, skipped ones included; 16 MiB covers files with tens of thousands
 * of tests and stays far from what a test process could make us hold.
 */
export const MAX_JUDGE_RESULTS_BYTES = 16 * 1024 * 1024;

/**
 * A batch's test whose claim file blocked this many processes in a row (each the only one
 * running, none taking it) goes back to the one-test path. Claims are made by our plugin right
 * before it says so, so this guards against a wall we cannot see, not a case we expect.
 */
export const MAX_CLAIM_STALLS = 2;

/**
 * A failed attempt of a batch (batch.ts) at least this long makes the plugin wait for our count
 * before the next one: the count may settle the run (its own timeouts, three in a row), and the
 * next attempt would cost as long again; the one-test path kills its process at that point
 * instead. Shorter attempts cost less to run than to wait for (we read results every 50 ms).
 */
export const ACK_AFTER_SEC = 1;

/**
 * A batch (batch.ts) starts a process beside a running one only when the attempts nobody has
 * taken are expected to last this many times what its first process took to start. Started
 * then, with W left and start-up S, the second is ready after S and takes half of what the
 * first has not done by then: the tests end at (W + S) / 2 instead of W, which saves at least
 * one start-up when W >= 3S. Less was not enough on 2 shared cores, where the second start
 * slows the first process down: at ~2.4 S of work the second process made it slower.
 */
export const EXTRA_PROCESS_WORK_FACTOR = 3;

/**
 * What a run of a batch (a forked child's fork and the imports the test does in it) is expected
 * to cost beyond its attempts' recorded times, until the batch has timed some of its attempts.
 */
export const CHILD_OVERHEAD_GUESS_MS = 60;
