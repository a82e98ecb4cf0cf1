import { writeFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { helpText, parseTriageArgs, type TriageCommand } from "./cli/args.js";
import { guardWorkflowCommands } from "./cli/command-guard.js";
import { ProgressPrinter } from "./cli/progress.js";
import { explainMain } from "./cli/explain-command.js";
import { mergeMain } from "./cli/merge-command.js";
import { verifyMain } from "./cli/verify-command.js";
import { UserError, errorMessage } from "./errors.js";
import { keepingHeapSmall } from "./io/heap.js";
import { checkOutputPaths } from "./io/output-paths.js";
import { checkProjectDir } from "./io/project-dir.js";
import { expandGlobs, fromProject } from "./io/read-inputs.js";
import { writeFileAtomic, writeJsonAtomic } from "./io/write-atomic.js";
import { renderMarkdown } from "./render/markdown.js";
import { showControls } from "./render/escape.js";
import { renderReproduce, tableLines, TABLE_ROWS_BESIDE_REPORT } from "./render/table.js";
import { killAllNow } from "./rerun/process.js";
import { triage } from "./triage.js";
import { VERSION } from "./version.js";

/** Exit codes are part of the CLI's contract (the Jenkins step and `fail-on` build on them). */
export const EXIT = { ok: 0, deterministic: 1, usage: 2 } as const;

/**
 * Subcommands, by first argument. A report file that happens to be named like one is still
 * reachable as `./verify`.
 */
const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  verify: verifyMain,
  merge: mergeMain,
  explain: explainMain,
};

async function main(argv: string[]): Promise<number> {
  // `flaky-triage ... | head` closes our stdout early: what is left of the table goes nowhere,
  // and the run ends as it would have (the JSON and Markdown reports are written all the same).
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
  });
  // Own keys only: `flaky-triage constructor` names a report file, not Object.prototype's.
  const sub = argv[0] !== undefined && Object.hasOwn(SUBCOMMANDS, argv[0]) ? SUBCOMMANDS[argv[0]] : undefined;
  if (sub) {
    guardWorkflowCommands(process.env, process.stdout);
    return sub(argv.slice(1));
  }
  const cmd = parseTriageArgs(argv, process.cwd());
  switch (cmd.kind) {
    case "help":
      process.stdout.write(helpText(VERSION) + "\n");
      return EXIT.ok;
    case "version":
      // Nothing from a report: `$(flaky-triage --version)` stays one line in a workflow too.
      process.stdout.write(VERSION + "\n");
      return EXIT.ok;
    case "triage":
      guardWorkflowCommands(process.env, process.stdout);
      return runTriage(cmd.triage);
  }
}

async function runTriage(cmd: TriageCommand): Promise<number> {
  // Report paths are relative to the shell, not to --cwd (the project root for reruns); they are
  // read relative to --cwd, and named so in the reports: inside the project, by their path from
  // its root (a summary says `reports/pytest.log:53`, not the machine's directories).
  checkProjectDir("--cwd", cmd.settings.cwd);
  cmd.settings.reports = (await expandGlobs(cmd.reportArgs, process.cwd(), "keep")).map((p) => fromProject(cmd.settings.cwd, resolve(process.cwd(), p)));
  checkOutputPaths(
    [
      { flag: "--json", path: cmd.json },
      { flag: "--markdown", path: cmd.markdown },
    ],
    cmd.settings.reports,
    (p) => resolve(cmd.settings.cwd, p),
  );
  const abort = new AbortController();
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    // A second signal means "now": leave without the report, but take the reruns along
    // (they lead their own process groups, so nothing else would stop them).
    if (interrupted) {
      killAllNow();
      process.exit(sig === "SIGINT" ? 130 : 143);
    }
    interrupted = sig;
    process.stderr.write(`flaky-triage: ${sig}: stopping reruns, writing the report for what finished\n`);
    abort.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const progress = new ProgressPrinter(process.stderr, { quiet: cmd.quiet });
  const report = await keepingHeapSmall((afterPhase) =>
    triage(cmd.settings, {
      onProgress: (ev) => progress.update(ev),
      afterPhase,
      signal: abort.signal,
      env: process.env,
    }),
  );
  progress.done();

  if (cmd.json) await writeJsonAtomic(cmd.json, report);
  if (cmd.markdown) await writeFileAtomic(cmd.markdown, renderMarkdown(report, { charts: true }));
  // The JSON report lists every failing test; the table beside it, the first of them.
  const capped = cmd.json ? { maxRows: TABLE_ROWS_BESIDE_REPORT, moreWhere: `${showControls(shownPath(cmd.json))} lists every one` } : {};
  writeLines(tableLines(report, { color: process.stdout.isTTY === true, ...capped }));
  // Commands run from the project root: named when --cwd put it elsewhere.
  const reproduce = renderReproduce(report, undefined, resolve(cmd.settings.cwd) === process.cwd() ? undefined : cmd.settings.cwd);
  if (reproduce !== "") process.stdout.write("\n" + reproduce + "\n");
  if (interrupted) return interrupted === "SIGINT" ? 130 : 143;
  return report.summary.deterministic > 0 ? EXIT.deterministic : EXIT.ok;
}

/** A path as the user would type it from here: relative below the current directory, else absolute. */
function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? abs : rel;
}

/**
 * Each line and its newline, written a few hundred at a time: a table of 31,000 failing tests
 * never exists as one string and its UTF-8 copy. (Writes to files, pipes and terminals are
 * synchronous on Linux and macOS, so nothing queues up.)
 */
function writeLines(lines: Iterable<string>): void {
  let batch: string[] = [];
  const flush = (): void => {
    if (batch.length > 0) process.stdout.write(batch.join("\n") + "\n");
    batch = [];
  };
  for (const l of lines) if (batch.push(l) === 256) flush();
  flush();
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UserError) {
      process.stderr.write(`flaky-triage: ${err.message}\n`);
    } else {
      // Unexpected: one line for the user, the detail for whoever files the bug.
      process.stderr.write(`flaky-triage: internal error: ${errorMessage(err)}\n`);
      if (process.env["FLAKY_TRIAGE_DEBUG"] && err instanceof Error) writeFileSync(2, `${err.stack}\n`);
    }
    process.exitCode = EXIT.usage;
  },
);
