import { showControls } from "../render/escape.js";

/**
 * Test ids and paths come from untrusted reports. On a terminal or in a CI log, control
 * characters could move the cursor, hide text or (in GitHub's log) start a workflow
 * command at the beginning of a line; printed ids are therefore made one visible line.
 */
export function sanitizeLine(s: string, max = 500): string {
  const clean = showControls(s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/\t/g, " "));
  return clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
}
