/**
 * The committed bundles are what users run (the Action's dist/index.js, `npx flaky-triage`,
 * the Jenkins copy): they must match a fresh build and must actually start. A misconfigured
 * ncc build can emit a tiny broken bundle without any error, so each one is run here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const NODE24 = join(root, "tools", "node24", "node_modules", ".bin", "node");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

const runtimes: Array<[string, string]> = [[`machine node ${process.version}`, process.execPath]];
if (existsSync(NODE24)) runtimes.push(["node 24", NODE24]);
else if (process.env["CI"]) throw new Error(`Node 24 is missing at ${NODE24}: run npm ci --prefix tools/node24`);

describe("dist/", () => {
  it("matches a fresh ncc build, and the Jenkins copy is byte-identical", () => {
    const r = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--check"], { cwd: root, encoding: "utf8" });
    expect(r.stderr + r.stdout).toMatch(/match a fresh build/);
    expect(r.status).toBe(0);
  }, 180_000);

  describe.each(runtimes)("under %s", (_name, node) => {
    it("dist/cli.js prints the package version and its help", () => {
      const v = spawnSync(node, [join(root, "dist", "cli.js"), "--version"], { encoding: "utf8" });
      expect(v.status).toBe(0);
      expect(v.stdout.trim()).toBe(pkg.version);
      const h = spawnSync(node, [join(root, "dist", "cli.js"), "--help"], { encoding: "utf8" });
      expect(h.stdout).toMatch(/--rerun-timeout S/);
      // Each subcommand's help is its own: merge lists merge's flags, not verify's.
      const m = spawnSync(node, [join(root, "dist", "cli.js"), "merge", "--help"], { encoding: "utf8" });
      expect(m.status).toBe(0);
      expect(m.stdout).toMatch(/^flaky-triage \S+ merge: /);
      expect(m.stdout).not.toMatch(/--trials/);
    });

    it("dist/cli.js reports a usage error in one line with exit 2", () => {
      const r = spawnSync(node, [join(root, "dist", "cli.js"), "--reruns", "lots", "x.xml"], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toBe("flaky-triage: --reruns expects a whole number, got 'lots'");
    });

    it("dist/cli.js names a missing report file, without a stack trace", () => {
      const r = spawnSync(node, [join(root, "dist", "cli.js"), "no/such/report.xml"], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/no\/such\/report\.xml/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it("dist/index.js starts and fails one clear sentence without a reports input", () => {
      const r = spawnSync(node, [join(root, "dist", "index.js")], {
        encoding: "utf8",
        env: { PATH: process.env["PATH"] ?? "", RUNNER_TEMP: "/tmp", GITHUB_WORKSPACE: root },
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/^::error::.*reports/m);
    });
  });
});
