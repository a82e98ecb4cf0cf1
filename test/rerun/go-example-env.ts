/**
 * What the tests that run the real Go toolchain share: where examples/go is, whether go and
 * gotestsum are installed, and the environment the example's go commands need (offline, its
 * own build cache). CI must have Go (scripts/setup-tests.sh installs it): there a missing toolchain fails;
 * elsewhere the tests skip with a warning.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const GO_EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "go");

/** The shuffle seed make-reports uses: it runs TestFormatKilometres before TestFormatDefaultUnit. */
export const RECORDED_SHUFFLE = "1712345678901234567";
/** A shuffle seed that runs TestFormatDefaultUnit first (checked with go 1.19's -test.v output). */
export const HARMLESS_SHUFFLE = "1712345678901234568";

/** Why the Go tests cannot run here, or null when they can. */
export function goMissing(): string | null {
  for (const [tool, flag] of [["go", "version"], ["gotestsum", "--version"]] as const) {
    if (spawnSync(tool, [flag], { encoding: "utf8" }).status !== 0) {
      return `${tool} is not installed (apt-get install golang-go gotestsum golang-github-stretchr-testify-dev; scripts/setup-tests.sh does)`;
    }
  }
  return null;
}

/** Under CI a missing toolchain is an error, not a reason to skip. */
export function skipWithoutGo(what: string): boolean {
  const missing = goMissing();
  if (missing === null) return false;
  if (process.env.CI === "true" || process.env.CI === "1") throw new Error(`${what}: ${missing}`);
  console.warn(`${what} skipped: ${missing}`);
  return true;
}

/**
 * The example's go environment (as make-reports sets it): vendor/ instead of the module proxy,
 * and the example's own build cache, so reruns reuse what make-reports compiled and nothing
 * is written under $HOME.
 */
export function goExampleEnv(base: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  return {
    ...base,
    GOCACHE: join(GO_EXAMPLE, ".cache", "go-build"),
    GOFLAGS: "-mod=vendor",
    GOPROXY: "off",
  };
}

/** Links vendor/ (idempotent; make-reports does the same before every run). */
export function linkVendor(): void {
  const run = spawnSync(process.execPath, [join(GO_EXAMPLE, "make-reports.mjs"), "--vendor"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`make-reports --vendor failed: ${run.stderr}`);
}
