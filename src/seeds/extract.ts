/**
 * Finds the seed a failing test ran with, from the text the reports kept for it.
 */
import type { Seed, SeedApply, TestCase } from "../model.js";
import { Literal } from "../diagnose/literal.js";
import { BUILTIN_RECOGNISERS, userRecogniser, type SeedRecogniser } from "./recognisers.js";
import { detach } from "../reports/limits.js";

/**
 * Matches found past this many characters of one field are not looked for: readers already
 * cap captured output, this only bounds the work on hostile input.
 */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024;

interface Found {
  recogniser: SeedRecogniser;
  match: RegExpExecArray;
  value: string;
  /** 1-based line within the field the match was found in. */
  line: number;
  field: Field["name"];
}

interface Field {
  name: "output" | "details" | "message" | "report";
  /** The field as the report kept it (up to MAX_SCAN_CHARS). */
  raw: string;
  /** Whether `raw` says "seed" in any letter case; looked for when a recogniser first asks. */
  seedWord?: boolean;
  /** `raw` without pytest's prefixes, made when a recogniser's regex first needs it. */
  stripped?: string;
}

/** The text recognisers' regexes run on (line numbers count in it). */
function textOf(field: Field): string {
  return (field.stripped ??= stripPytestPrefixes(field.raw));
}

/**
 * pytest prefixes assertion text with "E   " (and empty lines with a bare "E"). Removing the
 * prefix lets multi-line patterns see the text as the framework printed it; the line count
 * is unchanged, so line numbers still point into the original field.
 */
export function stripPytestPrefixes(text: string): string {
  // Most text has no "E" line and no CR: nothing to strip, and no split/join copy of it.
  if (!text.startsWith("E") && !text.includes("\nE") && !text.includes("\r")) return text;
  const lines = (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).split("\n");
  // pytest indents the E block to the failing line's column; strip that common indent only,
  // so nested indentation (a multi-line falsifying example) survives.
  for (let start = 0; start < lines.length; ) {
    if (!isPytestErrorLine(lines[start]!)) {
      start++;
      continue;
    }
    let end = start;
    let indent = Infinity;
    for (; end < lines.length && isPytestErrorLine(lines[end]!); end++) {
      const rest = lines[end]!.slice(1);
      if (rest.trim().length > 0) indent = Math.min(indent, rest.length - rest.trimStart().length);
    }
    for (let i = start; i < end; i++) {
      const rest = lines[i]!.slice(1);
      lines[i] = rest.trim().length === 0 ? "" : rest.slice(indent === Infinity ? 0 : indent);
    }
    start = end;
  }
  return lines.join("\n");
}

function isPytestErrorLine(line: string): boolean {
  return line === "E" || line.startsWith("E ");
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Of a recogniser's matches in one field, only this many of the last are considered: the last
 * acceptable one wins, and validating (or locating) every match of a hostile field would make
 * extraction quadratic.
 */
const RECENT_MATCHES = 64;

/**
 * A literal every match of `pattern` contains, or null when none can be told safely. Only
 * characters outside groups and classes, in a pattern without top-level alternation, count;
 * a character made optional by a quantifier ends the run before it. Used as a cheap
 * `includes` check that rules a recogniser out before its regex scans the whole text.
 */
export function requiredLiteral(pattern: RegExp): string | null {
  if (pattern.flags.includes("i") || pattern.flags.includes("v")) return null;
  let best = "";
  for (const run of literalRuns(pattern.source) ?? []) if (run.length > best.length) best = run;
  return best.length >= 3 ? best : null;
}

/**
 * Every run of literal characters that every match of a pattern with this source contains, in
 * the pattern's own letter case (see requiredLiteral), or null when none can be told safely.
 */
function literalRuns(src: string): string[] | null {
  const runs: string[] = [];
  let run = "";
  const end = (): void => {
    if (run.length > 0) runs.push(run);
    run = "";
  };
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\\") {
      const e = src[i + 1] ?? "";
      if (/[A-Za-z0-9]/.test(e)) {
        // \d, \b, \1, \x41, \u{...}, \p{...}, \k<name>, \cJ: none is one known literal.
        end();
        i++;
        if (e === "x") i += 2;
        else if (e === "c") i += 1;
        else if (e === "u") i = src[i + 1] === "{" ? src.indexOf("}", i) : i + 4;
        else if (e === "p" || e === "P") i = src.indexOf("}", i);
        else if (e === "k") i = src.indexOf(">", i);
        if (i < 0) return null;
        continue;
      }
      i++;
      if (depth === 0) run += e;
      continue;
    }
    if (c === "[") {
      end();
      // Skip the class, honouring escapes inside it.
      for (i++; i < src.length && src[i] !== "]"; i++) if (src[i] === "\\") i++;
      continue;
    }
    if (c === "(") {
      depth++;
      end();
      continue;
    }
    if (c === ")") {
      depth--;
      end();
      continue;
    }
    if (depth > 0) continue;
    if (c === "|") return null;
    if (c === "?" || c === "*" || c === "{") {
      // The character before is optional (or counted): it does not belong to the run.
      run = run.slice(0, -1);
      end();
      if (c === "{") {
        const close = src.indexOf("}", i);
        if (close < 0) return null;
        i = close;
      }
      continue;
    }
    if (c === "+" || c === "." || c === "^" || c === "$") {
      end();
      continue;
    }
    run += c;
  }
  end();
  return runs;
}

/**
 * Whether every match of `pattern` contains "seed" in some letter case. Most failure texts
 * never say "seed", and this rules out 25 of the built-in recognisers with one search: on the
 * Action's bench report (50,000 one-line failures) the recognisers' 100 literal checks per test
 * were most of extraction's time. Under `i` a literal matches its ASCII case variants only
 * unless `u` or `v` is set (then Unicode folding applies, and nothing is claimed).
 */
function needsSeedWord(pattern: RegExp): boolean {
  const { flags } = pattern;
  if (flags.includes("v") || (flags.includes("i") && flags.includes("u"))) return false;
  return (literalRuns(pattern.source) ?? []).some((run) => SEED_WORD.test(run));
}

/** "seed" in any ASCII letter case (no `u`: exactly what needsSeedWord assumes). */
const SEED_WORD = /seed/i;

/**
 * What rules a recogniser out before its regex runs: its required literal, looked for in the
 * raw field (or nothing, when it has none).
 *
 * Stripping pytest's prefixes only removes the start of lines and turns CRs into line ends, so
 * a literal without CR or LF that is in the stripped text is in the raw text too: a field whose
 * raw text lacks it cannot match, and most fields are then never stripped at all (the copy was
 * a third of extraction's time on the 100 MB bench report). `Literal` looks for the needle from
 * its rarest character: "random.seed(" or "seed =" start with letters found at every word.
 */
interface Compiled {
  /** A private copy of the recogniser's pattern (global, so lastIndex walks the matches). */
  pattern: RegExp;
  literal: Literal | null;
  /** Every match says "seed" (any case): a field that never does is skipped. */
  seedWord: boolean;
}

/** A recogniser list compiled once: each recogniser's regex copy and literal. */
interface Scanner {
  recognisers: readonly SeedRecogniser[];
  compiled: readonly Compiled[];
}

function compileAll(recognisers: readonly SeedRecogniser[]): Scanner {
  const compiled = recognisers.map((r): Compiled => {
    const flags = r.pattern.flags.includes("g") ? r.pattern.flags : r.pattern.flags + "g";
    const pattern = new RegExp(r.pattern.source, flags);
    const literal = requiredLiteral(r.pattern);
    // (A pattern's source spells line ends as escapes, so no literal holds one; if one ever did,
    // the argument above would not hold for it.)
    return {
      pattern,
      literal: literal === null || /[\r\n]/.test(literal) ? null : new Literal(literal),
      seedWord: needsSeedWord(r.pattern),
    };
  });
  return { recognisers, compiled };
}

const BUILTIN_SCANNER = compileAll(BUILTIN_RECOGNISERS);

/**
 * Scanners per --seed-pattern list, built once rather than once per test (the settings keep one
 * array for the whole run); with the patterns they were built from, should the array change.
 */
const userScanners = new WeakMap<readonly RegExp[], { patterns: RegExp[]; scanner: Scanner }>();

function scannerFor(userPatterns: readonly RegExp[]): Scanner {
  if (userPatterns.length === 0) return BUILTIN_SCANNER;
  const cached = userScanners.get(userPatterns);
  if (cached !== undefined && cached.patterns.length === userPatterns.length && cached.patterns.every((p, i) => p === userPatterns[i])) {
    return cached.scanner;
  }
  const scanner = compileAll([...userPatterns.map((p, i) => userRecogniser(p, i)), ...BUILTIN_RECOGNISERS]);
  userScanners.set(userPatterns, { patterns: [...userPatterns], scanner });
  return scanner;
}

/** The last acceptable match of one recogniser in one field. */
/** Whether the field can hold a match of the recogniser: it says "seed" if every match does, and has its literal. */
function mayMatch({ literal, seedWord }: Compiled, field: Field): boolean {
  if (seedWord && !(field.seedWord ??= SEED_WORD.test(field.raw))) return false;
  return literal === null || literal.in(field.raw);
}

/** Calls `each` with every non-empty match of a recogniser's global pattern in `text`, until it returns false. */
function forEachMatch(pattern: RegExp, text: string, each: (m: RegExpExecArray) => boolean): void {
  pattern.lastIndex = 0;
  try {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        // A user pattern that can match the empty string would loop forever.
        pattern.lastIndex++;
        continue;
      }
      if (!each(m)) break;
    }
  } finally {
    pattern.lastIndex = 0;
  }
}

function lastMatch(recogniser: SeedRecogniser, compiled: Compiled, field: Field): Found | null {
  if (!mayMatch(compiled, field)) return null;
  const text = textOf(field);
  const recent: RegExpExecArray[] = [];
  forEachMatch(compiled.pattern, text, (m) => {
    recent.push(m);
    if (recent.length > RECENT_MATCHES) recent.shift();
    return true;
  });
  for (let i = recent.length - 1; i >= 0; i--) {
    const m = recent[i]!;
    const value = recogniser.value(m);
    if (value !== null && value.length > 0) {
      return { recogniser, match: m, value, line: lineAt(text, m.index), field: field.name };
    }
  }
  return null;
}

/** Fields in the order the seed is most likely printed: MXNet logs it in captured output. */
function fieldsOf(test: TestCase): Field[] {
  const fields: Field[] = [];
  // The report's own run-wide seed last: what the test printed is nearer to what it used.
  for (const [name, text] of [["output", test.output], ["details", test.details], ["message", test.message], ["report", test.reportContext]] as const) {
    if (text !== undefined && text.length > 0) {
      const raw = text.slice(0, MAX_SCAN_CHARS);
      fields.push({ name, raw });
    }
  }
  return fields;
}

function find(recogniser: SeedRecogniser, compiled: Compiled, fields: Field[]): Found | null {
  for (const field of fields) {
    const found = lastMatch(recogniser, compiled, field);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Where the seed line stands: in the log itself when a console reader mapped the field's lines
 * (a person opens the log at that line), else the line within the field.
 */
function sourceOf(found: Found, test: TestCase, file: string): Seed["source"] {
  const map = test.logLines;
  const lines = found.field === "output" ? map?.output : found.field === "details" ? map?.details : undefined;
  const at = lines?.[found.line - 1];
  if (map !== undefined && at !== undefined && at > 0) return { file: map.file, line: at };
  // The report context is a snippet of the report's head, not a field with lines of its own.
  if (found.field === "report") return { file };
  return { file, line: found.line };
}

function toSeed(found: Found, test: TestCase, file: string): Seed {
  return {
    value: found.value,
    recogniser: found.recogniser.name,
    source: sourceOf(found, test, file),
    apply: found.recogniser.apply(found.match),
  };
}

function mergeEnv(apply: SeedApply, extra: SeedApply): SeedApply {
  if (apply.kind !== "env" || extra.kind !== "env") return apply;
  return { kind: "env", env: { ...extra.env, ...apply.env } };
}

/**
 * The test's seed, or null when none was printed.
 *
 * Recognisers are tried in priority order (user patterns first, then the built-ins, most
 * specific first); for each, the fields are searched output -> details -> message and the
 * last match in the first field that has one wins (a test that retries internally prints a
 * seed per attempt, and the last is the one that failed). The MXNet module seed and a
 * hypothesis falsifying example travel as `related`; either stands in as the seed when no
 * test seed was printed. `source` is the log file and line when the reader recorded
 * `logLines`, else the report file and the 1-based line within the field searched.
 */
export function extractSeed(test: TestCase, userPatterns: RegExp[]): Seed | null {
  const scanner = scannerFor(userPatterns);
  const fields = fieldsOf(test);
  if (fields.length === 0) return null;
  const file = test.sources[0]?.file ?? test.file ?? "";

  let primary: Found | null = null;
  const related: Found[] = [];
  for (let r = 0; r < scanner.recognisers.length; r++) {
    const recogniser = scanner.recognisers[r]!;
    // One test seed; but a seed that only orders the tests (go -shuffle) gives way to the test's
    // own seed printed next to it (`TEST_SEED=106`): that one decides the data the test fails
    // on, and the reruns give it back and vary it; the order has a check of its own.
    if (recogniser.kind === "test" && primary !== null && !(primary.recogniser.ordersOnly === true && recogniser.ordersOnly !== true)) continue;
    const found = find(recogniser, scanner.compiled[r]!, fields);
    if (found === null) continue;
    if (recogniser.kind === "test") {
      if (primary !== null) related.push(primary);
      primary = found;
    } else related.push(found);
  }

  if (primary === null) {
    // Module seed first: it can be re-applied, an example cannot.
    const standIn = related.find((f) => f.recogniser.kind === "module") ?? related[0];
    if (standIn === undefined) return null;
    primary = standIn;
    related.splice(related.indexOf(standIn), 1);
  }

  const seed = toSeed(primary, test, file);
  if (related.length > 0) {
    const relatedSeeds = related.map((f) => toSeed(f, test, file));
    for (const r of relatedSeeds) seed.apply = mergeEnv(seed.apply, r.apply);
    seed.related = relatedSeeds;
  }
  return seed;
}

/**
 * Every seed the recogniser named `name` finds in a text, in order (at most MAX_FOUND): its
 * value and how it would be given back. What a rerun printed is compared with CI's seed this way
 * (rerun/printed-seeds.ts): every match, since a test may print several seeds and CI's need not
 * be the last of a rerun's.
 */
export function seedsFoundBy(name: string, text: string, userPatterns: readonly RegExp[]): Array<{ value: string; apply: SeedApply }> {
  const scanner = scannerFor(userPatterns);
  const r = scanner.recognisers.findIndex((x) => x.name === name);
  const recogniser = scanner.recognisers[r];
  const compiled = scanner.compiled[r];
  if (recogniser === undefined || compiled === undefined) return [];
  const field: Field = { name: "output", raw: text.slice(0, MAX_SCAN_CHARS) };
  if (!mayMatch(compiled, field)) return [];
  const found: Array<{ value: string; apply: SeedApply }> = [];
  forEachMatch(compiled.pattern, textOf(field), (m) => {
    const value = recogniser.value(m);
    if (value !== null && value.length > 0) found.push({ value, apply: recogniser.apply(m) });
    return found.length < MAX_FOUND;
  });
  return found;
}

/** seedsFoundBy looks no further than this many seeds. */
const MAX_FOUND = 1000;

/** The recognisers of seeds a JUnit report records once for its whole run. */
const REPORT_SEED_RECOGNISERS = BUILTIN_RECOGNISERS.filter((r) => /-xml-/.test(r.name));

/**
 * The parts of a report's head that carry its run-wide seed (`random_seed="23"`, a seed
 * property), or undefined: each test of the report gets them as `reportContext`, so the head
 * is searched once per report rather than once per failing test.
 */
export function reportSeedContext(head: string | undefined): string | undefined {
  if (head === undefined || head.length === 0) return undefined;
  const found: string[] = [];
  for (const r of REPORT_SEED_RECOGNISERS) {
    r.pattern.lastIndex = 0;
    const m = r.pattern.exec(head);
    r.pattern.lastIndex = 0;
    if (m !== null) found.push(detach(m[0])); // a slice of the head, which need not stay alive with every test
  }
  return found.length > 0 ? found.join("\n") : undefined;
}
