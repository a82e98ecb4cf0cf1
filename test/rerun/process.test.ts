import { afterAll, describe, expect, it } from "vitest";
import { CappedBuffer, runProcess, startProcess } from "../../src/rerun/process.js";
import { removeTempDirs, survivors, tempDir, uniqueMarker } from "./helpers.js";

const env = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
const cwd = tempDir("ft-proc-");

/** python3 -c SCRIPT MARKER: the marker in argv lets ps find every process of the test. */
function py(script: string, marker: string): string[] {
  return ["python3", "-c", script, marker];
}

afterAll(removeTempDirs);

describe("runProcess", () => {
  it("runs an argv without a shell and reports the exit code and output", async () => {
    const r = await runProcess({ argv: ["sh", "-c", 'printf "%s|" "$@"; exit 3', "sh", "$(id)", "a b", "`x`"], cwd, env });
    expect(r.exitCode).toBe(3);
    expect(r.signal).toBeNull();
    expect(r.stdout.text).toBe("$(id)|a b|`x`|");
    expect(r.killed).toBeNull();
  });

  it("reports death by signal", async () => {
    const r = await runProcess({ argv: py("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "x"), cwd, env });
    expect(r.signal).toBe("SIGSEGV");
    expect(r.exitCode).toBeNull();
  });

  it("reports a missing command as a spawn error, not an exception", async () => {
    const r = await runProcess({ argv: ["definitely-not-a-command-ft"], cwd, env });
    expect(r.spawnError).toMatch(/ENOENT/);
  });

  it("delivers lines to onLine", async () => {
    const lines: string[] = [];
    await runProcess({ argv: ["sh", "-c", "echo one; echo two 1>&2; printf three"], cwd, env, onLine: (l) => lines.push(l) });
    expect(lines.sort()).toEqual(["one", "three", "two"]);
  });

  it("kills the whole process group on timeout, children that ignore SIGTERM included", async () => {
    const marker = uniqueMarker();
    // SIGTERM is ignored first thing (the forks inherit it), and the timeout leaves a loaded
    // machine's Python time to get there: a SIGTERM that arrives before is not what is tested.
    const script = `
import signal
signal.signal(signal.SIGTERM, signal.SIG_IGN)
import os, sys, time
for _ in range(3):
    if os.fork() == 0:
        os.execvp("sleep", ["sleep", "300", sys.argv[1]])
print("ready", flush=True)
time.sleep(300)
`;
    const started = Date.now();
    const r = await runProcess({ argv: py(script, marker), cwd, env, timeoutMs: 2500, killGraceMs: 300 });
    expect(r.killed).toBe("timeout");
    expect(r.signal).toBe("SIGKILL");
    expect(Date.now() - started).toBeLessThan(8000);
    expect(await survivors(marker)).toEqual([]);
  });

  it("kills orphans the child leaves behind when it exits normally", async () => {
    const marker = uniqueMarker();
    const script = `
import os, sys
if os.fork() == 0:
    os.execvp("sleep", ["sleep", "300", sys.argv[1]])
`;
    const r = await runProcess({ argv: py(script, marker), cwd, env });
    expect(r.exitCode).toBe(0);
    expect(await survivors(marker)).toEqual([]);
  });

  it("is not hurt by a child that kills its own process group", async () => {
    const r = await runProcess({ argv: py("import os; os.killpg(os.getpgid(0), 9)", "x"), cwd, env });
    expect(r.signal).toBe("SIGKILL");
    // Still here: the group was the child's, not ours.
    expect(process.pid).toBeGreaterThan(0);
  });

  it("kills on abort", async () => {
    const ac = new AbortController();
    const p = startProcess({ argv: ["sleep", "30"], cwd, env, signal: ac.signal, killGraceMs: 200 });
    setTimeout(() => ac.abort(), 100);
    const r = await p.done;
    expect(r.killed).toBe("abort");
  });

  it("keeps draining a flood of output but stores only head and tail", async () => {
    const before = process.memoryUsage().rss;
    // 256 MiB through the pipe, a 64 KiB cap.
    const script = "import sys\nb = b'x' * 65535 + b'\\n'\nfor _ in range(4096): sys.stdout.buffer.write(b)\nsys.stdout.buffer.write(b'END')";
    const r = await runProcess({ argv: py(script, "x"), cwd, env, outputCapBytes: 64 * 1024 });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.totalBytes).toBe(4096 * 65536 + 3);
    expect(r.stdout.truncated).toBe(true);
    expect(r.stdout.text.length).toBeLessThan(70 * 1024);
    expect(r.stdout.text.endsWith("END")).toBe(true);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });
});

describe("CappedBuffer", () => {
  it("keeps exact head and tail across chunk boundaries", () => {
    const b = new CappedBuffer(4, 4);
    for (const s of ["ab", "cdef", "ghij", "kl"]) b.push(Buffer.from(s));
    const r = b.result();
    expect(r.truncated).toBe(true);
    expect(r.text.startsWith("abcd")).toBe(true);
    expect(r.text.endsWith("ijkl")).toBe(true);
    expect(r.totalBytes).toBe(12);
    const small = new CappedBuffer(4, 4);
    small.push(Buffer.from("abcdefg"));
    expect(small.result()).toEqual({ text: "abcdefg", totalBytes: 7, truncated: false });
  });
});
