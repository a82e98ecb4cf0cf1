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
import { nodeIdFile } from "../../reports/pytest-ids.js";

const PLACEHOLDER = /\{(id|file|name|seed)\}/g;

export function expandTemplate(template: readonly string[], values: Record<"id" | "file" | "name" | "seed", string>): string[] {
  return template.map((element) => element.replace(PLACEHOLDER, (_, key: keyof typeof values) => values[key]));
}

/**
 * Why running `template` for this test could go wrong, or null: an id or name from the report
 * that begins with "-" and fills a whole argument before any "--" reaches the command as an
 * option (`-k evil`, `--rootdir=/`), not as a test. Files are made safe with "./" instead.
 */
export function optionLikeArgument(template: readonly string[], test: TestCase): string | null {
  const endOfOptions = template.indexOf("--");
  for (let i = 0; i < template.length; i++) {
    if (endOfOptions !== -1 && i > endOfOptions) break;
    const element = template[i]!;
    for (const key of ["id", "name"] as const) {
      if (element.startsWith(`{${key}}`) && test[key].startsWith("-")) {
        return `its ${key} starts with '-', and the --rerun-command puts it where the command would read it as an option (put '--' before {${key}} if the command takes it)`;
      }
    }
  }
  return null;
}

/** A path starting with "-" would be an option; "./-x" is the same file. */
function safeFile(file: string): string {
  return file.startsWith("-") ? `./${file}` : file;
}

export function templateDriver(template: readonly string[]): RerunDriver {
  const usesSeed = template.some((e) => e.includes("{seed}"));
  const valuesFor = (test: TestCase, seed: string) => ({
    id: test.id,
    file: safeFile(test.file ?? nodeIdFile(test.id)),
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
    refuse: (test) => optionLikeArgument(template, test),
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
