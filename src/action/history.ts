/**
 * A small per-branch history of verdicts, kept in the Actions cache between runs: test id ->
 * last outcomes and first seen, from which "new flaky test" and "flaky in 7 of last 30 runs"
 * follow. The cache is a convenience: any failure to restore or save is a warning.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Report, Verdict } from "../model.js";
import type { HistoryView, TestHistoryView } from "../render/format.js";
import type { GitHubEnvironment } from "./inputs.js";
import { HISTORY_CACHE_PREFIX, HISTORY_MAX_TESTS, HISTORY_RUNS } from "./limits.js";

/**
 * One character per recorded run: D deterministic, I intermittent, N not reproduced, R failed
 * but not rerun, P did not fail. A string keeps the cached file small.
 */
type OutcomeCode = "D" | "I" | "N" | "R" | "P";

const CODE: Record<Verdict, OutcomeCode> = { deterministic: "D", intermittent: "I", "not-reproduced": "N", "not-rerun": "R" };
const FLAKY = /[IN]/g;

export interface HistoryFile {
  version: 1;
  tests: Record<string, { outcomes: string; firstSeen: string }>;
}

export const HISTORY_FILE_NAME = "history.json";

export function emptyHistory(): HistoryFile {
  return { version: 1, tests: noPrototype() };
}

/**
 * A map from test ids to entries without Object.prototype behind it: ids come from reports, and
 * a test called `constructor`, `toString` or `__proto__` (mocha ids are bare titles) must be
 * one more key, not an inherited function or the object's prototype.
 */
function noPrototype<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Reads a restored file defensively: a cache entry is data from an earlier run, not trusted code. */
export function parseHistory(text: string): HistoryFile {
  const data: unknown = JSON.parse(text);
  const out = emptyHistory();
  if (typeof data !== "object" || data === null || (data as { version?: unknown }).version !== 1) return out;
  const tests = (data as { tests?: unknown }).tests;
  if (typeof tests !== "object" || tests === null) return out;
  for (const [id, entry] of Object.entries(tests)) {
    const e = entry as { outcomes?: unknown; firstSeen?: unknown };
    if (typeof e.outcomes === "string" && /^[DINRP]*$/.test(e.outcomes) && typeof e.firstSeen === "string") {
      out.tests[id] = { outcomes: e.outcomes.slice(-HISTORY_RUNS), firstSeen: e.firstSeen };
    }
  }
  return out;
}

/** Adds this run: failing tests get their verdict, tracked tests that did not fail get P. */
export function recordRun(previous: HistoryFile, report: Report, now: Date): HistoryFile {
  const next = emptyHistory();
  const failing = new Map(report.tests.map((t) => [t.id, CODE[t.verdict]]));
  for (const [id, entry] of Object.entries(previous.tests)) {
    next.tests[id] = { outcomes: (entry.outcomes + (failing.get(id) ?? "P")).slice(-HISTORY_RUNS), firstSeen: entry.firstSeen };
  }
  for (const [id, code] of failing) {
    next.tests[id] ??= { outcomes: code, firstSeen: now.toISOString() };
  }
  // Forget tests with no failure left in the window, then the ones that failed longest ago.
  const lastFailure = (o: string): number => Math.max(...["D", "I", "N", "R"].map((c) => o.lastIndexOf(c)));
  const kept = Object.entries(next.tests)
    .filter(([, e]) => lastFailure(e.outcomes) >= 0)
    .sort((a, b) => lastFailure(b[1].outcomes) - b[1].outcomes.length - (lastFailure(a[1].outcomes) - a[1].outcomes.length))
    .slice(0, HISTORY_MAX_TESTS);
  next.tests = Object.assign(noPrototype<HistoryFile["tests"][string]>(), Object.fromEntries(kept));
  return next;
}

/** What the summary and annotations say about each failing test of this run. */
export function historyView(history: HistoryFile, report: Report): HistoryView {
  const view = new Map<string, TestHistoryView>();
  for (const test of report.tests) {
    const entry = history.tests[test.id];
    if (entry === undefined) continue;
    const o = entry.outcomes;
    const flaky = o.match(FLAKY)?.length ?? 0;
    const before = o.slice(0, -1).match(FLAKY)?.length ?? 0;
    const trend: number[] = [];
    let seen = 0;
    for (let i = 0; i < o.length; i++) {
      if (o[i] === "I" || o[i] === "N") seen++;
      trend.push(seen / (i + 1));
    }
    view.set(test.id, { runs: o.length, flaky, newFlaky: flaky > 0 && before === 0 && /[IN]$/.test(o), firstSeen: entry.firstSeen, trend });
  }
  return view;
}

function digest(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 16);
}

/**
 * Cache keys are immutable, so each run saves under its own key; restoring goes by prefix,
 * this branch first, then the default branch (which GitHub lets every branch read). The
 * workflow/job/branch part is a fixed-length hash so that branch `main` cannot match
 * `main-old` by prefix, and names with commas (the restore-keys separator) stay harmless.
 */
export function historyKeys(gh: GitHubEnvironment): { key: string; restoreKeys: string[] } {
  const scope = (branch: string): string => `${HISTORY_CACHE_PREFIX}-${digest(gh.workflow, gh.job, branch)}-`;
  const restoreKeys = [scope(gh.branch)];
  if (gh.defaultBranch !== null && gh.defaultBranch !== gh.branch) restoreKeys.push(scope(gh.defaultBranch));
  return { key: `${scope(gh.branch)}${gh.runId}-${gh.runAttempt}`, restoreKeys };
}

/** Our view of the Actions cache, so the history logic is tested without the cache service. */
export interface HistoryCache {
  available(): boolean;
  restore(dir: string, key: string, restoreKeys: string[]): Promise<boolean>;
  save(dir: string, key: string): Promise<void>;
}

export async function actionsCache(): Promise<HistoryCache> {
  // Loaded only when history is on: @actions/cache and its Azure and HTTP clients took ~0.2 s
  // of every step's start-up to run, and ~0.09 s more to parse while they sat in
  // dist/index.js; ncc puts them in chunk files beside it (scripts/build.mjs ships those).
  const cache = await import("@actions/cache");
  return {
    available: () => cache.isFeatureAvailable(),
    restore: async (dir, key, restoreKeys) => (await cache.restoreCache([dir], key, restoreKeys)) !== undefined,
    save: async (dir, key) => void (await cache.saveCache([dir], key)),
  };
}

export interface HistoryResult {
  file: HistoryFile;
  view: HistoryView;
  warnings: string[];
}

/** Restores the history, records this run and saves it; problems come back as warnings. */
export async function updateHistory(
  cache: HistoryCache,
  dir: string,
  gh: GitHubEnvironment,
  report: Report,
  write: (path: string, data: string) => Promise<void>,
  now = new Date(),
): Promise<HistoryResult> {
  const warnings: string[] = [];
  const { key, restoreKeys } = historyKeys(gh);
  let previous = emptyHistory();
  if (!cache.available()) {
    warnings.push("history: the Actions cache service is not available in this run, so flake history is not kept.");
  } else {
    try {
      // This run's own key never exists yet; the prefixes do the matching.
      if (await cache.restore(dir, key, restoreKeys)) {
        const path = join(dir, HISTORY_FILE_NAME);
        if (existsSync(path)) previous = parseHistory(readFileSync(path, "utf8"));
      }
    } catch (err) {
      warnings.push(`history: could not restore the flake history from the Actions cache (${message(err)}); starting a new one.`);
    }
  }
  const file = recordRun(previous, report, now);
  // Without the cache there is no history: a view of this run alone read "flaky in 0 of last
  // 1 run, first seen today" on every annotation, as if one were kept.
  if (!cache.available()) return { file, view: new Map(), warnings };
  const view = historyView(file, report);
  try {
    await write(join(dir, HISTORY_FILE_NAME), JSON.stringify(file));
    await cache.save(dir, key);
  } catch (err) {
    warnings.push(`history: could not save the flake history to the Actions cache (${message(err)}).`);
  }
  return { file, view, warnings };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
