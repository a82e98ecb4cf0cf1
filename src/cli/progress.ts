import type { TriageProgress } from "../triage.js";
import { sanitizeLine } from "./sanitize.js";
import { StatusLine, type Sink } from "./status-line.js";
import { ReadingLines, readingAmount } from "../render/reading.js";
import { doneLineKind } from "../render/format.js";

const PHASE_LABEL: Record<string, string> = {
  "same-seed": "same seed",
  "fresh-seeds": "fresh seeds",
  order: "after predecessors",
};

/** A terminal's status line is redrawn at most this often while a report is read (1 MiB a call). */
const REDRAW_EVERY_MS = 100;

/**
 * Progress on stderr. On a terminal one line is redrawn in place; in a CI log (not a TTY)
 * redrawing would spam the log, so each test gets one line when it finishes.
 */
export class ProgressPrinter {
  private readonly status: StatusLine;
  private readonly readingLines: ReadingLines;
  private readonly now: () => number;
  private redrawnAt = -Infinity;

  constructor(
    out: Sink,
    private readonly opts: { quiet: boolean; now?: () => number },
  ) {
    this.status = new StatusLine(out, opts.quiet);
    this.now = opts.now ?? Date.now;
    this.readingLines = new ReadingLines(this.now);
  }

  update(ev: TriageProgress): void {
    if (this.opts.quiet) {
      // Quiet drops progress, not problems: a report missing or cut off still says so.
      if (ev.kind === "read") for (const w of ev.warnings) this.line(`warning: ${sanitizeLine(w)}`);
      return;
    }
    switch (ev.kind) {
      case "reading": {
        // The amount first: on a narrow terminal the path is what gets cut.
        if (this.status.live) {
          const t = this.now();
          if (t - this.redrawnAt < REDRAW_EVERY_MS && ev.bytesRead < ev.bytesTotal) return;
          this.redrawnAt = t;
          this.status.redraw(`reading ${readingAmount(ev.bytesRead, ev.bytesTotal)}: ${sanitizeLine(ev.path)}`);
          return;
        }
        const amount = this.readingLines.next(ev);
        if (amount !== null) this.line(`reading ${amount}: ${sanitizeLine(ev.path)}`);
        return;
      }
      case "read":
        this.line(`read ${sanitizeLine(ev.path)}: ${ev.tests} tests, ${ev.failing} failing`);
        for (const w of ev.warnings) this.line(`  warning: ${sanitizeLine(w)}`);
        return;
      case "plan":
        if (ev.toRerun > 0 || ev.notRerun > 0) {
          this.line(`rerunning ${ev.toRerun} failing test(s)${ev.notRerun ? `, ${ev.notRerun} not rerun` : ""}`);
        }
        return;
      case "budget-spent":
        this.line(`time budget of ${ev.seconds} s spent: stopping the reruns still running; the report keeps the attempts they finished`);
        return;
      case "rerun":
        if (this.status.live) {
          const label = PHASE_LABEL[ev.phase] ?? ev.phase;
          this.status.redraw(`[${ev.index + 1}/${ev.count}] ${sanitizeLine(ev.id)}  ${label} ${ev.done}/${ev.total} ...`);
        }
        return;
      case "test-done": {
        const shown = doneLineKind(ev.test, ev.rerun);
        if (shown === null) return;
        const head = `[${ev.index + 1}/${ev.count}] ${sanitizeLine(ev.test.id)}`;
        this.line(shown === "verdict" ? `${head}: ${ev.test.verdict}, ${ev.test.cause}` : `${head}: not rerun: ${sanitizeLine(ev.test.reruns.note ?? "")}`);
        return;
      }
    }
  }

  done(): void {
    this.status.clear();
  }

  private line(s: string): void {
    this.status.line(s);
  }
}
