/**
 * The user's reports are never written: an output path that names one of the files being read
 * (by the same path, a symlink or a hard link: the same file on disk) is refused before anything
 * runs, so a slip like `--json junit.xml` costs a message, not the CI run's only report.
 */
import { statSync } from "node:fs";
import { UserError } from "../errors.js";

/** An output option as the user gave it, and where it resolves. */
export interface Output {
  flag: string;
  path: string | null;
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

/** Throws a UserError when an output is one of `inputs` (paths as read, relative to `cwd` or absolute). */
export function refuseOverwritingInputs(outputs: readonly Output[], inputs: readonly string[], resolveInput: (p: string) => string): void {
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
