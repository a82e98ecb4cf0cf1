/**
 * `flaky-triage explain`: the triage of a pasted log told to a person, one failing test at a
 * time, in the order the manual process works (docs reference "Fixing flaky tests"): the test
 * and its seed, how to reproduce it, the error against the tolerances, the likely cause, and
 * what to run to confirm it. Plain text; bold headings only on a terminal.
 */
import { hypothesisExample } from "../classify.js";
import { sanitizeLine } from "../cli/sanitize.js";
import { formatLow, formatNeeded, formatTolerance, guidelineFor } from "../diagnose/ladder.js";
import type { Report, Seed, SeedApply, Tolerance, TriagedTest } from "../model.js";
import { recogniserRunner } from "../seeds/recognisers.js";
import { shellQuote } from "./shell-quote.js";

/** Trials the reference asks for before a fix is called done ("more than 10000 passes"). */
export const CONFIRM_TRIALS = 10_000;

export interface ExplainOptions {
  /** The log as the user named it (`-` for stdin): used in the commands we print. */
  logArg: string;
  /** `--cwd` as the user typed it, when ids were resolved against a project. */
  project: string | null;
  /**
   * The built-in runner the input's ids belong to when it is not pytest's (go, jest, vitest):
   * verify splits an id as its runner writes it, and reads a bare id as a pytest node id.
   */
  runner?: string | null;
  color: boolean;
}

/** Everything taken from the log passes through here: one visible line, no escapes. */
function clean(s: string, max = 500): string {
  return sanitizeLine(s, max);
}

/** A computed figure: seven significant digits, as many as the tools print themselves. */
function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(7)).toString();
}

/** A value read from the text: JavaScript's shortest form gives back the digits printed. */
function printed(x: number): string {
  return String(x);
}

function applyLine(apply: SeedApply, recogniser: string): string {
  switch (apply.kind) {
    case "env":
      return `goes back as the environment: ${Object.entries(apply.env)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`;
    case "args":
      return `goes back as ${recogniserRunner(recogniser) ?? "pytest"} arguments: ${apply.args.join(" ")}`;
    case "global-rng":
      return `seeds python's, numpy's (and torch's) global generators: ${apply.value}`;
    case "hypothesis":
      return `replays with ${apply.decorator}`;
    case "none":
      return `cannot be given back: ${apply.why}`;
  }
}

function seedLines(seed: Seed | null, test: TriagedTest): string[] {
  if (seed === null) {
    return ["  no seed found in the text: the failure may not depend on random inputs, or the seed was not printed (or was cut off)"];
  }
  const where = (s: Seed): string => (s.source.line !== undefined ? `${s.source.file} line ${s.source.line}` : s.source.file);
  const out = [
    `  ${clean(seed.value, 200)}  (${seed.recogniser}, read at ${clean(where(seed))})`,
    `  ${clean(applyLine(seed.apply, seed.recogniser))}`,
  ];
  for (const r of seed.related ?? []) {
    // A falsifying example is printed over lines (`test_y(\n    x=1000,\n)`): one line here.
    const value = r.recogniser === "hypothesis-falsifying-example" ? (hypothesisExample(r) ?? r.value) : r.value;
    out.push(`  also ${clean(value, 200)}  (${r.recogniser}, read at ${clean(where(r))})`);
  }
  out.push("", "  reproduce:");
  if (test.reproduce !== null) {
    out.push(`    ${clean(test.reproduce, 2000)}`);
  } else {
    const env = seed.apply.kind === "env" ? Object.entries(seed.apply.env).map(([k, v]) => `${k}=${v}`).join(" ") : null;
    out.push(
      `    no command: the log does not say which file holds ${clean(test.id)}` +
        (env !== null ? `; run it with ${clean(env)} in its environment` : ""),
    );
  }
  return out;
}

function toleranceLines(t: Tolerance | null): string[] {
  if (t === null) return ["  no numeric comparison recognised in the failure text"];
  const out: string[] = [`  format: ${t.format}`];
  const tol = [t.rtol !== null ? `rtol=${formatTolerance(t.rtol)}` : null, t.atol !== null ? `atol=${formatTolerance(t.atol)}` : null]
    .filter((x) => x !== null)
    .join(", ");
  if (tol !== "") out.push(`  tolerances in force: ${tol}`);
  if (t.nonFinite !== undefined) {
    out.push(`  non-finite value: ${t.nonFinite} where a finite one was expected (no tolerance fixes that)`);
  }
  if (t.ratio === 0) {
    // A failed check with no difference in the printed values: they lost the digits that differ.
    out.push("  error ratio: not visible (the printed values agree to the digits shown)");
  } else if (t.ratio !== null && t.ratioAtLeast !== undefined) {
    out.push(
      `  error ratio: between ${formatLow(t.ratioAtLeast)} and ${formatNeeded(t.ratio)}  (|actual - expected| / (atol + rtol*|expected|); the check passes at <= 1;` +
        " the message gives only the largest absolute and relative differences, maybe of different elements)",
    );
  } else if (t.ratio !== null) {
    out.push(
      `  error ratio: ${num(t.ratio)}  (|actual - expected| / (atol + rtol*|expected|); the check passes at <= 1)`,
    );
  }
  const at = t.location !== undefined ? ` at ${clean(t.location, 100)}` : "";
  // With only bounds on the ratio, the element shown is the worst of those numpy listed.
  const which = t.ratioAtLeast !== undefined ? "worst of the violations listed" : "worst element";
  if (t.actual !== undefined && t.expected !== undefined) {
    out.push(`  ${which}${at}: actual ${printed(t.actual)}, expected ${printed(t.expected)}`);
  } else if (at !== "") {
    out.push(`  ${which}${at}`);
  }
  out.push(`  dtype: ${t.dtype ?? "not shown in the text"}`);
  const s = t.suggestion;
  if (s === null) {
    if (t.nonFinite === undefined) out.push("  no tolerance change computed from what the text shows");
    return out;
  }
  out.push(
    `  smallest passing ${s.parameter}: ${s.minimumPassingAtLeast === undefined ? "" : `between ${formatLow(s.minimumPassingAtLeast)} and `}${formatNeeded(s.minimumPassing)} (the other tolerance unchanged)`,
    `  next rung: ${s.parameter} ${formatTolerance(s.from)} -> ${formatTolerance(s.to)}: ` +
      (s.rungsNeeded <= 1
        ? "one rung covers the observed case"
        : `the observed case needs ${s.minimumPassingAtLeast === undefined ? "" : "up to "}${s.rungsNeeded} rungs; raise one rung at a time and rerun after each`),
  );
  const g = guidelineFor(t.dtype);
  if (s.guidelineWarning !== undefined) {
    out.push(`  warning: ${s.guidelineWarning}`);
  } else if (g !== undefined && s.minimumPassing > g[s.parameter]) {
    // The next rung is fine, but the rungs after it that the observed case needs are not.
    const least = s.minimumPassingAtLeast;
    const needs =
      least === undefined
        ? `needs ${s.parameter} ${formatNeeded(s.minimumPassing)}`
        : least > g[s.parameter]
          ? `needs ${s.parameter} ${formatLow(least)} to ${formatNeeded(s.minimumPassing)}`
          : `may need ${s.parameter} up to ${formatNeeded(s.minimumPassing)} (at least ${formatLow(least)})`;
    out.push(
      `  warning: the observed case ${needs}, above the ${t.dtype} ` +
        `guideline ${formatTolerance(g[s.parameter])}: double-check the implementation or the test before going that far`,
    );
  } else {
    out.push(
      g !== undefined
        ? `  within the ${t.dtype} guideline (rtol ${formatTolerance(g.rtol)}, atol ${formatTolerance(g.atol)})`
        : "  dtype unknown: check the new value against the guideline for the test's dtype (float16 rtol/atol 1e-2; float32 rtol 1e-4, atol 1e-3; float64 rtol 1e-7, atol 1e-3)",
    );
  }
  return out;
}

function runnerFlag(options: ExplainOptions): string {
  const runner = options.runner ?? null;
  return runner === null || runner === "pytest" ? "" : ` --runner ${clean(shellQuote(runner), 40)}`;
}

/**
 * pytest's driver seeds the global generators itself and jest takes `--seed`; a go or vitest
 * test is seeded only through what its seed went back as (a variable, an argument): without
 * one, verify asks how (and verifies nothing).
 */
function needsSeedFlag(test: TriagedTest, options: ExplainOptions): boolean {
  const runner = options.runner ?? null;
  if (runner !== "go" && runner !== "vitest") return false;
  return test.seed === null || (test.seed.apply.kind !== "env" && test.seed.apply.kind !== "args");
}

function confirmLines(test: TriagedTest, options: ExplainOptions): string[] {
  const log = options.logArg === "-" ? "pasted.log" : options.logArg;
  const save = options.logArg === "-" ? ["  save the pasted text as pasted.log, then"] : [];
  return [
    ...save,
    `  flaky-triage ${clean(shellQuote(log))} --cwd ${options.project !== null ? clean(shellQuote(options.project)) : "PROJECT_ROOT"}`,
    "    reruns it with the same seed and with fresh seeds: same-seed failures every time mean a real",
    "    failure (edge case if fresh seeds pass, regression if they fail); mixed results mean a race",
    ...verifyLines(test, options),
  ];
}

/** The verify command to run after a fix, and what to fill in for it. */
function verifyLines(test: TriagedTest, options: ExplainOptions): string[] {
  // An id no driver runs (a nose id without its file) would make verify refuse: the triage
  // above, with --cwd, names the test by one it can run.
  const runnable = test.reproduce !== null;
  const seedFlag = runnable && needsSeedFlag(test, options);
  const id = runnable ? clean(shellQuote(test.id), 1000) : "TEST_ID";
  const command = `  flaky-triage verify ${id}${runnerFlag(options)}${seedFlag ? " --seed-env NAME" : ""} --trials ${CONFIRM_TRIALS}`;
  if (seedFlag) {
    return [
      command,
      "    after a fix, from the project root, NAME the variable the test reads its seed from (or",
      "    --seed-arg TEMPLATE): the reference asks for more than 10000 passes",
    ];
  }
  if (runnable) return [command, "    after a fix, from the project root: the reference asks for more than 10000 passes"];
  return [
    command,
    "    after a fix, from the project root, with the id the triage above gives the test (this log's",
    `    ${clean(test.id, 200)} names no file to run): the reference asks for more than 10000 passes`,
  ];
}

function explainTest(test: TriagedTest, options: ExplainOptions, h: (s: string) => string): string[] {
  const where = test.file !== null ? `${test.file}${test.line !== null ? `:${test.line}` : ""}` : null;
  const lines = [
    h(`${test.outcome === "errored" ? "ERROR" : "FAILED"}  ${clean(test.id)}`),
    ...(where !== null ? [`  code: ${clean(where)}`] : []),
    ...(test.message !== null ? [`  message: ${clean(test.message, 300)}`] : []),
    "",
    h("Seed"),
    ...seedLines(test.seed, test),
    "",
    h("Tolerance"),
    ...toleranceLines(test.tolerance),
    "",
    h(`Likely cause: ${test.cause}`),
    `  why: ${clean(test.causeReason, 1000)}`,
    `  fix: ${clean(test.suggestion, 1000)}`,
  ];
  if (test.verdict !== "not-rerun") {
    lines.push(`  verdict: ${test.verdict} (${clean(test.confidence.text)})`);
  }
  lines.push("", h("To confirm"), ...confirmLines(test, options));
  return lines;
}

/** The explanation of every failing test in `report`, and what was cut or could not be read. */
export function renderExplain(report: Report, options: ExplainOptions): string {
  const h = (s: string): string => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const out: string[] = [];
  const failing = report.tests;
  const inputs = report.inputs.map((i) => `${clean(i.path)} (${i.kind})`).join(", ");
  out.push(`${failing.length === 1 ? "1 failing test" : `${failing.length} failing tests`} in ${inputs}`);
  const warnings = report.inputs.flatMap((i) => i.warnings);
  if (warnings.length > 0) {
    out.push("", h("What the text lacks or was cut"));
    for (const w of warnings) out.push(`  - ${clean(w, 1000)}`);
  }
  if (failing.length > 0) {
    // explain is for pasted excerpts and never runs anything.
    out.push("", "Nothing was rerun: causes below are read from the text alone and stay hypotheses until reruns confirm them.");
  }
  for (const t of failing) {
    out.push("", "-".repeat(72), ...explainTest(t, options, h));
  }
  return out.join("\n") + "\n";
}

