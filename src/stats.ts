/**
 * Exact binomial (Clopper-Pearson) bounds. Rerun counts are small (10, 20, 100), where normal
 * approximations are badly wrong near 0 and 1; the exact bounds come from the beta
 * distribution: for k successes in n trials, the one-sided upper bound at level `conf` is the
 * `conf` quantile of Beta(k+1, n-k), the lower bound the `1-conf` quantile of Beta(k, n-k+1).
 */

/** How close bisection gets to the quantile; far below anything we print (3 significant digits). */
const QUANTILE_TOLERANCE = 1e-13;
/** Continued-fraction convergence: relative change per step below this is machine precision. */
const CF_EPSILON = 3e-16;
const CF_MAX_ITERATIONS = 10_000;
/** Guards the modified Lentz algorithm against division by zero. */
const CF_TINY = 1e-300;

/** Lanczos coefficients (g=7, n=9): about 15 significant digits for x > 0. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the Lanczos series in the range where it is accurate.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction for I_x(a, b), evaluated with the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < CF_TINY) d = CF_TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // even step
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + num / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    h *= d * c;
    // odd step
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + num / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPSILON) return h;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`beta parameters must be positive (a=${a}, b=${b})`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  // The continued fraction converges fast only on this side of the mean; use symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The p-quantile of Beta(a, b): the x with I_x(a, b) = p, by bisection (I is monotone in x). */
export function inverseRegularizedIncompleteBeta(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  while (hi - lo > QUANTILE_TOLERANCE) {
    const mid = (lo + hi) / 2;
    if (regularizedIncompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function checkCounts(k: number, n: number, conf: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`need integers 0 <= k <= n (k=${k}, n=${n})`);
  }
  if (!(conf > 0 && conf < 1)) throw new RangeError(`confidence must be in (0, 1) (got ${conf})`);
}

/**
 * One-sided exact upper bound on the success probability after k successes in n trials.
 * k=0 has the closed form 1 - (1-conf)^(1/n): 10 trials, none successful -> 0.2589.
 */
export function upperBound(k: number, n: number, conf = 0.95): number {
  checkCounts(k, n, conf);
  if (k === n) return 1;
  if (k === 0) return 1 - Math.pow(1 - conf, 1 / n);
  return inverseRegularizedIncompleteBeta(conf, k + 1, n - k);
}

/** One-sided exact lower bound on the success probability after k successes in n trials. */
export function lowerBound(k: number, n: number, conf = 0.95): number {
  checkCounts(k, n, conf);
  if (k === 0) return 0;
  if (k === n) return Math.pow(1 - conf, 1 / n);
  return inverseRegularizedIncompleteBeta(1 - conf, k, n - k + 1);
}

/** Two-sided exact interval: each tail gets (1-conf)/2. */
export function interval(k: number, n: number, conf = 0.95): { lower: number; upper: number } {
  checkCounts(k, n, conf);
  const oneSided = 1 - (1 - conf) / 2;
  return { lower: lowerBound(k, n, oneSided), upper: upperBound(k, n, oneSided) };
}
