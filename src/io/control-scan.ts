/**
 * Read buffers that a WebAssembly function can search for the control characters XML forbids.
 *
 * The JUnit fast path asks of every span it reads whether it holds a character XML 1.0 forbids
 * (see SPECIAL in reports/xml-fast.ts); in real reports none does. Asked as a regular
 * expression over the decoded text, that was the slowest search of all: 0.43 s of the 2.4 s the
 * reader took over the bench's 500 MB report, most of which is failure text. Over the bytes,
 * sixteen at a time (WebAssembly SIMD), a whole block costs about a tenth of that, and the
 * buffers live in the module's memory so that nothing is copied: the file is read straight into
 * them. A chunk that is ASCII (checked natively first) and holds no such byte holds no such
 * character, and the reader then skips the question for all of it.
 *
 * Where WebAssembly cannot run (`node --jitless`), the buffers are plain ones and every chunk
 * is searched as before.
 */

/** Two buffers to read into in turn, and the search over them when there is one. */
export interface ReadBuffers {
  readonly size: number;
  readonly buffers: [Buffer, Buffer];
  /**
   * Whether `chunk` (a view into one of the buffers) holds a byte below 0x20 other than tab,
   * line feed and carriage return; null when no search can run here.
   */
  readonly hasControl: ((chunk: Buffer) => boolean) | null;
}

/**
 * Two buffers of `size` bytes for one reader, until it gives them back with releaseReadBuffers.
 * Given-back ones are handed out again: V8 reserves gigabytes of address space for each
 * WebAssembly memory, and reading thousands of shard files one after another should not leave
 * that many for the garbage collector to find.
 */
export function takeReadBuffers(size: number): ReadBuffers {
  const i = free.findIndex((b) => b.size === size);
  if (i >= 0) return free.splice(i, 1)[0]!;
  return readBuffers(size);
}

/** Gives buffers back once nothing reads into or out of them any more. */
export function releaseReadBuffers(b: ReadBuffers): void {
  if (free.length < MAX_FREE && !free.includes(b)) free.push(b);
}

const free: ReadBuffers[] = [];
const MAX_FREE = 4;

/** Two fresh buffers of `size` bytes (exported for tests; readers take and release them). */
export function readBuffers(size: number): ReadBuffers {
  const scan = instantiate(2 * size);
  if (scan === null) return { size, buffers: [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)], hasControl: null };
  const { memory, firstControl } = scan;
  return {
    size,
    buffers: [Buffer.from(memory.buffer, 0, size), Buffer.from(memory.buffer, size, size)],
    hasControl: (chunk) => {
      if (chunk.buffer !== memory.buffer) throw new Error("control scan: the chunk is not in the scanned buffers");
      return firstControl(chunk.byteOffset, chunk.byteOffset + chunk.length) >= 0;
    },
  };
}

/**
 * The part of the WebAssembly API used here: the project's TypeScript libraries leave it out (it
 * is declared with the DOM's), and `node --jitless` leaves it out at run time.
 */
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => WasmModule;
      Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
      Memory: new (descriptor: { initial: number }) => WasmMemory;
    }
  | undefined;
type WasmModule = { readonly kind?: "module" };
type WasmMemory = { readonly buffer: ArrayBuffer };

interface Scan {
  memory: WasmMemory;
  firstControl: (from: number, to: number) => number;
}

let compiled: WasmModule | null | undefined;

function instantiate(bytes: number): Scan | null {
  try {
    compiled ??= typeof WebAssembly === "object" && WebAssembly !== undefined ? new WebAssembly.Module(MODULE) : null;
    if (compiled === null || WebAssembly === undefined) return null;
    const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
    const instance = new WebAssembly.Instance(compiled, { m: { memory } });
    const firstControl = instance.exports["firstControl"];
    if (typeof firstControl !== "function") return null;
    return { memory, firstControl: firstControl as Scan["firstControl"] };
  } catch {
    // No WebAssembly, or no SIMD in it: the regular expression does the work.
    compiled = null;
    return null;
  }
}

const PAGE = 65536;

/** Unsigned LEB128, as the binary format writes sizes and counts. */
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const name = (s: string): number[] => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

// Opcodes used below (WebAssembly core spec 2.0, binary format; SIMD ones follow 0xfd).
const I32 = 0x7f;
const V128 = 0x7b;
const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const VOID = 0x40;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const RETURN = 0x0f;
const GET = 0x20;
const SET = 0x21;
const CONST = 0x41;
const LOAD8_U = [0x2d, 0x00, 0x00]; // i32.load8_u, align 1, offset 0
const EQZ = 0x45;
const EQ = 0x46;
const LT_U = 0x49;
const GE_U = 0x4f;
const GT_U = 0x4b;
const ADD = 0x6a;
const OR = 0x72;
const V128_LOAD = [0xfd, 0x00, 0x04, 0x00]; // align 16, offset 0
const SPLAT = [0xfd, 0x0f]; // i8x16.splat
const V_EQ = [0xfd, 0x23]; // i8x16.eq
const V_LT_U = [0xfd, 0x26]; // i8x16.lt_u
const V_ANDNOT = [0xfd, 0x4f];
const V_OR = [0xfd, 0x50];
const ANY_TRUE = [0xfd, 0x53];

// Locals: 0 from, 1 to (parameters), 2 sixteen bytes.
const FROM = 0;
const TO = 1;
const V = 2;
const byteIs = (c: number): number[] => [GET, V, CONST, c, ...SPLAT, ...V_EQ];
const thisByteIs = (c: number): number[] => [GET, FROM, ...LOAD8_U, CONST, c, EQ];

/**
 * firstControl(from, to): the index in memory[from, to) of the first byte below 0x20 that is
 * not tab (9), line feed (10) or carriage return (13), or -1. Sixteen bytes a step while
 * sixteen are left and none of them is one; then byte by byte.
 */
const BODY = [
  BLOCK, VOID, LOOP, VOID,
  // while from + 16 <= to
  GET, FROM, CONST, 16, ADD, GET, TO, GT_U, BR_IF, 1,
  GET, FROM, ...V128_LOAD, SET, V,
  // (v < 0x20) and not (v == 9 or v == 10 or v == 13), in any lane: go byte by byte
  GET, V, CONST, 0x20, ...SPLAT, ...V_LT_U,
  ...byteIs(9), ...byteIs(10), ...V_OR, ...byteIs(13), ...V_OR,
  ...V_ANDNOT, ...ANY_TRUE, BR_IF, 1,
  GET, FROM, CONST, 16, ADD, SET, FROM, BR, 0,
  END, END,
  BLOCK, VOID, LOOP, VOID,
  // while from < to
  GET, FROM, GET, TO, GE_U, BR_IF, 1,
  GET, FROM, ...LOAD8_U, CONST, 0x20, LT_U, IF, VOID,
  ...thisByteIs(9), ...thisByteIs(10), OR, ...thisByteIs(13), OR, EQZ, IF, VOID,
  GET, FROM, RETURN,
  END, END,
  GET, FROM, CONST, 1, ADD, SET, FROM, BR, 0,
  END, END,
  CONST, 0x7f, // -1
  END,
];

const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
  ...section(1, [1, 0x60, 2, I32, I32, 1, I32]), // one type: (i32, i32) -> i32
  ...section(2, [1, ...name("m"), ...name("memory"), 0x02, 0x00, 1]), // imports m.memory, >= 1 page
  ...section(3, [1, 0]), // one function, of type 0
  ...section(7, [1, ...name("firstControl"), 0x00, 0]), // exported as firstControl
  ...section(10, [1, ...leb(BODY.length + 3), 1, 1, V128, ...BODY]), // its code: one v128 local
]);
