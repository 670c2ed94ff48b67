import type { DeliberateStop, StepOutcome } from "../route.js";
import { HotfixBotError } from "../util/errors.js";

/**
 * Thrown instead of sending a write in a dry run. The step that wanted to write stops there: nothing after
 * its first write would be real, so it is not pretended. Names the refused request.
 */
export class DryRunRefusal extends HotfixBotError implements DeliberateStop {
  override readonly kind = "refused";
  override readonly name = "DryRunRefusal";
  readonly deliberateStop = true;
  /** What the stopped step had rendered for this write (set by the writer that tried it). */
  partial?: StepOutcome;
  /** The refused request, by method and path (the recorded write, see record-writes). */
  constructor(readonly write: { readonly method: string; readonly path: string }) {
    super(`${REFUSAL_PREFIX}${write.method} ${write.path}`);
  }
}

const REFUSAL_PREFIX = "dry run: refused ";

/** For places that keep only an error's message (reconcile's report): was it a refusal? */
export function isRefusalMessage(message: string): boolean {
  return message.startsWith(REFUSAL_PREFIX);
}
