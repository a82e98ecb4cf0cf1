/**
 * The drivers, as data: the first entry whose `matches` accepts a test runs it. A template
 * given by the user wins over the built-in drivers.
 */
import type { TestCase } from "../../model.js";
import { isPytestNodeId, pytestDriver } from "./pytest.js";
import { templateDriver } from "./template.js";
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
    matches: (test) => isPytestNodeId(test.id),
    create: (options) => pytestDriver(options.python),
  },
];

export function pickDriver(test: TestCase, options: DriverOptions): RerunDriver | null {
  const entry = DRIVERS.find((d) => d.matches(test, options));
  return entry ? entry.create(options) : null;
}

export type { DriverOptions, Invocation, InvocationRequest, RerunDriver, SeedSupport } from "./types.js";
