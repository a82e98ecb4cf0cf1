/**
 * Size limits for what the readers keep. Reports come from CI runs we do not control: a single
 * failure can carry a 50 MB tensor dump and a log can be gigabytes, so everything we retain is
 * capped while it is accumulated (never built in full and cut afterwards).
 *
 * Sizes are in UTF-16 code units (JavaScript string length), which is what memory scales with.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * One-line failure message. The message is shown in tables, annotations and check-run titles;
 * GitHub truncates annotation titles far below this, so 4 KiB only guards against a message
 * attribute that holds a whole dump.
 */
export const MAX_MESSAGE_CHARS = 4 * KiB;

/**
 * Failure text (traceback, assertion details). Seeds and tolerances are usually printed near the
 * top (pytest's assertion) or the bottom (the exception line), so we keep head and tail.
 * 1 MiB fits the deepest real tracebacks we have seen (JVM stack traces with causes run to
 * ~100 KiB) with room to spare.
 */
export const MAX_DETAILS_CHARS = 1 * MiB;

/**
 * Captured output per test (system-out + system-err, captured log). Seed announcements such as
 * "use MXNET_TEST_SEED=N to reproduce" are printed at the start or end of a test's output, so
 * head and tail are what matters; 256 KiB keeps both for chatty tests.
 */
export const MAX_OUTPUT_CHARS = 256 * KiB;

/**
 * Once this much failure text and output has been retained from one file, further failing tests
 * keep only the lean caps below. Without it, a report with 100,000 failing tests each carrying a
 * 1 MiB trace would need ~100 GiB. 4 MiB keeps the full text of the first ~650 failures of
 * bench/gen-junit.mjs's reports (6 KB each) in report order, and reruns (at most
 * --max-failures, 50 by default) take failures in report order, errors and timeouts after the
 * rest (so a report that opens with hundreds of setup errors reruns failures whose text is cut
 * to the lean tier's ends); past it a failure keeps the head
 * and tail of its traceback (the test's frame at the top, the assertion and the failing line at
 * the bottom) and of its output (seed announcements come first or last): 1 KiB and 512
 * characters. Memory then grows by ~1.7 K characters per failure.
 *
 * It was 8 MiB, and the lean tier's 16 MiB, until the whole CLI had to stay under 150 MB on the
 * 500 MB bench report (31,000 failures, 1.6 M testcases): halving both took its peak from
 * 147-150 MB to 141-143 MB (with src/io/heap.ts keeping the heap small). pytest prints the
 * failing line last (`tests/x.py:42: AssertionError`), so the tail keeps it; the generator's
 * tracebacks put random frames and assertion lines in any order, and of the 100 MB report's 6,288
 * failures 978 (all past the 659th) got another frame of their file as their line.
 */
export const MAX_RETAINED_CHARS_PER_FILE = 4 * MiB;
export const LEAN_DETAILS_CHARS = 1 * KiB;
export const LEAN_OUTPUT_CHARS = 512;

/**
 * Past this much retained text (the lean tier holds ~2,400 of the generator's failures), each
 * further failing test keeps only the ends of its traceback and output: the failing line and
 * the exception at the bottom, a seed printed first or last. Those failures are far past any
 * rerun limit and are listed, not diagnosed in depth; what matters is that memory stays nearly
 * flat however many there are: ~450 characters each, against ~1.7 K in the lean tier.
 */
export const MAX_LEAN_RETAINED_CHARS_PER_FILE = 8 * MiB;
export const MINIMAL_DETAILS_CHARS = 256;
export const MINIMAL_OUTPUT_CHARS = 128;

/**
 * Prior attempts kept per test (surefire reruns, pytest-rerunfailures, jest retries). Real
 * rerun counts are single digits; a report repeating one test a million times must not keep a
 * million entries. Past this, further attempts are counted in a warning only.
 */
export const MAX_PRIOR_ATTEMPTS = 100;

/**
 * Warnings per file. A corrupt or binary file can produce one XML error per byte; the first
 * few say what is wrong, the rest only cost memory.
 */
export const MAX_WARNINGS_PER_FILE = 20;

/**
 * XML errors after which the JUnit reader stops reading a file. saxes recovers from most
 * errors, but binary data yields an error (an Error object with a stack) per byte, which makes
 * a 100 MB non-XML file take minutes. A real report with more than 1000 syntax errors is
 * not one we can read meaningfully anyway.
 */
export const MAX_XML_ERRORS = 1000;

/**
 * Elements open at once after which the JUnit reader stops reading a file. Real reports nest
 * suites a few levels deep; every open element costs memory in the parser (14 million unclosed
 * `<a>`, 42 MB of text, took 4 GB and five minutes), so a file nested deeper than this is
 * refused with a warning that says so, keeping the tests read before it.
 */
export const MAX_XML_DEPTH = 1000;

/**
 * Console logs (pytest, unittest) are parsed as one string, so they are read up to this size
 * and the rest is dropped with a warning. 64 MiB holds the console of very long CI jobs; the
 * failure sections we need are normally well inside it.
 */
export const MAX_LOG_BYTES = 64 * MiB;

/**
 * Characters of a JUnit report kept as its head: the root element and the first suite's
 * properties, where runners name themselves (`name="vitest tests"`) or their seed (googletest's
 * `random_seed`, Catch2's and rspec's seed properties); 4 KiB covers them in every real report.
 */
export const REPORT_HEAD_CHARS = 4 * KiB;

/** Bytes read from the start of a file to detect its encoding and kind. */
export const DETECT_HEAD_BYTES = 64 * KiB;

/**
 * Chunk size for streaming reports from disk: large enough to amortise parser calls, and small
 * enough that a chunk's text is an ordinary V8 heap object. Past 128 KiB (V8's largest regular
 * object) every chunk string is a separately mapped large object that lingers until a full GC:
 * streaming 500 MB as latin-1 strings peaked at 113 MB RSS in 1 MiB chunks, 76 MB in 512 KiB,
 * 55 MB in 64 KiB (and ran no slower). 64 KiB of UTF-16 text is still a regular object.
 */
export const READ_CHUNK_BYTES = 64 * KiB;

/**
 * Bytes read from disk per awaited read, then decoded READ_CHUNK_BYTES at a time. Each read is a
 * trip through libuv's thread pool; 64 KiB reads of a 100 MB report were 1,600 of them and
 * ~10% of its reading time.
 */
export const READ_BLOCK_BYTES = 1024 * KiB;

/**
 * A copy of `s` that does not share memory with the string it was sliced from. V8 represents
 * `big.slice(a, b)` (13 characters or more) as a view that keeps all of `big` alive, so a kept
 * 4 KiB message would pin the 50 MB text it came from. Text of one byte per character (nearly
 * all of it) is copied through a Buffer, which gives a string of its own; concatenating and
 * slicing, the way for the rest, gives a view again, of a one-character-longer copy: ~33 bytes
 * more for each of the ~4 strings a failing test keeps (4 MB on the 500 MB bench report).
 * Shorter strings are copies already.
 */
export function detach(s: string): string {
  if (s.length < 13) return s;
  return NON_LATIN1.test(s) ? (" " + s).slice(1) : Buffer.from(s, "latin1").toString("latin1");
}
const NON_LATIN1 = /[^\u0000-\u00ff]/;

/** Index in `s` at or before `i` that does not split a UTF-16 surrogate pair. */
function safeCutEnd(s: string, i: number): number {
  if (i <= 0 || i >= s.length) return Math.max(0, Math.min(i, s.length));
  const c = s.charCodeAt(i - 1);
  return c >= 0xd800 && c <= 0xdbff ? i - 1 : i;
}

/** Index in `s` at or after `i` that does not split a UTF-16 surrogate pair. */
function safeCutStart(s: string, i: number): number {
  if (i <= 0 || i >= s.length) return Math.max(0, Math.min(i, s.length));
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + 1 : i;
}

/**
 * Text that keeps at most `max` characters: the first half and the last half of everything
 * appended, with a marker saying how much was cut in between. Memory stays O(max) whatever
 * is appended, and nothing appended is kept by reference.
 */
export class CappedText {
  private head = "";
  /** Set once text went to the tail, so later text never goes back to the head. */
  private headFull = false;
  private tail: string[] = [];
  private tailLength = 0;
  private total = 0;
  private readonly max: number;
  private readonly headMax: number;

  constructor(max: number) {
    this.max = max;
    this.headMax = Math.ceil(max / 2);
  }

  /** What the tail may keep: the rest of the cap (the head can end one short of headMax). */
  private get tailMax(): number {
    return this.max - this.head.length;
  }

  get length(): number {
    return this.total;
  }

  append(piece: string): void {
    if (piece.length === 0) return;
    this.total += piece.length;
    let s = piece;
    if (!this.headFull) {
      const room = this.headMax - this.head.length;
      if (s.length <= room) {
        this.head += detach(s);
        return;
      }
      const cut = safeCutEnd(s, room);
      this.head += detach(s.slice(0, cut));
      this.headFull = true;
      s = s.slice(cut);
    }
    if (s.length >= this.tailMax) {
      this.tail = [detach(s.slice(safeCutStart(s, s.length - this.tailMax)))];
      this.tailLength = this.tail[0]?.length ?? 0;
      return;
    }
    this.appendTail(s);
  }

  /** Adds a piece shorter than the tail keeps to the tail. */
  private appendTail(s: string): void {
    this.tail.push(detach(s));
    this.tailLength += s.length;
    // Compact only when the tail doubles, so appending many small pieces stays linear.
    if (this.tailLength > 2 * this.tailMax) {
      const joined = this.tail.join("");
      const kept = detach(joined.slice(safeCutStart(joined, joined.length - this.tailMax)));
      this.tail = [kept];
      this.tailLength = kept.length;
    }
  }

  /**
   * Whether appending this many characters would keep little of them: then appendEnds, which
   * asks only for the ends it keeps, spares decoding the rest.
   */
  keepsLittleOf(length: number): boolean {
    return length > 2 * this.max;
  }

  /**
   * append() for a text given by its length and its ends: keeps exactly what append(text) keeps,
   * asking only for the characters it keeps.
   */
  appendEnds(text: { readonly length: number; head(n: number): string; tail(n: number): string }): void {
    const length = text.length;
    if (length === 0) return;
    this.total += length;
    let rest = length;
    if (!this.headFull) {
      const room = this.headMax - this.head.length;
      if (length <= room) {
        this.head += detach(text.head(length));
        return;
      }
      // As safeCutEnd(text, room): not between the halves of a surrogate pair.
      let h = room > 0 ? text.head(room) : "";
      const c = h.charCodeAt(room - 1);
      if (c >= 0xd800 && c <= 0xdbff) h = h.slice(0, room - 1);
      this.head += detach(h);
      this.headFull = true;
      rest = length - h.length;
    }
    if (rest >= this.tailMax) {
      let t = text.tail(this.tailMax);
      // As safeCutStart(rest, rest.length - tailMax), which cuts nothing when that is 0.
      const c = t.charCodeAt(0);
      if (rest > this.tailMax && c >= 0xdc00 && c <= 0xdfff) t = t.slice(1);
      this.tail = [detach(t)];
      this.tailLength = t.length;
      return;
    }
    this.appendTail(text.tail(rest));
  }

  toString(): string {
    let tail = this.tail.join("");
    if (tail.length > this.tailMax) tail = tail.slice(safeCutStart(tail, tail.length - this.tailMax));
    const cut = this.total - this.head.length - tail.length;
    if (cut <= 0) return this.head + tail;
    return `${this.head}\n[... ${cut} characters cut ...]\n${tail}`;
  }
}

/**
 * A first line that only names the exception (`AssertionError:`, as numpy's assert_allclose
 * and MXNet's almost-equal checks begin their messages): alone it says nothing of the failure.
 */
const BARE_EXCEPTION = /^[A-Za-z_][\w.]*:$/;
/**
 * googletest's EXPECT_EQ heading: the values (and "Which is:" what they evaluate to) are on the
 * lines after it, and a message of the heading alone says nothing of what differed.
 */
const GTEST_EQUALITY = "Expected equality of these values:";
/** Lines joined to GTEST_EQUALITY: two expressions, each with its "Which is:". */
const MAX_EQUALITY_LINES = 4;
/** Lines a bare exception line takes after it, while each ends in a colon ("Items are not equal:"). */
const MAX_JOINED_LINES = 3;
/**
 * A first line that only says where (googletest's `tests.cc:54`, `unknown file` for an exception
 * it caught): what failed is on the lines after it. A path has a dot or a slash (`status:404`,
 * `12:30` are not places).
 */
const BARE_LOCATION = /^(?:[^\s:]{0,500}[./][^\s:]{0,500}:\d{1,9}|unknown file)$/;

/**
 * The first non-empty line of `s`, trimmed and capped at `max` characters, as a detached copy:
 * the one-line message. When that line only names the exception (`AssertionError:`), the next
 * non-empty line is joined to it, and the one after while the joined text ends in a colon:
 * "AssertionError: Not equal to tolerance rtol=1e-07, atol=0". A first line that only says where
 * (BARE_LOCATION) gives way to the next, and is the message only when nothing follows it. Scans
 * line by line, so a 50 MB single-line message costs one pass and a 4 KiB copy.
 */
export function firstLine(s: string, max: number): string | undefined {
  let start = 0;
  let head = "";
  let joined = 0;
  let where: string | undefined;
  while (start < s.length) {
    let end = s.indexOf("\n", start);
    if (end < 0) end = s.length;
    // Look at no more than max (plus slack for leading blanks) of a line.
    const line = s.slice(start, Math.min(end, start + max + 256)).trim();
    start = end + 1;
    if (line.length === 0) continue;
    if (head === "" && where === undefined && BARE_LOCATION.test(line)) {
      where = line;
      continue;
    }
    const text = head === "" ? line : `${head} ${line}`;
    if (text.length < max && text.startsWith(GTEST_EQUALITY) && joined < MAX_EQUALITY_LINES) {
      head = text;
      joined++;
      continue;
    }
    if (text.length < max && (head === "" ? BARE_EXCEPTION.test(text) : text.endsWith(":")) && joined < MAX_JOINED_LINES) {
      head = text;
      joined++;
      continue;
    }
    return detach(text.length > max ? text.slice(0, safeCutEnd(text, max)) : text);
  }
  return head !== "" ? detach(head) : where !== undefined ? detach(where) : undefined;
}
