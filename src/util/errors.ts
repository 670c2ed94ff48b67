/**
 * What went wrong, in terms of who can fix it; callers decide by kind, never by an error's name or message.
 * - `usage`: how the program was started (an argument, an environment variable, a step input, a local file):
 *   the person starting it fixes it (the CLI exits with 2).
 * - `config`: the repository's configuration cannot be used: whoever maintains `.github/hotfix.yml` fixes it.
 * - `contention`: another run or another commit holds what this run needs; a later event or the sweep finishes.
 * - `refused`: GitHub (or a dry run) refused a write this step needs; the message says what to grant or do.
 * - `unworkable`: the repository's data does not allow the step (a name, a history, a size); it says why.
 */
export type ErrorKind = "usage" | "config" | "contention" | "refused" | "unworkable";

/** The base of every error hotfix-bot throws on purpose: its message names the target, its kind who can fix it. */
export abstract class HotfixBotError extends Error {
  abstract readonly kind: ErrorKind;
}

/** An error of this kind thrown by hotfix-bot (and not, say, a network failure that happens to share a name). */
export function isErrorOfKind(error: unknown, kind: ErrorKind): error is HotfixBotError {
  return error instanceof HotfixBotError && error.kind === kind;
}

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
