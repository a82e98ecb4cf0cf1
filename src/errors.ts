/**
 * An error the user caused or can fix (bad flag, unreadable report). Adapters print its
 * message as one sentence, without a stack trace, and exit with the usage/input code.
 */
export class UserError extends Error {
  override readonly name = "UserError";
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
