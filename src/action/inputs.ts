import { z } from "zod";
import { DEFAULT_CONFIG_PATH } from "../config/parse-config.js";
import { HotfixBotError } from "../util/errors.js";

/** A step input that is not valid: names the input as the workflow spells it. */
export class ActionInputError extends HotfixBotError {
  override readonly kind = "usage";
  override readonly name = "ActionInputError";
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`input "${input}": ${message}`);
  }
}

// The runner passes every input as a string ("" when unset and without default), so booleans are spelled out.
const booleanText = z
  .string()
  .trim()
  .transform((text) => text.toLowerCase())
  .pipe(z.enum(["", "true", "false"], "expected true or false"))
  .transform((text) => text === "true");

const inputsSchema = z.object({
  "github-token": z.string().trim().min(1, "a token is required (the default is the workflow token)"),
  "config-path": z
    .string()
    .trim()
    .transform((path) => path || DEFAULT_CONFIG_PATH)
    .pipe(
      z
        .string()
        .max(500)
        .regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/, "a relative path inside the repository"),
    ),
  "dry-run": booleanText,
  "workflow-token": z.string().trim(),
  app: z
    .string()
    .trim()
    .pipe(
      z
        .string()
        .max(100)
        .regex(
          /^$|^[1-9][0-9]{0,15}$|^[a-z0-9][a-z0-9-]*$/i,
          "an App id (digits) or an App slug (github-actions)",
        ),
    ),
  "state-secret": z.string(),
  // Notification channels (incident/notify): incoming-webhook URLs, from secrets; checked when channels are built.
  "notify-slack": z.string().trim(),
  "notify-teams": z.string().trim(),
  "notify-webhook": z.string().trim(),
  "report-html": z
    .string()
    .trim()
    .pipe(
      z
        .string()
        .max(500)
        .regex(
          /^$|^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/,
          "a relative path in the workspace, such as hotfix-report.html",
        ),
    ),
});

export interface ActionInputs {
  token: string;
  configPath: string;
  dryRun: boolean;
  /** The workflow's own token (`github.token`), filled in by action.yml, to tell it apart from an App token. */
  workflowToken: string;
  /** The GitHub App the token belongs to, by id or slug; empty: the workflow token's `github-actions`. */
  app: string;
  /** The key that seals hidden state; empty when the repository set none. */
  stateSecret: string;
  /** Where to write the recovery report as HTML (relative to the workspace); empty: no report. */
  reportHtml: string;
  /** Incoming-webhook URLs of the channels `slack`, `teams` and `webhook`; empty: that channel is not defined. */
  notify: { slack: string; teams: string; webhook: string };
}

/** Validates the step inputs; `read(name)` returns the raw input, as `core.getInput` does. */
export function parseInputs(read: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(Object.keys(inputsSchema.shape).map((name) => [name, read(name)]));
  const result = inputsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ActionInputError(String(issue?.path[0] ?? "?"), issue?.message ?? "invalid");
  }
  const data = result.data;
  return {
    token: data["github-token"],
    configPath: data["config-path"],
    dryRun: data["dry-run"],
    workflowToken: data["workflow-token"],
    app: data.app,
    stateSecret: data["state-secret"],
    reportHtml: data["report-html"],
    notify: { slack: data["notify-slack"], teams: data["notify-teams"], webhook: data["notify-webhook"] },
  };
}
