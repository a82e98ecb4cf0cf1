/**
 * Escaping for untrusted text (test ids, messages, paths, seeds, output) on its way into
 * GitHub-flavoured Markdown, HTML blocks, code spans and fenced code blocks. Every renderer
 * goes through here; nothing from a report reaches Markdown raw.
 */

// CSI/OSC and other ESC sequences first (so their parameters go with them), then the rest of
// C0 (except tab and newline), DEL and C1. Test output is full of colour codes and a hostile
// test can print cursor movements or terminal title changes.
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi overrides and isolates can make a displayed id read differently from what it is
// ("Trojan Source", CVE-2021-42574).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Removes ANSI escape sequences, control characters (tab and newline kept) and bidi overrides. */
export function stripControl(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(ANSI_SEQUENCE, "").replace(CONTROL, "").replace(BIDI, "");
}

/**
 * Shows control characters (C0 and C1) as `\xNN` and bidi controls as `\uNNNN`: visible, inert
 * on a terminal, nothing lost; a bidi override could make a command read as another.
 */
export function showControls(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
      .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`)
  );
}

/** Collapses all whitespace runs (newlines included) to single spaces and trims. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\s+/g, " ").trim();
}

/** Shortens to at most `max` characters (code points), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("") + "\u2026";
}

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

// U+2060 WORD JOINER is invisible and, unlike a space, keeps the text reading the same, but
// GitHub's mention and issue-reference filters no longer see `@name` or `#123`. (Entities such
// as `&#64;` do not help: they are decoded before those filters run on the text nodes.)
const JOINER = "\u2060";

function breakReferences(text: string): string {
  // After every `@`, not only one a name follows: in escapeMarkdown the punctuation after it is
  // backslash-escaped first (`admin@\.evil\.com`), and GitHub's email autolinks still form
  // through the escapes (mailto:admin@.evil.com).
  return text.replace(/@/g, `@${JOINER}`).replace(/#(?=[0-9])/g, `#${JOINER}`);
}

/**
 * For text inside an HTML block (e.g. `<summary>`): entities for `& < > " '`, references broken.
 * Markdown is not parsed inside an HTML block, but Markdown punctuation becomes numeric
 * entities as well, so the text stays literal even where a renderer does parse it.
 */
export function escapeHtml(text: string): string {
  // References are broken first: the entities made afterwards (`&#39;`) contain `#` + digits.
  return breakReferences(oneLine(text)).replace(/[&<>"'`*_[\]()~$|\\]/g, (c) => HTML_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`);
}

// Everything CommonMark lets a backslash escape that could start or end inline syntax:
// emphasis `*_~`, code `` ` ``, links and images `[]()!`, headings and lists `#+-.`,
// table cells `|`, GitHub math `$`, and the backslash itself. `& < > " '` become entities.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~$:]/g;

/**
 * For text in a Markdown context (paragraph or table cell): one line, HTML-escaped,
 * Markdown punctuation backslash-escaped, mentions and issue references broken, so it
 * renders as the literal text it is.
 */
export function escapeMarkdown(text: string): string {
  return breakReferences(oneLine(text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)).replace(
    /[&<>"']/g,
    (c) => HTML_ENTITIES[c] ?? c,
  );
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/**
 * An inline code span that cannot be closed early: its delimiter is one backtick longer than
 * the longest run inside. In a table cell, `|` still splits the row even inside a code span
 * (GFM tables are split before inline parsing), so it is backslash-escaped there.
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let body = oneLine(text);
  if (options.inTable) body = body.replace(/\|/g, "\\|");
  if (body === "") return "` `";
  const fence = "`".repeat(longestRun(body, "`") + 1);
  // A leading or trailing backtick would merge with the fence; CommonMark strips one space
  // from each side when both are present.
  const pad = body.startsWith("`") || body.endsWith("`") || (body.startsWith(" ") && body.endsWith(" "));
  return pad ? `${fence} ${body} ${fence}` : `${fence}${body}${fence}`;
}

/**
 * A fenced code block (with a blank line before it, as it may follow an HTML block). The fence
 * is longer than any backtick run in the body, so no line inside can close it.
 */
export function codeBlock(text: string, language = ""): string {
  const body = stripControl(text).replace(/\n+$/, "");
  const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
  const info = language.replace(/[^A-Za-z0-9_+-]/g, "");
  return `${fence}${info}\n${body}\n${fence}`;
}
