/**
 * vitest: one process per attempt (vitest has no flag to repeat a test), the test picked by
 * file and an anchored, escaped `-t` pattern, the outcome read from vitest's JSON reporter
 * because vitest exits 0 when the pattern matches nothing.
 */
import path from "node:path";
import type { Seed, TestCase } from "../../model.js";
import { shellQuoteCommand } from "../../render/shell-quote.js";
import { argsWithSeed, seedApplication } from "../seed-apply.js";
import { fileArgument, fileOutsideProject } from "./js-files.js";
import { escapePattern, judgeJestJson, wholeFileInvocation } from "./js-results.js";
import type { Invocation, InvocationRequest, RerunDriver, SeedSupport } from "./types.js";

/** `npx --no-install`: a rerun must use the project's own vitest, never download one. */
const LAUNCH = ["npx", "--no-install", "vitest"] as const;

/** What makes vitest run as in CI (see the invocation). */
const IN_CI: Readonly<Record<string, string>> = { CI: "true" };

/** The test file, as vitest's junit reporter wrote it (classname) unless the join found it. */
export function vitestFile(test: TestCase): string {
  return test.file ?? test.classname;
}

/**
 * `-t` matches the full name: describe titles and the test title joined by spaces. The junit
 * reporter joins them with " > ", and a title may hold " > " itself ("returns true when a > b"):
 * which of them separate is not written down, so each matches either.
 */
export function vitestNamePattern(test: TestCase): string {
  return `^${test.name.split(" > ").map(escapePattern).join("(?: > | )")}$`;
}

/**
 * Seed arguments for a run of the whole file in its own order: a recorded `--sequence.shuffle`
 * dropped, and shuffling turned off last (the last of vitest's repeated options wins).
 */
function unshuffled(args: readonly string[]): string[] {
  return [...args.filter((a) => !/^--sequence\.shuffle(?:=|$)/.test(a)), "--sequence.shuffle=false"];
}

export function vitestDriver(): RerunDriver {
  const support = (seed: Seed | null): SeedSupport => {
    const app = seedApplication(seed, "vitest");
    const ok = app !== null && (app.args.length > 0 || Object.keys(app.env).length > 0);
    return { reapply: ok, fresh: ok };
  };
  const base = (test: TestCase): string[] => ["run", fileArgument(vitestFile(test)), "-t", vitestNamePattern(test)];
  return {
    name: "vitest",
    // The test's file run whole in its own order; tests in other files are not tried.
    orderCheck: true,
    refuse: (test) => fileOutsideProject(vitestFile(test)),
    seedSupport: support,
    invocation(req: InvocationRequest): Invocation {
      const app = seedApplication(req.seed, "vitest");
      const fresh = req.freshSeeds?.[0];
      // vitest writes a snapshot the test has not stored into the user's checkout (and the test
      // passes) unless it runs in CI, which it reads from CI: as in the CI run, never written.
      // (Every vitest reads CI; `--update=none` is newer, and older ones read it as "all".) In CI
      // vitest also refuses `.only`: --allowOnly keeps that as it was without CI.
      const env: Record<string, string> = { ...IN_CI };
      for (const [k, v] of Object.entries(app?.env ?? {})) env[k] = fresh ?? v;
      const seedArgs = app === null ? [] : fresh !== undefined ? argsWithSeed(app, fresh) : app.args;
      const results = path.join(req.workDir, "vitest.json");
      const filter = { pattern: vitestNamePattern(req.test), flags: "" };
      if (req.mode === "run-until") {
        // vitest's JSON lists a file's tests in the file's order, whatever order they ran in:
        // unshuffled, that is the order they ran in, so counting the ones before it holds.
        const argv = [...LAUNCH, "run", fileArgument(vitestFile(req.test)), ...unshuffled(seedArgs), "--allowOnly", "--reporter=json", `--outputFile.json=${results}`];
        return wholeFileInvocation(argv, env, results, "vitest", filter);
      }
      const argv = [...LAUNCH, ...base(req.test), ...seedArgs, "--allowOnly", "--reporter=json", `--outputFile.json=${results}`];
      return {
        argv,
        env,
        attempts: 1,
        reportsLines: false,
        judge: { resultFile: results, decide: (r) => judgeJestJson(r.results, r.exitCode, "vitest", filter) },
      };
    },
    reproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed, "vitest");
      // As the reruns ran it: a snapshot it has not stored fails instead of being written.
      return shellQuoteCommand(["npx", "vitest", ...base(test), ...(app?.args ?? [])], { ...IN_CI, ...(app?.env ?? {}) });
    },
    orderReproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed, "vitest");
      return shellQuoteCommand(["npx", "vitest", "run", fileArgument(vitestFile(test)), ...unshuffled(app?.args ?? [])], { ...IN_CI, ...(app?.env ?? {}) });
    },
  };
}
