import { describe, expect, it } from "vitest";
import { readBuffers } from "../../src/io/control-scan.js";

/** What the scan must answer, the slow way: a byte below 0x20 other than tab, LF, CR. */
function hasControlSlow(bytes: Uint8Array): boolean {
  return bytes.some((b) => b < 0x20 && b !== 9 && b !== 10 && b !== 13);
}

/** Deterministic bytes (mulberry32), mostly printable, with line ends and now and then a control. */
function randomBytes(seed: number, n: number, controlRate: number): Uint8Array {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = next();
    out[i] = r < controlRate ? Math.floor(next() * 32) : r < 0.1 ? [9, 10, 13][Math.floor(next() * 3)]! : 0x20 + Math.floor(next() * 224);
  }
  return out;
}

describe("readBuffers", () => {
  const size = 4096;
  const { buffers, hasControl } = readBuffers(size);

  it("gives two separate buffers of the size asked for, searchable here", () => {
    expect(buffers[0].length).toBe(size);
    expect(buffers[1].length).toBe(size);
    buffers[0].fill(1);
    buffers[1].fill(2);
    expect(buffers[0].every((b) => b === 1)).toBe(true);
    // Node 20 and 24 both run WebAssembly SIMD: the search must exist where the tool runs.
    expect(hasControl).not.toBeNull();
  });

  it("finds exactly the control bytes XML forbids, at every offset and length", () => {
    const scan = hasControl!;
    const buf = buffers[1];
    // Every byte value alone, at every position of a 40-byte span (both sides of a 16-byte step).
    for (let value = 0; value < 256; value++) {
      for (let at = 0; at < 40; at++) {
        buf.fill(0x41, 0, 40);
        buf[at] = value;
        const expected = value < 0x20 && value !== 9 && value !== 10 && value !== 13;
        expect(scan(buf.subarray(0, 40))).toBe(expected);
        // A span that stops before it, or starts after it, does not see it.
        expect(scan(buf.subarray(0, at))).toBe(false);
        expect(scan(buf.subarray(at + 1, 40))).toBe(false);
      }
    }
    // Random spans of random content against the slow answer.
    let disagreements = 0;
    let found = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const n = seed % 200;
      const bytes = randomBytes(seed, n, seed % 3 === 0 ? 0 : 0.004);
      const offset = seed % 37;
      buf.set(bytes, offset);
      const got = scan(buf.subarray(offset, offset + n));
      if (got !== hasControlSlow(bytes)) disagreements++;
      if (got) found++;
    }
    expect(disagreements).toBe(0);
    // Both answers were asked for many times.
    expect(found).toBeGreaterThan(300);
    expect(found).toBeLessThan(2700);
  });

  it("refuses a chunk that is not in its buffers", () => {
    expect(() => hasControl!(Buffer.from("abc"))).toThrow(/not in the scanned buffers/);
  });
});
