/**
 * Near misses in other runners' words, mapped to rtol/atol/ratio so the same ladder applies.
 * The vitest message is real (vitest 4.1 on this machine); the others are the runners'
 * documented messages, quoted from their sources (docs/runners.md).
 */
import { describe, expect, it } from "vitest";
import { parseTolerance } from "../../src/diagnose/tolerance.js";

const ID = { id: "t" };

describe("toBeCloseTo (jest, vitest): precision is the ladder", () => {
  it("vitest: one sentence, the allowance printed unrounded (real output)", () => {
    const t = parseTolerance(
      "AssertionError: expected 0.30000000000000004 to be close to 0.31, received difference is 0.009999999999999953, but expected 0.0000049999999999999996\n ❯ a.test.js:4:43",
      ID,
    );
    expect(t).toMatchObject({ format: "vitest-to-be-close-to", rtol: 0, actual: 0.30000000000000004, expected: 0.31 });
    expect(t?.atol).toBeCloseTo(5e-6, 12);
    expect(t?.ratio).toBeCloseTo(2000, 0);
    // 10^-p/2 > 0.01 first holds at p = 1: four steps down from 5.
    expect(t?.suggestion).toMatchObject({ parameter: "atol", to: 5e-5, rungsNeeded: 4 });
    expect(t?.suggestion?.text).toMatch(/^lower toBeCloseTo precision 5 -> 4 \(abs threshold 5e-6 -> 5e-5; needed > 1e-2, 4 steps away/);
  });

  it("jest: the Expected precision / difference lines", () => {
    const text = [
      "expect(received).toBeCloseTo(expected, precision)",
      "",
      "Expected: 0.31",
      "Received: 0.30000000000000004",
      "",
      "Expected precision:    2",
      "Expected difference: < 0.005",
      "Received difference:   0.009999999999999953",
    ].join("\n");
    const t = parseTolerance(text, ID);
    expect(t).toMatchObject({ format: "jest-to-be-close-to", rtol: 0, atol: 0.005, expected: 0.31 });
    expect(t?.ratio).toBeCloseTo(2, 6);
    expect(t?.suggestion).toMatchObject({ from: 0.005, to: 0.05, rungsNeeded: 1 });
    expect(t?.suggestion?.text).toBe("lower toBeCloseTo precision 2 -> 1 (abs threshold 5e-3 -> 5e-2; one step; needed > 1e-2)");
  });

  it("NaN is not a tolerance problem", () => {
    const t = parseTolerance("expected NaN to be close to 1, received difference is NaN, but expected 5e-7", ID);
    expect(t).toMatchObject({ format: "vitest-to-be-close-to", nonFinite: "nan", suggestion: null });
  });
});

describe("JVM", () => {
  it("AssertJ isCloseTo(within/offset): an atol", () => {
    const t = parseTolerance(
      "java.lang.AssertionError: \nExpecting actual:\n  8.1\nto be close to:\n  8.0\nby less than 0.05 but difference was 0.09999999999999964.\n(a difference of exactly 0.05 being considered valid)",
      ID,
    );
    expect(t).toMatchObject({ format: "assertj-is-close-to", rtol: 0, atol: 0.05, actual: 8.1, expected: 8 });
    expect(t?.ratio).toBeCloseTo(2, 6);
    expect(t?.suggestion?.text).toBe("raise offset 5e-2 -> 0.1 (one rung; needed >= 0.1)");
  });

  it("AssertJ isCloseTo(withPercentage): an rtol", () => {
    const t = parseTolerance(
      "Expecting actual:\n  11.0\nto be close to:\n  10.0\nby less than 5.0% but difference was 10.0%.\n(a difference of exactly 5.0% being considered valid)",
      ID,
    );
    expect(t).toMatchObject({ format: "assertj-is-close-to-percentage", rtol: 0.05, atol: 0 });
    expect(t?.ratio).toBeCloseTo(2, 6);
    expect(t?.suggestion).toMatchObject({ parameter: "rtol", from: 0.05, to: 0.1 });
  });

  it("older AssertJ wording with <...>", () => {
    const t = parseTolerance("Expecting:\n <8.1>\nto be close to:\n <8.0>\nby less than <0.05> but difference was <0.1>.", ID);
    expect(t).toMatchObject({ format: "assertj-is-close-to", atol: 0.05 });
  });

  it("JUnit 5 assertEquals(expected, actual, delta): the delta is not printed, so no ratio and no rung", () => {
    const t = parseTolerance("org.opentest4j.AssertionFailedError: expected: <1.0> but was: <1.1>\n\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)", ID);
    expect(t).toMatchObject({ format: "junit-assert-equals-delta", rtol: null, atol: null, ratio: null, actual: 1.1, expected: 1, suggestion: null });
  });

  it("JUnit 4 wording; integers and strings are no near miss", () => {
    expect(parseTolerance("java.lang.AssertionError: expected:<0.5> but was:<0.75>", ID)?.format).toBe("junit-assert-equals-delta");
    expect(parseTolerance("java.lang.AssertionError: expected:<3> but was:<4>", ID)).toBeNull();
    expect(parseTolerance("expected: <1.0> but was: <1.1>", ID)).toBeNull();
  });
});

describe("Go testify", () => {
  it("InDelta: an atol named delta", () => {
    const t = parseTolerance(
      "    Error Trace:\tmean_test.go:12\n    Error:      \tMax difference between 1.5 and 1.7 allowed is 0.1, but difference was -0.19999999999999996",
      ID,
    );
    expect(t).toMatchObject({ format: "testify-in-delta", atol: 0.1, actual: 1.7, expected: 1.5 });
    expect(t?.ratio).toBeCloseTo(2, 6);
    expect(t?.suggestion?.text).toBe("raise delta 0.1 -> 0.5 (one rung; needed >= 0.2)");
  });

  it("InEpsilon: an rtol named epsilon", () => {
    const t = parseTolerance("Error:      \tRelative error is too high: 0.01 (expected)\n\t            \t        < 0.05 (actual)", ID);
    expect(t).toMatchObject({ format: "testify-in-epsilon", rtol: 0.01, atol: 0 });
    expect(t?.ratio).toBeCloseTo(5, 6);
    expect(t?.suggestion?.text).toBe("raise epsilon 1e-2 -> 5e-2 (one rung; needed >= 5e-2)");
  });
});

describe("C++", () => {
  it("googletest EXPECT_NEAR", () => {
    const t = parseTolerance(
      [
        "foo_test.cc:42: Failure",
        "The difference between val1 and val2 is 0.10000000000000009, which exceeds abs_error, where",
        "val1 evaluates to 1,",
        "val2 evaluates to 1.1000000000000001, and",
        "abs_error evaluates to 0.01.",
      ].join("\n"),
      ID,
    );
    expect(t).toMatchObject({ format: "googletest-expect-near", atol: 0.01 });
    expect(t?.ratio).toBeCloseTo(10, 6);
    expect(t?.suggestion).toMatchObject({ parameter: "atol", from: 0.01, to: 0.05, rungsNeeded: 2 });
    expect(t?.suggestion?.text).toMatch(/^raise abs_error 1e-2 -> 5e-2 \(needed >= 0\.1, 2 rungs away/);
  });

  it("Catch2 WithinAbs and WithinRel", () => {
    const abs = parseTolerance("FAILED:\n  REQUIRE_THAT( x, WithinAbs(1.0, 0.01) )\nwith expansion:\n  1.1 is within 0.01 of 1.0", ID);
    expect(abs).toMatchObject({ format: "catch2-within-abs", atol: 0.01, actual: 1.1, expected: 1 });
    expect(abs?.ratio).toBeCloseTo(10, 6);
    const rel = parseTolerance("with expansion:\n  1.1 and 1.0 are within 1% of each other", ID);
    expect(rel).toMatchObject({ format: "catch2-within-rel", rtol: 0.01 });
    expect(rel?.ratio).toBeCloseTo(10, 6);
  });

  it("Catch2 Approx: epsilon and margin read from the expression, else Catch2's defaults", () => {
    const custom = parseTolerance("FAILED:\n  REQUIRE( x == Approx(1.0).epsilon(0.01) )\nwith expansion:\n  1.02 == Approx( 1.0 )", ID);
    expect(custom).toMatchObject({ format: "catch2-approx", rtol: 0.01, atol: 0 });
    expect(custom?.ratio).toBeCloseTo(2, 6);
    expect(custom?.suggestion?.text).toMatch(/^raise Approx epsilon 1e-2 -> 5e-2 \(one rung; needed >= 2e-2\)/);
    const dflt = parseTolerance("FAILED:\n  REQUIRE( x == Approx(1.0) )\nwith expansion:\n  1.001 == Approx( 1.0 )", ID);
    expect(dflt?.rtol).toBeCloseTo(1.1920929e-5, 12);
  });
});

it("stays fast on hostile input in the new formats", () => {
  const start = Date.now();
  for (const h of [
    "1 is within " + "1".repeat(200_000),
    "Error " + "1".repeat(200_000),
    "Max difference between " + "1".repeat(200_000),
    "The difference between " + "a ".repeat(100_000),
    "org.junit. expected: <" + "1".repeat(200_000),
    "Expecting actual:\n" + " ".repeat(200_000),
    "Approx( " + "1".repeat(200_000),
  ]) {
    parseTolerance(h, ID);
  }
  expect(Date.now() - start).toBeLessThan(2_000);
});
