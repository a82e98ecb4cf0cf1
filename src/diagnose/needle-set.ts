/**
 * Which of many fixed strings a text contains, in one pass over it.
 *
 * Cause hints rule out their regexes with ~45 literal checks per failure text. `includes` jumps
 * between occurrences of a needle's first character, so needles that start with a common letter
 * ("crashed", "nan", "inf", "core dumped") walk the text nearly character by character, each on
 * its own: on the 100 MB bench report (6,288 failures, 17 M characters) the checks took ~190 ms.
 * An Aho-Corasick automaton reads each character once for all needles together (~75 ms there).
 * (Seed recognisers have fewer needles, mostly led by rare characters: `Literal` suits them better.)
 *
 * Needles are ASCII. The automaton reads the text with ASCII letters folded to lower case;
 * a case-sensitive needle is then confirmed where it ends with `startsWith`, so answers are
 * exactly those of `includes` (case-insensitive needles: of `includes` on the text with ASCII
 * letters lower-cased).
 */

export interface Needle {
  text: string;
  /** Matched ignoring ASCII case (as a regex's `i` flag without `u` matches ASCII letters). */
  ignoreCase?: boolean;
}

/** Characters that are no needle's: any of them sends the automaton back to its start. */
const OTHER = 0;

const NONE: readonly number[] = Object.freeze([]);

export class NeedleSet {
  private readonly needles: readonly Needle[];
  /** Class of each ASCII character (letters folded); everything else is OTHER. */
  private readonly classOf = new Uint8Array(128);
  private readonly classes: number;
  /** delta[state + class] is the next state, pre-multiplied by `classes`. */
  private readonly delta: Int32Array;
  /**
   * States are numbered so that those where some needle ends come last: the scan's only test
   * per character is one comparison with this (pre-multiplied) first one.
   */
  private readonly endingFrom: number;
  /** Needle indices ending at each state (its own and its suffixes'). */
  private readonly ends: readonly (readonly number[])[];

  constructor(needles: readonly Needle[]) {
    this.needles = needles;
    const folded = needles.map((n) => {
      if (n.text.length === 0 || !/^[\x00-\x7f]*$/.test(n.text)) throw new Error(`needle must be non-empty ASCII: ${JSON.stringify(n.text)}`);
      return n.text.toLowerCase();
    });
    let k = 1;
    for (const f of folded) {
      for (let i = 0; i < f.length; i++) {
        const c = f.charCodeAt(i);
        if (this.classOf[c] === OTHER) this.classOf[c] = k++;
      }
    }
    for (let c = 65; c <= 90; c++) this.classOf[c] = this.classOf[c + 32]!;
    this.classes = k;

    // The trie, then failure links breadth first (the textbook construction, as a full DFA).
    const goto: number[][] = [new Array<number>(k).fill(-1)];
    const ends: number[][] = [[]];
    folded.forEach((f, index) => {
      let s = 0;
      for (let i = 0; i < f.length; i++) {
        const c = this.classOf[f.charCodeAt(i)]!;
        if (goto[s]![c] === -1) {
          goto[s]![c] = goto.length;
          goto.push(new Array<number>(k).fill(-1));
          ends.push([]);
        }
        s = goto[s]![c]!;
      }
      ends[s]!.push(index);
    });
    const fail = new Array<number>(goto.length).fill(0);
    const queue: number[] = [];
    for (let c = 0; c < k; c++) {
      const t = goto[0]![c]!;
      if (t === -1) goto[0]![c] = 0;
      else queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      ends[s]!.push(...ends[fail[s]!]!);
      for (let c = 0; c < k; c++) {
        const t = goto[s]![c]!;
        if (t === -1) {
          goto[s]![c] = goto[fail[s]!]![c]!;
        } else {
          fail[t] = goto[fail[s]!]![c]!;
          queue.push(t);
        }
      }
    }
    const order = [...goto.keys()].sort((a, b) => Number(ends[a]!.length > 0) - Number(ends[b]!.length > 0) || a - b);
    const renumbered = new Array<number>(goto.length);
    order.forEach((old, s) => (renumbered[old] = s));
    this.delta = new Int32Array(goto.length * k);
    order.forEach((old, s) => goto[old]!.forEach((t, c) => (this.delta[s * k + c] = renumbered[t]! * k)));
    this.endingFrom = order.findIndex((old) => ends[old]!.length > 0) * k;
    if (this.endingFrom < 0) this.endingFrom = goto.length * k;
    this.ends = order.map((old) => ends[old]!);
  }

  /**
   * The indices of the needles `text.slice(0, end)` contains, in the order their first
   * occurrences end. Most texts contain none: the answer is then a shared empty array, and a
   * scan allocates nothing.
   */
  scan(text: string, end: number = text.length): readonly number[] {
    const { classOf, delta, endingFrom } = this;
    const stop = Math.min(end, text.length);
    let found: number[] | undefined;
    let s = 0;
    for (let i = 0; i < stop; i++) {
      const c = text.charCodeAt(i);
      s = delta[s + (c < 128 ? classOf[c]! : OTHER)]!;
      if (s >= endingFrom) found = this.confirm(text, i + 1, s / this.classes, found);
    }
    return found ?? NONE;
  }

  /** Needles ending at `endAt` in this state, added to `found` when new and (case) confirmed. */
  private confirm(text: string, endAt: number, state: number, found: number[] | undefined): number[] | undefined {
    for (const index of this.ends[state]!) {
      if (found?.includes(index)) continue;
      const n = this.needles[index]!;
      if (n.ignoreCase === true || text.startsWith(n.text, endAt - n.text.length)) (found ??= []).push(index);
    }
    return found;
  }
}
