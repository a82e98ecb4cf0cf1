/**
 * Files a rerun process starts with in its private directory, copied from the project: the
 * hypothesis example database, so a rerun replays the falsifying example the CI run saved
 * (hypothesis tries saved examples first) instead of searching afresh and often missing it.
 * Copied, never linked: what the rerun saves must not reach the project.
 */
import { cp, readdir, stat } from "node:fs/promises";
import path from "node:path";

/** A directory copied in whole, or not at all when larger (a long-lived local database). */
export const MAX_COPY_IN_BYTES = 64 * 1024 * 1024;
/** Files looked at before giving up on a directory as too large to copy. */
const MAX_COPY_IN_FILES = 20_000;

export interface CopyIn {
  /** Relative to the project (the rerun's working directory). */
  from: string;
  /** Absolute, inside the rerun's own directory. */
  to: string;
}

/** Copies each existing `from` directory to `to`; a missing, unreadable or oversized one is skipped. */
export async function copyIn(items: readonly CopyIn[] | undefined, cwd: string): Promise<void> {
  for (const item of items ?? []) {
    const from = path.resolve(cwd, item.from);
    if ((await sizeWithin(from, MAX_COPY_IN_BYTES)) === null) continue;
    await cp(from, item.to, { recursive: true, force: false, errorOnExist: false, dereference: false, verbatimSymlinks: true }).catch(() => undefined);
  }
}

/** Total size of the regular files under `dir`, or null when it is no directory or exceeds `max`. */
async function sizeWithin(dir: string, max: number): Promise<number | null> {
  const info = await stat(dir).catch(() => null);
  if (info === null || !info.isDirectory()) return null;
  let total = 0;
  let files = 0;
  const pending = [dir];
  while (pending.length > 0) {
    const d = pending.pop()!;
    const entries = await readdir(d, { withFileTypes: true }).catch(() => null);
    if (entries === null) return null;
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) pending.push(p);
      else if (e.isFile()) {
        total += (await stat(p).catch(() => null))?.size ?? 0;
        if (++files > MAX_COPY_IN_FILES || total > max) return null;
      }
    }
  }
  return total;
}
