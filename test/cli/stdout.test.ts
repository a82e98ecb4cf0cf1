/**
 * The CLI's stdout closed early (`flaky-triage ... | head`): the rest of the table goes nowhere,
 * the reports are still written and the exit status is the run's, with no stack trace.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
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
    const r = spawnSync("bash", ["-c", `"$0" "$1" r.xml --no-rerun --quiet --json r.json | head -c 10 >/dev/null; echo "status \${PIPESTATUS[0]}"`, process.execPath, CLI], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(r.stdout.trim()).toBe("status 0");
    expect(r.stderr).toBe("");
    expect(existsSync(path.join(dir, "r.json"))).toBe(true);
  });
});
