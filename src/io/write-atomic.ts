import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import { randomBytes } from "node:crypto";

/**
 * Writes a file so that readers see either the old content or the new, never a torn one:
 * a CI step killed mid-write must not leave a half report that a later step trusts.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
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

/** Bytes of JSON text gathered before one write: few syscalls, and a bounded buffer. */
const JSON_WRITE_CHUNK_CHARS = 1 << 20;

/** Array elements stringified per call: big enough that the calls cost nothing, small enough to stay bounded. */
const JSON_BATCH = 256;

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
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fh = await open(tmp, "wx");
    try {
      let pending = "";
      for (const piece of jsonChunks(value)) {
        pending += piece;
        if (pending.length >= JSON_WRITE_CHUNK_CHARS) {
          await fh.write(pending, null, "utf8");
          pending = "";
        }
      }
      if (pending.length > 0) await fh.write(pending, null, "utf8");
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
