import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jsonChunks, writeJsonAtomic } from "../../src/io/write-atomic.js";

const same = (v: unknown): void => {
  expect([...jsonChunks(v)].join("")).toBe(JSON.stringify(v, null, 2) + "\n");
};

describe("jsonChunks (the JSON report written in pieces)", () => {
  it("is byte for byte JSON.stringify(value, null, 2) + newline for a report-shaped object", () => {
    const tests = Array.from({ length: 1000 }, (_, i) => ({
      id: `tests/test_m.py::test_${i}`,
      message: i % 3 === 0 ? null : `line one\nline "two" ${i} ± 1e-3 \u2028 \ud83d\ude00`,
      nested: { list: [1, 2, { deep: [] }], empty: {}, skip: undefined },
      seeds: i % 2 === 0 ? [] : [i, i + 1],
    }));
    same({ schemaVersion: 1, tool: { name: "t", version: "1" }, summary: { a: 1 }, inputs: [], tests });
  });

  it("matches for arrays at the batch boundaries, undefined elements and odd keys", () => {
    for (const n of [0, 1, 63, 64, 65, 128, 129, 255, 256, 257, 512, 513]) {
      same({ tests: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? undefined : { i })), after: [1] });
    }
    same({ "we\"ird\nkey": [1, 2], __proto__x: { a: [] }, fn: () => 1, u: undefined, d: new Date(0), big: Array(600).fill("x") });
    same({});
    same([1, { a: 2 }]);
    same("text");
    same(null);
  });
});

describe("writeJsonAtomic", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("writes what writeFileAtomic(JSON.stringify(v, null, 2) + newline) would", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-json-"));
    dirs.push(dir);
    const value = { tests: Array.from({ length: 3000 }, (_, i) => ({ id: `t${i}`, text: "é".repeat(i % 50) })) };
    const path = join(dir, "sub", "report.json");
    await writeJsonAtomic(path, value);
    expect(readFileSync(path, "utf8")).toBe(JSON.stringify(value, null, 2) + "\n");
  });

  it("is the same text across its write buffer's flushes, and for a piece larger than the buffer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-json-"));
    dirs.push(dir);
    // "€" is 3 bytes in UTF-8: the 1 MiB buffer fills after ~350,000 of them.
    const tests = Array.from({ length: 2000 }, (_, i) => ({ id: `t${i}`, text: "€".repeat(i % 700), pair: "😀" }));
    const value = { head: "€".repeat(500_000), tests, tail: ["x".repeat(10)] };
    const path = join(dir, "report.json");
    await writeJsonAtomic(path, value);
    expect(readFileSync(path, "utf8")).toBe(JSON.stringify(value, null, 2) + "\n");
  });
});
