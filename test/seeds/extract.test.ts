import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TestCase } from "../../src/model.js";
import { extractSeed, reportSeedContext, stripPytestPrefixes } from "../../src/seeds/extract.js";
import { BUILTIN_RECOGNISERS } from "../../src/seeds/recognisers.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/messages/${name}`, import.meta.url), "utf8");

function testCase(fields: Partial<TestCase>): TestCase {
  return {
    id: "tests/test_x.py::test_y",
    classname: "tests.test_x",
    name: "test_y",
    outcome: "failed",
    sources: [{ file: "reports/junit.xml" }],
    index: 0,
    ...fields,
  };
}

/** The captured-logging block of the reference document's MXNet log. */
const MXNET_LOG = [
  "-------------------- >> begin captured logging << --------------------",
  "common: INFO: Setting test np/mx/python random seeds, use MXNET_TEST_SEED=578250488 to reproduce.",
  "--------------------- >> end captured logging << ---------------------",
].join("\n");

describe("MXNet seeds", () => {
  it("reads the test seed with a logger prefix and re-applies it as an env var", () => {
    const seed = extractSeed(testCase({ output: MXNET_LOG }), []);
    expect(seed).toEqual({
      value: "578250488",
      recogniser: "mxnet-test-seed",
      source: { file: "reports/junit.xml", line: 2 },
      apply: { kind: "env", env: { MXNET_TEST_SEED: "578250488" } },
    });
  });

  it("accepts other prefixes ([WARNING], bare)", () => {
    const output =
      "[WARNING] Setting test np/mx/python random seeds, use MXNET_TEST_SEED=42 to reproduce.";
    expect(extractSeed(testCase({ output }), [])?.value).toBe("42");
  });

  it("keeps the module seed as related and merges both into the env", () => {
    const output = [
      "[INFO] Setting module np/mx/python random seeds, use MXNET_MODULE_SEED=1234 to reproduce.",
      "[INFO] Setting test np/mx/python random seeds, use MXNET_TEST_SEED=99 to reproduce.",
    ].join("\n");
    const seed = extractSeed(testCase({ output }), []);
    expect(seed?.value).toBe("99");
    expect(seed?.apply).toEqual({
      kind: "env",
      env: { MXNET_TEST_SEED: "99", MXNET_MODULE_SEED: "1234" },
    });
    expect(seed?.related?.map((s) => [s.recogniser, s.value, s.source.line])).toEqual([
      ["mxnet-module-seed", "1234", 1],
    ]);
  });

  it("falls back to the module seed alone", () => {
    const output = "use MXNET_MODULE_SEED=77 to reproduce.";
    const seed = extractSeed(testCase({ output }), []);
    expect(seed?.recogniser).toBe("mxnet-module-seed");
    expect(seed?.apply).toEqual({ kind: "env", env: { MXNET_MODULE_SEED: "77" } });
  });

  it("prefers the last test seed of the test's own output (retries print several)", () => {
    const output = [
      "use MXNET_TEST_SEED=1 to reproduce.",
      "retrying",
      "use MXNET_TEST_SEED=2 to reproduce.",
    ].join("\n");
    const seed = extractSeed(testCase({ output }), []);
    expect(seed?.value).toBe("2");
    expect(seed?.source.line).toBe(3);
  });

  it("searches output before details before message", () => {
    const seed = extractSeed(
      testCase({
        message: "use MXNET_TEST_SEED=3 to reproduce.",
        details: "use MXNET_TEST_SEED=2 to reproduce.",
        output: "use MXNET_TEST_SEED=1 to reproduce.",
      }),
      [],
    );
    expect(seed?.value).toBe("1");
    expect(extractSeed(testCase({ message: "use MXNET_TEST_SEED=3 to reproduce." }), [])?.value).toBe("3");
  });
});

describe("pytest-randomly", () => {
  it("re-applies the seed through the plugin's arguments", () => {
    // The header line pytest-randomly prints (documented format; the plugin is not installed here).
    const seed = extractSeed(testCase({ output: "Using --randomly-seed=3141592653\nrootdir: /w" }), []);
    expect(seed?.recogniser).toBe("pytest-randomly");
    expect(seed?.apply).toEqual({ kind: "args", args: ["-p", "randomly", "--randomly-seed=3141592653"] });
  });

  it("wins over generic seed= forms", () => {
    const output = "seed=5\nUsing --randomly-seed=6";
    expect(extractSeed(testCase({ output }), [])?.value).toBe("6");
  });
});

describe("hypothesis (real pytest 9 + hypothesis output)", () => {
  it("reads @reproduce_failure and keeps the falsifying example as related", () => {
    const details = fixture("pytest-hypothesis-blob.txt");
    const blob = /@reproduce_failure\('[^']+', b'[^']+'\)/.exec(details)![0];
    const seed = extractSeed(testCase({ details }), []);
    expect(seed?.recogniser).toBe("hypothesis-reproduce-failure");
    expect(seed?.apply).toEqual({ kind: "hypothesis", decorator: blob });
    expect(seed?.value).toBe(/b'([^']+)'/.exec(blob)![1]);
    const example = seed?.related?.[0];
    expect(example?.recogniser).toBe("hypothesis-falsifying-example");
    expect(example?.value).toBe("test_hypothesis_blob(\n    x=101.0,\n)");
    expect(example?.apply.kind).toBe("none");
  });

  it("a failure without a blob is still a seed, one that cannot be re-applied", () => {
    const seed = extractSeed(testCase({ details: fixture("pytest-hypothesis-no-blob.txt") }), []);
    expect(seed?.recogniser).toBe("hypothesis-falsifying-example");
    expect(seed?.value).toBe("test_hypothesis_no_blob(\n    x=0,\n    y=1000,\n)");
    expect(seed?.apply).toMatchObject({ kind: "none" });
    expect(seed?.apply.kind === "none" && seed.apply.why).toMatch(/print_blob/);
  });

  it("reads the one-line example form and --hypothesis-seed", () => {
    const details = "Falsifying example: test_x(seed=12, x=1)\nrun pytest with --hypothesis-seed=777 to reproduce";
    const seed = extractSeed(testCase({ details }), []);
    expect(seed?.recogniser).toBe("hypothesis-seed");
    expect(seed?.apply).toEqual({ kind: "args", args: ["--hypothesis-seed=777"] });
    expect(seed?.related?.[0]?.value).toBe("test_x(seed=12, x=1)");
  });
});

describe("a seed announced as an environment variable", () => {
  it.each([
    ["random seed: set TEST_SEED=586376494 to reproduce", { TEST_SEED: "586376494" }],
    ["    calc_test.go:14: seed: CALC_SEED=42", { CALC_SEED: "42" }],
    ["SEED=7 npm test", { SEED: "7" }],
  ])("%s", (output, env) => {
    const seed = extractSeed(testCase({ output }), []);
    expect(seed).toMatchObject({ recogniser: "env-seed-variable", apply: { kind: "env", env } });
  });

  it("leaves MXNet's variables to their own recognisers", () => {
    expect(extractSeed(testCase({ output: "use MXNET_MODULE_SEED=99 to reproduce" }), [])?.recogniser).toBe("mxnet-module-seed");
    expect(extractSeed(testCase({ output: "use MXNET_TEST_SEED=98 to reproduce" }), [])?.recogniser).toBe("mxnet-test-seed");
  });

  it.each([
    // Counts, not seeds.
    ["N_SEEDS=50 and seed=7", "seed-assignment"],
    ["NUM_SEEDS=1000", null],
    // Fixed at interpreter start: giving it back per attempt would vary nothing.
    ["PYTHONHASHSEED=0 np.random.seed(1234)", "numpy-seed-call"],
    ["env: PYTHONHASHSEED=0\nRandom seed: 1234", "random-seed-label"],
    // Not an integer.
    ["TEST_SEED=0xdeadbeef", null],
    ["TEST_SEED=3fa9c1", null],
    ["test_seed=5", null],
    ["MY_SEED_VALUE=12", null],
  ])("does not take %j for an environment seed", (output, recogniser) => {
    expect(extractSeed(testCase({ output }), [])?.recogniser ?? null).toBe(recogniser);
  });

  it("comes after an explicit seeding call, which names the generator in use", () => {
    expect(extractSeed(testCase({ output: "TEST_SEED=5\nnp.random.seed(5)" }), [])?.recogniser).toBe("numpy-seed-call");
  });
});

describe("global RNG forms", () => {
  it.each([
    ["seed=123", "seed-assignment", "123"],
    ["Seed: 456", "seed-assignment", "456"],
    ["Random seed: 789", "random-seed-label", "789"],
    ["np.random.seed(2024)", "numpy-seed-call", "2024"],
    ["torch.manual_seed(7)", "torch-manual-seed", "7"],
    ["torch.cuda.manual_seed_all(8)", "torch-manual-seed", "8"],
    ["random.seed(9)", "python-random-seed", "9"],
  ])("%s", (output, recogniser, value) => {
    const seed = extractSeed(testCase({ output }), []);
    expect(seed?.recogniser).toBe(recogniser);
    expect(seed?.apply).toEqual({ kind: "global-rng", value });
  });

  it.each([
    ["seed=None"],
    ["seed=abc"],
    ["seed=" + "9".repeat(41)],
    ["randomseed=5"],
    ["np.random.seed(x)"],
    [""],
  ])("ignores %j", (output) => {
    expect(extractSeed(testCase({ output }), [])).toBeNull();
  });

  it("returns null without text", () => {
    expect(extractSeed(testCase({}), [])).toBeNull();
  });
});

describe("user patterns", () => {
  it("take precedence and re-apply through the named env variable", () => {
    const output = "MXNET_TEST_SEED=1\nMY_SEED is 5150";
    const seed = extractSeed(testCase({ output }), [/(?<env>MY_SEED) is (?<seed>\d+)/]);
    expect(seed?.recogniser).toBe("user:0");
    expect(seed?.apply).toEqual({ kind: "env", env: { MY_SEED: "5150" } });
  });

  it("an env group naming a variable that changes what runs (PATH, LD_PRELOAD, NODE_OPTIONS...) is not used", () => {
    const pattern = /seed (?<env>[^=\s]+)=(?<seed>\d+)/;
    for (const name of ["PATH", "path", "BASH_ENV", "LD_PRELOAD", "DYLD_INSERT_LIBRARIES", "NODE_OPTIONS", "PYTHONSTARTUP", "PYTHONPATH", "GOFLAGS", "GIT_SSH_COMMAND", "GITHUB_ENV", "npm_config_script_shell", "JAVA_TOOL_OPTIONS"]) {
      const seed = extractSeed(testCase({ output: `seed ${name}=5` }), [pattern]);
      expect(seed?.apply, name).toEqual({ kind: "global-rng", value: "5" });
    }
    // Seed variables, PYTHONHASHSEED and GO_-prefixed ones among them, still go back by name.
    for (const name of ["MY_SEED", "PYTHONHASHSEED", "GO_TEST_SEED", "RANDOM_STATE"]) {
      expect(extractSeed(testCase({ output: `seed ${name}=5` }), [pattern])?.apply, name).toEqual({ kind: "env", env: { [name]: "5" } });
    }
  });

  it("without an env group go through the global RNGs", () => {
    const seed = extractSeed(testCase({ output: "rng state 0xBEEF" }), [/rng state (?<seed>0x[0-9A-F]+)/]);
    expect(seed).toMatchObject({ value: "0xBEEF", recogniser: "user:0", apply: { kind: "global-rng", value: "0xBEEF" } });
  });

  it("are numbered in order and survive patterns that match the empty string", () => {
    const seed = extractSeed(testCase({ output: "k=4" }), [/(?<seed>z*)/, /k=(?<seed>\d)/]);
    expect(seed?.recogniser).toBe("user:1");
  });

  it("are compiled per list: a changed list is seen, the same list reused", () => {
    const patterns = [/alpha=(?<seed>\d+)/];
    expect(extractSeed(testCase({ output: "alpha=1 beta=2" }), patterns)?.value).toBe("1");
    patterns[0] = /beta=(?<seed>\d+)/;
    expect(extractSeed(testCase({ output: "alpha=1 beta=2" }), patterns)?.value).toBe("2");
    expect(extractSeed(testCase({ output: "alpha=1 beta=3" }), patterns)?.value).toBe("3");
  });
});

describe("a seed that only orders the tests, next to the test's own seed", () => {
  // go test -shuffle=on -json, as a seeded go test prints it (go 1.19): the package's order seed
  // first, then the test's own seed from t.Logf, then the failure it decides.
  const output = "-test.shuffle 1700000000000000001\n=== RUN   TestRatios\n    calc_test.go:35: TEST_SEED=106\n    calc_test.go:41: ratio is NaN\n--- FAIL: TestRatios (0.00s)\n";

  it("the test's own seed is the seed (given back and varied); the order seed is kept as related", () => {
    const seed = extractSeed(testCase({ id: "example.com/shop/calc/TestRatios", output }), []);
    expect(seed).toMatchObject({ value: "106", recogniser: "env-seed-variable", apply: { kind: "env", env: { TEST_SEED: "106" } } });
    expect(seed?.related?.map((r) => [r.recogniser, r.value])).toEqual([["go-shuffle", "1700000000000000001"]]);
  });

  it("alone, the order seed is still the seed", () => {
    expect(extractSeed(testCase({ output: "-test.shuffle 1700000000000000001\n--- FAIL: TestX (0.00s)\n" }), [])?.recogniser).toBe("go-shuffle");
  });
});

describe("what rules a recogniser out before its regex runs", () => {
  // Recognisers whose every match says "seed" skip fields that never do; the rest are looked
  // for by their literal in the raw field, before pytest's prefixes are stripped.
  it("finds seeds in any ASCII case, with or without the word seed", () => {
    expect(extractSeed(testCase({ output: "RANDOM SEED: 7" }), [])?.recogniser).toBe("random-seed-label");
    expect(extractSeed(testCase({ output: "Seed = 8" }), [])?.value).toBe("8");
    expect(extractSeed(testCase({ output: "ok\n-test.shuffle 99\n" }), [])?.recogniser).toBe("go-shuffle");
    expect(extractSeed(testCase({ details: "E   np.random.seed(  12 )" }), [])?.value).toBe("12");
    expect(extractSeed(testCase({ output: "AssertionError: value 1 != 2" }), [])).toBeNull();
  });

  it("answers the same in short fields and long ones (Literal searches them differently)", () => {
    const texts = [
      "RANDOM SEED: 7",
      "common: INFO: use MXNET_TEST_SEED=578250488 to reproduce. MXNET_MODULE_SEED=9",
      "Running tests with seed \"1234\"",
      "Randomness seeded to: 55",
      "cc 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "new Random(42L)",
      "Falsifying example: test_f(\n    x=1,\n)",
      "nothing to see here",
    ];
    const long = "x ".repeat(600);
    // The long field has one line more before the text: every line found moves down by one.
    const shifted = (v: unknown): string => JSON.stringify(v).replace(/"line":(\d+)/g, (_, n: string) => `"line":${Number(n) + 1}`);
    for (const text of texts) {
      const short = extractSeed(testCase({ output: text }), []);
      expect(JSON.stringify(extractSeed(testCase({ output: `${long}\n${text}` }), []))).toBe(shifted(short));
    }
  });

  it("does not gate a Unicode case-insensitive pattern on the ASCII word", () => {
    // Under /iu "ſ" (long s) folds to "s": the text never says "seed" in ASCII, yet matches.
    const seed = extractSeed(testCase({ output: "ſeed#42" }), [/SEED#(?<seed>\d+)/iu]);
    expect(seed?.value).toBe("42");
    expect(extractSeed(testCase({ output: "SEED#43" }), [/seed#(?<seed>\d+)/i])?.value).toBe("43");
  });

  it("finds seeds in pytest's E lines, the regex running on the stripped text", () => {
    // jqwik's pattern is anchored at the line start: only the stripped line starts with "seed =".
    const details = ["E   AssertionError", "E     seed = 5 |"].join("\n");
    expect(extractSeed(testCase({ details }), [])?.value).toBe("5");
  });
});

describe("hostile output", () => {
  it.each([["use MXNET_TEST_SEED=1 "], ["    Falsifying example: f(\n"], ["seed="], ["E  x\n"]])(
    "1 MiB of %j stays fast",
    (unit) => {
      const output = unit.repeat(Math.floor((1024 * 1024) / unit.length));
      const start = Date.now();
      extractSeed(testCase({ output }), []);
      expect(Date.now() - start).toBeLessThan(2_000);
    },
  );

  it("truncates a runaway falsifying example", () => {
    const details = "Falsifying example: f(\n" + "    x=1,\n".repeat(2_000);
    const seed = extractSeed(testCase({ details }), []);
    expect(seed?.value.length).toBeLessThan(4_100);
    expect(seed?.value.endsWith(" ...")).toBe(true);
  });
});

describe("recognisers are data", () => {
  it("every built-in has a global pattern and a name", () => {
    for (const r of BUILTIN_RECOGNISERS) {
      expect(r.pattern.flags).toContain("g");
      expect(r.name).toMatch(/^[a-z-]+$/);
    }
  });

  it("strips pytest's E prefixes, keeping nested indentation and line numbers", () => {
    const text = "E       assert 1\nE       \nE         x=1\n>   foo\nError 1.0 exceeds";
    const stripped = stripPytestPrefixes(text);
    expect(stripped).toBe("assert 1\n\n  x=1\n>   foo\nError 1.0 exceeds");
    expect(stripped.split("\n")).toHaveLength(text.split("\n").length);
  });
});

describe("seeds a JUnit report records once for the whole run", () => {
  const test = (extra: Partial<TestCase> = {}): TestCase => ({
    id: "Stats.Mean",
    classname: "Stats",
    name: "Mean",
    outcome: "failed",
    sources: [{ file: "reports/gtest.xml" }],
    index: 0,
    ...extra,
  });

  it("finds googletest's, Catch2's and rspec's seeds in a report head, once", () => {
    expect(reportSeedContext('<?xml version="1.0"?>\n<testsuites tests="4" random_seed="23" name="AllTests">')).toBe('<testsuites tests="4" random_seed="23"');
    expect(reportSeedContext('<testsuites><testsuite name="x"><properties><property name="random-seed" value="7"/>')).toBe('<property name="random-seed" value="7"');
    expect(reportSeedContext('<testsuite name="rspec"><properties>\n<property name="seed" value="15"/>')).toBe('<property name="seed" value="15"');
    expect(reportSeedContext('<testsuites name="pytest"><testsuite name="pytest">')).toBeUndefined();
    expect(reportSeedContext(undefined)).toBeUndefined();
  });

  it("uses the report's seed only when the test printed none, sourced to the report file", () => {
    const context = '<testsuites tests="4" random_seed="23"';
    expect(extractSeed(test({ reportContext: context }), [])).toMatchObject({
      value: "23",
      recogniser: "googletest-xml-random-seed",
      source: { file: "reports/gtest.xml" },
      apply: { kind: "args", args: ["--gtest_shuffle", "--gtest_random_seed=23"] },
    });
    const own = test({ reportContext: context, output: "Note: Randomizing tests' orders with a seed of 99 (0x63).\n" });
    expect(extractSeed(own, [])?.value).toBe("99");
  });
});
