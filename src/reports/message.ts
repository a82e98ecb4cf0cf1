/**
 * Failure messages that say nothing of what failed: gotestsum writes `Failed` for every test,
 * and some converters `failure` or nothing at all. Another source's message, or the failure's
 * own first line of substance, says more.
 */
const UNINFORMATIVE = /^\s*(?:(?:test )?(?:failed|failure|error|errored))?[.!]?\s*$/i;

export function isUninformativeMessage(message: string): boolean {
  return UNINFORMATIVE.test(message);
}
