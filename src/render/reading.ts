/**
 * Words for how far reading a report has got, for the CLI's stderr and the Action's log alike.
 * Pure but for the clock it is given.
 */
import type { ReadProgress } from "../io/read-inputs.js";

/**
 * In a log (not a terminal), how long a report may be read before a line says how far reading
 * has got, and how often again. A 500 MB report takes seconds to read and a line per block would
 * bury the log; a read shorter than this says nothing until its "read" line.
 */
export const READING_LINE_EVERY_MS = 5_000;

/** `120 of 500 MB (24%)`: bytes read of a file's size, in whole MB (KB below 1 MB). */
export function readingAmount(bytesRead: number, bytesTotal: number): string {
  const mb = bytesTotal >= 1_000_000;
  const unit = mb ? 1_000_000 : 1_000;
  const pct = bytesTotal > 0 ? Math.min(100, Math.floor((bytesRead / bytesTotal) * 100)) : 100;
  return `${Math.round(bytesRead / unit)} of ${Math.round(bytesTotal / unit)} ${mb ? "MB" : "KB"} (${pct}%)`;
}

/** Which reading events make a line in a log: one every READING_LINE_EVERY_MS per report. */
export class ReadingLines {
  /** The report being read, and when its reading or its last line began. */
  private current: { path: string; since: number } | null = null;

  constructor(private readonly now: () => number) {}

  /** readingAmount for this event when a line is due, else null. */
  next(ev: ReadProgress): string | null {
    const t = this.now();
    if (this.current?.path !== ev.path) {
      this.current = { path: ev.path, since: t };
      return null;
    }
    if (t - this.current.since < READING_LINE_EVERY_MS) return null;
    this.current.since = t;
    return readingAmount(ev.bytesRead, ev.bytesTotal);
  }
}
