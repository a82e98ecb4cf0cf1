/**
 * Workflow commands (`::error file=..::msg`) written to stdout, escaped, and a log channel that
 * keeps untrusted text (test names, rerun output) from being read as commands. A test that
 * prints `::add-mask::`, `::error::` or `::set-output` must not change what the runner does,
 * so such text is only ever echoed inside `::stop-commands::TOKEN` ... `::TOKEN::`.
 */
import { randomBytes } from "node:crypto";

/** Annotation properties the runner understands (GitHub Docs, "Workflow commands"). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
}

export type AnnotationLevel = "error" | "warning" | "notice";

/** Message data: the runner unescapes `%25`, `%0D`, `%0A` (actions/runner ActionCommand.cs). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values additionally end at `,` and the properties at `::`, so those are escaped too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

export function annotationCommand(level: AnnotationLevel, message: string, props: AnnotationProperties = {}): string {
  return formatCommand(
    level,
    { title: props.title, file: props.file, line: props.line, endLine: props.endLine, col: props.col },
    message,
  );
}

/** Where lines go: stdout in the Action, an array in tests. */
export interface LineSink {
  write(line: string): void;
}

export const stdoutSink: LineSink = { write: (line) => void process.stdout.write(line + "\n") };

/**
 * The Action's only way to the log. Untrusted lines open a stop-commands block (once, lazily);
 * any command closes it first, so commands are always live and untrusted text never is.
 */
export class WorkflowLog {
  private token: string | null = null;
  /** Annotations written so far, per level: they count against the runner's per-step caps. */
  readonly annotations: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  constructor(private readonly sink: LineSink = stdoutSink) {}

  /** Echoes text that may contain `::` commands (test output, ids, messages) as inert text. */
  untrusted(text: string): void {
    if (this.token === null || text.includes(this.token)) {
      this.resume();
      // A fresh random token per block: a test cannot guess it, and the check above makes sure
      // the text does not happen to contain it.
      let token = randomBytes(16).toString("hex");
      while (text.includes(token)) token = randomBytes(16).toString("hex");
      this.token = token;
      this.sink.write(`::stop-commands::${token}`);
    }
    for (const line of text.split(/\r?\n/)) this.sink.write(line);
  }

  /** Our own informational line; it is trusted, but still must not sit inside a stopped block. */
  info(line: string): void {
    this.command(line);
  }

  annotation(level: AnnotationLevel, message: string, props: AnnotationProperties = {}): void {
    this.annotations[level]++;
    this.command(annotationCommand(level, message, props));
  }

  warning(message: string): void {
    this.annotation("warning", message);
  }

  group(name: string): void {
    this.command(formatCommand("group", {}, name));
  }

  endGroup(): void {
    this.command("::endgroup::");
  }

  /** Masks a secret in all later log output (the runner replaces it with `***`). */
  mask(secret: string): void {
    if (secret !== "") this.command(formatCommand("add-mask", {}, secret));
  }

  /** Ends a stopped block, if one is open. */
  resume(): void {
    if (this.token !== null) {
      this.sink.write(`::${this.token}::`);
      this.token = null;
    }
  }

  private command(line: string): void {
    this.resume();
    this.sink.write(line);
  }
}
