/**
 * Finds the line of a failure inside the test's own file from its failure text. The last
 * matching entry wins: tracebacks list frames outermost first, so the last frame in the test
 * file is where the test itself failed (helpers it called sit below it and are skipped).
 */

/**
 * Each pattern captures (1) a path or file name and (2) a 1-based line number. Repetitions are
 * bounded so a 1 MiB single-line trace cannot make a pattern backtrack quadratically. Every
 * match contains its `needle`: a text without it is not scanned by that pattern.
 */
const FRAME_PATTERNS: readonly { pattern: RegExp; needle: string }[] = [
  // Python traceback: File "/abs/path/tests/x.py", line 42, in test_y
  { pattern: /File "([^"\n]{1,1000})", line (\d{1,9})/g, needle: 'File "' },
  // pytest long repr: tests/x.py:42: AssertionError  /  tests/x.py:42: in test_y
  // Go testing: "    file_test.go:42: message"
  { pattern: /^[ \t]*([^\s:"'()]{1,1000}\.[A-Za-z]\w{0,20}):(\d{1,9}):(?:[ \t]|$)/gm, needle: ":" },
  // Java / Kotlin stack frame: at pkg.Class.method(File.java:42). Matched from the "(" so the
  // method part needs no pattern of its own.
  { pattern: /\(([^()\s:]{1,500}\.\w{1,20}):(\d{1,9})\)/g, needle: "(" },
  // JS stack frame with a function: at fn (path/file.test.ts:12:5)
  { pattern: /\((?:file:\/\/)?([^\s()]{1,500}\.\w{1,20}):(\d{1,9}):\d{1,9}\)/g, needle: "(" },
  // JS stack frame without one: at path/file.test.ts:12:5
  { pattern: /\bat (?:file:\/\/)?([^\s()]{1,500}\.\w{1,20}):(\d{1,9}):\d{1,9}/g, needle: "at " },
];

function normalise(p: string): string {
  // Most paths need neither replacement: no regex work, no new string.
  if (!p.includes("\\") && !p.startsWith("./")) return p;
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}

/**
 * True when the path printed in a trace names `b` (normalised): an absolute or longer path ending in
 * `/file`, the same relative path, or (Java, Go) the bare file name.
 */
function sameFile(printed: string, b: string): boolean {
  const a = normalise(printed);
  if (a === b || a.endsWith(`/${b}`)) return true;
  if (!a.includes("/")) return b === a || b.endsWith(`/${a}`);
  // A trace printed relative to another directory (e.g. pytest --rootdir above the project).
  return b.endsWith(`/${a}`);
}

/** The 1-based line of the last traceback entry inside `file`, or undefined. */
export function failingLine(details: string, file: string): number | undefined {
  if (file.length === 0) return undefined;
  const b = normalise(file);
  // Every printed path sameFile accepts ends with the file's name (normalising only turns
  // backslashes into slashes and drops a leading "./"), so a text that never names the file
  // has no frame in it: most failures of a large report point into other files or none.
  if (!details.includes(b.slice(b.lastIndexOf("/") + 1))) return undefined;
  let bestPos = -1;
  let bestLine: number | undefined;
  for (const { pattern, needle } of FRAME_PATTERNS) {
    if (!details.includes(needle)) continue;
    // exec on the shared pattern, not matchAll: matchAll copies the regex on every call (five
    // per failing test). No pattern matches the empty string, so lastIndex always advances.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(details); m !== null; m = pattern.exec(details)) {
      const printed = m[1];
      const line = Number(m[2]);
      if (printed === undefined || !Number.isSafeInteger(line) || line < 1) continue;
      if (!sameFile(printed, b)) continue;
      if (m.index > bestPos) {
        bestPos = m.index;
        bestLine = line;
      }
    }
    pattern.lastIndex = 0;
  }
  return bestLine;
}
