/**
 * The tolerance ladder: how far to raise rtol or atol for a numeric near miss.
 *
 * From the manual process (docs reference "Fixing flaky tests"): "if 1e-5 is too small, try
 * with 5e-5 or 1e-4 first, do not go to 1e-3 directly". So tolerances move on the rungs
 * ..., 1e-7, 5e-7, 1e-6, 5e-6, 1e-5, 5e-5, 1e-4, ... and we only ever suggest the NEXT rung,
 * saying how many rungs the observed case would need.
 *
 * The error measure is the reference's Appendix III (also MXNet's and numpy's criterion):
 *   ratio = |actual - expected| / (atol + rtol * |expected|), and the check passes at ratio <= 1.
 */
import type { ToleranceSuggestion } from "../model.js";

/**
 * Per-dtype ceilings above which a tolerance stops being "numerical noise" and the suggestion
 * carries a warning to double-check the implementation.
 *  - rtol: float16 1e-2, float32 1e-4, float64 1e-7, as set by the project issue (MXNet's own
 *    default_rtols use float16 1e-2 and float32 1e-4 as well).
 *  - atol: the reference's Appendix II "Recommended Tolerance Levels": float16 1e-2,
 *    float32 1e-3, float64 1e-3.
 * Appendix II's rtol column (1e-4 / 1e-5 / 1e-5) is deliberately not used: the values
 * supersede it.
 */
export const DTYPE_GUIDELINES = {
  float16: { rtol: 1e-2, atol: 1e-2 },
  float32: { rtol: 1e-4, atol: 1e-3 },
  float64: { rtol: 1e-7, atol: 1e-3 },
} as const satisfies Record<string, { rtol: number; atol: number }>;

export type GuidelineDtype = keyof typeof DTYPE_GUIDELINES;

/** Mantissas of the rungs within one decade. */
const MANTISSAS = [1, 5] as const;
/**
 * Printed tolerances are rounded (MXNet prints "%f", pytest.approx two digits); values this
 * close to a rung count as on it.
 */
const RUNG_EPSILON = 1e-4;

/** Rung number i is MANTISSAS[i mod 2] * 10^floor(i/2); built from a decimal string so 5e-5 is exact. */
export function rungValue(index: number): number {
  const mantissa = MANTISSAS[((index % 2) + 2) % 2]!;
  return Number(`${mantissa}e${Math.floor(index / 2)}`);
}

/** The smallest rung index whose value is >= x (x > 0). */
export function rungIndexAtLeast(x: number): number {
  let i = 2 * Math.floor(Math.log10(x)) - 2;
  while (rungValue(i) < x * (1 - RUNG_EPSILON)) i++;
  return i;
}

/** The smallest rung index whose value is > x (x > 0). */
export function rungIndexAbove(x: number): number {
  let i = rungIndexAtLeast(x);
  if (rungValue(i) <= x * (1 + RUNG_EPSILON)) i++;
  return i;
}

/** The next rung above a tolerance value: 1e-5 -> 5e-5, 5e-5 -> 1e-4, 3e-5 -> 5e-5. */
export function nextRung(x: number): number {
  return rungValue(rungIndexAbove(x));
}

/** Rungs to climb from `from` until `needed` passes; 1 = the next rung is enough. */
export function rungsNeeded(from: number, needed: number): number {
  if (needed <= from * (1 + RUNG_EPSILON)) return 0;
  return Math.max(1, rungIndexAtLeast(needed) - rungIndexAbove(from) + 1);
}

/**
 * What a failure message tells us about the violating elements.
 *  - `elements`: exact differences for listed elements (`complete` when every violation is
 *    listed, or all elements are). MXNet's printed `Error` gives one such element.
 *  - `maxima`: only the largest absolute difference Dmax and relative difference Rmax, possibly
 *    of different elements (numpy: among the violations, or in numpy 1 among all elements, and
 *    Rmax only over elements whose expected value is not 0), each known between the value as
 *    printed, rounded, and its `...Low` twin; with the first violations numpy lists (`listed`,
 *    exact) and, when the whole expected array was printed, the range of its magnitudes
 *    (`expected`). An element i with expected E_i != 0 has D_i <= Dmax and D_i <= Rmax*E_i, so
 *    the worst ratio and the rtol and atol it needs lie between bounds: the upper ones make
 *    suggestions on the safe side, the lower ones keep a near miss from reading as a far one.
 *    An element expecting 0 escapes Rmax: the bounds allow for one where the printed array or
 *    the listed violations show one, and otherwise assume there is none.
 */
export type Evidence =
  | { kind: "elements"; elements: Array<{ absDiff: number; expected: number }>; complete: boolean }
  | {
      kind: "maxima";
      maxAbs: number;
      maxRel: number;
      /** The least Dmax and Rmax can be (their printed values are rounded); default: the same. */
      maxAbsLow?: number;
      maxRelLow?: number;
      listed?: Array<{ absDiff: number; expected: number }>;
      /** Magnitudes of the printed expected array (widened by its rounding), and whether it holds a 0. */
      expected?: { min: number; max: number; zero: boolean };
      /** A 0 among the expected values numpy printed of an array it shortened (`...`). */
      zeroSeen?: boolean;
    };

type Maxima = Extract<Evidence, { kind: "maxima" }>;

/** A quantity known only between two values (equal when it is known exactly). */
export interface Bounds {
  low: number;
  high: number;
}

/**
 * Magnitudes the worst elements can have, and whether one may expect 0 (a 0 in the printed
 * array, or a listed violation expecting 0).
 */
function magnitudes(m: Maxima): { min: number; max: number; zero: boolean } {
  const zero = m.expected?.zero === true || m.zeroSeen === true || (m.listed ?? []).some((e) => e.expected === 0);
  return { min: m.expected?.min ?? 0, max: m.expected?.max ?? Infinity, zero };
}

function lows(m: Maxima): { A: number; R: number } {
  return { A: m.maxAbsLow ?? m.maxAbs, R: m.maxRelLow ?? m.maxRel };
}

/** The worst element's violation ratio: exact for `elements`, bounded for `maxima`; Infinity when nothing can pass. */
export function violationRatioBounds(evidence: Evidence, rtol: number, atol: number): Bounds {
  if (evidence.kind === "elements") {
    const r = elementsRatio(evidence.elements, rtol, atol);
    return { low: r, high: r };
  }
  const { maxAbs: A, maxRel: R } = evidence;
  const E = magnitudes(evidence);
  const ratio = (d: number, e: number): number => elementRatio(d, e, rtol, atol);
  const listed = elementsRatio(evidence.listed ?? [], rtol, atol);
  // Upper: D <= min(A, R*E) at any magnitude E; the largest over E in range is where A = R*E,
  // or the range's nearer end (Rmax infinite: every expected value is 0). An element expecting
  // 0 is bounded by A alone; listed elements are known exactly.
  const crossing = R > 0 ? A / R : Infinity;
  const e = Math.min(Math.max(crossing, E.min), E.max);
  let high = Number.isFinite(e) ? Math.min(ratio(A, e), Number.isFinite(R) ? ratio(R * e, e) : Infinity) : ratio(A, 0);
  if (E.zero) high = Math.max(high, ratio(A, 0));
  high = Math.max(high, listed);
  // Lower: the elements listed, the element of Dmax at the largest magnitude, the element of
  // Rmax at the smallest.
  const least = lows(evidence);
  let low = listed;
  if (Number.isFinite(E.max)) low = Math.max(low, ratio(least.A, E.max));
  if (E.min > 0 && Number.isFinite(least.R)) low = Math.max(low, ratio(least.R * E.min, E.min));
  return { low: Math.min(low, high), high };
}

/** One element's violation ratio |actual - expected| / (atol + rtol*|expected|); Infinity when nothing passes it. */
export function elementRatio(absDiff: number, expected: number, rtol: number, atol: number): number {
  const allowed = atol + rtol * Math.abs(expected);
  return allowed > 0 ? absDiff / allowed : absDiff > 0 ? Infinity : 0;
}

function elementsRatio(elements: ReadonlyArray<{ absDiff: number; expected: number }>, rtol: number, atol: number): number {
  let worst = 0;
  for (const e of elements) worst = Math.max(worst, elementRatio(e.absDiff, e.expected, rtol, atol));
  return worst;
}

/**
 * The smallest rtol (atol fixed) that passes (bounds for `maxima`), or null when rtol cannot help:
 * a violation expects 0, or may (a 0 in the printed expected array).
 */
export function minimumRtolBounds(evidence: Evidence, atol: number): Bounds | null {
  if (evidence.kind === "elements") {
    const r = elementsRtol(evidence.elements, atol);
    return r === null ? null : { low: r, high: r };
  }
  const { maxAbs: A, maxRel: R } = evidence;
  const E = magnitudes(evidence);
  if (!Number.isFinite(R) || E.zero) return null;
  const listed = elementsRtol(evidence.listed ?? [], atol);
  if (listed === null) return null;
  // Element i needs (D_i - atol) / E_i <= R - atol / E_i.
  const high = Math.max(listed, Number.isFinite(E.max) ? R - atol / E.max : R);
  const least = lows(evidence);
  let low = listed;
  if (Number.isFinite(E.max)) low = Math.max(low, (least.A - atol) / E.max);
  if (E.min > 0) low = Math.max(low, least.R - atol / E.min);
  return { low: Math.min(Math.max(0, low), high), high };
}

function elementsRtol(elements: ReadonlyArray<{ absDiff: number; expected: number }>, atol: number): number | null {
  let needed = 0;
  for (const e of elements) {
    if (e.absDiff <= atol) continue;
    if (e.expected === 0) return null;
    needed = Math.max(needed, (e.absDiff - atol) / Math.abs(e.expected));
  }
  return needed;
}

/** The smallest atol (rtol fixed) that passes (bounds for `maxima`). */
export function minimumAtolBounds(evidence: Evidence, rtol: number): Bounds {
  if (evidence.kind === "elements") {
    const a = elementsAtol(evidence.elements, rtol);
    return { low: a, high: a };
  }
  const { maxAbs: A } = evidence;
  const E = magnitudes(evidence);
  const listed = elementsAtol(evidence.listed ?? [], rtol);
  // Element i needs D_i - rtol*E_i <= A - rtol*E_min.
  const high = Math.max(listed, A - rtol * E.min);
  const least = lows(evidence);
  let low = listed;
  if (Number.isFinite(E.max)) low = Math.max(low, least.A - rtol * E.max);
  if (E.min > 0 && Number.isFinite(least.R)) low = Math.max(low, E.min * (least.R - rtol));
  return { low: Math.min(Math.max(0, low), high), high: Math.max(0, high) };
}

function elementsAtol(elements: ReadonlyArray<{ absDiff: number; expected: number }>, rtol: number): number {
  let needed = 0;
  for (const e of elements) needed = Math.max(needed, e.absDiff - rtol * Math.abs(e.expected));
  return needed;
}

/** The largest absolute difference the evidence shows. */
export function largestAbsDiff(evidence: Evidence): number {
  return evidence.kind === "maxima"
    ? evidence.maxAbs
    : Math.max(0, ...evidence.elements.map((e) => e.absDiff));
}

/** True when every element expected exactly 0: rtol scales nothing, only atol can pass. */
export function expectsOnlyZeros(evidence: Evidence): boolean {
  return evidence.kind === "maxima"
    ? !Number.isFinite(evidence.maxRel)
    : evidence.elements.length > 0 && evidence.elements.every((e) => e.expected === 0);
}

/** 5e-5 -> "5e-5"; 0.5 -> "0.5"; 10 -> "10". */
export function formatTolerance(x: number): string {
  if (x === 0) return "0";
  if (x >= 0.1 && x < 1e4) return String(Number(x.toPrecision(6)));
  const [mantissa, exponent] = x.toExponential().split("e");
  const m = Number(Number(mantissa).toPrecision(6));
  return `${m}e${Number(exponent)}`;
}

/**
 * A violation ratio as "12.1x", "1.28e9x" (past 100,000 a row of digits is unreadable), or
 * "4.7-10.5x" when it is known only between two values.
 */
export function formatRatio(high: number, low: number | null = null): string {
  const one = (r: number): string => {
    if (r < 1e5) return String(r);
    const [mantissa, exponent] = r.toExponential().split("e");
    return `${Number(mantissa)}e${Number(exponent)}`;
  };
  // Bounds stay bounds: the low end rounded down (two digits), the high end up (three).
  const rounded = (x: number, digits: number, up: boolean): number => {
    if (!(x > 0) || !Number.isFinite(x)) return x;
    const scale = Math.pow(10, Math.floor(Math.log10(x)) - digits + 1);
    return Number(((up ? Math.ceil(x / scale - 1e-9) : Math.floor(x / scale + 1e-9)) * scale).toPrecision(digits));
  };
  if (low === null || low >= high) return `${one(Number(high.toPrecision(3)))}x`;
  const h = one(rounded(high, 3, true));
  const l = one(rounded(low, 2, false));
  return l === h ? `${h}x` : `${l}-${h}x`;
}

/** Rounded UP to three significant digits, so "needed >= X" stays true after rounding. */
export function formatNeeded(x: number): string {
  if (!(x > 0) || !Number.isFinite(x)) return formatTolerance(x);
  const exponent = Math.floor(Math.log10(x));
  const scale = Math.pow(10, exponent - 2);
  const up = Math.ceil(x / scale - 1e-9) * scale;
  return formatTolerance(Number(up.toPrecision(3)));
}

export function guidelineFor(dtype: string | undefined): (typeof DTYPE_GUIDELINES)[GuidelineDtype] | undefined {
  return dtype !== undefined && dtype in DTYPE_GUIDELINES
    ? DTYPE_GUIDELINES[dtype as GuidelineDtype]
    : undefined;
}

function guidelineWarning(
  parameter: "rtol" | "atol",
  value: number,
  dtype: string | undefined,
): string | undefined {
  const ceiling = guidelineFor(dtype)?.[parameter];
  if (ceiling === undefined || value <= ceiling * (1 + RUNG_EPSILON)) return undefined;
  return (
    `double-check the implementation: ${parameter} ${formatTolerance(value)} exceeds the ` +
    `${dtype} guideline of ${formatTolerance(ceiling)}`
  );
}

export interface LadderInput {
  /** null when the message did not say (then that parameter is not suggested). */
  rtol: number | null;
  atol: number | null;
  dtype?: string | undefined;
  evidence: Evidence;
  /** How the assertion spells rtol/atol in the suggestion text (pytest.approx: rel/abs). */
  labels?: { rtol: string; atol: string };
}

interface Option {
  parameter: "rtol" | "atol";
  from: number;
  /** The smallest passing value; for `maxima` evidence its upper bound (the safe side). */
  needed: number;
  /** For `maxima` evidence, when lower: the least it can be. */
  neededAtLeast?: number;
  rungs: number;
}

function rungWord(n: number): string {
  return n === 1 ? "one rung" : `${n} rungs`;
}

function describe(option: Option, to: number, label: string): string {
  const head = `raise ${label} ${formatTolerance(option.from)} -> ${formatTolerance(to)}`;
  const least = option.neededAtLeast;
  if (least !== undefined) {
    // Known between two values: say both, and the rungs each would take.
    const fewest = rungsNeeded(option.from, least);
    const needed = `needed between ${formatLow(least)} and ${formatNeeded(option.needed)}: numpy printed only the largest differences`;
    if (option.rungs <= 1) return `${head} (one rung; ${needed})`;
    const away = fewest === option.rungs ? rungWord(option.rungs) : `${Math.max(1, fewest)}-${option.rungs} rungs`;
    const alone = fewest <= 1 ? "the next rung may not cover the observed case" : "the next rung alone will not cover the observed case";
    return `${head} (${needed}, ${away} away: ${alone}; re-run after each step)`;
  }
  const needed = `needed >= ${formatNeeded(option.needed)}`;
  if (option.rungs <= 1) return `${head} (one rung; ${needed})`;
  return (
    `${head} (${needed}, ${rungWord(option.rungs)} away: the next rung alone will not cover ` +
    `the observed case; re-run after each step)`
  );
}

/** An option from a needed value's bounds (the check failed at `from`: it needs more). */
function option(parameter: "rtol" | "atol", from: number, needed: Bounds): Option {
  const o: Option = { parameter, from, needed: needed.high, rungs: rungsNeeded(from, needed.high) };
  const least = Math.max(needed.low, from);
  // Bounds within 0.1% are one value (the upper, the safe side).
  if (least < needed.high * (1 - 1e-3) && formatLow(least) !== formatNeeded(needed.high)) o.neededAtLeast = least;
  return o;
}

/** A lower bound to three significant digits, rounded DOWN so that it stays a lower bound. */
export function formatLow(x: number): string {
  if (!(x > 0) || !Number.isFinite(x)) return formatTolerance(x);
  const scale = Math.pow(10, Math.floor(Math.log10(x)) - 2);
  return formatTolerance(Number((Math.floor(x / scale + 1e-9) * scale).toPrecision(3)));
}

/**
 * The ladder suggestion for a near miss: for rtol and atol separately (the other held fixed),
 * the smallest passing value; the parameter needing fewer rungs wins (tie: the term that
 * dominates the current allowance at the worst element); the suggestion is its next rung.
 *
 * A parameter currently 0 has no "next rung"; it is only proposed when the other cannot help:
 * atol=0 with expected 0 cannot pass by construction for any nonzero error, so we propose the
 * smallest rung above the observed absolute error.
 */
export function suggestTolerance(input: LadderInput): ToleranceSuggestion | null {
  const { rtol, atol, dtype, evidence } = input;
  const labels = input.labels ?? { rtol: "rtol", atol: "atol" };
  const observed = largestAbsDiff(evidence);
  if (!(observed > 0) || !Number.isFinite(observed)) return null;

  if ((atol === null || atol === 0) && expectsOnlyZeros(evidence)) {
    const to = nextRung(observed);
    const warning = guidelineWarning("atol", to, dtype);
    return {
      parameter: "atol",
      from: 0,
      to,
      minimumPassing: observed,
      rungsNeeded: 1,
      ...(warning !== undefined ? { guidelineWarning: warning } : {}),
      text:
        `set ${labels.atol} ${formatTolerance(to)} (${labels.atol}=0 with expected 0 cannot pass for any nonzero ` +
        `error; observed ${formatNeeded(observed)})`,
    };
  }

  const options: Option[] = [];
  if (rtol !== null && rtol > 0) {
    const needed = minimumRtolBounds(evidence, atol ?? 0);
    if (needed !== null && needed.high > 0) options.push(option("rtol", rtol, needed));
  }
  if (atol !== null && atol > 0) {
    const needed = minimumAtolBounds(evidence, rtol ?? 0);
    if (needed.high > 0) options.push(option("atol", atol, needed));
  }
  if (options.length === 0) return null;

  const dominant = dominantTerm(evidence, rtol ?? 0, atol ?? 0);
  options.sort((a, b) => a.rungs - b.rungs || (a.parameter === dominant ? -1 : 1));
  const best = options[0]!;
  if (best.rungs === 0) return null;
  const to = nextRung(best.from);
  const warning = guidelineWarning(best.parameter, to, dtype);
  return {
    parameter: best.parameter,
    from: best.from,
    to,
    minimumPassing: best.needed,
    ...(best.neededAtLeast !== undefined ? { minimumPassingAtLeast: best.neededAtLeast } : {}),
    rungsNeeded: best.rungs,
    ...(warning !== undefined ? { guidelineWarning: warning } : {}),
    text: describe(best, to, labels[best.parameter]),
  };
}

/** Which term makes up most of the allowance atol + rtol*|expected| at the worst element. */
function dominantTerm(evidence: Evidence, rtol: number, atol: number): "rtol" | "atol" {
  let expected: number;
  if (evidence.kind === "maxima") {
    expected = evidence.maxRel > 0 ? evidence.maxAbs / evidence.maxRel : 0;
  } else {
    let worst = -1;
    expected = 0;
    for (const e of evidence.elements) {
      const allowed = atol + rtol * Math.abs(e.expected);
      const ratio = allowed > 0 ? e.absDiff / allowed : Infinity;
      if (ratio > worst) {
        worst = ratio;
        expected = e.expected;
      }
    }
  }
  return rtol * Math.abs(expected) > atol ? "rtol" : "atol";
}

/**
 * numpy's decimal form (assert_array_almost_equal): passes when |desired - actual| <
 * 1.5 * 10^-decimal. Its ladder is the decimal itself, one decade (one decimal) per step.
 */
export function suggestDecimal(
  decimal: number,
  evidence: Evidence,
  dtype?: string,
  spelling: { factor: number; word: string } = { factor: 1.5, word: "decimal" },
): ToleranceSuggestion | null {
  const observed = largestAbsDiff(evidence);
  if (!(observed > 0) || !Number.isFinite(observed)) return null;
  // Built from a decimal string so 0.5e-2 is exactly 0.005.
  const threshold = (d: number): number => Number(`${spelling.factor}e${-d}`);
  // Largest decimal whose threshold is strictly above the observed difference.
  let neededDecimal = decimal;
  while (threshold(neededDecimal) <= observed && neededDecimal > -20) neededDecimal--;
  const rungs = Math.max(1, decimal - neededDecimal);
  const from = threshold(decimal);
  const to = threshold(decimal - 1);
  const warning = guidelineWarning("atol", to, dtype);
  const head =
    `lower ${spelling.word} ${decimal} -> ${decimal - 1} (abs threshold ${formatTolerance(from)} -> ` +
    `${formatTolerance(to)}`;
  const text =
    rungs <= 1
      ? `${head}; one step; needed > ${formatNeeded(observed)})`
      : `${head}; needed > ${formatNeeded(observed)}, ${rungs} steps away: the next step alone ` +
        `will not cover the observed case; re-run after each step)`;
  return {
    parameter: "atol",
    from,
    to,
    minimumPassing: observed,
    rungsNeeded: rungs,
    ...(warning !== undefined ? { guidelineWarning: warning } : {}),
    text,
  };
}
