import type { HotfixConfig, Severity } from "../config/schema.js";
import type { RuleResult } from "./rule-result.js";

type SeverityConfig = Pick<HotfixConfig, "severity">;

/** Most severe first: when several severity labels are present, the most severe one wins. */
const ORDER: readonly Severity[] = ["P0", "P1", "P2"];

/** The severity the labels name, or null. GitHub label names are case-insensitive, so is this. */
export function severityFromLabels(labels: readonly string[], config: SeverityConfig): Severity | null {
  const present = new Set(labels.map((l) => l.toLowerCase()));
  return ORDER.find((s) => present.has(config.severity.labels[s].toLowerCase())) ?? null;
}

export type SeveritySource =
  | { kind: "pull-request" }
  | { kind: "incident"; number: number }
  | { kind: "default"; incident: { number: number; found: boolean; unbound?: boolean } | null };

export interface ResolvedSeverity {
  severity: Severity;
  source: SeveritySource;
}

export interface SeverityFacts {
  prLabels: readonly string[];
  /**
   * The linked incident issue, when there is one; `labels` null when it could not be read (deleted, moved).
   * `unbound` when the PR names it but the incident's timeline does not record the PR's branch: not followed.
   */
  incident: { number: number; labels: readonly string[] | null; unbound?: boolean } | null;
}

/** The PR's own labels win; then the linked incident's; then the configured default. */
export function resolveSeverity(facts: SeverityFacts, config: SeverityConfig): ResolvedSeverity {
  const own = severityFromLabels(facts.prLabels, config);
  if (own) return { severity: own, source: { kind: "pull-request" } };
  const incident = facts.incident;
  if (incident?.labels) {
    const linked = severityFromLabels(incident.labels, config);
    if (linked) return { severity: linked, source: { kind: "incident", number: incident.number } };
  }
  return {
    severity: config.severity.default,
    source: {
      kind: "default",
      incident: incident
        ? {
            number: incident.number,
            found: incident.labels !== null,
            ...(incident.unbound ? { unbound: true } : {}),
          }
        : null,
    },
  };
}

/** Severity is informational in the table: it says which approval rule applies and where it came from. */
export function severityRow(resolved: ResolvedSeverity, config: SeverityConfig): RuleResult {
  const { severity, source } = resolved;
  const label = config.severity.labels[severity];
  let reason: string;
  if (source.kind === "pull-request") reason = `${severity} (label ${label} on the PR)`;
  else if (source.kind === "incident") reason = `${severity} (label ${label} on incident #${source.number})`;
  else if (source.incident?.unbound)
    reason = `${severity} by default (incident #${source.incident.number} does not record this branch as its hotfix branch, so the link is not followed)`;
  else if (source.incident && !source.incident.found)
    reason = `${severity} by default (incident #${source.incident.number} could not be read)`;
  else reason = `${severity} by default (no severity label on the PR or its incident)`;
  return { rule: "severity", label: "Severity", state: "pass", reason };
}
