import { isAscii } from "node:buffer";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { errorMessage, UserError } from "../errors.js";
import { releaseReadBuffers, takeReadBuffers } from "./control-scan.js";
import type { ParsedInput } from "../model.js";
import { describeUnknown, detectKind } from "../reports/detect.js";
import { GoJsonReader, parseGoTestLog } from "../reports/go-log.js";
import { parseGtestLog } from "../reports/gtest-log.js";
import { JUnitReader } from "../reports/junit.js";
import { DETECT_HEAD_BYTES, MAX_LOG_BYTES, READ_BLOCK_BYTES, READ_CHUNK_BYTES } from "../reports/limits.js";
import { parsePytestLog } from "../reports/pytest-log.js";
import { parseUnittestLog } from "../reports/unittest-log.js";

/** The text encoding of a file and how many leading bytes (a BOM) to skip. */
interface Encoding {
  label: string;
  skip: number;
}

/**
 * Encoding from the first bytes: a BOM, UTF-16 without BOM (a leading "<" is "<\0" or "\0<"),
 * or an XML declaration naming a single-byte encoding. Everything else is read as
 * UTF-8 with invalid bytes replaced (U+FFFD), never rejected.
 */
export function sniffEncoding(head: Uint8Array): Encoding {
  const [a, b, c, d] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: "utf-8", skip: 3 };
  if (a === 0xff && b === 0xfe) return { label: "utf-16le", skip: 2 };
  if (a === 0xfe && b === 0xff) return { label: "utf-16be", skip: 2 };
  // "<" next to a NUL never starts UTF-8 text; it is UTF-16 without a BOM.
  if (a === 0x3c && b === 0x00 && c !== 0x00) return { label: "utf-16le", skip: 0 };
  if (a === 0x00 && b === 0x3c && d !== 0x00) return { label: "utf-16be", skip: 0 };
  const decl = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    Buffer.from(head.subarray(0, 200)).toString("latin1"),
  );
  const named = decl?.[1]?.toLowerCase();
  if (named !== undefined && /^(?:iso-8859-1|latin-?1|windows-1252|cp1252|us-ascii|ascii)$/.test(named)) {
    return { label: "windows-1252", skip: 0 };
  }
  return { label: "utf-8", skip: 0 };
}

/**
 * A report path that names no readable report file (missing, a directory, a FIFO, unreadable):
 * readInputs reads the others when there are others, and says which it left out.
 */
class UnreadableInput extends UserError {}

/** The input's size in bytes, or a UserError saying why it is not a readable file. */
async function statInput(p: string, abs: string): Promise<number> {
  let info;
  try {
    info = await stat(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new UnreadableInput(`${p}: ${isDynamicPattern(p) ? "no file matches this pattern" : "no such file"}`);
    throw new UnreadableInput(`${p}: cannot be read (${errorMessage(err)})`);
  }
  if (info.isDirectory()) throw new UnreadableInput(`${p}: is a directory, not a report file`);
  if (!info.isFile()) throw new UnreadableInput(`${p}: is not a regular file`);
  return info.size;
}

async function readHead(p: string, abs: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(abs, "r");
    const buf = Buffer.alloc(DETECT_HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } catch (err) {
    throw new UnreadableInput(`${p}: cannot be read (${errorMessage(err)})`);
  } finally {
    await handle?.close();
  }
}

/**
 * Decoded chunks of a file, from past its BOM, at most `maxBytes` bytes. With `cutAfterGt`, a
 * chunk of an ASCII-compatible encoding ends just after its last `>` (when that keeps most of
 * it) and the bytes after it start the next chunk: the XML reader then rarely holds a cut tag
 * back, and so rarely joins two texts (a joined string is slower to read character by
 * character than one decoded in one piece).
 */
async function* decodedChunks(
  abs: string,
  enc: Encoding,
  options: { maxBytes?: number; cutAfterGt?: boolean; onRead?: OnRead } = {},
): AsyncGenerator<Chunk> {
  const decoder = new TextDecoder(enc.label, { fatal: false, ignoreBOM: true });
  // ASCII reads the same in UTF-8 and windows-1252, and latin-1 decoding is a plain copy: several
  // times faster than the decoder's checks on the all-ASCII chunks most reports are made of.
  const asciiCompatible = enc.label === "utf-8" || enc.label === "windows-1252";
  const cut = options.cutAfterGt === true && asciiCompatible;
  // Whether the decoder may hold the start of a UTF-8 sequence cut by the end of the last chunk.
  let pending = false;
  // Two buffers, filled in turn: while the chunks of one block are decoded and read, the next
  // block is already being read from disk into the other. A read is a trip through libuv's
  // thread pool, which otherwise left this thread idle: 150 ms of the 3.2 s that reading the
  // 500 MB bench report took.
  // Both decodings copy out of a buffer, so nothing of the file's bytes outlives its chunk. A
  // buffer's first READ_CHUNK_BYTES hold what the last block left after its last cut (at most
  // half a chunk, see below), so that it goes on in one piece with the block read after it.
  const room = READ_CHUNK_BYTES;
  const taken = takeReadBuffers(room + READ_BLOCK_BYTES);
  const { hasControl } = taken;
  let [buf, next] = taken.buffers;
  const handle = await open(abs, "r").catch((err: unknown) => {
    releaseReadBuffers(taken);
    throw err;
  });
  let reading: Promise<number> | null = null;
  try {
    let position = enc.skip;
    let left = options.maxBytes ?? Number.POSITIVE_INFINITY;
    // Bytes of the file up to the end of the block being parsed: what onRead reports once its
    // chunks are read (the read-ahead is further on).
    let parsedTo = position;
    const readInto = (buf: Buffer): Promise<number> | null => {
      if (left <= 0) return null;
      const length = Math.min(READ_BLOCK_BYTES, left);
      const read = handle.read(buf, room, length, position).then(({ bytesRead }) => {
        position += bytesRead;
        left -= bytesRead;
        return bytesRead;
      });
      // A read that fails while the block before it is still being yielded is reported when
      // awaited, not as an unhandled rejection in the meantime (which ends the process).
      read.catch(() => undefined);
      return read;
    };
    reading = readInto(buf);
    // Bytes after the last cut, just before `room` in the buffer whose turn it is.
    let kept = 0;
    for (;;) {
      const bytesRead = reading === null ? 0 : await reading;
      parsedTo += bytesRead;
      // Whether the file may go on after this block: then its last cut piece waits for the rest.
      const more = bytesRead > 0;
      reading = more ? readInto(next) : null;
      const start = room - kept;
      const n = room + bytesRead;
      if (n === start) break;
      let pos = start;
      while (pos < n) {
        let end = Math.min(pos + READ_CHUNK_BYTES, n);
        const last = end === n;
        if (cut && (!last || more)) {
          const gt = buf.lastIndexOf(0x3e, end - 1);
          if (gt >= pos && gt + 1 - pos >= (end - pos) / 2) end = gt + 1;
        }
        const chunk = buf.subarray(pos, end);
        if (asciiCompatible && !pending && isAscii(chunk)) {
          yield { text: chunk.toString("latin1"), controlFree: hasControl !== null && !hasControl(chunk) };
        } else {
          const text = decoder.decode(chunk, { stream: true });
          pending = (chunk[chunk.length - 1] ?? 0) >= 0x80;
          if (text.length > 0) yield { text, controlFree: false };
        }
        pos = end;
        if (last) break;
      }
      if (more) options.onRead?.(parsedTo);
      // The last block of a file is not cut: it has all been yielded.
      if (!more) break;
      kept = n - pos;
      // A cut keeps at most half a chunk (the rest of the block is yielded), so it fits.
      buf.copy(next, room - kept, pos, n);
      [buf, next] = [next, buf];
    }
  } finally {
    // A consumer that stops early (an error) must not leave a read writing into a closed file.
    await reading?.catch(() => 0);
    await handle.close();
    releaseReadBuffers(taken);
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield { text: rest, controlFree: false };
}

/** A piece of a decoded file. */
interface Chunk {
  text: string;
  /** Known to hold no character XML forbids (see control-scan.ts); false when not known. */
  controlFree: boolean;
}

/** Called after each block read from a file with the bytes read from it so far. */
type OnRead = (bytesRead: number) => void;

/** The OnRead of one report, given how many of its bytes there are to read. */
type Progress = (bytesTotal: number) => OnRead;

/** How far the reading of one report has got. */
export interface ReadProgress {
  path: string;
  bytesRead: number;
  /** The file's size when reading began. */
  bytesTotal: number;
}

export interface ReadOptions {
  cwd: string;
  /** Called after each block (1 MiB) read: a 500 MB report takes seconds to read. */
  onProgress?: (ev: ReadProgress) => void;
  /** Called as each report is read, before the next one is: many shards take a while too. */
  onRead?: (input: ParsedInput) => void;
  /** JUnit testcases repeating an id are tests of their own, not attempts (JUnitReader). */
  repeatsAreTests?: boolean;
}

/** go test -json streams like JUnit: passing tests' events are read and let go. */
async function readGoJson(p: string, abs: string, enc: Encoding, onRead?: OnRead): Promise<ParsedInput> {
  const reader = new GoJsonReader(p);
  for await (const { text } of decodedChunks(abs, enc, onRead ? { onRead } : {})) reader.write(text);
  return reader.end();
}

async function readJUnit(p: string, abs: string, enc: Encoding, onRead: OnRead | undefined, repeatsAreTests: boolean): Promise<ParsedInput> {
  const reader = new JUnitReader(p, { repeatsAreTests });
  for await (const { text, controlFree } of decodedChunks(abs, enc, { cutAfterGt: true, ...(onRead ? { onRead } : {}) })) {
    reader.write(text, controlFree);
  }
  return reader.end();
}

/**
 * A console log read as one string (the log parsers need it whole), up to MAX_LOG_BYTES, and
 * given to its parser; a warning says when the rest was not read.
 */
async function readLog(
  p: string,
  abs: string,
  enc: Encoding,
  size: number,
  parse: (text: string, path: string) => ParsedInput,
  progress?: Progress,
): Promise<ParsedInput> {
  // Read up to MAX_LOG_BYTES: that is all there is to read of it.
  const onRead = progress?.(Math.min(size, enc.skip + MAX_LOG_BYTES));
  const parts: string[] = [];
  for await (const { text } of decodedChunks(abs, enc, { maxBytes: MAX_LOG_BYTES, ...(onRead ? { onRead } : {}) })) parts.push(text);
  const parsed = parse(parts.join(""), p);
  if (size - enc.skip <= MAX_LOG_BYTES) return parsed;
  const cut = `${p}: only the first ${MAX_LOG_BYTES / (1024 * 1024)} MiB of this ${size}-byte log were read`;
  return { ...parsed, warnings: [cut, ...parsed.warnings] };
}

/** Reads one report from disk into the reader its content calls for. */
export async function readInput(p: string, cwd: string, onProgress?: (ev: ReadProgress) => void, repeatsAreTests = false): Promise<ParsedInput> {
  const abs = path.resolve(cwd, p);
  const size = await statInput(p, abs);
  const headBytes = await readHead(p, abs);
  const enc = sniffEncoding(headBytes);
  const head = new TextDecoder(enc.label, { fatal: false, ignoreBOM: true }).decode(headBytes.subarray(enc.skip));
  if (head.trim().length === 0 && headBytes.length < DETECT_HEAD_BYTES) {
    return {
      path: p,
      kind: "unknown",
      tests: [],
      counts: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
      warnings: [`${p}: empty file, no tests read`],
    };
  }
  const kind = detectKind(head);
  const progress: Progress | undefined = onProgress && ((bytesTotal) => (bytesRead) => onProgress({ path: p, bytesRead, bytesTotal }));
  try {
    switch (kind) {
      case "junit":
        return await readJUnit(p, abs, enc, progress?.(size), repeatsAreTests);
      case "pytest-log":
        return await readLog(p, abs, enc, size, parsePytestLog, progress);
      case "unittest-log":
        return await readLog(p, abs, enc, size, parseUnittestLog, progress);
      case "go-test-json":
        return await readGoJson(p, abs, enc, progress?.(size));
      case "go-test-log":
        return await readLog(p, abs, enc, size, parseGoTestLog, progress);
      case "gtest-log":
        return await readLog(p, abs, enc, size, parseGtestLog, progress);
      case "unknown": {
        const what = describeUnknown(head);
        const why = `${p}: not a JUnit XML report, a pytest, unittest, go test or googletest console log, or go test -json output: ${what}`;
        // A console log of a runner whose log is not read (googletest's, RSpec's) next to its XML
        // is a warning, as a missing file is; what may be a report gone wrong (an .xml file,
        // XML, binary data, a run's failure summary) stays an error, as does any file alone.
        if (mayBeReport(p, head, what)) throw new UserError(why);
        throw new UnreadableInput(why);
      }
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    // A file that disappears or becomes unreadable mid-read (rotated CI logs, NFS).
    throw new UserError(`${p}: cannot be read (${errorMessage(err)})`);
  }
}

/**
 * Whether a file in none of the formats read may be a report gone wrong rather than another
 * runner's console log: named .xml, XML, binary (compressed, cut; `what` is describeUnknown's
 * word for it), or a text with a run's failure summary (`3 failed`, `FAILED`, `--- FAIL`),
 * whose failures would go uncounted.
 */
function mayBeReport(p: string, head: string, what: string): boolean {
  if (/\.xml$/i.test(p) || /^\s*</.test(head)) return true;
  if (what !== "it is text in none of these formats") return true;
  return /\b\d+ failed\b|^FAILED\b|^--- FAIL\b/m.test(head);
}

/**
 * How a report is named in what we write: its path from the project root when it lies inside
 * (`reports/pytest.log`), else its absolute path. Reports are read relative to the root.
 */
export function fromProject(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return rel === "" || path.isAbsolute(rel) || rel.split(path.sep)[0] === ".." ? abs : rel;
}

/**
 * Reads every report, in order; the first unusable one stops with a UserError naming it. A path
 * that names no file, or a file in none of the formats read, is the exception when other reports
 * are given: a test run that crashed writes no JUnit report, and its console log is then the
 * evidence; a console log of a runner whose log is not read comes with its XML. It becomes an
 * input with a warning; only when no path names a usable file is it an error.
 */
export async function readInputs(paths: string[], opts: ReadOptions): Promise<ParsedInput[]> {
  const out: ParsedInput[] = [];
  let missing: UnreadableInput | null = null;
  let found = 0;
  for (const p of paths) {
    let input: ParsedInput;
    try {
      input = await readInput(p, opts.cwd, opts.onProgress, opts.repeatsAreTests === true);
      found++;
    } catch (err) {
      if (!(err instanceof UnreadableInput) || paths.length === 1) throw err;
      missing ??= err;
      input = {
        path: p,
        kind: "unknown",
        tests: [],
        counts: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
        warnings: [`${err.message}; the other reports were read without it`],
      };
    }
    opts.onRead?.(input);
    out.push(input);
  }
  if (missing !== null && found === 0) throw missing;
  return out;
}

/**
 * Expands report arguments. A path that exists is kept as given, even if it contains glob
 * characters (a file named `results[1].xml`); a pattern is expanded to absolute paths, so the
 * result does not depend on which directory the reports are later read relative to. A pattern
 * that matches nothing is an error with `unmatched: "error"` (a typo should not look like "no
 * failing tests"); with "keep" it stays in the list as given, so that readInputs treats it like
 * a missing file: a warning when other reports are read (a crashed run writes no JUnit report,
 * and its log is the evidence), an error when none is.
 */
export async function expandGlobs(patterns: string[], cwd: string, unmatched: "error" | "keep" = "error"): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (const pattern of patterns) {
    const exists = await stat(path.resolve(cwd, pattern)).then(
      () => true,
      () => false,
    );
    if (exists || !isDynamicPattern(pattern)) {
      add(pattern); // a missing literal path is reported by readInputs as "no such file"
      continue;
    }
    const matches = await glob(pattern, {
      cwd,
      absolute: true,
      onlyFiles: true,
      expandDirectories: false,
      dot: true,
    });
    if (matches.length === 0) {
      if (unmatched === "error") throw new UserError(`${pattern}: no file matches this pattern`);
      add(pattern);
    }
    for (const m of matches.sort()) add(m);
  }
  return out;
}
