import type { TriageProgress } from "../triage.js";
import { sanitizeLine } from "./sanitize.js";

interface Sink {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const PHASE_LABEL: Record<string, string> = {
  "same-seed": "same seed",
  "fresh-seeds": "fresh seeds",
  order: "after predecessors",
};

/**
 * Progress on stderr. On a terminal one line is redrawn in place; in a CI log (not a TTY)
 * redrawing would spam the log, so each test gets one line when it finishes.
 */
export class ProgressPrinter {
  private readonly live: boolean;
  private lastLen = 0;

  constructor(
    private readonly out: Sink,
    private readonly opts: { quiet: boolean },
  ) {
    this.live = !opts.quiet && out.isTTY === true;
  }

  update(ev: TriageProgress): void {
    if (this.opts.quiet) return;
    switch (ev.kind) {
      case "read":
        this.line(`read ${sanitizeLine(ev.path)}: ${ev.tests} tests, ${ev.failing} failing`);
        return;
      case "plan":
        if (ev.toRerun > 0 || ev.notRerun > 0) {
          this.line(`rerunning ${ev.toRerun} failing test(s)${ev.notRerun ? `, ${ev.notRerun} not rerun` : ""}`);
        }
        return;
      case "rerun":
        if (this.live) {
          const label = PHASE_LABEL[ev.phase] ?? ev.phase;
          this.redraw(`[${ev.index + 1}/${ev.count}] ${sanitizeLine(ev.id)}  ${label} ${ev.done}/${ev.total} ...`);
        }
        return;
      case "test-done":
        if (ev.test.verdict === "not-rerun" && !ev.test.reruns.note?.startsWith("time")) return;
        this.line(
          `[${ev.index + 1}/${ev.count}] ${sanitizeLine(ev.test.id)}: ${ev.test.verdict}, ${ev.test.cause}`,
        );
        return;
    }
  }

  done(): void {
    if (this.live && this.lastLen > 0) this.out.write("\r" + " ".repeat(this.lastLen) + "\r");
    this.lastLen = 0;
  }

  private line(s: string): void {
    this.done();
    this.out.write(s + "\n");
  }

  private redraw(s: string): void {
    const width = Math.max(20, (this.out.columns ?? 100) - 1);
    const text = s.length > width ? s.slice(0, width - 1) + "…" : s;
    this.out.write("\r" + text.padEnd(this.lastLen) );
    this.lastLen = text.length;
  }
}
