import type { VerifyProgress } from "../verify/verify.js";
import { boundSentence } from "../verify/report.js";
import { sanitizeLine } from "./sanitize.js";
import { StatusLine, type Sink } from "./status-line.js";

/** In a CI log a line per this share of a test's trials... */
const LOG_EVERY_FRACTION = 0.1;
/** ...or after this long, whichever comes first: a slow test still shows it is alive. */
const LOG_EVERY_MS = 10_000;
/** A terminal line is redrawn at most this often; thousands of trials/s would flood it. */
const REDRAW_EVERY_MS = 100;

/**
 * Verify's progress on stderr, with trials/s and an ETA. On a terminal one line is redrawn in
 * place; in a CI log a line every 10% of a test's trials or every 10 s.
 */
export class VerifyProgressPrinter {
  private readonly status: StatusLine;
  private started = 0;
  private lastDraw = 0;
  private lastLogged = 0;
  private lastLoggedAt = 0;

  constructor(
    out: Sink,
    private readonly opts: { quiet: boolean; now?: () => number },
  ) {
    this.status = new StatusLine(out, opts.quiet);
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  update(ev: VerifyProgress): void {
    if (this.opts.quiet) return;
    const tag = (index: number, count: number, id: string) => `[${index + 1}/${count}] ${sanitizeLine(id)}`;
    switch (ev.kind) {
      case "probe":
        this.line(`${tag(ev.index, ev.count, ev.id)}: probe run to learn how it takes its seed`);
        return;
      case "seed":
        this.started = this.now();
        this.lastLogged = 0;
        this.lastLoggedAt = this.started;
        return;
      case "trial": {
        const now = this.now();
        const elapsed = (now - this.started) / 1000;
        const rate = elapsed > 0 ? ev.done / elapsed : 0;
        const eta = rate > 0 ? (ev.total - ev.done) / rate : null;
        const text =
          `${tag(ev.index, ev.count, ev.id)}: ${ev.done}/${ev.total} trials, ${ev.failed} failed, ` +
          `${rate.toFixed(rate >= 100 ? 0 : 1)} trials/s, ETA ${eta === null ? "?" : duration(eta)}`;
        if (this.status.live) {
          if (now - this.lastDraw >= REDRAW_EVERY_MS || ev.done === ev.total) {
            this.lastDraw = now;
            this.status.redraw(text);
          }
        } else {
          const step = Math.max(1, Math.ceil(ev.total * LOG_EVERY_FRACTION));
          if (ev.done - this.lastLogged >= step || now - this.lastLoggedAt >= LOG_EVERY_MS) {
            this.lastLogged = ev.done;
            this.lastLoggedAt = now;
            this.line(text);
          }
        }
        return;
      }
      case "test-done":
        this.line(`${tag(ev.index, ev.count, ev.test.id)}: ${boundSentence(ev.test)}`);
        return;
    }
  }

  done(): void {
    this.status.clear();
  }

  private line(s: string): void {
    this.status.line(s);
  }
}

function duration(sec: number): string {
  if (sec < 60) return `${Math.ceil(sec)}s`;
  if (sec < 3600) return `${Math.floor(sec / 60)}m${String(Math.ceil(sec % 60)).padStart(2, "0")}s`;
  return `${Math.floor(sec / 3600)}h${String(Math.floor((sec % 3600) / 60)).padStart(2, "0")}m`;
}
