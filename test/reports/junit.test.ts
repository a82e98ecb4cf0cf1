import { describe, expect, it } from "vitest";
import { JUnitReader } from "../../src/reports/junit.js";
import { MAX_DETAILS_CHARS, MAX_MESSAGE_CHARS, MAX_OUTPUT_CHARS, MAX_PRIOR_ATTEMPTS } from "../../src/reports/limits.js";
import type { ParsedInput } from "../../src/model.js";

function read(xml: string, chunkSize = 0): ParsedInput {
  const reader = new JUnitReader("r.xml");
  if (chunkSize <= 0) reader.write(xml);
  else for (let i = 0; i < xml.length; i += chunkSize) reader.write(xml.slice(i, i + chunkSize));
  return reader.end();
}

const suite = (body: string, attrs = 'name="s"'): string => `<testsuite ${attrs}>${body}</testsuite>`;

describe("JUnitReader counting rule", () => {
  it("counts error over failure, failure over skipped, and keeps only failing tests", () => {
    const out = read(
      suite(`
        <testcase classname="c" name="pass"/>
        <testcase classname="c" name="skip"><skipped/></testcase>
        <testcase classname="c" name="fail"><failure message="boom">trace</failure></testcase>
        <testcase classname="c" name="err"><error>oops</error></testcase>
        <testcase classname="c" name="both"><failure/><error/></testcase>
        <testcase classname="c" name="skipfail"><skipped/><failure message="x"/></testcase>
      `),
    );
    expect(out.counts).toEqual({ tests: 6, passed: 1, failed: 2, errored: 2, skipped: 1 });
    expect(out.tests.map((t) => [t.name, t.outcome, t.index])).toEqual([
      ["fail", "failed", 2],
      ["err", "errored", 3],
      ["both", "errored", 4],
      ["skipfail", "failed", 5],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it("ignores the suite's own tests= attribute", () => {
    const out = read(suite('<testcase name="a"/>', 'name="s" tests="99" failures="7"'));
    expect(out.counts).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 });
  });

  it("reads the same whatever the chunk boundaries", () => {
    const xml = `<?xml version="1.0"?><testsuites>${suite(
      '<testcase classname="a.B" name="t[x.y]" time="1.5"><failure message="m&amp;n"><![CDATA[line1\nat a.B.t(B.java:3)]]></failure><system-out>out</system-out></testcase>',
    )}</testsuites>`;
    const whole = read(xml);
    for (const size of [1, 2, 7, 64]) expect(read(xml, size)).toEqual(whole);
    expect(whole.tests[0]).toMatchObject({
      id: "a.B::t[x.y]",
      classname: "a.B",
      name: "t[x.y]",
      message: "m&n",
      details: "line1\nat a.B.t(B.java:3)",
      output: "out",
      durationSec: 1.5,
      sources: [{ file: "r.xml", line: 1 }],
    });
  });

  it("takes the message from the text when there is no message attribute", () => {
    const out = read(suite('<testcase name="t"><failure>\n\n  first line  \nsecond</failure></testcase>'));
    expect(out.tests[0]?.message).toBe("first line");
  });

  it("keeps a multi-line message attribute as details when the element has no text", () => {
    const out = read(suite('<testcase name="t"><failure message="head&#10;seed=42"/></testcase>'));
    expect(out.tests[0]?.message).toBe("head");
    expect(out.tests[0]?.details).toBe("head\nseed=42");
    const withText = read(suite('<testcase name="t"><failure message="a&#10;b">trace</failure></testcase>'));
    expect(withText.tests[0]?.details).toBe("trace");
  });

  it("joins system-out and system-err and gives suite output only to failing tests without their own", () => {
    const out = read(
      suite(`
        <testcase name="own"><failure/><system-out>mine</system-out><system-err>err</system-err></testcase>
        <testcase name="none"><failure/></testcase>
        <testcase name="p"/>
        <system-out>suite says MXNET_TEST_SEED=7</system-out>
      `),
    );
    expect(out.tests.find((t) => t.name === "own")?.output).toBe("mine\nerr");
    expect(out.tests.find((t) => t.name === "none")?.output).toBe("suite says MXNET_TEST_SEED=7");
  });

  it("passes output of an enclosing suite down when the inner suite has none", () => {
    const out = read(
      `<testsuites><testsuite name="outer"><testsuite name="inner"><testcase name="t"><failure/></testcase></testsuite><system-err>outer log</system-err></testsuite></testsuites>`,
    );
    expect(out.tests[0]?.output).toBe("outer log");
  });

  it("counts testcases in suites nested at any depth, in document order", () => {
    const out = read(
      `<testsuites><testsuite name="a"><testcase name="1"/><testsuite name="b"><testsuite name="c"><testcase name="2"><failure/></testcase></testsuite></testsuite><testcase name="3"><error/></testcase></testsuite></testsuites>`,
    );
    expect(out.counts).toEqual({ tests: 3, passed: 1, failed: 1, errored: 1, skipped: 0 });
    expect(out.tests.map((t) => [t.id, t.index])).toEqual([
      ["c::2", 1],
      ["a::3", 2],
    ]);
  });

  it("ignores properties and unknown elements", () => {
    const out = read(
      suite('<properties><property name="seed" value="1"/></properties><testcase name="t"><properties><property name="x" value="y"/></properties><weird><deeper a="1">text</deeper></weird></testcase>'),
    );
    expect(out.counts.tests).toBe(1);
    expect(out.warnings).toEqual([]);
  });

  it("treats status=disabled / GoogleTest notrun as skipped unless the case failed", () => {
    const out = read(
      suite('<testcase name="a" status="disabled"/><testcase name="b" status="notrun" result="suppressed"/><testcase name="c" status="disabled"><failure/></testcase>'),
    );
    expect(out.counts).toEqual({ tests: 3, passed: 0, failed: 1, errored: 0, skipped: 2 });
  });
});

describe("JUnitReader attempts", () => {
  it("keeps a Surefire flakyFailure test as passed with its failed runs as prior attempts", () => {
    const out = read(
      suite(`<testcase classname="p.C" name="m">
        <flakyFailure message="first" type="E"><stackTrace>E: first\n\tat p.C.m(C.java:9)</stackTrace><system-out>seed=11</system-out></flakyFailure>
        <flakyError type="E"><stackTrace>boom second</stackTrace></flakyError>
      </testcase>`),
    );
    expect(out.counts).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 });
    expect(out.tests[0]).toMatchObject({
      outcome: "passed",
      message: "first",
      details: "E: first\n\tat p.C.m(C.java:9)",
      output: "seed=11",
      priorAttempts: [
        { outcome: "failed", message: "first" },
        { outcome: "errored", message: "boom second" },
      ],
    });
  });

  it("records Surefire rerunFailure runs of a failing test", () => {
    const out = read(
      suite(`<testcase classname="p.C" name="m"><failure message="orig">t0</failure>
        <rerunFailure message="r1"><stackTrace>t1</stackTrace></rerunFailure>
        <rerunError><stackTrace>t2 line</stackTrace><system-err>e</system-err></rerunError>
      </testcase>`),
    );
    expect(out.counts.failed).toBe(1);
    expect(out.tests[0]?.details).toBe("t0");
    expect(out.tests[0]?.priorAttempts).toEqual([
      { outcome: "failed", message: "r1" },
      { outcome: "errored", message: "t2 line" },
    ]);
  });

  it("folds repeated attempts (rerunfailures, gotestsum reruns) and keeps the failing evidence", () => {
    const out = read(
      suite(`
        <testcase classname="c" name="flaky"><failure message="f1">MXNET_TEST_SEED=5</failure><system-out>o1</system-out></testcase>
        <testcase classname="c" name="other"/>
        <testcase classname="c" name="flaky"><failure message="f2">t2</failure></testcase>
        <testcase classname="c" name="flaky"/>
      `),
    );
    expect(out.counts).toEqual({ tests: 2, passed: 2, failed: 0, errored: 0, skipped: 0 });
    expect(out.tests).toHaveLength(1);
    expect(out.tests[0]).toMatchObject({
      outcome: "passed",
      index: 0,
      message: "f2",
      details: "t2",
      output: "o1",
      priorAttempts: [
        { outcome: "failed", message: "f1" },
        { outcome: "failed", message: "f2" },
      ],
    });
  });

  it("folds a failing attempt right after a passing one with the same id", () => {
    const out = read(suite('<testcase classname="c" name="t"/><testcase classname="c" name="t"><failure/></testcase>'));
    expect(out.counts).toEqual({ tests: 1, passed: 0, failed: 1, errored: 0, skipped: 0 });
    expect(out.tests[0]?.priorAttempts).toEqual([{ outcome: "passed" }]);
    expect(out.tests[0]?.index).toBe(0);
  });

  it("does not fold repeated ids in jest-junit, vitest and mocha reports: one testcase per test there, so a repeat is another test of the same title", () => {
    // test.each with a fixed title, as jest-junit writes it (one case of three fails).
    const cases = (cls: string, name: string): string =>
      `<testcase classname="${cls}" name="${name}"/><testcase classname="${cls}" name="${name}"><failure>Error: expect(received).toBe(expected)</failure></testcase><testcase classname="${cls}" name="${name}"/>`;
    const roots = [
      `<testsuites name="jest tests" tests="3" failures="1"><testsuite name="add" tests="3">${cases("add adds two numbers", "add adds two numbers")}</testsuite></testsuites>`,
      `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="vitest tests" tests="3" failures="1"><testsuite name="tests/add.test.ts" tests="3">${cases("tests/add.test.ts", "add &gt; adds two numbers")}</testsuite></testsuites>`,
      `<testsuites name="Mocha Tests" tests="3" failures="1"><testsuite name="Root Suite" tests="0"/><testsuite name="add" tests="3">${cases("adds two numbers", "add adds two numbers")}</testsuite></testsuites>`,
    ];
    for (const xml of roots) {
      for (const chunk of [0, 7]) {
        const out = read(xml, chunk);
        expect(out.counts, xml).toEqual({ tests: 3, passed: 2, failed: 1, errored: 0, skipped: 0 });
        expect(out.tests, xml).toHaveLength(1);
        expect(out.tests[0], xml).toMatchObject({ outcome: "failed", index: 1 });
        expect(out.tests[0]?.priorAttempts, xml).toBeUndefined();
      }
    }
    // A renamed root (jest-junit's and vitest's suiteName) is told by the caller: --runner jest.
    const renamed = `<testsuites name="unit"><testsuite name="add">${cases("add adds two numbers", "add adds two numbers")}</testsuite></testsuites>`;
    const told = new JUnitReader("r.xml", { repeatsAreTests: true });
    told.write(renamed);
    expect(told.end().counts).toEqual({ tests: 3, passed: 2, failed: 1, errored: 0, skipped: 0 });
    expect(read(renamed).counts).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 });
    // Elsewhere the same three testcases are three attempts of one test that passed at last.
    const other = read(`<testsuites name="pytest"><testsuite name="add">${cases("c", "t")}</testsuite></testsuites>`);
    expect(other.counts).toEqual({ tests: 1, passed: 1, failed: 0, errored: 0, skipped: 0 });
    expect(other.tests[0]?.priorAttempts?.map((a) => a.outcome)).toEqual(["passed", "failed"]);
  });

  it("does not fold the same name in different suites", () => {
    const out = read(
      `<testsuites>${suite('<testcase name="A"><failure/></testcase>', 'name="s1"')}${suite('<testcase name="A"/>', 'name="s2"')}</testsuites>`,
    );
    expect(out.counts).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
  });

  it("keeps at most MAX_PRIOR_ATTEMPTS prior attempts and says how many were dropped", () => {
    const n = MAX_PRIOR_ATTEMPTS + 10;
    const out = read(suite('<testcase classname="c" name="t"><failure/></testcase>'.repeat(n)));
    expect(out.counts).toEqual({ tests: 1, passed: 0, failed: 1, errored: 0, skipped: 0 });
    expect(out.tests[0]?.priorAttempts).toHaveLength(MAX_PRIOR_ATTEMPTS);
    expect(out.warnings.join("\n")).toMatch(/r\.xml: 9 attempts of repeated tests/);
  });
});

describe("JUnitReader caps", () => {
  it("caps message, details and output, keeping head and tail", () => {
    const big = "H".repeat(10) + "x".repeat(3 * MAX_DETAILS_CHARS) + "TAIL-SEED=99";
    const out = read(
      suite(
        `<testcase name="t"><failure message="${"m".repeat(2 * MAX_MESSAGE_CHARS)}">${big}</failure><system-out>${"o".repeat(2 * MAX_OUTPUT_CHARS)}END</system-out></testcase>`,
      ),
    );
    const t = out.tests[0];
    expect(t?.message?.length).toBe(MAX_MESSAGE_CHARS);
    expect(t?.details?.startsWith("HHHHHHHHHHx")).toBe(true);
    expect(t?.details?.endsWith("TAIL-SEED=99")).toBe(true);
    expect(t?.details).toMatch(/\[\.\.\. \d+ characters cut \.\.\.\]/);
    expect(t?.details?.length).toBeLessThan(MAX_DETAILS_CHARS + 100);
    expect(t?.output?.endsWith("END")).toBe(true);
    expect(t?.output?.length).toBeLessThan(MAX_OUTPUT_CHARS + 100);
  });

  it("takes the failing line from the trace, never from the line attribute (the def line)", () => {
    const out = read(
      suite(
        '<testcase classname="t.x" name="a" file="t/x.py" line="9"><failure>t/x.py:12: AssertionError</failure></testcase><testcase classname="t.x" name="b" file="t/x.py" line="9"><failure>no trace</failure></testcase>',
        'name="pytest"',
      ),
    );
    expect(out.tests.map((t) => t.line)).toEqual([12, undefined]);
  });
});

describe("JUnitReader on broken input", () => {
  it("warns on an empty input", () => {
    const out = read("");
    expect(out.counts.tests).toBe(0);
    expect(out.warnings).toEqual(["r.xml: empty file, no tests read"]);
  });

  it("keeps complete testcases before a cut and names the file", () => {
    const out = read('<testsuite name="s"><testcase name="a"><failure/></testcase><testcase name="b"/><testcase name="c"><sys');
    expect(out.counts).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    expect(out.warnings).toEqual(["r.xml: truncated after 2 testcases (the file ends inside an element)"]);
  });

  it("warns with file and line on malformed XML and reads on", () => {
    const out = read(`<testsuite>\n<testcase name="a" x=1/>\n<testcase name="b"><failure/></testcase>\n</testsuite>`);
    expect(out.counts).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    expect(out.warnings[0]).toMatch(/^r\.xml: line 2: malformed XML: /);
  });

  it("reads concatenated reports (two roots)", () => {
    const out = read(suite('<testcase name="a"/>') + suite('<testcase name="b"><failure/></testcase>'));
    expect(out.counts.tests).toBe(2);
    expect(out.warnings.join()).toMatch(/only one root/);
  });

  it("warns when the root is not a testsuite", () => {
    const out = read("<html><body>hi</body></html>");
    expect(out.counts.tests).toBe(0);
    expect(out.warnings.join("\n")).toMatch(/root element is <html>/);
  });

  it("end() can be called twice and write() after end() is ignored", () => {
    const reader = new JUnitReader("r.xml");
    reader.write(suite('<testcase name="a"/>'));
    const first = reader.end();
    reader.write("<garbage");
    expect(reader.end()).toEqual(first);
  });
});
