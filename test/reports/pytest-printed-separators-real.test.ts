// A test that prints a banner (`==== benchmark results ====`), a counts line or a `____ x ____`
// line looks, line by line, like pytest's own separators. pytest draws its own at the
// terminal's width; taken for pytest's, a printed one ended the failures section (later
// failures lost their traceback, seed and line), made a phantom failing test, or under -s hid
// a later crash behind a test named after the printed text. Real pytest runs, read as CI keeps
// their console.
import { afterAll, describe, expect, it } from "vitest";
import { parsePytestLog } from "../../src/reports/pytest-log.js";
import { ciWithConsole, pytestProject, removeTempDirs } from "../rerun/helpers.js";

afterAll(removeTempDirs);

const TESTS = `import numpy as np


def test_report_banner():
    print("=" * 20 + " benchmark results " + "=" * 20)
    print("use MXNET_TEST_SEED=1237146799 to reproduce")
    assert 2 + 2 == 5, "sum is off"


def test_prints_pytest_like():
    print("FAILED tests/test_fake.py::test_ghost - boom")
    print("_________________________ test_ghost _________________________")
    print("E       AssertionError: ghost")
    print("tests/test_fake.py:3: AssertionError")
    print("========================= 1 failed, 2 passed in 0.10s =========================")
    assert False, "real failure"


def test_after_banner():
    print("use MXNET_TEST_SEED=1447820128 to reproduce")
    np.testing.assert_allclose(1.0, 1.0000004, rtol=1e-7)
`;

describe("separators a test printed in a pytest console log", () => {
  const project = pytestProject("ft-printed-sep-", { "tests/test_banner.py": TESTS });
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1", COLUMNS: "100" };
  const seeds = (log: string) => {
    const parsed = parsePytestLog(log, "console.log");
    return { parsed, byName: new Map(parsed.tests.map((t) => [t.name, t])) };
  };

  for (const flags of [[], ["-q"], ["-v"], ["--tb=short"]]) {
    it(`keep every failure whole, with its seed and line, and make no test of their own (pytest ${flags.join(" ") || "defaults"})`, () => {
      const ci = ciWithConsole(project, ["-p", "no:randomly", ...flags, "tests"], { env });
      expect(ci.status).toBe(1);
      expect(ci.console).toContain("==================== benchmark results ====================");
      const { parsed, byName } = seeds(ci.console);
      expect(parsed.tests.map((t) => t.id).sort()).toEqual([
        "tests/test_banner.py::test_after_banner",
        "tests/test_banner.py::test_prints_pytest_like",
        "tests/test_banner.py::test_report_banner",
      ]);
      expect(parsed.counts).toMatchObject({ failed: 3 });
      expect(byName.get("test_report_banner")!.output).toContain("MXNET_TEST_SEED=1237146799");
      // The failure after the banners keeps its output (the seed) and traceback (line, tolerance).
      const after = byName.get("test_after_banner")!;
      expect(after.output).toContain("MXNET_TEST_SEED=1447820128");
      expect(after.details).toContain("rtol=1e-07");
      expect(after.line).toBe(21);
    }, 60_000);
  }

  it("a test module that sets COLUMNS changes pytest's own width mid-run: its sections are still its own", () => {
    const wide = pytestProject("ft-printed-sep-columns-", {
      "tests/test_cli.py": `import os

os.environ["COLUMNS"] = "120"


def test_render():
    print("seed=604012")
    assert False
`,
    });
    const ci = ciWithConsole(wide, ["-p", "no:randomly", "tests"], { env: { ...env, COLUMNS: "80" } });
    const widths = ci.console.split("\n").filter((l) => /^=+ .* =+$/.test(l)).map((l) => l.length);
    expect(new Set(widths)).toEqual(new Set([80, 120]));
    const { parsed } = seeds(ci.console);
    // Everything after the 80-column session start read as printed output: "0 failing tests of 0".
    expect(parsed.tests.map((t) => t.id)).toEqual(["tests/test_cli.py::test_render"]);
    expect(parsed.counts).toMatchObject({ failed: 1 });
    expect(parsed.tests[0]!.output).toContain("seed=604012");
    expect(parsed.warnings).toEqual([]);
  }, 60_000);

  it("a pytest a test ran, printed at another width, is that test's output (its titles are not the run's)", () => {
    const outer = pytestProject("ft-printed-sep-child-", {
      "tests/test_outer.py": `import os
import subprocess
import sys


def test_runs_child():
    env = dict(os.environ, COLUMNS="80")
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "child"], capture_output=True, text=True, env=env)
    print("child run output:")
    print(r.stdout)
    assert r.returncode == 0


def test_after():
    print("seed=42")
    assert False
`,
      "child/test_inner.py": "def test_inner():\n    assert 1 == 2\n",
    });
    const ci = ciWithConsole(outer, ["-p", "no:randomly", "tests"], { env });
    expect(ci.console).toContain("child run output:");
    const { parsed, byName } = seeds(ci.console);
    // The child's FAILURES made a phantom failing test and took test_after's seed and line.
    expect(parsed.tests.map((t) => t.id)).toEqual(["tests/test_outer.py::test_runs_child", "tests/test_outer.py::test_after"]);
    expect(byName.get("test_after")!.output).toContain("seed=42");
    expect(byName.get("test_after")!.line).toBe(16);
  }, 60_000);

  it("an excerpt with the FAILURES header and the summary line pasted under it keeps the node id", () => {
    const excerpt = [
      "=================================== FAILURES ===================================",
      "_________________________________ test_y[1] __________________________________",
      "",
      "    def test_y(n):",
      ">       assert n == 0",
      "E       assert 1 == 0",
      "",
      "tests/test_q.py:5: AssertionError",
      "FAILED tests/test_q.py::test_y[1] - assert 1 == 0",
      "",
    ].join("\n");
    expect(parsePytestLog(excerpt, "pasted.log").tests.map((t) => t.id)).toEqual(["tests/test_q.py::test_y[1]"]);
  });

  it("under -s a printed banner does not end the progress: a later crash is still found", () => {
    const crash = pytestProject("ft-printed-sep-s-", {
      "tests/test_s.py": `import ctypes


def test_report():
    print("bench")
    print("=" * 10 + " timing summary " + "=" * 10)


def test_native():
    ctypes.string_at(0)
`,
    });
    const ci = ciWithConsole(crash, ["-p", "no:randomly", "-s", "-v", "tests"], { env });
    expect(ci.console).toContain("Fatal Python error");
    const { parsed } = seeds(ci.console);
    expect(parsed.tests.map((t) => [t.id, t.outcome])).toEqual([["tests/test_s.py::test_native", "failed"]]);
  }, 60_000);
});
