/**
 * Follow-up issue templates from `.github/hotfix.yml`. Placeholders come from a fixed set and are replaced
 * textually in one pass: there is no expression, no property lookup and no second round, so a value that
 * itself contains `{pr}` or a template that says `{constructor}` is just text.
 *
 * An unknown placeholder is rejected when the configuration is validated (see `unknownPlaceholders`), because a
 * typo such as `{incidnet}` would otherwise be copied into every issue unnoticed. `renderTemplate` still leaves an
 * unknown one as written, so a template that reaches it without validation renders predictably.
 */

export const PLACEHOLDERS = ["pr", "incident", "jira", "tag", "title", "severity", "author", "url"] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

/** `{name}` with a plain identifier inside; `{ }`, `{}` and `{a.b}` are not placeholders and stay text. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!KNOWN.has(name) || !Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === "string" ? value : whole;
  });
}

/** The placeholder names in `template` that are not in PLACEHOLDERS, each once, in order of appearance. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    if (!KNOWN.has(name)) unknown.add(name);
  }
  return [...unknown];
}
