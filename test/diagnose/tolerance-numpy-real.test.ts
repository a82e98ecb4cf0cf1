/**
 * numpy's assert_allclose, run for real: its message gives the largest absolute and relative
 * differences among the violations (numpy 2 also lists the first few), often of different
 * elements. Each case's truth (the worst element's ratio, the smallest passing rtol and atol) is
 * computed in Python from the arrays themselves, and what flaky-triage reads from the message
 * must hold it between its bounds, and be exact where the message allows.
 */
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { NEAR_MISS_RATIO } from "../../src/classify.js";
import { parseTolerance } from "../../src/diagnose/tolerance.js";

const SCRIPT = String.raw`
import json, numpy as np

def truth(a, d, rtol, atol):
    a = np.asarray(a, dtype=np.float64); d = np.asarray(d, dtype=np.float64)
    diff = np.abs(a - d); mag = np.abs(d)
    ratio = float(np.max(diff / (atol + rtol * mag)))
    over = diff > atol
    need_rtol = float(np.max((diff[over] - atol) / mag[over])) if over.any() else 0.0
    need_atol = float(np.max(diff - rtol * mag))
    # The bound from the maxima alone (what the message gave before its lists were used).
    viol = diff > atol + rtol * mag
    A = float(np.max(diff[viol])); R = float(np.max(diff[viol] / mag[viol]))
    upper = 1 / (atol / A + rtol / R)
    return ratio, need_rtol, need_atol, upper

def case(name, actual, desired, rtol, atol):
    try:
        np.testing.assert_allclose(actual, desired, rtol=rtol, atol=atol)
        return None
    except AssertionError as e:
        ratio, need_rtol, need_atol, upper = truth(actual, desired, rtol, atol)
        return {"name": name, "message": str(e), "rtol": rtol, "atol": atol, "ratio": ratio,
                "needRtol": need_rtol, "needAtol": need_atol, "upper": upper}

out = []
rng = np.random.default_rng(2)
x = rng.uniform(-4, 4, size=(10, 10))
ref = 1 / (1 + np.exp(-x))
out.append(case("float16 sigmoid, 10x10", (1 / (1 + np.exp(-x.astype(np.float16)))).astype(np.float16), ref, 1e-4, 1e-5))

# A float32 matmul near miss whose maxima alone bound its ratio above 10: found by search.
for seed in range(400):
    r = np.random.default_rng(seed)
    a = r.standard_normal((16, 48)); b = r.standard_normal((48, 8))
    c = case("float32 matmul near miss, 16x8", (a.astype(np.float32) @ b.astype(np.float32)), a @ b, 1e-6, 1e-7)
    if c is not None and c["ratio"] < ${NEAR_MISS_RATIO} < c["upper"]:
        out.append(c); break

r = np.random.default_rng(5)
v = r.standard_normal(5000)
out.append(case("float32 norm, a scalar with atol alone", np.float32(np.linalg.norm(v.astype(np.float32))), np.linalg.norm(v), 0, 1e-7))

r = np.random.default_rng(7)
big = r.uniform(0.1, 100, size=(50, 50))
out.append(case("float32 rounding of 2,500 values (arrays elided)", big.astype(np.float32), big, 1e-9, 0))

few = np.linspace(1, 2, 20); bad = few.copy(); bad[[3, 11]] += [2e-4, -5e-4]
out.append(case("two violations, both listed", bad, few, 1e-4, 1e-6))
print(json.dumps([c for c in out if c is not None]))
`;

interface Case {
  name: string;
  message: string;
  rtol: number;
  atol: number;
  ratio: number;
  needRtol: number;
  needAtol: number;
  upper: number;
}

let cases: Case[] = [];
let numpyVersion = "";

beforeAll(() => {
  const r = spawnSync("python3", ["-c", SCRIPT], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  cases = JSON.parse(r.stdout) as Case[];
  numpyVersion = spawnSync("python3", ["-c", "import numpy; print(numpy.__version__)"], { encoding: "utf8" }).stdout.trim();
});

const within = (low: number, value: number, high: number): void => {
  expect(low).toBeLessThanOrEqual(value * (1 + 1e-6));
  expect(high).toBeGreaterThanOrEqual(value * (1 - 1e-6));
};

describe(`numpy assert_allclose, for real`, () => {
  it("made every case", () => {
    expect(cases.map((c) => c.name)).toEqual([
      "float16 sigmoid, 10x10",
      "float32 matmul near miss, 16x8",
      "float32 norm, a scalar with atol alone",
      "float32 rounding of 2,500 values (arrays elided)",
      "two violations, both listed",
    ]);
  });

  it("holds the true ratio and the smallest passing tolerance between its bounds, in every case", () => {
    for (const c of cases) {
      const t = parseTolerance(c.message, { id: c.name });
      expect(t?.format, c.name).toBe("numpy-allclose");
      within(t!.ratioAtLeast ?? t!.ratio!, c.ratio, t!.ratio!);
      const s = t!.suggestion!;
      within(s.minimumPassingAtLeast ?? s.minimumPassing, s.parameter === "rtol" ? c.needRtol : c.needAtol, s.minimumPassing);
    }
  });

  it("reads a near miss whose maxima alone looked far as a near miss", () => {
    const c = cases.find((x) => x.name.startsWith("float32 matmul"))!;
    const t = parseTolerance(c.message, { id: c.name })!;
    expect(c.upper).toBeGreaterThan(NEAR_MISS_RATIO);
    expect(t.ratio).toBeGreaterThan(NEAR_MISS_RATIO);
    expect(t.ratioAtLeast).toBeLessThanOrEqual(NEAR_MISS_RATIO);
    expect(t.suggestion!.text).toMatch(/needed between \S+ and \S+: numpy printed only the largest differences/);
  });

  it("is exact for a single violation, and knows the scalar's magnitude", () => {
    const c = cases.find((x) => x.name.startsWith("float32 norm"))!;
    const t = parseTolerance(c.message, { id: c.name })!;
    expect(t.ratioAtLeast).toBeUndefined();
    expect(t.ratio! / c.ratio).toBeCloseTo(1, 5);
    expect(t.dtype).toBe("float32");
    expect(Math.abs(t.expected!)).toBeGreaterThan(50);
  });

  it("is exact when every violation is listed, and names the worst of them", () => {
    const c = cases.find((x) => x.name.startsWith("two violations"))!;
    const t = parseTolerance(c.message, { id: c.name })!;
    if (!numpyVersion.startsWith("1.")) {
      expect(t.ratioAtLeast).toBeUndefined();
      expect(t.ratio! / c.ratio).toBeCloseTo(1, 6);
      expect(t.location).toBe("[11]");
    }
  });
});
