// Doctests collected with --doctest-modules and --doctest-glob: a real red run (JUnit report and
// console), then the bundled CLI on both with reruns. Their items are named by the docstring's
// holder (`pkg/mod.py::pkg.mod.always`, `tool.py::tool`) or the text file's name
// (`docs/usage.rst::usage.rst`), the console heads their sections "[doctest] pkg.mod.always",
// and they are only collected with --doctest-modules or a --doctest-glob that matches, which
// reruns and reproduce commands add.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/model.js";
import { isDoctestId } from "../../src/reports/pytest-ids.js";
import { headlineOf } from "../../src/reports/pytest-log.js";
import { ciWithConsole, pytestProject, removeTempDirs, triageBoth } from "../rerun/helpers.js";

const python = process.env["FLAKY_TRIAGE_PYTHON"] || "python3";
const hasPytest = spawnSync(python, ["-c", "import pytest"]).status === 0;
afterAll(removeTempDirs);

// `always` is a real bug; `coin` fails in CI (FORCE_FAIL) and half the time after.
const MODULE = `import os, random

def always():
    """
    >>> always()
    2
    """
    return 3

def coin():
    """
    >>> coin()
    True
    """
    return not os.environ.get("FORCE_FAIL") and random.random() < 0.5
`;

describe("doctest ids", () => {
  it("are told by a dotted item name, and headed as pytest heads their sections", () => {
    expect(isDoctestId("pkg/mod.py::pkg.mod.always")).toBe(true);
    expect(isDoctestId("mod.py::mod.Class.method")).toBe(true);
    expect(isDoctestId("tests/test_x.py::test_y[1.5]")).toBe(false);
    expect(isDoctestId("tests/test_x.py::TestC::test_y")).toBe(false);
    expect(isDoctestId("tests/test_x.py::test_y[a::b.c]")).toBe(false);
    expect(headlineOf("pkg/mod.py::pkg.mod.always")).toBe("[doctest] pkg.mod.always");
    expect(headlineOf("tests/test_x.py::TestC::test_y[1.5]")).toBe("TestC.test_y[1.5]");
  });
});

describe("doctest ids of module docstrings outside packages and of text files", () => {
  it("are told apart from test functions and headed as pytest heads them", () => {
    // The docstring of a module outside any package is named as the module is.
    expect(isDoctestId("tool.py::tool")).toBe(true);
    expect(isDoctestId("scripts/tool.py::tool")).toBe(true);
    expect(headlineOf("tool.py::tool")).toBe("[doctest] tool");
    // A test function may share its module's name: pytest only collects names starting "test".
    expect(isDoctestId("tests/test_x.py::test_x")).toBe(false);
    expect(isDoctestId("tool.py::other")).toBe(false);
    expect(isDoctestId("tool.py::tool[1]")).toBe(false);
    // A package's own docstring is in its __init__.py, named as the package.
    expect(isDoctestId("mypkg/__init__.py::mypkg")).toBe(true);
    expect(isDoctestId("src/mypkg/__init__.py::mypkg")).toBe(true);
    expect(isDoctestId("mypkg/__init__.py::other")).toBe(false);
    // A package may start with "test": its __init__.py holds no test functions.
    expect(isDoctestId("src/testkit/__init__.py::testkit")).toBe(true);
    expect(headlineOf("mypkg/__init__.py::mypkg")).toBe("[doctest] mypkg");
    // A text file --doctest-glob collects is named by the file's name.
    expect(isDoctestId("README.rst::README.rst")).toBe(true);
    expect(isDoctestId("docs/usage.rst::usage.rst")).toBe(true);
    expect(headlineOf("docs/usage.rst::usage.rst")).toBe("[doctest] usage.rst");
    expect(isDoctestId("docs/usage.rst::other.rst")).toBe(false);
    expect(isDoctestId("docs/usage.rst")).toBe(false);
    // Only document files: a test of another runner named after its file is not a doctest.
    expect(isDoctestId("src/a.test.ts::a.test.ts")).toBe(false);
    expect(isDoctestId("docs/guide.md::guide.md")).toBe(true);
  });
});

describe.skipIf(!hasPytest && !process.env.CI)("doctests (real pytest)", () => {
  it("reruns the docstring of a module outside any package, and text files by the glob that collects them", () => {
    // In CI: tool's module docstring and test_notes.txt flip a coin (FORCE_FAIL makes them fail);
    // docs/usage.rst, collected only with --doctest-glob='*.rst', is a real bug.
    const coin = '>>> import os, random\n>>> not os.environ.get("FORCE_FAIL") and random.random() < 0.5\nTrue\n';
    const project = pytestProject("ft-doctest-text-", {
      "tool.py": `"""The tool.\n\n${coin}"""\n`,
      "test_notes.txt": `Notes\n=====\n\n${coin}`,
      "docs/usage.rst": "Usage\n=====\n\n>>> 1 + 1\n3\n",
    });
    const ci = ciWithConsole(project, ["--doctest-modules", "--doctest-glob=*.rst", "--doctest-glob=test*.txt", "--junitxml=reports/junit.xml"], {
      python,
      env: { ...process.env, FORCE_FAIL: "1" },
    });
    expect(ci.status, ci.console).toBe(1);
    expect(ci.console).toContain("[doctest] tool");
    expect(ci.console).toContain("[doctest] usage.rst");

    const { status, stderr, report } = triageBoth(project, ["--reruns", "12", "--fresh-seeds", "0"], { ...process.env, FORCE_FAIL: "" });
    expect(status, stderr).not.toBe(2);
    // Three entries, each joined to its console section, each rerun.
    expect(report.tests.map((t) => [t.id, t.verdict]).sort()).toEqual([
      ["docs/usage.rst::usage.rst", "deterministic"],
      ["test_notes.txt::test_notes.txt", "intermittent"],
      ["tool.py::tool", "intermittent"],
    ]);
    const usage = report.tests.find((t) => t.id === "docs/usage.rst::usage.rst");
    expect(usage?.reproduce).toBe("python3 -m pytest --doctest-glob=usage.rst docs/usage.rst::usage.rst");
    expect(report.tests.find((t) => t.id === "tool.py::tool")?.reproduce).toBe("python3 -m pytest --doctest-modules tool.py::tool");

    // The JUnit report alone names the text file by its path with dots (docs.usage.md): the
    // same ids, rerun the same way.
    const json = path.join(project, "junit-only.json");
    const cli = path.join(import.meta.dirname, "..", "..", "dist", "cli.js");
    const alone = spawnSync(process.execPath, [cli, "reports/junit.xml", "--reruns", "3", "--fresh-seeds", "0", "--json", json, "--quiet"], { cwd: project, encoding: "utf8", env: { ...process.env, FORCE_FAIL: "1" } });
    expect(alone.status, alone.stderr).not.toBe(2);
    const junitOnly = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(junitOnly.tests.map((t) => [t.id, t.file, t.verdict]).sort()).toEqual([
      ["docs/usage.rst::usage.rst", "docs/usage.rst", "deterministic"],
      ["test_notes.txt::test_notes.txt", "test_notes.txt", "deterministic"],
      ["tool.py::tool", "tool.py", "deterministic"],
    ]);
  });


  it("joins the console's sections to the JUnit report's doctests and reruns them with --doctest-modules", () => {
    const project = pytestProject("ft-doctest-", { "pkg/__init__.py": "", "pkg/mod.py": MODULE });
    const ci = ciWithConsole(project, ["--doctest-modules", "pkg", "--junitxml=reports/junit.xml"], { python, env: { ...process.env, FORCE_FAIL: "1" } });
    expect(ci.status, ci.console).toBe(1);
    expect(ci.console).toContain("[doctest] pkg.mod.coin");

    const { status, stderr, report } = triageBoth(project, ["--reruns", "12", "--fresh-seeds", "0"], { ...process.env, FORCE_FAIL: "" });
    expect(status, stderr).not.toBe(2);
    // Two entries, not four: the console's "[doctest] ..." sections joined the JUnit report's.
    expect(report.tests.map((t) => [t.id, t.verdict]).sort()).toEqual([
      ["pkg/mod.py::pkg.mod.always", "deterministic"],
      ["pkg/mod.py::pkg.mod.coin", "intermittent"],
    ]);
    const always = report.tests.find((t) => t.id.endsWith("always"));
    expect(always?.reproduce).toBe("python3 -m pytest --doctest-modules pkg/mod.py::pkg.mod.always");
  });

  it("repeats a doctest in one process with the globals its first run had (no fork: as on Windows)", () => {
    // doctest clears a doctest's globals after each run: a second run in the same process failed
    // with a NameError, so a doctest that passes on rerun read as intermittent.
    const project = pytestProject("ft-doctest-nofork-", {
      "conftest.py": "import os\n\n# Forks run each rerun in a child whose globals are fresh; take them away.\ndel os.fork\n",
      "pkg/__init__.py": "",
      "pkg/mod.py": 'import os\n\nLIMIT = 2\n\ndef under():\n    """\n    >>> under() < LIMIT\n    True\n    """\n    return 3 if os.environ.get("FORCE_FAIL") else 1\n',
    });
    const ci = ciWithConsole(project, ["--doctest-modules", "pkg", "--junitxml=reports/junit.xml"], { python, env: { ...process.env, FORCE_FAIL: "1" } });
    expect(ci.status, ci.console).toBe(1);
    const { status, stderr, report } = triageBoth(project, ["--reruns", "5", "--fresh-seeds", "0"], { ...process.env, FORCE_FAIL: "" });
    expect(status, stderr).not.toBe(2);
    expect(report.tests.map((t) => [t.id, t.verdict, t.reruns.sameSeed.passed])).toEqual([["pkg/mod.py::pkg.mod.under", "not-reproduced", 5]]);
  });
});
