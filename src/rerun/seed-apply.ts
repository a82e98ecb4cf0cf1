/**
 * How a recorded seed (and its related seeds) goes back to a rerun, and where fresh seeds come
 * from. Seed values are untrusted text from CI logs: they only ever become argv elements or
 * environment values, never shell text, and values a process cannot carry (NUL) are refused.
 */
import { randomBytes, randomInt } from "node:crypto";
import type { Seed } from "../model.js";
import { isEnvName } from "../render/shell-quote.js";
import { recogniserRunner } from "../seeds/recognisers.js";

/** Everything a seed and its related seeds ask for, merged. */
export interface SeedApplication {
  /** Environment variables with the recorded values. */
  env: Record<string, string>;
  /** Extra runner arguments (pytest-randomly's `-p randomly --randomly-seed=N`). */
  args: string[];
  /** Seed for python/numpy/torch global generators, through our plugin. */
  globalRng: string | null;
  /** The value fresh seeds replace (in env values, in args, as the global seed). */
  value: string;
}

/** Values our plugin receives comma-separated, and that a process environment can carry. */
const CARRIABLE = /^[^\0,\n\r]+$/;

/**
 * Null when nothing of the seed can be given back (hypothesis blobs, unknown mechanisms).
 * `runner` names the driver asking: seed arguments are kept only when they are that runner's
 * (jest's `--seed=N` means nothing to pytest); undefined is pytest, whose arguments carry no
 * runner name.
 */
export function seedApplication(seed: Seed | null, runner?: string): SeedApplication | null {
  if (seed === null) return null;
  const app: SeedApplication = { env: {}, args: [], globalRng: null, value: seed.value };
  for (const s of [seed, ...(seed.related ?? [])]) {
    const apply = s.apply;
    if (apply.kind === "args" && recogniserRunner(s.recogniser) !== runner) continue;
    if (apply.kind === "env") {
      for (const [name, value] of Object.entries(apply.env)) {
        if (isEnvName(name) && CARRIABLE.test(value)) app.env[name] = value;
      }
    } else if (apply.kind === "args") {
      if (apply.args.every((a) => !a.includes("\0"))) app.args.push(...apply.args);
    } else if (apply.kind === "global-rng") {
      if (app.globalRng === null && CARRIABLE.test(apply.value)) app.globalRng = apply.value;
    }
  }
  const empty = Object.keys(app.env).length === 0 && app.args.length === 0 && app.globalRng === null;
  return empty ? null : app;
}

/** `args` with every occurrence of the recorded seed replaced by `fresh`. */
export function argsWithSeed(app: SeedApplication, fresh: string): string[] {
  return app.args.map((a) => a.replaceAll(app.value, fresh));
}

/**
 * The largest seed a runner takes, where it is below our default: googletest's
 * --gtest_random_seed is 1..99999 (a larger one is folded into that range, so the seed in the
 * report would not be the one the run used).
 */
export function seedMax(seed: Seed): number | undefined {
  return seed.recogniser.startsWith("googletest-") ? 99_999 : undefined;
}

/** `count` fresh seeds for a recorded one, within what its runner takes (seedMax). */
export function freshSeedsFor(seed: Seed, count: number): string[] {
  return freshSeeds(seed.value, count, seedMax(seed));
}

const UINT32_MAX = 2n ** 32n - 1n;
/** Our default: 31-bit, valid for every seeding API we know (numpy: < 2^32, C int: < 2^31). */
const DEFAULT_SEED_BOUND = 2 ** 31;

/**
 * `count` new seeds, different from the recorded one and from each other, cryptographically
 * random (a CI's own PRNG state is what we are trying to get away from). Shaped like the
 * original: a decimal beyond 32 bits stays within the original's bit width, hex stays hex of
 * the same length; everything else gets 31-bit decimals.
 */
export function freshSeeds(original: string | null, count: number, max?: number): string[] {
  const seen = new Set<string>(original === null ? [] : [original]);
  const out: string[] = [];
  // The retry bound only matters for tiny shapes (a 1-digit hex seed has 15 siblings).
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const s = max !== undefined ? String(randomInt(1, max + 1)) : freshSeed(original);
    if (!seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}

function freshSeed(original: string | null): string {
  if (original !== null && /^[0-9]{1,100}$/.test(original) && BigInt(original) > UINT32_MAX) {
    const bits = BigInt(original).toString(2).length;
    return (randomBigInt(bits)).toString();
  }
  const hex = original === null ? null : /^(0x)?([0-9a-f]+)$/i.exec(original);
  if (hex && (hex[1] !== undefined || /[a-f]/i.test(hex[2] ?? "")) && (hex[2] ?? "").length <= 64) {
    const digits = (hex[2] ?? "").length;
    const body = randomBytes(Math.ceil(digits / 2)).toString("hex").slice(0, digits);
    return (hex[1] ?? "") + (hex[2] === hex[2]?.toUpperCase() && /[A-F]/.test(hex[2] ?? "") ? body.toUpperCase() : body);
  }
  return String(randomInt(1, DEFAULT_SEED_BOUND));
}

function randomBigInt(bits: number): bigint {
  const bytes = randomBytes(Math.ceil(bits / 8));
  const value = BigInt(`0x${bytes.toString("hex")}`);
  return value & ((1n << BigInt(bits)) - 1n);
}
