import { describe, expect, it } from "vitest";
import { failingLine } from "../../src/reports/failing-line.js";

describe("failingLine", () => {
  it("reads pytest long repr and takes the last entry in the test's file", () => {
    const details = [
      "    def test_y():",
      ">       helper()",
      "",
      "tests/x.py:10: ",
      "_ _ _ _",
      "    def helper():",
      ">       assert 1 == 2",
      "E       assert 1 == 2",
      "",
      "tests/helpers.py:5: AssertionError",
    ].join("\n");
    expect(failingLine(details, "tests/x.py")).toBe(10);
    expect(failingLine(details, "tests/helpers.py")).toBe(5);
    expect(failingLine("tests/x.py:42: AssertionError", "tests/x.py")).toBe(42);
  });

  it("reads Python tracebacks by path suffix", () => {
    const details = [
      "Traceback (most recent call last):",
      '  File "/home/ci/work/proj/tests/x.py", line 12, in test_y',
      "    do()",
      '  File "/home/ci/work/proj/tests/x.py", line 30, in do',
      "    raise ValueError()",
      '  File "/usr/lib/python3/json/__init__.py", line 3, in loads',
      "ValueError",
    ].join("\n");
    expect(failingLine(details, "tests/x.py")).toBe(30);
    expect(failingLine(details, "other/x.py")).toBeUndefined();
    // "tests/x.py" must not match "mytests/x.py".
    expect(failingLine('File "/p/mytests/x.py", line 4, in t', "tests/x.py")).toBeUndefined();
  });

  it("reads Java, Go and JS stack frames", () => {
    const java = "java.lang.AssertionError\n\tat org.junit.Assert.fail(Assert.java:89)\n\tat pkg.CalcTest.testAdd(CalcTest.java:42)\n";
    expect(failingLine(java, "src/test/java/pkg/CalcTest.java")).toBe(42);
    const go = "=== RUN   TestX\n    x_test.go:17: got 1 want 2\n--- FAIL: TestX (0.00s)";
    expect(failingLine(go, "pkg/x_test.go")).toBe(17);
    const js = "Error: expected\n    at Object.<anonymous> (/ci/repo/src/a.test.ts:12:5)\n    at run (node:internal/x:1:1)\n    at /ci/repo/src/a.test.ts:20:7";
    expect(failingLine(js, "src/a.test.ts")).toBe(20);
  });

  it("returns undefined when nothing matches and stays fast on hostile text", () => {
    expect(failingLine("no trace here", "tests/x.py")).toBeUndefined();
    expect(failingLine("tests/x.py:42: x", "")).toBeUndefined();
    const start = Date.now();
    failingLine("at ".repeat(300_000) + "a.".repeat(200_000) + "\n" + "(".repeat(100_000), "tests/x.py");
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
