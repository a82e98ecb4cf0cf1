import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_HINT_TEXT, causeHints, causeHintsOfParts, type HintKind } from "../../src/diagnose/cause-hints.js";
import { failureHints } from "../../src/classify.js";
import type { TestCase } from "../../src/model.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/messages/${name}`, import.meta.url), "utf8");

const kinds = (text: string): HintKind[] => causeHints(text).map((h) => h.kind);

describe("cause hints", () => {
  it.each<[string, HintKind]>([
    ["E   Failed: Timeout >5.0s", "timeout"],
    ["E   Failed: Timeout (>2.0s) from pytest-timeout.", "timeout"],
    ["+++++++++++++++++++ Timeout +++++++++++++++++++", "timeout"],
    ["asyncio.exceptions.TimeoutError", "timeout"],
    ["subprocess.TimeoutExpired: Command '['x']' timed out after 3 seconds", "timeout"],
    ["requests.exceptions.ReadTimeout: HTTPSConnectionPool", "timeout"],
    ["the operation timed out", "timeout"],
    ["ImportError: cannot import name 'foo' from 'bar'", "environment"],
    ["ModuleNotFoundError: No module named 'scipy'", "environment"],
    ["FileNotFoundError: [Errno 2] No such file or directory: 'data.csv'", "environment"],
    ["PermissionError: [Errno 13] Permission denied: '/root'", "environment"],
    ["E       fixture 'tmp_db' not found", "environment"],
    ["ConnectionRefusedError: [Errno 111] Connection refused", "environment"],
    ["OSError: [Errno 28] No space left on device", "environment"],
    // Real vitest 4 / jest 30 / go 1.19 failures (the environment, not the code).
    ["Error: ENOENT: no such file or directory, open 'tests/fixtures/data.json'", "environment"],
    ["Error: connect ECONNREFUSED 127.0.0.1:5432", "environment"],
    ["Error: getaddrinfo ENOTFOUND db.internal", "environment"],
    ["Error: EACCES: permission denied, open '/var/lib/app/state.json'", "environment"],
    ["Cannot find module 'pg' from 'tests/db.test.js'", "environment"],
    ["env_test.go:13: dial: dial tcp 127.0.0.1:1: connect: connection refused", "environment"],
    ["golden_test.go:9: open testdata/golden.json: no such file or directory", "environment"],
    // Real pytest 9 / Python 3.11 output of os.environ["MYLIB_DATA_DIR"] with it unset.
    [">   ???\nE   KeyError: 'MYLIB_DATA_DIR'\n\n<frozen os>:679: KeyError", "environment"],
    ["/usr/lib/python3.8/os.py:675: in __getitem__\n    raise KeyError(key) from None\nE   KeyError: 'HOME'\n\n/usr/lib/python3.8/os.py:675: KeyError", "environment"],
    [">       d = os.environ[\"MYLIB_DATA_DIR\"]\nE   KeyError: 'MYLIB_DATA_DIR'", "environment"],
    // The same run with --tb=short and --tb=native (real pytest 9 output).
    ["test_env.py:4: in test_data_dir\n    d = os.environ[\"MYLIB_DATA_DIR\"]\n        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n<frozen os>:679: in __getitem__\n    ???\nE   KeyError: 'MYLIB_DATA_DIR'", "environment"],
    ['  File "/tmp/tbf/test_env.py", line 4, in test_data_dir\n    d = os.environ["MYLIB_DATA_DIR"]\n  File "<frozen os>", line 679, in __getitem__\nKeyError: \'MYLIB_DATA_DIR\'', "environment"],
    ["Fatal Python error: Segmentation fault", "crash"],
    ["Segmentation fault (core dumped)", "crash"],
    ["Aborted (core dumped)", "crash"],
    ["[gw1] node down: Not properly terminated", "crash"],
    ["Error nan exceeds tolerance rtol=1e-4", "non-finite"],
    ["x and y nan location mismatch:", "non-finite"],
    ["nan location mismatch:", "non-finite"],
    ["RuntimeWarning: invalid value encountered in divide", "non-finite"],
    ["Obtained: nan", "non-finite"],
    ["assert nan == 1.0", "non-finite"],
    ["RuntimeWarning: overflow encountered in exp", "overflow"],
    ["OverflowError: math range error", "overflow"],
    ["assert -2147483648 == 2147483648", "overflow"],
    ["assert 18446744073709551615 == 0", "overflow"],
  ])("%s -> %s", (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    ["def test_timeout_handling():\n    assert retry() == 3"],
    ["AssertionError: assert 1 == 2"],
    ["assert 'banana' == 'nan'"],
    ["assert 21474836480 == 1"],
    // The project's own module, and a permission the code under test refuses.
    ["Cannot find module './helpers' from 'tests/a.test.js'"],
    ["expected error to equal 'permission denied for user bob'"],
    // A test that expects the error names the code itself; the code under test swallowed it.
    ["Error: expect(received).toThrow(expected)\n\nExpected pattern: /ENOENT/\nReceived function did not throw"],
    // A KeyError from a dict of the test's own is no missing environment variable, even in a
    // test that sets one.
    [">       v = config[\"MYLIB_DATA_DIR\"]\nE       KeyError: 'MYLIB_DATA_DIR'\n\ntests/test_cfg.py:4: KeyError"],
    ["        os.environ[\"MODE\"] = \"test\"\n>       v = config[\"timeout\"]\nE       KeyError: 'timeout'\n\ntests/test_cfg.py:5: KeyError"],
    // photos.py is not os.py.
    ["E   KeyError: 'x'\n\nsrc/photos.py:12: KeyError"],
  ])("no hints in %j", (text) => {
    expect(causeHints(text)).toEqual([]);
  });

  it("quotes pytest-timeout's own line, not a 'timed out' in the source the traceback shows", () => {
    // pytest-timeout 2.4 on a thread wait: the traceback prints threading.py's comments first.
    const text = "        # If the lock is acquired, the C code is done, and self._stop() is\n        # called.  That sets ._is_stopped to True.  If it timed out, it re-acquires the lock and returns.\nE   Failed: Timeout (>2.0s) from pytest-timeout.";
    expect(causeHints(text).find((h) => h.kind === "timeout")?.evidence).toBe("Failed: Timeout (>2.0s) from pytest-timeout.");
  });

  // Texts on which the first KeyError patterns backtracked for seconds to minutes (a review
  // measured 10 s to 92 s); read in one pass now, in milliseconds. No timing is asserted: the
  // 5 s timeout, far above the linear cost and far below the old one, is what a regression hits.
  it.each([
    ["os.environ[ then 256 KiB of ]", "os.environ[" + "]".repeat(256 * 1024), false],
    ["an os.py frame after 256 KiB of KeyErrors on one line", "KeyError: ".repeat(26_000) + "\nos.py:1: KeyError", true],
    // Its KeyError stands too far from the line to be tied to it.
    ["a failing os.environ line of 256 KiB", ">       x = os.environ[" + "\"A\", ".repeat(40_000) + "]\nE   KeyError: 'A'", false],
    ["256 KiB of failing os.environ lines", ">       x = os.environ[\"A\"]\n".repeat(9000) + "E   KeyError: 'A'", false],
  ])("stays linear on hostile text: %s", (_name, text, found) => {
    expect(kinds(text).includes("environment")).toBe(found);
  }, 5_000);

  it("reports each kind once with short evidence", () => {
    const hints = causeHints("Failed: Timeout >5.0s\nTimeoutError\nImportError: x");
    expect(hints).toEqual([
      { kind: "timeout", evidence: "Failed: Timeout >5.0s" },
      { kind: "environment", evidence: "ImportError: x" },
    ]);
    expect(causeHints("ImportError: " + "x".repeat(1000))[0]!.evidence.length).toBeLessThanOrEqual(120);
  });

  it("matches /i needles in ASCII letter case only, as the patterns themselves do", () => {
    expect(kinds("Request TIMED OUT")).toEqual(["timeout"]);
    // toLowerCase turns "İ" into "i" plus a combining dot; the /i patterns (no /u) never match it.
    expect(kinds("İNTEGER OVERFLOW")).toEqual([]);
    expect(kinds("the request tİmed out")).toEqual([]);
  });

  it("looks at the first MAX_HINT_TEXT characters only", () => {
    const pad = " ".repeat(MAX_HINT_TEXT - "ImportError".length);
    expect(kinds(pad + "ImportError: y")).toEqual(["environment"]);
    expect(kinds(pad + "-ImportError: y")).toEqual([]);
  });

  it("reads parts as their text joined by line ends", () => {
    const cases: string[][] = [
      ["AssertionError: x", "E   assert 1 == 2", "captured"],
      ["x", "Fatal Python error: Segmentation fault", ""],
      ["timed", "out"],
      ["Timeout", "Error"],
      [" ".repeat(MAX_HINT_TEXT - 3), "ImportError: y"],
      [fixture("numpy-allclose-nan.txt"), fixture("numpy-allclose-single.txt")],
      // Needles of different hints in different parts, and one needle in two parts.
      ["ModuleNotFoundError: No module named 'x'", "Fatal Python error: Segmentation fault", "ModuleNotFoundError: again"],
      ["threading.Thread(target=f)", "E   assert 1 == 2", "Thread(target=g) timed out"],
    ];
    for (const parts of cases) expect(causeHintsOfParts(parts)).toEqual(causeHints(parts.join("\n")));
  });

  it("finds the non-finite hint in real numpy output", () => {
    expect(kinds(fixture("numpy-allclose-nan.txt"))).toEqual(["non-finite"]);
    expect(kinds(fixture("numpy-allclose-single.txt"))).toEqual([]);
  });
});

describe("an import error: the machine's or the project's own", () => {
  const own = (name: string): boolean => name === "numlib";
  const of = (text: string): { kind: HintKind; evidence: string }[] =>
    causeHints(text, { ownModule: own }).filter((h) => h.kind === "environment" || h.kind === "own-import");

  it("is the project's own when every module its lines name is (a name moved, a circular import)", () => {
    // Real pytest 9 / Python 3.11 lines.
    expect(of("E   ImportError: cannot import name 'helpers' from 'numlib' (/tmp/own/numlib/__init__.py)")).toEqual([
      { kind: "own-import", evidence: "ImportError: cannot import name 'helpers' from 'numlib' (/tmp/own/numlib/__init__.py)" },
    ]);
    expect(of("E   ModuleNotFoundError: No module named 'numlib.sub'").map((h) => h.kind)).toEqual(["own-import"]);
    expect(of("ImportError: cannot import name 'a' from partially initialized module 'numlib.b' (most likely due to a circular import)").map((h) => h.kind)).toEqual(["own-import"]);
  });

  it("is the machine's when one line names another module, or none names any, or the project is unknown", () => {
    expect(of("E   ModuleNotFoundError: No module named 'cupy'").map((h) => h.kind)).toEqual(["environment"]);
    // numlib fails because a package it imports is missing: the machine's.
    expect(of("ImportError: cannot import name 'x' from 'numlib'\nModuleNotFoundError: No module named 'scipy'")).toEqual([
      { kind: "environment", evidence: "ModuleNotFoundError: No module named 'scipy'" },
    ]);
    expect(of("ImportError while importing test module '/tmp/own/tests/test_a.py'.").map((h) => h.kind)).toEqual(["environment"]);
    // With a line naming the project's module, the header that names none does not make it the machine's.
    expect(of("ImportError while importing test module '/tmp/own/tests/test_a.py'.\nE   ModuleNotFoundError: No module named 'numlib.gone'").map((h) => h.kind)).toEqual(["own-import"]);
    expect(causeHints("E   ImportError: cannot import name 'helpers' from 'numlib'").map((h) => h.kind)).toEqual(["environment"]);
  });
});

describe("pytest's import file mismatch", () => {
  const text =
    "import file mismatch:\nimported module 'test_utils' has this __file__ attribute:\n  /ci/tests/a/test_utils.py\n" +
    "which is not the same as the test file we want to collect:\n  /ci/tests/b/test_utils.py";
  const test = (id: string): TestCase => ({ id, classname: "", name: id, outcome: "errored", details: text, sources: [], index: 0 });

  it("is a setup problem where it is the test's own failure: a file that failed to collect", () => {
    expect(failureHints(test("tests/b/test_utils.py"))).toEqual([{ kind: "environment", evidence: "import file mismatch" }]);
  });

  it("is no hint in a test that printed pytest's words (a pytester test, say)", () => {
    expect(failureHints(test("tests/test_plugin.py::test_reports_mismatch"))).toEqual([]);
  });
});
