import type { EngineContext, Log, LogFields } from "../context.js";

/** The logger with these fields on every line; a logger without `child` (a test's silent one) is returned as is. */
export function logWith(log: Log, fields: LogFields): Log {
  return log.child ? log.child(fields) : log;
}

/** The context, its log lines carrying these fields too (the step, the pull request, the incident). */
export function withLogFields(ctx: EngineContext, fields: LogFields): EngineContext {
  return { ...ctx, log: logWith(ctx.log, fields) };
}
