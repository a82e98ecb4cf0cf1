export interface Sink {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * One status line on stderr that is redrawn in place on a terminal, and the plain lines that
 * scroll above it. In a CI log (not a TTY) nothing is redrawn: callers print whole lines.
 */
export class StatusLine {
  readonly live: boolean;
  private lastLen = 0;

  constructor(
    private readonly out: Sink,
    quiet: boolean,
  ) {
    this.live = !quiet && out.isTTY === true;
  }

  /** Clears the status line, if one is shown. */
  clear(): void {
    if (this.live && this.lastLen > 0) this.out.write("\r" + " ".repeat(this.lastLen) + "\r");
    this.lastLen = 0;
  }

  /** A line that stays (scrolls above the status line). */
  line(s: string): void {
    this.clear();
    this.out.write(s + "\n");
  }

  /** Replaces the status line; cut to the terminal's width so it never wraps. */
  redraw(s: string): void {
    const width = Math.max(20, (this.out.columns ?? 100) - 1);
    const text = s.length > width ? s.slice(0, width - 1) + "…" : s;
    this.out.write("\r" + text.padEnd(this.lastLen));
    this.lastLen = text.length;
  }
}
