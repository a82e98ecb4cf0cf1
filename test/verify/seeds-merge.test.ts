import { describe, expect, it } from "vitest";
import { mergeReports, parseVerifyReport } from "../../src/verify/merge.js";
import type { VerifiedTest, VerifyReport } from "../../src/verify/model.js";
import { boundSentence } from "../../src/verify/report.js";
import {
  keysFor, listStream, parseSeedList, parseShard, permuteIndex, shardRange, streamSeeds, type SeedStream,
} from "../../src/verify/seeds.js";

describe("seed streams", () => {
  const stream: SeedStream = { kind: "random", baseSeed: "123", total: 1000 };

  it("are deterministic for a base seed and differ between base seeds", () => {
    expect(streamSeeds(stream, 0, 50)).toEqual(streamSeeds({ ...stream }, 0, 50));
    expect(streamSeeds({ ...stream, baseSeed: "124" }, 0, 50)).not.toEqual(streamSeeds(stream, 0, 50));
  });

  it("give distinct 31-bit seeds from 1 (a permutation, so shards are disjoint)", () => {
    const seeds = streamSeeds({ ...stream, total: 20_000 }, 0, 20_000);
    expect(new Set(seeds).size).toBe(20_000);
    for (const s of seeds) {
      const n = Number(s);
      expect(n >= 1 && n <= 2 ** 31 - 1).toBe(true);
    }
  });

  it("permuteIndex stays a bijection on a small check of the cycle-walk", () => {
    const keys = keysFor("x");
    const a = permuteIndex(0, keys);
    expect(permuteIndex(0, keys)).toBe(a);
    expect(() => permuteIndex(2 ** 31 - 1, keys)).toThrow(RangeError);
  });

  it("shards partition the indices: contiguous, disjoint, covering every trial", () => {
    for (const [total, count] of [[1000, 3], [7, 4], [3, 5], [10_000, 8]] as const) {
      let next = 0;
      for (let k = 1; k <= count; k++) {
        const { start, end } = shardRange(total, { index: k, count });
        expect(start).toBe(next);
        next = end;
      }
      expect(next).toBe(total);
    }
    const all = streamSeeds(stream, 0, 1000);
    const parts = [1, 2, 3].flatMap((k) => {
      const { start, end } = shardRange(1000, { index: k, count: 3 });
      return streamSeeds(stream, start, end);
    });
    expect(parts).toEqual(all);
  });

  it("parse --shard and seed lists, with one sentence for bad input", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "1", "a/b", "1/0"]) expect(() => parseShard(bad)).toThrow(/--shard expects K\/N/);
    expect(parseSeedList("# c\n1\n\n 22 \n0xff\n", "s.txt")).toEqual(["1", "22", "0xff"]);
    expect(() => parseSeedList("1,2\n", "s.txt")).toThrow(/--seed-list s.txt:1: '1,2' is not a seed/);
    expect(() => parseSeedList("# none\n", "s.txt")).toThrow(/holds no seeds/);
    const l = listStream("s.txt", "5\n6\n7\n");
    expect(l).toMatchObject({ kind: "list", total: 3 });
    expect(streamSeeds(l, 1, 3)).toEqual(["6", "7"]);
  });
});

function test(over: Partial<VerifiedTest> = {}): VerifiedTest {
  return {
    id: "t.py::t", requested: 10, trials: 10, passed: 10, failed: 0, timedOut: 0, crashed: 0, skipped: 0,
    failureRate: 0, upperBound95: 0.25, failingSeeds: [], reproduce: null, firstFailure: null,
    seedApply: { kind: "env", target: ["S"], source: "probe", detail: "mxnet-test-seed" },
    stoppedEarly: false, note: null, durationSec: 1, ...over,
  };
}

function shard(index: number, count: number, tests: VerifiedTest[], baseSeed = "b"): VerifyReport {
  return {
    schemaVersion: 1, mode: "verify", tool: { name: "flaky-triage", version: "0" },
    seeds: { kind: "random", baseSeed, total: 20 }, shard: { index, count }, tests,
  };
}

describe("merge", () => {
  it("sums, recomputes the bound from the sums and unions failing seeds in shard order", () => {
    const a = shard(1, 2, [test({ passed: 9, failed: 1, failingSeeds: ["5"], reproduce: "S=5 pytest t.py::t", firstFailure: "boom" })]);
    const b = shard(2, 2, [test({ passed: 8, failed: 2, failingSeeds: ["9", "5"], reproduce: "S=9 pytest t.py::t" })]);
    const m = mergeReports([{ path: "b", report: b }, { path: "a", report: a }]);
    expect(m.shard).toBeUndefined();
    expect(m.merged).toEqual({ shards: [1, 2], count: 2, missing: [] });
    const t = m.tests[0]!;
    expect(t).toMatchObject({ requested: 20, trials: 20, passed: 17, failed: 3, failingSeeds: ["5", "9"], reproduce: "S=5 pytest t.py::t", firstFailure: "boom" });
    expect(t.failureRate).toBeCloseTo(0.15, 12);
    expect(t.upperBound95).toBeCloseTo(0.3438, 3);
  });

  it("a partial set of shards merges, saying which are missing", () => {
    const m = mergeReports([{ path: "a", report: shard(1, 3, [test()]) }]);
    expect(m.merged).toEqual({ shards: [1], count: 3, missing: [2, 3] });
    expect(boundSentence(m.tests[0]!)).toMatch(/rule of three: 3\/10 = 30%/);
  });

  it("says how often a test that failed every trial fails at least, not that it fails below 100%", () => {
    const all = test({ trials: 200, requested: 200, passed: 0, failed: 180, timedOut: 20, failureRate: 1, upperBound95: 1 });
    expect(boundSentence(all)).toBe("200 of 200 trials failed (100%): with 95% confidence the failure rate is at least 98.5%");
    const many = test({ trials: 10_000, requested: 10_000, passed: 0, failed: 10_000, failureRate: 1, upperBound95: 1 });
    expect(boundSentence(many)).toBe("10000 of 10000 trials failed (100%): with 95% confidence the failure rate is at least 99.9%");
    const most = test({ trials: 200, requested: 200, passed: 1, failed: 199, failureRate: 0.995, upperBound95: 0.9997 });
    expect(boundSentence(most)).toMatch(/^199 of 200 trials failed \(99\.5%\): with 95% confidence the failure rate is below/);
  });

  it("refuses shards of different runs, the same shard twice, different tests or counts", () => {
    const a = shard(1, 2, [test()]);
    expect(() => mergeReports([{ path: "a", report: a }, { path: "b", report: shard(2, 2, [test()], "other") }])).toThrow(
      /b ran base seed other, 20 trials but a ran base seed b, 20 trials: they are not shards of one verify run/,
    );
    expect(() => mergeReports([{ path: "a", report: a }, { path: "a2", report: shard(1, 2, [test()]) }])).toThrow(/shard 1\/2 is in both a and a2/);
    expect(() => mergeReports([{ path: "a", report: a }, { path: "b", report: shard(2, 2, [test({ id: "other" })]) }])).toThrow(/verify different tests/);
    expect(() => mergeReports([{ path: "a", report: a }, { path: "b", report: shard(2, 3, [test()]) }])).toThrow(/split into 3 shard/);
  });

  it("refuses files that are not verify reports", () => {
    expect(() => parseVerifyReport("{", "x.json")).toThrow(/x.json is not JSON/);
    expect(() => parseVerifyReport('{"schemaVersion":1,"tests":[]}', "t.json")).toThrow(/t.json is not a flaky-triage verify report/);
  });

  it("refuses a shard whose fields are not what verify writes, naming the file and the field", () => {
    const good = shard(1, 2, [test()]);
    expect(parseVerifyReport(JSON.stringify(good), "s1.json")).toEqual(good);
    const bad = (edit: (r: Record<string, any>) => void): string => {
      const r = JSON.parse(JSON.stringify(good));
      edit(r);
      return JSON.stringify(r);
    };
    const cases: Array<[string, RegExp]> = [
      [bad((r) => (r.shard.index = "2<img src=x>")), /s\.json is not a verify report as verify --json writes it: "shard" needs whole numbers 1 <= index <= count/],
      [bad((r) => (r.shard.index = 3)), /"shard" needs whole numbers/],
      [bad((r) => (r.tests[0].trials = "10")), /tests\[0\] \("t\.py::t"\) has "trials" that is not a whole number/],
      [bad((r) => (r.tests[0].failed = -1)), /has "failed" that is not a whole number/],
      [bad((r) => (r.tests[0].failingSeeds = [5])), /tests\[0\] has "failingSeeds" that are not strings/],
      [bad((r) => (r.tests[0].id = 7)), /tests\[0\] has no string "id"/],
      [bad((r) => (r.seeds.total = "20")), /"seeds" needs "kind" random or list and a whole "total"/],
      [bad((r) => ((r.merged = { count: 2, shards: ["1"], missing: [] }), delete r.shard)), /"merged" needs a whole "count"/],
      // These reached the merged report's rendering, which crashed ("internal error").
      [bad((r) => (r.tests[0].seedApply = { kind: "env" })), /tests\[0\] has "seedApply" that is not null or \{kind, target \(strings\), source, detail\}/],
      [bad((r) => (r.tests[0].note = 42)), /tests\[0\] has "note" that is neither a string nor null/],
      [bad((r) => (r.tests[0].reproduce = ["sh"])), /has "reproduce" that is neither a string nor null/],
    ];
    for (const [text, want] of cases) expect(() => parseVerifyReport(text, "s.json")).toThrow(want);
  });
});
