/**
 * The heap keeper's effects are the process's: each case checks one in this test process
 * (vitest runs each file in a process of its own), against a control that shows the check can
 * fail. Sizes, not times: nothing here depends on the machine's speed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import { runInNewContext } from "node:vm";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullCollection } from "../../src/io/heap.js";
import { detach } from "../../src/reports/limits.js";

const MB = 1024 * 1024;
const used = (): number => getHeapStatistics().used_heap_size;

/** A flat string of `bytes` one-byte characters of its own (padEnd and repeat share their parts). */
function flat(bytes: number, head: string, fill = "x"): string {
  return head + Buffer.alloc(bytes, fill).toString("latin1");
}

/** Strings of `n` MB in all, each a distinct heap object. */
function bigStrings(n: number): string[] {
  return Array.from({ length: n * 16 }, (_, i) => flat(64 * 1024, `${i}:`));
}

describe("fullCollection", () => {
  it("frees what nothing holds any more, and leaves no gc() in other contexts", () => {
    fullCollection();
    const before = used();
    let garbage: string[] | null = bigStrings(64);
    expect(garbage).toHaveLength(64 * 16);
    expect(used() - before).toBeGreaterThan(48 * MB);
    garbage = null;
    fullCollection();
    expect(used() - before).toBeLessThan(16 * MB);
    expect(runInNewContext("typeof gc")).toBe("undefined");
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("undefined");
  });
});

describe("detach", () => {
  // A slice pins its parent; a detached one must not. The control (a plain slice) shows the
  // measure tells the two apart.
  const pinned = (cut: (s: string) => string, text: (i: number) => string): number => {
    fullCollection();
    const before = used();
    let parents: string[] | null = Array.from({ length: 32 }, (_, i) => text(i));
    const kept = parents.map((p) => cut(p.slice(1000, 1100)));
    parents = null;
    fullCollection();
    expect(kept.map((k) => k.length)).toEqual(Array(32).fill(100));
    return used() - before;
  };
  const latin1 = (i: number): string => flat(2 * MB, `${i} é `);
  // Two bytes a character: 2 MB as well.
  const wide = (i: number): string => flat(MB, `${i} \u4e2d `);

  it("keeps a copy that does not hold the text it was cut from (one-byte and two-byte text)", () => {
    expect(pinned((s) => s, latin1)).toBeGreaterThan(48 * MB);
    expect(pinned(detach, latin1)).toBeLessThan(8 * MB);
    expect(pinned((s) => s, wide)).toBeGreaterThan(48 * MB);
    expect(pinned(detach, wide)).toBeLessThan(8 * MB);
  });

  it("copies text of every kind unchanged", () => {
    for (const s of ["", "short", "exactly13char", "a".repeat(5000), "é".repeat(40), "\u4e2d\u6587 mixed é text 😀 here", "\u0000\u00ff\u0100 edge"]) {
      expect(detach(s)).toBe(s);
    }
  });
});

describe("keepHeapSmall", () => {
  const root = join(import.meta.dirname, "..", "..");
  const NODE24 = join(root, "tools", "node24", "node_modules", ".bin", "node");
  const runtimes: Array<[string, string]> = [[`node ${process.version}`, process.execPath]];
  if (existsSync(NODE24)) runtimes.push(["node 24", NODE24]);
  else if (process.env["CI"]) throw new Error(`Node 24 is missing at ${NODE24}: run npm ci --prefix tools/node24`);
  let dir = "";
  beforeAll(() => {
    // The young generation only grows: this test process's has grown already, so each case runs
    // in a fresh process, on the module as TypeScript emits it.
    dir = mkdtempSync(join(tmpdir(), "ft-heap-"));
    const source = readFileSync(join(root, "src", "io", "heap.ts"), "utf8");
    writeFileSync(join(dir, "heap.mjs"), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
    writeFileSync(
      join(dir, "run.mjs"),
      `
      import { getHeapStatistics } from "node:v8";
      import { runInNewContext } from "node:vm";
      import { keepHeapSmall, newSpaceBytes } from "./heap.mjs";
      const keep = process.argv[2] === "keep";
      const keeper = keep ? keepHeapSmall({ youngGenerationCapBytes: 4 * 1024 * 1024, collectAboveBytes: 32 * 1024 * 1024 }) : null;
      // Objects that survive, as a reader's kept failures do (what makes V8 grow the young
      // generation), with the event loop turning between batches as between a reader's blocks.
      const kept = [];
      for (let batch = 0; batch < 60; batch++) {
        for (let i = 0; i < 20000; i++) kept.push({ i, s: "t" + batch + "-" + i });
        await new Promise((r) => setTimeout(r, 3));
      }
      const youngBytes = newSpaceBytes();
      let garbage = Array.from({ length: 48 * 16 }, (_, i) => i + Buffer.alloc(65536, "g").toString("latin1"));
      const before = getHeapStatistics().used_heap_size;
      garbage = null;
      keeper?.afterPhase();
      const freed = before - getHeapStatistics().used_heap_size;
      keeper?.stop();
      process.stdout.write(JSON.stringify({ kept: kept.length, youngBytes, freedMB: Math.round(freed / 1048576), gc: runInNewContext("typeof gc") }));
      `,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (node: string, mode: "keep" | "control"): { kept: number; youngBytes: number; freedMB: number; gc: string } => {
    const r = spawnSync(node, [join(dir, "run.mjs"), mode], { encoding: "utf8" });
    // V8 prints an error for a flag it does not know, and does nothing: a Node whose V8 renamed
    // one would print that in every large run and keep a large heap.
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as { kept: number; youngBytes: number; freedMB: number; gc: string };
  };

  it.each(runtimes)("under %s: stops the young generation at its cap, and collects after a phase once the heap is large", (_name, node) => {
    const control = run(node, "control");
    expect(control.kept).toBe(1_200_000);
    expect(control.youngBytes).toBeGreaterThan(8 * MB);
    expect(control.freedMB).toBeLessThan(40);
    const kept = run(node, "keep");
    expect(kept.kept).toBe(1_200_000);
    expect(kept.youngBytes).toBeLessThanOrEqual(4 * MB);
    expect(kept.freedMB).toBeGreaterThan(40);
    expect(kept.gc).toBe("undefined");
  });
});
