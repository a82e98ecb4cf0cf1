import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { readInputs } from "../../src/io/read-inputs.js";
import { detectKind } from "../../src/reports/detect.js";
import { JUnitReader } from "../../src/reports/junit.js";
import type { Counts } from "../../src/model.js";

type Kind = "pass" | "fail" | "error" | "skip" | "fail+error" | "skip+fail" | "flaky";
interface Case {
  name: string;
  classname: string;
  kind: Kind;
  text: string;
}
interface Suite {
  name: string;
  cases: Case[];
  children: readonly Suite[];
}

/** Text that XML 1.0 can carry (no C0 controls but tab/newline, no lone surrogates, no U+FFFE/F). */
const xmlText = fc
  .string({ unit: "grapheme", maxLength: 30 })
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[\ud800-\udfff]/g, ""));

function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Attribute values normalise literal tabs and newlines to spaces; keep them as references.
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

const caseArb = fc.record({
  name: xmlText,
  classname: xmlText,
  kind: fc.constantFrom<Kind>("pass", "fail", "error", "skip", "fail+error", "skip+fail", "flaky"),
  text: xmlText,
});

const suiteArb: fc.Arbitrary<Suite> = fc.letrec<{ suite: Suite }>((tie) => ({
  suite: fc.record({
    name: xmlText,
    cases: fc.array(caseArb, { maxLength: 6 }),
    children: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.constant<Suite[]>([]), fc.array(tie("suite"), { maxLength: 3 })),
  }),
})).suite;

let uid = 0;
function render(suite: Suite): string {
  const cases = suite.cases
    .map((c) => {
      // Unique names: repeated ids are attempts of one test, a different rule tested elsewhere.
      const name = esc(`${c.name}#${uid++}`);
      const open = `<testcase classname="${esc(c.classname)}" name="${name}" time="0.5">`;
      const t = esc(c.text);
      switch (c.kind) {
        case "pass":
          return `<testcase classname="${esc(c.classname)}" name="${name}"/>`;
        case "fail":
          return `${open}<failure message="${t}">${t}</failure><system-out>${t}</system-out></testcase>`;
        case "error":
          return `${open}<error><![CDATA[${c.text.replace(/]]>/g, "")}]]></error></testcase>`;
        case "skip":
          return `${open}<skipped message="${t}"/></testcase>`;
        case "fail+error":
          return `${open}<failure/><error message="${t}"/></testcase>`;
        case "skip+fail":
          return `${open}<skipped/><failure>${t}</failure></testcase>`;
        case "flaky":
          return `${open}<flakyFailure message="${t}"><stackTrace>${t}</stackTrace></flakyFailure></testcase>`;
      }
    })
    .join("\n");
  return `<testsuite name="${esc(suite.name)}">${cases}${suite.children.map(render).join("")}</testsuite>`;
}

function expectedCounts(suite: Suite, into: Counts): Counts {
  for (const c of suite.cases) {
    into.tests++;
    if (c.kind === "pass" || c.kind === "flaky") into.passed++;
    else if (c.kind === "skip") into.skipped++;
    else if (c.kind === "fail" || c.kind === "skip+fail") into.failed++;
    else into.errored++;
  }
  for (const child of suite.children) expectedCounts(child, into);
  return into;
}

function feed(reader: JUnitReader, text: string, cuts: number[]): void {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(text.length, cut);
    if (end > at) reader.write(text.slice(at, end));
    at = Math.max(at, end);
  }
  reader.write(text.slice(at));
}

describe("JUnitReader properties", () => {
  it("reads generated well-formed JUnit back to the same counts, however it is chunked", () => {
    fc.assert(
      fc.property(fc.array(suiteArb, { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 }), (suites, cuts) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>${suites.map(render).join("\n")}</testsuites>`;
        const reader = new JUnitReader("gen.xml");
        feed(reader, xml, cuts.map((c) => c % (xml.length + 1)));
        const out = reader.end();
        const want = suites.reduce((acc, s) => expectedCounts(s, acc), { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 });
        expect(out.counts).toEqual(want);
        expect(out.warnings).toEqual([]);
        expect(out.tests.filter((t) => t.outcome !== "passed")).toHaveLength(want.failed + want.errored);
        expect(out.tests.map((t) => t.index)).toEqual([...out.tests.map((t) => t.index)].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary text and finishes promptly", () => {
    const junk = fc.oneof(
      fc.string({ unit: "binary", maxLength: 2000 }),
      fc.string({ maxLength: 2000 }).map((s) => `<testsuite><testcase name="a">${s}`),
      fc.array(fc.constantFrom("<", ">", "/", "testcase", "testsuite", " name=", '"', "&", ";", "<!DOCTYPE", "[", "]", "<![CDATA[", "]]>", "failure", "\u0000", "\n"), { maxLength: 400 }).map((a) => a.join("")),
    );
    fc.assert(
      fc.property(junk, fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        const start = Date.now();
        const reader = new JUnitReader("junk.xml");
        feed(reader, text, cuts.map((c) => c % (text.length + 1)));
        const out = reader.end();
        const c = out.counts;
        expect(c.tests).toBe(c.passed + c.failed + c.errored + c.skipped);
        expect(Date.now() - start).toBeLessThan(1000);
        expect(detectKind(text)).toMatch(/^(junit|pytest-log|unittest-log|unknown)$/);
      }),
      { numRuns: 500 },
    );
  });

  describe("readInputs on arbitrary bytes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "flaky-triage-prop-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("returns a ParsedInput or throws a UserError, nothing else", async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), async (bytes, asXml) => {
          const name = `f${n++}`;
          const prefix = asXml ? Buffer.from("<testsuite>") : Buffer.alloc(0);
          writeFileSync(path.join(dir, name), Buffer.concat([prefix, bytes]));
          try {
            const [input] = await readInputs([name], { cwd: dir });
            expect(input?.path).toBe(name);
          } catch (err) {
            expect(err).toBeInstanceOf(UserError);
            expect((err as Error).message.startsWith(`${name}: `)).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });
  });
});
