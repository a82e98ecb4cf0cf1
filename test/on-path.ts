import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The first `cmd` on PATH (its full path), or null: where the tests' spawns will find it. */
export function onPath(cmd: string): string | null {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    const p = join(dir, cmd);
    if (dir && existsSync(p)) return p;
  }
  return null;
}
