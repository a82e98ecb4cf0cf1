import { describe, expect, it } from "vitest";
import { Literal } from "../../src/diagnose/literal.js";
import { causeHints } from "../../src/diagnose/cause-hints.js";
import { parseTolerance } from "../../src/diagnose/tolerance.js";

/** mulberry32: reproducible random strings. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("Literal", () => {
  it.each([
    [" ± ", "1.0±1e-6 ±", false],
    [" ± ", "assert 1.1 == 1.0 ± 1.0e-06", true],
    ["± ", "± at the start", true],
    [" ±", "ends with a blank and ±", true],
    [" ±", "±±± no blank before", false],
    ["socket.timeout", "socket.timeou", false],
    ["aab", "aaab", true],
    ["Failed: Timeout >", "Failed: Timeout >5.0s", true],
    ["Failed: Timeout >", "Failed: Timeout 5.0s >", false],
    ["", "anything", true],
  ])("%j in %j is %s", (needle, haystack, expected) => {
    expect(new Literal(needle).in(haystack)).toBe(expected);
    expect(haystack.includes(needle)).toBe(expected);
  });

  it("agrees with includes on random needles and texts (few letters, so matches and near misses abound)", () => {
    const rand = prng(7);
    const alphabet = "ab ±:Z\n";
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
    let found = 0;
    for (let i = 0; i < 20_000; i++) {
      const needle = word(1 + Math.floor(rand() * 5));
      const haystack = word(Math.floor(rand() * 40));
      const expected = haystack.includes(needle);
      if (expected) found++;
      expect(new Literal(needle).in(haystack), `${JSON.stringify(needle)} in ${JSON.stringify(haystack)}`).toBe(expected);
    }
    // Both answers must be well represented for the comparison to mean anything.
    expect(found).toBeGreaterThan(2_000);
    expect(found).toBeLessThan(18_000);
  });
});

describe("needle gates of tolerance and hints", () => {
  it("pytest's E prefixes do not hide a tolerance message from the gate on the raw text", () => {
    const text = [
      "    def test_close():",
      ">       assert 1.0001 == pytest.approx(1.0, rel=1e-6)",
      "E       assert 1.0001 == 1.0 ± 1.0e-06",
      "E         ",
      "E         comparison failed",
      "E         Obtained: 1.0001",
      "E         Expected: 1.0 ± 1.0e-06",
    ].join("\r\n");
    const t = parseTolerance(text, { id: "tests/test_x.py::test_close" });
    expect(t?.format).toBe("pytest-approx");
    expect(t?.rtol).toBe(1e-6);
  });

  it("a non-finite assert is a hint; a finite one is not", () => {
    expect(causeHints("E   assert nan == 1.0").map((h) => h.kind)).toEqual(["non-finite"]);
    expect(causeHints("E   assert -inf < 0").map((h) => h.kind)).toEqual(["non-finite"]);
    expect(causeHints("E   assert 1 == 2")).toEqual([]);
  });

  it("case-insensitive needles still match any ASCII case", () => {
    expect(causeHints("ERROR: the request TIMED OUT").map((h) => h.kind)).toEqual(["timeout"]);
    expect(causeHints("Integer Overflow in accumulator").map((h) => h.kind)).toEqual(["overflow"]);
  });
});
