import { HotfixBotError } from "../util/errors.js";

/** The command line itself is wrong (unknown option, missing argument): exit code 2, with the usage. */
export class UsageError extends HotfixBotError {
  override readonly kind = "usage";
  override readonly name = "UsageError";
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
