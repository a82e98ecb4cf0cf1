/**
 * jest: one process per attempt, the file given as a path (`--runTestsByPath`, so it is not
 * read as a regular expression), the test by an anchored `-t` pattern, the outcome from
 * `--json --outputFile` (jest, like vitest, does not fail when the pattern matches nothing).
 */
import path from "node:path";
import type { Seed, TestCase } from "../../model.js";
import { shellQuoteCommand } from "../../render/shell-quote.js";
import { jestNameParts } from "../../reports/dialects/index.js";
import { argsWithSeed, seedApplication, type SeedApplication } from "../seed-apply.js";
import { fileArgument, fileOutsideProject } from "./js-files.js";
import { exactPattern, judgeJestJson, wholeFileInvocation } from "./js-results.js";
import type { Invocation, InvocationRequest, RerunDriver, SeedSupport } from "./types.js";

const LAUNCH = ["npx", "--no-install", "jest"] as const;

/** `-t` matches describe titles and the test title joined by spaces. */
export function jestNamePattern(test: TestCase): string {
  return exactPattern(jestNameParts(test).join(" "));
}

/** The test file: the join resolved it from the report (file attribute, suite, stack frame). */
export function jestFile(test: TestCase): string | null {
  if (test.file !== undefined) return test.file;
  const first = test.id.split(" > ")[0];
  return first !== undefined && /\.[cm]?[jt]sx?$/.test(first) ? first : null;
}

/** jest's --seed range: a signed 32-bit integer. */
const JEST_SEED = /^-?[0-9]{1,10}$/;

/**
 * How a seed goes back to jest. A plain `Seed: 7` a jest test logs is jest's own seed
 * (`jest.getSeed()`, the one seed jest gives a test), read by the generic recognisers as one
 * for the global generators, which jest has no way to set from outside: it goes back as
 * `--seed=7`, which is what jest.getSeed() returns. A test seeding itself some other way gets
 * the same reruns as without it.
 */
export function jestSeedApplication(seed: Seed | null): SeedApplication | null {
  const app = seedApplication(seed, "jest");
  if (app === null || app.args.length > 0 || app.globalRng === null || !JEST_SEED.test(app.globalRng)) return app;
  const n = Number(app.globalRng);
  if (n < -(2 ** 31) || n >= 2 ** 31) return app;
  return { ...app, args: [`--seed=${app.globalRng}`], globalRng: null };
}

export function jestDriver(): RerunDriver {
  const support = (seed: Seed | null): SeedSupport => {
    const app = jestSeedApplication(seed);
    const ok = app !== null && (app.args.length > 0 || Object.keys(app.env).length > 0);
    return { reapply: ok, fresh: ok };
  };
  const base = (test: TestCase): string[] => {
    const file = jestFile(test);
    return [...(file !== null ? ["--runTestsByPath", fileArgument(file)] : []), "-t", jestNamePattern(test)];
  };
  return {
    name: "jest",
    // The test's file run whole, in jest's order for it; tests in other files are not tried.
    orderCheck: true,
    orderCheckRefusal: (test) => (jestFile(test) === null ? "its test file is not known" : null),
    refuse: (test) => {
      const file = jestFile(test);
      return file === null ? null : fileOutsideProject(file);
    },
    seedSupport: support,
    invocation(req: InvocationRequest): Invocation {
      const app = jestSeedApplication(req.seed);
      const fresh = req.freshSeeds?.[0];
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(app?.env ?? {})) env[k] = fresh ?? v;
      const seedArgs = app === null ? [] : fresh !== undefined ? argsWithSeed(app, fresh) : app.args;
      const results = path.join(req.workDir, "jest.json");
      const filter = { pattern: jestNamePattern(req.test), flags: "i" };
      const file = jestFile(req.test);
      if (req.mode === "run-until" && file !== null) {
        return wholeFileInvocation([...LAUNCH, "--ci", "--runTestsByPath", fileArgument(file), ...seedArgs, "--json", `--outputFile=${results}`], env, results, "jest", filter);
      }
      return {
        // --ci: a snapshot the test has not stored fails, as in CI, instead of being written
        // into the user's checkout (and the test passing).
        argv: [...LAUNCH, "--ci", ...base(req.test), ...seedArgs, "--json", `--outputFile=${results}`],
        env,
        attempts: 1,
        reportsLines: false,
        judge: { resultFile: results, decide: (r) => judgeJestJson(r.results, r.exitCode, "jest", filter) },
      };
    },
    reproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = jestSeedApplication(seed);
      // --ci as the reruns: a snapshot it has not stored fails instead of being written.
      return shellQuoteCommand(["npx", "jest", "--ci", ...base(test), ...(app?.args ?? [])], app?.env ?? {});
    },
    orderReproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = jestSeedApplication(seed);
      const file = jestFile(test);
      return shellQuoteCommand(["npx", "jest", "--ci", ...(file !== null ? ["--runTestsByPath", fileArgument(file)] : []), ...(app?.args ?? [])], app?.env ?? {});
    },
  };
}
