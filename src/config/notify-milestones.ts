/**
 * The points of an incident that stakeholders are told about (notify.milestones; the configuration layer owns
 * the list, as it owns the placeholders), in the order an incident passes them. Each is
 * announced at most once per incident (see notify-milestone.ts). `monitoring-done` is the end of the watch after a
 * deploy; `rollback` is a rollback started after a failed deployment or asked for by a writer.
 */
export const MILESTONES = [
  "declared",
  "draft-pr",
  "gate-green",
  "merged",
  "deployed",
  "rollback",
  "monitoring-done",
  "resolved",
] as const;

export type Milestone = (typeof MILESTONES)[number];

/** How each milestone reads in a message title. */
export const MILESTONE_TITLE: Record<Milestone, string> = {
  declared: "Incident declared",
  "draft-pr": "Draft hotfix PR opened",
  "gate-green": "Hotfix gate passed",
  merged: "Hotfix merged",
  deployed: "Hotfix deployed",
  rollback: "Rollback started",
  "monitoring-done": "Monitoring window over",
  resolved: "Incident resolved",
};
