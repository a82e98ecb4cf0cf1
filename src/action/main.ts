/** Entry point of the GitHub Action (bundled by ncc into dist/index.js). */
import { keepingHeapSmall } from "../io/heap.js";
import { triage, type TriageHooks } from "../triage.js";
import type { TriageSettings } from "../settings.js";
import { octokitChecks } from "./check-run.js";
import { actionsCache } from "./history.js";
import { setOutput } from "./outputs.js";
import { runAction } from "./run.js";
import { WorkflowLog } from "./workflow-commands.js";

// A cancelled workflow sends SIGINT, then SIGTERM: stop reruns and publish what finished.
const abort = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => abort.abort());

/** The engine, with the heap kept small between its phases (a report can be hundreds of MB). */
function triageKeepingHeapSmall(settings: TriageSettings, hooks: TriageHooks, options?: { noRerunNote?: string }) {
  return keepingHeapSmall((afterPhase) => triage(settings, { ...hooks, afterPhase }, options));
}

process.exitCode = await runAction({
  env: process.env,
  log: new WorkflowLog(),
  triage: triageKeepingHeapSmall,
  cache: actionsCache,
  checks: octokitChecks,
  setOutput: (name, value) => setOutput(name, value),
  signal: abort.signal,
});
