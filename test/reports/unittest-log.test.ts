import { describe, expect, it } from "vitest";
import type { ParsedInput, TestCase } from "../../src/model.js";
import { parseUnittestLog } from "../../src/reports/unittest-log.js";
import { fixture } from "./console-fixtures.js";

function parse(rel: string): ParsedInput {
  return parseUnittestLog(fixture(rel), rel);
}

function byId(input: ParsedInput, id: string): TestCase {
  const t = input.tests.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no test ${id} in ${input.tests.map((x) => x.id).join(", ")}`);
  return t;
}

const FILE = "/home/jenkins/workspace/flaky-project/unittests/test_operator.py";

function expectVerboseRun(input: ParsedInput) {
  expect(input.kind).toBe("unittest-log");
  expect(input.counts).toEqual({ tests: 7, passed: 3, failed: 2, errored: 1, skipped: 1 });
  expect(input.tests.map((t) => [t.id, t.outcome, t.file, t.line])).toEqual([
    ["unittests.test_operator.TestOperator.test_index_error", "errored", FILE, 56],
    // The last frame in the test's file is the helper it called (same rule as failingLine).
    ["unittests.test_operator.TestOperator.test_sparse_dot", "failed", FILE, 29],
    ["unittests.test_operator.TestShapes.test_concat", "failed", FILE, 68],
  ]);
  const dot = byId(input, "unittests.test_operator.TestOperator.test_sparse_dot");
  expect(dot.classname).toBe("unittests.test_operator.TestOperator");
  expect(dot.name).toBe("test_sparse_dot");
  expect(dot.message).toBe("AssertionError: Not equal to tolerance rtol=1e-07, atol=1e-08");
  expect(dot.details).toMatch(/^Traceback \(most recent call last\):/);
  // `unittest -v` prints what a test logs between its name and its status: the seed is there.
  expect(dot.output).toContain("use MXNET_TEST_SEED=655063857 to reproduce");
  expect(byId(input, "unittests.test_operator.TestOperator.test_index_error").output).toContain("MXNET_TEST_SEED=1886029657");
  expect(byId(input, "unittests.test_operator.TestOperator.test_index_error").message).toBe("IndexError: list index out of range");
  expect(byId(input, "unittests.test_operator.TestShapes.test_concat").message).toBe("AssertionError: Tuples differ: (5,) != (4,)");
  expect(input.tests.map((t) => t.index)).toEqual([1, 4, 6]);
}

describe("parseUnittestLog on real python 3.11 unittest output", () => {
  it("reads `python -m unittest -v`", () => {
    const input = parse("unittest-verbose.log");
    expectVerboseRun(input);
    expect(input.warnings).toEqual([]);
  });

  it("reads `-b` output: what the test printed follows the traceback", () => {
    const input = parse("unittest-buffer.log");
    expect(input.counts).toEqual({ tests: 7, passed: 3, failed: 2, errored: 1, skipped: 1 });
    const t = byId(input, "unittests.test_operator.TestOperator.test_index_error");
    expect(t.output).toContain("Stdout:\npicked 3 values");
    expect(t.details).not.toContain("picked 3 values");
  });

  it("reads a Windows copy with CRLF endings", () => {
    expectVerboseRun(parse("ci/windows-unittest.log"));
  });

  it("reads a double-spaced copy", () => {
    expectVerboseRun(parse("ci/double-spaced-unittest.log"));
  });

  it("reads the python < 3.11 title format, subtests and class fixtures", () => {
    const text = [
      "======================================================================",
      "FAIL: test_x (pkg.test_mod.TestC)",
      "----------------------------------------------------------------------",
      "Traceback (most recent call last):",
      '  File "/ci/pkg/test_mod.py", line 12, in test_x',
      "    self.assertTrue(False)",
      "AssertionError: False is not true",
      "",
      "======================================================================",
      "FAIL: test_y (pkg.test_mod.TestC.test_y) (i=3)",
      "----------------------------------------------------------------------",
      "Traceback (most recent call last):",
      '  File "/ci/pkg/test_mod.py", line 20, in test_y',
      "    self.assertEqual(i, 0)",
      "AssertionError: 3 != 0",
      "",
      "======================================================================",
      "ERROR: setUpClass (pkg.test_mod.TestD)",
      "----------------------------------------------------------------------",
      "Traceback (most recent call last):",
      '  File "/ci/pkg/test_mod.py", line 30, in setUpClass',
      "    raise RuntimeError('no device')",
      "RuntimeError: no device",
      "",
      "----------------------------------------------------------------------",
      "Ran 5 tests in 0.010s",
      "",
      "FAILED (failures=2, errors=1)",
      "",
    ].join("\n");
    const input = parseUnittestLog(text, "old.log");
    expect(input.tests.map((t) => [t.id, t.classname, t.name, t.outcome, t.line])).toEqual([
      ["pkg.test_mod.TestC.test_x", "pkg.test_mod.TestC", "test_x", "failed", 12],
      ["pkg.test_mod.TestC.test_y", "pkg.test_mod.TestC", "test_y", "failed", 20],
      ["pkg.test_mod.TestD", "pkg.test_mod.TestD", "setUpClass", "errored", 30],
    ]);
    expect(input.counts).toEqual({ tests: 5, passed: 2, failed: 2, errored: 1, skipped: 0 });
    expect(input.tests[0]?.details).not.toContain("-----");
  });
});

describe("parseUnittestLog on nose logs (hand-written from the documented format; see hand/README.md)", () => {
  it("reads the MXNet failure log quoted in the reference, as the web page shows it", () => {
    const input = parse("hand/nose-mxnet-reference.log");
    expect(input.tests).toHaveLength(1);
    const t = input.tests[0];
    expect(t?.id).toBe("test_operator_gpu.test_sparse_dot");
    expect(t?.classname).toBe("test_operator_gpu");
    expect(t?.name).toBe("test_sparse_dot");
    expect(t?.outcome).toBe("failed");
    expect(t?.output).toContain("use MXNET_TEST_SEED=578250488 to reproduce");
    expect(t?.output).toContain(">> begin captured logging <<");
    expect(t?.details).toContain("Error 1.067252 exceeds tolerance rtol=0.000100, atol=0.000010");
    expect(t?.message).toContain("Error 1.067252 exceeds tolerance");
    // The page cut the file names off the paths: there is no file to name, so none is invented.
    expect(t?.file).toBeUndefined();
    expect(t?.line).toBeUndefined();
    expect(input.warnings.some((w) => w.startsWith("hand/nose-mxnet-reference.log:") && w.includes("cut"))).toBe(true);
  });

  it("reads `nosetests -v` with captured logging and stdout", () => {
    const input = parse("hand/nose-verbose.log");
    expect(input.counts).toEqual({ tests: 4, passed: 1, failed: 1, errored: 1, skipped: 1 });
    expect(input.tests.map((t) => [t.id, t.outcome, t.file, t.line])).toEqual([
      ["test_operator.test_sparse_dot", "failed", "/work/mxnet/tests/python/gpu/../unittest/test_operator.py", 1237],
      ["test_operator.TestPooling.test_pooling", "errored", "/work/mxnet/tests/python/unittest/test_operator.py", 2210],
    ]);
    expect(input.tests[0]?.output).toContain("MXNET_TEST_SEED=578250488");
    expect(input.tests[1]?.output).toContain("MXNET_TEST_SEED=1310712");
    expect(input.tests[1]?.output).toContain("pooling input shape");
    expect(input.tests[1]?.message).toMatch(/^mxnet\.base\.MXNetError: .*Check failed/);
    expect(input.warnings).toEqual([]);
  });
});

describe("parseUnittestLog on pasted excerpts", () => {
  it("reads one block with an elided array and warns that the excerpt has no end", () => {
    const input = parse("excerpts/unittest-one-block.log");
    expect(input.tests.map((t) => t.id)).toEqual(["unittests.test_operator.TestOperator.test_sparse_dot"]);
    expect(input.tests[0]?.details).toContain("ACTUAL: array([[ ...");
    expect(input.warnings.some((w) => w.startsWith("excerpts/unittest-one-block.log:") && w.includes("cut"))).toBe(true);
  });

  it("drops a seed cut mid-number at the end of the excerpt", () => {
    const text = fixture("hand/nose-verbose.log");
    const cut = text.slice(0, text.indexOf("MXNET_TEST_SEED=578250488") + "MXNET_TEST_SEED=5782".length);
    const input = parseUnittestLog(cut, "issue-comment.txt");
    expect(input.tests[0]?.id).toBe("test_operator.test_sparse_dot");
    expect(input.tests[0]?.output ?? "").not.toContain("MXNET_TEST_SEED=5782");
    expect(input.warnings.some((w) => w.startsWith("issue-comment.txt:") && w.includes("MXNET_TEST_SEED=5782"))).toBe(true);
  });

  it("warns about a traceback pasted without its header", () => {
    const input = parseUnittestLog(
      'Traceback (most recent call last):\n  File "/x/test_a.py", line 3, in test_a\n    assert False\nAssertionError\n',
      "tb.txt",
    );
    expect(input.tests).toEqual([]);
    expect(input.warnings.some((w) => w.startsWith("tb.txt:") && w.includes("without its FAIL/ERROR header"))).toBe(true);
  });

  it("keeps the last outcome of a test run twice", () => {
    const once = fixture("unittest-verbose.log");
    const passing = once
      .replace(/ERROR: test_index_error[^]*?(?====)/, "")
      .replace("test_index_error (unittests.test_operator.TestOperator.test_index_error) ... common:", "test_index_error (unittests.test_operator.TestOperator.test_index_error) ... ok\nx common:")
      .replace("FAILED (failures=2, errors=1, skipped=1)", "FAILED (failures=2, skipped=1)");
    const input = parseUnittestLog(once + passing, "twice.log");
    const t = byId(input, "unittests.test_operator.TestOperator.test_index_error");
    expect(t.outcome).toBe("passed");
    expect(t.priorAttempts).toEqual([{ outcome: "errored", message: "IndexError: list index out of range" }]);
    expect(t.output).toContain("MXNET_TEST_SEED=1886029657");
    expect(input.counts.tests).toBe(7);
  });
});
