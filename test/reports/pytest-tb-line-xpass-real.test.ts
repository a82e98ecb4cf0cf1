// pytest --tb=line prints no headlines: each failure ends at its `path:line: message` line. A
// strict xfail that passed prints only its reason (twice: before and after its captured output),
// no such line, so it took the next
// failure's text, and every later failure the one after it: seeds, lines and messages each
// one test off, with the JUnit report too. A real pytest run.
import { afterAll, describe, expect, it } from "vitest";
import { parsePytestLog } from "../../src/reports/pytest-log.js";
import { ciWithConsole, pytestProject, removeTempDirs } from "../rerun/helpers.js";

afterAll(removeTempDirs);

describe("pytest --tb=line with a strict xfail that passed", () => {
  it("is a failure of its own; the next failures keep their own seeds and lines", () => {
    const project = pytestProject("ft-tb-line-xpass-", {
      "tests/test_t.py": `import os

import numpy as np
import pytest


@pytest.mark.xfail(strict=True, reason="gh-123 not fixed yet")
def test_a_known_bug():
    print("xfail printing")


def test_b():
    print("use MXNET_TEST_SEED=111 to reproduce")
    np.testing.assert_allclose(1.0, 1.0 + 2e-7, rtol=1e-7)


def test_c():
    print("use MXNET_TEST_SEED=222 to reproduce")
    assert 222 != 222
`,
    });
    const ci = ciWithConsole(project, ["-p", "no:randomly", "--tb=line", "tests"], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
    expect(ci.status).toBe(1);
    // Its reason, its captured output, its reason again.
    expect(ci.console).toContain("[XPASS(strict)] gh-123 not fixed yet\n----------------------------- Captured stdout call -----------------------------\nxfail printing\n[XPASS(strict)] gh-123 not fixed yet\n");
    const parsed = parsePytestLog(ci.console, "console.log");
    const view = parsed.tests.map((t) => [t.name, t.line ?? null, /MXNET_TEST_SEED=(\d+)/.exec(t.output ?? "")?.[1] ?? null]);
    expect(view).toEqual([
      ["test_a_known_bug", null, null],
      ["test_b", 14, "111"],
      ["test_c", 19, "222"],
    ]);
    expect(parsed.tests[0]!.message).toBe("[XPASS(strict)] gh-123 not fixed yet");
  }, 60_000);
});
