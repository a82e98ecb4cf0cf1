import { describe, expect, it } from "vitest";
import { PytestIds, toPytestNodeId } from "../../src/reports/pytest-ids.js";

const project = (...files: string[]) => ({ exists: (rel: string) => files.includes(rel) });

describe("toPytestNodeId", () => {
  it("finds the module file and the nested classes", () => {
    const p = project("tests/unit/test_x.py");
    expect(toPytestNodeId("tests.unit.test_x.TestC.TestInner", "test_y[a.b]", undefined, p)).toEqual({
      id: "tests/unit/test_x.py::TestC::TestInner::test_y[a.b]",
      file: "tests/unit/test_x.py",
    });
  });

  it("handles module-level tests and files at the root", () => {
    expect(toPytestNodeId("test_top", "test_a", undefined, project("test_top.py"))).toEqual({
      id: "test_top.py::test_a",
      file: "test_top.py",
    });
  });

  it("prefers the longest existing prefix (a module named like a package)", () => {
    const p = project("tests/a.py", "tests/a/b.py");
    expect(toPytestNodeId("tests.a.b.TestC", "test_z", undefined, p).id).toBe("tests/a/b.py::TestC::test_z");
  });

  it("keeps the parameter part whole, whatever it contains", () => {
    const p = project("tests/test_basic.py");
    for (const name of [
      "test_param_ids[two words]",
      "test_param_ids[a/b/c.txt]",
      "test_param_ids[it's \"quoted\"]",
      "test_param_ids[$(touch PWNED)]",
      "test_param_ids[gr\\xfc\\xdfe]",
      "test_param_ids[v1.5]",
      "test_x[a::b]",
    ]) {
      expect(toPytestNodeId("tests.test_basic", name, undefined, p)).toEqual({
        id: `tests/test_basic.py::${name}`,
        file: "tests/test_basic.py",
      });
    }
  });

  it("uses the xunit1 file attribute", () => {
    const p = project("tests/numeric/test_tolerance.py");
    expect(toPytestNodeId("tests.numeric.test_tolerance.TestT", "test_a", "tests/numeric/test_tolerance.py", p)).toEqual({
      id: "tests/numeric/test_tolerance.py::TestT::test_a",
      file: "tests/numeric/test_tolerance.py",
    });
    // Windows separators and ./ prefixes are normalised.
    expect(toPytestNodeId("tests.numeric.test_tolerance", "t", ".\\tests\\numeric\\test_tolerance.py", p).file).toBe(
      "tests/numeric/test_tolerance.py",
    );
  });

  it("does not claim a file that does not exist, but still guesses an id", () => {
    expect(toPytestNodeId("tests.test_gone.TestC.TestD", "test_y", undefined, project())).toEqual({
      id: "tests/test_gone.py::TestC::TestD::test_y",
    });
    expect(toPytestNodeId("pkg.test_gone", "test_y", "/ci/elsewhere/pkg/test_gone.py", project())).toEqual({
      id: "/ci/elsewhere/pkg/test_gone.py::test_y",
    });
    expect(toPytestNodeId("", "test_y", undefined, project())).toEqual({ id: "test_y" });
  });
});

describe("dots in directory names", () => {
  const tree = (...files: string[]) => {
    const dirs = new Set(files.flatMap((f) => f.split("/").slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join("/"))));
    return { exists: (rel: string) => files.includes(rel), isDir: (rel: string) => dirs.has(rel) };
  };

  it("finds tests/v1.2/test_x.py, whose dots pytest also wrote as dots", () => {
    expect(toPytestNodeId("tests.v1.2.test_x.TestA", "test_b", undefined, tree("tests/v1.2/test_x.py"))).toEqual({
      id: "tests/v1.2/test_x.py::TestA::test_b",
      file: "tests/v1.2/test_x.py",
    });
    expect(toPytestNodeId("pkg.1.0.tests.test_y", "t", undefined, tree("pkg.1.0/tests/test_y.py")).file).toBe("pkg.1.0/tests/test_y.py");
  });

  it("still prefers a plain path, and guesses without claiming a file when nothing matches", () => {
    expect(toPytestNodeId("tests.v1.test_x", "t", undefined, tree("tests/v1/test_x.py", "tests/v1.test_x.py")).file).toBe("tests/v1/test_x.py");
    expect(toPytestNodeId("tests.v1.2.test_x", "t", undefined, tree("other/file.py"))).toEqual({ id: "tests/v1/2/test_x.py::t" });
  });

  it("stays bounded on a name with many dots", () => {
    let calls = 0;
    const p = { exists: () => (calls++, false), isDir: () => (calls++, true) };
    toPytestNodeId(Array.from({ length: 40 }, (_, i) => `p${i}`).join("."), "t", undefined, p);
    expect(calls).toBeLessThan(2_000);
  });
});

describe("PytestIds (the mapping of many tests, once per classname and file)", () => {
  it("answers as toPytestNodeId does, for every name of a classname", () => {
    const p = project("tests/unit/test_x.py", "tests/numeric/test_tolerance.py", "test_top.py");
    const ids = new PytestIds(p);
    const cases: Array<[string, string | undefined]> = [
      ["tests.unit.test_x.TestC.TestInner", undefined],
      ["tests.unit.test_x", undefined],
      ["test_top", undefined],
      ["tests.numeric.test_tolerance.TestT", "tests/numeric/test_tolerance.py"],
      ["tests.numeric.test_tolerance", ".\\tests\\numeric\\test_tolerance.py"],
      ["tests.test_gone.TestC.TestD", undefined],
      ["Top", undefined],
      ["", undefined],
    ];
    for (const [classname, file] of cases) {
      for (const name of ["test_a", "test_b[x.y/z]", "test_c[a::b]"]) {
        const { head, ...mapped } = ids.of(classname, name, file);
        expect(mapped).toEqual(toPytestNodeId(classname, name, file, p));
        // The id's part before its first "::", when the classname gives it one.
        if (classname === "") expect(head).toBeUndefined();
        else expect(head).toBe(mapped.id.slice(0, mapped.id.indexOf("::")));
      }
    }
  });

  it("looks the project up once per classname and file attribute", () => {
    let lookups = 0;
    const ids = new PytestIds({ exists: (rel) => (lookups++, rel === "tests/test_m.py") });
    for (let i = 0; i < 100; i++) expect(ids.of("tests.test_m", `test_${i}`, undefined).id).toBe(`tests/test_m.py::test_${i}`);
    const first = lookups;
    expect(first).toBeGreaterThan(0);
    ids.of("tests.test_m", "test_x", "tests/test_m.py");
    ids.of("tests.test_m", "test_y", "tests/test_m.py");
    expect(lookups).toBe(first + 1);
  });
});
