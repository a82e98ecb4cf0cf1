/**
 * Rendering the verify report: the sentence about the bound (with the rule of three when no
 * trial failed), the terminal text and the Markdown for job summaries. Test ids, seeds and
 * messages are untrusted: terminal text goes through `sanitizeLine`, Markdown through the
 * escapers.
 */
import { sanitizeLine } from "../cli/sanitize.js";
import { codeBlock, codeSpan, escapeMarkdown } from "../render/escape.js";
import { percent } from "../render/format.js";
import { lowerBound } from "../stats.js";
import type { VerifiedTest, VerifyReport } from "./model.js";

/** Failing seeds listed in text and Markdown; the JSON has every one. */
export const SEEDS_SHOWN = 20;

function counted(t: VerifiedTest): number {
  return t.trials - t.skipped;
}

function bad(t: VerifiedTest): number {
  return t.failed + t.timedOut + t.crashed;
}

/**
 * One sentence on what the trials prove. With 0 failures in n the exact bound is
 * 1 - 0.05^(1/n), which is about 3/n (the "rule of three"); we print both.
 */
export function boundSentence(t: VerifiedTest): string {
  const n = counted(t);
  if (n === 0 || t.upperBound95 === null) {
    return t.trials > 0
      ? "every trial was skipped, so nothing is known about the failure rate"
      : "no trial ran to completion, so nothing is known about the failure rate";
  }
  const k = bad(t);
  if (k === 0) {
    return `0 of ${n} trials failed: with 95% confidence the failure rate is below ${percent(t.upperBound95)} (rule of three: 3/${n} = ${percent(3 / n)})`;
  }
  // Every trial failed: the bound worth saying is how often it fails at least.
  if (k === n) return `${k} of ${n} trials failed (100%): with 95% confidence the failure rate is at least ${percentDown(lowerBound(k, n))}`;
  return `${k} of ${n} trials failed (${percent(k / n)}): with 95% confidence the failure rate is below ${percent(t.upperBound95)}`;
}

/** A lower bound as a percentage, rounded down to three digits: 0.99970 is 99.9%, not 100%. */
function percentDown(p: number): string {
  const digits = Math.max(0, 2 - Math.floor(Math.log10(p * 100)));
  const scale = Math.pow(10, digits);
  return `${Math.floor(p * 100 * scale + 1e-9) / scale}%`;
}

export function tallyText(t: VerifiedTest): string {
  const parts = [`${t.trials} trial${t.trials === 1 ? "" : "s"}`, `${t.passed} passed`, `${t.failed} failed`];
  if (t.timedOut > 0) parts.push(`${t.timedOut} timed out`);
  if (t.crashed > 0) parts.push(`${t.crashed} crashed`);
  if (t.skipped > 0) parts.push(`${t.skipped} skipped`);
  if (t.trials < t.requested) parts.push(`of ${t.requested} requested`);
  return parts.join(", ");
}

function seedsText(seeds: readonly string[]): string {
  const shown = seeds.slice(0, SEEDS_SHOWN).join(", ");
  return seeds.length > SEEDS_SHOWN ? `${shown}, and ${seeds.length - SEEDS_SHOWN} more (all in --json)` : shown;
}

function applyText(t: VerifiedTest): string | null {
  const a = t.seedApply;
  if (a === null) return null;
  const how = a.kind === "env" ? `environment ${a.target.join(", ")}` : a.kind === "args" ? `arguments ${a.target.join(" ")}` : "seeding random/numpy/torch before each trial";
  return `${how} (${a.source}: ${a.detail})`;
}

function streamText(r: VerifyReport): string {
  const s = r.seeds;
  const stream = s.kind === "random" ? `base seed ${s.baseSeed}` : `seed list ${s.file}`;
  const part = r.shard ? `, shard ${r.shard.index}/${r.shard.count}` : "";
  const merged = r.merged
    ? `, merged shards ${r.merged.shards.join(", ")} of ${r.merged.count}${r.merged.missing.length > 0 ? ` (missing: ${r.merged.missing.join(", ")})` : ""}`
    : "";
  return `${stream} (${s.total} trials per test in all${part}${merged})`;
}

/** Plain text for the terminal or a CI log. */
export function renderVerifyText(r: VerifyReport): string {
  const out: string[] = [`flaky-triage verify: ${sanitizeLine(streamText(r))}`];
  for (const t of r.tests) {
    out.push("", sanitizeLine(t.id));
    out.push(`  ${tallyText(t)}`);
    out.push(`  ${boundSentence(t)}`);
    const how = applyText(t);
    if (how !== null) out.push(`  seed: ${sanitizeLine(how)}`);
    if (t.failingSeeds.length > 0) out.push(`  failing seeds (${t.failingSeeds.length}): ${sanitizeLine(seedsText(t.failingSeeds), 4000)}`);
    if (t.firstFailure !== null) out.push(`  first failure: ${sanitizeLine(t.firstFailure)}`);
    if (t.reproduce !== null) out.push(`  reproduce: ${sanitizeLine(t.reproduce, 4000)}`);
    if (t.note !== null) out.push(`  note: ${sanitizeLine(t.note, 1000)}`);
  }
  const failing = r.tests.filter((t) => bad(t) > 0).length;
  const unverified = r.tests.filter((t) => bad(t) === 0 && t.requested > 0 && counted(t) === 0).length;
  out.push(
    "",
    failing > 0
      ? `${failing} of ${r.tests.length} test(s) failed at least one trial.`
      : unverified > 0
        ? `No trial failed, but ${unverified} of ${r.tests.length} test(s) had no trial that counts (see their notes): ${unverified === 1 ? "it was" : "they were"} not verified.`
        : `No trial failed (${r.tests.length} test(s)).`,
  );
  return out.join("\n");
}

/** Markdown for a job summary or a file: a table, then details per failing test. */
export function renderVerifyMarkdown(r: VerifyReport): string {
  const out: string[] = ["## flaky-triage verify", "", escapeMarkdown(streamText(r)), ""];
  out.push("| Test | Trials | Failed | Failure rate | 95% upper bound |", "| --- | ---: | ---: | ---: | ---: |");
  for (const t of r.tests) {
    const rate = t.failureRate === null ? "n/a" : percent(t.failureRate);
    const ub = t.upperBound95 === null ? "n/a" : percent(t.upperBound95);
    out.push(`| ${codeSpan(t.id, { inTable: true })} | ${t.trials} | ${bad(t)} | ${rate} | ${ub} |`);
  }
  for (const t of r.tests) {
    out.push("", `### ${escapeMarkdown(t.id)}`, "", `${escapeMarkdown(tallyText(t))}. ${escapeMarkdown(boundSentence(t))}.`);
    const how = applyText(t);
    if (how !== null) out.push("", `Seed given as ${escapeMarkdown(how)}.`);
    if (t.failingSeeds.length > 0) {
      const shown = t.failingSeeds.slice(0, SEEDS_SHOWN).map((s) => codeSpan(s)).join(", ");
      const more = t.failingSeeds.length > SEEDS_SHOWN ? `, and ${t.failingSeeds.length - SEEDS_SHOWN} more (all in the JSON report)` : "";
      out.push("", `Failing seeds (${t.failingSeeds.length}): ${shown}${more}`);
    }
    if (t.firstFailure !== null) out.push("", `First failure: ${escapeMarkdown(t.firstFailure)}`);
    if (t.reproduce !== null) out.push("", "Reproduce the first failing seed:", "", codeBlock(t.reproduce, "sh"));
    if (t.note !== null) out.push("", `_${escapeMarkdown(t.note)}_`);
  }
  return out.join("\n") + "\n";
}

/**
 * Why a verify run fails, for the Action's error annotation (the Jenkins step words it the same
 * way, in VerifyParams.groovy): tests that failed trials and tests with no trial that counts are
 * named apart, since "retry the failing seeds" and "make the test run at all" are different fixes.
 * Null when verifyFailed is false.
 */
export function failureSentence(r: VerifyReport): string | null {
  const failing = r.tests.filter((t) => bad(t) > 0);
  const unverified = r.tests.filter((t) => bad(t) === 0 && t.requested > 0 && counted(t) === 0).length;
  const parts: string[] = [];
  if (failing.length > 0) {
    const trials = failing.reduce((n, t) => n + bad(t), 0);
    parts.push(`${failing.length} test(s) failed ${trials} trial(s)`);
  }
  if (unverified > 0) parts.push(`${unverified} test(s) had no trial that counts (every trial skipped itself, or the test could not run)`);
  return parts.length === 0 ? null : parts.join("; ");
}

/** Exit status: 1 when any trial failed, timed out or crashed, or a test could not run at all. */
export function verifyFailed(r: VerifyReport): boolean {
  return r.tests.some((t) => bad(t) > 0 || (t.requested > 0 && counted(t) === 0));
}
