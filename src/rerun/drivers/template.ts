/**
 * `--rerun-command` templates: an argv array such as ["tox", "-e", "py", "--", "{id}"].
 * Placeholders are replaced inside each element, in one pass (so an id containing "{seed}"
 * stays literal), and the result is never given to a shell. We cannot repeat in-process
 * through someone else's command, so every attempt is its own process and its exit status
 * is the outcome.
 */
import type { Seed, TestCase } from "../../model.js";
import { shellQuoteCommand } from "../../render/shell-quote.js";
import { seedApplication } from "../seed-apply.js";
import type { Invocation, InvocationRequest, RerunDriver, SeedSupport } from "./types.js";
import { nodeIdFile } from "./pytest.js";

const PLACEHOLDER = /\{(id|file|name|seed)\}/g;

export function expandTemplate(template: readonly string[], values: Record<"id" | "file" | "name" | "seed", string>): string[] {
  return template.map((element) => element.replace(PLACEHOLDER, (_, key: keyof typeof values) => values[key]));
}

export function templateDriver(template: readonly string[]): RerunDriver {
  const usesSeed = template.some((e) => e.includes("{seed}"));
  const valuesFor = (test: TestCase, seed: string) => ({
    id: test.id,
    file: test.file ?? nodeIdFile(test.id),
    name: test.name,
    seed,
  });
  const support = (seed: Seed | null): SeedSupport => {
    const app = seedApplication(seed);
    const ok = seed !== null && ((app !== null && Object.keys(app.env).length > 0) || usesSeed);
    return { reapply: ok, fresh: ok };
  };
  return {
    name: "template",
    orderCheck: false,
    seedSupport: support,
    invocation(req: InvocationRequest): Invocation {
      const app = seedApplication(req.seed);
      const value = req.freshSeeds?.[0] ?? req.seed?.value ?? "";
      const env: Record<string, string> = {};
      for (const [name, recorded] of Object.entries(app?.env ?? {})) env[name] = req.freshSeeds ? value : recorded;
      return { argv: expandTemplate(template, valuesFor(req.test, value)), env, attempts: 1, reportsLines: false };
    },
    reproduceCommand(test: TestCase, seed: Seed | null): string {
      const app = seedApplication(seed);
      return shellQuoteCommand(expandTemplate(template, valuesFor(test, seed?.value ?? "")), app?.env ?? {});
    },
  };
}
