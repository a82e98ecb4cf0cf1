import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cannotPassByConstruction, dtypeOf, parseTolerance } from "../../src/diagnose/tolerance.js";

/** Real numpy 2.4 / pytest 9 output, produced by ../fixtures/messages/regenerate.py. */
const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/messages/${name}`, import.meta.url), "utf8");

const ID = { id: "tests/test_ops.py::test_op" };

describe("MXNet assert_almost_equal", () => {
  // The old "%f" format, verbatim from the reference document's log.
  const OLD = [
    "Items are not equal:",
    "",
    "Error 1.067252 exceeds tolerance rtol=0.000100, atol=0.000010. Location of maximum error:(34, 15), a=0.022217, b=0.022204",
    "",
    "a: array([[ -9.000863 , 4.9705057 , -2.7022123 , ..., -10.717851 , 19.614717 , 17.951117 ],",
    "b: array([[ -9.000862 , 4.9705014 , -2.7022119 , ..., -10.717848 , 19.614723 , 17.951107 ],",
  ].join("\n");

  it("reads the location numpy 2 prints as np.int64 indices (older and newer messages)", () => {
    // MXNet's location is np.unravel_index(...), whose indices numpy 2 prints as np.int64(n).
    const older =
      "Error 1.033068 exceeds tolerance rtol=0.010000, atol=0.001000.  Location of maximum error:(np.int64(2), np.int64(4), np.int64(4)), a=-0.011993, b=-0.013162";
    const newer = [
      "Items are not equal:",
      "Error 1.067252 exceeds tolerance rtol=1.000000e-04, atol=1.000000e-05 (mismatch 0.031250%).",
      "Location of maximum error: (np.int64(34), np.int64(15)), a=0.02221700, b=0.02220400",
    ].join("\n");
    expect(parseTolerance(older, ID)).toMatchObject({
      location: "(np.int64(2), np.int64(4), np.int64(4))",
      actual: -0.011993,
      expected: -0.013162,
      suggestion: { parameter: "atol", from: 1e-3, to: 5e-3, rungsNeeded: 1 },
    });
    expect(parseTolerance(newer, ID)).toMatchObject({
      location: "(np.int64(34), np.int64(15))",
      expected: 0.022204,
      suggestion: { parameter: "atol", from: 1e-5, to: 5e-5, rungsNeeded: 1 },
    });
  });

  it("parses the reference example and suggests atol 1e-5 -> 5e-5", () => {
    const t = parseTolerance(OLD, { id: "test_operator_gpu.test_sparse_dot" })!;
    expect(t).toMatchObject({
      format: "mxnet-assert-almost-equal",
      rtol: 1e-4,
      atol: 1e-5,
      ratio: 1.067252,
      actual: 0.022217,
      expected: 0.022204,
      location: "(34, 15)",
    });
    expect(t.dtype).toBeUndefined();
    expect(t.suggestion).toMatchObject({ parameter: "atol", from: 1e-5, to: 5e-5, rungsNeeded: 1 });
    expect(t.suggestion!.text).toBe("raise atol 1e-5 -> 5e-5 (one rung; needed >= 1.09e-5)");
  });

  // The newer format, written from python/mxnet/test_utils.py (f-strings with %e tolerances,
  // "(mismatch x%)" and "Location of maximum  error"); MXNet is not installed here.
  it("parses the newer format with other array names", () => {
    const text = [
      "Error 1.0672520399093628 exceeds tolerance rtol=1.000000e-04, atol=1.000000e-05 (mismatch 0.1%).",
      "Location of maximum  error: (0, 3), EXPECTED_output=0.02220400, FORWARD_output=0.02221700",
      " EXPECTED_output: array([[0.1, ...",
    ].join("\n");
    const t = parseTolerance(text, { id: "test_operator.py::test_op[float32]" })!;
    // MXNet's error uses |b| (the second array) as the reference.
    expect(t).toMatchObject({ rtol: 1e-4, atol: 1e-5, location: "(0, 3)", actual: 0.022204, expected: 0.022217, dtype: "float32" });
    expect(t.ratio).toBeCloseTo(1.06725204, 8);
  });

  it("parses x=/y= names, the at-least mismatch and the symbol wrapper prefix", () => {
    const text =
      'In symbol "fc1" at position 2: Error 2.5 exceeds tolerance rtol=1.000000e-05, atol=1.000000e-20 ' +
      "(mismatch at least 10.0%).\nLocation of maximum  error: (1,), x=2.00005000, y=2.00000000";
    const t = parseTolerance(text, ID)!;
    expect(t).toMatchObject({ rtol: 1e-5, atol: 1e-20, ratio: 2.5, actual: 2.00005, expected: 2, location: "(1,)" });
    expect(t.suggestion).toMatchObject({ parameter: "rtol", to: 5e-5, rungsNeeded: 1 });
  });

  it("flags Error nan as non-finite, with no suggestion", () => {
    const t = parseTolerance(
      "Error nan exceeds tolerance rtol=1.000000e-04, atol=1.000000e-05 (mismatch 50.0%).\nLocation of maximum  error: (0,), a=nan, b=1.00000000",
      ID,
    )!;
    expect(t).toMatchObject({ nonFinite: "nan", ratio: null, suggestion: null, actual: NaN, expected: 1 });
  });

  it("parses the MXNet format without a location", () => {
    const t = parseTolerance("Error 3.000000 exceeds tolerance rtol=0.000010, atol=0.000000.\n", ID)!;
    expect(t).toMatchObject({ ratio: 3, rtol: 1e-5, atol: 0, suggestion: null });
  });
});

describe("numpy assert_allclose (real numpy 2.4 output)", () => {
  it("one mismatch: exact from the listed element", () => {
    const t = parseTolerance(fixture("numpy-allclose-single.txt"), ID)!;
    expect(t).toMatchObject({ format: "numpy-allclose", rtol: 1e-7, atol: 0, actual: 3, expected: 3.1, location: "[2]" });
    expect(t.ratio).toBeCloseTo(0.1 / (1e-7 * 3.1), 3);
    expect(t.suggestion).toMatchObject({ parameter: "rtol", from: 1e-7, to: 5e-7, rungsNeeded: 11 });
  });

  it("float32 near miss: dtype from the array repr, one rung of rtol", () => {
    const t = parseTolerance(fixture("numpy-allclose-float32.txt"), ID)!;
    expect(t.dtype).toBe("float32");
    // |3.0 - 3.0000998973846436| / (1e-6 + 1e-5 * 3.0000998973846436)
    expect(t.ratio).toBeCloseTo(9.98973846436e-5 / (1e-6 + 1e-5 * 3.0000998973846436), 9);
    expect(t.suggestion).toMatchObject({ parameter: "rtol", from: 1e-5, to: 5e-5, rungsNeeded: 1 });
    expect(t.suggestion!.minimumPassing).toBeCloseTo((9.98973846436e-5 - 1e-6) / 3.0000998973846436, 12);
    expect(t.suggestion!.guidelineWarning).toBeUndefined();
  });

  it("a tolerance finer than the printed digits: the maxima tell the miss, not the arrays that print alike", () => {
    const t = parseTolerance(fixture("numpy-allclose-scalar-fine.txt"), ID)!;
    // ACTUAL and DESIRED both print -4.194259; numpy's maxima: 6.9e-7 absolute, 1.645e-7 relative.
    expect(t.ratio).toBeCloseTo(1.64539092e-7 / 1e-9, 3);
    expect(t.suggestion).toMatchObject({ parameter: "rtol", from: 1e-9 });
    expect(t.suggestion!.minimumPassing).toBeCloseTo(1.64539092e-7, 12);
  });

  it("elided arrays: estimates from the maxima (an upper bound)", () => {
    const t = parseTolerance(fixture("numpy-allclose-elided.txt"), ID)!;
    // 99 mismatches, 5 listed, arrays cut with "...": ratio <= maxRel / rtol
    expect(t.ratio).toBeCloseTo(1.01009081e-5 / 1e-6, 6);
    expect(t.suggestion).toMatchObject({ parameter: "rtol", to: 5e-6, rungsNeeded: 3 });
    expect(t.suggestion!.minimumPassing).toBeCloseTo(1.01009081e-5, 12);
  });

  it.each([
    ["numpy-allclose-nan.txt", "nan"],
    ["numpy-allclose-inf.txt", "inf"],
  ])("%s is non-finite", (name, kind) => {
    expect(parseTolerance(fixture(name), ID)).toMatchObject({ nonFinite: kind, suggestion: null, ratio: null });
  });

  it("expected 0 with atol=0 cannot pass by construction", () => {
    const t = parseTolerance(fixture("numpy-allclose-zero-expected.txt"), ID)!;
    expect(t.ratio).toBeNull();
    expect(t.suggestion).toMatchObject({ parameter: "atol", from: 0, to: 5e-9, minimumPassing: 1e-9 });
    expect(cannotPassByConstruction(t)).toBe(true);
  });

  it("numpy 1.x wording (x:/y:, Max absolute difference:) computes exactly from full arrays", () => {
    const text = [
      "",
      "Not equal to tolerance rtol=1e-05, atol=1e-08",
      "",
      "Mismatched elements: 1 / 3 (33.3%)",
      "Max absolute difference: 0.0001",
      "Max relative difference: 3.33333333e-05",
      " x: array([1.    , 2.    , 3.0001])",
      " y: array([1., 2., 3.])",
    ].join("\n");
    const t = parseTolerance(text, ID)!;
    expect(t.ratio).toBeCloseTo(1e-4 / (1e-8 + 3e-5), 4);
    expect(t.suggestion).toMatchObject({ parameter: "rtol", from: 1e-5, to: 5e-5, rungsNeeded: 1 });
  });

  it("older 'x and y nan location mismatch'", () => {
    const text = "\nNot equal to tolerance rtol=1e-07, atol=0\n\nx and y nan location mismatch:\n x: array([nan])\n y: array([1.])";
    expect(parseTolerance(text, ID)?.nonFinite).toBe("nan");
  });

  it("decimal form: threshold 1.5 * 10**-decimal", () => {
    const t = parseTolerance(fixture("numpy-array-almost-equal.txt"), ID)!;
    expect(t).toMatchObject({ format: "numpy-almost-equal-decimal", rtol: 0, atol: 1.5e-6, location: "[1]" });
    expect(t.ratio).toBeCloseTo(1e-5 / 1.5e-6, 4);
    expect(t.suggestion).toMatchObject({ parameter: "atol", from: 1.5e-6, to: 1.5e-5, rungsNeeded: 1 });
  });
});

describe("torch.testing.assert_close (documented format; torch is not installed here)", () => {
  it("tensor form, both maxima at one index: exact", () => {
    const text = [
      "Tensor-likes are not close!",
      "",
      "Mismatched elements: 1 / 3 (33.3%)",
      "Greatest absolute difference: 2.002716064453125e-05 at index (0,) (up to 1e-05 allowed)",
      "Greatest relative difference: 2.002716064453125e-05 at index (0,) (up to 1.3e-06 allowed)",
    ].join("\n");
    const t = parseTolerance(text, { id: "test_x[torch.float32]" })!;
    expect(t).toMatchObject({ format: "torch-assert-close", atol: 1e-5, rtol: 1.3e-6, location: "(0,)", dtype: "float32" });
    expect(t.ratio).toBeCloseTo(2.002716064453125e-5 / (1e-5 + 1.3e-6), 9);
    // atol needs 1.87e-5 (one rung), rtol 1.0e-5 (1.3e-6 -> 5e-6 -> 1e-5 -> 5e-5: three)
    expect(t.suggestion).toMatchObject({ parameter: "atol", from: 1e-5, to: 5e-5, rungsNeeded: 1 });
  });

  it("tensor form, maxima at different indices: bound from maxima", () => {
    const text = [
      "Tensor-likes are not close!",
      "",
      "Mismatched elements: 2 / 4 (50.0%)",
      "Greatest absolute difference: 0.001 at index (3,) (up to 1e-05 allowed)",
      "Greatest relative difference: 0.5 at index (1,) (up to 1.3e-06 allowed)",
    ].join("\n");
    const t = parseTolerance(text, ID)!;
    expect(t.ratio).toBeCloseTo(1 / (1e-5 / 1e-3 + 1.3e-6 / 0.5), 6);
  });

  it("scalar form", () => {
    const text = [
      "Scalars are not close!",
      "",
      "Expected 1.0 but got 1.5.",
      "Absolute difference: 0.5 (up to 1e-05 allowed)",
      "Relative difference: 0.5 (up to 1.3e-06 allowed)",
    ].join("\n");
    const t = parseTolerance(text, ID)!;
    expect(t).toMatchObject({ actual: 1.5, expected: 1, atol: 1e-5, rtol: 1.3e-6 });
    expect(t.ratio).toBeCloseTo(0.5 / (1e-5 + 1.3e-6), 6);
  });

  it("nan in the tensor form", () => {
    const text = "Tensor-likes are not close!\n\nMismatched elements: 1 / 3 (33.3%)\nGreatest absolute difference: nan at index (0,) (up to 1e-05 allowed)\nGreatest relative difference: nan at index (0,) (up to 1.3e-06 allowed)";
    expect(parseTolerance(text, ID)?.nonFinite).toBe("nan");
  });
});

describe("pytest.approx (real pytest 9 output)", () => {
  it("scalar: the ± value over |expected| is rel", () => {
    const t = parseTolerance(fixture("pytest-approx-scalar.txt"), ID)!;
    expect(t).toMatchObject({ format: "pytest-approx", rtol: 1e-7, atol: 0, actual: 0.30000000000000004, expected: 0.3000001 });
    expect(t.ratio).toBeCloseTo((0.3000001 - 0.30000000000000004) / (1e-7 * 0.3000001), 6);
    expect(t.suggestion).toMatchObject({ parameter: "rtol", from: 1e-7, to: 5e-7, rungsNeeded: 1 });
    expect(t.suggestion!.text).toMatch(/^raise rel 1e-7 -> 5e-7 \(one rung; needed >= 3.34e-7\)$/);
  });

  it("sequence: reads the index table", () => {
    const t = parseTolerance(fixture("pytest-approx-sequence.txt"), ID)!;
    // default rel=1e-6: 3.00001 ± 3.0e-06
    expect(t).toMatchObject({ rtol: 1e-6, atol: 0, location: "2", actual: 3, expected: 3.00001 });
    expect(t.ratio).toBeCloseTo(1e-5 / 3.00001e-6, 4);
    expect(t.suggestion).toMatchObject({ parameter: "rtol", from: 1e-6, to: 5e-6, rungsNeeded: 1 });
  });

  it("expected 0: only abs applies", () => {
    const t = parseTolerance(fixture("pytest-approx-zero.txt"), ID)!;
    expect(t).toMatchObject({ rtol: null, atol: 1e-12, expected: 0 });
    expect(t.suggestion).toMatchObject({ parameter: "atol", from: 1e-12, to: 5e-12, rungsNeeded: 6 });
    expect(t.suggestion!.text).toMatch(/^raise abs /);
  });

  it("the ± figure has two significant digits: the rel it was made from is read back, not 9.8e-7", () => {
    // Real pytest 9: `assert 2.34 == pytest.approx(2.34001, rel=1e-6)`; 2.3e-6 / 2.34001 = 9.83e-7.
    const text = "E       assert 2.34 == 2.34001 ± 2.3e-06\nE         \nE         comparison failed\nE         Obtained: 2.34\nE         Expected: 2.34001 ± 2.3e-06";
    const t = parseTolerance(text, ID)!;
    expect(t).toMatchObject({ rtol: 1e-6, actual: 2.34, expected: 2.34001 });
    // The fix raised rel 9.8e-7 -> 1e-6 ("2 rungs away"): what the test already had.
    expect(t.suggestion).toMatchObject({ parameter: "rtol", from: 1e-6, to: 5e-6 });
    // A rel that is not one written with one digit stays as read.
    expect(parseTolerance("E         Obtained: 2.0\nE         Expected: 2.1 ± 4.2e-06", ID)!.rtol).toBe(0.000002);
    expect(parseTolerance("E         Obtained: 2.0\nE         Expected: 2.1 ± 5.2e-06", ID)!.rtol).toBe(0.0000025);
  });

  it("the reversed comparison and the one-line assert", () => {
    const t = parseTolerance("assert 0.3 ± 3.0e-07 == 0.30001", ID)!;
    expect(t).toMatchObject({ actual: 0.30001, expected: 0.3, rtol: 1e-6 });
  });
});

describe("dtype", () => {
  it.each([
    ["x: array([1.], dtype=float16)", "t", "float16"],
    ["dtype('float64')", "t", "float64"],
    ["dtype=np.float32", "t", "float32"],
    ["torch.float16 tensors", "t", "float16"],
    ["", "tests/t.py::test_op[float64]", "float64"],
    ["", "tests/t.py::test_op[dtype1-float16-cpu]", "float16"],
    ["", "test_op_float32", "float32"],
    ["", "tests/t.py::test_op[int32]", undefined],
    // googletest typed tests: its console's result line, CTest's name for it.
    ["...\nwhere TypeParam = float", "Typed/0.SumIsExact", "float32"],
    ["...\nwhere TypeParam = double", "Typed/1.SumIsExact", "float64"],
    ["", "Typed.SumIsExact<float>", "float32"],
    ["where TypeParam = int", "Typed/2.SumIsExact", undefined],
  ])("%j / %j -> %s", (text, id, dtype) => {
    expect(dtypeOf(text, id)).toBe(dtype);
  });
});

describe("not a tolerance failure", () => {
  it.each([
    [fixture("pytest-hypothesis-blob.txt")],
    ["AssertionError: assert 1 == 2"],
    [""],
    ["Error exceeds tolerance"],
  ])("%#", (text) => {
    expect(parseTolerance(text, ID)).toBeNull();
  });

  it("stays fast on hostile input", () => {
    const hostile = "Error 1 exceeds tolerance rtol=".repeat(20_000) + "\n[" + "1".repeat(100_000);
    const start = Date.now();
    parseTolerance(hostile, ID);
    parseTolerance("Not equal to tolerance rtol=1, atol=0\n ACTUAL: " + "1, ".repeat(100_000), ID);
    parseTolerance("Not equal to tolerance rtol=1, atol=0\n" + " x: 1\n".repeat(40_000), ID);
    parseTolerance("Error " + "1".repeat(200_000), ID);
    expect(Date.now() - start).toBeLessThan(2_000);
  });
});
