/**
 * The reader keeps failures and counters only, and its fast path (bare testcases and
 * character data taken from saxes) reads exactly what saxes reads. No timings here: bench/ has them.
 */
import { describe, expect, it } from "vitest";
import { JUnitReader } from "../../src/reports/junit.js";
import {
  LEAN_DETAILS_CHARS,
  LEAN_OUTPUT_CHARS,
  MAX_LEAN_RETAINED_CHARS_PER_FILE,
  MAX_RETAINED_CHARS_PER_FILE,
  MINIMAL_DETAILS_CHARS,
  MINIMAL_OUTPUT_CHARS,
} from "../../src/reports/limits.js";
import type { ParsedInput } from "../../src/model.js";

function read(xml: string, chunk: number, fastPath = true): ParsedInput {
  const r = new JUnitReader("r.xml", { fastPath });
  for (let i = 0; i < xml.length; i += chunk) r.write(xml.slice(i, i + chunk));
  return r.end();
}

/** A report mixing what the fast path takes with what it must leave to saxes. */
function report(nl: string): string {
  const parts = [`<?xml version="1.0" encoding="utf-8"?>${nl}<testsuites>${nl}<testsuite name="s">${nl}`];
  for (let i = 0; i < 300; i++) {
    const attrs = `classname="m.C${i % 7}" name="t${i}" time="0.01"`;
    switch (i % 10) {
      case 0:
        parts.push(`<testcase ${attrs}><failure message="boom &lt;${i}&gt;&#10;seed=${i}">E  assert a &amp;&amp; b &lt; 1${nl}E  x = &#x41;&#66; ]] ok${nl}  at f(${i})</failure><system-out>seed ${i}${nl}out</system-out></testcase>${nl}`);
        break;
      case 1:
        parts.push(`<testcase ${attrs} status="skipped"/>${nl}`);
        break;
      case 2:
        parts.push(`<testcase ${attrs}>${nl}  </testcase>${nl}`);
        break;
      case 3:
        // A repeat of the failing test above: must fold into it, not count anew.
        parts.push(`<testcase classname="m.C${(i - 3) % 7}" name="t${i - 3}"/>${nl}`);
        break;
      case 4:
        parts.push(`<!-- <testcase name="in a comment"/> -->${nl}<testcase ${attrs}><error message="e">&bogus; &#0; text</error></testcase>${nl}`);
        break;
      case 5:
        parts.push(`<testcase ${attrs} name="dup"/>${nl}`);
        break;
      case 6:
        parts.push(`<testcase ${attrs}><system-out><![CDATA[<raw> & ]]></system-out><failure>f ü 😀</failure></testcase>${nl}`);
        break;
      default:
        parts.push(`<testcase ${attrs} />${nl}`);
    }
  }
  parts.push(`</testsuite>${nl}</testsuites>${nl}`);
  return parts.join("");
}


describe("JUnitReader fast path", () => {
  for (const nl of ["\n", "\r\n", "\r"]) {
    for (const chunk of [1, 7, 64, 4096, 1 << 20]) {
      it(`reads what saxes reads (line ends ${JSON.stringify(nl)}, chunks of ${chunk})`, () => {
        const xml = report(nl);
        const fast = read(xml, chunk);
        const slow = read(xml, 1 << 20, false);
        expect(fast).toEqual(slow);
        expect(fast.counts.tests).toBeGreaterThan(200);
        expect(fast.tests.length).toBeGreaterThan(60);
      });
    }
  }
});

describe("JUnitReader memory", () => {
  it("reads a report of hostile text the same with and without the fast path", () => {
    const xml =
      '<testsuites><testsuite name="s"><testcase name="a"><failure>x\u0001y</failure></testcase>' +
      '<testcase name="b"><failure>]]&gt; ]]> &amp &#xD800; &#1114112; &lt;</failure></testcase>' +
      '<testcase name="c" name="c"/><testcase name="d"/><testcase name="d"/></testsuite></testsuites>';
    for (const chunk of [1, 3, 1000]) expect(read(xml, chunk)).toEqual(read(xml, 1000, false));
  });

  it("does not retain passing or skipped testcases, only failures and counters", () => {
    const reader = new JUnitReader("big.xml");
    reader.write('<testsuites><testsuite name="s">\n');
    for (let i = 0; i < 200_000; i++) {
      reader.write(`<testcase classname="c.K${i % 50}" name="t${i}" time="0.001"${i % 97 === 0 ? ' status="disabled"' : ""}/>\n`);
      if (i % 20_000 === 0) reader.write(`<testcase classname="c" name="f${i}"><failure message="m">trace ${i}</failure></testcase>\n`);
    }
    reader.write("</testsuite></testsuites>\n");
    const out = reader.end();
    expect(out.tests.map((t) => t.name)).toEqual(Array.from({ length: 10 }, (_, k) => `f${k * 20_000}`));
    expect(out.counts).toEqual({ tests: 200_010, passed: 200_000 - 2062, failed: 10, errored: 0, skipped: 2062 });
    // Line numbers stay right past 200,000 testcases the fast path counted.
    expect(out.tests[9]?.sources).toEqual([{ file: "big.xml", line: 2 + 180_001 + 9 }]);
  });

  it("keeps what saxes' text would keep of failures past the first budget, where only the ends are decoded", () => {
    // ~6.5 K characters of traceback and output with references and line ends of every kind per
    // failure: the 4 MiB budget fills after ~650 failures, and later ones keep the lean tier's ends
    // of text the fast path does not decode in full (readCharDataEnds).
    const lines = [
      "E   assert &lt;a&gt; == &quot;b&quot; &amp;&amp; x &lt; 1e-5",
      "  value &#10;split&#x1F600; \ud83d\ude00 é",
      "\r\n  crlf line",
      "\r  lone cr",
    ];
    const body = (i: number, n: number): string => Array.from({ length: n }, (_, k) => `${lines[(i + k) % lines.length]} ${k}`).join("\n");
    const parts = ['<testsuites><testsuite name="s">\n'];
    for (let i = 0; i < 2_000; i++) {
      parts.push(
        `<testcase classname="c" name="f${i}"><failure message="m${i}">first ${i}&#10;${body(i, 150)}&#10;last ${i}</failure>` +
          `<system-out>seed=${i}&#10;${body(i + 1, 30)}\nend ${i}</system-out></testcase>\n`,
      );
    }
    parts.push("</testsuite></testsuites>\n");
    const xml = parts.join("");
    const fast = read(xml, 64 * 1024);
    const slow = read(xml, 1 << 20, false);
    expect(fast).toEqual(slow);
    const last = fast.tests[fast.tests.length - 1];
    expect(last?.details?.startsWith("first 1999\n")).toBe(true);
    expect(last?.details?.endsWith("\nlast 1999")).toBe(true);
    expect(last?.details?.length).toBeLessThan(LEAN_DETAILS_CHARS + 80);
  });

  it("keeps less text per failure as a file's failures add up, always the ends of each", () => {
    const reader = new JUnitReader("many.xml");
    reader.write('<testsuites><testsuite name="s">\n');
    // 5 K characters of traceback and 2.5 K of output per failure: the 4 MiB budget fills after
    // ~560 failures, the lean tier's after ~2,800 more; the rest keep the minimal ends.
    const middle = "x".repeat(5_000);
    const n = 8_000;
    for (let i = 0; i < n; i++) {
      reader.write(
        `<testcase classname="c" name="f${i}" file="tests/t.py"><failure message="m${i}">first line ${i}\n${middle}\ntests/t.py:${i + 1}: AssertionError</failure>` +
          `<system-out>seed=${i}\n${middle.slice(0, 2_500)}\nlast ${i}</system-out></testcase>\n`,
      );
    }
    reader.write("</testsuite></testsuites>\n");
    const tests = reader.end().tests;
    expect(tests).toHaveLength(n);
    const sizes = tests.map((t) => (t.details?.length ?? 0) + (t.output?.length ?? 0));
    expect(sizes[0]).toBeGreaterThan(7_500);
    expect(sizes[n - 1]).toBeLessThanOrEqual(MINIMAL_DETAILS_CHARS + MINIMAL_OUTPUT_CHARS + 80);
    // Kept whole until the first budget is spent: ~560 failures of 7.5 K characters.
    const whole = sizes.filter((s) => s > LEAN_DETAILS_CHARS + LEAN_OUTPUT_CHARS + 80).length;
    expect(whole).toBeGreaterThan(MAX_RETAINED_CHARS_PER_FILE / 7_600 - 10);
    expect(whole).toBeLessThan(MAX_RETAINED_CHARS_PER_FILE / 7_500 + 10);
    expect(sizes.filter((s) => s <= MINIMAL_DETAILS_CHARS + MINIMAL_OUTPUT_CHARS + 80).length).toBeGreaterThan(1_000);
    // Up to the lean tier's budget, then a few hundred characters per failure.
    const minimalFrom = sizes.findIndex((s) => s <= MINIMAL_DETAILS_CHARS + MINIMAL_OUTPUT_CHARS + 80);
    expect(sizes.slice(0, minimalFrom).reduce((a, b) => a + b, 0)).toBeLessThan(MAX_LEAN_RETAINED_CHARS_PER_FILE + 8 * 1024);
    expect(sizes.slice(minimalFrom).every((s) => s <= MINIMAL_DETAILS_CHARS + MINIMAL_OUTPUT_CHARS + 80)).toBe(true);
    for (const i of [0, n / 2, n - 1]) {
      const t = tests[i];
      // (Each cut text adds a marker of ~30 characters.) Head and tail survive in every tier: the failing line at the bottom, the seed at the top.
      expect(t?.details?.startsWith(`first line ${i}`)).toBe(true);
      expect(t?.details?.endsWith(`tests/t.py:${i + 1}: AssertionError`)).toBe(true);
      expect(t?.output?.endsWith(`last ${i}`)).toBe(true);
      expect(t?.line).toBe(i + 1);
    }
  });
});
