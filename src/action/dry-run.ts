import type { DeliberateStop } from "../route.js";
import { HotfixBotError } from "../util/errors.js";
import type { RecordedWrite } from "./write-ledger.js";

/**
 * Thrown instead of sending a write in a dry run. The step that wanted to write stops there: nothing after
 * its first write would be real, so it is not pretended. Names the refused request.
 */
export class DryRunRefusal extends HotfixBotError implements DeliberateStop {
  override readonly kind = "refused";
  override readonly name = "DryRunRefusal";
  readonly deliberateStop = true;
  constructor(readonly write: RecordedWrite) {
    super(`${REFUSAL_PREFIX}${write.method} ${write.path}`);
  }
}

const REFUSAL_PREFIX = "dry run: refused ";

/** For places that keep only an error's message (reconcile's report): was it a refusal? */
export function isRefusalMessage(message: string): boolean {
  return message.startsWith(REFUSAL_PREFIX);
}

/** True when every failure (a single error or an AggregateError of them) is a dry-run refusal. */
export function onlyRefusals(error: unknown): boolean {
  if (error instanceof DryRunRefusal) return true;
  if (error instanceof AggregateError) return error.errors.length > 0 && error.errors.every(onlyRefusals);
  return false;
}
