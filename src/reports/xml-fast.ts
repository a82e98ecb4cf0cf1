/**
 * The pieces of XML that JUnitReader's fast path reads itself instead of saxes (see the fast-path
 * comment in junit.ts): start tags and character data, each accepted only when it is exactly what
 * saxes would read without an error, so that anything else can go to saxes and be reported as
 * saxes reports it. Pure string functions; no parser state.
 *
 * Speed comes from never looking at a character in JavaScript when a native search can: every
 * check ("is there a `&`, a `]]>` before the next tag?") is a lookup in a NextIndex, which
 * remembers where the next occurrence is, so checking all the pieces of a chunk costs one native
 * scan of the chunk per kind of character, not one per piece. Characters XML forbids are looked
 * for with a SpanIndex, which searches only the pieces asked about: their pattern is the
 * slowest search, and runs of passing testcases are matched by a pattern that rules them out.
 * Most chunks are not searched at all: the reader knows from its bytes (io/control-scan.ts) that
 * they hold none, and says so to ChunkIndex.
 */

/** Where the next occurrence of a string is in one text, remembered between questions. */
export class NextIndex {
  /** Index of the first occurrence at or after `from` (text.length if none), valid while asked past `from`. */
  private found = -1;
  private from = 0;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** Index of the first occurrence at or after `from`, or text.length when there is none. */
  at(from: number): number {
    if (from >= this.from && from <= this.found) return this.found;
    const i = this.text.indexOf(this.needle, from);
    this.from = from;
    this.found = i < 0 ? this.text.length : i;
    return this.found;
  }
}

/**
 * Whether a pattern occurs in spans of one text, asked in any order. Unlike a NextIndex, which
 * searches on to the next occurrence (to the end of the text when there is none), it searches
 * only the span asked about and a window past it: text that is never asked about, such as the
 * runs of passing testcases countRun matches with a pattern of its own, is never searched.
 */
export class SpanIndex implements SpanSearch {
  /** The first occurrence in text[scannedFrom, scannedTo), or -1 when there is none. */
  private found = -1;
  private scannedFrom = 0;
  private scannedTo = 0;

  /** `pattern` is shared between texts: `search` neither reads nor leaves its lastIndex. */
  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
  ) {}

  /** Whether the pattern occurs in text[from, to). */
  in(from: number, to: number): boolean {
    const known = from >= this.scannedFrom && to <= this.scannedTo && (this.found < 0 || this.found >= from);
    if (!known) {
      const end = Math.min(this.text.length, Math.max(to, from + SPAN_WINDOW));
      const at = this.text.slice(from, end).search(this.pattern);
      this.scannedFrom = from;
      this.scannedTo = end;
      this.found = at < 0 ? -1 : from + at;
    }
    return this.found >= 0 && this.found < to;
  }
}

/** Whether something occurs in spans of one text. */
interface SpanSearch {
  in(from: number, to: number): boolean;
}

/** The SpanSearch of a text known to hold no occurrence. */
const NONE: SpanSearch = { in: () => false };

/** How far past the span asked about a SpanIndex searches, so that nearby questions cost nothing. */
const SPAN_WINDOW = 4096;

/**
 * Characters that need a closer look: those XML 1.0 forbids (C0 controls but tab, line feed and
 * carriage return; U+FFFE, U+FFFF) and surrogates, which are allowed only in pairs.
 */
const SPECIAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** The searches over one chunk of text that the fast path asks. */
export class ChunkIndex {
  readonly lt: NextIndex;
  readonly amp: NextIndex;
  readonly cr: NextIndex;
  readonly special: SpanSearch;
  readonly cdataEnd: NextIndex;
  readonly dquote: NextIndex;
  readonly squote: NextIndex;
  /** Line feeds and tabs: with `cr`, what attribute values turn into spaces. */
  readonly lf: NextIndex;
  readonly tab: NextIndex;
  /**
   * Line ends, for countLineEnds only. A NextIndex answers fast only when asked about positions
   * in increasing order; line counting lags behind the scan, so it has its own.
   */
  readonly lineCR: NextIndex;
  readonly lineLF: NextIndex;

  /** `controlFree`: the text is known to hold nothing SPECIAL matches, and is not searched for it. */
  constructor(
    readonly text: string,
    readonly controlFree = false,
  ) {
    this.lt = new NextIndex(text, "<");
    this.amp = new NextIndex(text, "&");
    this.cr = new NextIndex(text, "\r");
    this.special = controlFree ? NONE : new SpanIndex(text, SPECIAL);
    this.cdataEnd = new NextIndex(text, "]]>");
    this.dquote = new NextIndex(text, '"');
    this.squote = new NextIndex(text, "'");
    this.lf = new NextIndex(text, "\n");
    this.tab = new NextIndex(text, "\t");
    this.lineCR = new NextIndex(text, "\r");
    this.lineLF = new NextIndex(text, "\n");
  }
}

/** Line ends in text[from, to) as saxes counts them: CR LF once, a lone CR or LF once each. */
export function countLineEnds(ix: ChunkIndex, from: number, to: number): number {
  const s = ix.text;
  let n = 0;
  if (ix.lineCR.at(from) >= to) {
    for (let i = ix.lineLF.at(from); i < to; i = ix.lineLF.at(i + 1)) n++;
    return n;
  }
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) n++;
    else if (c === 0x0d && s.charCodeAt(i + 1) !== 0x0a) n++;
  }
  return n;
}

/** The text of the reference between `&` and `;` at s[from, to), or undefined if saxes would report it. */
function referenceAt(s: string, from: number, to: number): string | undefined {
  const n = to - from;
  const c = s.charCodeAt(from);
  if (c !== 0x23) {
    // The five predefined entities, without slicing their names out.
    if (n === 2 && s.charCodeAt(from + 1) === 0x74) return c === 0x6c ? "<" : c === 0x67 ? ">" : undefined;
    if (n === 3 && s.startsWith("amp", from)) return "&";
    if (n === 4 && s.startsWith("quot", from)) return '"';
    if (n === 4 && s.startsWith("apos", from)) return "'";
    return undefined;
  }
  const hex = s.charCodeAt(from + 1) === 0x78;
  const digits = n - (hex ? 2 : 1);
  if (digits < 1 || digits > (hex ? 6 : 7)) return undefined;
  let v = 0;
  for (let i = to - digits; i < to; i++) {
    const d = s.charCodeAt(i);
    if (d >= 0x30 && d <= 0x39) v = v * (hex ? 16 : 10) + (d - 0x30);
    else if (hex && ((d >= 0x61 && d <= 0x66) || (d >= 0x41 && d <= 0x46))) v = v * 16 + ((d | 0x20) - 0x57);
    else return undefined;
  }
  const isChar =
    v === 0x9 || v === 0xa || v === 0xd || (v >= 0x20 && v <= 0xd7ff) || (v >= 0xe000 && v <= 0xfffd) || (v >= 0x10000 && v <= 0x10ffff);
  return isChar ? String.fromCodePoint(v) : undefined;
}

/** `s` with its references decoded, or undefined if one of them is not what saxes accepts. */
export function decodeReferences(s: string): string | undefined {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) return undefined;
    const v = referenceAt(s, amp + 1, semi);
    if (v === undefined) return undefined;
    out += s.slice(from, amp) + v;
    from = semi + 1;
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

/** What follows a `&` when it starts a reference at all (known or not): `#digits;`, `#xhex;`, `name;`. */
const REFERENCE_SYNTAX = /#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_:][A-Za-z0-9_:.-]*;/y;

/**
 * `s` with its references decoded and every `&` that starts no reference kept as a literal `&`
 * (a report writer that forgot to escape it: `assert a && b`, `?x=1&y=2`). XML readers take
 * such a `&` for the start of an entity name that runs to the next `;`, swallowing the rest of
 * the file; here it costs one character. Undefined for a reference saxes would report (an
 * unknown entity, a character XML does not allow): saxes reads those and says so.
 */
export function decodeReferencesLenient(s: string): { text: string; bare: number } | undefined {
  let amp = s.indexOf("&");
  if (amp < 0) return { text: s, bare: 0 };
  let out = "";
  let from = 0;
  let bare = 0;
  while (amp >= 0) {
    REFERENCE_SYNTAX.lastIndex = amp + 1;
    if (!REFERENCE_SYNTAX.test(s)) {
      bare++;
      amp = s.indexOf("&", amp + 1);
      continue;
    }
    const semi = REFERENCE_SYNTAX.lastIndex - 1;
    const v = referenceAt(s, amp + 1, semi);
    if (v === undefined) return undefined;
    out += s.slice(from, amp) + v;
    from = semi + 1;
    amp = s.indexOf("&", from);
  }
  return { text: out + s.slice(from), bare };
}

/**
 * readCharData for text whose only fault is an `&` that starts no reference: such a `&` is
 * kept as a literal (decodeReferencesLenient), and `bare` says how many there were. Undefined
 * for anything else saxes would report.
 */
export function readCharDataLenient(ix: ChunkIndex, from: number, to: number): { text: string; bare: number } | undefined {
  const out = checkedCharData(ix, from, to);
  return out === undefined ? undefined : decodeReferencesLenient(out);
}

/**
 * Character data s[from, to) for saxes with every `&` that certainly starts no reference written
 * as `&amp;`. A `&` whose reference may go on past `to` (only name characters after it) is left
 * as it is: the text after `to` decides. Null when there is nothing to repair.
 */
export function escapeBareAmpersands(s: string, from: number, to: number): { text: string; bare: number } | null {
  let amp = s.indexOf("&", from);
  if (amp < 0 || amp >= to) return null;
  let out = "";
  let last = from;
  let bare = 0;
  while (amp >= 0 && amp < to) {
    REFERENCE_SYNTAX.lastIndex = amp + 1;
    const isReference = REFERENCE_SYNTAX.test(s) && REFERENCE_SYNTAX.lastIndex <= to;
    if (!isReference && !/^#?x?[A-Za-z0-9_:.-]*$/.test(s.slice(amp + 1, to))) {
      out += s.slice(last, amp) + "&amp;";
      last = amp + 1;
      bare++;
    }
    amp = s.indexOf("&", amp + 1);
  }
  return bare === 0 ? null : { text: out + s.slice(last, to), bare };
}

/**
 * Character data text[from, to) (ending before a `<`) as saxes hands it on: line ends normalised,
 * references decoded. Undefined for anything saxes would report (characters XML does not allow,
 * a lone surrogate, an unknown entity, `]]>`), so that saxes reads it and reports it.
 */
export function readCharData(ix: ChunkIndex, from: number, to: number): string | undefined {
  const out = checkedCharData(ix, from, to);
  if (out === undefined || ix.amp.at(from) >= to) return out;
  return decodeReferences(out);
}

/** A text known by its length, whose ends are decoded when asked for (see readCharDataEnds). */
export interface DecodedEnds {
  readonly length: number;
  /** The first n characters (n <= length). */
  head(n: number): string;
  /** The last n characters (n <= length). */
  tail(n: number): string;
}

/**
 * readCharData for a reader that keeps only the ends of long text: the same checks (undefined
 * for anything saxes would report), the decoded length counted without building the text, and
 * its first or last characters decoded on demand. Past the first failures, a report's failures
 * keep 1 KiB or less of each traceback: decoding all of it was a tenth of reading the bench's
 * 500 MB report.
 */
export function readCharDataEnds(ix: ChunkIndex, from: number, to: number): DecodedEnds | undefined {
  const s = ix.text;
  if (!charsValid(ix, from, to)) return undefined;
  let length = to - from;
  for (let amp = ix.amp.at(from); amp < to; ) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi >= to) return undefined;
    const v = referenceAt(s, amp + 1, semi);
    if (v === undefined) return undefined;
    length -= semi + 1 - amp - v.length;
    amp = ix.amp.at(semi + 1);
  }
  const cr = ix.cr.at(from) < to;
  // CR LF reads as one line feed (`to` is a `<`, so a CR before it is alone).
  if (cr) for (let i = ix.cr.at(from); i < to; i = ix.cr.at(i + 1)) if (s.charCodeAt(i + 1) === 0x0a) length--;
  // A slice that cuts no reference decodes to a piece of the whole: a cut CR LF reads as the
  // line feed it is a part of, a cut surrogate pair as the same half.
  const decoded = (a: number, b: number): string => {
    const raw = s.slice(a, b);
    return decodeReferences(cr ? raw.replace(/\r\n?/g, "\n") : raw) ?? "";
  };
  return {
    length,
    head(n) {
      let k = Math.min(to, from + n);
      for (;;) {
        k = referenceEnd(s, from, k);
        const d = decoded(from, k);
        if (d.length >= n || k >= to) return d.slice(0, n);
        k = Math.min(to, k + (n - d.length));
      }
    },
    tail(n) {
      let j = Math.max(from, to - n);
      for (;;) {
        j = referenceStart(s, from, j);
        const d = decoded(j, to);
        if (d.length >= n || j <= from) return d.slice(Math.max(0, d.length - n));
        j = Math.max(from, j - (n - d.length));
      }
    },
  };
}

/** Longest reference the checks above let through: `&#x10FFFF;`, `&#1114111;`. */
const MAX_REFERENCE_CHARS = 10;

/** Where a reference that position i cuts begins (i itself when it cuts none). */
function referenceStart(s: string, from: number, i: number): number {
  for (let j = i - 1; j >= from && j > i - MAX_REFERENCE_CHARS; j--) {
    const c = s.charCodeAt(j);
    if (c === 0x3b) return i;
    if (c === 0x26) return j;
  }
  return i;
}

/** Where a reference that position i cuts ends (i itself when it cuts none). */
function referenceEnd(s: string, from: number, i: number): number {
  const start = referenceStart(s, from, i);
  return start === i ? i : s.indexOf(";", start) + 1;
}

/**
 * text[from, to) with line ends normalised, references not yet decoded; undefined when it holds
 * a character XML does not allow, a lone surrogate or `]]>`.
 */
function checkedCharData(ix: ChunkIndex, from: number, to: number): string | undefined {
  const s = ix.text;
  if (!charsValid(ix, from, to)) return undefined;
  const out = s.slice(from, to);
  return ix.cr.at(from) < to ? out.replace(/\r\n?/g, "\n") : out;
}

/**
 * Whether saxes reads character data text[from, to) without an error, for text nobody keeps
 * (whitespace between elements): readCharData's checks without building the text.
 */
export function charDataValid(ix: ChunkIndex, from: number, to: number): boolean {
  if (!charsValid(ix, from, to)) return false;
  return ix.amp.at(from) >= to || decodeReferences(ix.text.slice(from, to)) !== undefined;
}

/**
 * Whether character data text[from, to) holds only characters XML 1.0 allows and no `]]>`: the
 * checks every reading of character data makes before its references.
 */
function charsValid(ix: ChunkIndex, from: number, to: number): boolean {
  if (ix.special.in(from, to) && !allowedSpecials(ix.text, from, to)) return false;
  // `]]>` is only an error when all of it is character data; its `>` must come before `to`.
  return ix.cdataEnd.at(from) + 2 >= to;
}

/** Whether text[from, to) holds only characters XML 1.0 allows (surrogates only in pairs). */
function allowedSpecials(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0xe000 && c <= 0xfffd)) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff && i + 1 < to) {
        i++;
        continue;
      }
    }
    return false;
  }
  return true;
}

/** What the readers return instead of an index. */
export const Tag = {
  /** Not something the fast path reads: saxes reads it. */
  No: -1,
  /** Cut by the end of the text: decide when more text has come. */
  Incomplete: -2,
} as const;

/** More attributes than this on one tag: leave it to saxes. */
const MAX_FAST_ATTRIBUTES = 32;

/** A start tag as readStartTag found it. Reused between calls: read before the next one. */
export interface StartTag {
  /** Index just past its `>`. */
  end: number;
  /** Where its name is in the text (names are not sliced out until needed). */
  nameStart: number;
  nameEnd: number;
  selfClosing: boolean;
  count: number;
  /** Per attribute, where its name and its raw value (without quotes) are in the text. */
  names: number[];
  nameEnds: number[];
  starts: number[];
  ends: number[];
  /** Per value: VALUE_BLANK and VALUE_REFERENCE when it holds a tab/line end or a `&`. */
  flags: number[];
  /** Whether no value holds either, so values are the raw text. */
  plain: boolean;
  /** The attribute names the caller asked for, and the index of each in this tag (-1: absent). */
  readonly wanted: readonly string[];
  found: number[];
  /** Each wanted name's length and first character, to rule names out without comparing them. */
  readonly wantedLengths: readonly number[];
  readonly wantedFirsts: readonly number[];
}

const VALUE_BLANK = 1;
const VALUE_REFERENCE = 2;

/** A StartTag to read tags into; `wanted` names attributes whose index readStartTag notes. */
export function newStartTag(wanted: readonly string[] = []): StartTag {
  return {
    end: 0,
    nameStart: 0,
    nameEnd: 0,
    selfClosing: false,
    count: 0,
    names: [],
    nameEnds: [],
    starts: [],
    ends: [],
    flags: [],
    plain: true,
    wanted,
    found: wanted.map(() => -1),
    wantedLengths: wanted.map((w) => w.length),
    wantedFirsts: wanted.map((w) => w.charCodeAt(0)),
  };
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x3a;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Whether s[a, a + n) and s[b, b + n) hold the same characters. */
function sameRange(s: string, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

/**
 * Reads the start tag at `lt` (which holds `<`) strictly: an ASCII name, attributes with ASCII
 * names, quoted values without `<` or characters XML forbids, no duplicates, whitespace between
 * attributes. Only what saxes reads without an error (references are checked when decoded).
 * Returns the index past its `>` with the tag in `out`, or Tag.No / Tag.Incomplete when the text
 * ends before `limit` does.
 */
export function readStartTag(ix: ChunkIndex, lt: number, limit: number, out: StartTag): number {
  const s = ix.text;
  const end = Math.min(s.length, limit);
  const incomplete = end === s.length ? Tag.Incomplete : Tag.No;
  let i = lt + 1;
  if (i >= end) return incomplete;
  if (!isNameStart(s.charCodeAt(i))) return Tag.No;
  i++;
  while (i < end && isNameChar(s.charCodeAt(i))) i++;
  if (i >= end) return incomplete;
  out.nameStart = lt + 1;
  out.nameEnd = i;
  out.count = 0;
  out.selfClosing = false;
  const wanted = out.wanted;
  for (let w = 0; w < wanted.length; w++) out.found[w] = -1;
  for (;;) {
    const before = i;
    while (i < end && isBlank(s.charCodeAt(i))) i++;
    if (i >= end) return incomplete;
    let c = s.charCodeAt(i);
    if (c === 0x3e || c === 0x2f) {
      if (c === 0x2f) {
        if (i + 1 >= end) return incomplete;
        if (s.charCodeAt(i + 1) !== 0x3e) return Tag.No;
        out.selfClosing = true;
        i++;
      }
      out.end = i + 1;
      return checkValues(ix, lt, out);
    }
    // saxes wants whitespace before each attribute.
    if (i === before || !isNameStart(c) || out.count >= MAX_FAST_ATTRIBUTES) return Tag.No;
    const nameStart = i;
    i++;
    while (i < end && isNameChar(s.charCodeAt(i))) i++;
    if (i >= end) return incomplete;
    const n = i - nameStart;
    for (let k = 0; k < out.count; k++) {
      const other = out.names[k] ?? 0;
      if ((out.nameEnds[k] ?? 0) - other === n && sameRange(s, other, nameStart, n)) return Tag.No;
    }
    const first = s.charCodeAt(nameStart);
    for (let w = 0; w < wanted.length; w++) {
      if (out.wantedLengths[w] === n && out.wantedFirsts[w] === first && s.startsWith(wanted[w] ?? "", nameStart)) out.found[w] = out.count;
    }
    while (i < end && isBlank(s.charCodeAt(i))) i++;
    if (i >= end) return incomplete;
    if (s.charCodeAt(i) !== 0x3d) return Tag.No;
    i++;
    while (i < end && isBlank(s.charCodeAt(i))) i++;
    if (i >= end) return incomplete;
    c = s.charCodeAt(i);
    if (c !== 0x22 && c !== 0x27) return Tag.No;
    const valueStart = i + 1;
    const close = (c === 0x22 ? ix.dquote : ix.squote).at(valueStart);
    if (close >= end) return incomplete;
    out.names[out.count] = nameStart;
    out.nameEnds[out.count] = nameStart + n;
    out.starts[out.count] = valueStart;
    out.ends[out.count] = close;
    out.count++;
    i = close + 1;
    if (i >= end) return incomplete;
    c = s.charCodeAt(i);
    if (!isBlank(c) && c !== 0x2f && c !== 0x3e) return Tag.No;
  }
}

/**
 * The checks on a tag's values, made once for the whole tag: outside its values a tag that
 * parsed holds only names, `=`, quotes and blanks, so a `<` or a character XML forbids anywhere
 * in it is in a value, and values need decoding only if the tag holds a `&` or a tab/line end
 * at all (then each value is looked at). Returns the tag's end, or Tag.No.
 */
function checkValues(ix: ChunkIndex, lt: number, out: StartTag): number {
  const end = out.end;
  if (ix.lt.at(lt + 1) < end || ix.special.in(lt, end)) return Tag.No;
  out.plain = ix.amp.at(lt) >= end && ix.lf.at(lt) >= end && ix.cr.at(lt) >= end && ix.tab.at(lt) >= end;
  if (out.plain) return end;
  // Values come in increasing order, so each question is one cached native search, not a look
  // at every character of a multi-KB failure message.
  for (let k = 0; k < out.count; k++) {
    const from = out.starts[k] ?? 0;
    const to = out.ends[k] ?? 0;
    let flags = ix.amp.at(from) < to ? VALUE_REFERENCE : 0;
    if (ix.lf.at(from) < to || ix.cr.at(from) < to || ix.tab.at(from) < to) flags |= VALUE_BLANK;
    out.flags[k] = flags;
  }
  return end;
}

/**
 * The attributes of a start tag written the common way (one space before each name, `name="`),
 * in order, and how it ends: learnt from one tag read in full, to read the next
 * tags written like it. Reporters write every testcase with the same attributes, so checking a
 * tag against its predecessor's shape is one native comparison per attribute instead of a look
 * at each character of every name, and needs no duplicate check (the names are the learnt ones).
 */
export interface TagShape {
  /** `<` and the tag's name. */
  readonly open: string;
  /** Per attribute, ` name="`. */
  readonly prefixes: readonly string[];
  /** What follows the last value: blanks, then `>` or `/>`. */
  readonly close: string;
  readonly selfClosing: boolean;
  /** StartTag.found for these names. */
  readonly found: readonly number[];
  /** The shape's text (open, prefixes, close): two shapes with the same key read the same tags. */
  readonly key: string;
}

/** The shape of a tag readStartTag has just read, or null when it is not written the common way. */
export function shapeOf(ix: ChunkIndex, tag: StartTag): TagShape | null {
  const s = ix.text;
  const prefixes: string[] = [];
  let from = tag.nameEnd;
  for (let k = 0; k < tag.count; k++) {
    const start = tag.starts[k] ?? 0;
    const prefix = s.slice(from, start);
    if (prefix !== ` ${attributeName(ix, tag, k)}="`) return null;
    prefixes.push(prefix);
    from = (tag.ends[k] ?? 0) + 1;
  }
  // What is left is blanks and the `>` or `/>` readStartTag has checked.
  const open = s.slice(tag.nameStart - 1, tag.nameEnd);
  const close = s.slice(from, tag.end);
  return { open, prefixes, close, selfClosing: tag.selfClosing, found: [...tag.found], key: `${open}${prefixes.join("")}${close}` };
}

/**
 * Reads the start tag at `lt` when it is written in `shape`, as readStartTag would read it.
 * Returns the index past its `>` with the tag in `out`, or Tag.No for anything else (then
 * readStartTag decides, also whether the tag is cut by the end of the text).
 */
export function readShapedTag(ix: ChunkIndex, lt: number, limit: number, shape: TagShape, out: StartTag): number {
  const s = ix.text;
  if (!s.startsWith(shape.open, lt)) return Tag.No;
  const end = Math.min(s.length, limit);
  let i = lt + shape.open.length;
  const prefixes = shape.prefixes;
  for (let k = 0; k < prefixes.length; k++) {
    const prefix = prefixes[k] as string;
    // A loop, not startsWith: for these few characters the call costs more than comparing.
    for (let j = 0; j < prefix.length; j++) if (s.charCodeAt(i + j) !== prefix.charCodeAt(j)) return Tag.No;
    const valueStart = i + prefix.length;
    const close = ix.dquote.at(valueStart);
    if (close >= end) return Tag.No;
    out.names[k] = i + 1;
    out.nameEnds[k] = valueStart - 2;
    out.starts[k] = valueStart;
    out.ends[k] = close;
    i = close + 1;
  }
  if (!s.startsWith(shape.close, i)) return Tag.No;
  out.selfClosing = shape.selfClosing;
  out.end = i + shape.close.length;
  if (out.end > end) return Tag.No;
  out.nameStart = lt + 1;
  out.nameEnd = lt + shape.open.length;
  out.count = prefixes.length;
  for (let w = 0; w < shape.found.length; w++) out.found[w] = shape.found[w] ?? -1;
  return checkValues(ix, lt, out);
}

/** Whether the tag's name is `name`. */
export function tagIs(ix: ChunkIndex, tag: StartTag, name: string): boolean {
  return tag.nameEnd - tag.nameStart === name.length && ix.text.startsWith(name, tag.nameStart);
}

export function tagName(ix: ChunkIndex, tag: StartTag): string {
  return ix.text.slice(tag.nameStart, tag.nameEnd);
}

export function attributeName(ix: ChunkIndex, tag: StartTag, k: number): string {
  return ix.text.slice(tag.names[k] ?? 0, tag.nameEnds[k] ?? 0);
}

/**
 * The value of attribute k as saxes gives it: literal tabs and line ends become spaces (CR LF one
 * space), then references are decoded. Undefined for a reference saxes would report.
 */
export function attributeValue(ix: ChunkIndex, tag: StartTag, k: number): string | undefined {
  if (tag.plain) return ix.text.slice(tag.starts[k] ?? 0, tag.ends[k] ?? 0);
  const v = blankedValue(ix, tag, k);
  return ((tag.flags[k] ?? 0) & VALUE_REFERENCE) !== 0 ? decodeReferences(v) : v;
}

/** attributeValue with an `&` that starts no reference kept as a literal (decodeReferencesLenient). */
export function attributeValueLenient(ix: ChunkIndex, tag: StartTag, k: number): { text: string; bare: number } | undefined {
  return decodeReferencesLenient(blankedValue(ix, tag, k));
}

/** The raw value of attribute k with literal tabs and line ends as spaces (CR LF one space); references left as they are. */
function blankedValue(ix: ChunkIndex, tag: StartTag, k: number): string {
  const v = ix.text.slice(tag.starts[k] ?? 0, tag.ends[k] ?? 0);
  return ((tag.flags[k] ?? 0) & VALUE_BLANK) !== 0 ? v.replace(/\r\n|[\t\n\r]/g, " ") : v;
}

/** Whether saxes reads every value of `tag` without an error (all its references are known). */
export function valuesValid(ix: ChunkIndex, tag: StartTag): boolean {
  if (tag.plain) return true;
  for (let k = 0; k < tag.count; k++) {
    if (((tag.flags[k] ?? 0) & VALUE_REFERENCE) !== 0 && attributeValue(ix, tag, k) === undefined) return false;
  }
  return true;
}

/**
 * After a `<testcase ...>` at `from`: only whitespace, then `</testcase>`. Returns the index past
 * its `>`, Tag.No, or Tag.Incomplete when the text ends before `limit` does.
 */
export function readEmptyClose(ix: ChunkIndex, from: number, limit: number, name: string): number {
  const s = ix.text;
  const end = Math.min(s.length, limit);
  const incomplete = end === s.length ? Tag.Incomplete : Tag.No;
  let i = from;
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  if (i + name.length + 2 >= end) return incomplete;
  if (s.charCodeAt(i) !== 0x3c || s.charCodeAt(i + 1) !== 0x2f || !s.startsWith(name, i + 2)) return Tag.No;
  i += name.length + 2;
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  if (i >= end) return incomplete;
  return s.charCodeAt(i) === 0x3e ? i + 1 : Tag.No;
}

/**
 * Index just past the markup starting at `lt` (a tag, comment, CDATA section or processing
 * instruction), or -1 if it does not end in `s`. Only a hint: saxes decides what it is.
 */
export function tagEnd(s: string, lt: number): number {
  const ender = s.startsWith("<!--", lt) ? "-->" : s.startsWith("<![CDATA[", lt) ? "]]>" : s.startsWith("<?", lt) ? "?>" : null;
  if (ender !== null) {
    const e = s.indexOf(ender, lt + 2);
    return e < 0 ? -1 : e + ender.length;
  }
  let quote = 0;
  for (let i = lt + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i + 1;
  }
  return -1;
}

/**
 * A character of an attribute value that readShapedTag reads as plain text: not its quote, `<`
 * or `&`, no tab or line end (which turn into spaces), nothing XML forbids (so no C0 control at
 * all) and no surrogate.
 */
const PLAIN_VALUE_CHAR = String.raw`[^"<&\u0000-\u001f\ud800-\udfff\ufffe\uffff]`;

/** A value that would make a bare testcase a skip, as a lookahead that rules such values out. */
function notOneOf(words: readonly string[]): string {
  const anyCase = (w: string): string => [...w].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join("");
  return `(?!(?:${words.map(anyCase).join("|")})")`;
}

/** What countRun reads: a sticky pattern of one bare testcase in a shape, and the shape. */
export interface RunPattern {
  readonly pattern: RegExp;
  readonly shape: TagShape;
  /** The index in the shape of the name and the classname attribute (-1: none). */
  readonly name: number;
  readonly classname: number;
}

/**
 * Where the value of the shape's attribute `k` is, in a tag runPattern matched at `from`:
 * its start and end, cut to its first `max` characters (0, 0 when k < 0, an absent attribute).
 * Walks the values before it by their closing quotes, since a value may end in what looks like
 * a later prefix (`a name=`).
 */
export function runValueRange(text: string, from: number, shape: TagShape, k: number, max: number): [number, number] {
  const start = runValueStart(text, from, shape, k);
  return [start, runValueEnd(text, start, k, max)];
}

/**
 * runValueRange's start, without the pair: countRun asks for it once per passing testcase, and
 * a pair each was most of what a run of them allocated.
 */
export function runValueStart(text: string, from: number, shape: TagShape, k: number): number {
  if (k < 0) return 0;
  let i = text.indexOf("<", from) + shape.open.length;
  for (let j = 0; j < k; j++) i = text.indexOf('"', i + (shape.prefixes[j]?.length ?? 0)) + 1;
  return i + (shape.prefixes[k]?.length ?? 0);
}

/** runValueRange's end, given its start. */
export function runValueEnd(text: string, start: number, k: number, max: number): number {
  if (k < 0) return 0;
  // A plain value holds no surrogate, so any cut is between characters.
  return Math.min(text.indexOf('"', start), start + max);
}

/**
 * A sticky pattern that matches, after blanks, one tag written in `shape` whose values
 * readShapedTag would read as plain text (so its checkValues would pass it), self-closing or
 * closed with only blanks inside (readEmptyClose): the bare testcase countPlain counts as passed
 * (values of any length: countRun cuts a long name as countBareSliced does). `found` gives the
 * index in the shape of the name,
 * classname, status and result attributes (-1: absent); a status or result that makes the
 * testcase a skip does not match (nor, then, count here). Null when the shape has no name.
 */
export function runPattern(
  shape: TagShape,
  found: { name: number; classname: number; status: number; result: number },
  skip: { status: readonly string[]; result: readonly string[] },
): RunPattern | null {
  if (found.name < 0) return null;
  const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  // No capture groups: matched with test(), which builds no result array (a passing testcase
  // then costs no garbage, and the young generation stays small). No bounded repeats either:
  // `{0,4096}` made the pattern 40% slower than `*`.
  let source = `[ \\t\\r\\n]*${escape(shape.open)}`;
  for (let k = 0; k < shape.prefixes.length; k++) {
    source += escape(shape.prefixes[k] ?? "");
    if (k === found.status) source += notOneOf(skip.status);
    if (k === found.result) source += notOneOf(skip.result);
    source += `${PLAIN_VALUE_CHAR}*"`;
  }
  source += escape(shape.close);
  // Or closed with only blanks inside, as jest-junit and gotestsum write passing testcases.
  if (!shape.selfClosing) source += `[ \\t\\r\\n]*</${escape(shape.open.slice(1))}[ \\t\\r\\n]*>`;
  return { pattern: new RegExp(source, "y"), shape, name: found.name, classname: found.classname };
}
