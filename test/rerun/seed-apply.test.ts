import { describe, expect, it } from "vitest";
import type { Seed } from "../../src/model.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { argsWithSeed, freshSeeds, freshSeedsFor, seedApplication, seedMax } from "../../src/rerun/seed-apply.js";
import { extractSeed } from "../../src/seeds/extract.js";

const seed = (apply: Seed["apply"], value = "42", related?: Seed[]): Seed => ({
  value,
  recogniser: "r",
  source: { file: "f" },
  apply,
  ...(related ? { related } : {}),
});

describe("seedApplication", () => {
  it("merges the seed with its related seeds", () => {
    const app = seedApplication(
      seed({ kind: "env", env: { MXNET_TEST_SEED: "1" } }, "1", [seed({ kind: "env", env: { MXNET_MODULE_SEED: "2" } }, "2")]),
    );
    expect(app).toEqual({ env: { MXNET_TEST_SEED: "1", MXNET_MODULE_SEED: "2" }, args: [], globalRng: null, value: "1" });
  });

  it("refuses what cannot be given back", () => {
    expect(seedApplication(null)).toBeNull();
    expect(seedApplication(seed({ kind: "hypothesis", decorator: "@reproduce_failure('6', b'AA')" }))).toBeNull();
    expect(seedApplication(seed({ kind: "none", why: "unknown" }))).toBeNull();
    // Invalid env names and values a process cannot carry are dropped.
    expect(seedApplication(seed({ kind: "env", env: { "A;B": "1", OK: "a\0b" } }))).toBeNull();
    expect(seedApplication(seed({ kind: "global-rng", value: "1,2" }))).toBeNull();
  });

  it("replaces the seed inside argument lists", () => {
    const app = seedApplication(seed({ kind: "args", args: ["-p", "randomly", "--randomly-seed=42"] }));
    expect(argsWithSeed(app!, "7")).toEqual(["-p", "randomly", "--randomly-seed=7"]);
  });
});

describe("freshSeeds", () => {
  it("gives distinct 31-bit seeds, never the original", () => {
    const seeds = freshSeeds("1121373020", 50);
    expect(new Set(seeds).size).toBe(50);
    for (const s of seeds) {
      expect(s).toMatch(/^[0-9]+$/);
      expect(Number(s)).toBeLessThan(2 ** 31);
      expect(s).not.toBe("1121373020");
    }
  });

  it("keeps the shape of wide and hex seeds", () => {
    for (const s of freshSeeds("18446744073709551557", 20)) expect(BigInt(s) < 2n ** 64n).toBe(true);
    for (const s of freshSeeds("0xdeadbeef", 10)) expect(s).toMatch(/^0x[0-9a-f]{8}$/);
    for (const s of freshSeeds("ABCDEF12", 10)) expect(s).toMatch(/^[0-9A-F]{8}$/);
    expect(freshSeeds(null, 3)).toHaveLength(3);
  });

  it("stays within googletest's 1..99999 for a seed googletest printed (a larger one is folded)", () => {
    const console = readFileSync(join(import.meta.dirname, "..", "fixtures", "console", "gtest-real-shuffle.txt"), "utf8");
    const seed = extractSeed({ id: "Stats.NoisyMeanIsNearHalf", classname: "Stats", name: "NoisyMeanIsNearHalf", outcome: "failed", sources: [{ file: "log" }], index: 0, output: console }, []);
    expect(seed?.recogniser).toBe("googletest-shuffle-seed");
    const max = seedMax(seed!);
    expect(max).toBe(99_999);
    const seeds = freshSeeds(seed!.value, 200, max);
    expect(new Set(seeds).size).toBe(200);
    for (const s of seeds) expect(Number(s) >= 1 && Number(s) <= 99_999 && s !== seed!.value, s).toBe(true);
    expect(seedMax({ ...seed!, recogniser: "mxnet-test-seed" })).toBeUndefined();
    // What triage's reruns ask for: the bound comes with the seed.
    for (const s of freshSeedsFor(seed!, 50)) expect(Number(s) >= 1 && Number(s) <= 99_999, s).toBe(true);
  });
});
