import { describe, expect, it } from "vitest";
import {
  formatRatio,
  DTYPE_GUIDELINES,
  formatNeeded,
  formatTolerance,
  minimumAtolBounds,
  minimumRtolBounds,
  nextRung,
  rungsNeeded,
  suggestDecimal,
  suggestTolerance,
  violationRatioBounds,
  type Evidence,
} from "../../src/diagnose/ladder.js";

const one = (absDiff: number, expected: number): Evidence => ({
  kind: "elements",
  elements: [{ absDiff, expected }],
  complete: true,
});

describe("rungs", () => {
  it.each([
    [1e-7, 5e-7],
    [5e-7, 1e-6],
    [1e-5, 5e-5],
    [5e-5, 1e-4],
    [3e-5, 5e-5],
    [1e-4, 5e-4],
    [5e-3, 1e-2],
    [1e-12, 5e-12],
    [0.5, 1],
  ])("next rung above %d is %d", (from, to) => {
    expect(nextRung(from)).toBe(to);
  });

  it("counts rungs from the current value to the first that passes", () => {
    expect(rungsNeeded(1e-5, 1.08e-5)).toBe(1);
    expect(rungsNeeded(1e-5, 5e-5)).toBe(1);
    expect(rungsNeeded(1e-5, 5.1e-5)).toBe(2); // 5e-5, 1e-4
    expect(rungsNeeded(1e-6, 1.01e-5)).toBe(3); // 5e-6, 1e-5, 5e-5
    expect(rungsNeeded(1e-5, 9e-6)).toBe(0); // already passes
    // Printed tolerances are rounded: 9.99999e-8 is the rung 1e-7.
    expect(nextRung(9.99999e-8)).toBe(5e-7);
  });

  it("formats violation ratios readably, and a range when only bounds are known", () => {
    expect(formatRatio(12.0549)).toBe("12.1x");
    expect(formatRatio(1_280_000_000)).toBe("1.28e9x");
    expect(formatRatio(99_900)).toBe("99900x");
    expect(formatRatio(99_999)).toBe("1e5x");
    // Bounds stay bounds: the low end rounded down, the high end up.
    expect(formatRatio(12.1, 3.95)).toBe("3.9-12.1x");
    expect(formatRatio(2.991, 2.97)).toBe("2.9-3x");
    expect(formatRatio(12.1, 12.1)).toBe("12.1x");
    expect(formatRatio(12.1, null)).toBe("12.1x");
  });

  it("formats values as tests write them", () => {
    expect(formatTolerance(5e-5)).toBe("5e-5");
    expect(formatTolerance(1e-3)).toBe("1e-3");
    expect(formatTolerance(0.5)).toBe("0.5");
    expect(formatTolerance(0)).toBe("0");
    // rounded up, so "needed >= X" never understates what is needed
    expect(formatNeeded(1.0821846e-5)).toBe("1.09e-5");
    expect(formatNeeded(1.3e-5)).toBe("1.3e-5");
  });

  it("exports the per-dtype guideline table", () => {
    expect(DTYPE_GUIDELINES).toEqual({
      float16: { rtol: 1e-2, atol: 1e-2 },
      float32: { rtol: 1e-4, atol: 1e-3 },
      float64: { rtol: 1e-7, atol: 1e-3 },
    });
  });
});

describe("the reference document's example, worked by hand", () => {
  // Error 1.067252 exceeds tolerance rtol=0.000100, atol=0.000010 ... a=0.022217, b=0.022204
  // allowance = 1e-5 + 1e-4 * 0.022204 = 1.22204e-5
  // |a-b|     = 1.067252 * 1.22204e-5   = 1.3042246e-5   (from the printed ratio; a, b are rounded)
  // atol needed (rtol fixed) = 1.3042246e-5 - 2.2204e-6        = 1.0821846e-5 -> 5e-5: 1 rung
  // rtol needed (atol fixed) = (1.3042246e-5 - 1e-5) / 0.022204 = 1.37013e-4  -> 5e-4: 1 rung
  // tie -> the term dominating the allowance: atol (1e-5) > rtol*|b| (2.2204e-6) -> raise atol.
  const absDiff = 1.067252 * (1e-5 + 1e-4 * 0.022204);
  const evidence = one(absDiff, 0.022204);

  it("derives the minimum passing values", () => {
    expect(absDiff).toBeCloseTo(1.3042246e-5, 11);
    expect(minimumAtolBounds(evidence, 1e-4).high).toBeCloseTo(1.0821846e-5, 11);
    expect(minimumRtolBounds(evidence, 1e-5)?.high).toBeCloseTo(1.37013e-4, 8);
    expect(violationRatioBounds(evidence, 1e-4, 1e-5).high).toBeCloseTo(1.067252, 12);
  });

  it("suggests atol 1e-5 -> 5e-5, one rung", () => {
    const s = suggestTolerance({ rtol: 1e-4, atol: 1e-5, evidence });
    expect(s).toEqual({
      parameter: "atol",
      from: 1e-5,
      to: 5e-5,
      minimumPassing: expect.closeTo(1.0821846e-5, 11) as unknown as number,
      rungsNeeded: 1,
      text: "raise atol 1e-5 -> 5e-5 (one rung; needed >= 1.09e-5)",
    });
  });
});

describe("choosing the parameter", () => {
  it("prefers the parameter needing fewer rungs", () => {
    // b=1, D=1.2e-4, rtol=1e-4, atol=1e-6: rtol needs 1.19e-4 (1 rung), atol 2e-5 (3 rungs)
    const s = suggestTolerance({ rtol: 1e-4, atol: 1e-6, evidence: one(1.2e-4, 1) })!;
    expect([s.parameter, s.from, s.to, s.rungsNeeded]).toEqual(["rtol", 1e-4, 5e-4, 1]);
  });

  it("on a tie raises the term that dominates the allowance", () => {
    // b=2, rtol=atol=1e-5: allowance 1e-5 + 2e-5; D=3.3e-5 -> both need one rung; rtol*|b| dominates
    const s = suggestTolerance({ rtol: 1e-5, atol: 1e-5, evidence: one(3.3e-5, 2) })!;
    expect([s.parameter, s.to, s.rungsNeeded]).toEqual(["rtol", 5e-5, 1]);
    expect(s.minimumPassing).toBeCloseTo(1.15e-5, 12);
  });

  it("suggests only the next rung and says when it will not be enough", () => {
    // numpy default rtol=1e-7, atol=0; 3.0 vs 3.1 needs rtol 0.0323: 11 rungs up
    const s = suggestTolerance({ rtol: 1e-7, atol: 0, evidence: one(0.1, 3.1) })!;
    expect([s.parameter, s.from, s.to, s.rungsNeeded]).toEqual(["rtol", 1e-7, 5e-7, 11]);
    expect(s.text).toBe(
      "raise rtol 1e-7 -> 5e-7 (needed >= 3.23e-2, 11 rungs away: the next rung alone will not " +
        "cover the observed case; re-run after each step)",
    );
  });

  it("warns when the next rung exceeds the dtype guideline", () => {
    const f32 = suggestTolerance({ rtol: 1e-4, atol: 1e-6, dtype: "float32", evidence: one(1.2e-4, 1) })!;
    expect(f32.to).toBe(5e-4);
    expect(f32.guidelineWarning).toBe(
      "double-check the implementation: rtol 5e-4 exceeds the float32 guideline of 1e-4",
    );
    const f64 = suggestTolerance({ rtol: 1e-7, atol: 0, dtype: "float64", evidence: one(1.5e-7, 1) })!;
    expect(f64.guidelineWarning).toMatch(/float64 guideline of 1e-7/);
    const f16 = suggestTolerance({ rtol: 1e-2, atol: 1e-2, dtype: "float16", evidence: one(0.025, 1) })!;
    expect([f16.to, f16.guidelineWarning]).toEqual([5e-2, expect.stringMatching(/float16 guideline of 1e-2/)]);
    const ok = suggestTolerance({ rtol: 1e-5, atol: 1e-5, dtype: "float32", evidence: one(3.3e-5, 2) })!;
    expect(ok.guidelineWarning).toBeUndefined();
  });

  it("atol=0 with expected 0 cannot pass by construction: introduce an atol", () => {
    const s = suggestTolerance({ rtol: 1e-7, atol: 0, dtype: "float16", evidence: one(3e-4, 0) })!;
    expect(s).toMatchObject({ parameter: "atol", from: 0, to: 5e-4, rungsNeeded: 1, minimumPassing: 3e-4 });
    expect(s.guidelineWarning).toBeUndefined();
    expect(s.text).toMatch(/cannot pass/);
    const big = suggestTolerance({ rtol: 1e-7, atol: 0, dtype: "float32", evidence: one(0.02, 0) })!;
    expect([big.to, big.guidelineWarning]).toEqual([5e-2, expect.stringMatching(/float32 guideline of 1e-3/)]);
  });

  it("uses the maxima bound when elements are unknown", () => {
    const evidence: Evidence = { kind: "maxima", maxAbs: 1e-3, maxRel: 1.01e-5 };
    expect(violationRatioBounds(evidence, 1e-6, 0).high).toBeCloseTo(10.1, 10);
    const s = suggestTolerance({ rtol: 1e-6, atol: 0, evidence })!;
    expect([s.parameter, s.to, s.rungsNeeded]).toEqual(["rtol", 5e-6, 3]);
  });

  it("returns null when nothing is wrong or nothing can be said", () => {
    expect(suggestTolerance({ rtol: 1e-5, atol: 1e-5, evidence: one(0, 1) })).toBeNull();
    expect(suggestTolerance({ rtol: null, atol: null, evidence: one(1e-3, 1) })).toBeNull();
  });
});

describe("decimal form", () => {
  it("steps one decimal at a time", () => {
    const s = suggestDecimal(6, { kind: "maxima", maxAbs: 1e-5, maxRel: 5e-6 })!;
    expect([s.from, s.to, s.rungsNeeded]).toEqual([1.5e-6, 1.5e-5, 1]);
    expect(s.text).toBe("lower decimal 6 -> 5 (abs threshold 1.5e-6 -> 1.5e-5; one step; needed > 1e-5)");
    const two = suggestDecimal(6, { kind: "maxima", maxAbs: 2e-5, maxRel: 1e-5 })!;
    expect(two.rungsNeeded).toBe(2);
  });
});
