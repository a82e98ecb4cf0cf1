/**
 * Reads the console output of Python's unittest and of nose (MXNet's CI ran nose for years and
 * its flaky-test issues quote nose logs). Seeds live in two places: nose's "captured logging"
 * section inside each FAIL/ERROR block, and, for `unittest -v`, the output a test printed
 * between its `test_x (mod.Class.test_x) ... ` line and its status word.
 */
import type { Counts, Outcome, ParsedInput } from "../model.js";
import { normaliseCiLog } from "./ci-log.js";
import {
  appendLocated,
  capWarnings,
  dropCutTail,
  emptyCounts,
  mergeRuns,
  samePath,
  type Run,
  type RunRecord,
} from "./console-runs.js";

const BLOCK_SEP = /^={20,}$/;
const DASH_SEP = /^-{20,}$/;
const HEADER = /^(FAIL|ERROR|UNEXPECTED SUCCESS): (.+?)\s*$/;
const RAN = /^Ran (\d+) tests? in \d+(?:\.\d+)?s$/;
/** `FAILED (failures=2, errors=1, skipped=1)`, `OK (skipped=1)`; nose writes `SKIP=`. */
const RESULT = /^(OK|FAILED)(?: \((.*)\))?\s*$/;
/** `test_x (pkg.mod.Class)` (py<3.11) or `test_x (pkg.mod.Class.test_x)`, maybe with subtest params. */
const UNITTEST_TITLE = /^(\w+) \(([\w.]+)\)(?: \((.*)\))?$/;
/** nose function tests: `test_operator_gpu.test_sparse_dot`, generators `mod.test_gen(1, 2)`. */
const NOSE_TITLE = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(\(.*\))?$/;
const PROGRESS = /^(\w+) \(([\w.]+)\)(?: \(.*\))?(?: \.\.\. ?(.*))?$/;
const NOSE_PROGRESS = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?:\(.*\))?) \.\.\. ?(.*)$/;
/** unittest status words, and nose's `SKIP: reason`. */
const STATUS = /^(ok|FAIL|ERROR|skipped(?: .*)?|SKIP(?:: .*)?|expected failure|unexpected success)$/;
const FRAME = /^\s*File "([^"]*)", line (\d+), in (\S+)/;
const NOSE_CAPTURE_BEGIN = /^-+ >> begin captured (?:logging|stdout|stderr) << -+$/;
const NOSE_CAPTURE_END = /^-+ >> end captured (?:logging|stdout|stderr) << -+$/;
/** unittest's `-b` (buffer) appends what the test printed after the traceback. */
const BUFFERED = /^(?:Stdout|Stderr):$/;
/** Frames in installed packages or the standard library are never the test's own. */
const LIBRARY = /(?:site-packages|dist-packages|[\\/]lib[\\/]python\d[\d.]*[\\/]|^<frozen )/;
/** A line that announces a seed (the recognisers decide later; this only tells stray output apart). */
const SEED_MENTION = /\bseed\b|_SEED=/i;
const EXCEPTION_LINE = /^[A-Za-z_][\w.]*(?:: .*|:)?$/;

function statusOutcome(status: string): Outcome {
  if (status === "ok" || status === "expected failure") return status === "ok" ? "passed" : "skipped";
  if (status === "FAIL" || status === "unexpected success") return "failed";
  if (status === "ERROR") return "errored";
  return "skipped";
}

/** Id, classname and name from a block title or a progress line. */
function idOf(name: string, paren: string): { id: string; classname: string; name: string } {
  if (name === "setUpClass" || name === "tearDownClass" || name === "setUpModule" || name === "tearDownModule") {
    // The class (or module) is what failed and what a rerun names.
    return { id: paren, classname: paren, name };
  }
  if (paren.endsWith(`.${name}`)) return { id: paren, classname: paren.slice(0, -name.length - 1), name };
  return { id: `${paren}.${name}`, classname: paren, name };
}

function parseTitle(title: string): { id: string; classname: string; name: string } {
  const u = UNITTEST_TITLE.exec(title);
  if (u !== null) return idOf(u[1] ?? "", u[2] ?? "");
  const n = NOSE_TITLE.exec(title);
  if (n !== null) {
    const dotted = n[1] ?? "";
    const i = dotted.lastIndexOf(".");
    return { id: title, classname: dotted.slice(0, i), name: dotted.slice(i + 1) + (n[2] ?? "") };
  }
  return { id: title, classname: "", name: title };
}

function parseResult(ran: number, result: string | undefined): Counts {
  const c = emptyCounts();
  c.tests = ran;
  for (const m of (result ?? "").matchAll(/([a-z ]+)=(\d+)/gi)) {
    const n = Number(m[2]);
    const key = (m[1] ?? "").trim().toLowerCase();
    if (key === "failures" || key === "unexpected successes") c.failed += n;
    else if (key === "errors") c.errored += n;
    else if (key === "skipped" || key === "skip" || key === "expected failures") c.skipped += n;
  }
  c.passed = Math.max(0, ran - c.failed - c.errored - c.skipped);
  return c;
}

interface Block {
  outcome: Outcome;
  title: string;
  details: string[];
  /** Log line of each `details` line. */
  at: number[];
  logLine: number;
}

/** Lines with the log line each was read from. */
interface LinesAt {
  lines: string[];
  at: number[];
}

/** Splits a block's body into the traceback and what the test printed (nose captures, `-b` buffers). */
function splitBody(body: string[], bodyAt: number[]): { details: LinesAt; output: LinesAt } {
  const details: LinesAt = { lines: [], at: [] };
  const output: LinesAt = { lines: [], at: [] };
  let inCapture = false;
  let inBuffered = false;
  for (let i = 0; i < body.length; i++) {
    const l = body[i] ?? "";
    if (NOSE_CAPTURE_BEGIN.test(l)) inCapture = true;
    if (BUFFERED.test(l) && (i === 0 || (body[i - 1] ?? "").trim() === "")) inBuffered = true;
    const into = inCapture || inBuffered ? output : details;
    into.lines.push(l);
    into.at.push(bodyAt[i] ?? 0);
    if (NOSE_CAPTURE_END.test(l)) inCapture = false;
  }
  return { details: trimLocated(details), output: trimLocated(output) };
}

function trimBlank(lines: string[]): string[] {
  return trimLocated({ lines, at: [] }).lines;
}

function trimLocated(x: LinesAt): LinesAt {
  let a = 0;
  let b = x.lines.length;
  while (a < b && (x.lines[a] ?? "").trim() === "") a++;
  while (b > a && (x.lines[b - 1] ?? "").trim() === "") b--;
  return { lines: x.lines.slice(a, b), at: x.at.slice(a, b) };
}

/**
 * The exception line after the last traceback. Copies from web pages lose indentation, so a
 * code line right after a frame is recognised by not looking like `Name: message`.
 */
function messageOf(details: string[]): string | undefined {
  let last = -1;
  details.forEach((l, i) => {
    if (FRAME.test(l)) last = i;
  });
  let i = last + 1;
  if (last >= 0) {
    while (i < details.length && /^\s+\S/.test(details[i] ?? "")) i++;
    const next = details[i] ?? "";
    if (i === last + 1 && next.trim() !== "" && !EXCEPTION_LINE.test(next.trim())) i++;
  }
  const rest = details.slice(Math.max(0, i)).map((l) => l.trim()).filter((l) => l.length > 0 && !/^[~^]+$/.test(l));
  const first = rest[0];
  if (first === undefined) return undefined;
  // `AssertionError:` / nose's `Items are not equal:` put the substance on the next line.
  return first.endsWith(":") && rest[1] !== undefined ? `${first} ${rest[1]}` : first;
}

/** The test's file as printed (the join resolves it by suffix) and the last line in it. */
function locate(details: string[], name: string): { file?: string; line?: number } {
  const frames = details
    .map((l) => FRAME.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ path: m[1] ?? "", line: Number(m[2]), fn: m[3] ?? "" }))
    // A path cut to its directory (`.../unittest/`, as web copies of nose logs show) names no file.
    .filter((f) => f.path.length > 0 && !/[\\/]$/.test(f.path));
  const baseName = name.replace(/\(.*$/, "");
  const own = [...frames].reverse().find((f) => f.fn === baseName) ?? [...frames].reverse().find((f) => !LIBRARY.test(f.path));
  if (own === undefined) return {};
  let line = own.line;
  for (const f of frames) if (samePath(f.path, own.path)) line = f.line;
  return { file: own.path, line };
}

interface Ctx {
  path: string;
  warnings: string[];
  nextIndex: number;
}

function parseRun(lines: string[], firstLineNo: number, counts: Counts | null, ctx: Ctx): Run {
  const blocks: Block[] = [];
  const progress: { id: string; classname: string; name: string; outcome: Outcome | null; output: LinesAt; index: number }[] = [];
  /** Lines outside any block and any test's progress line that mention a seed (quiet output). */
  let strayed = 0;
  let pending: (typeof progress)[number] | null = null;
  let block: Block | null = null;
  let inHeader = false;
  let preamble = 0;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    let header = BLOCK_SEP.test(l) ? HEADER.exec(lines[i + 1] ?? "") : null;
    if (header === null && block === null && HEADER.test(l)) {
      // Pasted without the `=====` line above it (as in web copies of nose logs).
      const next = lines.slice(i + 1).find((x) => x.trim() !== "") ?? "";
      if (DASH_SEP.test(next) || next.startsWith("Traceback (most recent call last):")) {
        header = HEADER.exec(l);
        i--;
      }
    }
    if (header !== null) {
      pending = null;
      block = {
        outcome: header[1] === "ERROR" ? "errored" : "failed",
        title: header[2] ?? "",
        details: [],
        at: [],
        logLine: firstLineNo + i + 1,
      };
      blocks.push(block);
      i++;
      inHeader = DASH_SEP.test(lines.slice(i + 1).find((x) => x.trim() !== "") ?? "");
      continue;
    }
    if (block !== null && inHeader) {
      // py3.11 prints a test's docstring under its title; the body starts after the dashes.
      if (DASH_SEP.test(l)) inHeader = false;
      continue;
    }
    if (block !== null) {
      // The dashes before `Ran N tests` end the last block.
      if (DASH_SEP.test(l) && RAN.test((lines[i + 1] ?? "").trim() === "" ? (lines[i + 2] ?? "") : (lines[i + 1] ?? ""))) {
        block = null;
        continue;
      }
      block.details.push(l);
      block.at.push(firstLineNo + i);
      continue;
    }
    if (blocks.length === 0 && progress.length === 0 && /^(?:Traceback \(most recent call last\):|\s+File ")/.test(l)) preamble++;
    const p = PROGRESS.exec(l) ?? NOSE_PROGRESS.exec(l);
    if (p !== null) {
      const ids = p.length === 4 ? idOf(p[1] ?? "", p[2] ?? "") : parseTitle(p[1] ?? "");
      let rest = p.length === 4 ? p[3] : p[2];
      if (rest === undefined) {
        // py3.11 with a docstring: `test_x (mod.C.test_x)` then `Doc line ... ok`.
        const doc = /^.*? \.\.\. ?(.*)$/.exec(lines[i + 1] ?? "");
        if (doc === null) continue;
        rest = doc[1] ?? "";
        i++;
      }
      pending = { ...ids, outcome: null, output: { lines: [], at: [] }, index: ctx.nextIndex++ };
      progress.push(pending);
      const status = STATUS.exec(rest.trim());
      if (status !== null) {
        pending.outcome = statusOutcome(status[1] ?? "");
        pending = null;
      } else if (rest.length > 0) {
        pending.output.lines.push(rest);
        pending.output.at.push(firstLineNo + i);
      }
      continue;
    }
    if (pending !== null) {
      const status = STATUS.exec(l.trim());
      if (status !== null) {
        pending.outcome = statusOutcome(status[1] ?? "");
        pending = null;
      } else {
        pending.output.lines.push(l);
        pending.output.at.push(firstLineNo + i);
      }
    } else if (SEED_MENTION.test(l)) {
      strayed++;
    }
  }
  if (preamble > 0) {
    ctx.warnings.push(`${ctx.path}: the text starts inside a traceback without its FAIL/ERROR header; that part is not attributed to a test`);
  }

  const records: RunRecord[] = [];
  const byId = new Map<string, RunRecord>();
  for (const b of blocks) {
    const ids = parseTitle(b.title);
    const split = splitBody(b.details, b.at);
    const details = split.details.lines;
    const output = split.output;
    const prev = byId.get(ids.id);
    if (prev !== undefined) {
      // Subtests report one block per failing parameter set: one test, all texts.
      const d = appendLocated(
        prev.details === undefined ? undefined : { text: prev.details, at: prev.detailsLines ?? [] },
        { text: details.join("\n"), at: split.details.at },
        1,
      );
      prev.details = d.text;
      prev.detailsLines = d.at;
      if (output.lines.length > 0) {
        const o = appendLocated(
          prev.output === undefined ? undefined : { text: prev.output, at: prev.outputLines ?? [] },
          { text: output.lines.join("\n"), at: output.at },
          0,
        );
        prev.output = o.text;
        prev.outputLines = o.at;
      }
      continue;
    }
    const seen = progress.find((p) => p.id === ids.id);
    const rec: RunRecord = { ...ids, outcome: b.outcome, index: seen?.index ?? ctx.nextIndex++, logLine: b.logLine };
    const where = locate(details, ids.name);
    if (where.file !== undefined) rec.file = where.file;
    if (where.line !== undefined) rec.line = where.line;
    const message = messageOf(details);
    if (message !== undefined) rec.message = message;
    if (details.length > 0) {
      rec.details = details.join("\n");
      rec.detailsLines = split.details.at;
    }
    const printed = trimLocated(seen?.output ?? { lines: [], at: [] });
    const out = [...printed.lines, ...output.lines];
    if (out.length > 0) {
      rec.output = out.join("\n");
      rec.outputLines = [...printed.at, ...output.at];
    }
    byId.set(ids.id, rec);
    records.push(rec);
  }
  if (strayed > 0 && progress.length === 0 && blocks.length > 0) {
    ctx.warnings.push(
      `${ctx.path}: ${strayed} line(s) mentioning a seed stand between the progress dots, outside any test's block ` +
        `(unittest without -v prints no test names there), so they cannot be attached to a test; ` +
        `run unittest with -v or -b so each test's output is tied to it`,
    );
  }
  for (const p of progress) {
    if (byId.has(p.id) || p.outcome === null) continue;
    const rec: RunRecord = { id: p.id, classname: p.classname, name: p.name, outcome: p.outcome, index: p.index };
    byId.set(p.id, rec);
    records.push(rec);
  }
  const last = block as Block | null;
  if (counts === null && (blocks.length > 0 || progress.length > 0)) {
    const what = last !== null ? `the ${last.title} block has no end` : "there is no \"Ran N tests\" line";
    ctx.warnings.push(`${ctx.path}: ${what}: the log looks cut at the end; counts are from the tests found`);
  }
  records.sort((a, b) => a.index - b.index);
  return { records, counts };
}

/** Parses a unittest or nose console log (or an excerpt of one). */
export function parseUnittestLog(text: string, path: string): ParsedInput {
  const warnings: string[] = [];
  const { text: norm, origin } = normaliseCiLog(text);
  const lines = dropCutTail(norm.split("\n"), norm, path, warnings);
  const ctx: Ctx = { path, warnings, nextIndex: 0 };
  const runs: Run[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const ran = RAN.exec(lines[i] ?? "");
    if (ran === null) continue;
    // The result line follows `Ran N tests` after one blank line.
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? "").trim() === "" && j <= i + 2) j++;
    const result = RESULT.exec(lines[j] ?? "");
    const counts = parseResult(Number(ran[1]), result?.[2]);
    if (result === null) warnings.push(`${path}: "Ran ${ran[1]} tests" is not followed by OK or FAILED (...); failures and errors were counted from the blocks`);
    const run = parseRun(lines.slice(start, i + 1), start + 1, counts, ctx);
    if (result === null) {
      const c = counts;
      for (const r of run.records) if (r.outcome === "failed") c.failed++;
      for (const r of run.records) if (r.outcome === "errored") c.errored++;
      c.passed = Math.max(0, c.tests - c.failed - c.errored);
    }
    runs.push(run);
    start = result === null ? i + 1 : j + 1;
    i = start - 1;
  }
  if (start < lines.length) {
    const rest = parseRun(lines.slice(start), start + 1, null, ctx);
    if (rest.records.length > 0) runs.push(rest);
  }
  const { tests, counts } = mergeRuns(runs, path, warnings, origin);
  if (tests.length === 0 && runs.length === 0) {
    warnings.push(`${path}: no FAIL/ERROR blocks, progress lines or "Ran N tests" line found`);
  }
  return { path, kind: "unittest-log", tests, counts, warnings: capWarnings(warnings, path) };
}
