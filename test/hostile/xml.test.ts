import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { expandGlobs, readInputs } from "../../src/io/read-inputs.js";
import { JUnitReader } from "../../src/reports/junit.js";
import {
  MAX_DETAILS_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_PRIOR_ATTEMPTS,
  MAX_XML_DEPTH,
  MAX_XML_ERRORS,
} from "../../src/reports/limits.js";
import type { ParsedInput } from "../../src/model.js";

// Inputs are generated here at test time; nothing large is committed.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "flaky-triage-hostile-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

async function readOne(name: string): Promise<ParsedInput> {
  const [input] = await readInputs([name], { cwd: dir });
  if (input === undefined) throw new Error("no input");
  return input;
}

/** Writes a large file in pieces so the test itself never holds it as one string. */
async function bigFile(name: string, pieces: Iterable<string>): Promise<string> {
  const out = createWriteStream(path.join(dir, name));
  let buffered: string[] = [];
  let size = 0;
  for (const p of pieces) {
    buffered.push(p);
    size += p.length;
    if (size > 1 << 20) {
      if (!out.write(buffered.join(""))) await once(out, "drain");
      buffered = [];
      size = 0;
    }
  }
  out.end(buffered.join(""));
  await once(out, "finish");
  return name;
}

/** The console log of a pytest run that wrote no JUnit report. */
const CRASH_LOG =
  "============================= test session starts ==============================\ncollected 2 items\n\ntests/test_a.py .F\n\n=================================== FAILURES ===================================\n___________________________________ test_b ____________________________________\n\n    def test_b():\n>       assert 1 == 2\nE       assert 1 == 2\n\ntests/test_a.py:5: AssertionError\n=========================== short test summary info ============================\nFAILED tests/test_a.py::test_b - assert 1 == 2\n========================= 1 failed, 1 passed in 0.01s ==========================\n";

describe("entities and DTDs are never expanded or fetched", () => {
  it("billion laughs: entities stay literal, the rest of the file is read", async () => {
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const name = file(
      "laughs.xml",
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [${lol.join("\n")}]>\n<testsuite name="s"><testcase classname="c" name="&lol9;"><failure message="&lol9;">&lol9;</failure></testcase><testcase name="after"/></testsuite>`,
    );
    const start = Date.now();
    const input = await readOne(name);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(input.counts).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    const t = input.tests[0];
    expect(t?.name).toBe("&lol9;");
    expect(t?.details).toBe("&lol9;");
    expect(JSON.stringify(input)).not.toContain("lollol");
    expect(input.warnings.join("\n")).toMatch(/laughs\.xml: .*undefined entity/);
  });

  it("XXE: an external entity is not read", async () => {
    const name = file(
      "xxe.xml",
      `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>\n<testsuite><testcase classname="c" name="t"><failure message="&e;">&e;</failure><system-out>&e;</system-out></testcase></testsuite>`,
    );
    const input = await readOne(name);
    expect(input.counts.failed).toBe(1);
    const all = JSON.stringify(input);
    expect(all).not.toContain("root:");
    if (existsSync("/etc/passwd")) {
      const firstLine = readFileSync("/etc/passwd", "utf8").split("\n")[0] ?? "";
      if (firstLine.length > 0) expect(all).not.toContain(firstLine);
    }
    expect(input.tests[0]?.details).toBe("&e;");
  });
});

describe("broken files", () => {
  it("truncated mid-element: keeps the complete testcases and names the file", async () => {
    const cases = Array.from({ length: 1000 }, (_, i) =>
      i % 100 === 0 ? `<testcase classname="c" name="t${i}"><failure>x</failure></testcase>` : `<testcase classname="c" name="t${i}"/>`,
    ).join("\n");
    const name = file("cut.xml", `<testsuites><testsuite name="s">${cases}\n<testcase classname="c" name="t1000" ti`);
    const input = await readOne(name);
    expect(input.counts).toEqual({ tests: 1000, passed: 990, failed: 10, errored: 0, skipped: 0 });
    expect(input.warnings).toContain("cut.xml: truncated after 1000 testcases (the file ends inside an element)");
  });

  it("nesting deeper than MAX_XML_DEPTH stops reading with a warning that says so, keeping the tests before it", async () => {
    const depth = 100_000;
    const name = await bigFile(
      "deep.xml",
      (function* () {
        yield '<testsuites>\n<testsuite name="s"><testcase classname="c" name="first"><failure>up here</failure></testcase></testsuite>\n';
        for (let i = 0; i < depth; i++) yield `<testsuite name="s${i}">`;
        yield '<testcase classname="c" name="deep"><failure>down here</failure>';
        for (let i = 0; i < depth; i++) yield "<x>";
        yield "text";
        for (let i = 0; i < depth; i++) yield "</x>";
        yield "</testcase>";
        for (let i = 0; i < depth; i++) yield "</testsuite>";
        yield "</testsuites>";
      })(),
    );
    const input = await readOne(name);
    expect(input.counts).toEqual({ tests: 1, passed: 0, failed: 1, errored: 0, skipped: 0 });
    expect(input.tests.map((t) => t.details)).toEqual(["up here"]);
    expect(input.warnings).toEqual([
      `deep.xml: line 3: stopped reading after 1 testcases: elements nested more than ${MAX_XML_DEPTH} deep, which no test report does`,
    ]);
  });

  it(`nesting up to MAX_XML_DEPTH is read`, async () => {
    const depth = MAX_XML_DEPTH - 3;
    const open = Array.from({ length: depth }, (_, i) => `<testsuite name="s${i}">`).join("");
    const close = "</testsuite>".repeat(depth);
    const name = file("nested.xml", `<testsuites>${open}<testcase classname="c" name="deep"><failure>down here</failure></testcase>${close}</testsuites>`);
    const input = await readOne(name);
    expect(input.counts.failed).toBe(1);
    expect(input.warnings).toEqual([]);
  });

  it("an unescaped & in failure text is read as a literal &, with one warning, and the tests after it are read", async () => {
    const name = file(
      "amp.xml",
      '<testsuite name="s">\n<testcase classname="c" name="a"><failure message="m">E   assert a && b\nurl?x=1&y=2 &amp; &lt;ok&gt;</failure></testcase>\n' +
        '<testcase classname="c" name="b"><failure>second & last</failure></testcase>\n<testcase classname="c" name="ok"/>\n</testsuite>\n',
    );
    const input = await readOne(name);
    expect(input.counts).toEqual({ tests: 3, passed: 1, failed: 2, errored: 0, skipped: 0 });
    expect(input.tests.map((t) => t.details)).toEqual(["E   assert a && b\nurl?x=1&y=2 & <ok>", "second & last"]);
    expect(input.warnings).toEqual(['amp.xml: line 2: an unescaped "&", read as a literal "&" (the report\'s writer should write it as &amp;)']);
  });

  it("an unescaped & in an attribute value is read as a literal & too", async () => {
    const name = file(
      "amp-attr.xml",
      '<testsuite><testcase classname="c" name="a"><failure message="a &amp;&amp; b & c &amp">x</failure></testcase><testcase classname="c" name="b"><failure message="q">y</failure></testcase></testsuite>',
    );
    const input = await readOne(name);
    expect(input.counts.failed).toBe(2);
    expect(input.tests.map((t) => t.message)).toEqual(["a && b & c &amp", "q"]);
    expect(input.warnings).toEqual(['amp-attr.xml: line 1: an unescaped "&", read as a literal "&" (the report\'s writer should write it as &amp;)']);
  });

  it("an unescaped & in text longer than a chunk is read the same, and an entity cut by the chunk's end is kept whole", () => {
    const long = "x".repeat(70_000);
    const doc = `<testsuite><testcase classname="c" name="a"><failure>${long} a & b &am` + `p; tail</failure></testcase><testcase classname="c" name="b"><failure>f</failure></testcase></testsuite>`;
    const cut = doc.indexOf("&am") + 3;
    const reader = new JUnitReader("long.xml");
    reader.write(doc.slice(0, cut));
    reader.write(doc.slice(cut));
    const input = reader.end();
    expect(input.counts.failed).toBe(2);
    const details = input.tests[0]!.details!;
    expect(details.endsWith(" a & b & tail")).toBe(true);
    expect(input.warnings).toEqual(['long.xml: line 1: an unescaped "&", read as a literal "&" (the report\'s writer should write it as &amp;)']);
  });

  it("an unknown entity is still saxes's to report, and reading goes on", async () => {
    const name = file("undef.xml", '<testsuite><testcase classname="c" name="a"><failure>x &nbsp; y</failure></testcase><testcase classname="c" name="b"><failure>f</failure></testcase></testsuite>');
    const input = await readOne(name);
    expect(input.counts.failed).toBe(2);
    expect(input.warnings[0]).toMatch(/^undef\.xml: line 1: malformed XML: undefined entity/);
  });

  it("children named like Object.prototype keys are unknown elements, not failures", async () => {
    const name = file(
      "proto-children.xml",
      '<testsuite><testcase classname="a" name="t"><constructor message="x"/></testcase><testcase classname="a" name="u"><toString/><hasOwnProperty/></testcase></testsuite>',
    );
    const input = await readOne(name);
    expect(input.counts).toEqual({ tests: 2, passed: 2, failed: 0, errored: 0, skipped: 0 });
    expect(input.tests).toEqual([]);
  });

  it("malformed XML mid-file: warns with file and line, keeps reading", async () => {
    const name = file(
      "bad.xml",
      '<testsuite>\n<testcase name="a"/>\n<testcase name="b" <<< />\n<testcase name="c"><failure/></testcase>\n</testsuite>',
    );
    const input = await readOne(name);
    expect(input.warnings[0]).toMatch(/^bad\.xml: line 3: malformed XML/);
    expect(input.counts.failed).toBe(1);
  });

  it("garbage after a valid start stops after too many errors and finishes promptly", async () => {
    const noise = Buffer.alloc(2 << 20);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 256;
    const name = file("noise.xml", Buffer.concat([Buffer.from('<testsuite><testcase name="a"><failure/></testcase>'), noise]));
    const start = Date.now();
    const input = await readOne(name);
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(input.counts.failed).toBe(1);
    expect(input.warnings.join("\n")).toMatch(new RegExp(`noise\\.xml: .*more than ${MAX_XML_ERRORS} XML errors`));
  });

  it("empty and whitespace-only files: a warning and zero tests", async () => {
    for (const [n, content] of [
      ["empty.xml", ""],
      ["blank.xml", "  \n\t\n"],
    ] as const) {
      const input = await readOne(file(n, content));
      expect(input.counts.tests).toBe(0);
      expect(input.warnings).toEqual([`${n}: empty file, no tests read`]);
    }
  });

  it("binary data is refused with a UserError naming the file", async () => {
    const name = file("blob.bin", Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 9, 0, 1, 2]));
    await expect(readOne(name)).rejects.toThrow(/blob\.bin: .*binary/);
  });
});

describe("encodings and odd characters", () => {
  const xml = '<?xml version="1.0" encoding="UTF-16"?><testsuite name="s"><testcase classname="c" name="grüße ✓ 𝄞"><failure message="ünïcode">seed=7</failure></testcase></testsuite>';

  it.each([
    ["utf16le-bom.xml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")])],
    ["utf16be-bom.xml", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml, "utf16le").swap16()])],
    ["utf16le-nobom.xml", Buffer.from(xml, "utf16le")],
    ["utf8-bom.xml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml.replace("UTF-16", "UTF-8"))])],
  ])("%s", async (name, bytes) => {
    const input = await readOne(file(name, bytes));
    expect(input.counts.failed).toBe(1);
    expect(input.tests[0]).toMatchObject({ name: "grüße ✓ 𝄞", message: "ünïcode", details: "seed=7" });
  });

  it("UTF-16 with surrogate pairs across 1 MiB chunk boundaries decodes cleanly", async () => {
    const long = `<testsuite><testcase name="t"><failure>${"ü𝄞".repeat(400_000)}END</failure></testcase></testsuite>`;
    const input = await readOne(file("utf16-long.xml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(long, "utf16le")])));
    expect(input.tests[0]?.details?.endsWith("ü𝄞ü𝄞END")).toBe(true);
    expect(input.tests[0]?.details).not.toContain("\uFFFD");
  });

  it("a declared latin-1 file is decoded as latin-1", async () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><testsuite><testcase name="gr\xfc\xdfe"><failure/></testcase></testsuite>', "latin1");
    const input = await readOne(file("latin1.xml", bytes));
    expect(input.tests[0]?.name).toBe("grüße");
  });

  it("invalid UTF-8 becomes U+FFFD and does not stop the read", async () => {
    const bytes = Buffer.concat([
      Buffer.from('<testsuite><testcase name="bad'),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
      Buffer.from('"><failure>x</failure></testcase><testcase name="ok"/></testsuite>'),
    ]);
    const input = await readOne(file("badutf8.xml", bytes));
    expect(input.counts).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    expect(input.tests[0]?.name).toContain("\uFFFD");
  });

  it("NUL bytes and control characters in attributes and text: warnings, no crash", async () => {
    const input = await readOne(
      file("nul.xml", '<testsuite><testcase name="a\u0000b\u0001c"><failure message="m\u0007">t\u0000ext\u001b[31m</failure></testcase><testcase name="z"/></testsuite>'),
    );
    expect(input.counts).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    expect(input.warnings.join("\n")).toMatch(/nul\.xml: line 1: malformed XML: disallowed character/);
  });

  it("CDATA with markup-like content is kept as text", async () => {
    const input = await readOne(
      file("cdata.xml", '<testsuite><testcase name="t"><failure><![CDATA[<b>&amp; </failure> ]]]]><![CDATA[>]]></failure></testcase></testsuite>'),
    );
    expect(input.tests[0]?.details).toBe("<b>&amp; </failure> ]]>");
  });
});

describe("size limits", () => {
  it("a 50 MB failure message is capped (head and tail kept)", async () => {
    const mb = 1 << 20;
    const name = await bigFile(
      "huge.xml",
      (function* () {
        yield `<testsuite><testcase classname="c" name="big"><failure message="${"M".repeat(5 * mb)}">HEAD-SEED=1\n`;
        for (let i = 0; i < 50; i++) yield "x".repeat(mb);
        yield "\nTAIL-SEED=2</failure><system-out>";
        for (let i = 0; i < 10; i++) yield "o".repeat(mb);
        yield '</system-out></testcase><testcase name="after"/></testsuite>';
      })(),
    );
    const input = await readOne(name);
    expect(input.counts).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    const t = input.tests[0];
    expect(t?.message?.length).toBe(MAX_MESSAGE_CHARS);
    expect(t?.details?.length).toBeLessThanOrEqual(MAX_DETAILS_CHARS + 64);
    expect(t?.details?.startsWith("HEAD-SEED=1")).toBe(true);
    expect(t?.details?.endsWith("TAIL-SEED=2")).toBe(true);
    expect(t?.details).toMatch(/\[\.\.\. \d+ characters cut \.\.\.\]/);
  });

  it("1M testcases with the same name: bounded retained tests, counts by the documented rule", async () => {
    const n = 1_000_000;
    const name = await bigFile(
      "same.xml",
      (function* () {
        yield '<testsuites><testsuite name="s">';
        for (let i = 0; i < n; i++) {
          yield i % 1000 === 999
            ? '<testcase classname="c" name="same"><failure message="f"/></testcase>'
            : '<testcase classname="c" name="same"/>';
        }
        yield "</testsuite></testsuites>";
      })(),
    );
    const input = await readOne(name);
    // Passes 0..998 are separate tests (ids of passes are not remembered); #999 fails right
    // after a pass of the same id and folds it in; every later testcase repeats a kept id.
    // The last one (#999999) fails.
    expect(input.counts).toEqual({ tests: 999, passed: 998, failed: 1, errored: 0, skipped: 0 });
    expect(input.tests).toHaveLength(1);
    expect(input.tests[0]?.priorAttempts).toHaveLength(MAX_PRIOR_ATTEMPTS);
    expect(input.warnings.join("\n")).toMatch(/same\.xml: \d+ attempts of repeated tests/);
  }, 60_000);

  it("passing tests do not grow memory: 300k distinct passes retain nothing", () => {
    const reader = new JUnitReader("many.xml");
    reader.write('<testsuite name="s">');
    for (let i = 0; i < 300_000; i++) reader.write(`<testcase classname="c" name="t${i}"><system-out>noise ${i}</system-out></testcase>`);
    reader.write("</testsuite>");
    const out = reader.end();
    expect(out.counts).toEqual({ tests: 300_000, passed: 300_000, failed: 0, errored: 0, skipped: 0 });
    expect(out.tests).toHaveLength(0);
  });
});

describe("paths at the edge", () => {
  it("a directory is a UserError naming it", async () => {
    mkdirSync(path.join(dir, "reports-dir"), { recursive: true });
    const err = await readInputs(["reports-dir"], { cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^reports-dir: is a directory/);
  });

  it("a missing file is a UserError naming it", async () => {
    await expect(readInputs(["nope.xml"], { cwd: dir })).rejects.toThrow(/^nope\.xml: no such file$/);
    // Several, none there: still the error, naming the first.
    await expect(readInputs(["nope.xml", "gone.log"], { cwd: dir })).rejects.toThrow(/^nope\.xml: no such file$/);
  });

  it("a missing file next to reports that exist is a warning: a crashed run writes no JUnit report, its log is the evidence", async () => {
    file("crash.log", CRASH_LOG);
    const inputs = await readInputs(["nope.xml", "crash.log"], { cwd: dir });
    expect(inputs.map((i) => [i.path, i.kind, i.tests.length])).toEqual([["nope.xml", "unknown", 0], ["crash.log", "pytest-log", 1]]);
    expect(inputs[0]!.warnings).toEqual(["nope.xml: no such file; the other reports were read without it"]);
  });

  it("a directory or FIFO next to reports that exist is a warning too, the others read; alone, an error naming it", async () => {
    file("crash3.log", CRASH_LOG);
    mkdirSync(path.join(dir, "adir"));
    spawnSync("mkfifo", [path.join(dir, "a.fifo")]);
    const inputs = await readInputs(["adir", "a.fifo", "crash3.log"], { cwd: dir });
    expect(inputs.map((i) => [i.path, i.tests.length])).toEqual([["adir", 0], ["a.fifo", 0], ["crash3.log", 1]]);
    expect(inputs[0]!.warnings).toEqual(["adir: is a directory, not a report file; the other reports were read without it"]);
    expect(inputs[1]!.warnings).toEqual(["a.fifo: is not a regular file; the other reports were read without it"]);
    await expect(readInputs(["adir"], { cwd: dir })).rejects.toThrow(/^adir: is a directory, not a report file$/);
  });

  it("a glob matching nothing is a UserError naming the pattern", async () => {
    const err = await expandGlobs(["build/**/TEST-*.xml"], dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe("build/**/TEST-*.xml: no file matches this pattern");
  });

  it("a glob matching nothing next to reports that exist is kept (the CLI's mode) and read as a warning, alone an error", async () => {
    file("crash2.log", CRASH_LOG);
    const kept = await expandGlobs(["build/**/TEST-*.xml", "crash2.log"], dir, "keep");
    expect(kept).toEqual(["build/**/TEST-*.xml", "crash2.log"]);
    const inputs = await readInputs(kept, { cwd: dir });
    expect(inputs[0]!.warnings).toEqual(["build/**/TEST-*.xml: no file matches this pattern; the other reports were read without it"]);
    await expect(readInputs(await expandGlobs(["build/**/TEST-*.xml"], dir, "keep"), { cwd: dir })).rejects.toThrow(/^build\/\*\*\/TEST-\*\.xml: no file matches this pattern$/);
  });

  it("globs expand to absolute sorted paths; existing literal paths are kept as given", async () => {
    mkdirSync(path.join(dir, "g/sub"), { recursive: true });
    file("g/b.xml", "<testsuite/>");
    file("g/sub/a.xml", "<testsuite/>");
    file("g/[weird].xml", "<testsuite/>");
    const out = await expandGlobs(["g/**/*.xml", "g/[weird].xml", "missing.xml"], dir);
    expect(out).toEqual([
      path.join(dir, "g/[weird].xml"),
      path.join(dir, "g/b.xml"),
      path.join(dir, "g/sub/a.xml"),
      "g/[weird].xml",
      "missing.xml",
    ]);
    // Absolute glob results read the same whatever directory they are later resolved against.
    await expect(readInputs(out.slice(0, 3), { cwd: "/" })).resolves.toHaveLength(3);
  });
});
