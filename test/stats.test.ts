import { describe, expect, it } from "vitest";
import {
  interval,
  inverseRegularizedIncompleteBeta,
  lowerBound,
  regularizedIncompleteBeta,
  upperBound,
} from "../src/stats.js";

/**
 * Reference values computed with scipy 1.17 (scipy.stats.beta.ppf / scipy.special.betainc):
 * (k, n, one-sided 95% upper, one-sided 95% lower, two-sided 95% lower, two-sided 95% upper).
 */
const REFERENCE: Array<[number, number, number, number, number, number]> = [
  [0, 10, 0.2588655508930522, 0, 0, 0.3084971078187607],
  [1, 10, 0.39416330243650466, 0.005116196891823701, 0.0025285785444617848, 0.4450161170281954],
  [3, 10, 0.6066242161054123, 0.08726443391415033, 0.06673951117773447, 0.6524528500599973],
  [5, 20, 0.4555824040017489, 0.10408083591013609, 0.08657146910143461, 0.49104587170795744],
  [9, 10, 0.9948838031081763, 0.6058366975634952, 0.5549838829718047, 0.9974714214555382],
  [0, 1, 0.95, 0, 0, 0.975],
  [0, 3, 0.6315968501359612, 0, 0, 0.7075982261787133],
  [2, 5, 0.8107446225622291, 0.07644039141232889, 0.052744950526316906, 0.8533672003653268],
  [50, 100, 0.5863782853690882, 0.41362171463091174, 0.39832112950330095, 0.601678870496699],
  [0, 100, 0.029513049607039925, 0, 0, 0.03621669264517641],
  [1, 1000, 0.004734993575499777, 5.129197890901781e-5, 2.531748749129404e-5, 0.005558924279826672],
];

/** P(X <= k) for X ~ Binomial(n, p), as an exact sum of terms (independent of the beta code). */
function binomialCdf(k: number, n: number, p: number): number {
  let term = Math.pow(1 - p, n); // P(X = 0)
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= ((n - i + 1) / i) * (p / (1 - p));
    sum += term;
  }
  return sum;
}

describe("stats", () => {
  it("has the closed form for zero successes: 10 runs, 0 passes -> 0.2589", () => {
    expect(upperBound(0, 10)).toBeCloseTo(0.2589, 4);
    expect(upperBound(0, 10)).toBeCloseTo(1 - Math.pow(0.05, 1 / 10), 14);
  });

  it.each(REFERENCE)("k=%i n=%i matches scipy", (k, n, up, lo, lo2, up2) => {
    expect(upperBound(k, n)).toBeCloseTo(up, 9);
    expect(lowerBound(k, n)).toBeCloseTo(lo, 9);
    const ci = interval(k, n);
    expect(ci.lower).toBeCloseTo(lo2, 9);
    expect(ci.upper).toBeCloseTo(up2, 9);
  });

  it("upper bounds satisfy their definition against exact binomial sums", () => {
    for (const [k, n] of [[1, 10], [4, 12], [7, 30], [0, 7]] as const) {
      // The upper bound is the p at which seeing k or fewer successes has probability 5%.
      expect(binomialCdf(k, n, upperBound(k, n))).toBeCloseTo(0.05, 10);
      if (k > 0) expect(1 - binomialCdf(k - 1, n, lowerBound(k, n))).toBeCloseTo(0.05, 10);
    }
  });

  it("handles the edges", () => {
    expect(upperBound(5, 5)).toBe(1);
    expect(lowerBound(0, 5)).toBe(0);
    expect(lowerBound(5, 5)).toBeCloseTo(Math.pow(0.05, 1 / 5), 14);
    expect(() => upperBound(3, 2)).toThrow(RangeError);
    expect(() => upperBound(1.5, 2)).toThrow(RangeError);
    expect(() => upperBound(0, 0)).not.toThrow();
    expect(upperBound(0, 0)).toBe(1);
  });

  it("computes the regularized incomplete beta and its inverse", () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 3.5)).toBeCloseTo(0.29675298929566646, 12);
    expect(regularizedIncompleteBeta(0.9, 0.5, 0.5)).toBeCloseTo(0.7951672353008665, 12);
    expect(regularizedIncompleteBeta(0.33, 10, 20)).toBeCloseTo(0.5019142489967602, 12);
    expect(regularizedIncompleteBeta(0.25, 1, 1)).toBeCloseTo(0.25, 14);
    expect(inverseRegularizedIncompleteBeta(0.7951672353008665, 0.5, 0.5)).toBeCloseTo(0.9, 10);
  });
});
