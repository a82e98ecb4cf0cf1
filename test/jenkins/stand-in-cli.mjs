// A stand-in for dist/cli.js with the same contract as far as the Jenkins step can see:
// `--args-json FILE` splices a JSON array into argv; `--json`/`--markdown` write the reports;
// exit 0 = no deterministic failure, 1 = some, 2 = bad input. Failing JUnit test cases are
// "deterministic" unless their name contains "flaky". Used only while the real bundle is absent
// (test/jenkins/jenkins.test.ts says so) and by the tests that need a CLI of known behaviour.
import { readFileSync, writeFileSync, existsSync } from "node:fs";

function expand(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--args-json") out.push(...JSON.parse(readFileSync(argv[++i], "utf8")));
    else out.push(argv[i]);
  }
  return out;
}

const valued = new Set(["--json", "--markdown", "--cwd", "--reruns", "--fresh-seeds", "--rerun-timeout", "--jobs",
  "--time-budget", "--seed-pattern", "--rerun-command", "--max-failures", "--runner"]);
const flags = {};
const reports = [];
const argv = expand(process.argv.slice(2));
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (valued.has(a)) (flags[a] ??= []).push(argv[++i]);
  else if (a === "--no-rerun" || a === "--quiet") flags[a] = true;
  else if (a.startsWith("-")) { console.error(`unknown flag ${a}`); process.exit(2); }
  else reports.push(a);
}
if (reports.length === 0) { console.error("no report given"); process.exit(2); }

const unxml = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")
  .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, "&");
const attr = (tag, name) => { const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag); return m ? unxml(m[1]) : undefined; };

const tests = [];
const outcomes = [];
for (const path of reports) {
  if (!existsSync(path)) { console.error(`${path}: no such file`); process.exit(2); }
  const xml = readFileSync(path, "utf8");
  for (const m of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const fail = /<(failure|error)\b([^>]*)>/.exec(m[2] ?? "");
    if (!fail) continue;
    const name = attr(m[1], "name");
    const classname = attr(m[1], "classname") ?? "";
    // As the real CLI does with jest-junit's test.each cases: failing testcases of one id are
    // counted in the summary, and triaged as one test.
    outcomes.push(fail[1] === "failure" ? "failed" : "errored");
    if (tests.some((t) => t.id === `${classname}::${name}`)) continue;
    const file = attr(m[1], "file") ?? null;
    const line = attr(m[1], "line");
    const verdict = flags["--no-rerun"] ? "not-rerun" : /flaky/.test(name) ? "intermittent" : "deterministic";
    tests.push({
      id: `${classname}::${name}`, file, line: line ? Number(line) : null, classname, name,
      outcome: fail[1] === "failure" ? "failed" : "errored", message: attr(fail[2], "message") ?? null,
      verdict, seedSensitivity: "unknown", cause: "unknown", causeReason: "stand-in", seed: null,
      reruns: { sameSeed: { runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false },
        freshSeeds: { runs: 0, passed: 0, failed: 0, timedOut: 0, crashed: 0, stoppedEarly: false, seeds: [] } },
      tolerance: null, suggestion: "stand-in suggestion", reproduce: null,
      confidence: { about: "none", upperBound95: null, estimate: null, text: "", moreRerunsAdvised: false },
    });
  }
}
const n = (v) => tests.filter((t) => t.verdict === v).length;
const report = {
  schemaVersion: 1, tool: { name: "flaky-triage", version: "0.0.0-stand-in" },
  summary: { tests: outcomes.length, passed: 0, failed: outcomes.filter((o) => o === "failed").length,
    errored: outcomes.filter((o) => o === "errored").length, skipped: 0, deterministic: n("deterministic"),
    intermittent: n("intermittent"), notReproduced: n("not-reproduced"), notRerun: n("not-rerun"),
    ...(outcomes.length > tests.length ? { sharedId: outcomes.length - tests.length } : {}) },
  inputs: reports.map((p) => ({ path: p, kind: "junit", tests: tests.length, warnings: [] })),
  tests,
};
// Knobs for the step's edge cases: a report too big for a check, a CLI that writes no report.
// Long blocks: a cut at a line lands inside one almost always.
const block = `<details><summary>t</summary>\n\n${"body\n".repeat(100)}\n</details>\n`;
const padding = process.env.FT_STAND_IN_MARKDOWN_DETAILS
  ? block.repeat(Math.ceil(Number(process.env.FT_STAND_IN_MARKDOWN_DETAILS) / block.length))
  : "| row |\n".repeat(Math.ceil(Number(process.env.FT_STAND_IN_MARKDOWN_CHARS ?? 0) / 8));
if (flags["--json"] && !process.env.FT_STAND_IN_NO_JSON) writeFileSync(flags["--json"].at(-1), JSON.stringify(report, null, 2));
if (flags["--markdown"]) writeFileSync(flags["--markdown"].at(-1), `# flaky-triage\n\n${tests.length} failing tests\n${padding}`);
writeFileSync(".flaky-triage/last-argv.json", JSON.stringify(argv));
process.exit(report.summary.deterministic > 0 ? 1 : 0);
