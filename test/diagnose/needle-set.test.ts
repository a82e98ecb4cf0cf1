import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NeedleSet } from "../../src/diagnose/needle-set.js";

/** The answer as one flag per needle, to compare with includes. */
const flags = (set: NeedleSet, needles: readonly unknown[], text: string, end?: number): boolean[] => {
  const found = set.scan(text, end);
  return needles.map((_, i) => found.includes(i));
};

describe("NeedleSet", () => {
  it("answers as includes does, needles overlapping and nested", () => {
    const needles = ["he", "she", "his", "hers", "crashed", "core dumped", "assert nan", "nan", "a"];
    const set = new NeedleSet(needles.map((text) => ({ text })));
    for (const text of ["", "ushers", "ahishers", "Segfault (core dumped)", "assert na", "banana", "CRASHED"]) {
      expect(flags(set, needles, text)).toEqual(needles.map((n) => text.includes(n)));
    }
    // Each needle once, in the order its first occurrence ends.
    expect(set.scan("ushers she")).toEqual([1, 0, 3]);
  });

  it("ignores ASCII case only where asked", () => {
    const set = new NeedleSet([{ text: "timed out", ignoreCase: true }, { text: "Timeout" }]);
    expect(set.scan("the request TIMED OUT")).toEqual([0]);
    expect(set.scan("TIMEOUT and timeout")).toEqual([]);
    expect(set.scan("a Timeout")).toEqual([1]);
  });

  it("looks only before the end it is given", () => {
    const set = new NeedleSet([{ text: "abc" }]);
    expect(set.scan("xxabc", 5)).toEqual([0]);
    expect(set.scan("xxabc", 4)).toEqual([]);
    expect(set.scan("xxabc", 99)).toEqual([0]);
  });

  it("rejects needles it cannot fold", () => {
    expect(() => new NeedleSet([{ text: "" }])).toThrow();
    expect(() => new NeedleSet([{ text: "± 1" }])).toThrow();
  });

  it("matches includes on random texts (case-insensitive: after lower-casing ASCII letters)", () => {
    // Few letters, so needles overlap and occur often. Non-ASCII letters that toLowerCase turns
    // into ASCII (İ, the Kelvin sign) stay themselves, as under a regex's `i` flag without `u`.
    const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const piece = fc.constantFrom("a", "b", "A", "B", "ab", "ba", "aab", " ", "\n", "İ", "K", "k", "é", "😀");
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
    const needle = fc.record({
      text: fc.array(fc.constantFrom("a", "b", "A", "k", "K", " "), { minLength: 1, maxLength: 4 }).map((p) => p.join("")),
      ignoreCase: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(needle, { minLength: 1, maxLength: 6 }), text, (needles, t) => {
        const expected = needles.map((n) => (n.ignoreCase ? asciiLower(t).includes(asciiLower(n.text)) : t.includes(n.text)));
        expect(flags(new NeedleSet(needles), needles, t)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
