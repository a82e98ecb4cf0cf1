/**
 * Output options are checked before anything runs: the user's reports are never written (an
 * output naming a file being read, by path, symlink or hard link, is refused with the report
 * left as it was), and a directory is no output file.
 */
import { spawnSync } from "node:child_process";
import { linkSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkOutputPaths } from "../../src/io/output-paths.js";
import { CLI, haveBundles, removeTempDirs, tempDir } from "./bundles.js";

afterAll(removeTempDirs);

const JUNIT = '<testsuite name="s"><testcase classname="a" name="t"><failure message="m">x</failure></testcase></testsuite>\n';

function project(): string {
  const dir = tempDir("ft-no-overwrite-");
  writeFileSync(path.join(dir, "junit.xml"), JUNIT);
  symlinkSync("junit.xml", path.join(dir, "link.xml"));
  linkSync(path.join(dir, "junit.xml"), path.join(dir, "hard.xml"));
  return dir;
}

describe("checkOutputPaths", () => {
  it("refuses an output that is an input by path, symlink or hard link, or a directory", () => {
    const dir = project();
    const inDir = (p: string) => path.join(dir, p);
    for (const out of ["junit.xml", "link.xml", "hard.xml"]) {
      expect(() => checkOutputPaths([{ flag: "--json", path: inDir(out) }], ["junit.xml"], inDir)).toThrow(
        new RegExp(`^--json .*${out}: is junit\\.xml, one of the reports being read`),
      );
    }
    expect(() => checkOutputPaths([{ flag: "--markdown", path: dir }], ["junit.xml"], inDir)).toThrow(/^--markdown .*: is a directory; give the path of a file to write$/);
    // A new file, another existing file, or no output at all: fine.
    writeFileSync(inDir("other.json"), "{}");
    expect(() =>
      checkOutputPaths(
        [
          { flag: "--json", path: inDir("new.json") },
          { flag: "--markdown", path: inDir("other.json") },
          { flag: "--x", path: null },
        ],
        ["junit.xml"],
        inDir,
      ),
    ).not.toThrow();
  });
});

describe.skipIf(!haveBundles)("dist/cli.js never writes over a report it reads", () => {
  it("refuses --json and --markdown naming a report (exit 2), and leaves it untouched", () => {
    const dir = project();
    for (const args of [["--json", "junit.xml"], ["--markdown", "link.xml"], ["--json", "hard.xml"]]) {
      const r = spawnSync(process.execPath, [CLI, "junit.xml", "--no-rerun", "--quiet", ...args], { cwd: dir, encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/one of the reports being read; writing there would overwrite it/);
      expect(readFileSync(path.join(dir, "junit.xml"), "utf8")).toBe(JUNIT);
    }
    const ok = spawnSync(process.execPath, [CLI, "junit.xml", "--no-rerun", "--quiet", "--json", "report.json"], { cwd: dir, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")).summary.failed).toBe(1);
  });

  it("refuses merge --json naming one of its shards", () => {
    const dir = project();
    writeFileSync(path.join(dir, "shard.json"), "{}");
    const r = spawnSync(process.execPath, [CLI, "merge", "shard.json", "--json", "shard.json"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--json .*shard\.json: is .*shard\.json, one of the reports being read/);
    expect(readFileSync(path.join(dir, "shard.json"), "utf8")).toBe("{}");
  });
});

describe.skipIf(!haveBundles)("dist/cli.js refuses a --cwd that is not a directory", () => {
  it("triage and verify exit 2 naming it, before anything runs (every rerun read 'not rerun', exit 0)", () => {
    const dir = project();
    for (const args of [["junit.xml", "--cwd", "no-such-dir"], ["junit.xml", "--cwd", "junit.xml"], ["verify", "t.py::x", "--cwd", "no-such-dir"]]) {
      const r = spawnSync(process.execPath, [CLI, ...args, "--quiet"], { cwd: dir, encoding: "utf8" });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toBe(`flaky-triage: --cwd ${path.join(dir, args[args.length - 1]!)}: not a directory\n`);
    }
  });
});
