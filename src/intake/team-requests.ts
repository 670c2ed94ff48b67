import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { incidentAssignees, reviewRequest } from "../incident/hotfix-team.js";
import { addEntry, type TimelineState } from "../incident/timeline-state.js";
import { errorMessage } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";

/**
 * The hotfix team's two requests at intake: assignees on the incident, reviewers on the draft PR. Neither ever
 * fails intake: whatever GitHub refuses (an unknown login, a team without access to the repository) is said on
 * the timeline. Each is made once per incident (its timeline line is the record), and GitHub treats a repeated
 * request after a crash as the same request.
 */

const named = (logins: readonly string[]) => logins.map((login) => `@${login}`).join(", ");

/** Assigns the commander and `team.assignees` to the incident (one write) and says on the timeline who. */
export async function assignIncident(
  ctx: EngineContext,
  config: HotfixConfig,
  incident: number,
  state: TimelineState,
): Promise<TimelineState> {
  if (state.entries.some((e) => e.key === "assigned")) return state;
  const wanted = incidentAssignees(config, state.commander);
  if (wanted.length === 0) return state;
  const at = ctx.clock().toISOString();
  try {
    const { data } = await ctx.octokit.rest.issues.addAssignees({
      ...ctx.repo,
      issue_number: incident,
      assignees: wanted,
    });
    // GitHub silently leaves out whoever cannot be assigned (no access to the repository, no such user).
    const got = new Set((data.assignees ?? []).map((a) => a.login.toLowerCase()));
    const assigned = wanted.filter((login) => got.has(login.toLowerCase()));
    const missing = wanted.filter((login) => !got.has(login.toLowerCase()));
    const text =
      (assigned.length > 0 ? `Assigned ${named(assigned)}` : "Nobody could be assigned") +
      (missing.length > 0
        ? `; GitHub did not assign ${named(missing)} (no such user, or no access to the repository)`
        : "");
    return addEntry(state, { key: "assigned", at, text });
  } catch (error) {
    const status = httpStatus(error);
    if (status === undefined || status >= 500 || status === 429) throw error;
    return addEntry(state, {
      key: "assigned",
      at,
      text: `Could not assign ${named(wanted)}: ${errorMessage(error)}`,
    });
  }
}

async function askForReviews(
  ctx: EngineContext,
  pr: number,
  reviewers: string[],
  teamReviewers: string[],
): Promise<void> {
  await ctx.octokit.rest.pulls.requestReviewers({
    ...ctx.repo,
    pull_number: pr,
    reviewers,
    team_reviewers: teamReviewers,
  });
}

/**
 * Asks `team.reviewers` to review the incident's PR: one request for everyone; when GitHub refuses it (one
 * unknown login refuses them all), one request per reviewer, so that the others are still asked and the timeline
 * names who could not be.
 */
export async function requestTeamReviews(
  ctx: EngineContext,
  config: HotfixConfig,
  pr: { number: number; author: string | null },
  state: TimelineState,
): Promise<TimelineState> {
  const key = `reviewers-${pr.number}`;
  if (state.entries.some((e) => e.key === key)) return state;
  const request = reviewRequest(config, ctx.repo.owner, pr.author);
  const refused = request.refused.map((r) => `${r.reviewer} (${r.reason})`);
  const everyone = [
    ...request.reviewers.map((r) => ({ user: r })),
    ...request.teamReviewers.map((t) => ({ team: t })),
  ];
  if (everyone.length === 0 && refused.length === 0) return state;
  const asked: string[] = [];
  const clientError = (error: unknown) => {
    const status = httpStatus(error);
    return status !== undefined && status >= 400 && status < 500 && status !== 429;
  };
  if (everyone.length > 0) {
    try {
      await askForReviews(ctx, pr.number, request.reviewers, request.teamReviewers);
      asked.push(
        ...request.reviewers.map((r) => `@${r}`),
        ...request.teamReviewers.map((t) => `${ctx.repo.owner}/${t}`),
      );
    } catch (error) {
      if (!clientError(error)) throw error;
      for (const one of everyone) {
        const name = "user" in one ? `@${one.user}` : `${ctx.repo.owner}/${one.team}`;
        try {
          await askForReviews(
            ctx,
            pr.number,
            "user" in one ? [one.user] : [],
            "team" in one ? [one.team] : [],
          );
          asked.push(name);
        } catch (single) {
          if (!clientError(single)) throw single;
          refused.push(`${name} (${errorMessage(single)})`);
        }
      }
    }
  }
  const parts = [
    ...(asked.length > 0 ? [`Review requested on #${pr.number} from ${asked.join(", ")}`] : []),
    ...(refused.length > 0 ? [`could not request a review on #${pr.number} from ${refused.join("; ")}`] : []),
  ];
  const text = parts.join("; ");
  return addEntry(state, {
    key,
    at: ctx.clock().toISOString(),
    text: text.charAt(0).toUpperCase() + text.slice(1),
  });
}
