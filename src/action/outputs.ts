/**
 * The step's outputs, written as @actions/core 3.x's `setOutput` writes string values (the
 * GITHUB_OUTPUT file command, else the deprecated `set-output` command on stdout). Importing
 * @actions/core for this one call evaluated its HTTP client and undici at every start: ~45 ms
 * of the Action's ~110 ms of start-up over `node -e 0`.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync } from "node:fs";
import { EOL } from "node:os";
import { formatCommand } from "./workflow-commands.js";

export function setOutput(name: string, value: string, env: Readonly<Record<string, string | undefined>> = process.env): void {
  const file = env["GITHUB_OUTPUT"] || "";
  if (file === "") {
    process.stdout.write(EOL);
    process.stdout.write(formatCommand("set-output", { name }, value) + EOL);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  // A random heredoc delimiter, refused if the name or value holds it (as core does): a value
  // cannot end the block early and smuggle in other outputs.
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: "utf8" });
}
