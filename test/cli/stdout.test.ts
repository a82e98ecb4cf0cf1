/**
 * The CLI's stdout closed early (`flaky-triage ... | head`): the rest of the table goes nowhere,
 * the reports are still written and the exit status is the run's, with no stack trace.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CLI = path.join(import.meta.dirname, "..", "..", "dist", "cli.js");

describe.skipIf(!existsSync(CLI))("the CLI with its stdout closed early", () => {
  it("ends quietly with the run's exit status and writes its reports", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ft-cli-epipe-"));
    // Enough rows that the table outlives the reader.
    const cases = Array.from({ length: 3000 }, (_, i) => `<testcase classname="a" name="t${i}"><failure>x</failure></testcase>`).join("");
    writeFileSync(path.join(dir, "r.xml"), `<testsuite>${cases}</testsuite>`);
    // --markdown, not --json: beside a JSON report the table stops at 1000 rows.
    const r = spawnSync("bash", ["-c", `"$0" "$1" r.xml --no-rerun --quiet --markdown r.md | head -c 10 >/dev/null; echo "status \${PIPESTATUS[0]}"`, process.execPath, CLI], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(r.stdout.trim()).toBe("status 0");
    expect(r.stderr).toBe("");
    expect(existsSync(path.join(dir, "r.md"))).toBe(true);
  });
});

describe.skipIf(!existsSync(CLI))("the CLI's table beside a JSON report", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ft-cli-rows-"));
  // 1,203 failing tests, none rerun (one verdict): the table shows them in the report's order.
  const cases = Array.from({ length: 1200 }, (_, i) => `<testcase classname="a" name="t${i}"><failure>x</failure></testcase>`);
  cases.push(...[0, 1, 2].map((i) => `<testcase classname="b" name="e${i}"><error>boom</error></testcase>`));
  writeFileSync(path.join(dir, "r.xml"), `<testsuite>${cases.join("")}</testsuite>`);
  const rows = (out: string): string[] => out.split("\n").filter((l) => /^(a|b)::/.test(l));

  it("shows the first 1000 rows and says the JSON report lists every one", () => {
    const r = spawnSync(process.execPath, [CLI, "r.xml", "--no-rerun", "--quiet", "--json", "out/r.json"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    const shown = rows(r.stdout);
    expect(shown).toHaveLength(1000);
    expect(r.stdout).toContain("... and 203 more failing tests: out/r.json lists every one");
    expect(r.stdout).toMatch(/1203 failing tests/);
    const report = JSON.parse(readFileSync(path.join(dir, "out", "r.json"), "utf8")) as { tests: Array<{ id: string }> };
    expect(report.tests).toHaveLength(1203);
    // The rows shown are the first in display order, the report's order.
    expect(shown.map((l) => l.split(/\s+/)[0])).toEqual(report.tests.slice(0, 1000).map((t) => t.id));
  });

  it("shows every row when no JSON report lists them", () => {
    const r = spawnSync(process.execPath, [CLI, "r.xml", "--no-rerun", "--quiet"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(rows(r.stdout)).toHaveLength(1203);
    expect(r.stdout).not.toContain("more failing test");
  });
});
