/**
 * Test ids and paths come from untrusted reports. On a terminal or in a CI log, control
 * characters could move the cursor, hide text or (in GitHub's log) start a workflow
 * command at the beginning of a line; printed ids are therefore made one visible line.
 */
export function sanitizeLine(s: string, max = 500): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/[\x00-\x1f\x7f-\x9f]/g, (c) =>
    c === "\t" ? " " : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  return clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
}
