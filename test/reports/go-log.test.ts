/**
 * Go's own test output (src/reports/go-log.ts) on real output: test/fixtures/console/go-*, made
 * by go-make.sh from examples/go (go 1.19 + gotestsum 1.8.2: the JSON, console and JUnit report
 * of one red CI run, and a --rerun-fails run) and from go-module/ (parallel subtests, a panic, a
 * timeout, a build failure, TestMain output), with machine paths rewritten to /home/ci/project.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/io/read-inputs.js";
import type { ParsedInput, TestCase } from "../../src/model.js";
import { detectKind } from "../../src/reports/detect.js";
import { GoJsonReader, parseGoTestJson, parseGoTestLog } from "../../src/reports/go-log.js";
import { joinInputs, type ProjectView } from "../../src/reports/join.js";
import { JUnitReader } from "../../src/reports/junit.js";
import { MAX_DETAILS_CHARS } from "../../src/reports/limits.js";
import { extractSeed } from "../../src/seeds/extract.js";
import { fixture } from "./console-fixtures.js";

const FIXTURES = new URL("../fixtures/console/", import.meta.url).pathname;
const PKG = "example.com/flakydemo/stats";
/** examples/go's CI run: `go test -shuffle=N` (make-reports.mjs). */
const SHUFFLE = "1712345678901234567";
const EXAMPLE_SEED = /(?<env>EXAMPLE_SEED)=(?<seed>\d+)/;
/** examples/go as the join sees it. */
const EXAMPLE_PROJECT: ProjectView = { exists: (rel) => rel === "stats/stats_test.go" || rel === "stats/stats.go" };

function junit(rel: string): ParsedInput {
  const reader = new JUnitReader(rel);
  reader.write(fixture(rel));
  return reader.end();
}

const byId = (input: ParsedInput | TestCase[], id: string): TestCase => {
  const tests = Array.isArray(input) ? input : input.tests;
  const t = tests.find((x) => x.id === id);
  if (t === undefined) throw new Error(`${id} not among ${tests.map((x) => x.id).join(", ")}`);
  return t;
};

/** The JUnit ids gotestsum wrote, as the join maps them (`pkg/TestX/sub`). */
function junitIds(rel: string): string[] {
  return joinInputs([junit(rel)], EXAMPLE_PROJECT).map((t) => t.id).sort();
}

describe("go test -json (gotestsum --jsonfile), examples/go's red run", () => {
  const json = parseGoTestJson(fixture("go-example.json"), "go-example.json");

  it("counts as gotestsum's JUnit report of the same run does", () => {
    expect(json.kind).toBe("go-test-json");
    expect(json.counts).toEqual(junit("go-example-junit.xml").counts);
    expect(json.counts.tests).toBeGreaterThan(json.counts.failed);
    expect(json.warnings).toEqual([]);
  });

  it("ids are the JUnit converters' ids, so the join merges both into one test each", () => {
    expect(json.tests.map((t) => t.id).sort()).toEqual(junitIds("go-example-junit.xml"));
    const joined = joinInputs([junit("go-example-junit.xml"), json], EXAMPLE_PROJECT);
    expect(joined.map((t) => t.id).sort()).toEqual(junitIds("go-example-junit.xml"));
    for (const t of joined) {
      expect(t.sources.map((s) => s.file), t.id).toEqual(["go-example-junit.xml", "go-example.json"]);
      expect(t.runner, t.id).toBe("go");
    }
  });

  it("every failing test carries its package's -test.shuffle line, found as the go-shuffle seed unless the test printed its own", () => {
    for (const t of json.tests) {
      expect(t.output, t.id).toBe(`-test.shuffle ${SHUFFLE}`);
      const seed = extractSeed(t, []);
      const shuffle = {
        recogniser: "go-shuffle",
        value: SHUFFLE,
        apply: { kind: "args", args: [`-shuffle=${SHUFFLE}`] },
        // Where go printed it: the first event of the file.
        source: { file: "go-example.json", line: 1 },
      };
      if (t.id === `${PKG}/TestNormalise`) {
        // It logs EXAMPLE_SEED=22, the seed its NaN comes from: that goes back, the order is related.
        expect(seed, t.id).toMatchObject({ recogniser: "env-seed-variable", value: "22", apply: { kind: "env", env: { EXAMPLE_SEED: "22" } } });
        expect(seed?.related, t.id).toMatchObject([shuffle]);
      } else expect(seed, t.id).toMatchObject(shuffle);
    }
    expect(fixture("go-example.json").split("\n")[0]).toContain(`"Output":"-test.shuffle ${SHUFFLE}\\n"`);
  });

  it("joined with the JUnit report: the order-dependent test gets the shuffle seed; the user's seed still wins where printed", () => {
    const joined = joinInputs([junit("go-example-junit.xml"), json], EXAMPLE_PROJECT);
    const order = byId(joined, `${PKG}/TestFormatDefaultUnit`);
    expect(order).toMatchObject({ file: "stats/stats_test.go", line: 92 });
    expect(extractSeed(order, [EXAMPLE_SEED])).toMatchObject({ recogniser: "go-shuffle", value: SHUFFLE });
    const normalise = byId(joined, `${PKG}/TestNormalise`);
    expect(extractSeed(normalise, [EXAMPLE_SEED])).toMatchObject({ recogniser: "user:0", value: "22", apply: { kind: "env", env: { EXAMPLE_SEED: "22" } } });
    // It logs its seed at line 45 and fails at 56: the failing line is the last of its log.
    expect(normalise).toMatchObject({ file: "stats/stats_test.go", line: 56 });
    expect(byId(joinInputs([junit("go-example-junit.xml")], EXAMPLE_PROJECT), `${PKG}/TestNormalise`)).toMatchObject({ file: "stats/stats_test.go", line: 56 });
    // The JUnit report alone has no seed for the order-dependent test: that was issue #8.
    const alone = byId(joinInputs([junit("go-example-junit.xml")], EXAMPLE_PROJECT), `${PKG}/TestFormatDefaultUnit`);
    expect(extractSeed(alone, [EXAMPLE_SEED])).toBeNull();
  });

  it("each test's text is what go printed for it, mapped to its lines in the file", () => {
    const lines = fixture("go-example.json").split("\n");
    for (const t of json.tests) {
      const text = (t.details ?? "").split("\n");
      const at = t.logLines?.details ?? [];
      expect(at, t.id).toHaveLength(text.length);
      text.forEach((l, i) => {
        const event = JSON.parse(lines[(at[i] ?? 0) - 1] ?? "null") as { Test?: string; Output?: string };
        expect(event.Test, t.id).toBe(t.name);
        expect(event.Output, t.id).toBe(`${l}\n`);
      });
    }
    const even = byId(json, `${PKG}/TestMedian/even_count`);
    expect(even.details).toBe(
      "=== RUN   TestMedian/even_count\n    stats_test.go:38: Median([4 1 3 2]) = 3, want 2.5\n    --- FAIL: TestMedian/even_count (0.00s)",
    );
    expect(even.message).toBe("stats_test.go:38: Median([4 1 3 2]) = 3, want 2.5");
    // testify prints its message below an empty file:line; t.Logf's seed line is not the failure.
    expect(byId(json, `${PKG}/TestNormalise`).message).toBe("stats_test.go:56: Expected 1 with delta 1e-09, but was NaN");
  });

  it("streams: any chunking reads the same as the whole text", () => {
    const text = fixture("go-example.json");
    for (const size of [1, 7, 100, 4096]) {
      const reader = new GoJsonReader("go-example.json");
      for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
      expect(reader.end(), `chunks of ${size}`).toEqual(json);
    }
  });

  it("skips lines that are not events (never fatal), and says so", () => {
    const lines = fixture("go-example.json").split("\n");
    const hostile = `{"Action":"constructor","Package":"${PKG}","Test":"TestParallelSum"}`;
    const noisy = [lines[0], "not json at all", "{broken", '{"Time":"x"}', "[1,2]", hostile, ...lines.slice(1)].join("\n");
    const read = parseGoTestJson(noisy, "noisy.json");
    expect(read.tests.map((t) => t.id)).toEqual(json.tests.map((t) => t.id));
    expect(read.counts).toEqual(json.counts);
    expect(read.warnings).toEqual(["noisy.json: 4 line(s) are not go test -json events (first at line 2); skipped"]);
  });

  it("does not buffer a line without end: one longer than any test2json event is skipped", () => {
    const lines = fixture("go-example.json").split("\n");
    const huge = `{"Action":"output","Package":"${PKG}","Test":"TestParallelSum","Output":"${"x".repeat(2 * 1024 * 1024)}"}`;
    const read = parseGoTestJson([lines[0], huge, ...lines.slice(1)].join("\n"), "huge.json");
    expect(read.counts).toEqual(json.counts);
    expect(byId(read, `${PKG}/TestParallelSum`).details).toBe(byId(json, `${PKG}/TestParallelSum`).details);
    expect(read.warnings.join("\n")).toMatch(/1 line\(s\) are not go test -json events \(first at line 2\)/);
  });
});

describe("go test -v console (gotestsum standard-verbose), the same run", () => {
  const log = parseGoTestLog(fixture("go-example-v.log"), "go-example-v.log");
  const json = parseGoTestJson(fixture("go-example.json"), "go-example.json");

  it("reads the same tests, counts and texts as the JSON; gotestsum's summary after the run adds nothing", () => {
    expect(log.kind).toBe("go-test-log");
    expect(log.counts).toEqual(json.counts);
    expect(log.warnings).toEqual([]);
    expect(log.tests.map((t) => [t.id, t.details, t.message, t.output])).toEqual(json.tests.map((t) => [t.id, t.details, t.message, t.output]));
    // gotestsum's "=== FAIL: stats TestX" repeats are there, and are not read as tests.
    expect(fixture("go-example-v.log")).toMatch(/^=== FAIL: stats TestMedian\/even_count/m);
  });

  it("the shuffle seed's source is the log's first line; each text line maps to its log line", () => {
    const lines = fixture("go-example-v.log").split("\n");
    expect(lines[0]).toBe(`-test.shuffle ${SHUFFLE}`);
    for (const t of log.tests) {
      const seed = extractSeed(t, []);
      const shuffle = seed?.recogniser === "go-shuffle" ? seed : seed?.related?.find((r) => r.recogniser === "go-shuffle");
      expect(shuffle?.source, t.id).toEqual({ file: "go-example-v.log", line: 1 });
      (t.details ?? "").split("\n").forEach((l, i) => expect(lines[(t.logLines?.details?.[i] ?? 0) - 1], t.id).toBe(l));
    }
  });

  it("reads a log as CI stores it: Jenkins timestamps and CRLF, with line numbers of the file as given", () => {
    const stamped = fixture("go-example-v.log")
      .split("\n")
      .map((l) => `[2026-01-02T03:04:05.678Z] ${l}`)
      .join("\r\n");
    const read = parseGoTestLog(stamped, "console.txt");
    expect(read.tests.map((t) => [t.id, t.details])).toEqual(log.tests.map((t) => [t.id, t.details]));
    expect(extractSeed(byId(read, `${PKG}/TestFormatDefaultUnit`), [])?.source).toEqual({ file: "console.txt", line: 1 });
  });

  it("a log cut before the package's summary line: the tests are read, with bare names and a warning", () => {
    const text = fixture("go-example-v.log");
    const cut = text.slice(0, text.indexOf("--- FAIL: TestNormalise"));
    const read = parseGoTestLog(cut, "cut.log");
    expect(read.tests.map((t) => t.id)).toEqual(["TestParallelSum", "TestMedian", "TestMedian/even_count", "TestMeanWithinEpsilon", "TestFormatDefaultUnit"]);
    expect(read.warnings.join("\n")).toMatch(/no "ok" or "FAIL" line naming it/);
    expect(read.warnings.join("\n")).toMatch(/1 test\(s\) of a package started and have no result \(TestNormalise\)/);
    // Bare names are not mapped to the go dialect's `pkg/...` ids.
    expect(joinInputs([read], EXAMPLE_PROJECT).map((t) => t.id)).toContain("TestParallelSum");
  });
});

describe("go-module: parallel subtests, a panic, a timeout, a build failure", () => {
  const json = parseGoTestJson(fixture("go-module.json"), "go-module.json");
  const verbose = parseGoTestLog(fixture("go-module-v.log"), "go-module-v.log");
  const A = "example.com/scratch/alpha";

  it("-json and -v agree on every test (13 with results: each subtest and its parent count)", () => {
    expect(json.counts).toEqual({ tests: 13, passed: 5, failed: 7, errored: 0, skipped: 1 });
    expect(verbose.counts).toEqual(json.counts);
    // Packages may run in another order from one go test to the next: compared by id.
    const view = (i: ParsedInput) => i.tests.map((t) => [t.id, t.message, t.output]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(view(verbose)).toEqual(view(json));
    expect(json.tests.map((t) => t.id).sort()).toEqual([
      `${A}/TestParallelA`,
      `${A}/TestPrints`,
      `${A}/TestTable`,
      `${A}/TestTable/three/slash`,
      `${A}/TestTable/two_words`,
      "example.com/scratch/beta/TestPanics",
      "example.com/scratch/gamma/TestHangs",
    ]);
  });

  it("a parallel subtest's text is its own, though the subtests' output interleaves", () => {
    for (const input of [json, verbose]) {
      const two = byId(input, `${A}/TestTable/two_words`);
      expect(two.details).toContain('alpha_test.go:25: case "two words" failed');
      expect(two.details).not.toContain("three/slash");
      expect(two.message).toBe('alpha_test.go:25: case "two words" failed');
      expect(byId(input, `${A}/TestParallelA`).message).toBe("alpha_test.go:34: A failed");
    }
  });

  it("what the package printed before its tests (TestMain, then -test.shuffle) is each failing test's output; compiler errors are not", () => {
    expect(byId(verbose, `${A}/TestPrints`).output).toBe("setting up alpha\n-test.shuffle 42");
    expect(fixture("go-module-v.log")).toMatch(/^# example\.com\/scratch\/delta/);
    expect(extractSeed(byId(json, `${A}/TestPrints`), [])).toMatchObject({ recogniser: "go-shuffle", value: "42" });
    // Untrusted text is kept as printed: escaping is the renderers' job.
    expect(byId(json, `${A}/TestPrints`).message).toBe('alpha_test.go:44: fatal <b>&"quoted"');
  });

  it("a panic fails the test that panicked, with the panic as its message and the stack in its text", () => {
    for (const input of [json, verbose]) {
      const t = byId(input, "example.com/scratch/beta/TestPanics");
      expect(t.message).toBe("panic: assignment to entry in nil map [recovered]");
      expect(t.details).toMatch(/beta_test\.go:10 \+0x/);
    }
  });

  it("a test with no result when -timeout killed the package failed, as gotestsum's JUnit says", () => {
    for (const input of [json, verbose]) {
      const t = byId(input, "example.com/scratch/gamma/TestHangs");
      expect(t).toMatchObject({ outcome: "failed", message: "panic: test timed out after 3s" });
    }
  });

  it("a package that did not build is a warning, not a test", () => {
    expect(verbose.warnings).toEqual([
      "go-module-v.log: example.com/scratch/delta did not build (build failed); its tests did not run",
    ]);
    // go 1.19 writes that line among the JSON events, where it is not an event.
    expect(fixture("go-module.json")).toMatch(/^FAIL\texample\.com\/scratch\/delta \[build failed\]$/m);
    expect(json.warnings).toEqual(["go-module.json: example.com/scratch/delta did not build (build failed); its tests did not run"]);
  });

  it("without -v only failing tests are printed: those are read, and the counts say so", () => {
    const plain = parseGoTestLog(fixture("go-module-plain.log"), "go-module-plain.log");
    const failed = json.tests.map((t) => t.id).sort();
    expect(plain.tests.map((t) => t.id).sort()).toEqual(failed);
    expect(plain.counts).toEqual({ tests: failed.length, passed: 0, failed: failed.length, errored: 0, skipped: 0 });
    expect(byId(plain, `${A}/TestTable/two_words`).details).toBe(
      '    --- FAIL: TestTable/two_words (0.00s)\n        alpha_test.go:23: case two words\n        alpha_test.go:25: case "two words" failed',
    );
    // The timed-out test printed nothing of its own, but the panic's goroutine dump names it:
    // it was a warning ("failed outside any test; there is no test to rerun").
    expect(byId(plain, "example.com/scratch/gamma/TestHangs")).toMatchObject({ outcome: "failed", message: "panic: test timed out after 3s" });
    expect(plain.warnings.join("\n")).not.toMatch(/outside any test/);
    expect(plain.warnings.join("\n")).toMatch(/without -v, which prints failing tests only/);
  });
});

describe("gotestsum --rerun-fails --jsonfile: repeated ids are attempts of one test", () => {
  const text = fixture("go-example-rerun-fails.json");
  const read = parseGoTestJson(text, "rerun.json");
  /** Every result event of each test, in order, from the file itself. */
  const results = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    const e = JSON.parse(line) as { Action: string; Test?: string };
    if (e.Test !== undefined && ["pass", "fail", "skip"].includes(e.Action)) results.set(e.Test, [...(results.get(e.Test) ?? []), e.Action]);
  }

  it("counts each test once, with its last outcome", () => {
    expect(read.counts.tests).toBe(results.size);
    const last = [...results.values()].map((r) => r[r.length - 1]);
    expect(read.counts.failed).toBe(last.filter((a) => a === "fail").length);
    expect(read.counts.passed).toBe(last.filter((a) => a === "pass").length);
  });

  it("keeps the earlier attempts as prior attempts: recorded trials", () => {
    const attempted = [...results].filter(([, r]) => r.includes("fail"));
    expect(read.tests.map((t) => t.name).sort()).toEqual(attempted.map(([name]) => name).sort());
    for (const [name, r] of attempted) {
      const t = byId(read, `${PKG}/${name}`);
      expect(t.outcome, name).toBe(r[r.length - 1] === "pass" ? "passed" : "failed");
      expect((t.priorAttempts ?? []).map((a) => a.outcome), name).toEqual(r.slice(0, -1).map((a) => (a === "pass" ? "passed" : "failed")));
    }
  });
});

describe("detection and reading from disk", () => {
  it("recognises each go fixture by content", () => {
    expect(detectKind(fixture("go-example.json"))).toBe("go-test-json");
    expect(detectKind(fixture("go-module.json"))).toBe("go-test-json");
    expect(detectKind(fixture("go-example-v.log"))).toBe("go-test-log");
    expect(detectKind(fixture("go-module-v.log"))).toBe("go-test-log");
    expect(detectKind(fixture("go-module-plain.log"))).toBe("go-test-log");
    // JSON events after stderr's compiler errors (go test -json 2>&1).
    expect(detectKind(`# example.com/x\nx_test.go:5:33: undefined: y\n${fixture("go-example.json")}`)).toBe("go-test-json");
    expect(detectKind('{"Action": "output", "Package": "p", "Output": "x"}')).toBe("go-test-json");
    expect(detectKind('{"json": true}')).toBe("unknown");
  });

  it("leaves the other console fixtures to their readers", () => {
    const others = (readdirSync(FIXTURES, { recursive: true }) as string[]).filter((f) => /\.(?:log|txt)$/.test(f) && !/(?:^|\/)go-/.test(f));
    expect(others.length).toBeGreaterThan(20);
    for (const f of others) expect(detectKind(fixture(f)), f).not.toMatch(/^go-/);
  });

  it("reads the files through readInputs: -json streamed, -v as a log", async () => {
    const [json, log] = await readInputs(["go-example.json", "go-example-v.log"], { cwd: FIXTURES });
    expect(json).toEqual(parseGoTestJson(fixture("go-example.json"), "go-example.json"));
    expect(log).toEqual(parseGoTestLog(fixture("go-example-v.log"), "go-example-v.log"));
  });
});

describe("bounds", () => {
  it("a failing test that prints megabytes keeps head and tail within the cap, the failure line included", () => {
    const lines = [
      `{"Action":"run","Package":"p","Test":"TestBig"}`,
      ...Array.from({ length: 2_500 }, (_, i) => JSON.stringify({ Action: "output", Package: "p", Test: "TestBig", Output: `    big_test.go:9: row ${i} ${"y".repeat(1000)}\n` })),
      `{"Action":"output","Package":"p","Test":"TestBig","Output":"    big_test.go:12: the end\\n"}`,
      `{"Action":"output","Package":"p","Test":"TestBig","Output":"--- FAIL: TestBig (1.00s)\\n"}`,
      `{"Action":"fail","Package":"p","Test":"TestBig","Elapsed":1}`,
      `{"Action":"fail","Package":"p","Elapsed":1}`,
    ];
    const t = byId(parseGoTestJson(lines.join("\n"), "big.json"), "p/TestBig");
    expect(2_500 * 1000).toBeGreaterThan(2 * MAX_DETAILS_CHARS);
    expect(t.details?.length).toBeLessThanOrEqual(MAX_DETAILS_CHARS + 100);
    expect(t.details).toMatch(/^=== RUN|^ {4}big_test\.go:9: row 0 /);
    expect(t.details).toMatch(/\[\.\.\. \d+ lines cut \.\.\.\]/);
    expect(t.details).toMatch(/big_test\.go:12: the end\n--- FAIL: TestBig \(1\.00s\)$/);
    expect(t.message).toBe("big_test.go:12: the end");
    expect(t.logLines?.details).toHaveLength((t.details ?? "").split("\n").length);
  });
});

describe("a package that failed while no test of it said so", () => {
  it("go 1.21's `running tests:` list names the test a timeout stopped (without -v)", () => {
    const log = [
      "panic: test timed out after 3s",
      "running tests:",
      "\tTestHangs (3s)",
      "",
      "goroutine 18 [running]:",
      "testing.(*M).startAlarm.func1()",
      "\t/usr/lib/go-1.22/src/testing/testing.go:2366 +0x265",
      "FAIL\texample.com/m/slow\t3.011s",
      "FAIL",
      "",
    ].join("\n");
    const read = parseGoTestLog(log, "go.log");
    expect(read.tests.map((t) => [t.id, t.message])).toEqual([["example.com/m/slow/TestHangs", "panic: test timed out after 3s"]]);
    expect(read.warnings).toEqual([]);
  });

  it("a TestMain that exits is TestMain of its package, with what it printed as the message, in go test -json and in text", () => {
    const json = [
      '{"Action":"output","Package":"example.com/m/b","Output":"setup failed: db unreachable\\n"}',
      '{"Action":"output","Package":"example.com/m/b","Output":"FAIL\\texample.com/m/b\\t0.003s\\n"}',
      '{"Action":"fail","Package":"example.com/m/b","Elapsed":0.003}',
      "",
    ].join("\n");
    for (const read of [parseGoTestJson(json, "go.json"), parseGoTestLog("setup failed: db unreachable\nFAIL\texample.com/m/b\t0.003s\nFAIL\n", "go.log")]) {
      expect(read.tests.map((t) => [t.id, t.classname, t.name, t.message])).toEqual([["example.com/m/b/TestMain", "example.com/m/b", "TestMain", "setup failed: db unreachable"]]);
      expect(read.counts).toMatchObject({ tests: 1, failed: 1 });
      expect(read.warnings).toEqual([]);
    }
  });

  it("a build failure that go 1.24's -json reports as the package's output and fail event stays a warning, no test", () => {
    const json = [
      '{"ImportPath":"example.com/m/a [example.com/m/a.test]","Action":"build-output","Output":"a/a_test.go:3:40: cannot use \\"s\\" as int value\\n"}',
      '{"ImportPath":"example.com/m/a [example.com/m/a.test]","Action":"build-fail"}',
      '{"Action":"start","Package":"example.com/m/a"}',
      '{"Action":"output","Package":"example.com/m/a","Output":"FAIL\\texample.com/m/a [build failed]\\n"}',
      '{"Action":"fail","Package":"example.com/m/a","Elapsed":0,"FailedBuild":"example.com/m/a [example.com/m/a.test]"}',
      "",
    ].join("\n");
    const read = parseGoTestJson(json, "go.json");
    expect(read.tests).toEqual([]);
    // One warning, from its build-fail event (it was also "failed outside any test").
    expect(read.warnings).toEqual(["go.json: example.com/m/a [example.com/m/a.test] did not build; its tests did not run"]);
  });
});
