/**
 * The Action's `mode: verify` and `mode: merge`: run (a shard of) the trials, or merge the
 * shards' reports, then write the JSON and the job summary, set outputs and decide the step.
 * A matrix of N `verify` jobs with `shard: k/N` uploads the reports as artifacts; a final job
 * downloads them and runs `merge` (docs/verify.md has the workflow).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { mergeFiles } from "../cli/merge-command.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { oneLine } from "../render/escape.js";
import type { VerifyReport } from "../verify/model.js";
import { boundSentence, renderVerifyMarkdown, renderVerifyText, failureSentence } from "../verify/report.js";
import { planVerify, verifyOptions } from "../verify/settings.js";
import { verify } from "../verify/verify.js";
import type { VerifyActionSettings } from "./inputs.js";
import type { ActionDeps } from "./run.js";
import { appendStepSummary } from "./summary.js";

/** The report's file name: shards get distinct names so their artifacts can share a folder. */
export function verifyReportName(r: VerifyReport): string {
  return r.shard ? `verify-shard-${r.shard.index}-of-${r.shard.count}.json` : r.merged ? "verify-merged.json" : "verify.json";
}

export async function runVerifyMode(settings: VerifyActionSettings, deps: ActionDeps): Promise<number> {
  const { log } = deps;
  const gh = settings.github;
  let report: VerifyReport;
  if (settings.mode === "merge") {
    report = await mergeFiles(settings.mergePatterns, settings.verify.cwd);
    const missing = report.merged?.missing ?? [];
    if (missing.length > 0) log.warning(`merge: shard(s) ${missing.join(", ")} of ${report.merged?.count ?? "?"} are missing; the totals cover the others only.`);
  } else {
    const s = settings.verify;
    const plan = await planVerify(s);
    const runDir = await mkdtemp(join(gh.runnerTemp, "flaky-triage-verify-"));
    const shard = s.shard ? `, shard ${s.shard.index}/${s.shard.count}` : "";
    log.info(`flaky-triage verify: ${plan.targets.length} test(s), ${plan.stream.total} trials each${shard}, from ${s.cwd}`);
    try {
      report = await verify(
        verifyOptions(s, plan, {
          runDir,
          env: deps.env,
          ...(deps.signal ? { signal: deps.signal } : {}),
          onProgress: (ev) => {
            // Test ids are untrusted: echoed only inside a stop-commands block.
            if (ev.kind === "test-done") log.untrusted(`[${ev.index + 1}/${ev.count}] ${oneLine(ev.test.id)}: ${boundSentence(ev.test)}`);
          },
        }),
      );
    } finally {
      await rm(runDir, { recursive: true, force: true });
    }
  }

  const outDir = join(gh.runnerTemp, "flaky-triage");
  const reportPath = join(outDir, verifyReportName(report));
  await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + "\n");
  log.untrusted(renderVerifyText(report));
  const markdown = renderVerifyMarkdown(report);
  const summaryPath = join(outDir, "verify-summary.md");
  await writeFileAtomic(summaryPath, markdown);
  if (settings.summary && gh.stepSummary !== null) await appendStepSummary(gh.stepSummary, markdown);

  log.resume();
  const failedTrials = report.tests.reduce((n, t) => n + t.failed + t.timedOut + t.crashed, 0);
  deps.setOutput("report", reportPath);
  deps.setOutput("summary-markdown", summaryPath);
  deps.setOutput("failed-trials", String(failedTrials));

  const failure = failureSentence(report);
  if (settings.failOn !== "never" && failure !== null) {
    log.annotation("error", `${failure}; see the job summary for the failing seeds and notes.`);
    return 1;
  }
  return 0;
}
