/**
 * `flaky-triage explain FILE|-`: reads a console log, a pasted excerpt or a JUnit report and
 * explains each failing test to a person. It never reruns anything: pasted excerpts come
 * without their project, and the triage command (printed at the end) is the way to rerun.
 */
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { UserError, errorMessage } from "../errors.js";
import { readInput, sniffEncoding } from "../io/read-inputs.js";
import type { ParsedInput, TestCase } from "../model.js";
import { normaliseCiLog } from "../reports/ci-log.js";
import { dropCutTail } from "../reports/console-runs.js";
import { detectKind } from "../reports/detect.js";
import { parseGoTestJson, parseGoTestLog } from "../reports/go-log.js";
import { parseGtestLog } from "../reports/gtest-log.js";
import { inputDialect } from "../reports/join.js";
import { JUnitReader } from "../reports/junit.js";
import { DETECT_HEAD_BYTES, MAX_LOG_BYTES } from "../reports/limits.js";
import { parsePytestLog } from "../reports/pytest-log.js";
import { parseUnittestLog } from "../reports/unittest-log.js";
import { renderExplain } from "../render/explain.js";
import { triageInputs } from "../triage.js";
import { parseTriageArgs } from "./args.js";

const HELP = [
  "Usage:",
  "  flaky-triage explain [options] FILE     explain the failing tests of a console log or report",
  "  flaky-triage explain [options] -        the same for text on stdin (a pasted excerpt)",
  "",
  "Prints, per failing test: the seed and how to reproduce it, the tolerance maths and the next",
  "rung, the likely cause and why, and what to run to confirm it. Nothing is rerun.",
  "",
  "Options:",
  "  --seed-pattern REGEX  extra seed pattern with a named group `seed` (and optional `env`); repeatable",
  "  --cwd DIR             project root, to resolve test files for the reproduce command (nothing is run)",
  "  --help                show this help",
].join("\n");

const STDIN_LABEL = "<stdin>";

const OPTIONS = {
  "seed-pattern": { type: "string", multiple: true },
  cwd: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Runs `explain`; returns the exit code (0: explained, whatever the tests' verdicts). */
export async function explainMain(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UserError(`explain: ${errorMessage(err)} (see flaky-triage explain --help)`);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new UserError("explain: give exactly one FILE, or - to read stdin (see flaky-triage explain --help)");
  }
  const arg = parsed.positionals[0]!;
  // The triage flags' validation, reused: the same --seed-pattern rules as the triage command.
  const triageArgv = [arg, "--no-rerun", ...(v["seed-pattern"] ?? []).flatMap((p) => ["--seed-pattern", p])];
  if (v.cwd !== undefined) triageArgv.push("--cwd", v.cwd);
  const cmd = parseTriageArgs(triageArgv, process.cwd());
  if (cmd.kind !== "triage") throw new UserError("explain: unexpected arguments (see flaky-triage explain --help)");
  const settings = cmd.triage.settings;
  if (v.cwd === undefined) {
    // Without --cwd nothing is resolved against the shell's directory: a pasted excerpt's
    // paths belong to another machine, and a reproduce command must not pretend otherwise.
    settings.cwd = resolve("/nonexistent-flaky-triage-project");
  }

  const label = arg === "-" ? STDIN_LABEL : arg;
  const text = arg === "-" ? await readStdin() : await readFileText(arg);
  let input: ParsedInput;
  if (text.kind === "junit-file") {
    input = await readInput(arg, process.cwd());
  } else {
    input = parseText(text.text, label);
    if (text.cut) input.warnings.unshift(`${label}: only the first ${MAX_LOG_BYTES / (1024 * 1024)} MiB were read`);
    if (input.tests.length === 0 && input.counts.tests === 0) input = asBareFailure(input, text.text);
  }
  // The built-in runner of the input's ids, as the join decides it for reruns.
  const runner = inputDialect(input)?.runner ?? null;
  const report = await triageInputs([input], settings, { env: process.env }, { noRerunNote: "explain does not rerun" });
  process.stdout.write(
    renderExplain(report, { logArg: arg, project: v.cwd ?? null, runner, color: process.stdout.isTTY === true }),
  );
  return 0;
}

type LoadedText = { kind: "text"; text: string; cut: boolean } | { kind: "junit-file" };

async function readStdin(): Promise<LoadedText> {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    // Keep draining past the cap so the writer is not killed by a broken pipe.
    if (size >= MAX_LOG_BYTES) {
      cut = true;
      continue;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { kind: "text", text: decode(Buffer.concat(chunks)), cut: cut || size > MAX_LOG_BYTES };
}

/** A file's text (JUnit is left to the streaming reader), up to MAX_LOG_BYTES. */
async function readFileText(p: string): Promise<LoadedText> {
  let handle;
  try {
    handle = await open(resolve(process.cwd(), p), "r");
    const info = await handle.stat();
    if (info.isDirectory()) throw new UserError(`${p}: is a directory, not a log file`);
    const buf = Buffer.alloc(Math.min(info.size, MAX_LOG_BYTES));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const bytes = buf.subarray(0, bytesRead);
    const head = decode(bytes.subarray(0, DETECT_HEAD_BYTES));
    if (detectKind(head) === "junit") return { kind: "junit-file" };
    return { kind: "text", text: decode(bytes), cut: info.size > MAX_LOG_BYTES };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new UserError(`${p}: no such file`);
    throw new UserError(`${p}: cannot be read (${errorMessage(err)})`);
  } finally {
    await handle?.close();
  }
}

function decode(bytes: Uint8Array): string {
  const enc = sniffEncoding(bytes);
  return new TextDecoder(enc.label, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(enc.skip));
}

function parseText(text: string, label: string): ParsedInput {
  const body = text.replace(/^\uFEFF/, "");
  const kind = detectKind(body.slice(0, DETECT_HEAD_BYTES));
  switch (kind) {
    case "junit": {
      const r = new JUnitReader(label);
      r.write(body);
      return r.end();
    }
    case "pytest-log":
      return parsePytestLog(body, label);
    case "unittest-log":
      return parseUnittestLog(body, label);
    case "go-test-json":
      return parseGoTestJson(body, label);
    case "go-test-log":
      return parseGoTestLog(body, label);
    case "gtest-log":
      return parseGtestLog(body, label);
    case "unknown":
      // An excerpt without any runner's markers (only the assertion and a seed line, say).
      return { ...parseUnittestLog(body, label), kind: "unknown" };
  }
}

/**
 * A pasted text with no test header at all: read as one failure of an unnamed test, so its
 * seed and tolerance are still explained. The id says it is unnamed; nothing is made up.
 */
function asBareFailure(input: ParsedInput, raw: string): ParsedInput {
  const { text, origin } = normaliseCiLog(raw);
  const warnings = [...input.warnings];
  // The readers already warned about a cut tail; only the lines they would keep are used.
  const lines = dropCutTail(text.split("\n"), text, input.path, []);
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first < 0) return input;
  let last = lines.length;
  while (last > first && (lines[last - 1] ?? "").trim() === "") last--;
  const kept = lines.slice(first, last);
  const test: TestCase = {
    id: "(unnamed test)",
    classname: "",
    name: "(unnamed test)",
    outcome: "failed",
    details: kept.join("\n"),
    sources: [{ file: input.path, line: origin[first] ?? first + 1 }],
    index: 0,
    logLines: { file: input.path, details: kept.map((_, i) => origin[first + i] ?? first + i + 1) },
  };
  const message = kept.find((l) => /\b(?:Error|exceeds tolerance|Not equal|Mismatch)/.test(l));
  if (message !== undefined) test.message = message.trim();
  warnings.push(`${input.path}: no test header found; the whole text was read as the failure of one unnamed test`);
  return { ...input, tests: [test], counts: { tests: 1, passed: 0, failed: 1, errored: 0, skipped: 0 }, warnings };
}
