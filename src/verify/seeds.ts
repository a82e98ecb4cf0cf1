/**
 * The seeds verify gives its trials, as deterministic streams.
 *
 * A run of T trials uses the seeds at indices 0..T-1 of one stream; `--shard K/N` takes the
 * contiguous index range [floor((K-1)T/N), floor(KT/N)). So N shards together run exactly the
 * seeds one unsharded run with the same stream would, each seed once, and their merged totals
 * are those of that run.
 *
 * A random stream is keyed by a base seed (any short text; random when not given, and always
 * recorded in the JSON so the run can be repeated). The seed at index i is a keyed permutation
 * of i over [0, 2^31 - 1), plus one: a 4-round Feistel network over 32 bits, cycle-walked into
 * the range. A permutation, so no two indices share a seed (the shards' streams are disjoint
 * by construction, not by luck); 31-bit decimals from 1, because every seeding API we know
 * accepts them (numpy: < 2^32; C `int`: < 2^31; some treat 0 as "pick one for me").
 *
 * A list stream (`--seed-list FILE`) is the file's seeds in order, sharded the same way.
 */
import { createHash, randomBytes } from "node:crypto";
import { UserError } from "../errors.js";

/** Seeds are 1..SEED_RANGE: 31-bit, see above. */
const SEED_RANGE = 2 ** 31 - 1;
/** Bumped if the derivation ever changes: a recorded base seed must keep meaning the same seeds. */
const KEY_CONTEXT = "flaky-triage verify seed stream v1\0";
const FEISTEL_ROUNDS = 4;
/** A list seed travels through argv, the environment and our plugin's comma-separated list. */
const LIST_SEED = /^[\x21-\x2b\x2d-\x7e]{1,80}$/;
export const MAX_BASE_SEED_CHARS = 64;

export type SeedStream =
  | { kind: "random"; baseSeed: string; total: number }
  | { kind: "list"; file: string; sha256: string; total: number; seeds: readonly string[] };

/** What the JSON records about a stream (a list's seeds are not repeated there). */
export type StreamInfo =
  | { kind: "random"; baseSeed: string; total: number }
  | { kind: "list"; file: string; sha256: string; total: number };

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** A fresh base seed: 64 random bits as decimal. */
export function randomBaseSeed(): string {
  return BigInt(`0x${randomBytes(8).toString("hex")}`).toString();
}

export function checkBaseSeed(text: string): string {
  if (!/^[\x21-\x7e]+$/.test(text) || text.length > MAX_BASE_SEED_CHARS) {
    throw new UserError(`--base-seed must be 1 to ${MAX_BASE_SEED_CHARS} printable characters without spaces, got '${text}'`);
  }
  return text;
}

/** `K/N` with 1 <= K <= N. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard expects K/N with 1 <= K <= N (e.g. 2/4), got '${text}'`);
  }
  return { index, count };
}

/** The indices [start, end) of the stream that a shard runs. */
export function shardRange(total: number, shard: Shard | null): { start: number; end: number } {
  if (shard === null) return { start: 0, end: total };
  return {
    start: Math.floor(((shard.index - 1) * total) / shard.count),
    end: Math.floor((shard.index * total) / shard.count),
  };
}

/** Seeds of one list file: one per line; blank lines and `#` comments are skipped. */
export function parseSeedList(text: string, file: string): string[] {
  const seeds: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (!LIST_SEED.test(line)) {
      throw new UserError(`--seed-list ${file}:${i + 1}: '${line.slice(0, 40)}' is not a seed (printable, no spaces or commas, at most 80 characters)`);
    }
    seeds.push(line);
  }
  if (seeds.length === 0) throw new UserError(`--seed-list ${file} holds no seeds`);
  return seeds;
}

export function listStream(file: string, text: string): SeedStream {
  const seeds = parseSeedList(text, file);
  return {
    kind: "list",
    file,
    sha256: createHash("sha256").update(seeds.join("\n")).digest("hex"),
    total: seeds.length,
    seeds,
  };
}

export function streamInfo(s: SeedStream): StreamInfo {
  return s.kind === "random"
    ? { kind: "random", baseSeed: s.baseSeed, total: s.total }
    : { kind: "list", file: s.file, sha256: s.sha256, total: s.total };
}

/** The seeds of indices [start, end) of the stream. */
export function streamSeeds(stream: SeedStream, start: number, end: number): string[] {
  if (stream.kind === "list") return stream.seeds.slice(start, end);
  const keys = roundKeys(stream.baseSeed);
  const out: string[] = [];
  for (let i = start; i < end; i++) out.push(String(permuteIndex(i, keys) + 1));
  return out;
}

function roundKeys(baseSeed: string): number[] {
  const digest = createHash("sha256").update(KEY_CONTEXT + baseSeed).digest();
  return Array.from({ length: FEISTEL_ROUNDS }, (_, r) => digest.readUInt32BE(r * 4));
}

/** murmur3's 32-bit finaliser: a cheap, well-mixed round function. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function feistel32(x: number, keys: readonly number[]): number {
  let left = x >>> 16;
  let right = x & 0xffff;
  for (const k of keys) {
    const next = left ^ (mix32(right ^ k) & 0xffff);
    left = right;
    right = next;
  }
  return ((left << 16) | right) >>> 0;
}

/**
 * A bijection on [0, SEED_RANGE): cycle-walking a permutation of the 32-bit values until it
 * lands in range keeps it a permutation of the range (about two steps on average).
 */
export function permuteIndex(i: number, keys: readonly number[]): number {
  if (!Number.isInteger(i) || i < 0 || i >= SEED_RANGE) throw new RangeError(`seed index out of range: ${i}`);
  let x = i;
  do x = feistel32(x, keys);
  while (x >= SEED_RANGE);
  return x;
}

export function keysFor(baseSeed: string): number[] {
  return roundKeys(baseSeed);
}
