/**
 * Reruns that failed for want of a variable the rerun environment withheld (env.ts: names that
 * look like credentials). A test reading `os.environ["DB_PASSWORD"]` fails every such rerun with
 * `KeyError: 'DB_PASSWORD'`, whatever it did in CI: counted, those failures made a flaky test
 * read as a deterministic regression. One reading it with `os.environ.get` fails without naming
 * it ("no password supplied"): our pytest plugin notes such reads (Trial.withheld). They are the
 * environment's, not the test's: they count for nothing (as skipped attempts do), and the note
 * says how to pass the variable.
 */
import type { Reruns, RerunTally, Trial } from "../model.js";
import { isUninformativeMessage } from "../reports/message.js";
import { PASS_ENV } from "./env.js";
import { countTrial, emptyTally, freshTally } from "./tally.js";
import type { RerunPhase } from "./plan.js";

/** Recounts a phase's tally from its trials (`runs` is one per trial either way). */
function retally(tally: RerunTally, trials: readonly Trial[]): RerunTally {
  const t: RerunTally = { ...emptyTally(), stoppedEarly: tally.stoppedEarly };
  for (const trial of trials) countTrial(t, trial);
  return t;
}


/** A message's first line of substance, without pytest's `E` and the exception's name. */
function gist(message: string): string {
  const first = message.split("\n").find((l) => l.trim() !== "") ?? "";
  return first.replace(/^\s*E\s+/, "").replace(/^[\w.]*(?:Error|Exception|Failure):\s*/, "").trim();
}

/** Whether two failure messages tell of the same failure (one may be cut or prefixed). */
function sameFailure(a: string, b: string): boolean {
  const x = gist(a);
  const y = gist(b);
  return x !== "" && y !== "" && (x === y || x.includes(y) || y.includes(x));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function namePattern(withheld: readonly string[]): RegExp {
  return new RegExp(`(?<![\\w$])(?:${withheld.map(escape).join("|")})(?![\\w$])`);
}

/** The first of `withheld` that `message` names (as a whole word), or null. */
export function withheldNamedIn(message: string, withheld: readonly string[]): string | null {
  return withheld.length === 0 ? null : (namePattern(withheld).exec(message)?.[0] ?? null);
}

/**
 * Turns the failing trials whose message names a withheld variable, or that read one and found
 * it missing, one the CI failure's message does not name, into skipped ones and recounts the
 * tallies (in place: `reruns` and `byPhase` are rerunTest's own). Returns the note to add, or null when no trial was such.
 */
export function discountWithheld(
  reruns: Reruns,
  byPhase: Record<RerunPhase, Trial[]>,
  withheld: readonly string[],
  ciMessage: string,
): string | null {
  if (withheld.length === 0) return null;
  // Only against a CI failure that says what failed: with none to compare (gotestsum writes
  // "Failed" for every test, `--tb=no` logs none) a rerun naming the variable may be failing
  // exactly as CI did (a test that clears API_KEY itself and checks the error names it).
  if (isUninformativeMessage(ciMessage)) return null;
  const pattern = namePattern(withheld);
  // A failure CI had too is the test's own, whatever it names.
  if (pattern.test(ciMessage)) return null;
  const named = new Set<string>();
  let discounted = 0;
  for (const phase of Object.keys(byPhase) as RerunPhase[]) {
    byPhase[phase] = byPhase[phase].map((t): Trial => {
      if (t.kind !== "failed" && t.kind !== "crashed") return t;
      // Named in the failure, or read and found missing by the test (our pytest plugin saw it:
      // os.environ.get gives None, and the failure then names something else).
      const inMessage = t.message !== undefined ? pattern.exec(t.message)?.[0] : undefined;
      // A read alone (a module's optional `os.environ.get("API_TOKEN")`) proves nothing when the
      // rerun failed as CI did: that failure is the test's own.
      const read = t.kind === "failed" && !(t.message !== undefined && sameFailure(t.message, ciMessage)) ? (t.withheld ?? []).filter((n) => withheld.includes(n)) : [];
      if (inMessage === undefined && read.length === 0) return t;
      for (const name of inMessage !== undefined ? [inMessage] : read) named.add(name);
      discounted++;
      return { kind: "skipped", ...(t.seed !== undefined ? { seed: t.seed } : {}), durationSec: t.durationSec, ...(t.message !== undefined ? { message: t.message } : {}) };
    });
  }
  if (discounted === 0) return null;
  reruns.sameSeed = retally(reruns.sameSeed, byPhase["same-seed"]);
  reruns.freshSeeds = freshTally(retally(reruns.freshSeeds, byPhase["fresh-seeds"]), byPhase["fresh-seeds"]);
  if (reruns.order !== undefined) reruns.order = { ...retally(reruns.order, byPhase.order), predecessors: reruns.order.predecessors };
  const names = [...named].sort();
  const list = names.join(", ");
  return (
    `${discounted} rerun${discounted === 1 ? "" : "s"} failed on ${list}, which reruns do not get (${names.length === 1 ? "its name looks" : "their names look"} ` +
    `like a credential): not counted; give ${names.length === 1 ? "it" : "them"} to reruns with ${PASS_ENV}=${names.join(",")}`
  );
}

/** The `FLAKY_TRIAGE_PASS_ENV=NAMES` a rerun note of discountWithheld's asks for, or null. */
export function passEnvAskedIn(note: string | undefined): string | null {
  return note === undefined ? null : (PASS_ENV_ASKED.exec(note)?.[0] ?? null);
}

const PASS_ENV_ASKED = new RegExp(`${PASS_ENV}=[^\\s;)]+`);
