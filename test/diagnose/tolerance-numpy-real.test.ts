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

# A float32 matmul near miss whose maxima alone bound its ratio above 10, with a violation numpy
# did not list (all listed would make it exact): found by search.
for seed in range(400):
    r = np.random.default_rng(seed)
    a = r.standard_normal((16, 48)); b = r.standard_normal((48, 8))
    c = case("float32 matmul near miss, 16x8", (a.astype(np.float32) @ b.astype(np.float32)), a @ b, 1e-6, 1e-7)
    if c is None:
        continue
    listed = sum(1 for line in c["message"].splitlines() if "(ACTUAL)" in line)
    shown = c["message"].split("Mismatched elements: ")[1].split(" /")[0] if "Mismatched elements: " in c["message"] else "0"
    if c["ratio"] < ${NEAR_MISS_RATIO} < c["upper"] and listed < int(shown):
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

/**
 * Many random failing comparisons (a review's harness, cut down): dtypes, sizes from 1 to 2,000,
 * rtol or atol 0, expected zeros, magnitudes from 1e-6 to 1e6. For each, the truth from the
 * arrays: the worst ratio, and the smallest rtol (null when none passes: a violation expects 0)
 * and atol that pass.
 */
const FUZZ = String.raw`
import json, numpy as np
np.seterr(all="ignore")  # the truth's own divisions by expected zeros (inf ratios are fine there)
rng = np.random.default_rng(20261128)
out = []
for i in range(400):
    n = int(rng.choice([1, 2, 5, 20, 100, 2000]))
    dtype = rng.choice([np.float16, np.float32, np.float64])
    # (float16 holds magnitudes up to 65504 only.)
    scale = 10.0 ** (rng.integers(-3, 4) if dtype == np.float16 else rng.integers(-6, 7))
    d = rng.standard_normal(n) * scale
    if rng.random() < 0.3:
        d[rng.random(n) < 0.1] = 0.0
    noise = rng.standard_normal(n) * scale * 10.0 ** rng.integers(-9, -1)
    a = (d + noise).astype(dtype).astype(np.float64)
    rtol = float(rng.choice([0, 1e-9, 1e-7, 1e-5, 1e-3]))
    atol = float(rng.choice([0, 1e-12, 1e-8, 1e-5, 1e-2])) * (scale if rng.random() < 0.5 else 1)
    if rtol == 0 and atol == 0:
        atol = 1e-12
    try:
        np.testing.assert_allclose(a, d, rtol=rtol, atol=atol)
        continue
    except AssertionError as e:
        msg = str(e)
    diff = np.abs(a - d); mag = np.abs(d)
    ratio = float(np.max(diff / (atol + rtol * mag)))
    if not np.isfinite(ratio):
        continue  # atol=0 against an expected 0: no tolerance ratio to bound
    over = diff > atol
    need_rtol = None if np.any(over & (mag == 0)) else (float(np.max((diff[over] - atol) / mag[over])) if over.any() else 0.0)
    # A violation expecting 0 is left out of numpy's relative maximum: the reader can know of one
    # only when numpy lists it (the first 5 violations) or prints the whole expected array.
    viol = diff > atol + rtol * mag
    listed_zero = bool(np.any(mag[np.flatnonzero(viol)[:5]] == 0))
    printed_zero = "..." not in msg.split("DESIRED:")[-1] and bool(np.any(mag == 0))
    hidden = bool(np.any(viol & (mag == 0))) and not listed_zero and not printed_zero
    out.append({"message": msg, "rtol": rtol, "atol": atol, "ratio": ratio, "needRtol": need_rtol,
                "needAtol": float(np.max(diff - rtol * mag)), "hiddenZero": hidden})
print(json.dumps(out))
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

  it("keeps the truth between its bounds in 400 random failing comparisons, and suggests rtol only where an rtol passes", () => {
    const r = spawnSync("python3", ["-c", FUZZ], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe("");
    const fuzz = JSON.parse(r.stdout) as Array<Omit<Case, "name" | "upper" | "needRtol"> & { needRtol: number | null; hiddenZero: boolean }>;
    expect(fuzz.length).toBeGreaterThan(200);
    let bounded = 0;
    // (A violation expecting 0 that numpy neither lists nor prints is assumed away: README.)
    for (const c of fuzz.filter((x) => !x.hiddenZero)) {
      const t = parseTolerance(c.message, { id: "fuzz" });
      if (t === null || t.nonFinite !== undefined || t.ratio === null) continue;
      bounded++;
      // Bounds closer than 0.1% are given as one value (the upper): allowed for here.
      const slack = 2e-3;
      within((t.ratioAtLeast ?? t.ratio) * (1 - slack), c.ratio, t.ratio);
      const s = t.suggestion;
      if (s === null) continue;
      if (s.parameter === "rtol") {
        expect(c.needRtol, c.message).not.toBeNull();
        within((s.minimumPassingAtLeast ?? s.minimumPassing) * (1 - slack), c.needRtol!, s.minimumPassing);
      } else {
        within((s.minimumPassingAtLeast ?? s.minimumPassing) * (1 - slack), c.needAtol, s.minimumPassing);
      }
    }
    expect(bounded).toBeGreaterThan(200);
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
