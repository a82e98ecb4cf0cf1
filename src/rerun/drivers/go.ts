/**
 * go test: one process per attempt (`-count=1` defeats the test cache, which would replay the
 * last result), the test by a `-run` pattern anchored per subtest level. `go test` exits 0
 * when the pattern matches nothing ("no tests to run"), so the output is read too.
 */
import type { Seed, TestCase } from "../../model.js";
import { shellQuoteCommand } from "../../render/shell-quote.js";
import { argsWithSeed, seedApplication } from "../seed-apply.js";
import { exactPattern } from "./js-results.js";
import type { Invocation, InvocationRequest, Judgement, RerunDriver, SeedSupport } from "./types.js";

/**
 * `-run` splits its pattern at slashes, one expression per level (TestX, then its subtests);
 * each level is anchored so TestX does not also run TestX2. Go rewrites spaces in subtest
 * names to underscores, and the report holds the rewritten names, so they are matched as is.
 */
export function goRunPattern(name: string): string {
  return name
    .split("/")
    .map(exactPattern)
    .join("/");
}

/** `./dir` of the test file when the join resolved it; else the import path from the report. */
export function goPackage(test: TestCase): string {
  if (test.file !== undefined && test.file.endsWith(".go")) {
    const dir = test.file.includes("/") ? test.file.slice(0, test.file.lastIndexOf("/")) : ".";
    return dir === "." ? "." : `./${dir}`;
  }
  return test.classname !== "" ? test.classname : ".";
}

export function judgeGoTest(exitCode: number, stdout: string): Judgement {
  if (/^testing: warning: no tests to run/m.test(stdout) || /\[no test files\]/.test(stdout)) {
    return { kind: "not-run", why: "go test found no test matching the -run pattern" };
  }
  if (exitCode === 0) return { kind: "passed" };
  const detail = /^[ \t]+\S+\.go:\d+: .*$/m.exec(stdout)?.[0]?.trim() ?? /^--- FAIL: .*$/m.exec(stdout)?.[0];
  return detail !== undefined ? { kind: "failed", message: detail } : { kind: "failed", message: `exit code ${exitCode}` };
}

export function goDriver(go = "go"): RerunDriver {
  const support = (seed: Seed | null): SeedSupport => {
    const app = seedApplication(seed, "go");
    const ok = app !== null && (app.args.length > 0 || Object.keys(app.env).length > 0);
    return { reapply: ok, fresh: ok };
  };
  const base = (test: TestCase): string[] => ["test", goPackage(test), "-run", goRunPattern(test.name), "-count=1"];
  return {
    name: "go",
    orderCheck: false,
    seedSupport: support,
    invocation(req: InvocationRequest): Invocation {
      const app = seedApplication(req.seed, "go");
      const fresh = req.freshSeeds?.[0];
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(app?.env ?? {})) env[k] = fresh ?? v;
      const seedArgs = app === null ? [] : fresh !== undefined ? argsWithSeed(app, fresh) : app.args;
      return {
        // -v prints the "no tests to run" warning and the failing lines the judge reads.
        argv: [go, ...base(req.test), ...seedArgs, "-v"],
        env,
        attempts: 1,
        reportsLines: false,
        judge: { decide: (r) => judgeGoTest(r.exitCode, r.stdout) },
      };
    },
    reproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed, "go");
      return shellQuoteCommand([go, ...base(test), ...(app?.args ?? [])], app?.env ?? {});
    },
  };
}
