import type { Log, LogFields } from "../context.js";

/** Where a text logger writes each line, by level (the Action's annotations, the CLI's stderr). */
export interface LogSink {
  debug(line: string): void;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** `pr=12 step=after-merge`: the fields in the order they were bound; a value with a space is quoted. */
function renderFields(fields: LogFields): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const text = typeof value === "string" ? value : JSON.stringify(value);
      return `${key}=${/[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
    })
    .join(" ");
}

/**
 * A logger for people reading text (the Action's log, the CLI's stderr) with pino's `child`: the bound fields
 * follow the message in brackets, `message [pr=12 step=after-merge]`, so a line says what it is about.
 */
export function textLog(sink: LogSink, bindings: LogFields = {}): Log {
  const fields = renderFields(bindings);
  const line = (msg: string) => (fields ? `${msg} [${fields}]` : msg);
  return {
    debug: (msg) => sink.debug(line(msg)),
    info: (msg) => sink.info(line(msg)),
    warn: (msg) => sink.warn(line(msg)),
    error: (msg) => sink.error(line(msg)),
    child: (more) => textLog(sink, { ...bindings, ...more }),
  };
}
