import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setOutput } from "../../src/action/outputs.js";

/** The file's text with each heredoc delimiter (random per call) replaced by its position. */
const normalised = (text: string): string => {
  let n = 0;
  const ids = new Map<string, number>();
  return text.replace(/ghadelimiter_[0-9a-f-]{36}/g, (d) => `D${ids.get(d) ?? (ids.set(d, n++), n - 1)}`);
};

describe("setOutput (what @actions/core's setOutput writes, without loading it)", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  const values: Array<[string, string]> = [
    ["report", "/tmp/flaky-triage/report.json"],
    ["failed-tests", "50000"],
    ["summary-markdown", "line one\nline two\r\n%25 and :: and ,"],
    ["empty", ""],
  ];

  it("appends the same GITHUB_OUTPUT file command", () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-out-"));
    dirs.push(dir);
    const ours = join(dir, "ours");
    const theirs = join(dir, "theirs");
    writeFileSync(ours, "");
    writeFileSync(theirs, "");
    for (const [k, v] of values) setOutput(k, v, { GITHUB_OUTPUT: ours });
    vi.stubEnv("GITHUB_OUTPUT", theirs);
    for (const [k, v] of values) core.setOutput(k, v);
    expect(normalised(readFileSync(ours, "utf8"))).toBe(normalised(readFileSync(theirs, "utf8")));
    expect(() => setOutput("x", "y", { GITHUB_OUTPUT: join(dir, "missing") })).toThrow(/Missing file/);
  });

  it("falls back to the same set-output command on stdout", () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    for (const [k, v] of values) setOutput(k, v, {});
    const ours = written.splice(0).join("");
    vi.stubEnv("GITHUB_OUTPUT", "");
    for (const [k, v] of values) core.setOutput(k, v);
    expect(ours).toBe(written.join(""));
  });
});
