import { FOLLOW_UP_PLACEHOLDERS, fillPlaceholders } from "../config/placeholders.js";

/**
 * Follow-up issue templates from `.github/hotfix.yml`, filled with the merge's values. The placeholder set lives
 * in the configuration layer (placeholders.ts), which rejects an unknown one when the file is validated.
 */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return fillPlaceholders(template, FOLLOW_UP_PLACEHOLDERS, values);
}
