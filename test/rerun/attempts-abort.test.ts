/**
 * How a plugin-reporting rerun process (src/rerun/attempts.ts) takes an abort: attempts that
 * ended before it count, the attempt it cuts does not, and a process that dies as the abort
 * comes (a CI cancel signals the whole tree) is the abort's, not a crash of the test. The
 * "plugin" is a small Node script writing the plugin's JSON lines, so the timing is ours.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBatch, type BatchResult } from "../../src/rerun/attempts.js";
import type { Trial } from "../../src/model.js";
import { removeTempDirs, tempDir } from "./helpers.js";

afterAll(removeTempDirs);

/**
 * Writes the given lines to the results file (or \`count\` failed attempts), then its pid, then
 * waits to be killed, or with "exit" ends at once.
 */
const FAKE_PLUGIN = `const fs = require("fs");
const [results, pidFile, lines, count, how] = process.argv.slice(2);
let text = JSON.parse(lines).map((l) => JSON.stringify(l) + "\\n").join("");
for (let i = 0; i < Number(count); i++) {
  text += JSON.stringify({ event: "start", attempt: i, seed: null }) + "\\n";
  text += JSON.stringify({ event: "end", attempt: i, outcome: "failed", duration: 0.001, message: "attempt " + i + " of many " + "x".repeat(60) }) + "\\n";
}
fs.appendFileSync(results, text);
fs.writeFileSync(pidFile, String(process.pid));
if (how === "exit") process.exit(0);
if (how === "stubborn") process.on("SIGTERM", () => {});
// A test whose SIGTERM handler fails it, after which its runner starts the next attempt.
if (how === "term-fails") {
  process.on("SIGTERM", () => {
    const after = [
      { event: "end", attempt: 0, outcome: "failed", duration: 1, message: "SystemExit: terminated" },
      { event: "start", attempt: 1, seed: null },
    ];
    fs.appendFileSync(results, after.map((l) => JSON.stringify(l) + "\\n").join(""));
  });
}
setInterval(() => {}, 1000);
`;

/** The pid the process wrote to `pidFile`, once it has. */
async function pidIn(pidFile: string): Promise<number> {
  while (!existsSync(pidFile) || readFileSync(pidFile, "utf8") === "") await new Promise((r) => setTimeout(r, 10));
  return Number(readFileSync(pidFile, "utf8"));
}

async function follow(
  lines: object[],
  stop: (pid: number, abort: () => void) => void,
  many = 0,
  how: "wait" | "exit" | "stubborn" | "term-fails" = "wait",
  timeoutMs = 30_000,
): Promise<{ result: BatchResult; counted: Trial[] }> {
  const dir = tempDir("ft-abort-");
  const script = path.join(dir, "plugin.cjs");
  writeFileSync(script, FAKE_PLUGIN);
  const resultsFile = path.join(dir, "results.jsonl");
  const pidFile = path.join(dir, "pid");
  const ac = new AbortController();
  const counted: Trial[] = [];
  const running = runBatch({
    argv: [process.execPath, script, resultsFile, pidFile, JSON.stringify(lines), String(many), how],
    cwd: dir,
    env: { PATH: process.env["PATH"] ?? "" },
    seeds: [null, null],
    reportsLines: true,
    resultsFile,
    timeoutMs,
    startupMs: timeoutMs,
    killGraceMs: 500,
    signal: ac.signal,
    onTrial: (t) => {
      counted.push(t);
      return false;
    },
  });
  if (how !== "exit") {
    stop(await pidIn(pidFile), () => ac.abort());
  }
  return { result: await running, counted };
}

describe("a plugin process under an abort", () => {
  it("counts an attempt that ended just before the abort, not the one the abort cut", async () => {
    // Both lines are in the file before the abort; the first poll has not read them yet.
    const { result, counted } = await follow(
      [
        { event: "start", attempt: 0, seed: null },
        { event: "end", attempt: 0, outcome: "failed", duration: 0.01, message: "boom" },
        { event: "start", attempt: 1, seed: null },
      ],
      (_pid, abort) => abort(),
    );
    expect(result.aborted).toBe(true);
    expect(counted.map((t) => t.kind)).toEqual(["failed"]);
  });

  it("reads every line a process left at its exit, however many (more than a poll reads)", async () => {
    // ~3.6 MB of lines written at once just before the process ends: mostly unread at its exit.
    const { result, counted } = await follow([], () => {}, 20_000, "exit");
    expect(result.aborted).toBe(false);
    expect(counted).toHaveLength(20_000);
  });

  it("waits out the kill grace of a process that ignores SIGTERM without spinning", async () => {
    const before = process.cpuUsage();
    const { result } = await follow([{ event: "start", attempt: 0, seed: null }], (_pid, abort) => abort(), 0, "stubborn");
    const used = process.cpuUsage(before);
    expect(result.aborted).toBe(true);
    // 500 ms of grace, polled every 50 ms: a few ms of work. Re-reading at once after the
    // abort's wake-up, as a settled race does, burns the whole grace (~500 ms of CPU).
    expect((used.user + used.system) / 1000).toBeLessThan(250);
  });

  it.each([0, 5, 50])("takes a death that comes with the abort (%i ms apart) as the abort's, not a crash", async (gapMs) => {
    const { result, counted } = await follow([{ event: "start", attempt: 0, seed: null }], (pid, abort) => {
      process.kill(pid, "SIGTERM");
      if (gapMs === 0) abort();
      else setTimeout(abort, gapMs);
    });
    expect(result.aborted).toBe(true);
    expect(counted).toEqual([]);
    expect(result.cannotRun).toBeNull();
  });

  it("still counts a death by a signal no abort follows as the test's crash", async () => {
    const { result, counted } = await follow([{ event: "start", attempt: 0, seed: null }], (pid) => process.kill(pid, "SIGTERM"));
    expect(result.aborted).toBe(false);
    expect(counted.map((t) => t.kind)).toEqual(["crashed"]);
  });
});

describe("a plugin process killed on its timeout", () => {
  it("counts the attempt it cut as timed out, not what the test made of our SIGTERM, nor the next attempt it began", async () => {
    // Silent past 400 ms: SIGTERM, which the test's handler turns into a failure before the
    // runner starts attempt 1; the process outlives it until the SIGKILL 500 ms later.
    const { result, counted } = await follow([{ event: "start", attempt: 0, seed: null }], () => {}, 0, "term-fails", 400);
    expect(result.aborted).toBe(false);
    expect(counted.map((t) => t.kind)).toEqual(["timedOut"]);
    expect(result.trials.map((t) => t.kind)).toEqual(["timedOut"]);
    // Timed from its start to our kill (the next attempt's start made it negative).
    expect(counted[0]!.durationSec).toBeGreaterThanOrEqual(0.35);
  });
});

describe("an exit-status process under an abort (go, jest, vitest, --rerun-command)", () => {
  async function run(stop: (pid: number, abort: () => void) => void): Promise<BatchResult> {
    const dir = tempDir("ft-abort-exit-");
    const pidFile = path.join(dir, "pid");
    const script = path.join(dir, "test.cjs");
    writeFileSync(script, `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);\n`);
    const ac = new AbortController();
    const running = runBatch({
      argv: [process.execPath, script],
      cwd: dir,
      env: { PATH: process.env["PATH"] ?? "" },
      seeds: [null],
      reportsLines: false,
      resultsFile: path.join(dir, "results.jsonl"),
      timeoutMs: 30_000,
      startupMs: 30_000,
      killGraceMs: 500,
      signal: ac.signal,
      onTrial: () => false,
    });
    stop(await pidIn(pidFile), () => ac.abort());
    return running;
  }

  it.each([0, 50])("takes a death that comes with the abort (%i ms apart) as the abort's", async (gapMs) => {
    const result = await run((pid, abort) => {
      process.kill(pid, "SIGTERM");
      if (gapMs === 0) abort();
      else setTimeout(abort, gapMs);
    });
    expect(result.aborted).toBe(true);
    expect(result.trials).toEqual([]);
  });

  it("counts a death by a signal no abort follows as a crash", async () => {
    const result = await run((pid) => process.kill(pid, "SIGTERM"));
    expect(result.aborted).toBe(false);
    expect(result.trials.map((t) => t.kind)).toEqual(["crashed"]);
  });
});
