/**
 * The one typed settings object the engine runs on. Each adapter (CLI flags, Action inputs,
 * Jenkins parameters via the CLI) builds and validates it once at its edge; nothing below
 * reads flags, inputs or the environment directly.
 */
export interface TriageSettings {
  /** Report files (JUnit XML, pytest or unittest console logs), already expanded from globs. */
  reports: string[];
  /** Project root for reruns and for resolving test files. Absolute. */
  cwd: string;
  /** Same-seed reruns per failing test. */
  reruns: number;
  /** Fresh-seed reruns per failing test (only where a seed can be re-applied). */
  freshSeeds: number;
  /** Per-attempt timeout in seconds. */
  rerunTimeoutSec: number;
  /** Parallel reruns. */
  jobs: number;
  /** Reruns stop after this many seconds (running ones too); null = no budget. */
  timeBudgetSec: number | null;
  /** User seed patterns: each has a named group `seed` and optionally `env`. */
  seedPatterns: RegExp[];
  /** argv template for reruns, e.g. ["tox", "-e", "py", "--", "{id}"]; null = built-in driver. */
  rerunCommand: string[] | null;
  /** Built-in driver for every test (pytest, vitest, jest, go); null = from each report's dialect. */
  runner?: string | null;
  /** Read and extract only. */
  rerun: boolean;
  /** At most this many failing tests are rerun; the rest get verdict not-rerun. */
  maxFailures: number;
}

export const DEFAULTS = {
  reruns: 10,
  freshSeeds: 10,
  rerunTimeoutSec: 60,
  maxFailures: 50,
} as const;
