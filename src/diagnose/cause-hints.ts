import { NeedleSet } from "./needle-set.js";
import { detach } from "../reports/limits.js";

/**
 * What the failure text alone says about the cause. These are hints: classification weighs
 * them against rerun results, and without reruns they only support a hypothesis.
 */

export type HintKind = "timeout" | "environment" | "own-import" | "crash" | "non-finite" | "overflow" | "concurrency";

/** What the hints may ask of the project (the caller's edge answers it; the hints do no I/O). */
export interface HintContext {
  /**
   * Whether a Python module of this top-level name is the project's own (a package or module in
   * its root or src/): an ImportError of one is the code's fault, not the machine's.
   */
  ownModule?: (topLevel: string) => boolean;
}

export interface CauseHint {
  kind: HintKind;
  /** The text that matched (short), to quote in the reason. */
  evidence: string;
}

/** Hints are looked for in at most this much text (readers cap failure text already). */
export const MAX_HINT_TEXT = 256 * 1024;
const MAX_EVIDENCE_CHARS = 120;

interface HintPattern {
  kind: HintKind;
  /** The evidence, found by a regex... */
  pattern?: RegExp;
  /** ...or by code, where a regex would have to look far around each candidate. */
  find?: (text: string, ctx: HintContext) => string | null;
  /**
   * Literals of which any match of `pattern` contains at least one (ignoring ASCII case when
   * `lower`, as the `/i` patterns without `/u` do): their absence rules the pattern out before
   * the regex scans the text. Most failure texts show no hint at all, so this saves nearly all
   * regex work.
   */
  needles: readonly string[];
  lower?: true;
}

/**
 * Patterns per kind, most specific first. Case-sensitive where the framework prints a fixed
 * spelling, so a test *named* test_timeout_retry does not look like a timeout.
 */
const HINT_PATTERNS: ReadonlyArray<HintPattern> = [
  // pytest-timeout ("Failed: Timeout >5.0s"; since 2.2 "Failed: Timeout (>5.0s) from
  // pytest-timeout."; "+++++ Timeout +++++"), asyncio, subprocess, sockets.
  { kind: "timeout", pattern: /Failed: Timeout \(?>[^\n]*/, needles: ["Failed: Timeout >", "Failed: Timeout (>"] },
  { kind: "timeout", pattern: /\+{3,} Timeout \+{3,}/, needles: ["+++ Timeout +++"] },
  { kind: "timeout", pattern: /\b(?:TimeoutError|TimeoutExpired|ReadTimeout|ConnectTimeout)\b[^\n]*/, needles: ["Timeout"] },
  { kind: "timeout", pattern: /\bsocket\.timeout\b[^\n]*/, needles: ["socket.timeout"] },
  { kind: "timeout", pattern: /\btimed out\b[^\n]*/i, lower: true, needles: ["timed out"] },
  // jest (circus): `thrown: "Exceeded timeout of 5000 ms for a test.` (or "for a hook.").
  { kind: "timeout", pattern: /Exceeded timeout of \d+ ?ms for a (?:test|hook)\b[^\n]*/, needles: ["Exceeded timeout of"] },
  { kind: "timeout", pattern: /(?<![\w.])Timeout\b(?!\w)[^\n]*/, needles: ["Timeout"] },

  // An import that fails: the machine's fault (a package not installed) unless every module
  // named is the project's own (a name moved or removed, a circular import): see importProblem.
  { kind: "environment", find: (text, ctx) => importProblem(text, ctx, "environment"), needles: ["ModuleNotFoundError", "ImportError"] },
  { kind: "own-import", find: (text, ctx) => importProblem(text, ctx, "own-import"), needles: ["ModuleNotFoundError", "ImportError"] },
  { kind: "environment", pattern: /\bFileNotFoundError\b[^\n]*/, needles: ["FileNotFoundError"] },
  { kind: "environment", pattern: /\bPermissionError\b[^\n]*/, needles: ["PermissionError"] },
  { kind: "environment", pattern: /\bConnectionRefusedError\b[^\n]*/, needles: ["ConnectionRefusedError"] },
  { kind: "environment", pattern: /fixture '[^'\n]{1,200}' not found/, needles: ["fixture '"] },
  { kind: "environment", pattern: /OSError: \[Errno 28\][^\n]*/, needles: ["OSError: [Errno 28]"] },
  { kind: "environment", pattern: /No space left on device/, needles: ["No space left on device"] },
  // Node's system errors (jest, vitest): `Error: ENOENT: no such file or directory, open 'x'`,
  // `connect ECONNREFUSED 127.0.0.1:5432`, and a package that is not installed (a relative
  // module is the project's own file).
  // Only in the forms Node writes them: a test that expects an error may name the code itself
  // (`toThrow(/ENOENT/)`), and then fails for the code's sake.
  {
    kind: "environment",
    pattern: /\b(?:(?:ENOENT: no such file or directory|EACCES: permission denied|ENOSPC: no space left on device|EPERM: operation not permitted), \w+ '|(?:connect ECONNREFUSED|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|listen EADDRINUSE(?:: address already in use)?) )[^\n]*/,
    needles: ["ENOENT: no such file", "EACCES: permission denied", "ENOSPC: no space", "EPERM: operation not permitted", "connect ECONNREFUSED", "getaddrinfo ENOTFOUND", "getaddrinfo EAI_AGAIN", "listen EADDRINUSE"],
  },
  { kind: "environment", pattern: /Cannot find module '(?![./])[^'\n]{1,200}'[^\n]*/, needles: ["Cannot find module '"] },
  // Go's: `dial tcp 127.0.0.1:1: connect: connection refused`, `open testdata/x.json: no such
  // file or directory` (an operation on a path: not any "permission denied" a test asserts on).
  { kind: "environment", pattern: /\bconnect: connection refused\b[^\n]*/, needles: ["connect: connection refused"] },
  {
    kind: "environment",
    pattern: /\b(?:open|stat|lstat|mkdir|remove|rename|chmod|readdir|create) \S+: (?:no such file or directory|permission denied|no space left on device)\b[^\n]*/,
    needles: ["no such file or directory", "permission denied", "no space left on device"],
  },
  // An environment variable the test reads is not set: code, not a regex (see envKeyError).
  { kind: "environment", find: envKeyError, needles: ["<frozen os>", "os.py:", "os.environ["] },

  // Interpreter/native crashes: faulthandler, the shell's report, pytest-xdist's worker loss.
  { kind: "crash", pattern: /Fatal Python error[^\n]*/, needles: ["Fatal Python error"] },
  { kind: "crash", pattern: /Segmentation fault[^\n]*/, needles: ["Segmentation fault"] },
  { kind: "crash", pattern: /\(core dumped\)|\bcore dumped\b/, needles: ["core dumped"] },
  { kind: "crash", pattern: /\bAborted\b(?! by user)[^\n]*/, needles: ["Aborted"] },
  { kind: "crash", pattern: /\bSIG(?:SEGV|ABRT|BUS|ILL|FPE)\b[^\n]*/, needles: ["SIGSEGV", "SIGABRT", "SIGBUS", "SIGILL", "SIGFPE"] },
  { kind: "crash", pattern: /worker '?\w+'? crashed[^\n]*|node down: Not properly terminated/, needles: ["crashed", "node down: Not properly terminated"] },
  // C and C++: glibc's assert() before it aborts; CTest's word for a test process that died.
  { kind: "crash", pattern: /Assertion `[^\n]{0,500}' failed\./, needles: ["Assertion `"] },
  { kind: "crash", pattern: /\*\*\*Exception: [^\n]*|Subprocess aborted\*\*\*Exception:/, needles: ["***Exception:"] },

  // Non-finite values where finite ones were expected.
  { kind: "non-finite", pattern: /Error nan exceeds tolerance/, needles: ["Error nan exceeds tolerance"] },
  { kind: "non-finite", pattern: /\b(?:x and y )?[-+]?(?:nan|inf) location mismatch/, needles: ["location mismatch"] },
  { kind: "non-finite", pattern: /RuntimeWarning: invalid value encountered[^\n]*/, needles: ["RuntimeWarning: invalid value encountered"] },
  { kind: "non-finite", pattern: /RuntimeWarning: divide by zero encountered[^\n]*/, needles: ["RuntimeWarning: divide by zero encountered"] },
  {
    kind: "non-finite",
    pattern: /\b(?:Obtained|ACTUAL|actual|got|a|x)\s*[:=]\s*(?:array\(\[?\s*)?[-+]?(?:nan|inf)\b[^\n]*/,
    needles: ["nan", "inf"],
  },
  {
    kind: "non-finite",
    pattern: /\bassert [-+]?(?:nan|inf) (?:==|<|>|<=|>=|!=)[^\n]*/,
    // Not "assert ": nearly every pytest failure has one, and the regex would scan them all.
    needles: ["assert nan", "assert inf", "assert -nan", "assert -inf", "assert +nan", "assert +inf"],
  },
  { kind: "non-finite", pattern: /Greatest (?:absolute|relative) difference: nan[^\n]*/, needles: ["difference: nan"] },

  // Threads, processes or tasks in the failing code, or a race detector's report: what makes a
  // race more than a guess when no seed pins the test's inputs.
  {
    kind: "concurrency",
    pattern: /(?:threading\.|Thread\(|ThreadPoolExecutor|concurrent\.futures|multiprocessing|asyncio\.(?:gather|create_task)|Lock\(\)|goroutine|t\.Parallel\(\)|Promise\.all|DATA RACE|race condition|deadlock|sync\.(?:WaitGroup|Mutex)|worker_threads|[Ww]orker|[Pp]arallel)[^\n]*/,
    needles: ["threading.", "Thread(", "ThreadPoolExecutor", "concurrent.futures", "multiprocessing", "asyncio.gather", "asyncio.create_task", "Lock()", "goroutine", "t.Parallel()", "Promise.all", "DATA RACE", "race condition", "deadlock", "sync.WaitGroup", "sync.Mutex", "worker_threads", "worker", "Worker", "parallel", "Parallel"],
  },

  { kind: "overflow", pattern: /RuntimeWarning: overflow encountered[^\n]*/, needles: ["RuntimeWarning: overflow encountered"] },
  { kind: "overflow", pattern: /\bOverflowError\b[^\n]*/, needles: ["OverflowError"] },
  { kind: "overflow", pattern: /\b(?:integer|int) overflow\b[^\n]*/i, lower: true, needles: ["int overflow", "integer overflow"] },
  // Integer wraparound shows up as the extremes of 32/64-bit types in the compared values.
  {
    kind: "overflow",
    pattern: /(?<![\d.])(?:-2147483648|2147483647|4294967295|-9223372036854775808|9223372036854775807|18446744073709551615)(?![\d.])/,
    needles: ["2147483647", "2147483648", "4294967295", "9223372036854775807", "9223372036854775808", "18446744073709551615"],
  },
];

const IMPORT_LINE = /\b(?:ModuleNotFoundError|ImportError)\b[^\n]*/g;
/** Module names an import error line gives: `No module named 'a.b'`, `from 'a'`, `module 'a.b'`. */
const IMPORTED_NAME = /(?:No module named|from|module) '([A-Za-z_][\w.]{0,200})'/g;
const MAX_IMPORT_LINES = 50;

/**
 * The evidence of an import error, as `kind` sees it: "own-import" when every module the import
 * error lines name is the project's own (ctx.ownModule), "environment" when one of them is not,
 * or when none names a module at all (pytest's "ImportError while importing test module ...").
 */
function importProblem(text: string, ctx: HintContext, kind: "environment" | "own-import"): string | null {
  const { foreign, own, unnamed } = importLines(text, ctx);
  if (kind === "own-import") return foreign === null ? own : null;
  return foreign ?? (own === null ? unnamed : null);
}

interface ImportLines {
  text: string;
  ctx: HintContext;
  /** The first import error line naming a module not the project's, only the project's, none. */
  foreign: string | null;
  own: string | null;
  unnamed: string | null;
}

/** The last text's import error lines: its two hint kinds ask one after the other. */
let lastImportLines: ImportLines | null = null;

function importLines(text: string, ctx: HintContext): ImportLines {
  if (lastImportLines !== null && lastImportLines.text === text && lastImportLines.ctx === ctx) return lastImportLines;
  const out: ImportLines = { text, ctx, foreign: null, own: null, unnamed: null };
  let lines = 0;
  IMPORT_LINE.lastIndex = 0;
  for (let m = IMPORT_LINE.exec(text); m !== null && lines < MAX_IMPORT_LINES; m = IMPORT_LINE.exec(text), lines++) {
    const line = m[0];
    const names = [...line.matchAll(IMPORTED_NAME)].map((n) => n[1]!.split(".")[0]!);
    if (names.length === 0) out.unnamed ??= line;
    else if (ctx.ownModule !== undefined && names.every((n) => ctx.ownModule!(n))) out.own ??= line;
    else out.foreign ??= line;
  }
  lastImportLines = out;
  return out;
}

/** How far (characters) the KeyError line may stand from what ties it to os.environ. */
const ENV_KEY_ERROR_REACH = 2000;
const OS_FRAME = /(?:<frozen os>|\bos\.py):\d+: KeyError/;
/** The frame of os's __getitem__ as --tb=short and --tb=native (and unittest) print it; the KeyError follows. */
const OS_GETITEM = /(?:<frozen os>|\bos\.py)(?::\d+: in |", line \d+, in )__getitem__/;
const FAILING_ENV_LINE = /^>[ \t][^\n]{0,400}\bos\.environ\[/m;

/**
 * The `KeyError: NAME` line of an environment variable the test read and that is not set:
 * os.environ[...] raises it in os's own __getitem__, which pytest names as the last frame
 * ("<frozen os>:679: KeyError"; "os.py:679: KeyError" before Python 3.11 froze the module), or
 * pytest's failing line (`>`) reads os.environ[...] and its error lines say KeyError; with
 * --tb=short or --tb=native (and in unittest) the frame names os's __getitem__ before the
 * KeyError. A test
 * that only sets a variable and fails on a dict of its own shows neither. Searched from the
 * ties back or forward a bounded distance: linear in the text, however hostile.
 */
function envKeyError(text: string): string | null {
  const lineOf = (at: number): string => {
    const end = text.indexOf("\n", at);
    return text.slice(at, end < 0 ? text.length : end);
  };
  const frame = OS_FRAME.exec(text);
  if (frame !== null) {
    const at = text.lastIndexOf("KeyError: ", frame.index);
    if (at >= 0 && frame.index - at <= ENV_KEY_ERROR_REACH) return lineOf(at);
  }
  // Ties the KeyError line follows: os's __getitem__ frame, or pytest's failing line.
  for (const tie of [OS_GETITEM, FAILING_ENV_LINE]) {
    const m = tie.exec(text);
    if (m === null) continue;
    const at = text.indexOf("KeyError: ", m.index);
    if (at >= 0 && at - m.index <= ENV_KEY_ERROR_REACH) return lineOf(at);
  }
  return null;
}

/** All patterns' needles, looked for in one pass; the pattern each needle belongs to. */
const NEEDLES = new NeedleSet(
  HINT_PATTERNS.flatMap(({ needles, lower }) => needles.map((text) => (lower === true ? { text, ignoreCase: true } : { text }))),
);
const PATTERN_OF: readonly number[] = HINT_PATTERNS.flatMap(({ needles }, p) => needles.map(() => p));

/** Every kind of hint the text shows, each with its first matching evidence. */
export function causeHints(text: string, ctx: HintContext = {}): CauseHint[] {
  return hintsOf(text, NEEDLES.scan(text, MAX_HINT_TEXT), ctx);
}

/** The hints of `text` given the needles `found` in its first MAX_HINT_TEXT characters. */
function hintsOf(text: string, found: readonly number[], ctx: HintContext): CauseHint[] {
  // Most failure texts hold no needle at all.
  if (found.length === 0) return [];
  const candidates = new Set(found.map((i) => PATTERN_OF[i]!));
  const hints: CauseHint[] = [];
  const scanned = text.slice(0, MAX_HINT_TEXT);
  for (let p = 0; p < HINT_PATTERNS.length; p++) {
    const { kind, pattern, find } = HINT_PATTERNS[p]!;
    if (!candidates.has(p) || hints.some((h) => h.kind === kind)) continue;
    const evidence = pattern !== undefined ? (pattern.exec(scanned)?.[0] ?? null) : (find?.(scanned, ctx) ?? null);
    // Copied: a slice would keep the whole failure text alive as long as the hint (the report).
    if (evidence !== null) hints.push({ kind, evidence: detach(evidence.trim().slice(0, MAX_EVIDENCE_CHARS)) });
  }
  // A copy of exactly its length: grown by push, it keeps room for 17 hints, and most failing
  // tests hold one (4.3 MB of the 500 MB bench report's 31,000 failures).
  return hints.slice();
}

/**
 * `causeHints(parts.join("\n"))`, scanning each part once: no needle holds a line end, so a
 * needle is in the joined text exactly when it is in one of the parts, as long as the joined
 * text fits in MAX_HINT_TEXT. The parts are joined only when one holds a needle (few failures).
 */
export function causeHintsOfParts(parts: readonly string[], ctx: HintContext = {}): CauseHint[] {
  let length = parts.length - 1;
  for (const p of parts) length += p.length;
  if (length > MAX_HINT_TEXT) return causeHints(parts.join("\n"), ctx);
  let found: number[] | undefined;
  for (const p of parts) {
    for (const i of NEEDLES.scan(p)) if (!(found ??= []).includes(i)) found.push(i);
  }
  return found === undefined ? [] : hintsOf(parts.join("\n"), found, ctx);
}

export function findHint(hints: readonly CauseHint[], kind: HintKind): CauseHint | undefined {
  return hints.find((h) => h.kind === kind);
}
