/**
 * `flaky-triage merge`: shards' verify reports into one. Counts are summed and the rate and
 * bound recomputed from the sums (never averaged); failing seeds are the union, in stream order
 * (shards are contiguous ranges of one stream, so shard order then file order is stream order).
 *
 * Only shards of one run merge: the same seed stream (base seed or seed-list digest, and total),
 * the same shard count, the same tests, each shard at most once. Anything else would sum
 * trials that may share seeds, or counts of different tests, into a bound that means nothing.
 */
import { UserError } from "../errors.js";
import type { VerifiedTest, VerifyReport } from "./model.js";
import { rateAndBound, type Counts } from "./tally.js";

export interface MergeInput {
  path: string;
  report: VerifyReport;
}

/** Parses one shard file, with a sentence naming it when it is not a verify report. */
export function parseVerifyReport(text: string, path: string): VerifyReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const r = data as Partial<VerifyReport> | null;
  if (typeof r !== "object" || r === null || r.mode !== "verify") {
    throw new UserError(`${path} is not a flaky-triage verify report (no "mode": "verify"); give the files verify --json wrote`);
  }
  if (r.schemaVersion !== 1) throw new UserError(`${path} has schemaVersion ${String(r.schemaVersion)}; this flaky-triage reads 1`);
  if (typeof r.seeds !== "object" || r.seeds === null || !Array.isArray(r.tests)) {
    throw new UserError(`${path} is a verify report without "seeds" or "tests"`);
  }
  const problem = shapeProblem(r as VerifyReport);
  if (problem !== null) throw new UserError(`${path} is not a verify report as verify --json writes it: ${problem}`);
  return r as VerifyReport;
}

const COUNTS = ["requested", "trials", "passed", "failed", "timedOut", "crashed", "skipped"] as const;

function count(v: unknown): boolean {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

/**
 * What merge relies on that the file does not hold, or null. A shard is a file someone hands
 * over (an artifact of another job): its counts are added, its shard numbers listed and its
 * seeds shown, so each must be what verify writes before any of it is used.
 */
function isSeedApply(a: unknown): boolean {
  if (typeof a !== "object" || a === null) return false;
  const o = a as Record<string, unknown>;
  return (
    ["env", "args", "global-rng"].includes(o["kind"] as string) &&
    Array.isArray(o["target"]) &&
    o["target"].every((x) => typeof x === "string") &&
    typeof o["source"] === "string" &&
    typeof o["detail"] === "string"
  );
}

function shapeProblem(r: VerifyReport): string | null {
  const s = r.seeds as unknown as Record<string, unknown>;
  if (!count(s["total"]) || (s["kind"] !== "random" && s["kind"] !== "list")) return '"seeds" needs "kind" random or list and a whole "total"';
  if (s["kind"] === "random" ? typeof s["baseSeed"] !== "string" : typeof s["file"] !== "string" || typeof s["sha256"] !== "string") {
    return '"seeds" lacks its base seed, or its list file and sha256';
  }
  const positive = (v: unknown): boolean => count(v) && (v as number) >= 1;
  if (r.shard !== undefined && !(typeof r.shard === "object" && r.shard !== null && positive(r.shard.index) && positive(r.shard.count) && r.shard.index <= r.shard.count)) {
    return '"shard" needs whole numbers 1 <= index <= count';
  }
  const m = r.merged;
  if (m !== undefined && !(typeof m === "object" && m !== null && positive(m.count) && [m.shards, m.missing].every((a) => Array.isArray(a) && a.every((i) => positive(i) && i <= m.count)))) {
    return '"merged" needs a whole "count" and "shards" and "missing" of whole numbers up to it';
  }
  for (const [i, t] of r.tests.entries()) {
    if (typeof t !== "object" || t === null || typeof t.id !== "string") return `tests[${i}] has no string "id"`;
    const bad = COUNTS.find((k) => !count(t[k]));
    if (bad !== undefined) return `tests[${i}] ("${t.id.slice(0, 80)}") has "${bad}" that is not a whole number`;
    if (!Array.isArray(t.failingSeeds) || !t.failingSeeds.every((x) => typeof x === "string")) return `tests[${i}] has "failingSeeds" that are not strings`;
    if (typeof t.durationSec !== "number" || !Number.isFinite(t.durationSec)) return `tests[${i}] has no numeric "durationSec"`;
    for (const k of ["reproduce", "firstFailure", "note"] as const) {
      if (t[k] !== null && typeof t[k] !== "string") return `tests[${i}] has "${k}" that is neither a string nor null`;
    }
    const a = t.seedApply as unknown;
    if (a !== null && !isSeedApply(a)) return `tests[${i}] has "seedApply" that is not null or {kind, target (strings), source, detail}`;
  }
  return null;
}

function streamKey(r: VerifyReport): string {
  const s = r.seeds;
  return s.kind === "random" ? `base seed ${s.baseSeed}, ${s.total} trials` : `seed list ${s.file} (sha256 ${s.sha256.slice(0, 12)}), ${s.total} trials`;
}

/** Shard count and the shard indices an input covers (an unsharded run is shard 1 of 1). */
function coverage(r: VerifyReport): { count: number; shards: number[] } {
  if (r.merged) return { count: r.merged.count, shards: r.merged.shards };
  if (r.shard) return { count: r.shard.count, shards: [r.shard.index] };
  return { count: 1, shards: [1] };
}

export function mergeReports(inputs: MergeInput[]): VerifyReport {
  if (inputs.length === 0) throw new UserError("merge needs at least one verify report");
  const first = inputs[0]!;
  const key = streamKey(first.report);
  const count = coverage(first.report).count;
  const ids = first.report.tests.map((t) => t.id);
  const owner = new Map<number, string>();
  for (const { path, report } of inputs) {
    if (streamKey(report) !== key) {
      throw new UserError(`${path} ran ${streamKey(report)} but ${first.path} ran ${key}: they are not shards of one verify run`);
    }
    const c = coverage(report);
    if (c.count !== count) throw new UserError(`${path} is split into ${c.count} shard(s) but ${first.path} into ${count}`);
    for (const s of c.shards) {
      const seen = owner.get(s);
      if (seen !== undefined) throw new UserError(`shard ${s}/${count} is in both ${seen} and ${path}; each shard may be merged once`);
      owner.set(s, path);
    }
    const theirs = report.tests.map((t) => t.id);
    const same = theirs.length === ids.length && theirs.every((id) => ids.includes(id));
    if (!same) {
      const diff = [...theirs.filter((id) => !ids.includes(id)), ...ids.filter((id) => !theirs.includes(id))];
      throw new UserError(`${path} and ${first.path} verify different tests (e.g. ${diff[0] ?? "?"}): they are not shards of one verify run`);
    }
  }

  // Shard order is stream order.
  const ordered = [...inputs].sort((a, b) => Math.min(...coverage(a.report).shards) - Math.min(...coverage(b.report).shards));
  const tests = ids.map((id) => mergeTest(ordered.map((i) => ({ shard: coverage(i.report).shards, t: i.report.tests.find((t) => t.id === id)! }))));
  const shards = [...owner.keys()].sort((a, b) => a - b);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((s) => !owner.has(s));
  const { shard: _shard, merged: _merged, ...rest } = first.report;
  return { ...rest, merged: { shards, count, missing }, tests };
}

function mergeTest(parts: { shard: number[]; t: VerifiedTest }[]): VerifiedTest {
  const c: Counts = { trials: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, skipped: 0 };
  let requested = 0;
  let durationSec = 0;
  const seeds: string[] = [];
  const seen = new Set<string>();
  const notes: string[] = [];
  const applies = new Set<string>();
  for (const { shard, t } of parts) {
    for (const k of ["trials", "passed", "failed", "timedOut", "crashed", "skipped"] as const) c[k] += t[k];
    requested += t.requested;
    durationSec += t.durationSec;
    for (const s of t.failingSeeds) {
      if (!seen.has(s)) {
        seen.add(s);
        seeds.push(s);
      }
    }
    if (t.note !== null) notes.push(`shard ${shard.join(",")}: ${t.note}`);
    if (t.seedApply !== null) applies.add(`${t.seedApply.kind} ${t.seedApply.target.join(" ")}`);
  }
  if (applies.size > 1) notes.push(`shards applied the seed differently (${[...applies].join("; ")})`);
  const firstFailing = parts.find(({ t }) => t.reproduce !== null || t.firstFailure !== null)?.t;
  const base = parts[0]!.t;
  return {
    id: base.id,
    requested,
    ...c,
    ...rateAndBound(c),
    failingSeeds: seeds,
    reproduce: firstFailing?.reproduce ?? null,
    firstFailure: firstFailing?.firstFailure ?? null,
    seedApply: base.seedApply,
    stoppedEarly: parts.some(({ t }) => t.stoppedEarly),
    note: notes.length > 0 ? notes.join("; ") : null,
    durationSec,
  };
}
