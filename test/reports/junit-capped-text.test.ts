import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CappedText, firstLine } from "../../src/reports/limits.js";

describe("CappedText", () => {
  it("keeps everything up to the cap, in order, however it is appended", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 20 }), { maxLength: 20 }), fc.integer({ min: 2, max: 400 }), (pieces, max) => {
        const t = new CappedText(max);
        for (const p of pieces) t.append(p);
        const all = pieces.join("");
        const out = t.toString();
        expect(t.length).toBe(all.length);
        if (all.length <= max) {
          expect(out).toBe(all);
        } else {
          const m = /^([^]*)\n\[\.\.\. (\d+) characters cut \.\.\.\]\n([^]*)$/.exec(out);
          expect(m).not.toBeNull();
          const [, head = "", cut = "0", tail = ""] = m ?? [];
          expect(all.startsWith(head)).toBe(true);
          expect(all.endsWith(tail)).toBe(true);
          expect(head.length + Number(cut) + tail.length).toBe(all.length);
          expect(head.length + tail.length).toBeLessThanOrEqual(max);
          // Surrogate pairs are never split.
          expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("firstLine", () => {
  it("returns the first non-empty trimmed line, capped", () => {
    expect(firstLine("\n  \n  hello  \nworld", 100)).toBe("hello");
    expect(firstLine("abcdef", 3)).toBe("abc");
    expect(firstLine(" \n\t\n", 10)).toBeUndefined();
  });
});
