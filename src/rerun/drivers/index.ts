/**
 * The drivers, as data: the first entry whose `matches` accepts a test runs it. A template
 * given by the user wins over the built-in drivers; `--runner NAME` over the report's dialect
 * (which the join recorded as `test.runner`).
 */
import type { TestCase } from "../../model.js";
import { goDriver } from "./go.js";
import { jestDriver } from "./jest.js";
import { isPytestNodeId, pytestDriver } from "./pytest.js";
import { templateDriver } from "./template.js";
import { vitestDriver } from "./vitest.js";
import type { DriverOptions, RerunDriver } from "./types.js";

export interface DriverEntry {
  name: string;
  matches(test: TestCase, options: DriverOptions): boolean;
  create(options: DriverOptions): RerunDriver;
}

export const DRIVERS: readonly DriverEntry[] = [
  {
    name: "template",
    matches: (_test, options) => options.rerunCommand !== null && options.rerunCommand.length > 0,
    create: (options) => templateDriver(options.rerunCommand ?? []),
  },
  {
    name: "pytest",
    matches: (test, options) => chosen(test, options, "pytest") ?? (isPytestNodeId(test.id) || test.runner === "pytest"),
    create: (options) => pytestDriver(options.python),
  },
  {
    name: "vitest",
    matches: (test, options) => chosen(test, options, "vitest") ?? test.runner === "vitest",
    create: () => vitestDriver(),
  },
  {
    name: "jest",
    matches: (test, options) => chosen(test, options, "jest") ?? test.runner === "jest",
    create: () => jestDriver(),
  },
  {
    name: "go",
    matches: (test, options) => chosen(test, options, "go") ?? test.runner === "go",
    create: () => goDriver(),
  },
];

/** The built-in drivers `--runner` accepts. */
export const RUNNER_NAMES: readonly string[] = DRIVERS.filter((d) => d.name !== "template").map((d) => d.name);

/** With `--runner`, whether it names this driver; without, undefined (the test decides). */
function chosen(_test: TestCase, options: DriverOptions, name: string): boolean | undefined {
  const forced = options.runner ?? null;
  return forced === null ? undefined : forced === name;
}

export function pickDriver(test: TestCase, options: DriverOptions): RerunDriver | null {
  const entry = DRIVERS.find((d) => d.matches(test, options));
  return entry ? entry.create(options) : null;
}

export type { DriverOptions, Invocation, InvocationRequest, Judge, Judgement, RerunDriver, SeedSupport } from "./types.js";
