/**
 * Where a failure happened, in each runner's words: the frames and `file:line` forms its
 * failure text uses. Each finder returns the places it saw, in the order printed; the dialect
 * picks which one is the test's own (see dialects.ts).
 */

export interface Place {
  path: string;
  line?: number;
  /** A path built by convention (a source root, a package directory): used only if it exists. */
  guess?: boolean;
}

/** Bounded repetitions: failure texts are untrusted and can be one 1 MiB line. */
const PATH = String.raw`[^\s()"'<>|]{1,500}`;

function collect(text: string, pattern: RegExp): Place[] {
  const out: Place[] = [];
  for (const m of text.matchAll(pattern)) {
    const path = m[1];
    const line = Number(m[2]);
    if (path === undefined || path === "") continue;
    out.push(Number.isSafeInteger(line) && line >= 1 ? { path, line } : { path });
  }
  return out;
}

/** JVM frames: `at pkg.Class.method(File.java:42)`, with the class that printed the frame. */
export function jvmFrames(text: string): Array<Place & { frameClass: string }> {
  const out: Array<Place & { frameClass: string }> = [];
  // Kotlin allows spaces in method names (`fun \`test scale\`()`), so the method part may hold them.
  const pattern = /\bat ([\w$.]{1,500})\.[^.(\n]{1,300}\(([\w$]{1,200}\.(?:java|kt|scala|groovy)):(\d{1,9})\)/g;
  for (const m of text.matchAll(pattern)) {
    out.push({ frameClass: m[1] ?? "", path: m[2] ?? "", line: Number(m[3]) });
  }
  return out;
}

/** V8 stack frames (jest, mocha, node): `at fn (path:12:5)` and `at path:12:5`. */
export function jsFrames(text: string): Place[] {
  return collect(text, new RegExp(String.raw`\bat (?:[^\n()]{1,300} \()?(?:file://)?(${PATH}\.[cm]?[jt]sx?):(\d{1,9}):\d{1,9}\)?`, "g"));
}

/** vitest's frames: ` ❯ a.test.ts:4:43` (and `❯ fn a.test.ts:4:43` inside helpers). */
export function vitestFrames(text: string): Place[] {
  return collect(text, new RegExp(String.raw`❯ (?:[^\s]{1,300} )?(${PATH}\.[cm]?[jt]sx?):(\d{1,9}):\d{1,9}`, "g"));
}

/** Go's testing log lines: `    file_test.go:42: message`. */
export function goLines(text: string): Place[] {
  return collect(text, /^[ \t]*([\w.-]{1,200}\.go):(\d{1,9}): /gm);
}

/**
 * The test files' frames of Go's goroutine stacks (a panic, the race detector, go's timeout
 * panic): `\t/home/ci/mod/svc/svc_test.go:9 +0x2e`, innermost first.
 */
export function goStackFrames(text: string): Place[] {
  return collect(text, new RegExp(String.raw`^[ \t]+(${PATH}_test\.go):(\d{1,9})(?: \+0x[0-9a-f]{1,16})?[ \t]*$`, "gm"));
}

/** Compiler-style `path:line` at the start of a line: googletest, Swift (`path:42: error:`). */
export function leadingFileLine(text: string, extensions: string): Place[] {
  return collect(text, new RegExp(String.raw`^[ \t]*(${PATH}\.(?:${extensions})):(\d{1,9})\b`, "gm"));
}

/** Catch2: `at /path/x.cpp:19`. */
export function catch2Places(text: string): Place[] {
  return collect(text, new RegExp(String.raw`\bat (${PATH}\.\w{1,10}):(\d{1,9})\s*$`, "gm"));
}

/** Rust panics: `panicked at tests/x.rs:154:5:` (older: `panicked at 'msg', tests/x.rs:154:5`). */
export function rustPanics(text: string): Place[] {
  return collect(text, new RegExp(String.raw`panicked at (?:'[^\n]{0,500}', )?(${PATH}\.rs):(\d{1,9}):\d{1,9}`, "g"));
}

/** PHPUnit prints the failing frame as a bare `/path/FooTest.php:42` line. */
export function phpPlaces(text: string): Place[] {
  return collect(text, new RegExp(String.raw`^[ \t]*(${PATH}\.php):(\d{1,9})\s*$`, "gm"));
}

/**
 * Ruby backtrace lines: `./spec/x_spec.rb:20:in \`block ...'` (Ruby 3.4 quotes with '), at the
 * start of a line, after rspec's console "# " or Ruby's "from ". Anchored: a path pattern tried
 * at every position of a long line is quadratic.
 */
export function rubyFrames(text: string): Place[] {
  return collect(text, new RegExp(String.raw`^[ \t]*(?:# |from )?(${PATH}\.rb):(\d{1,9}):in [\`']`, "gm"));
}

/** minitest's failure header: `StatsTest#test_x [test/x_test.rb:29]:` (reporters: `test_x(Class) [...]:`). */
export function minitestPlaces(text: string): Place[] {
  return collect(text, new RegExp(String.raw`^\S{1,500} \[(${PATH}\.rb):(\d{1,9})\]:?[ \t]*$`, "gm"));
}

/** CUnit (through its JUnit converters): `File: /x/test.cpp` then `Line: 77`. */
export function cunitPlaces(text: string): Place[] {
  return collect(text, /^[ \t]*File: ([^\n]{1,500}?)\s*\n[ \t]*Line: (\d{1,9})/gm);
}

/** .NET stack frames: `at Ns.Class.Method() in /path/File.cs:line 42`. */
export function dotnetFrames(text: string): Place[] {
  return collect(text, new RegExp(String.raw` in (${PATH}\.(?:cs|fs|vb)):line (\d{1,9})`, "g"));
}
