/**
 * What the failure text alone says about the cause. These are hints: classification weighs
 * them against rerun results, and without reruns they only support a hypothesis.
 */

export type HintKind = "timeout" | "environment" | "crash" | "non-finite" | "overflow";

export interface CauseHint {
  kind: HintKind;
  /** The text that matched (short), to quote in the reason. */
  evidence: string;
}

/** Hints are looked for in at most this much text (readers cap failure text already). */
export const MAX_HINT_TEXT = 256 * 1024;
const MAX_EVIDENCE_CHARS = 120;

/**
 * Patterns per kind, most specific first. Case-sensitive where the framework prints a fixed
 * spelling, so a test *named* test_timeout_retry does not look like a timeout.
 */
const HINT_PATTERNS: ReadonlyArray<{ kind: HintKind; pattern: RegExp }> = [
  // pytest-timeout ("Failed: Timeout >5.0s", "+++++ Timeout +++++"), asyncio, subprocess, sockets.
  { kind: "timeout", pattern: /Failed: Timeout >[^\n]*/ },
  { kind: "timeout", pattern: /\+{3,} Timeout \+{3,}/ },
  { kind: "timeout", pattern: /\b(?:TimeoutError|TimeoutExpired|ReadTimeout|ConnectTimeout)\b[^\n]*/ },
  { kind: "timeout", pattern: /\bsocket\.timeout\b[^\n]*/ },
  { kind: "timeout", pattern: /\btimed out\b[^\n]*/i },
  { kind: "timeout", pattern: /(?<![\w.])Timeout\b(?!\w)[^\n]*/ },

  { kind: "environment", pattern: /\b(?:ModuleNotFoundError|ImportError)\b[^\n]*/ },
  { kind: "environment", pattern: /\bFileNotFoundError\b[^\n]*/ },
  { kind: "environment", pattern: /\bPermissionError\b[^\n]*/ },
  { kind: "environment", pattern: /\bConnectionRefusedError\b[^\n]*/ },
  { kind: "environment", pattern: /fixture '[^'\n]{1,200}' not found/ },
  { kind: "environment", pattern: /OSError: \[Errno 28\][^\n]*/ },
  { kind: "environment", pattern: /No space left on device/ },

  // Interpreter/native crashes: faulthandler, the shell's report, pytest-xdist's worker loss.
  { kind: "crash", pattern: /Fatal Python error[^\n]*/ },
  { kind: "crash", pattern: /Segmentation fault[^\n]*/ },
  { kind: "crash", pattern: /\(core dumped\)|\bcore dumped\b/ },
  { kind: "crash", pattern: /\bAborted\b(?! by user)[^\n]*/ },
  { kind: "crash", pattern: /\bSIG(?:SEGV|ABRT|BUS|ILL|FPE)\b[^\n]*/ },
  { kind: "crash", pattern: /worker '?\w+'? crashed[^\n]*|node down: Not properly terminated/ },

  // Non-finite values where finite ones were expected.
  { kind: "non-finite", pattern: /Error nan exceeds tolerance/ },
  { kind: "non-finite", pattern: /\b(?:x and y )?[-+]?(?:nan|inf) location mismatch/ },
  { kind: "non-finite", pattern: /RuntimeWarning: invalid value encountered[^\n]*/ },
  { kind: "non-finite", pattern: /RuntimeWarning: divide by zero encountered[^\n]*/ },
  {
    kind: "non-finite",
    pattern: /\b(?:Obtained|ACTUAL|actual|got|a|x)\s*[:=]\s*(?:array\(\[?\s*)?[-+]?(?:nan|inf)\b[^\n]*/,
  },
  { kind: "non-finite", pattern: /\bassert [-+]?(?:nan|inf) (?:==|<|>|<=|>=|!=)[^\n]*/ },
  { kind: "non-finite", pattern: /Greatest (?:absolute|relative) difference: nan[^\n]*/ },

  { kind: "overflow", pattern: /RuntimeWarning: overflow encountered[^\n]*/ },
  { kind: "overflow", pattern: /\bOverflowError\b[^\n]*/ },
  { kind: "overflow", pattern: /\b(?:integer|int) overflow\b[^\n]*/i },
  // Integer wraparound shows up as the extremes of 32/64-bit types in the compared values.
  {
    kind: "overflow",
    pattern: /(?<![\d.])(?:-2147483648|2147483647|4294967295|-9223372036854775808|9223372036854775807|18446744073709551615)(?![\d.])/,
  },
];

/** Every kind of hint the text shows, each with its first matching evidence. */
export function causeHints(text: string): CauseHint[] {
  const scanned = text.slice(0, MAX_HINT_TEXT);
  const hints: CauseHint[] = [];
  for (const { kind, pattern } of HINT_PATTERNS) {
    if (hints.some((h) => h.kind === kind)) continue;
    const m = pattern.exec(scanned);
    if (m !== null) hints.push({ kind, evidence: m[0].trim().slice(0, MAX_EVIDENCE_CHARS) });
  }
  return hints;
}

export function findHint(hints: readonly CauseHint[], kind: HintKind): CauseHint | undefined {
  return hints.find((h) => h.kind === kind);
}
