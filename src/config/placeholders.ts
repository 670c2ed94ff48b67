import type { z } from "zod";

/**
 * The placeholders each text of `.github/hotfix.yml` may hold, owned here so that validating the file needs no
 * feature: the features that fill a text (title rule, deploy inputs, follow-up templates) import the list from
 * here. Placeholders come from a fixed set and are replaced textually in one pass: no expression, no property
 * lookup, no second round, so a value that itself contains `{pr}` or a text that says `{constructor}` stays text.
 */

/** The PR title format: `{key}` is the Jira key, `{summary}` free text. */
export const TITLE_PLACEHOLDERS = ["key", "summary"] as const;

/** Follow-up issue titles and bodies. */
export const FOLLOW_UP_PLACEHOLDERS = [
  "pr",
  "incident",
  "jira",
  "tag",
  "title",
  "severity",
  "author",
  "url",
] as const;
export type FollowUpPlaceholder = (typeof FOLLOW_UP_PLACEHOLDERS)[number];

/** The deploy workflow's `workflow_dispatch` inputs; `{line}` is the production line the hotfix merged into. */
export const DEPLOY_PLACEHOLDERS = ["tag", "incident", "pr", "sha", "severity", "line"] as const;
export type DeployPlaceholder = (typeof DEPLOY_PLACEHOLDERS)[number];

/** `deploy.environment`, so that each production line deploys to its own environment. */
export const ENVIRONMENT_PLACEHOLDERS = ["line"] as const;

/** `{name}` with a plain identifier inside; `{ }`, `{}` and `{a.b}` are not placeholders and stay text. */
export const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Anything in braces. The title format is itself a pattern, so `{}` or `{a.b}` there is a mistake to report
 * rather than literal text.
 */
export const ANY_BRACES = /\{([^{}]*)\}/g;

/** The placeholder names in `text` outside `allowed`, each once, in order of appearance. */
export function unknownPlaceholders(
  text: string,
  allowed: readonly string[],
  syntax: RegExp = PLACEHOLDER,
): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(syntax)) {
    const name = match[1] ?? "";
    if (!allowed.includes(name)) unknown.add(name);
  }
  return [...unknown];
}

/**
 * `text` with each allowed placeholder replaced by its value, in one pass. An unknown placeholder, or one without
 * a value, stays as written, so a text that reaches here without validation renders predictably.
 */
export function fillPlaceholders(
  text: string,
  allowed: readonly string[],
  values: Readonly<Record<string, string>>,
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!allowed.includes(name) || !Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === "string" ? value : whole;
  });
}

/** `{a} {b}` for messages and descriptions. */
export function placeholderList(names: readonly string[]): string {
  return names.map((name) => `{${name}}`).join(" ");
}

/**
 * A config text that may hold only the `allowed` placeholders: an unknown one is a configuration error that
 * names it and the allowed set (a typo such as `{incidnet}` would otherwise be copied into every issue or input).
 * With `atMostOnce`, a placeholder may also appear only once (two `{summary}` give a title no single reading).
 */
export function withPlaceholders(
  text: z.ZodString,
  allowed: readonly string[],
  options: { syntax?: RegExp; atMostOnce?: boolean } = {},
) {
  return text.superRefine((value, ctx) => {
    if (options.atMostOnce) {
      for (const name of allowed) {
        const count = value.split(`{${name}}`).length - 1;
        if (count > 1)
          ctx.addIssue({ code: "custom", message: `at most one {${name}} may appear (found ${count})` });
      }
    }
    const unknown = unknownPlaceholders(value, allowed, options.syntax);
    if (unknown.length === 0) return;
    const names = unknown.map((name) => `{${name}}`).join(", ");
    ctx.addIssue({
      code: "custom",
      message: `unknown placeholder ${names}; allowed: ${placeholderList(allowed)}`,
    });
  });
}
