/**
 * The committed bundles are what users run (the Action's dist/index.js, `npx flaky-triage`,
 * the Jenkins copy): they must match a fresh build and must actually start. A misconfigured
 * ncc build can emit a tiny broken bundle without any error, so each one is run here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
    it("dist/cli.js reads a report the same where WebAssembly cannot run (node --jitless)", () => {
      // The control-character scan runs in WebAssembly; without it every chunk is searched by
      // a regular expression. Both must read the same, and both must stop at a forbidden character.
      const dir = mkdtempSync(join(tmpdir(), "ft-jitless-"));
      try {
        const cases = Array.from({ length: 400 }, (_, i) =>
          i % 50 === 7
            ? `<testcase classname="m" name="f${i}"><failure message="x">E assert &lt;a&gt; &amp;&amp; b\n${"tb line\n".repeat(300)}MXNET_TEST_SEED=${i}</failure></testcase>`
            : `<testcase classname="m" name="t${i}" time="0.1"/>`,
        );
        const good = join(dir, "good.xml");
        writeFileSync(good, `<testsuites><testsuite name="s">${cases.join("\n")}</testsuite></testsuites>\n`);
        const bad = join(dir, "bad.xml");
        writeFileSync(bad, `<testsuites><testsuite name="s">${cases.slice(0, 200).join("\n")}<testcase name="c"><failure>a\u0001b</failure></testcase>${cases.slice(200).join("\n")}</testsuite></testsuites>\n`);
        for (const report of [good, bad]) {
          const read = (flags: string[]): unknown => {
            const out = join(dir, `out${flags.length}.json`);
            const r = spawnSync(node, [...flags, join(root, "dist", "cli.js"), report, "--no-rerun", "--quiet", "--json", out], { encoding: "utf8", cwd: dir });
            expect(r.status, r.stderr).toBe(0);
            const json = JSON.parse(readFileSync(out, "utf8")) as { inputs: unknown; tests: unknown };
            return { inputs: json.inputs, tests: json.tests };
          };
          const withWasm = read([]);
          expect(read(["--jitless"])).toEqual(withWasm);
          expect(JSON.stringify(withWasm)).toMatch(report === bad ? /malformed XML|stopped reading/ : /"value":"357"/);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

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
