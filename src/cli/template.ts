import { UserError } from "../errors.js";

/**
 * Splits a `--rerun-command` template into argv the way a POSIX shell would split a simple
 * command line (whitespace, single and double quotes, backslash), without expanding anything.
 * The template comes from the workflow author (trusted); the values substituted into it later
 * come from reports (untrusted) and are placed into argv elements, never re-split.
 */
export function splitCommandTemplate(src: string): string[] {
  const out: string[] = [];
  let cur = "";
  let has = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && i + 1 < src.length && '"\\$`'.includes(src[i + 1]!)) cur += src[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === "\\" && i + 1 < src.length) {
      cur += src[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (quote) throw new UserError(`--rerun-command has an unclosed ${quote} quote`);
  if (has || cur) out.push(cur);
  return out;
}
