/**
 * The reader's fast path (src/reports/xml-fast.ts: start tags, attribute values and character
 * data read without saxes) must read exactly what saxes alone reads: the same tests, counts,
 * text, line numbers and warnings, however the input is cut into chunks. Generated documents mix
 * what the fast path takes with everything it must leave to saxes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JUnitReader } from "../../src/reports/junit.js";
import type { ParsedInput } from "../../src/model.js";

function read(xml: string, cuts: number[], fastPath: boolean): ParsedInput {
  const r = new JUnitReader("r.xml", { fastPath });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > at) r.write(xml.slice(at, cut));
    at = Math.max(at, cut);
  }
  r.write(xml.slice(at));
  return r.end();
}

/** Attribute values: plain, decoded (references, literal blanks), and what saxes must report. */
const value = fc.constantFrom(
  "plain",
  "",
  "a &amp; b &lt;c&gt; &quot;q&quot; &apos;",
  "&#10;line&#x41;&#66;&#x1F600;",
  "tab\there",
  "nl\nhere",
  "crlf\r\nhere",
  "cr\rhere",
  "gt > inside",
  "emoji 😀 ü",
  "&bogus;",
  "&#0;",
  "&#xD800;",
  // An `&` that starts no reference ("& alone", "&amp" without its `;`) is where the fast path
  // means to differ: it reads it as a literal `&`, where saxes swallows the rest of the file
  // (test/hostile/xml.test.ts).
  "&#x0000041;",
  "ctrl\u0001",
  "bad\ufffe",
  "lone\ud800x",
  "x".repeat(70),
  // A value that ends in what reads as the next attribute's prefix once its quote follows.
  "ends name=",
);

const attrName = fc.constantFrom("classname", "name", "time", "status", "result", "file", "message", "x:y", "_a", "b-c.d");
const blank = fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "\r");

const attribute = fc.tuple(blank, attrName, fc.constantFrom("=", " = ", "=\n"), fc.constantFrom('"', "'"), value).map(
  ([ws, name, eq, q, v]) => {
    const quoted = q === '"' ? v.replace(/"/g, "'") : v.replace(/'/g, '"');
    return `${ws}${name}${eq}${q}${quoted}${q}`;
  },
);

/** Status values that make a bare testcase a skip. */
const skipAttr = fc.constantFrom("", ' status="disabled"', ' result="suppressed"', ' status="NotRun"');

const text = fc.constantFrom(
  "E   assert a &amp;&amp; b &lt; 1\nE   x = &#x41;&#66;\n  at f(1)",
  "seed 123\r\nout\rmore",
  "plain text",
  "]] ok ]",
  "]]> not allowed",
  "<![CDATA[<raw> & ]]>",
  "<!-- a comment <testcase name=\"in\"/> -->",
  "<?pi data?>",
  "&bogus; text",
  "ctrl \u0001 char",
  "emoji 😀 and lone \udc00",
  "tab\tand spaces   ",
  "",
  "x".repeat(300),
);

const child = fc.oneof(
  fc.tuple(fc.constantFrom("failure", "error", "skipped", "system-out", "system-err", "properties", "flakyFailure", "rerunError"), fc.array(attribute, { maxLength: 3 }), text).map(
    ([tag, attrs, t]) => (t === "" ? `<${tag}${attrs.join("")}/>` : `<${tag}${attrs.join("")}>${t}</${tag}>`),
  ),
  fc.constant("<flakyFailure message=\"m\"><stackTrace>trace</stackTrace><system-out>o</system-out></flakyFailure>"),
  text,
);

const testcase = fc.oneof(
  // Bare: self-closing or empty, the shape the fast path counts.
  fc.tuple(fc.array(attribute, { maxLength: 5 }), skipAttr, fc.constantFrom("/>", " />", "></testcase>", ">\n  </testcase >", ">\r\n</testcase\n>")).map(
    ([attrs, skip, close]) => `<testcase${attrs.join("")}${skip}${close}`,
  ),
  // Repeats of a few ids, so attempts fold and bare repeats of kept tests go to the slow path.
  fc.tuple(fc.constantFrom("a", "b", "c"), fc.boolean()).map(([n, fails]) =>
    fails ? `<testcase classname="k" name="${n}"><failure message="f ${n}">t</failure></testcase>` : `<testcase classname="k" name="${n}"/>`,
  ),
  fc.tuple(fc.array(attribute, { maxLength: 4 }), fc.array(child, { maxLength: 4 })).map(
    ([attrs, kids]) => `<testcase${attrs.join("")}>${kids.join("\n")}</testcase>`,
  ),
  // The same attributes in the same order, as reporters write them (read like the previous
  // tag's shape), with any value, and with spacing or endings that break the shape.
  fc.tuple(value, value, fc.constantFrom(' time="1"', '  time="1"', ' time = "1"', " time='1'", "", ' time="1" file="f"'), fc.constantFrom("/>", " />", "></testcase>", "><failure/></testcase>", "/ >")).map(
    ([c, n, rest, close]) => `<testcase classname="${c.replace(/"/g, "'")}" name="${n.replace(/"/g, "'")}"${rest}${close}`,
  ),
  // Broken markup.
  fc.constantFrom("<testcase name=\"cut\"", "<testcase name=\"x\"x=\"1\"/>", "<testcase name=\"d\" name=\"d\"/>", "</testcas>", "<1bad/>", "<testcase/ >", "<testcases/>", "&amp;"),
);

const suite = fc.tuple(fc.array(attribute, { maxLength: 2 }), fc.array(fc.tuple(testcase, blank), { maxLength: 12 }), fc.constantFrom("", "<system-out>suite out</system-out>")).map(
  ([attrs, cases, out]) => `<testsuite${attrs.join("")}>\n${cases.map(([c, ws]) => c + ws).join("")}${out}</testsuite>`,
);

// Text before the root element, with a `>` in it: saxes reports it where the run of text ends.
const documentArb = fc.tuple(fc.constantFrom('<?xml version="1.0" encoding="utf-8"?>\n', "", "\ufeff", "stray > text\n", '<?xml version="1.0"?>\nq>\n\n'), fc.array(suite, { minLength: 1, maxLength: 3 }), fc.boolean()).map(
  ([decl, suites, wrap]) => (wrap ? `${decl}<testsuites>\n${suites.join("\n")}\n</testsuites>\n` : `${decl}${suites.join("\n")}\n`),
);

describe("JUnitReader fast path against saxes alone", () => {
  it("reads generated documents exactly as saxes does, however they are chunked", () => {
    fc.assert(
      fc.property(documentArb, fc.array(fc.nat(), { maxLength: 6 }), (xml, rawCuts) => {
        const cuts = rawCuts.map((c) => c % (xml.length + 1));
        // Against saxes given the same chunks: where a run of text outside the root element ends
        // (and so the line its error names) depends on the chunks for saxes too.
        expect(read(xml, cuts, true)).toEqual(read(xml, cuts, false));
      }),
      { numRuns: 600 },
    );
  });

  it("reads a document cut after every character exactly as saxes does", () => {
    const xml =
      '<testsuites>\r\n<testsuite name="s &amp; t">\n' +
      '<testcase classname="k" name="a&#10;b" time="1"\n file="f.py"/>\n' +
      '<testcase classname="k" name="f"><failure message="m &lt;1&gt;&#10;seed=5">E  x &amp; y\r\nE  z</failure><system-out><![CDATA[<o>]]> &amp; o</system-out></testcase>\n' +
      '<testcase classname="k" name="f"/>\n' +
      '<testcase name="s" status="skipped">\t\n</testcase>\n' +
      "</testsuite>\n</testsuites>\n";
    const cuts = Array.from({ length: xml.length }, (_, i) => i);
    const want = read(xml, [], false);
    expect(read(xml, cuts, true)).toEqual(want);
    // The passing repeat of "f" folds into it: flaky, with the failed attempt kept.
    expect(want.counts).toEqual({ tests: 3, passed: 2, failed: 0, errored: 0, skipped: 1 });
    expect(want.tests[0]?.priorAttempts).toEqual([{ outcome: "failed", message: "m <1>" }]);
    expect(want.tests[0]?.details).toBe("E  x & y\nE  z");
  });

  it("counts runs of passing testcases written alike as saxes does, self-closing or not, folding a kept test's passing repeat", () => {
    // Runs of the same shape (read by one pattern match each), broken by a failure, a skip by
    // status, a value with a reference, a kept test's passing repeat and a classname that ends
    // in " name=" (a naive search for the name's prefix finds it inside that value).
    const long = "n".repeat(5000);
    for (const close of ["/>", "></testcase>", ">\n  </testcase >"]) {
      const row = (c: string, n: string, status = "run") => `<testcase classname="${c}" name="${n}" status="${status}" time="0.1"${close}`;
      const rows: string[] = [];
      for (let i = 0; i < 30; i++) rows.push(row("k", `p${i}`));
      rows.push('<testcase classname="k" name="f" status="run" time="0.1"><failure message="boom">E x</failure></testcase>');
      rows.push('<testcase classname="other name=" name="g" status="run" time="0.1"><failure message="boom 2">E y</failure></testcase>');
      // Names past MAX_MESSAGE_CHARS are kept cut: a repeat is told by its first 4096 characters.
      rows.push(`<testcase classname="k" name="${long}" status="run" time="0.1"><failure message="boom 3">E z</failure></testcase>`);
      for (let i = 0; i < 5; i++) rows.push(row("k", `q${i}`));
      rows.push(row("k", "s1", "NotRun"), row("k", "s2", "skipped"), row("k &amp; j", "r1"), row("k", "f"), row("other name=", "f"), row("other name=", "g"), row("k", `${long}x`), row("k", "q9"));
      rows.push("</testsuite>\n<testsuite name=\"t\">", row("k", "f"), "<bad/ >");
      const xml = `<testsuites>\n<testsuite name="s">\n${rows.join("\n")}\n</testsuite>\n</testsuites>\n`;
      const want = read(xml, [], false);
      for (const cuts of [[], [xml.length >> 1], Array.from({ length: 40 }, (_, i) => i * 97)]) expect(read(xml, cuts, true)).toEqual(want);
      // 30 + f + g + the long one + 5 + 2 skipped + r1 + "other name=" f + q9 + t's f; the
      // passing repeats of f, g and the long name fold into them (flaky: counted as passed, the
      // failure kept as a prior attempt).
      expect(want.counts).toEqual({ tests: 44, passed: 42, failed: 0, errored: 0, skipped: 2 });
      expect(want.tests.map((t) => [t.id.slice(0, 20), t.outcome, t.priorAttempts])).toEqual([
        ["k::f", "passed", [{ outcome: "failed", message: "boom" }]],
        ["other name=::g", "passed", [{ outcome: "failed", message: "boom 2" }]],
        ["k::nnnnnnnnnnnnnnnnn", "passed", [{ outcome: "failed", message: "boom 3" }]],
      ]);
      // The broken tag after the runs is reported on its own line.
      expect(want.warnings.join("\n")).toContain(`line ${xml.split("\n").findIndex((l) => l.includes("<bad/ >")) + 1}`);
    }
  });

  it("makes a run pattern only for a shape two bare testcases in a row share, and a few at most", () => {
    // A pattern per testcase made a report whose testcases each had another attribute ten times
    // slower to read, and V8 kept every compiled pattern (530 MB for 200,000 testcases).
    const cases = (f: (i: number) => string) => `<testsuite name="s">\n${Array.from({ length: 400 }, (_, i) => f(i)).join("\n")}\n</testsuite>\n`;
    const made = (xml: string) => {
      const r = new JUnitReader("r.xml");
      r.write(xml);
      expect(r.end()).toEqual(read(xml, [], false));
      return (r as unknown as { runsMade: number }).runsMade;
    };
    expect(made(cases((i) => `<testcase classname="c" name="t${i}" a${i}="1"/>`))).toBe(0);
    expect(made(cases((i) => (i % 2 === 0 ? `<testcase classname="c" name="t${i}"/>` : `<testcase name="t${i}" classname="c"/>`)))).toBe(0);
    expect(made(cases((i) => `<testcase classname="c" name="t${i}" a${i >> 1}="1"/>`))).toBe(16);
    expect(made(cases((i) => `<testcase classname="c" name="t${i}"/>`))).toBe(1);
  });

  it("keeps line numbers right when start tags span lines", () => {
    const xml = '<testsuite name="s">\n<testcase\n name="p"\r\n classname="k"/>\n<testcase name="f"\n classname="k"\n><failure>x</failure></testcase>\n</testsuite>\n';
    const fast = read(xml, [], true);
    expect(fast).toEqual(read(xml, [], false));
    // saxes reports a testcase at its start tag's `>`: line 7 here.
    expect(fast.tests[0]?.sources).toEqual([{ file: "r.xml", line: 7 }]);
  });
});
