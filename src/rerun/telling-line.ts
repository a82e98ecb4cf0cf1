import { MAX_MESSAGE_CHARS } from "./limits.js";

/**
 * The most telling line a process printed, for a message when nothing better says why it
 * failed: its last error line (pytest's `ERROR` / `E `, `Fatal Python error`, `...Error:`), else
 * its last line; undefined when it printed nothing.
 */
export function tellingLine(stdout: string, stderr: string): string | undefined {
  const lines = `${stdout}\n${stderr}`
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^=+$/.test(l));
  const telling = [...lines].reverse().find((l) => /^(ERROR|E |Fatal Python error|.*Error:)/.test(l)) ?? lines[lines.length - 1];
  return telling?.slice(0, MAX_MESSAGE_CHARS);
}
