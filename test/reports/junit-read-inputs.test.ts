import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fromProject, readInputs, sniffEncoding } from "../../src/io/read-inputs.js";

const dir = mkdtempSync(path.join(tmpdir(), "flaky-triage-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readInputs routing", () => {
  it("detects by content, not by file name, and keeps input order", async () => {
    writeFileSync(
      path.join(dir, "results.xml"),
      [
        "============================= test session starts ==============================",
        "collected 1 item",
        "",
        "tests/test_a.py F                                                        [100%]",
        "",
        "=================================== FAILURES ===================================",
        "_________________________________ test_a _________________________________",
        "",
        ">       assert 1 == 2",
        "E       assert 1 == 2",
        "",
        "tests/test_a.py:2: AssertionError",
        "=========================== short test summary info ============================",
        "FAILED tests/test_a.py::test_a - assert 1 == 2",
        "============================== 1 failed in 0.01s ===============================",
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(dir, "report.log"),
      '<?xml version="1.0"?><testsuite name="s"><testcase classname="c" name="t"><failure/></testcase></testsuite>',
    );
    writeFileSync(
      path.join(dir, "unittest.txt"),
      "F\n======================================================================\nFAIL: test_x (mod.T.test_x)\n----------------------------------------------------------------------\nTraceback (most recent call last):\n  File \"mod.py\", line 3, in test_x\n    self.assertEqual(1, 2)\nAssertionError: 1 != 2\n\n----------------------------------------------------------------------\nRan 1 test in 0.001s\n\nFAILED (failures=1)\n",
    );
    const inputs = await readInputs(["results.xml", "report.log", "unittest.txt"], { cwd: dir });
    expect(inputs.map((i) => [i.path, i.kind])).toEqual([
      ["results.xml", "pytest-log"],
      ["report.log", "junit"],
      ["unittest.txt", "unittest-log"],
    ]);
    expect(inputs[1]?.counts.failed).toBe(1);
  });

  it("reads the others when one is in none of the formats (an RSpec console log next to its XML), with a warning", async () => {
    writeFileSync(path.join(dir, "rspec.xml"), '<testsuite name="rspec"><testcase name="adds" classname="spec.calc_spec"><failure message="expected 3"/></testcase></testsuite>');
    writeFileSync(path.join(dir, "rspec.log"), "Randomized with seed 1234\n.F\n\nFinished in 0.01 seconds (files took 0.1 seconds to load)\n");
    const inputs = await readInputs(["rspec.xml", "rspec.log"], { cwd: dir });
    expect(inputs[0]?.counts.failed).toBe(1);
    expect(inputs[1]?.warnings).toEqual([
      "rspec.log: not a JUnit XML report, a pytest, unittest, go test or googletest console log, or go test -json output: it is text in none of these formats; the other reports were read without it",
    ]);
    // It stopped the whole run (exit 2) after the XML was read.
  });

  it("but what may be a report gone wrong stays an error next to a good one: an .xml file, XML, binary data, a failure summary (the review's cases)", async () => {
    writeFileSync(path.join(dir, "good.xml"), '<testsuite name="s"><testcase name="a" classname="c"/></testsuite>');
    const cases: Array<[string, string | Buffer]> = [
      ["error.xml", "Internal Server Error\n"],
      ["page.html", "<!DOCTYPE html><html><body>502</body></html>"],
      ["report.gz", Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3])],
      ["quiet.log", "..F\n1 failed, 2 passed in 0.03s\n"],
    ];
    for (const [name, content] of cases) {
      writeFileSync(path.join(dir, name), content);
      await expect(readInputs(["good.xml", name], { cwd: dir }), name).rejects.toThrow(new RegExp(`^${name.replace(".", "\\.")}: not a JUnit XML report`));
    }
  });

  it("refuses an unrecognised file with a sentence naming it", async () => {
    writeFileSync(path.join(dir, "notes.txt"), "just some notes\n");
    await expect(readInputs(["notes.txt"], { cwd: dir })).rejects.toThrow(
      /^notes\.txt: not a JUnit XML report, a pytest, unittest, go test or googletest console log, or go test -json output: it is text in none of these formats$/,
    );
  });
});

describe("sniffEncoding", () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x3c], "utf-8", 3],
    [[0xff, 0xfe, 0x3c, 0x00], "utf-16le", 2],
    [[0xfe, 0xff, 0x00, 0x3c], "utf-16be", 2],
    [[0x3c, 0x00, 0x74, 0x00], "utf-16le", 0],
    [[0x00, 0x3c, 0x00, 0x74], "utf-16be", 0],
    [[0x3c, 0x74, 0x65, 0x73], "utf-8", 0],
    [[], "utf-8", 0],
  ])("%j", (bytes, label, skip) => {
    expect(sniffEncoding(Uint8Array.from(bytes))).toEqual({ label, skip });
  });

  it("honours a declared single-byte encoding", () => {
    const head = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><testsuite>');
    expect(sniffEncoding(head)).toEqual({ label: "windows-1252", skip: 0 });
  });
});

describe("readInputs chunking", () => {
  it("reads a report cut into chunks at its last `>` the same as read in one piece", async () => {
    // Chunks end after their last `>` (when that keeps most of a chunk), and 1 MiB blocks carry
    // what follows their last cut into the next (the file is ~1.6 MB): long runs with no `>`,
    // multi-byte characters, a BOM and a tag across every 64 KiB boundary must read the same.
    const parts = ["\ufeff<?xml version=\"1.0\"?>\n<testsuite name=\"s\">\n"];
    for (let i = 0; i < 400; i++) {
      // One 200 KB run with no `>` early on; the 1 MiB block boundary lands among 10 KB failures.
      const text = i === 0 ? "ü€😀 ".repeat(20_000) : `E  assert x${i} &lt; 1 ${"ü€😀 ".repeat(1_000)}`;
      parts.push(
        i % 3 === 0
          ? `<testcase classname="c" name="t${i}"><failure message="m ${i} ü">${text}</failure><system-out>seed=${i}</system-out></testcase>\n`
          : `<testcase classname="c" name="p${i}" time="0.${i}"/>\n`,
      );
    }
    parts.push("</testsuite>\n");
    const xml = parts.join("");
    writeFileSync(path.join(dir, "chunked.xml"), xml);
    const [fromDisk] = await readInputs(["chunked.xml"], { cwd: dir });
    const { JUnitReader } = await import("../../src/reports/junit.js");
    const whole = new JUnitReader("chunked.xml");
    whole.write(xml.slice(1));
    const want = whole.end();
    expect(fromDisk?.counts).toEqual({ tests: 400, passed: 266, failed: 134, errored: 0, skipped: 0 });
    expect(fromDisk).toEqual(want);
  });
});

describe("fromProject", () => {
  it("names a report inside the project by its path from the root, any other by its absolute path", () => {
    expect(fromProject("/w/proj", "/w/proj/reports/junit.xml")).toBe(path.join("reports", "junit.xml"));
    expect(fromProject("/w/proj", "/w/other/junit.xml")).toBe("/w/other/junit.xml");
    expect(fromProject("/w/proj", "/w/proj")).toBe("/w/proj");
    // A directory whose name starts with two dots is still inside.
    expect(fromProject("/w/proj", "/w/proj/..cache/junit.xml")).toBe(path.join("..cache", "junit.xml"));
  });
});

describe("readInputs progress", () => {
  it("reports the bytes read after each block, up to the file's size, for each file in turn", async () => {
    const cases: string[] = [];
    for (let i = 0; i < 40_000; i++) cases.push(`<testcase classname="tests.test_m" name="test_${i}" time="0.001"/>\n`);
    const big = `<testsuite name="s">\n${cases.join("")}<testcase classname="tests.test_m" name="test_f"><failure message="boom"/></testcase>\n</testsuite>\n`;
    writeFileSync(path.join(dir, "big.xml"), big);
    writeFileSync(path.join(dir, "small.xml"), `<testsuite name="s"><testcase classname="a" name="b"/></testsuite>`);
    const size = Buffer.byteLength(big);
    expect(size).toBeGreaterThan(2 * 1024 * 1024);
    const events: { path: string; bytesRead: number; bytesTotal: number }[] = [];
    const order: string[] = [];
    const [bigInput, smallInput] = await readInputs(["big.xml", "small.xml"], {
      cwd: dir,
      onProgress: (ev) => {
        events.push(ev);
        if (order.at(-1) !== `reading ${ev.path}`) order.push(`reading ${ev.path}`);
      },
      onRead: (input) => order.push(`read ${input.path}: ${input.counts.tests}`),
    });
    // Each file is announced as soon as it is read, before the next one is started.
    expect(order).toEqual(["reading big.xml", "read big.xml: 40001", "reading small.xml", "read small.xml: 1"]);
    expect(bigInput?.counts).toMatchObject({ tests: 40_001, failed: 1 });
    expect(smallInput?.counts.tests).toBe(1);
    const ofBig = events.filter((e) => e.path === "big.xml");
    expect(ofBig.length).toBeGreaterThanOrEqual(3);
    expect(ofBig.every((e) => e.bytesTotal === size)).toBe(true);
    expect(ofBig.map((e) => e.bytesRead)).toEqual([...ofBig.map((e) => e.bytesRead)].sort((a, b) => a - b));
    expect(ofBig.at(-1)?.bytesRead).toBe(size);
    // Files are read in order: every event of the small file comes after the big one's.
    expect(events.findIndex((e) => e.path === "small.xml")).toBeGreaterThan(events.lastIndexOf(ofBig.at(-1)!));
  });
});
