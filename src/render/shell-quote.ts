/**
 * POSIX-shell quoting for the reproduce commands we print. Test ids, seeds and paths are
 * untrusted (they come from CI reports), so every word is either made only of characters no
 * POSIX shell treats specially, or wrapped in single quotes, inside which sh interprets
 * nothing at all; an embedded single quote is written as '\'' (close, escaped quote, reopen).
 */

/** Characters that no POSIX shell expands or splits on, wherever they appear in a word. */
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./=-]+$/;
/**
 * `NAME=value` as a command's first word is an assignment, not an argument, and zsh (where
 * people paste these) expands a leading `=` to a command path: quote both.
 */
const ASSIGNMENT_LIKE = /^(?:[A-Za-z_][A-Za-z0-9_]*)?=/;
/** POSIX: environment variable names the shell accepts in an assignment prefix. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}

/** Quotes one word so that `sh` passes it to the command byte for byte. */
export function shellQuote(word: string): string {
  // argv entries are C strings: a NUL cannot be passed by any shell (or by execve).
  if (word.includes("\0")) throw new RangeError("a shell word cannot contain a NUL byte");
  if (SAFE_WORD.test(word) && !ASSIGNMENT_LIKE.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * One command line: optional `NAME=value` prefixes (names validated, values quoted), then the
 * argv words quoted one by one.
 */
export function shellQuoteCommand(argv: readonly string[], env: Readonly<Record<string, string>> = {}): string {
  const words: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!isEnvName(name)) throw new RangeError(`not a valid environment variable name: ${JSON.stringify(name)}`);
    words.push(`${name}=${shellQuote(value)}`);
  }
  for (const word of argv) words.push(shellQuote(word));
  return words.join(" ");
}
