import { MILESTONE_TITLE, type Milestone } from "../../config/notify-milestones.js";
import type { RepoRef } from "../../context.js";
import type { TimelineState } from "../timeline-state.js";

/** A link a message offers (the PR, the release, the deployment, the revert PR). */
export interface MessageLink {
  label: string;
  url: string;
}

/** What the step that reached a milestone knows about it. */
export interface MilestoneDetails {
  /** One sentence for people: "#13 merged into main", "Deployment of v1.2.4 to production failed". */
  summary: string;
  /** When the milestone was reached (ISO 8601); default now. */
  at?: string;
  links?: readonly MessageLink[];
}

/** Everything a channel's payload is built from; the same facts go to every channel. */
export interface MilestoneMessage {
  milestone: Milestone;
  title: string;
  summary: string;
  at: string;
  repository: string;
  incident: {
    number: number;
    url: string | null;
    severity: string | null;
    commander: string | null;
    detectedAt: string | null;
  };
  links: MessageLink[];
}

/** Links are only ever http(s): a `javascript:` URL in a payload would be a link in someone's chat client. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The message for a milestone of an incident, from its timeline state and the step's details (pure). */
export function milestoneMessage(input: {
  repo: RepoRef;
  incident: number;
  state: TimelineState;
  milestone: Milestone;
  details: MilestoneDetails;
  now: string;
}): MilestoneMessage {
  const { state, details } = input;
  const declared = state.entries.find((e) => e.key === "declared");
  return {
    milestone: input.milestone,
    title: `${MILESTONE_TITLE[input.milestone]} — incident #${input.incident}`,
    summary: details.summary,
    at: details.at ?? input.now,
    repository: `${input.repo.owner}/${input.repo.repo}`,
    incident: {
      number: input.incident,
      url: declared?.url && isWebUrl(declared.url) ? declared.url : null,
      severity: state.severity ?? null,
      commander: state.commander ?? null,
      detectedAt: state.detectedAt ?? null,
    },
    links: (details.links ?? []).filter((link) => isWebUrl(link.url)).slice(0, 5),
  };
}
