/** `flaky-triage merge SHARD.json...`: one verify report from its shards' reports. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { UserError, errorMessage } from "../errors.js";
import { expandGlobs } from "../io/read-inputs.js";
import { checkOutputPaths } from "../io/output-paths.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { mergeReports, parseVerifyReport, type MergeInput } from "../verify/merge.js";
import { renderVerifyMarkdown, renderVerifyText, verifyFailed } from "../verify/report.js";
import { expandArgsJson } from "./args.js";
import { VERSION } from "../version.js";

const OPTIONS = {
  json: { type: "string" },
  markdown: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Reads and merges shard reports (globs expanded against `cwd`). */
export async function mergeFiles(patterns: string[], cwd: string): Promise<ReturnType<typeof mergeReports>> {
  return mergeShards(await shardFiles(patterns, cwd));
}

/** The shard reports the patterns name, as absolute paths (globs expanded against `cwd`). */
async function shardFiles(patterns: string[], cwd: string): Promise<string[]> {
  return (await expandGlobs(patterns, cwd)).map((p) => resolve(cwd, p));
}

/** Reads and merges shard reports. */
async function mergeShards(files: string[]): Promise<ReturnType<typeof mergeReports>> {
  const inputs: MergeInput[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      // As triage names its inputs: the file, then what is wrong, in words.
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new UserError(`${file}: no such file`);
      if (code === "EISDIR") throw new UserError(`${file}: is a directory, not a verify report`);
      throw new UserError(`${file}: cannot be read (${errorMessage(err)})`);
    }
    inputs.push({ path: file, report: parseVerifyReport(text, file) });
  }
  return mergeReports(inputs);
}

export function mergeHelpText(): string {
  return [
    `flaky-triage ${VERSION} merge: one verify report from the reports of its shards (verify --shard K/N --json).`,
    "",
    "Usage:",
    "  flaky-triage merge [--json FILE] [--markdown FILE] [--quiet] SHARD.json...",
    "",
    "Options:",
    "  --json FILE      write the merged report as JSON",
    "  --markdown FILE  write the merged report as Markdown",
    "  --quiet          accepted for symmetry with verify; a missing shard is still reported",
    "",
    "Shards must share the base seed, trials and tests; a missing shard is a warning, and the",
    "totals then cover the others only. Globs are expanded (quote them).",
    "Exit status: 0 no trial failed, 1 a trial failed, timed out or crashed, 2 usage error.",
    "",
    "Example:",
    "  flaky-triage merge 'verify-shard-*.json' --json verify.json --markdown verify.md",
  ].join("\n");
}

export async function mergeMain(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: expandArgsJson(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UserError(`merge: ${errorMessage(err)} (see merge --help)`);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(mergeHelpText() + "\n");
    return 0;
  }
  if (parsed.positionals.length === 0) throw new UserError("merge: no report given: pass the shards' verify --json files");
  const shards = await shardFiles(parsed.positionals, process.cwd());
  checkOutputPaths(
    [
      { flag: "--json", path: v.json === undefined ? null : resolve(v.json) },
      { flag: "--markdown", path: v.markdown === undefined ? null : resolve(v.markdown) },
    ],
    shards,
    (p) => p,
  );
  const report = await mergeShards(shards);
  // A warning, not progress: printed under --quiet too.
  if (report.merged && report.merged.missing.length > 0) {
    process.stderr.write(`flaky-triage: merge: shard(s) ${report.merged.missing.join(", ")} of ${report.merged.count} are missing; the totals cover the others only\n`);
  }
  if (v.json !== undefined) await writeFileAtomic(resolve(v.json), JSON.stringify(report, null, 2) + "\n");
  if (v.markdown !== undefined) await writeFileAtomic(resolve(v.markdown), renderVerifyMarkdown(report));
  process.stdout.write(renderVerifyText(report) + "\n");
  return verifyFailed(report) ? 1 : 0;
}
