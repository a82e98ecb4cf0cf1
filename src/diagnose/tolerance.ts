/**
 * Recognises numeric-comparison failure messages and turns them into a `Tolerance`: the
 * tolerances in force, how badly they were missed, and the ladder step that would fix it.
 *
 * Formats (each learned from the tool's own output or documentation):
 *  - MXNet test_utils.assert_almost_equal, old "%f" form and the newer "%e ... (mismatch x%)"
 *    form, including the check_symbolic_* / check_numeric_gradient wrappers (other names).
 *  - numpy.testing.assert_allclose (numpy 1.x and 2.x wording) and the decimal form of
 *    assert_array_almost_equal / assert_almost_equal.
 *  - torch.testing.assert_close, tensor and scalar forms.
 *  - pytest.approx, scalar and sequence/mapping forms.
 *  - Other runners (see docs/runners.md for which were captured from real runs): jest and
 *    vitest toBeCloseTo, JUnit assertEquals with a delta, AssertJ isCloseTo, testify
 *    InDelta/InEpsilon, googletest EXPECT_NEAR, Catch2 Approx/WithinAbs/WithinRel, rspec
 *    be_within, minitest assert_in_delta/assert_in_epsilon, PHPUnit assertEqualsWithDelta.
 */
import type { Tolerance } from "../model.js";
import { stripPytestPrefixes } from "../seeds/extract.js";
import { Literal } from "./literal.js";
import {
  suggestDecimal,
  elementRatio,
  suggestTolerance,
  violationRatioBounds,
  type Evidence,
} from "./ladder.js";

/** Failure texts are capped by readers already; this bounds regex work on hostile input. */
export const MAX_TOLERANCE_TEXT = 256 * 1024;
/** Elements read from printed arrays; beyond this the arrays are summarised by maxima. */
const MAX_ARRAY_ELEMENTS = 10_000;

// Unambiguous on purpose (\d* only after a dot): nested optional digit runs backtrack
// quadratically on long digit strings.
const NUM = String.raw`[-+]?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|nan|NaN|inf|Infinity)`;

function num(text: string | undefined): number {
  if (text === undefined) return NaN;
  const t = text.trim().replace(/,$/, "");
  if (/^[-+]?(?:inf|Infinity)$/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (/^[-+]?nan$/i.test(t)) return NaN;
  return Number(t);
}

function nonFiniteName(...values: number[]): string | undefined {
  if (values.some((v) => Number.isNaN(v))) return "nan";
  if (values.some((v) => v === Infinity || v === -Infinity)) return "inf";
  return undefined;
}

interface Parsed {
  format: string;
  rtol: number | null;
  atol: number | null;
  evidence: Evidence | null;
  /** A ratio printed by the tool itself, preferred over recomputing from rounded values. */
  printedRatio?: number;
  actual?: number;
  expected?: number;
  nonFinite?: string;
  location?: string;
  /** numpy's decimal form: the suggestion is about `decimal`, not atol/rtol. */
  decimal?: number;
  /** toBeCloseTo's precision: like `decimal`, with the allowance 10^-p / 2. */
  precision?: number;
  /** How the assertion spells rtol/atol, for the suggestion text. */
  labels?: { rtol: string; atol: string };
  dtype?: string;
}

// ---------------------------------------------------------------------------------- MXNet

const MXNET = new RegExp(
  String.raw`Error\s+(${NUM})\s+exceeds tolerance rtol=(${NUM}),\s*atol=(${NUM})` +
    String.raw`(?:\s*\(mismatch[^)\n]*\))?\.?\s*` +
    // The location is a tuple of indices, which numpy 2 prints as `(np.int64(2), np.int64(4))`.
    String.raw`(?:Location of\s+(?:maximum\s+)?error:\s*(\((?:[^()\n]|\([^()\n]{0,40}\)){0,400}\)|\S+?),\s*([\w.]+)=(${NUM}),\s*([\w.]+)=(${NUM}))?`,
);

function parseMxnet(text: string): Parsed | null {
  const m = MXNET.exec(text);
  if (m === null) return null;
  const ratio = num(m[1]);
  const rtol = num(m[2]);
  const atol = num(m[3]);
  const parsed: Parsed = { format: "mxnet-assert-almost-equal", rtol, atol, evidence: null };
  if (m[4] !== undefined) parsed.location = m[4];
  // MXNet's error is |a-b| / (atol + rtol*|b|): the second array is the reference.
  const a = num(m[6]);
  const b = num(m[8]);
  if (m[6] !== undefined) parsed.actual = a;
  if (m[8] !== undefined) parsed.expected = b;
  const nonFinite = nonFiniteName(ratio, ...(m[6] !== undefined ? [a, b] : []));
  if (nonFinite !== undefined) {
    parsed.nonFinite = nonFinite;
    return parsed;
  }
  parsed.printedRatio = ratio;
  if (m[8] !== undefined) {
    // a and b are printed rounded (6 or 8 decimals); the printed ratio is exact, so the
    // difference is recovered from it rather than from a - b.
    const absDiff = ratio * (atol + rtol * Math.abs(b));
    parsed.evidence = { kind: "elements", elements: [{ absDiff, expected: b }], complete: true };
  }
  return parsed;
}

// ---------------------------------------------------------------------------------- numpy

interface PrintedArrays {
  actual: number[];
  desired: number[];
}

/** Numbers of a printed numpy array/scalar; null when elided with "..." or unreadable. */
function arrayValues(printed: string): number[] | null {
  if (printed.includes("...")) return null;
  const body = printed.replace(/dtype=[\w.'"()]+/g, "").replace(/^\s*array\(/, "");
  const values = body.match(new RegExp(`(?<![\\w.])${NUM}(?![\\w.])`, "g"));
  if (values === null || values.length > MAX_ARRAY_ELEMENTS) return null;
  return values.map(num);
}

/** The printed expected (DESIRED / y) array's text, whether or not ACTUAL was printed whole. */
function desiredText(text: string): string | null {
  const head = /^ ?(?:DESIRED|y): /m.exec(text);
  if (head === null) return null;
  const rest = text.slice(head.index + head[0].length);
  const end = /\n(?=\S)|\n\n/.exec(rest);
  return end === null ? rest : rest.slice(0, end.index);
}

/**
 * Whether a printed expected 0 may be a violation: a 0 among the expected values shown (in a
 * shortened array too) whose actual value is not 0, or not shown at the same place. Both arrays
 * print their elements in order up to their first `...`, so places agree there. `desired` is
 * the printed expected array's text (desiredText).
 */
function zeroShown(text: string, desired: string): boolean {
  const d = arrayValues(desired.replaceAll("...", " "));
  if (d === null || !d.some((v) => v === 0)) return false;
  const head = /^ ?(?:ACTUAL|x): /m.exec(text);
  const start = head === null ? -1 : head.index + head[0].length;
  const end = text.indexOf(desired);
  const beforeElision = (t: string): string => (t.includes("...") ? t.slice(0, t.indexOf("...")) : t);
  const a = start < 0 || end < start ? null : arrayValues(beforeElision(text.slice(start, end).replace(/\n ?(?:DESIRED|y): *$/, "")));
  const dPrefix = arrayValues(beforeElision(desired)) ?? [];
  return d.some((v, k) => v === 0 && (a === null || k >= dPrefix.length || k >= a.length || a[k] !== 0));
}

function printedArrays(text: string): PrintedArrays | null {
  // numpy 2: " ACTUAL: ..." / " DESIRED: ..."; numpy 1: " x: ..." / " y: ...". Located step by
  // step rather than with one lazy regex, which is quadratic on many "x: " lines.
  const actualHead = /^ ?(?:ACTUAL|x): /m.exec(text);
  if (actualHead === null) return null;
  const afterActual = actualHead.index + actualHead[0].length;
  const desiredHead = /^ ?(?:DESIRED|y): /m.exec(text.slice(afterActual));
  if (desiredHead === null) return null;
  const actualText = text.slice(afterActual, afterActual + desiredHead.index);
  const desiredStart = afterActual + desiredHead.index + desiredHead[0].length;
  const rest = text.slice(desiredStart);
  // The array continues on indented lines; it ends at a blank or unindented line.
  const end = /\n(?=\S)|\n\n/.exec(rest);
  const desiredText = end === null ? rest : rest.slice(0, end.index);
  const actual = arrayValues(actualText);
  const desired = arrayValues(desiredText);
  if (actual === null || desired === null || actual.length !== desired.length) return null;
  return { actual, desired };
}

const MISMATCH_LINE = new RegExp(String.raw`^ *\[([^\]\n]*)\]: (${NUM}) \(ACTUAL\), (${NUM}) \(DESIRED\)`, "gm");

/** numpy's per-violation evidence, the most precise first. */
function numpyEvidence(text: string, parsed: Parsed): void {
  const mismatched = /Mismatched elements: (\d+) \/ (\d+)/.exec(text);
  const listed = [...text.matchAll(MISMATCH_LINE)];
  const pairs: ListedPair[] = listed.map((l) => ({ location: `[${l[1]}]`, actual: num(l[2]), expected: num(l[3]) }));
  const listedElements = pairs.map((p) => ({ absDiff: Math.abs(p.actual - p.expected), expected: p.expected }));
  const nonFinite = nonFiniteName(...pairs.flatMap((p) => [p.actual, p.expected]));
  if (nonFinite !== undefined) {
    show(pairs.find((p) => !Number.isFinite(p.actual) || !Number.isFinite(p.expected)) ?? pairs[0]!, parsed);
    parsed.nonFinite = nonFinite;
    return;
  }
  // Listed lines carry full precision; they are the whole story when every mismatch is listed.
  // (numpy lists the first violations, not the worst: only then is the worst among them.)
  if (mismatched !== null && pairs.length > 0 && pairs.length >= Number(mismatched[1])) {
    showWorstListed(pairs, parsed);
    parsed.evidence = {
      kind: "elements",
      elements: listedElements,
      complete: true,
    };
    return;
  }
  const maxAbs = /Max absolute difference( among violations)?: (\S+)/.exec(text);
  const maxRel = /Max relative difference(?: among violations)?: (\S+)/.exec(text);
  const abs = maxAbs !== null ? num(maxAbs[2]) : NaN;
  const rel = maxRel !== null ? num(maxRel[1]) : NaN;
  if (maxAbs !== null && (Number.isNaN(abs) || abs === Infinity)) {
    parsed.nonFinite = nonFiniteName(abs) ?? "nan";
    return;
  }
  const maxRelative = Number.isNaN(rel) ? Infinity : rel;
  // numpy 2 states the maxima among the violations; numpy 1 among all elements.
  const amongViolations = maxAbs?.[1] !== undefined;
  const arrays = printedArrays(text);
  if (arrays !== null && arrays.actual.length === 1) {
    // A scalar: its printed values give its magnitude, even where rounded.
    parsed.actual ??= arrays.actual[0]!;
    parsed.expected ??= arrays.desired[0]!;
  }
  // One violation (numpy 2 states its maxima among the violations) holds both maxima, which
  // give it: its difference A and its expected magnitude A/R, each known to the digits printed
  // (float16's "1.e-07" to one). Its ratio and needs grow with both, so the values at the low
  // ends of A and R, as an element listed, bound them from below; the maxima from above.
  const single = amongViolations && mismatched !== null && Number(mismatched[1]) === 1 && maxRelative > 0 && Number.isFinite(maxRelative);
  if (single) parsed.expected ??= abs / maxRelative;
  if (arrays !== null) {
    const nf = nonFiniteName(...arrays.actual, ...arrays.desired);
    if (nf !== undefined) {
      parsed.nonFinite = nf;
      return;
    }
    // Printed to 6 digits or so, they are the evidence only when numpy states nothing at full
    // precision: rounding hides differences (rtol=1e-9 on float32 values prints ACTUAL and
    // DESIRED alike) and moves them (71.15684 against 71.156837 shows 3e-6 for a stated 5.8e-7;
    // a review's random cases were off by up to 1.6%). With the maxima, they give magnitudes.
    if (maxAbs === null) {
      const elements = arrays.actual.map((a, i) => ({ absDiff: Math.abs(a - arrays.desired[i]!), expected: arrays.desired[i]! }));
      parsed.evidence = { kind: "elements", elements, complete: true };
      return;
    }
  }
  if (maxAbs !== null && maxRel !== null) {
    const evidence: Evidence = {
      kind: "maxima",
      maxAbs: abs + halfUnit(maxAbs[2]!),
      maxRel: maxRelative + halfUnit(maxRel[1]!),
      maxAbsLow: Math.max(0, abs - halfUnit(maxAbs[2]!)),
      maxRelLow: Math.max(0, maxRelative - halfUnit(maxRel[1]!)),
    };
    if (single && pairs.length === 0 && evidence.maxAbsLow! > 0 && evidence.maxRelLow! > 0) {
      evidence.listed = [{ absDiff: evidence.maxAbsLow!, expected: evidence.maxAbsLow! / evidence.maxRelLow! }];
    }
    if (pairs.length > 0) {
      evidence.listed = listedElements;
      // (Not the worst element: numpy lists the first violations.)
      showWorstListed(pairs, parsed);
    }
    // The whole expected array, printed (numpy 1 prints it; numpy 2 elides it past a few rows):
    // the range of its magnitudes bounds those of the elements that hold the maxima.
    const desiredPrinted = desiredText(text);
    if (desiredPrinted !== null && zeroShown(text, desiredPrinted)) evidence.zeroSeen = true;
    const desired = arrays?.desired ?? (desiredPrinted === null ? null : arrayValues(desiredPrinted));
    if (desired !== null && desired.length > 0) {
      const magnitudes = desired.map(Math.abs);
      const min = Math.min(...magnitudes);
      evidence.expected = {
        min: Math.max(0, min * (1 - PRINTED_RELATIVE) - PRINTED_ABSOLUTE),
        max: Math.max(...magnitudes) * (1 + PRINTED_RELATIVE) + PRINTED_ABSOLUTE,
        zero: min === 0 && evidence.zeroSeen === true,
      };
    }
    parsed.evidence = evidence;
  }
}

/** Shows the worst of the violations numpy listed: what a reader is shown, and the magnitude a check of the dtype's resolution goes by. */
function showWorstListed(pairs: readonly ListedPair[], parsed: Parsed): void {
  const over = (p: ListedPair): number => elementRatio(Math.abs(p.actual - p.expected), p.expected, parsed.rtol ?? 0, parsed.atol ?? 0);
  show(pairs.reduce((w, p) => (over(p) > over(w) ? p : w)), parsed);
}

function show(p: ListedPair, parsed: Parsed): void {
  Object.assign(parsed, { location: p.location, actual: p.actual, expected: p.expected });
}

interface ListedPair {
  location: string;
  actual: number;
  expected: number;
}

/** Half a unit in the last digit of a printed number: how far the value can be from it. */
function halfUnit(printed: string): number {
  const m = /^[-+]?\d*(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(printed);
  if (m === null) return 0;
  const decimals = m[1]?.length ?? 0;
  const exponent = m[2] !== undefined ? Number(m[2]) : 0;
  return 0.5 * Math.pow(10, exponent - decimals);
}

/**
 * How far a value of a printed numpy array can be from its print: arrays print to 6 or so
 * significant digits, float16 to 4, small values in fixed notation to 6 decimals.
 */
const PRINTED_RELATIVE = 2e-3;
const PRINTED_ABSOLUTE = 5e-7;

function parseNumpyAllclose(text: string): Parsed | null {
  const m = new RegExp(String.raw`Not equal to tolerance rtol=(${NUM}), atol=(${NUM})`).exec(text);
  if (m === null) return null;
  const parsed: Parsed = { format: "numpy-allclose", rtol: num(m[1]), atol: num(m[2]), evidence: null };
  const location = /(?:x and y )?([-+]?(?:nan|inf)) location mismatch/.exec(text);
  if (location !== null) {
    parsed.nonFinite = location[1]!.replace(/^[-+]/, "");
    return parsed;
  }
  numpyEvidence(text, parsed);
  return parsed;
}

function parseNumpyDecimal(text: string): Parsed | null {
  const m = /Arrays are not almost equal to (\d+) decimals/.exec(text);
  if (m === null) return null;
  const decimal = Number(m[1]);
  // assert_array_almost_equal passes when |desired - actual| < 1.5 * 10**-decimal.
  const parsed: Parsed = {
    format: "numpy-almost-equal-decimal",
    rtol: 0,
    atol: Number(`1.5e${-decimal}`),
    evidence: null,
    decimal,
  };
  const location = /(?:x and y )?([-+]?(?:nan|inf)) location mismatch/.exec(text);
  if (location !== null) {
    parsed.nonFinite = location[1]!.replace(/^[-+]/, "");
    return parsed;
  }
  numpyEvidence(text, parsed);
  return parsed;
}

// ---------------------------------------------------------------------------------- torch

const TORCH_DIFF = (which: string): RegExp =>
  new RegExp(
    String.raw`Greatest ${which} difference: (${NUM}) at index (\([^)\n]*\)) \(up to (${NUM}) allowed\)`,
  );

function parseTorchTensor(text: string): Parsed | null {
  if (!/Tensor-likes are not close!/.test(text)) return null;
  const abs = TORCH_DIFF("absolute").exec(text);
  const rel = TORCH_DIFF("relative").exec(text);
  const parsed: Parsed = {
    format: "torch-assert-close",
    atol: abs !== null ? num(abs[3]) : null,
    rtol: rel !== null ? num(rel[3]) : null,
    evidence: null,
  };
  if (abs === null || rel === null) return parsed;
  parsed.location = abs[2]!;
  const maxAbs = num(abs[1]);
  const maxRel = num(rel[1]);
  const nonFinite = nonFiniteName(maxAbs);
  if (nonFinite !== undefined) {
    parsed.nonFinite = nonFinite;
    return parsed;
  }
  if (abs[2] === rel[2] && maxRel > 0 && Number.isFinite(maxRel)) {
    // One element holds both maxima: its expected magnitude is abs/rel, so it is exact.
    parsed.evidence = {
      kind: "elements",
      elements: [{ absDiff: maxAbs, expected: maxAbs / maxRel }],
      complete: true,
    };
  } else {
    parsed.evidence = { kind: "maxima", maxAbs, maxRel: Number.isNaN(maxRel) ? Infinity : maxRel };
  }
  return parsed;
}

function parseTorchScalar(text: string): Parsed | null {
  if (!/Scalars are not close!/.test(text)) return null;
  const values = new RegExp(String.raw`Expected (${NUM}) but got (${NUM})\.`).exec(text);
  const abs = new RegExp(String.raw`Absolute difference: (${NUM}) \(up to (${NUM}) allowed\)`).exec(text);
  const rel = new RegExp(String.raw`Relative difference: (${NUM}) \(up to (${NUM}) allowed\)`).exec(text);
  const parsed: Parsed = {
    format: "torch-assert-close",
    atol: abs !== null ? num(abs[2]) : null,
    rtol: rel !== null ? num(rel[2]) : null,
    evidence: null,
  };
  if (values === null) return parsed;
  parsed.expected = num(values[1]);
  parsed.actual = num(values[2]);
  const nonFinite = nonFiniteName(parsed.actual, parsed.expected);
  if (nonFinite !== undefined) {
    parsed.nonFinite = nonFinite;
    return parsed;
  }
  parsed.evidence = {
    kind: "elements",
    elements: [{ absDiff: Math.abs(parsed.actual - parsed.expected), expected: parsed.expected }],
    complete: true,
  };
  return parsed;
}

// ---------------------------------------------------------------------------------- pytest.approx

/** toBeCloseTo's second argument: passes when |diff| < 10^-precision / 2. */
const TO_BE_CLOSE_TO = { factor: 0.5, word: "toBeCloseTo precision" } as const;

/** pytest.approx spells its tolerances rel= and abs=; suggestions use the user's words. */
const APPROX_LABELS = { rtol: "rel", atol: "abs" } as const;

/** pytest prints the tolerance with two significant digits ("3.0e-07"). */
function twoDigits(x: number): number {
  return Number(x.toPrecision(2));
}

/**
 * The rel a test wrote, from the "±" pytest printed: that figure has two significant digits
 * (`{:.1e}`), so tolerance / |expected| is off by up to 5% (rel=1e-6 at 2.34 prints ± 2.3e-06,
 * which reads 9.8e-7, and the fix then suggested raising 9.8e-7 to 1e-6: what the test has).
 * A written rel has one significant digit; within 5% of one, that is it.
 */
function writtenTolerance(ratio: number): number {
  const one = Number(ratio.toPrecision(1));
  return Math.abs(ratio - one) <= 0.05 * one ? one : twoDigits(ratio);
}

/**
 * pytest.approx allows max(rel*|expected|, abs) (defaults rel=1e-6, abs=1e-12) and prints
 * that single number after "±". Where the expected value is nonzero we read it as an rtol
 * (T/|expected|; the 1e-12 floor is negligible there); where it is 0 only abs applies.
 */
function approxTolerances(rows: Array<{ expected: number; tolerance: number }>): {
  rtol: number | null;
  atol: number | null;
} {
  const nonzero = rows.find((r) => r.expected !== 0 && Number.isFinite(r.expected));
  if (nonzero !== undefined) return { rtol: writtenTolerance(nonzero.tolerance / Math.abs(nonzero.expected)), atol: 0 };
  const zero = rows[0];
  return { rtol: null, atol: zero !== undefined ? zero.tolerance : null };
}

function parsePytestApproxSequence(text: string): Parsed | null {
  const m = /comparison failed\. Mismatched elements: (\d+) \/ (\d+):/.exec(text);
  if (m === null) return null;
  const rowPattern = new RegExp(String.raw`^[ \t]*(\S+)\s*\|\s*(${NUM})\s*\|\s*(${NUM}) ± (${NUM})\s*$`, "gm");
  const rows = [...text.matchAll(rowPattern)].map((r) => ({
    index: r[1]!,
    actual: num(r[2]),
    expected: num(r[3]),
    tolerance: num(r[4]),
  }));
  const parsed: Parsed = { format: "pytest-approx", ...approxTolerances(rows), evidence: null };
  const first = rows[0];
  if (first !== undefined) {
    parsed.location = first.index;
    parsed.actual = first.actual;
    parsed.expected = first.expected;
  }
  const nonFinite = nonFiniteName(...rows.flatMap((r) => [r.actual, r.expected]));
  if (nonFinite !== undefined) {
    parsed.nonFinite = nonFinite;
    return parsed;
  }
  if (rows.length > 0 && rows.length >= Number(m[1])) {
    parsed.evidence = {
      kind: "elements",
      elements: rows.map((r) => ({ absDiff: Math.abs(r.actual - r.expected), expected: r.expected })),
      complete: true,
    };
    return parsed;
  }
  const maxAbs = /Max absolute difference: (\S+)/.exec(text);
  const maxRel = /Max relative difference: (\S+)/.exec(text);
  if (maxAbs !== null && maxRel !== null) {
    parsed.evidence = { kind: "maxima", maxAbs: num(maxAbs[1]), maxRel: num(maxRel[1]) };
  }
  return parsed;
}

function parsePytestApproxScalar(text: string): Parsed | null {
  let actual: number;
  let expected: number;
  let tolerance: number;
  const lines = new RegExp(String.raw`Obtained: (${NUM})[ \t]*\n[ \t]*Expected: (${NUM}) ± (${NUM})`).exec(text);
  if (lines !== null) {
    [actual, expected, tolerance] = [num(lines[1]), num(lines[2]), num(lines[3])];
  } else {
    const forward = new RegExp(String.raw`assert (${NUM}) == (${NUM}) ± (${NUM})`).exec(text);
    const reverse = new RegExp(String.raw`assert (${NUM}) ± (${NUM}) == (${NUM})`).exec(text);
    if (forward !== null) [actual, expected, tolerance] = [num(forward[1]), num(forward[2]), num(forward[3])];
    else if (reverse !== null) [expected, tolerance, actual] = [num(reverse[1]), num(reverse[2]), num(reverse[3])];
    else return null;
  }
  const parsed: Parsed = {
    format: "pytest-approx",
    ...approxTolerances([{ expected, tolerance }]),
    evidence: null,
    actual,
    expected,
  };
  const nonFinite = nonFiniteName(actual, expected);
  if (nonFinite !== undefined) {
    parsed.nonFinite = nonFinite;
    return parsed;
  }
  parsed.evidence = { kind: "elements", elements: [{ absDiff: Math.abs(actual - expected), expected }], complete: true };
  return parsed;
}

// ---------------------------------------------------------------------------------- other runners

/** One observed pair: the single element every scalar near miss of another runner gives. */
function scalar(format: string, tol: { rtol: number | null; atol: number | null }, actual: number, expected: number, absDiff?: number): Parsed {
  const parsed: Parsed = { format, ...tol, evidence: null, actual, expected };
  const nonFinite = nonFiniteName(actual, expected);
  if (nonFinite !== undefined) {
    parsed.nonFinite = nonFinite;
    return parsed;
  }
  // A printed difference is at full precision where the values may be rounded for display.
  const diff = absDiff !== undefined && Number.isFinite(absDiff) ? Math.abs(absDiff) : Math.abs(actual - expected);
  parsed.evidence = { kind: "elements", elements: [{ absDiff: diff, expected }], complete: true };
  return parsed;
}

/**
 * toBeCloseTo(expected, precision) passes when |expected - received| < 10^-precision / 2
 * (jest and vitest alike). The tolerance is an atol; its ladder is the precision itself.
 * jest prints "Expected precision / Expected difference / Received difference" lines;
 * vitest one sentence: "expected R to be close to E, received difference is D, but expected T".
 */
function parseToBeCloseTo(text: string): Parsed | null {
  const jest = new RegExp(
    String.raw`Expected: (${NUM})\s*\n\s*Received: (${NUM})\s*\n(?:\s*\n)?\s*Expected precision: +(\d{1,3})\s*\n\s*Expected difference: +< ?(${NUM})\s*\n\s*Received difference: +(${NUM})`,
  ).exec(text);
  if (jest !== null) {
    const precision = Number(jest[3]);
    const parsed = scalar("jest-to-be-close-to", { rtol: 0, atol: num(jest[4]) }, num(jest[2]), num(jest[1]), num(jest[5]));
    parsed.precision = precision;
    return parsed;
  }
  const vitest = new RegExp(
    String.raw`expected (${NUM}) to be close to (${NUM}), received difference is (${NUM}), but expected (${NUM})`,
  ).exec(text);
  if (vitest === null) return null;
  const allowed = num(vitest[4]);
  const parsed = scalar("vitest-to-be-close-to", { rtol: 0, atol: allowed }, num(vitest[1]), num(vitest[2]), num(vitest[3]));
  // vitest prints 10**-p / 2 unrounded (5e-6 shows as 0.0000049999999999999996).
  const precision = Math.round(-Math.log10(2 * allowed));
  if (Number.isFinite(precision) && precision >= -20 && precision <= 20) parsed.precision = precision;
  return parsed;
}

/**
 * AssertJ isCloseTo(expected, within/offset(d)) and isCloseTo(expected, withPercentage(p)):
 * "Expecting actual:\n  8.1\nto be close to:\n  8.0\nby less than 0.05 but difference was 0.1".
 * Older AssertJ wraps values in <...> and says "Expecting:". A percentage is an rtol.
 */
function parseAssertJ(text: string): Parsed | null {
  const m = new RegExp(
    String.raw`Expecting(?: actual)?:\s*<?(${NUM})>?\s*\n\s*to be close to:\s*<?(${NUM})>?\s*\n\s*by less than <?(${NUM})(%?)>? but difference was <?(${NUM})(%?)>?`,
  ).exec(text);
  if (m === null) return null;
  const actual = num(m[1]);
  const expected = num(m[2]);
  const allowed = num(m[3]);
  if (m[4] === "%") {
    const parsed = scalar("assertj-is-close-to-percentage", { rtol: allowed / 100, atol: 0 }, actual, expected);
    parsed.labels = { rtol: "withPercentage (as a fraction)", atol: "offset" };
    return parsed;
  }
  const parsed = scalar("assertj-is-close-to", { rtol: 0, atol: allowed }, actual, expected, num(m[5]));
  parsed.labels = { rtol: "percentage", atol: "offset" };
  return parsed;
}

/**
 * JUnit's assertEquals(expected, actual, delta) prints only "expected: <1.0> but was: <1.1>"
 * (JUnit 4: "expected:<1.0> but was:<1.1>"): the delta is not in the message, so the observed
 * difference is all there is; no ratio, no rung. Only decimal values on a JUnit assertion count.
 */
function parseJUnitDelta(text: string): Parsed | null {
  if (!/\b(?:AssertionFailedError|java\.lang\.AssertionError|org\.junit\.|junit\.framework\.)/.test(text)) return null;
  const m = new RegExp(String.raw`expected: ?<(${NUM})> but was: ?<(${NUM})>`).exec(text);
  if (m === null || !/[.eE]|nan|inf|Infinity/i.test(`${m[1]}${m[2]}`)) return null;
  return scalar("junit-assert-equals-delta", { rtol: null, atol: null }, num(m[2]), num(m[1]));
}

/** Go's %v of a float also prints +Inf and -Inf. */
const GO_NUM = String.raw`(?:[-+]Inf|${NUM})`;

/**
 * testify: InDelta "Max difference between 1.5 and 1.7 allowed is 0.1, but difference was -0.2"
 * (expected first; a NaN actual: "Expected 1 with delta 1e-09, but was NaN"); InEpsilon
 * "Relative error is too high: 0.01 (expected)\n < 0.2 (actual)". Checked against testify
 * 1.8.1's own output (examples/go).
 */
function parseTestify(text: string): Parsed | null {
  const nan = new RegExp(String.raw`Expected (${GO_NUM}) with delta (${GO_NUM}), but was NaN`).exec(text);
  if (nan !== null) {
    const parsed = scalar("testify-in-delta", { rtol: 0, atol: num(nan[2]) }, NaN, num(nan[1]));
    parsed.labels = { rtol: "epsilon", atol: "delta" };
    return parsed;
  }
  const delta = new RegExp(
    String.raw`Max difference between (${GO_NUM}) and (${GO_NUM}) allowed is (${GO_NUM}), but difference was (${GO_NUM})`,
  ).exec(text);
  if (delta !== null) {
    const parsed = scalar("testify-in-delta", { rtol: 0, atol: num(delta[3]) }, num(delta[2]), num(delta[1]), num(delta[4]));
    parsed.labels = { rtol: "epsilon", atol: "delta" };
    return parsed;
  }
  const eps = new RegExp(String.raw`Relative error is too high: (${NUM}) \(expected\)\s*\n?\s*< (${NUM}) \(actual\)`).exec(text);
  if (eps === null) return null;
  const epsilon = num(eps[1]);
  const observed = num(eps[2]);
  // Only the relative error is printed: as one element with expected 1 its ratio is exact.
  const parsed: Parsed = { format: "testify-in-epsilon", rtol: epsilon, atol: 0, evidence: null };
  if (!Number.isFinite(observed)) parsed.nonFinite = nonFiniteName(observed) ?? "nan";
  else parsed.evidence = { kind: "elements", elements: [{ absDiff: Math.abs(observed), expected: 1 }], complete: true };
  parsed.labels = { rtol: "epsilon", atol: "delta" };
  return parsed;
}

/**
 * googletest EXPECT_NEAR / ASSERT_NEAR: "The difference between a and b is D, which exceeds
 * abs_error, where\na evaluates to A,\nb evaluates to B, and\nabs_error evaluates to T."
 */
function parseGoogletestNear(text: string): Parsed | null {
  const m = new RegExp(
    String.raw`The difference between .{1,500}? is (${NUM}), which exceeds .{1,500}?, where\s*\n.{0,500}? evaluates to (${NUM}),\s*\n.{0,500}? evaluates to (${NUM}), and\s*\n.{0,500}? evaluates to (${NUM})`,
  ).exec(text);
  if (m === null) return null;
  const parsed = scalar("googletest-expect-near", { rtol: 0, atol: num(m[4]) }, num(m[2]), num(m[3]), num(m[1]));
  parsed.labels = { rtol: "rtol", atol: "abs_error" };
  return parsed;
}

/** Catch2's Approx default epsilon: std::numeric_limits<float>::epsilon() * 100. */
const CATCH2_APPROX_EPSILON = 1.1920929e-7 * 100;

/**
 * Catch2: `with expansion:` then "1.1 is within 0.01 of 1.0" (WithinAbs), "1.1 and 1.0 are
 * within 1% of each other" (WithinRel), or "1.1 == Approx( 1.0 )". Approx's epsilon and margin
 * are not expanded: they are read from the printed expression (".epsilon(0.01)"), else
 * Catch2's defaults (epsilon float-eps*100, margin 0).
 */
/**
 * A number that starts a pattern: not inside a longer run of digits. Without the lookbehind a
 * 200k-digit line costs a scan from every position (quadratic).
 */
const LEADING_NUM = String.raw`(?<![\w.+-])(${NUM})`;

function parseCatch2(text: string): Parsed | null {
  if (!/ is within | are within |Approx\( /.test(text)) return null;
  const abs = new RegExp(String.raw`${LEADING_NUM} is within (${NUM}) of (${NUM})`).exec(text);
  if (abs !== null) {
    const parsed = scalar("catch2-within-abs", { rtol: 0, atol: num(abs[2]) }, num(abs[1]), num(abs[3]));
    parsed.labels = { rtol: "WithinRel", atol: "WithinAbs margin" };
    return parsed;
  }
  const rel = new RegExp(String.raw`${LEADING_NUM} and (${NUM}) are within (${NUM})% of each other`).exec(text);
  if (rel !== null) {
    const parsed = scalar("catch2-within-rel", { rtol: num(rel[3]) / 100, atol: 0 }, num(rel[1]), num(rel[2]));
    parsed.labels = { rtol: "WithinRel epsilon", atol: "WithinAbs margin" };
    return parsed;
  }
  const approx = new RegExp(String.raw`${LEADING_NUM} == Approx\( (${NUM}) \)|Approx\( (${NUM}) \) == (${NUM})`).exec(text);
  if (approx === null) return null;
  const actual = num(approx[1] ?? approx[4]);
  const expected = num(approx[2] ?? approx[3]);
  const epsilon = new RegExp(String.raw`\.epsilon\(\s*(${NUM})\s*\)`).exec(text);
  const margin = new RegExp(String.raw`\.margin\(\s*(${NUM})\s*\)`).exec(text);
  const parsed = scalar(
    "catch2-approx",
    { rtol: epsilon !== null ? num(epsilon[1]) : CATCH2_APPROX_EPSILON, atol: margin !== null ? num(margin[1]) : 0 },
    actual,
    expected,
  );
  parsed.labels = { rtol: "Approx epsilon", atol: "Approx margin" };
  return parsed;
}

/**
 * rspec be_within(d).of(e): "expected 0.4858 to be within 0.01 of 0.5"; with .percent_of(e)
 * "expected 0.4858 to be within 2% of 0.5" (the allowance is p% of |e|: an rtol).
 */
function parseRspecBeWithin(text: string): Parsed | null {
  const m = new RegExp(String.raw`expected (${NUM}) to be within (${NUM})(%?) of (${NUM})`).exec(text);
  if (m === null) return null;
  const actual = num(m[1]);
  const expected = num(m[4]);
  const allowed = num(m[2]);
  const percent = m[3] === "%";
  const parsed = percent
    ? scalar("rspec-be-within-percent-of", { rtol: allowed / 100, atol: 0 }, actual, expected)
    : scalar("rspec-be-within", { rtol: 0, atol: allowed }, actual, expected);
  // No " (" in a label: suggest.ts puts " in file:line" before the first one.
  parsed.labels = { rtol: "be_within percent/100", atol: "be_within delta" };
  return parsed;
}

/**
 * minitest assert_in_delta(e, a, d): "Expected |0.5 - 0.4858| (0.0142) to be <= 0.01." with the
 * difference at full precision. assert_in_epsilon(e, a, eps) prints the same sentence with
 * d = eps * min(|e|, |a|), so from the text alone both read as an absolute allowance.
 */
function parseMinitestInDelta(text: string): Parsed | null {
  const m = new RegExp(String.raw`Expected \|(${NUM}) - (${NUM})\| \((${NUM})\) to be <= (${NUM})`).exec(text);
  if (m === null) return null;
  const parsed = scalar("minitest-assert-in-delta", { rtol: 0, atol: num(m[4]) }, num(m[2]), num(m[1]), num(m[3]));
  parsed.labels = { rtol: "assert_in_epsilon epsilon", atol: "assert_in_delta delta" };
  return parsed;
}

/**
 * PHPUnit 9 assertEqualsWithDelta(e, a, d): "Failed asserting that 0.4863 matches expected 0.5."
 * The delta is not printed (assertEquals on floats says the same), so as with JUnit the
 * observed difference is all there is. Only decimal values count.
 */
function parsePhpunitEqualsWithDelta(text: string): Parsed | null {
  const m = new RegExp(String.raw`Failed asserting that (${NUM}) matches expected (${NUM})\.`).exec(text);
  if (m === null || !/[.eE]|nan|inf|Infinity/i.test(`${m[1]}${m[2]}`)) return null;
  return scalar("phpunit-assert-equals-with-delta", { rtol: null, atol: null }, num(m[1]), num(m[2]));
}

// ---------------------------------------------------------------------------------- dtype

const DTYPE = /(?<![A-Za-z0-9])(bfloat16|float16|float32|float64)(?![0-9])/;

/** C++ floating-point types by the names googletest prints for a typed test's parameter. */
const CPP_FLOAT: Readonly<Record<string, string>> = { float: "float32", double: "float64", half: "float16", "Eigen::half": "float16", __half: "float16" };

/**
 * dtype from the message (`dtype=float32`, `dtype('float16')`, `torch.float64`; a googletest
 * typed test's `where TypeParam = float`), else the test id (`test_x[float16]`; CTest names a
 * typed test `Suite.Test<float>`).
 */
export function dtypeOf(text: string, id: string): string | undefined {
  const inText =
    /dtype\s*[=(:]\s*(?:np\.|numpy\.|torch\.)?['"]?(bfloat16|float16|float32|float64)\b/.exec(text) ??
    /\b(?:np|numpy|torch)\.(bfloat16|float16|float32|float64)\b/.exec(text);
  if (inText !== null) return inText[1];
  const cpp = /\bTypeParam = (float|double|half|Eigen::half|__half)\s*$/m.exec(text) ?? /<(float|double|half|Eigen::half|__half)>$/.exec(id);
  if (cpp !== null) return CPP_FLOAT[cpp[1]!];
  return DTYPE.exec(id)?.[1];
}

// ---------------------------------------------------------------------------------- entry

/**
 * Each parser with literals of which every text it accepts contains at least one: an
 * `includes` rules a parser out before its regexes (most of which start with a number, so the
 * regex engine cannot skip ahead) scan the text. Most failures are no numeric comparison.
 */
const PARSERS: ReadonlyArray<{ parse: (text: string) => Parsed | null; needles: readonly string[] }> = [
  { parse: parseMxnet, needles: ["exceeds tolerance rtol="] },
  { parse: parseNumpyAllclose, needles: ["Not equal to tolerance rtol="] },
  { parse: parseNumpyDecimal, needles: ["Arrays are not almost equal to "] },
  { parse: parseTorchTensor, needles: ["Tensor-likes are not close!"] },
  { parse: parseTorchScalar, needles: ["Scalars are not close!"] },
  { parse: parsePytestApproxSequence, needles: ["comparison failed. Mismatched elements: "] },
  { parse: parsePytestApproxScalar, needles: [" ± "] },
  { parse: parseToBeCloseTo, needles: ["Expected precision: ", " to be close to "] },
  { parse: parseAssertJ, needles: ["to be close to:"] },
  { parse: parseTestify, needles: [" allowed is ", "Relative error is too high: ", ", but was NaN"] },
  { parse: parseGoogletestNear, needles: ["The difference between "] },
  { parse: parseCatch2, needles: [" is within ", " are within ", "Approx( "] },
  { parse: parseRspecBeWithin, needles: [" to be within "] },
  { parse: parseMinitestInDelta, needles: [") to be <= "] },
  // Last: they need no tolerance in the text, so any format naming one wins over them.
  { parse: parseJUnitDelta, needles: ["but was:"] },
  { parse: parsePhpunitEqualsWithDelta, needles: [" matches expected "] },
];

/** The needles as `Literal`s (searched from their rarest character: many start with a blank). */
const GATED_PARSERS = PARSERS.map(({ parse, needles }) => ({ parse, literals: needles.map((n) => new Literal(n)) }));

/**
 * The tolerance failure in `text`, or null when the text is no numeric comparison we know.
 * `context.id` (the test id) supplies the dtype when the message does not print one.
 */
export function parseTolerance(text: string, context: { id: string }): Tolerance | null {
  const scanned = text.slice(0, MAX_TOLERANCE_TEXT);
  // Stripping pytest's prefixes only cuts characters from line starts and turns CRs into line
  // ends, and no needle holds a line end: a needle of the stripped text is in the raw text
  // too. So parsers whose needles the raw text lacks are out before the stripped copy is made
  // (and most failures, lacking them all, never make it).
  const candidates = GATED_PARSERS.filter(({ literals }) => literals.some((n) => n.in(scanned)));
  if (candidates.length === 0) return null;
  const normalised = stripPytestPrefixes(scanned);
  let parsed: Parsed | null = null;
  for (const { parse, literals } of candidates) {
    if (!literals.some((n) => n.in(normalised))) continue;
    parsed = parse(normalised);
    if (parsed !== null) break;
  }
  if (parsed === null) return null;

  const dtype = dtypeOf(normalised, context.id);
  const tolerance: Tolerance = {
    format: parsed.format,
    rtol: parsed.rtol,
    atol: parsed.atol,
    ratio: null,
    suggestion: null,
  };
  if (parsed.actual !== undefined) tolerance.actual = parsed.actual;
  if (parsed.expected !== undefined) tolerance.expected = parsed.expected;
  if (dtype !== undefined) tolerance.dtype = dtype;
  if (parsed.location !== undefined) tolerance.location = parsed.location;
  if (parsed.nonFinite !== undefined) {
    tolerance.nonFinite = parsed.nonFinite;
    return tolerance;
  }

  const { evidence } = parsed;
  if (parsed.printedRatio !== undefined) tolerance.ratio = parsed.printedRatio;
  else if (evidence !== null) {
    const ratio = violationRatioBounds(evidence, parsed.rtol ?? 0, parsed.atol ?? 0);
    tolerance.ratio = Number.isFinite(ratio.high) ? ratio.high : null;
    if (tolerance.ratio !== null && ratio.low > 0 && ratio.low < ratio.high * (1 - 1e-3)) tolerance.ratioAtLeast = ratio.low;
  }
  if (evidence === null) return tolerance;

  if (parsed.rtol === null && parsed.atol === null) return tolerance;
  const labels = parsed.format === "pytest-approx" ? APPROX_LABELS : parsed.labels;
  tolerance.suggestion =
    parsed.decimal !== undefined
      ? suggestDecimal(parsed.decimal, evidence, dtype)
      : parsed.precision !== undefined
        ? suggestDecimal(parsed.precision, evidence, dtype, TO_BE_CLOSE_TO)
        : suggestTolerance({
          rtol: parsed.rtol,
          atol: parsed.atol,
          dtype,
          evidence,
          ...(labels !== undefined ? { labels } : {}),
        });
  return tolerance;
}

/**
 * atol=0 against an expected 0: no rtol can pass it, so any nonzero error fails by
 * construction (the suggestion then introduces an atol rather than stepping one).
 */
export function cannotPassByConstruction(tolerance: Tolerance): boolean {
  return tolerance.suggestion?.parameter === "atol" && tolerance.suggestion.from === 0;
}
