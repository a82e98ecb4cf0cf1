import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic, writeJsonAtomic } from "../../src/io/write-atomic.js";

const dir = mkdtempSync(path.join(tmpdir(), "ft-write-special-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes through `write` to a new FIFO while `cat` drains it; returns what cat read. */
async function throughFifo(name: string, write: (p: string) => Promise<void>): Promise<{ read: string; stillFifo: boolean }> {
  const fifo = path.join(dir, name);
  execFileSync("mkfifo", [fifo]);
  const out = path.join(dir, `${name}.out`);
  const cat = spawn("sh", ["-c", 'cat "$0" > "$1"', fifo, out]);
  const done = new Promise<void>((resolve) => cat.on("exit", () => resolve()));
  await write(fifo);
  // Replaced by a file, the FIFO is never opened for writing: cat would wait for ever.
  const timer = setTimeout(() => cat.kill(), 10_000);
  await done;
  clearTimeout(timer);
  return { read: readFileSync(out, "utf8"), stillFifo: statSync(fifo).isFIFO() };
}

describe("an output that is no regular file (--json /dev/null, /dev/stdout, a FIFO)", () => {
  it("is written in place: renaming a temporary file over it replaced the device with a file (as root, /dev/null for the whole machine)", async () => {
    const text = await throughFifo("md", (p) => writeFileAtomic(p, "# report\n"));
    expect(text).toEqual({ read: "# report\n", stillFifo: true });
    const json = await throughFifo("json", (p) => writeJsonAtomic(p, { schemaVersion: 1, tests: [{ id: "a" }] }));
    expect(json.stillFifo).toBe(true);
    expect(JSON.parse(json.read)).toEqual({ schemaVersion: 1, tests: [{ id: "a" }] });
  });

  it("a regular file is still replaced whole, by rename", async () => {
    const file = path.join(dir, "report.json");
    await writeJsonAtomic(file, { a: 1 });
    const before = statSync(file).ino;
    await writeJsonAtomic(file, { a: 2 });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ a: 2 });
    expect(statSync(file).ino).not.toBe(before);
  });
});
