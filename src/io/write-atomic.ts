import { mkdir, open, rename, rm, stat, writeFile, type FileHandle } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import { randomBytes } from "node:crypto";

/**
 * Writes a file so that readers see either the old content or the new, never a torn one:
 * a CI step killed mid-write must not leave a half report that a later step trusts.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  if (await isSpecialFile(path)) {
    await writeFile(path, data, "utf8");
    return;
  }
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data, { encoding: "utf8", flag: "wx" });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Whether the output exists and is no regular file (`--json /dev/null`, `/dev/stdout`, a FIFO):
 * it is written in place, since renaming a file over it replaced the device with that file (as
 * root, /dev/null became a regular file for every process on the machine).
 */
async function isSpecialFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && !info.isFile() && !info.isDirectory();
}

/**
 * Bytes of JSON encoded before one write: few syscalls, into one reused buffer. Gathering a
 * 1 MiB string per write instead made a large string and its UTF-8 copy each time, garbage that
 * waits for a full GC: ~30 MB of the CLI's peak on the 500 MB bench report.
 */
const JSON_WRITE_BUFFER_BYTES = 1 << 20;

/**
 * Array elements stringified per call: big enough that the calls cost nothing, small enough
 * that each batch's text (~1.4 KB a test in a report) stays below V8's large-object size
 * (128 KiB) and dies young.
 */
const JSON_BATCH = 64;

/**
 * `JSON.stringify({ [key]: v }, null, 2)` without its first line (`{`) and last (`}`): the
 * member as it appears, natively indented, inside a top-level object.
 */
function member(key: string, v: unknown): string {
  const text = JSON.stringify({ [key]: v }, null, 2);
  return text.slice(2, text.length - 2);
}

/**
 * The text `JSON.stringify(value, null, 2) + "\n"` in pieces: a top-level object's arrays are
 * stringified a batch of elements at a time, so a report with 50,000 tests never exists as one
 * 70 MB string (plus its UTF-8 copy) in memory. Byte for byte the same text (the indentation
 * is JSON.stringify's own: each batch is stringified under the same key, then unwrapped).
 */
export function* jsonChunks(value: unknown): Generator<string> {
  if (value === null || typeof value !== "object" || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    yield (JSON.stringify(value, null, 2) ?? "undefined") + "\n";
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol",
  );
  if (entries.length === 0) {
    yield "{}\n";
    return;
  }
  yield "{\n";
  for (let k = 0; k < entries.length; k++) {
    const [key, v] = entries[k]!;
    if (Array.isArray(v) && v.length > JSON_BATCH && typeof (v as { toJSON?: unknown }).toJSON !== "function") {
      // `  "key": [\n` + elements at indent 4 + `\n  ]`, a batch at a time.
      const open = `  ${JSON.stringify(key)}: [\n`;
      yield open;
      for (let i = 0; i < v.length; i += JSON_BATCH) {
        const text = member(key, v.slice(i, i + JSON_BATCH));
        // Drop this batch's own `  "key": [\n` and `\n  ]`.
        yield text.slice(open.length, text.length - 4);
        yield i + JSON_BATCH < v.length ? ",\n" : "\n";
      }
      yield "  ]";
    } else {
      yield member(key, v);
    }
    yield k + 1 < entries.length ? ",\n" : "\n";
  }
  yield "}\n";
}

/** `writeFileAtomic(path, JSON.stringify(value, null, 2) + "\n")`, written in pieces. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const special = await isSpecialFile(path);
  const dir = dirname(path);
  if (!special) await mkdir(dir, { recursive: true });
  const tmp = special ? path : join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fh = await open(tmp, special ? "w" : "wx");
    try {
      const buf = Buffer.allocUnsafe(JSON_WRITE_BUFFER_BYTES);
      let used = 0;
      for (const piece of jsonChunks(value)) {
        // UTF-8 takes at most 3 bytes per UTF-16 code unit (a lone surrogate becomes U+FFFD).
        const most = piece.length * 3;
        if (used > 0 && used + most > buf.length) {
          await writeAll(fh, buf, used);
          used = 0;
        }
        if (most > buf.length) await fh.write(piece, null, "utf8");
        else used += buf.write(piece, used, "utf8");
      }
      if (used > 0) await writeAll(fh, buf, used);
    } finally {
      await fh.close();
    }
    if (!special) await rename(tmp, path);
  } catch (err) {
    if (!special) await rm(tmp, { force: true });
    throw err;
  }
}

/** The first `length` bytes of `buf`, however many writes the file system takes for them. */
async function writeAll(fh: FileHandle, buf: Buffer, length: number): Promise<void> {
  for (let done = 0; done < length; ) {
    const { bytesWritten } = await fh.write(buf, done, length - done);
    done += bytesWritten;
  }
}
