/**
 * Applying a report's dialect to one of its failing tests: the runner's own id, the places its
 * failure points at, and the driver that reruns it. Pure: join.ts resolves the places against
 * the project.
 */
import type { TestCase } from "../../model.js";
import type { Dialect } from "./dialects.js";
import type { Place } from "./locate.js";

export { DIALECTS, detectDialect, dialectNamed, jestNameParts, type Dialect, type DialectName, type DialectSample } from "./dialects.js";
export type { Place } from "./locate.js";

export interface DialectView {
  id: string;
  places: Place[];
  runner: string | null;
  /** What failed, in the runner's words, when the report's message attribute does not say. */
  message?: string;
}

export function viewOf(dialect: Dialect, test: TestCase): DialectView {
  const message = dialect.message?.(test);
  return {
    id: dialect.id?.(test) ?? test.id,
    places: dialect.locate?.(test) ?? [],
    runner: dialect.runner,
    ...(message !== undefined ? { message } : {}),
  };
}
