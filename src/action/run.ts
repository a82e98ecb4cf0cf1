/**
 * The Action's work, with its side effects passed in (`ActionDeps`) so it runs in tests
 * without the runner: read settings, triage, write the report, publish, set outputs, decide.
 */
import { join, relative, sep } from "node:path";
import type { Report } from "../model.js";
import { UserError, errorMessage } from "../errors.js";
import { writeFileAtomic, writeJsonAtomic } from "../io/write-atomic.js";
import { oneLine } from "../render/escape.js";
import { doneLineKind, VERDICT_LABEL } from "../render/format.js";
import { ReadingLines } from "../render/reading.js";
import { renderTable, TABLE_ROWS_BESIDE_REPORT } from "../render/table.js";
import type { TriageSettings } from "../settings.js";
import type { TriageHooks } from "../triage.js";
import { planAnnotations, planForWorkflowCommands, selectForWorkflowCommands, type Annotation } from "./annotations.js";
import { publishCheckRun, type ChecksApi, type Conclusion } from "./check-run.js";
import { updateHistory, type HistoryCache } from "./history.js";
import { envInputReader, expandReports, parseInputs, parseMode, parseVerifyInputs, readEnvironment, type ActionSettings } from "./inputs.js";
import { runVerifyMode } from "./verify-mode.js";
import { appendStepSummary, checkRunMarkdown, stepSummaryMarkdown, type SummaryContext } from "./summary.js";
import type { WorkflowLog } from "./workflow-commands.js";

export interface ActionDeps {
  env: NodeJS.ProcessEnv;
  log: WorkflowLog;
  triage(settings: TriageSettings, hooks: TriageHooks, options?: { noRerunNote?: string }): Promise<Report>;
  cache(): Promise<HistoryCache>;
  checks(token: string, baseUrl: string): Promise<ChecksApi>;
  setOutput(name: string, value: string): void;
  signal?: AbortSignal;
  now?: () => Date;
}

/** Whether the step fails, per `fail-on`. */
export function shouldFail(report: Report, failOn: ActionSettings["failOn"]): boolean {
  if (failOn === "never") return false;
  if (failOn === "any") return report.summary.failed + report.summary.errored > 0;
  return report.summary.deterministic > 0;
}

function conclusion(report: Report, fails: boolean): Conclusion {
  if (fails) return "failure";
  return report.tests.length > 0 ? "neutral" : "success";
}

function failureSentence(report: Report, failOn: ActionSettings["failOn"]): string {
  const s = report.summary;
  return failOn === "any"
    ? `${s.failed + s.errored} test(s) failed (fail-on: any); see the job summary.`
    : `${s.deterministic} test(s) fail deterministically: real failures, not flakes (fail-on: deterministic); see the job summary.`;
}

/** Runs the Action; returns the exit code (0 or 1). Never throws. */
export async function runAction(deps: ActionDeps): Promise<number> {
  const { log } = deps;
  const get = envInputReader(deps.env);
  // Masked before anything else is read or printed.
  log.mask(get("github-token"));
  try {
    const mode = parseMode(get);
    if (mode !== "triage") return await runVerifyMode(parseVerifyInputs(get, readEnvironment(deps.env), mode), deps);
    const settings = parseInputs(get, readEnvironment(deps.env));
    settings.triage.reports = await expandReports(settings);
    return await publish(settings, deps);
  } catch (err) {
    const sentence = err instanceof UserError ? err.message : `flaky-triage failed: ${oneLine(errorMessage(err))}`;
    if (!(err instanceof UserError) && err instanceof Error && err.stack) log.untrusted(err.stack);
    log.annotation("error", sentence);
    return 1;
  }
}

/**
 * The client of an optional feature (history, the check run), or null with a warning when it
 * cannot be loaded: its code is in chunk files beside dist/index.js, which a copy of the Action
 * that kept only index.js lacks. The triage itself needs neither.
 */
async function loadOptional<T>(feature: string, load: () => Promise<T>, log: WorkflowLog): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    log.warning(`${feature}: could not load its client (${oneLine(errorMessage(err))}); is all of the Action's dist/ there? Skipped.`);
    return null;
  }
}

async function publish(settings: ActionSettings, deps: ActionDeps): Promise<number> {
  const { log } = deps;
  const gh = settings.github;
  log.info(`flaky-triage: ${settings.triage.reports.length} report file(s) from ${settings.triage.cwd}`);
  const readingLines = new ReadingLines(() => (deps.now?.() ?? new Date()).getTime());
  const report = await deps.triage(settings.triage, {
    ...(deps.signal ? { signal: deps.signal } : {}),
    env: deps.env,
    onProgress: (ev) => {
      if (ev.kind === "reading") {
        // A line every few seconds while a large report is read; paths can come from a PR.
        const line = readingLines.next(ev);
        if (line !== null) log.untrusted(`reading ${line}: ${oneLine(ev.path)}`);
        return;
      }
      if (ev.kind === "budget-spent") {
        log.info(`time-budget of ${ev.seconds} s spent: stopping the reruns still running; the report keeps the attempts they finished`);
        return;
      }
      // As the CLI does (doneLineKind); the rest are in the table below.
      if (ev.kind !== "test-done") return;
      const shown = doneLineKind(ev.test, ev.rerun);
      if (shown === null) return;
      // Test ids come from the reports: echoed only inside a stop-commands block.
      const head = `[${ev.index + 1}/${ev.count}] ${oneLine(ev.test.id)}`;
      log.untrusted(shown === "verdict" ? `${head}: ${VERDICT_LABEL[ev.test.verdict]}` : `${head}: not rerun: ${oneLine(ev.test.reruns.note ?? "")}`);
    },
  }, { noRerunNote: "reruns: 0: read and extracted only" });

  const outDir = join(gh.runnerTemp, "flaky-triage");
  const reportPath = join(outDir, "report.json");
  await writeJsonAtomic(reportPath, report);
  const inputWarnings = report.inputs.flatMap((i) => i.warnings);
  if (inputWarnings.length > 0) {
    // They name files and tests from the reports: echoed inertly; the annotation only counts them.
    log.untrusted(inputWarnings.map((w) => `warning: ${oneLine(w)}`).join("\n"));
    log.warning(
      `${inputWarnings.length} problem(s) reading the reports (a truncated, empty or missing file): see the log above and the job summary`,
    );
  }
  log.untrusted(renderTable(report, { maxRows: TABLE_ROWS_BESIDE_REPORT, moreWhere: "report.json lists every failing test" }));

  const notes: string[] = [];
  // The reproduce commands are the project's (paths from its root): say where that is.
  const projectRel = relative(gh.workspace, settings.triage.cwd);
  if (projectRel !== "" && report.tests.some((t) => t.reproduce !== null)) {
    notes.push(`Reproduce commands run from ${projectRel.split(sep).join("/")} (the step's working-directory).`);
  }
  const ctx: SummaryContext = { charts: settings.charts, notes };
  if (settings.history) {
    const cache = await loadOptional("history", deps.cache, log);
    if (cache !== null) {
      const result = await updateHistory(cache, join(gh.runnerTemp, "flaky-triage-history"), gh, report, writeFileAtomic, deps.now?.());
      for (const w of result.warnings) log.warning(w);
      ctx.history = result.view;
    }
  }

  const where = { projectDir: settings.triage.cwd, workspace: gh.workspace, ...(ctx.history ? { history: ctx.history } : {}) };
  // Planned in full only for a check run (it takes them all); workflow commands show a few.
  let planned: Annotation[] | undefined;
  const fails = shouldFail(report, settings.failOn);

  let checkRunCreated = false;
  if (settings.checkRun !== "false" && report.tests.length > 0) {
    const problem =
      settings.token === ""
        ? "check-run: no github-token, so no check run; the job summary and annotations have the results."
        : gh.repository === null || gh.headSha === null
          ? "check-run: GITHUB_REPOSITORY or GITHUB_SHA is not set, so no check run."
          : null;
    if (problem !== null) {
      log.warning(problem);
    } else if (gh.repository !== null && gh.headSha !== null) {
      const checks = await loadOptional("check-run", () => deps.checks(settings.token, gh.apiUrl), log);
      const result = checks === null ? null : await publishCheckRun(checks, {
        ...gh.repository,
        headSha: gh.headSha,
        workflow: gh.workflow,
        job: gh.job,
        name: settings.checkName,
        title: `${report.summary.deterministic} deterministic, ${report.summary.intermittent} intermittent, ${report.summary.notReproduced} not reproduced`,
        summary: checkRunMarkdown(report, ctx),
        conclusion: conclusion(report, fails),
        annotations: (planned ??= planAnnotations(report, where)),
      });
      if (result?.kind === "failed") log.warning(result.warning);
      else if (result?.kind === "created") {
        checkRunCreated = true;
        if (result.url !== null) ctx.checkRunUrl = result.url;
      }
    }
  }

  if (settings.annotations) {
    // The failure message at the end is an error annotation too: keep a slot for it.
    const used = { ...log.annotations, error: log.annotations.error + (fails ? 1 : 0) };
    const { shown, notShown } =
      planned !== undefined ? selectForWorkflowCommands(planned, used) : planForWorkflowCommands(report, where, used);
    for (const a of shown) {
      log.annotation(a.level, a.message, { title: a.title, ...(a.file ? { file: a.file } : {}), ...(a.line ? { line: a.line } : {}) });
    }
    if (notShown > 0) {
      notes.push(
        `${notShown} more annotation${notShown === 1 ? " is" : "s are"} not shown on the diff (GitHub shows at most 10 errors, 10 warnings and 10 notices per step)` +
          (checkRunCreated ? "; the check run has all of them." : "; the table below lists every failing test."),
      );
    }
  }

  const markdown = stepSummaryMarkdown(report, ctx);
  const summaryPath = join(outDir, "summary.md");
  await writeFileAtomic(summaryPath, markdown);
  if (settings.summary && gh.stepSummary !== null) await appendStepSummary(gh.stepSummary, markdown);

  log.resume();
  const s = report.summary;
  deps.setOutput("report", reportPath);
  deps.setOutput("deterministic", String(s.deterministic));
  deps.setOutput("intermittent", String(s.intermittent));
  deps.setOutput("not-reproduced", String(s.notReproduced));
  deps.setOutput("failed-tests", String(s.failed + s.errored));
  deps.setOutput("summary-markdown", summaryPath);

  if (fails) {
    log.annotation("error", failureSentence(report, settings.failOn));
    return 1;
  }
  return 0;
}
