/**
 * A fixed string to look for in failure texts, many times over (the tolerance parsers' needles).
 *
 * `includes` finds a needle by scanning for its first character and comparing from there, so
 * its cost follows how common that character is: `" ± "` (a space first) took 30 ms over the
 * 17 MB of failure text in the 100 MB bench report, `"Failed: Timeout >"` 2 ms. Searching from
 * the needle's least common character, then checking the characters before it, finds exactly
 * the same occurrences at the cost of the rare one.
 */
export class Literal {
  /** The needle before its rarest character, and from it on. */
  private readonly head: string;
  private readonly tail: string;
  private readonly blankFirst: boolean;

  constructor(readonly text: string) {
    let best = 0;
    for (let i = 1; i < text.length; i++) if (rarity(text.charCodeAt(i)) > rarity(text.charCodeAt(best))) best = i;
    this.head = text.slice(0, best);
    this.tail = text.slice(best);
    this.blankFirst = rarity(text.charCodeAt(0)) === 0;
  }

  /** Whether `haystack` contains the needle (`haystack.includes(text)`). */
  in(haystack: string): boolean {
    const { head, tail } = this;
    // In a short text the split only adds its own cost, unless the needle starts with a blank
    // (found at every word). Measured on 50,000 one-line failures and on 6,288 of 2-8 KB.
    if (head.length === 0 || (haystack.length < SHORT_TEXT && !this.blankFirst)) return haystack.includes(this.text);
    for (let i = haystack.indexOf(tail, head.length); i >= 0; i = haystack.indexOf(tail, i + 1)) {
      if (haystack.startsWith(head, i - head.length)) return true;
    }
    return false;
  }
}

/** Texts shorter than this are searched with plain `includes` for needles led by a non-blank. */
const SHORT_TEXT = 1024;

/** English letters from the most to the least frequent (failure text is mostly English words). */
const LETTERS = "etaoinsrhldcumfpgwybvkxjqz";

/**
 * How rarely a character shows up in failure text, higher is rarer. A guess from tracebacks
 * and assertion messages: blanks, lower-case letters and digits are everywhere; capitals
 * start fewer words; most punctuation and anything beyond ASCII is rarer still. A wrong guess
 * only costs speed, never a match.
 */
function rarity(code: number): number {
  if (code === 0x20 || code === 0x0a || code === 0x09) return 0;
  if (code >= 0x61 && code <= 0x7a) return 1 + LETTERS.indexOf(String.fromCharCode(code)) / LETTERS.length;
  if (code >= 0x30 && code <= 0x39) return 1.5;
  if (code === 0x2e || code === 0x2c || code === 0x3a || code === 0x28 || code === 0x29 || code === 0x5f || code === 0x3d) return 1.5;
  if (code >= 0x41 && code <= 0x5a) return 3;
  if (code < 0x80) return 4;
  return 5;
}
