/** Entry point of the GitHub Action (bundled by ncc into dist/index.js). */
import { triage } from "../triage.js";
import { octokitChecks } from "./check-run.js";
import { actionsCache } from "./history.js";
import { setOutput } from "./outputs.js";
import { runAction } from "./run.js";
import { WorkflowLog } from "./workflow-commands.js";

// A cancelled workflow sends SIGINT, then SIGTERM: stop reruns and publish what finished.
const abort = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => abort.abort());

process.exitCode = await runAction({
  env: process.env,
  log: new WorkflowLog(),
  triage,
  cache: actionsCache,
  checks: octokitChecks,
  setOutput: (name, value) => setOutput(name, value),
  signal: abort.signal,
});
