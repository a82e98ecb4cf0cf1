/**
 * The log-only path below the CLI: detection of decorated logs, seeds located at their line in
 * the log, parameter ids containing " - ", quiet unittest output, and unittest/nose ids mapped to
 * pytest node ids through the project.
 */
import { describe, expect, it } from "vitest";
import type { TestCase } from "../../src/model.js";
import { detectKind } from "../../src/reports/detect.js";
import { joinInputs, unittestNodeId } from "../../src/reports/join.js";
import { DETECT_HEAD_BYTES } from "../../src/reports/limits.js";
import { parsePytestLog, splitSummary } from "../../src/reports/pytest-log.js";
import { parseUnittestLog } from "../../src/reports/unittest-log.js";
import { extractSeed } from "../../src/seeds/extract.js";
import { fixture } from "./console-fixtures.js";

const NO_PROJECT = { exists: () => false };
const project = (...files: string[]) => ({ exists: (rel: string) => files.includes(rel) });

function lineOf(text: string, needle: string): number {
  return text.split(/\r?\n/).findIndex((l) => l.includes(needle)) + 1;
}

describe("detect on the text the readers see", () => {
  it.each([
    ["ci/jenkins-pytest.log", "pytest-log"],
    ["ci/github-pytest.log", "pytest-log"],
    ["ci/windows-unittest.log", "unittest-log"],
    ["ci/double-spaced-unittest.log", "unittest-log"],
    ["excerpts/pytest-cut-both-ends.log", "pytest-log"],
    ["unittest-quiet.log", "unittest-log"],
  ])("%s", (file, kind) => {
    expect(detectKind(fixture(file).slice(0, DETECT_HEAD_BYTES))).toBe(kind);
  });

  it("sees through ANSI codes and xdist tags in front of every line", () => {
    expect(detectKind("\x1b[1m============ test session starts ============\x1b[0m\n")).toBe("pytest-log");
    expect(detectKind("[gw1] FAILED tests/x.py::test_y - AssertionError\n")).toBe("pytest-log");
  });
});

describe("seeds point at their line in the log", () => {
  it("pytest: MXNet test and module seeds from Captured log setup/call", () => {
    const text = fixture("pytest-module-seed.log");
    const [t] = parsePytestLog(text, "ci.log").tests;
    const seed = extractSeed(t!, []);
    expect(seed?.value).toBe("1013249001");
    expect(seed?.source).toEqual({ file: "ci.log", line: lineOf(text, "MXNET_TEST_SEED=1013249001") });
    expect(seed?.related?.[0]?.value).toBe("1851142435");
    expect(seed?.related?.[0]?.source).toEqual({ file: "ci.log", line: lineOf(text, "MXNET_MODULE_SEED=1851142435") });
    expect(seed?.apply).toEqual({ kind: "env", env: { MXNET_TEST_SEED: "1013249001", MXNET_MODULE_SEED: "1851142435" } });
  });

  it("unittest -v: the seed printed on the test's progress line", () => {
    const text = fixture("unittest-verbose.log");
    const t = parseUnittestLog(text, "u.log").tests.find((x) => x.name === "test_sparse_dot")!;
    expect(extractSeed(t, [])?.source).toEqual({ file: "u.log", line: lineOf(text, "MXNET_TEST_SEED=655063857") });
  });

  it("a double-spaced copy: the line in the file as given, not in the undone text", () => {
    const text = fixture("ci/double-spaced-unittest.log");
    const t = parseUnittestLog(text, "d.log").tests.find((x) => x.name === "test_sparse_dot")!;
    const line = lineOf(text, "MXNET_TEST_SEED=655063857");
    expect(line).toBeGreaterThan(20);
    expect(extractSeed(t, [])?.source).toEqual({ file: "d.log", line });
  });

  it("the reference's nose log, as the web page shows it", () => {
    const text = fixture("hand/nose-mxnet-reference.log");
    const [t] = parseUnittestLog(text, "mx.log").tests;
    expect(extractSeed(t!, [])?.source).toEqual({ file: "mx.log", line: lineOf(text, "MXNET_TEST_SEED=578250488") });
  });

  it("survives the join", () => {
    const text = fixture("pytest-module-seed.log");
    const [t] = joinInputs([parsePytestLog(text, "ci.log")], NO_PROJECT);
    expect(extractSeed(t!, [])?.source.line).toBe(lineOf(text, "MXNET_TEST_SEED=1013249001"));
  });
});

describe("FAILED id - message with ' - ' inside the parameter id", () => {
  it("reads the real run's summary line", () => {
    const input = parsePytestLog(fixture("pytest-module-seed.log"), "ci.log");
    expect(input.tests.map((t) => t.id)).toEqual([
      "mxtests/test_module_seed.py::test_matmul_float32",
      "mxtests/test_module_seed.py::test_shapes[2 - 3]",
    ]);
    expect(input.warnings).toEqual([]);
  });

  it("a pasted summary line alone keeps the brackets balanced", () => {
    const input = parsePytestLog("FAILED tests/x.py::test_y[a - b] - AssertionError: boom\n", "p.log");
    expect(input.tests[0]?.id).toBe("tests/x.py::test_y[a - b]");
    expect(input.tests[0]?.message).toBe("AssertionError: boom");
  });

  it("prefers the split whose id the log shows elsewhere", () => {
    const known = new Set(["t.py::test_q[x] - y]"]);
    expect(splitSummary("t.py::test_q[x] - y] - Err", (id) => known.has(id))).toEqual({ id: "t.py::test_q[x] - y]", message: "Err" });
    expect(splitSummary("t.py::test_q - Err - more", () => false)).toEqual({ id: "t.py::test_q", message: "Err - more" });
  });
});

describe("quiet unittest output", () => {
  it("warns that seeds between the dots cannot be attached", () => {
    const input = parseUnittestLog(fixture("unittest-quiet.log"), "q.log");
    expect(input.tests.map((t) => t.name)).toEqual(["test_index_error", "test_sparse_dot", "test_concat"]);
    expect(input.tests.every((t) => extractSeed(t, []) === null)).toBe(true);
    expect(input.warnings.join("\n")).toMatch(/4 line\(s\) mentioning a seed .* cannot be attached to a test; run unittest with -v or -b/);
  });
});

describe("unittest/nose ids to pytest node ids", () => {
  const tc = (classname: string, name: string, details: string, file?: string): TestCase => ({
    id: `${classname}.${name}`,
    classname,
    name,
    outcome: "failed",
    details,
    sources: [],
    index: 0,
    ...(file !== undefined ? { file } : {}),
  });

  it("module.Class.test_x, the module found from the project root", () => {
    const input = parseUnittestLog(fixture("unittest-verbose.log"), "u.log");
    const tests = joinInputs([input], project("unittests/test_operator.py"));
    expect(tests.map((t) => t.id)).toEqual([
      "unittests/test_operator.py::TestOperator::test_index_error",
      "unittests/test_operator.py::TestOperator::test_sparse_dot",
      "unittests/test_operator.py::TestShapes::test_concat",
    ]);
    expect(tests[1]?.file).toBe("unittests/test_operator.py");
  });

  it("stays a dotted id without the project", () => {
    const tests = joinInputs([parseUnittestLog(fixture("unittest-verbose.log"), "u.log")], NO_PROJECT);
    expect(tests[1]?.id).toBe("unittests.test_operator.TestOperator.test_sparse_dot");
  });

  it("MXNet's gpu module importing its tests from ../unittest: the module that ran, not the defining file", () => {
    const details = [
      'File "/work/mxnet/tests/python/gpu/../unittest/test_operator.py", line 1343, in test_sparse_dot',
      "    lhs_d, rhs_d, False, True)",
    ].join("\n");
    const t = tc("test_operator_gpu", "test_sparse_dot", details, "/work/mxnet/tests/python/gpu/../unittest/test_operator.py");
    const p = project("tests/python/gpu/test_operator_gpu.py", "tests/python/unittest/test_operator.py");
    expect(unittestNodeId(t, p)).toEqual({
      id: "tests/python/gpu/test_operator_gpu.py::test_sparse_dot",
      file: "tests/python/gpu/test_operator_gpu.py",
    });
    // Only the defining file present: running it would run another module; no node id.
    expect(unittestNodeId(t, project("tests/python/unittest/test_operator.py"))).toBeNull();
  });

  it("the reference's nose log (file names cut off the paths) against an MXNet-shaped checkout", () => {
    const input = parseUnittestLog(fixture("hand/nose-mxnet-reference.log"), "mx.log");
    const [t] = joinInputs([input], project("tests/python/gpu/test_operator_gpu.py", "tests/python/unittest/test_operator.py"));
    expect(t?.id).toBe("tests/python/gpu/test_operator_gpu.py::test_sparse_dot");
  });

  it("a nose function id matched by suffix from another machine's traceback", () => {
    const details = 'File "/home/ci/ws/proj/tests/test_ops.py", line 10, in test_add';
    expect(unittestNodeId(tc("test_ops", "test_add", details), project("tests/test_ops.py"))).toEqual({
      id: "tests/test_ops.py::test_add",
      file: "tests/test_ops.py",
    });
  });

  it("no node id for generator tests and class fixtures", () => {
    expect(unittestNodeId(tc("mod", "test_gen(1, 2)", ""), project("mod.py"))).toBeNull();
    expect(unittestNodeId(tc("", "setUpClass", ""), project("mod.py"))).toBeNull();
  });
});
