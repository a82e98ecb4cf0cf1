/**
 * The reader keeps failures and counters only, and its fast path (bare testcases and
 * character data taken from saxes) reads exactly what saxes reads. No timings here: bench/ has them.
 */
import { describe, expect, it } from "vitest";
import { JUnitReader } from "../../src/reports/junit.js";
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
});
