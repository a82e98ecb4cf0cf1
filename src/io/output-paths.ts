/**
 * Output options checked before anything runs (reruns can take many minutes, and a report that
 * cannot be written at the end is lost work):
 * - the user's reports are never written: an output path that names one of the files being read
 *   (by the same path, a symlink or a hard link: the same file on disk) is refused, so a slip
 *   like `--json junit.xml` costs a message, not the CI run's only report;
 * - an output path that is a directory is refused.
 */
import { statSync } from "node:fs";
import { UserError } from "../errors.js";

/** An output option as the user gave it, and where it resolves. */
export interface Output {
  flag: string;
  path: string | null;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function identity(p: string): string | null {
  try {
    const s = statSync(p);
    return s.isFile() ? `${s.dev}:${s.ino}` : null;
  } catch {
    // Missing (a new output) or unreadable (reading reports it): nothing to compare.
    return null;
  }
}

/**
 * Throws a UserError when an output is a directory or one of `inputs` (paths as read;
 * `resolveInput` makes them absolute).
 */
export function checkOutputPaths(outputs: readonly Output[], inputs: readonly string[], resolveInput: (p: string) => string): void {
  for (const o of outputs) {
    if (o.path !== null && isDirectory(o.path)) throw new UserError(`${o.flag} ${o.path}: is a directory; give the path of a file to write`);
  }
  const written = outputs.flatMap((o) => {
    if (o.path === null) return [];
    const id = identity(o.path);
    return id === null ? [] : [{ ...o, id }];
  });
  if (written.length === 0) return;
  for (const input of inputs) {
    const id = identity(resolveInput(input));
    const clash = id === null ? undefined : written.find((o) => o.id === id);
    if (clash !== undefined) {
      throw new UserError(`${clash.flag} ${clash.path}: is ${input}, one of the reports being read; writing there would overwrite it (choose another file)`);
    }
  }
}
