import { describe, expect, it } from "vitest";
import { requiredLiteral } from "../../src/seeds/extract.js";
import { BUILTIN_RECOGNISERS } from "../../src/seeds/recognisers.js";

describe("requiredLiteral (the includes() pre-check before a recogniser's regex runs)", () => {
  it("takes the longest run of plain characters outside groups and classes", () => {
    expect(requiredLiteral(/Using --randomly-seed=(\d{1,40})/g)).toBe("Using --randomly-seed=");
    expect(requiredLiteral(/\bMXNET_TEST_SEED=(\d+)/g)).toBe("MXNET_TEST_SEED=");
    expect(requiredLiteral(/-test\.shuffle[ =](-?\d+)/g)).toBe("-test.shuffle");
    expect(requiredLiteral(/\{ seed: (\d+), path: "/g)).toBe(', path: "');
  });

  it("drops a character a quantifier makes optional or repeats", () => {
    expect(requiredLiteral(/^[ \t]*Seed: {4,}(\d+)/gm)).toBe("Seed:");
    expect(requiredLiteral(/seeds?=(\d+)/g)).toBe("seed");
    expect(requiredLiteral(/abcx*yz/g)).toBe("abc");
    expect(requiredLiteral(/seed\]?=/g)).toBe("seed");
  });

  it("gives up where a literal cannot be told safely", () => {
    expect(requiredLiteral(/seed=(\d+)|SEED (\d+)/g)).toBeNull(); // top-level alternation
    expect(requiredLiteral(/Random seed: (\d+)/gi)).toBeNull(); // case-insensitive
    expect(requiredLiteral(/(?:seed|SEED)=(\d+)/g)).toBeNull(); // only "=": too short to be worth it
    expect(requiredLiteral(/\x41\x42\x43\u0044(\d)/g)).toBeNull(); // escapes are not read as literals
    expect(requiredLiteral(/\cJab(\d)/g)).toBeNull();
  });

  it("never returns text a match of a built-in recogniser can lack (checked on each one's own sample)", () => {
    const samples: Record<string, string> = {
      "pytest-randomly": "Using --randomly-seed=1234",
      "mxnet-test-seed": "MXNET_TEST_SEED=42",
      "jest-seed": "  Seed:       -12345",
      "go-shuffle": "-test.shuffle 1700000000",
      "fast-check-seed": '{ seed: -1819918769, path: "0:0:1"',
      "java-new-random": "new java.util.Random(42L)",
      "torch-manual-seed": "torch.cuda.manual_seed_all(7)",
      "junit-jupiter-random-order-seed": "junit.jupiter.execution.order.random.seed=99",
    };
    for (const r of BUILTIN_RECOGNISERS) {
      const sample = samples[r.name];
      if (sample === undefined) continue;
      const m = new RegExp(r.pattern.source, r.pattern.flags).exec(sample);
      expect(m, r.name).not.toBeNull();
      const literal = requiredLiteral(r.pattern);
      if (literal !== null) expect(m![0], r.name).toContain(literal);
    }
  });
});
