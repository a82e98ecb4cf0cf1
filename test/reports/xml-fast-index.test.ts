/**
 * SpanIndex answers "does the pattern occur in text[from, to)?" for spans asked in any order,
 * searching only near what is asked (src/reports/xml-fast.ts): its answers must be a plain
 * search's, across its window and whatever came before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChunkIndex, readCharData, readCharDataEnds, SpanIndex } from "../../src/reports/xml-fast.js";

const SPECIAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** A text of `length` characters with the given characters placed at the given positions. */
function textWith(length: number, marks: ReadonlyArray<[number, string]>): string {
  const chars = Array.from({ length }, (_, i) => String.fromCharCode(0x61 + (i % 26)));
  for (const [at, c] of marks) chars[at % length] = c;
  return chars.join("");
}

describe("SpanIndex", () => {
  it("answers as a plain search of each span, asked in any order and across its window", () => {
    const mark = fc.tuple(fc.nat(), fc.constantFrom("\u0001", "\u000b", "\ufffe", "\ud800", "\t", "\n", "x"));
    const span = fc.tuple(fc.nat(), fc.nat({ max: 9000 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.array(mark, { maxLength: 6 }), fc.array(span, { minLength: 1, maxLength: 30 }), (length, marks, spans) => {
        const text = textWith(length, marks);
        const ix = new SpanIndex(text, SPECIAL);
        for (const [a, n] of spans) {
          const from = a % (length + 1);
          const to = Math.min(length, from + n);
          expect(ix.in(from, to)).toBe(SPECIAL.test(text.slice(from, to)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds an occurrence past a first one it was asked about, and none in an empty span", () => {
    const text = textWith(10_000, [[100, "\u0001"], [7000, "\u0002"]]);
    const ix = new SpanIndex(text, SPECIAL);
    expect(ix.in(0, 101)).toBe(true);
    expect(ix.in(101, 6999)).toBe(false);
    expect(ix.in(6999, 7001)).toBe(true);
    expect(ix.in(50, 100)).toBe(false);
    expect(ix.in(7000, 7000)).toBe(false);
    expect(ix.in(0, 10_000)).toBe(true);
  });
});

describe("readCharDataEnds", () => {
  // Character data as reports write it: references of every kind, CR LF and lone CRs, astral
  // characters, and the faults saxes reports (unknown entity, a bare `&`, a forbidden character).
  const unit: fc.Arbitrary<string> = fc.constantFrom("a", "b c", "\n", "\r\n", "\r", "&lt;", "&amp;", "&quot;", "&#10;", "&#x1F600;", "&#65;", "\ud83d\ude00", "é", ";", "x;y");
  const fault = fc.constantFrom("&bogus;", "& ", "&#0;", "\u0001", "]]>", "&lt");

  it("gives readCharData's text by its length and ends, or undefined where readCharData does", () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), fc.option(fc.tuple(fault, fc.nat()), { freq: 4 }), fc.nat(5), (units, bad, pad) => {
        if (bad !== null) units.splice(bad[1] % (units.length + 1), 0, bad[0]);
        const body = units.join("");
        // The text sits inside a chunk, between other text and a `<`, as the reader meets it.
        const text = "q".repeat(pad) + body + "<x/>";
        const from = pad;
        const to = pad + body.length;
        const whole = readCharData(new ChunkIndex(text), from, to);
        const e = readCharDataEnds(new ChunkIndex(text), from, to);
        if (whole === undefined) {
          expect(e).toBeUndefined();
          return;
        }
        expect(e).toBeDefined();
        expect(e!.length).toBe(whole.length);
        for (let n = 0; n <= whole.length; n++) {
          expect(e!.head(n)).toBe(whole.slice(0, n));
          expect(e!.tail(n)).toBe(whole.slice(whole.length - n));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
