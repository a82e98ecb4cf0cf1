import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CappedText, firstLine } from "../../src/reports/limits.js";

/** A text given to appendEnds: its ends, and a count of the characters asked for. */
function ends(s: string): { length: number; head(n: number): string; tail(n: number): string; asked: number } {
  return {
    length: s.length,
    asked: 0,
    head(n) {
      expect(n).toBeLessThanOrEqual(s.length);
      this.asked += n;
      return s.slice(0, n);
    },
    tail(n) {
      expect(n).toBeLessThanOrEqual(s.length);
      this.asked += n;
      return s.slice(s.length - n);
    },
  };
}

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

describe("CappedText.appendEnds", () => {
  it("keeps exactly what append keeps, asking for no more than that", () => {
    // Surrogate pairs and lone halves, so that every cut rule is exercised.
    const unit = fc.constantFrom("a", "b", "\n", "\ud83d\ude00", "\ud800", "\udc00", "xyz");
    const piece = fc.array(unit, { maxLength: 60 }).map((u) => u.join(""));
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 12 }), fc.integer({ min: 1, max: 60 }), (pieces, max) => {
        const plain = new CappedText(max);
        const lazy = new CappedText(max);
        for (const [p, byEnds] of pieces) {
          plain.append(p);
          if (!byEnds) {
            lazy.append(p);
            continue;
          }
          const e = ends(p);
          lazy.appendEnds(e);
          expect(e.asked).toBeLessThanOrEqual(max + 1);
        }
        expect(lazy.length).toBe(plain.length);
        expect(lazy.toString()).toBe(plain.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it("says when a text is long enough that decoding only its ends pays", () => {
    const t = new CappedText(100);
    expect(t.keepsLittleOf(200)).toBe(false);
    expect(t.keepsLittleOf(201)).toBe(true);
  });
});

describe("firstLine", () => {
  it("returns the first non-empty trimmed line, capped", () => {
    expect(firstLine("\n  \n  hello  \nworld", 100)).toBe("hello");
    expect(firstLine("abcdef", 3)).toBe("abc");
    expect(firstLine(" \n\t\n", 10)).toBeUndefined();
  });

  it("a first line that only says where gives way to what failed (googletest 1.12's messages: the review found the location as the message)", () => {
    expect(firstLine("/tmp/w/tests.cc:15\nExpected: (v) != (0), actual: 0 vs 0\ndrew 0 from seed 21", 4096)).toBe("Expected: (v) != (0), actual: 0 vs 0");
    expect(firstLine('unknown file\nC++ exception with description "boom from test" thrown in the test body.', 4096)).toBe(
      'C++ exception with description "boom from test" thrown in the test body.',
    );
    // Nothing after it: the location is all there is.
    expect(firstLine("t2.cc:6\n\n", 4096)).toBe("t2.cc:6");
    // Not places (the review's): no dot or slash.
    expect(firstLine("status:404\n  at Foo.bar(Foo.java:12)", 4096)).toBe("status:404");
    expect(firstLine("12:30\nlater", 4096)).toBe("12:30");
    // A line that says where and what stays whole.
    expect(firstLine("stats_test.go:38: Median([4 1 3 2]) = 3, want 2.5", 4096)).toBe("stats_test.go:38: Median([4 1 3 2]) = 3, want 2.5");
  });

  it("joins a line that only names the exception to what follows it (numpy's and MXNet's assertion messages)", () => {
    expect(firstLine("AssertionError: \nNot equal to tolerance rtol=1e-07, atol=0\n\nMismatched elements: 50 / 50", 4096)).toBe(
      "AssertionError: Not equal to tolerance rtol=1e-07, atol=0",
    );
    // While the joined text ends in a colon, up to three lines.
    expect(firstLine("AssertionError: \nItems are not equal:\nError 1.153370 exceeds tolerance rtol=0.000001\nmore", 4096)).toBe(
      "AssertionError: Items are not equal: Error 1.153370 exceeds tolerance rtol=0.000001",
    );
    expect(firstLine("E:\na:\nb:\nc:\nd:", 4096)).toBe("E: a: b: c:");
    // Only a bare exception name starts a join; other lines ending in a colon stand alone.
    expect(firstLine("Traceback (most recent call last):\n  File x", 4096)).toBe("Traceback (most recent call last):");
    expect(firstLine("AssertionError: assert 1 == 2\nmore", 4096)).toBe("AssertionError: assert 1 == 2");
    expect(firstLine("AssertionError:", 4096)).toBe("AssertionError:");
    expect(firstLine("AssertionError:\n" + "x".repeat(50), 20)).toBe("AssertionError: xxxx");
  });
});
