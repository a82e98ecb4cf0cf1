/** Byte accounting for outputs with size limits (job summary, check-run text). */

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The longest prefix of `text` that fits in `maxBytes` UTF-8 bytes, never splitting a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return "";
  if (byteLength(text) <= maxBytes) return text;
  const bytes = Buffer.from(text, "utf8");
  let end = maxBytes;
  // Back up over UTF-8 continuation bytes (10xxxxxx) to the start of the cut character.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}

/** Appends parts while they fit; remembers how much room is left. */
export class ByteBudget {
  private used = 0;
  readonly parts: string[] = [];

  constructor(readonly limit: number) {}

  get remaining(): number {
    return this.limit - this.used;
  }

  fits(text: string, reserve = 0): boolean {
    return byteLength(text) + reserve <= this.remaining;
  }

  /** Adds `text` if it fits with `reserve` bytes to spare; returns whether it did. */
  tryAdd(text: string, reserve = 0): boolean {
    const n = byteLength(text);
    if (n + reserve > this.remaining) return false;
    this.parts.push(text);
    this.used += n;
    return true;
  }

  toString(): string {
    return this.parts.join("");
  }
}
