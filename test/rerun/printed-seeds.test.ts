import { describe, expect, it } from "vitest";
import type { Seed, Trial } from "../../src/model.js";
import { printedInsteadNote, seedsPrintedInstead } from "../../src/rerun/printed-seeds.js";

const mxnet = (value: string): Seed => ({
  value,
  recogniser: "mxnet-test-seed",
  source: { file: "ci.log", line: 3 },
  apply: { kind: "env", env: { MXNET_TEST_SEED: value } },
});
const announce = (n: string): string => `Setting test np/mx/python random seeds, use MXNET_TEST_SEED=${n} to reproduce.\n`;
const passed = (printed?: string): Trial => ({ kind: "passed", durationSec: 0.1, ...(printed !== undefined ? { printed } : {}) });
const failed = (printed?: string, message?: string): Trial => ({
  kind: "failed",
  durationSec: 0.1,
  ...(printed !== undefined ? { printed } : {}),
  ...(message !== undefined ? { message } : {}),
});

const NONE = { seeds: [], more: false };
const envSeed = (variable: string, value: string): Seed => ({
  value,
  recogniser: "env-seed-variable",
  source: { file: "junit.xml" },
  apply: { kind: "env", env: { [variable]: value } },
});

describe("seedsPrintedInstead", () => {
  it("is empty when CI's seed is any of the seeds a rerun printed, not only the last (a test retrying with new seeds: the review's case)", () => {
    const retries = "attempt 0, use TEST_SEED=759 to reproduce\nattempt 1, use TEST_SEED=12 to reproduce\nattempt 2, use TEST_SEED=13 to reproduce\n";
    expect(seedsPrintedInstead([failed(retries)], envSeed("TEST_SEED", "759"), [])).toEqual(NONE);
  });

  it("compares seeds of CI's variable only: a WORKER_SEED the rerun printed is not a TEST_SEED (the review's case)", () => {
    const workers = "worker 0: WORKER_SEED=2236539060\nworker 1: WORKER_SEED=2236539061\n";
    expect(seedsPrintedInstead([passed(workers), passed(workers)], envSeed("TEST_SEED", "223653906"), [])).toEqual(NONE);
    expect(seedsPrintedInstead([passed("TEST_SEED=5\n")], envSeed("TEST_SEED", "223653906"), [])).toEqual({ seeds: ["5"], more: false });
  });

  it("names the seeds the reruns printed in place of CI's, each once, in order", () => {
    const trials = [failed(announce("11")), passed(announce("22")), failed(announce("11")), passed()];
    expect(seedsPrintedInstead(trials, mxnet("7"), [])).toEqual({ seeds: ["11", "22"], more: false });
  });

  it("is empty when any rerun printed CI's seed: the test reads it (and may print others besides)", () => {
    expect(seedsPrintedInstead([failed(announce("11")), failed(announce("7"))], mxnet("7"), [])).toEqual(NONE);
    expect(seedsPrintedInstead([failed(announce("7")), passed(announce("7"))], mxnet("7"), [])).toEqual(NONE);
  });

  it("is empty when nothing printed a seed by CI's recogniser (a rerun run with -s printed nowhere we see)", () => {
    expect(seedsPrintedInstead([failed(), passed("seed is 11\n")], mxnet("7"), [])).toEqual(NONE);
    expect(seedsPrintedInstead([failed("Using --randomly-seed=11\n")], mxnet("7"), [])).toEqual(NONE);
  });

  it("reads a seed with the user's --seed-pattern as CI's was read, also from the rerun's message", () => {
    const seed: Seed = { value: "7", recogniser: "user:0", source: { file: "ci.log" }, apply: { kind: "env", env: { MY_SEED: "7" } } };
    const patterns = [/(?<env>MY_SEED) is (?<seed>\d+)/];
    expect(seedsPrintedInstead([failed("MY_SEED is 31\n")], seed, patterns)).toEqual({ seeds: ["31"], more: false });
    expect(seedsPrintedInstead([failed(undefined, "AssertionError: bad with MY_SEED is 32")], seed, patterns)).toEqual({ seeds: ["32"], more: false });
    expect(seedsPrintedInstead([failed("MY_SEED is 31\n")], seed, [])).toEqual(NONE);
  });

  it("is empty for a seed given to the global generators (the test never reads one) or none at all", () => {
    const global: Seed = { ...mxnet("7"), apply: { kind: "global-rng", value: "7" } };
    expect(seedsPrintedInstead([failed(announce("11"))], global, [])).toEqual(NONE);
    expect(seedsPrintedInstead([failed(announce("11"))], null, [])).toEqual(NONE);
  });

  it("names at most five, and the note says there were more", () => {
    const trials = ["1", "2", "3", "4", "5", "6"].map((n) => passed(announce(n)));
    const others = seedsPrintedInstead(trials, mxnet("7"), []);
    expect(others).toEqual({ seeds: ["1", "2", "3", "4", "5"], more: true });
    expect(printedInsteadNote(mxnet("7"), others)).toBe(
      "the reruns were given seed 7 (MXNET_TEST_SEED) but printed 1, 2, 3, 4, 5, ...: the test draws its own seed and only prints it, so CI's inputs were not tried again",
    );
    // Exactly five: no "..." (the review found one).
    const five = seedsPrintedInstead(trials.slice(0, 5), mxnet("7"), []);
    expect(five).toEqual({ seeds: ["1", "2", "3", "4", "5"], more: false });
    expect(printedInsteadNote(mxnet("7"), five)).toContain("printed 1, 2, 3, 4, 5: the test");
  });
});
