import { HotfixBotError } from "../util/errors.js";

/** One problem found in a configuration file: where it is and what was expected there. */
export interface ConfigProblem {
  /** Dotted field path such as `approvals.P2.required`; empty for the file as a whole. */
  path: string;
  message: string;
}

/** A configuration file that cannot be used. Names the file and every field at fault. */
export class ConfigError extends HotfixBotError {
  override readonly kind = "config";
  override readonly name = "ConfigError";
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `${file} is invalid: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ")}`,
    );
  }
}
