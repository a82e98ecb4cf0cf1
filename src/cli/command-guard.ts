/**
 * In a GitHub Actions `run:` step the runner reads every line the CLI prints as a possible
 * workflow command: `::name::` at the start of a line, `##[name]` anywhere. The CLI prints test
 * ids, messages and paths from untrusted reports (a table row starts with the id), so in a
 * workflow everything it prints sits inside one `::stop-commands::TOKEN` block, closed when
 * the process exits. The token is random: nothing printed can know it.
 */
import { randomBytes } from "node:crypto";

/** Opens the block when `env` says this is a GitHub Actions step; the block closes at exit. */
export function guardWorkflowCommands(env: Readonly<Record<string, string | undefined>>, out: NodeJS.WriteStream): void {
  if (env["GITHUB_ACTIONS"] !== "true") return;
  const token = randomBytes(16).toString("hex");
  out.write(`::stop-commands::${token}\n`);
  // Writes to a pipe or file are synchronous on POSIX, so this lands after everything else.
  process.on("exit", () => out.write(`::${token}::\n`));
}
