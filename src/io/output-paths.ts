/**
 * Output options checked before anything runs (reruns can take many minutes, and a report that
 * cannot be written at the end is lost work):
 * - the user's reports are never written: an output path that names one of the files being read
 *   (by the same path, a symlink or a hard link: the same file on disk) is refused, so a slip
 *   like `--json junit.xml` costs a message, not the CI run's only report;
 * - an output path that is a directory is refused.
 */
import { statSync, type Stats } from "node:fs";
import { UserError } from "../errors.js";

/** An output option as the user gave it, and where it resolves. */
export interface Output {
  flag: string;
  path: string | null;
}

/** The file's stats, or null when it is missing or unreadable (reading reports that). */
function statOf(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** A regular file's identity on disk (device and inode), the same for its links. */
function identity(s: Stats | null): string | null {
  return s !== null && s.isFile() ? `${s.dev}:${s.ino}` : null;
}

/**
 * Throws a UserError when an output is a directory or one of `inputs` (paths as read;
 * `resolveInput` makes them absolute).
 */
export function checkOutputPaths(outputs: readonly Output[], inputs: readonly string[], resolveInput: (p: string) => string): void {
  const written: (Output & { id: string })[] = [];
  for (const o of outputs) {
    if (o.path === null) continue;
    const stats = statOf(o.path);
    if (stats?.isDirectory() === true) throw new UserError(`${o.flag} ${o.path}: is a directory; give the path of a file to write`);
    // A new output (no file yet) cannot be a report.
    const id = identity(stats);
    if (id !== null) written.push({ ...o, id });
  }
  if (written.length === 0) return;
  for (const input of inputs) {
    const id = identity(statOf(resolveInput(input)));
    const clash = id === null ? undefined : written.find((o) => o.id === id);
    if (clash !== undefined) {
      throw new UserError(`${clash.flag} ${clash.path}: is ${input}, one of the reports being read; writing there would overwrite it (choose another file)`);
    }
  }
}
