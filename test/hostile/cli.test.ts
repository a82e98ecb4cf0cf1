/**
 * The shipped CLI bundle (dist/cli.js) against the hostile project, with real pytest reruns:
 * hostile ids, untouched inputs, --max-failures, --time-budget, signals mid-rerun, tests that
 * kill their parent, and a 50 MB failure message.
 */
import { execFile, execFileSync } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_MESSAGE_CHARS } from "../../src/reports/limits.js";
import type { Report, TriagedTest } from "../../src/model.js";
import {
  baseEnv,
  CLI,
  copyProject,
  haveBundles,
  junitSubset,
  havePytest,
  listing,
  processesWith,
  pwned,
  pytestReport,
  removeTempDirs,
  sha256,
  start,
  tempDir,
  waitFor,
} from "./bundles.js";

const ready = havePytest && haveBundles;
if (!ready) console.warn(`hostile cli: skipped: ${!havePytest ? "python3 with pytest is missing" : `no bundle at ${CLI} (node scripts/build.mjs)`}`);

let work: string;
let home: string;
let project: string;
/** One pytest run of the whole project: the "CI run" every scenario takes its tests from. */
let all: string;

beforeAll(() => {
  if (!ready) return;
  work = tempDir("ft-hostile-cli-");
  home = tempDir("ft-hostile-home-");
  project = copyProject(path.join(work, "project"));
  all = pytestReport(project, ["."], path.join(work, "all.xml"));
});

/** The CI run's report, narrowed to tests of the given modules (and names, when given). */
function ciReport(name: string, modules: string[], names?: string[]): string {
  return junitSubset(all, path.join(work, `${name}.xml`), (cls, n) => (modules.includes(cls) && (names === undefined || names.includes(n)) ? 0 : null));
}
afterAll(removeTempDirs);

function readReport(file: string): Report {
  return JSON.parse(readFileSync(file, "utf8")) as Report;
}

function byId(report: Report): Map<string, TriagedTest> {
  return new Map(report.tests.map((t) => [t.id, t]));
}

describe.skipIf(!ready)("the CLI bundle on hostile input", () => {
  it("reruns hostile ids as data, leaves the reports and the project as they were, and prints working reproduce commands", async () => {
    // With the console log: JUnit alone names `--opt_flags.py` only as the classname
    // `--opt_flags`, which the reader does not map back to a file.
    const log = path.join(work, "ids.log");
    const junit = pytestReport(project, ["test_ids.py", "--opt_flags.py"], path.join(work, "ids.xml"), log);
    const hashes = [sha256(junit), sha256(log)];
    const before = listing(project);
    const json = path.join(work, "ids.json");
    const r = await start(CLI, [junit, log, "--cwd", project, "--reruns", "1", "--fresh-seeds", "0", "--jobs", "2", "--rerun-timeout", "20", "--json", json, "--markdown", path.join(work, "ids.md")], {
      cwd: work,
      env: baseEnv(home),
    }).done;
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(r.code).toBe(1);

    // Inputs are never written: same bytes, same tree (no __pycache__, no .pytest_cache, no PWNED).
    expect([sha256(junit), sha256(log)]).toEqual(hashes);
    expect(listing(project)).toEqual(before);
    expect(pwned(work, home, process.cwd())).toEqual([]);

    const report = readReport(json);
    expect(report.tests).toHaveLength(8);
    const ids = report.tests.map((t) => t.id);
    expect(ids).toContain("test_ids.py::test_param[$(touch PWNED)]");
    expect(ids).toContain("test_ids.py::test_param[; rm -rf ~ #]");
    expect(ids).toContain("--opt_flags.py::test_option_like");
    for (const t of report.tests) {
      // Each really ran and failed: the id reached pytest intact.
      expect(t, t.id).toMatchObject({ verdict: "deterministic", reruns: { sameSeed: { runs: 1, failed: 1 } } });
      expect(t.reproduce, t.id).not.toBeNull();
    }

    // Pasted into sh in the project, each command runs exactly its own test, nothing else.
    await Promise.all(
      report.tests.map(async (t, i) => {
        const ran = path.join(work, `ran-${i}`);
        writeFileSync(ran, "");
        await new Promise<void>((resolve) =>
          execFile("sh", ["-c", `${t.reproduce!} -p no:cacheprovider -q`], { cwd: project, env: { ...baseEnv(home), FT_RAN: ran, PYTHONDONTWRITEBYTECODE: "1" } }, () => resolve()),
        );
        expect(readFileSync(ran, "utf8").split("\0").slice(0, -1), t.reproduce!).toEqual([t.id]);
      }),
    );
    expect(pwned(work, home, process.cwd())).toEqual([]);
    expect(listing(project)).toEqual(before);
  });

  it("--max-failures N reruns N and reports the rest as not-rerun with a note", async () => {
    const junit = ciReport("many", ["test_many"]);
    const json = path.join(work, "many.json");
    const r = await start(CLI, [junit, "--cwd", project, "--max-failures", "3", "--reruns", "1", "--fresh-seeds", "0", "--jobs", "2", "--json", json], { cwd: work, env: baseEnv(home) }).done;
    expect(r.code).toBe(1);
    const report = readReport(json);
    const rerun = report.tests.filter((t) => t.verdict !== "not-rerun");
    const skipped = report.tests.filter((t) => t.verdict === "not-rerun");
    // Report order decides among equals: the first three.
    expect(rerun.map((t) => t.id).sort()).toEqual([0, 1, 2].map((n) => `test_many.py::test_many[${n}]`));
    expect(skipped).toHaveLength(5);
    for (const t of skipped) expect(t.reruns.note).toBe("beyond --max-failures 3");
    expect(report.summary.notRerun).toBe(5);
    // The default is documented where users look.
    expect(execFileSync(process.execPath, [CLI, "--help"], { encoding: "utf8" })).toMatch(/--max-failures N .*\(default: 50\)|--max-failures N[^\n]*50/);
  });

  /** The six hanging tests of test_hang.py, triaged two at a time under a time budget. */
  function hangUnderBudget(name: string, flags: { budget: string; rerunTimeout: string; reruns: string }) {
    const junit = ciReport(name, ["test_hang"]);
    const marker = `fthang${process.pid}${name}`;
    const json = path.join(work, `${name}.json`);
    const args = ["--time-budget", flags.budget, "--rerun-timeout", flags.rerunTimeout, "--reruns", flags.reruns, "--fresh-seeds", "0", "--jobs", "2"];
    const run = start(CLI, [junit, "--cwd", project, ...args, "--json", json], { cwd: work, env: baseEnv(home, { FT_HANG_MARKER: marker }) });
    return { run, report: () => readReport(json), marker };
  }

  it("--time-budget is honoured with tests that hang: the run ends in bounded time, reports what finished, leaves no process", async () => {
    const { run, report, marker } = hangUnderBudget("hang", { budget: "12", rerunTimeout: "4", reruns: "1" });
    const r = await run.done;
    // Up to two tests at a time (the second process joins once the first test has hung for as
    // long as its process took to start, S: they failed fast in CI); each attempt times out after
    // 4 s, ignores SIGTERM and is SIGKILLed 2 s later, and a new process (S again) takes the next
    // test meanwhile. Nothing starts after 12 s; what is in its grace then counts. So each
    // process finishes at most two tests (a third would time out at 3S + 12 s), and the second
    // finishes one while 3S + 4 <= 12 (S up to 2.6 s). With 2 s timeouts, a start-up under ~1.2 s
    // (python started without a version manager's shim) let five of the six finish.
    expect(r.ms).toBeLessThan(20_000);
    const tests = report().tests;
    const ran = tests.filter((t) => t.reruns.sameSeed.runs > 0);
    expect(ran.length).toBeGreaterThanOrEqual(2);
    for (const t of ran) expect(t.reruns.sameSeed.timedOut).toBe(t.reruns.sameSeed.runs);
    const notRun = tests.filter((t) => t.verdict === "not-rerun");
    expect(notRun.length).toBeGreaterThanOrEqual(2);
    for (const t of notRun) expect(t.reruns.note).toMatch(/time budget/);
    expect(await waitFor(() => processesWith(marker).length === 0, 3000)).toBe(true);
  });

  it("--time-budget stops the reruns still running when it runs out and says so; an interrupt after it does not change why", async () => {
    // Each attempt would hang for the whole 60 s timeout; the budget is 10 s.
    const { run, report, marker } = hangUnderBudget("cut", { budget: "10", rerunTimeout: "60", reruns: "2" });
    let said = "";
    run.child.stderr!.on("data", (c: Buffer) => (said += c.toString()));
    expect(await waitFor(() => said.includes("time budget of 10 s spent: stopping the reruns still running"), 25_000)).toBe(true);
    // While the stopped tests wait out their kill grace (they ignore SIGTERM).
    run.child.kill("SIGINT");
    const r = await run.done;
    expect(r.code).toBe(130);
    // The budget, the 2 s kill grace, slack for a loaded machine.
    expect(r.ms).toBeLessThan(22_000);
    const tests = report().tests;
    expect(tests).toHaveLength(6);
    const cut = tests.filter((t) => t.reruns.note === "time budget ran out: reruns were cut short");
    const notStarted = tests.filter((t) => t.reruns.note === "time budget ran out before its reruns started");
    // Two started (--jobs 2: the second process once the first test had hung for as long as the
    // first process took to start) and were stopped; the other four never started.
    expect(cut).toHaveLength(2);
    expect(notStarted).toHaveLength(4);
    for (const t of tests) expect(t.verdict).toBe("not-rerun");
    expect(await waitFor(() => processesWith(marker).length === 0, 3000)).toBe(true);
  });

  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("on %s mid-rerun writes the report for what finished, marks the rest not-rerun, exits %i, leaves no process", async (sig, exitCode) => {
    const junit = junitSubset(all, path.join(work, `sig-${sig}.xml`), (cls, n) =>
      n === "test_plain_failure" ? 0 : cls === "test_hang" ? 1 : null,
    );
    const marker = `fthang${process.pid}${sig}`;
    const outDir = tempDir("ft-hostile-out-");
    const json = path.join(outDir, "report.json");
    const run = start(CLI, [junit, "--cwd", project, "--reruns", "1", "--fresh-seeds", "0", "--jobs", "1", "--rerun-timeout", "60", "--json", json], {
      cwd: work,
      env: baseEnv(home, { FT_HANG_MARKER: marker }),
    });
    // The plain failure is rerun first; once a hanging test's grandchild exists, we interrupt.
    expect(await waitFor(() => processesWith(marker).length > 0, 20_000)).toBe(true);
    const sentAt = Date.now();
    run.child.kill(sig);
    const r = await run.done;
    expect(r.code).toBe(exitCode);
    // SIGTERM to the group, SIGKILL 2 s later for what ignores it, then the report.
    expect(Date.now() - sentAt).toBeLessThan(6000);
    expect(r.stderr).toContain(`${sig}: stopping reruns`);
    // Written atomically: the report and nothing else (no temporary file left behind).
    expect(readdirSync(outDir)).toEqual(["report.json"]);
    const tests = byId(readReport(json));
    expect(tests.get("test_parent.py::test_plain_failure")).toMatchObject({ verdict: "deterministic", reruns: { sameSeed: { runs: 1, failed: 1 } } });
    const hanging = [...tests.values()].filter((t) => t.id.startsWith("test_hang.py"));
    expect(hanging).toHaveLength(6);
    for (const t of hanging) {
      expect(t.verdict, t.id).toBe("not-rerun");
      expect(t.reruns.note, t.id).toMatch(/interrupted/);
    }
    expect(await waitFor(() => processesWith(marker).length === 0, 3000)).toBe(true);
  });

  it("on a second, abrupt signal leaves at once, without orphans", async () => {
    const junit = ciReport("abrupt", ["test_hang"]);
    const marker = `fthang${process.pid}abrupt`;
    const json = path.join(work, "abrupt.json");
    const run = start(CLI, [junit, "--cwd", project, "--reruns", "2", "--fresh-seeds", "0", "--jobs", "2", "--rerun-timeout", "60", "--json", json], {
      cwd: work,
      env: baseEnv(home, { FT_HANG_MARKER: marker }),
    });
    expect(await waitFor(() => processesWith(marker).length >= 2, 20_000)).toBe(true);
    run.child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 100));
    const sentAt = Date.now();
    run.child.kill("SIGINT");
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(1500);
    // The grandchildren ignore SIGTERM; the first signal's SIGKILL was still 2 s away.
    expect(await waitFor(() => processesWith(marker).length === 0, 2000)).toBe(true);
    expect(existsSync(json)).toBe(false);
  });

  it("survives tests that kill their parent or their parent's process group, and keeps the others' verdicts", async () => {
    const junit = ciReport("parent", ["test_parent"]);
    const json = path.join(work, "parent.json");
    const r = await start(CLI, [junit, "--cwd", project, "--reruns", "2", "--fresh-seeds", "0", "--jobs", "2", "--json", json], {
      cwd: work,
      env: baseEnv(home, { FT_KILL_PARENT: "1" }),
    }).done;
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    const tests = byId(readReport(json));
    // Each attempt runs in a child forked from the shared pytest process. A test that kills that
    // process (or its group) and then fails its assertion races its own result line against the
    // loss of its parent: the attempt counts as crashed or as failed, never as passed or lost.
    for (const id of ["test_parent.py::test_kills_parent", "test_parent.py::test_kills_parents_group"]) {
      const same = tests.get(id)?.reruns?.sameSeed;
      expect(same?.runs, id).toBe(2);
      expect((same?.crashed ?? 0) + (same?.failed ?? 0), id).toBe(2);
      expect(tests.get(id)?.verdict, id).toBe("deterministic");
    }
    expect(tests.get("test_parent.py::test_plain_failure")).toMatchObject({ verdict: "deterministic", reruns: { sameSeed: { runs: 2, failed: 2 } } });
  });

  it("caps a 50 MB failure message in the Markdown and the table; the JSON keeps the first MAX_MESSAGE_CHARS", async () => {
    const junit = path.join(work, "huge.xml");
    const out = createWriteStream(junit);
    out.write('<?xml version="1.0"?>\n<testsuite name="s" tests="1" failures="1"><testcase classname="tests.test_big" name="test_big" file="tests/test_big.py"><failure message="');
    const chunk = "0123456789abcdef".repeat(64 * 1024); // 1 MiB, one line
    for (let i = 0; i < 50; i++) if (!out.write(chunk)) await once(out, "drain");
    out.end('">trace</failure></testcase></testsuite>\n');
    await once(out, "finish");
    expect(statSync(junit).size).toBeGreaterThan(50 * 1024 * 1024);
    const json = path.join(work, "huge.json");
    const md = path.join(work, "huge.md");
    const r = await start(CLI, [junit, "--cwd", project, "--no-rerun", "--json", json, "--markdown", md], { cwd: work, env: baseEnv(home) }).done;
    expect(r.code).toBe(0);
    const [t] = readReport(json).tests;
    expect(t?.message).toBe(chunk.slice(0, MAX_MESSAGE_CHARS));
    expect(statSync(json).size).toBeLessThan(64 * 1024);
    expect(statSync(md).size).toBeLessThan(64 * 1024);
    expect(r.stdout.length).toBeLessThan(16 * 1024);
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThan(1024);
  });
});
