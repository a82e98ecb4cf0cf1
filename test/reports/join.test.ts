import { describe, expect, it } from "vitest";
import type { ParsedInput, TestCase } from "../../src/model.js";
import { JUnitReader } from "../../src/reports/junit.js";
import { joinInputs, resolveInProject, type ProjectView } from "../../src/reports/join.js";
import { parsePytestLog } from "../../src/reports/pytest-log.js";
import { parseUnittestLog } from "../../src/reports/unittest-log.js";
import { fixture } from "./console-fixtures.js";

/** The files of the fixture project, plus MXNet's layout for the nose logs. */
function project(...files: string[]): ProjectView {
  const set = new Set(files);
  return { exists: (rel) => set.has(rel) };
}

/** project() that also knows the directories its files are in. */
function projectWithDirs(...files: string[]): ProjectView {
  return { ...project(...files), isDir: (rel) => rel !== "" && files.some((f) => f.startsWith(`${rel}/`)) };
}
const PROJECT = project(
  "tests/test_numeric.py",
  "tests/test_crash.py",
  "tests/conftest.py",
  "unittests/test_operator.py",
  "tests/python/unittest/test_operator.py",
);

function junit(rel: string): ParsedInput {
  const reader = new JUnitReader(rel);
  reader.write(fixture(rel));
  return reader.end();
}

function input(kind: ParsedInput["kind"], path: string, tests: TestCase[]): ParsedInput {
  return { path, kind, tests, counts: { tests: tests.length, passed: 0, failed: tests.length, errored: 0, skipped: 0 }, warnings: [] };
}

function junitTest(over: Partial<TestCase> & { classname: string; name: string }): TestCase {
  return { id: `${over.classname}::${over.name}`, outcome: "failed", sources: [{ file: "report.xml", line: 1 }], index: 0, ...over };
}

describe("joinInputs", () => {
  it("joins a real pytest JUnit report with the console log of the same run", () => {
    const xml = junit("pytest-default.xml");
    const log = parsePytestLog(fixture("pytest-default.log"), "pytest-default.log");
    const joined = joinInputs([xml, log], PROJECT);
    expect(joined.map((t) => t.id)).toEqual(log.tests.map((t) => t.id));
    const t = joined.find((x) => x.id === "tests/test_numeric.py::test_allclose_tolerance");
    expect(t?.file).toBe("tests/test_numeric.py");
    expect(t?.line).toBe(23);
    // pytest's JUnit has no captured log by default: the seed comes from the console.
    expect(t?.output).toContain("use MXNET_TEST_SEED=622148693 to reproduce");
    expect(t?.sources.map((s) => s.file)).toEqual(["pytest-default.xml", "pytest-default.log"]);
    for (const x of joined) expect(x.sources).toHaveLength(2);
    const dot = joined.find((x) => x.id === "tests/test_numeric.py::TestDot::test_dot[float16]");
    expect(dot?.classname).toBe("tests.test_numeric.TestDot");
    expect(dot?.durationSec).toBeTypeOf("number");
  });

  it("joins a console id printed relative to a subdirectory to the one JUnit id that ends with it", () => {
    // `cd tests && pytest gpu`: the console says gpu/test_x.py::test_a, JUnit tests.gpu.test_x.
    const view = project("tests/gpu/test_x.py", "other/gpu/test_y.py", "suite/gpu/test_y.py", "gpu/test_z.py", "tests/gpu/test_z.py");
    const j = (classname: string, name: string, index: number) => junitTest({ classname, name, index, file: `${classname.replace(/\./g, "/")}.py` });
    const console = (id: string, index: number, output: string): TestCase => ({
      id,
      classname: "",
      name: id.slice(id.indexOf("::") + 2),
      outcome: "failed",
      sources: [{ file: "console.log", line: 1 }],
      index,
      output,
    });
    const joined = joinInputs(
      [
        input("junit", "junit.xml", [j("tests.gpu.test_x", "test_a", 0), j("other.gpu.test_y", "test_c", 1), j("suite.gpu.test_y", "test_c", 2), j("tests.gpu.test_z", "test_d", 3)]),
        input("pytest-log", "console.log", [
          console("gpu/test_x.py::test_a", 0, "seed=7"),
          // Two JUnit ids end with it: which one is meant is not known, so it stays apart.
          console("gpu/test_y.py::test_c", 1, "seed=8"),
          // A file that exists as printed is the project's own: no rebase.
          console("gpu/test_z.py::test_d", 2, "seed=9"),
        ]),
      ],
      view,
    );
    expect(joined.map((t) => [t.id, t.output ?? null])).toEqual([
      ["tests/gpu/test_x.py::test_a", "seed=7"],
      ["other/gpu/test_y.py::test_c", null],
      ["gpu/test_y.py::test_c", "seed=8"],
      ["suite/gpu/test_y.py::test_c", null],
      ["gpu/test_z.py::test_d", "seed=9"],
      ["tests/gpu/test_z.py::test_d", null],
    ]);
  });

  it("maps a text file's doctest from the JUnit report's dotted path to its file", () => {
    const j = junitTest({ classname: "docs.usage.md", name: "usage.md", index: 0 });
    const [t] = joinInputs([input("junit", "j.xml", [j])], projectWithDirs("docs/usage.md"));
    expect(t).toMatchObject({ id: "docs/usage.md::usage.md", file: "docs/usage.md" });
    const [root] = joinInputs([input("junit", "j.xml", [junitTest({ classname: "test_notes.txt", name: "test_notes.txt", index: 0 })])], projectWithDirs("test_notes.txt"));
    expect(root).toMatchObject({ id: "test_notes.txt::test_notes.txt", file: "test_notes.txt" });
    // A dot of a directory's own name, and a hidden directory, are told from a separator by the project.
    const [v2] = joinInputs([input("junit", "j.xml", [junitTest({ classname: "docs.v2.usage.md", name: "usage.md", index: 0 })])], projectWithDirs("docs.v2/usage.md"));
    expect(v2).toMatchObject({ id: "docs.v2/usage.md::usage.md", file: "docs.v2/usage.md" });
    const [hidden] = joinInputs([input("junit", "j.xml", [junitTest({ classname: ".docs.usage.md", name: "usage.md", index: 0 })])], projectWithDirs(".docs/usage.md"));
    expect(hidden).toMatchObject({ id: ".docs/usage.md::usage.md", file: ".docs/usage.md" });
    // Not a document, or not in the project: read as before.
    const [u] = joinInputs([input("junit", "j.xml", [junitTest({ classname: "docs.usage.md", name: "usage.md", index: 0 })])], project());
    expect(u?.id).not.toBe("docs/usage.md::usage.md");
  });

  it("names the file a test file clashed with (pytest's import file mismatch), found in the project", () => {
    const mismatch = (other: string): string =>
      `import file mismatch:\nimported module 'test_utils' has this __file__ attribute:\n  ${other}\nwhich is not the same as the test file we want to collect:\n  /ci/work/tests/b/test_utils.py\nHINT: remove __pycache__ / .pyc files and/or use a unique basename for your test file modules`;
    const fileTest = (id: string, details: string, index: number): TestCase => ({ id, classname: "", name: id, outcome: "errored", details, sources: [{ file: "j.xml", line: 1 }], index });
    const joined = joinInputs(
      [
        input("junit", "j.xml", [
          fileTest("tests/b/test_utils.py", mismatch("/ci/work/tests/a/test_utils.py"), 0),
          // A stale .pyc naming a file the project no longer has: nothing to collect first.
          fileTest("tests/c/test_other.py", mismatch("/ci/work/old/test_other.py"), 1),
        ]),
      ],
      project("tests/a/test_utils.py", "tests/b/test_utils.py", "tests/c/test_other.py"),
    );
    expect(joined.map((t) => [t.id, t.clashesWith ?? null])).toEqual([
      ["tests/b/test_utils.py", ["tests/a/test_utils.py"]],
      ["tests/c/test_other.py", null],
    ]);
    // Three of a name: the third also clashes with the second, which failed before it (after a
    // partial fix, an __init__.py for the first, it still does).
    const three = joinInputs(
      [
        input("junit", "j.xml", [
          fileTest("tests/b/test_utils.py", mismatch("/ci/work/tests/a/test_utils.py"), 0),
          fileTest("tests/c/test_utils.py", mismatch("/ci/work/tests/a/test_utils.py"), 1),
        ]),
      ],
      project("tests/a/test_utils.py", "tests/b/test_utils.py", "tests/c/test_utils.py"),
    );
    expect(three.map((t) => [t.id, t.clashesWith ?? null])).toEqual([
      ["tests/b/test_utils.py", ["tests/a/test_utils.py"]],
      ["tests/c/test_utils.py", ["tests/a/test_utils.py", "tests/b/test_utils.py"]],
    ]);
    // A test file not in the project (named from a subdirectory pytest ran in) gets no partner
    // from the project's frame.
    const elsewhere = joinInputs([input("junit", "j.xml", [fileTest("b/test_utils.py", mismatch("/ci/work/tests/a/test_utils.py"), 0)])], project("tests/a/test_utils.py"));
    expect(elsewhere[0]?.clashesWith).toBeUndefined();
  });

  it("leaves a console id that is a JUnit id as it is, and reads a Windows console's backslashes", () => {
    const j = (classname: string, name: string, index: number) => junitTest({ classname, name, index, file: `${classname.replace(/\./g, "/")}.py` });
    const console = (id: string, index: number, output: string): TestCase => ({ id, classname: "", name: "t", outcome: "failed", sources: [{ file: "c.log", line: 1 }], index, output });
    // No file in the project view (a triage run outside the checkout): the root-level test
    // keeps its own seed, not the one of sub/test_x.py, which also ends with its id.
    const none = project();
    const rootLevel = joinInputs([input("junit", "junit.xml", [j("test_x", "test_a", 0), j("sub.test_x", "test_a", 1)]), input("pytest-log", "c.log", [console("test_x.py::test_a", 0, "seed=1")])], none);
    expect(rootLevel.map((t) => [t.id, t.output ?? null])).toEqual([
      ["test_x.py::test_a", "seed=1"],
      ["sub/test_x.py::test_a", null],
    ]);
    const windows = joinInputs([input("junit", "junit.xml", [j("tests.gpu.test_x", "test_a", 0)]), input("pytest-log", "c.log", [console("gpu\\test_x.py::test_a", 0, "seed=2")])], project("tests/gpu/test_x.py"));
    expect(windows.map((t) => [t.id, t.output ?? null])).toEqual([["tests/gpu/test_x.py::test_a", "seed=2"]]);
  });

  it("fills details, file and line from the console when JUnit lacks them", () => {
    const j = junitTest({ classname: "tests.test_numeric", name: "test_nan_result", index: 4 });
    const log = parsePytestLog(fixture("excerpts/pytest-one-section.log"), "one.log");
    const [t, ...rest] = joinInputs([input("junit", "report.xml", [j]), log], PROJECT);
    expect(rest).toEqual([]);
    expect(t?.id).toBe("tests/test_numeric.py::test_nan_result");
    expect(t?.details).toContain("nan location mismatch");
    expect(t?.output).toContain("MXNET_TEST_SEED=786117644");
    expect(t?.line).toBe(31);
  });

  it("computes the failing line from JUnit details when nothing gave one", () => {
    const j = junitTest({
      classname: "tests.test_numeric",
      name: "test_seed_dependent",
      details: "def test_seed_dependent():\n>       assert seed % 2 == 1\nE       AssertionError\n\ntests/test_numeric.py:37: AssertionError",
    });
    const [t] = joinInputs([input("junit", "report.xml", [j])], PROJECT);
    expect(t).toMatchObject({ id: "tests/test_numeric.py::test_seed_dependent", file: "tests/test_numeric.py", line: 37 });
  });

  it("joins a console section known only by its headline to the JUnit test", () => {
    const text = fixture("pytest-default.log");
    const start = text.indexOf("__________________________ TestDot.test_dot[float16]");
    const section = text.slice(start, text.indexOf("__________________________________ test_slow"));
    const log = parsePytestLog(section, "paste.txt");
    const j = junitTest({ classname: "tests.test_numeric.TestDot", name: "test_dot[float16]" });
    const joined = joinInputs([input("junit", "report.xml", [j]), log], PROJECT);
    expect(joined.map((t) => t.id)).toEqual(["tests/test_numeric.py::TestDot::test_dot[float16]"]);
    expect(joined[0]?.output).toContain("MXNET_TEST_SEED=1159821950");
  });

  it("maps paths printed on another machine into the project by suffix, and unittest ids to node ids", () => {
    const log = parseUnittestLog(fixture("unittest-verbose.log"), "unittest-verbose.log");
    const joined = joinInputs([log], PROJECT);
    expect(joined.map((t) => [t.id, t.file, t.line])).toEqual([
      ["unittests/test_operator.py::TestOperator::test_index_error", "unittests/test_operator.py", 56],
      ["unittests/test_operator.py::TestOperator::test_sparse_dot", "unittests/test_operator.py", 29],
      ["unittests/test_operator.py::TestShapes::test_concat", "unittests/test_operator.py", 68],
    ]);
    const nose = joinInputs([parseUnittestLog(fixture("hand/nose-verbose.log"), "nose.log")], PROJECT);
    expect(nose.map((t) => t.file)).toEqual(["tests/python/unittest/test_operator.py", "tests/python/unittest/test_operator.py"]);
    expect(nose.map((t) => t.line)).toEqual([1237, 2210]);
  });

  it("does not claim a file that does not exist anywhere in the project", () => {
    const nose = joinInputs([parseUnittestLog(fixture("hand/nose-verbose.log"), "nose.log")], project());
    expect(nose.map((t) => t.file)).toEqual([undefined, undefined]);
  });

  it("joins a unittest console log with an xunit report of the same tests", () => {
    const log = parseUnittestLog(fixture("unittest-verbose.log"), "u.log");
    const j = junitTest({
      classname: "unittests.test_operator.TestOperator",
      name: "test_sparse_dot",
      details: "AssertionError",
      durationSec: 0.5,
      sources: [{ file: "xunit.xml", line: 3 }],
    });
    const joined = joinInputs([input("junit", "xunit.xml", [j]), log], PROJECT);
    const t = joined.find((x) => x.name === "test_sparse_dot");
    // The module is a file of the project: the pytest node id, which the rerun driver runs.
    expect(t?.id).toBe("unittests/test_operator.py::TestOperator::test_sparse_dot");
    expect(t?.output).toContain("MXNET_TEST_SEED=655063857");
    expect(t?.sources.map((s) => s.file)).toEqual(["xunit.xml", "u.log"]);
    expect(joined).toHaveLength(3);
  });

  it("gives JVM tests the Surefire id Class#method and finds their source under the package", () => {
    const j = junitTest({
      classname: "org.example.tests.ParserTest",
      name: "parsesNumbers",
      details: "java.lang.AssertionError\n\tat org.example.tests.ParserTest.parsesNumbers(ParserTest.java:42)",
    });
    const [t] = joinInputs([input("junit", "TEST-x.xml", [j])], project("src/test/java/org/example/tests/ParserTest.java"));
    expect(t?.id).toBe("org.example.tests.ParserTest#parsesNumbers");
    expect(t?.file).toBe("src/test/java/org/example/tests/ParserTest.java");
    expect(t?.line).toBe(42);
  });

  it("keeps passed tests only when they carry failed prior attempts, in run order", () => {
    const log = parsePytestLog(fixture("pytest-two-runs.log"), "two.log");
    const joined = joinInputs([log], PROJECT);
    expect(joined.find((t) => t.id.endsWith("::test_seed_dependent"))?.outcome).toBe("passed");
    const indexes = joined.map((t) => t.index);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
    const passed = junitTest({ classname: "tests.test_numeric", name: "test_sum_passes", outcome: "passed" });
    expect(joinInputs([input("junit", "r.xml", [passed])], PROJECT)).toEqual([]);
  });
});

describe("resolveInProject", () => {
  it("takes the longest existing suffix and resolves `..`", () => {
    const p = project("tests/python/unittest/test_operator.py", "test_operator.py");
    expect(resolveInProject("/work/mxnet/tests/python/gpu/../unittest/test_operator.py", p)).toBe(
      "tests/python/unittest/test_operator.py",
    );
    expect(resolveInProject("C:\\build\\tests\\python\\unittest\\test_operator.py", p)).toBe("tests/python/unittest/test_operator.py");
    expect(resolveInProject("/elsewhere/other.py", p)).toBeUndefined();
  });
});
