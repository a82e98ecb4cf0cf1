import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { isEnvName, shellQuote, shellQuoteCommand } from "../../src/render/shell-quote.js";

/** Runs `printf '%s\0' <quoted words>` through sh and returns the words sh passed on. */
const scratch = mkdtempSync(path.join(tmpdir(), "ft-quote-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function roundTrip(words: string[]): string[] {
  const script = `printf '%s\\0' ${words.map(shellQuote).join(" ")}`;
  const out = execFileSync("sh", ["-c", script], { encoding: "buffer", cwd: scratch });
  const parts = out.toString("utf8").split("\0");
  parts.pop();
  return parts;
}

const HOSTILE = [
  "tests/x.py::test_y[a b]",
  "$(touch PWNED)",
  "`touch PWNED`",
  "; rm -rf x #",
  "it's",
  "'",
  "''",
  "a\nb",
  "\n",
  "--option",
  "-x",
  "",
  " ",
  "\t",
  "*",
  "~",
  "~root",
  "$HOME",
  "${HOME}",
  "a\\b",
  "\\",
  "!",
  "!!",
  "{a,b}",
  "a=b",
  "=cmd",
  "x|y&z",
  "é ü 中文 🎉",
  '"double"',
  "#comment",
];

describe("shellQuote", () => {
  it("leaves plain words alone and quotes everything else", () => {
    expect(shellQuote("tests/x.py::test_y")).toBe("tests/x.py::test_y");
    expect(shellQuote("--randomly-seed=1")).toBe("--randomly-seed=1");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("A=b")).toBe("'A=b'");
  });

  it("round-trips hostile words through sh byte for byte, executing nothing", () => {
    expect(roundTrip(HOSTILE)).toEqual(HOSTILE);
    expect(existsSync(path.join(scratch, "PWNED"))).toBe(false);
  });

  it("round-trips arbitrary strings (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: "binary", maxLength: 40 }).filter((s) => !s.includes("\0")),
          { minLength: 1, maxLength: 6 },
        ),
        (words) => {
          expect(roundTrip(words)).toEqual(words);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("refuses NUL, which no argv can carry", () => {
    expect(() => shellQuote("a\0b")).toThrow(RangeError);
  });
});

describe("shellQuoteCommand", () => {
  it("prefixes validated env assignments", () => {
    expect(shellQuoteCommand(["python3", "-m", "pytest", "tests/x.py::test_y[a b]"], { MXNET_TEST_SEED: "1121373020" })).toBe(
      "MXNET_TEST_SEED=1121373020 python3 -m pytest 'tests/x.py::test_y[a b]'",
    );
    expect(() => shellQuoteCommand(["true"], { "A;B": "1" })).toThrow(RangeError);
    expect(() => shellQuoteCommand(["true"], { "1A": "1" })).toThrow(RangeError);
    expect(isEnvName("_X1")).toBe(true);
  });

  it("passes env values and argv through sh unchanged", () => {
    const value = "$(touch PWNED)'; x\n";
    const cmd = shellQuoteCommand(["sh", "-c", 'printf "%s" "$SEED_VAR"'], { SEED_VAR: value });
    expect(execFileSync("sh", ["-c", cmd], { encoding: "utf8" })).toBe(value);
  });
});
