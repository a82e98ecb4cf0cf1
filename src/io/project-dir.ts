import { statSync } from "node:fs";
import { UserError } from "../errors.js";

/**
 * The project root a command runs tests in (`--cwd`) must be a directory. A mistyped one made
 * every rerun unable to start: each test read "not rerun" and the run exited 0, the reason only
 * in the JSON report's notes.
 */
export function checkProjectDir(flag: string, dir: string): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // Missing or unreadable: said below.
  }
  if (!isDir) throw new UserError(`${flag} ${dir}: not a directory`);
}
