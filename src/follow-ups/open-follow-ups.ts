import type { EngineContext, Octokit, RepoRef } from "../context.js";
import { isTrustedState, sealState } from "../identity/trusted-state.js";
import type { FollowUpKind } from "../incident/follow-up-kinds.js";
import { createOnce, NO_BLIND_RETRY } from "../util/create-once.js";
import { httpStatus } from "../util/http-status.js";
import { type FollowUpPlan, parseFollowUpMarkers } from "./plan-follow-ups.js";

export interface OpenedFollowUp {
  kind: FollowUpKind;
  issue: number;
  url: string;
  /** Whether this call's issue is the one that stands (false: it existed already, or a concurrent run's won). */
  created: boolean;
  /** Content-creating requests spent on this follow-up: the issue, a retry without assignees and adding them, closing a duplicate. */
  writes: number;
}

interface ExistingIssue {
  number: number;
  url: string;
  open: boolean;
  kind: FollowUpKind;
}

/** What opening follow-ups needs: the API, the repository, and who we are (whose issues are follow-ups). */
export type FollowUpContext = Pick<EngineContext, "octokit" | "repo" | "identity">;

/**
 * The follow-ups of `pr` that exist: one read (paginated) of the issues updated since the merge (a follow-up is
 * created after the merge, so it is in that window), keeping those we wrote (trusted-state) whose hidden marker
 * names this PR. A marker a person or another App typed into their own issue does not count.
 */
async function listFollowUps(ctx: FollowUpContext, since: Date, pr: number): Promise<ExistingIssue[]> {
  const { octokit, repo } = ctx;
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    state: "all",
    since: since.toISOString(),
    sort: "created",
    direction: "asc",
    per_page: 100,
  });
  const found: ExistingIssue[] = [];
  for (const issue of issues) {
    if (issue.pull_request) continue;
    const markers = parseFollowUpMarkers(issue.body).filter((m) => m.pr === pr);
    if (markers.length === 0 || !(await isTrustedState(ctx, issue, { repo, issue: null }))) continue;
    found.push(
      ...markers.map((m) => ({
        number: issue.number,
        url: issue.html_url,
        open: issue.state === "open",
        kind: m.kind,
      })),
    );
  }
  return found;
}

/** Per kind, the issue that stands: the lowest number, so that every concurrent run picks the same one. */
function canonical(issues: ExistingIssue[]): Map<FollowUpKind, ExistingIssue> {
  const byKind = new Map<FollowUpKind, ExistingIssue>();
  for (const issue of issues) {
    const current = byKind.get(issue.kind);
    if (!current || issue.number < current.number) byKind.set(issue.kind, issue);
  }
  return byKind;
}

/**
 * Creates one follow-up issue. A create whose answer is lost (5xx, dropped connection) may have taken effect, so it
 * is not retried blindly: `find` looks for the issue by its marker first (createOnce).
 */
async function createIssue(
  octokit: Octokit,
  repo: RepoRef,
  plan: FollowUpPlan & { sealedBody: string },
  find: () => Promise<{ number: number; url: string } | null>,
): Promise<{ number: number; url: string; writes: number }> {
  let writes = 0;
  const send = async (assignees?: string[]) => {
    writes++;
    const { data } = await octokit.rest.issues.create({
      ...repo,
      title: plan.title,
      body: plan.sealedBody,
      labels: plan.labels,
      ...(assignees ? { assignees } : {}),
      ...NO_BLIND_RETRY,
    });
    return { number: data.number, url: data.html_url };
  };
  if (plan.assignees.length > 0) {
    const assignees = plan.assignees;
    try {
      return { ...(await createOnce(() => send(assignees), find)), writes };
    } catch (error) {
      // GitHub refuses an assignee without access to the repository; the issue matters more than the assignee.
      if (httpStatus(error) !== 422) throw error;
    }
    // Then the others are assigned after all: adding assignees leaves out whoever cannot be, without failing.
    const created = await createOnce(() => send(), find);
    writes++;
    try {
      await octokit.rest.issues.addAssignees({
        ...repo,
        issue_number: created.number,
        assignees: plan.assignees,
      });
    } catch (error) {
      const status = httpStatus(error);
      if (status === undefined || status >= 500) throw error;
    }
    return { ...created, writes };
  }
  return { ...(await createOnce(() => send(), find)), writes };
}

/**
 * Opens the planned follow-up issues that do not exist yet. Idempotent: existing ones are found by their hidden
 * marker (one read), and only the missing ones are created. GitHub has no atomic "create unless exists" for
 * issues, so two concurrent runs can both create one; after creating, the list is read once more, the lowest
 * number of each kind stands, and any other open duplicate is closed as not planned. Both runs then answer with
 * the same issue.
 */
export async function openFollowUps(
  ctx: FollowUpContext,
  input: { plans: FollowUpPlan[]; since: Date; pr: number },
): Promise<OpenedFollowUp[]> {
  const { octokit, repo } = ctx;
  const before = canonical(await listFollowUps(ctx, input.since, input.pr));
  const mine = new Map<FollowUpKind, { number: number; writes: number }>();
  const results = new Map<FollowUpKind, OpenedFollowUp>();
  for (const plan of input.plans) {
    const found = before.get(plan.kind);
    if (found) {
      results.set(plan.kind, {
        kind: plan.kind,
        issue: found.number,
        url: found.url,
        created: false,
        writes: 0,
      });
      continue;
    }
    const sealedBody = await sealState(ctx, plan.body, { repo, issue: null });
    const issue = await createIssue(octokit, repo, { ...plan, sealedBody }, async () => {
      const found = canonical(await listFollowUps(ctx, input.since, input.pr)).get(plan.kind);
      return found ? { number: found.number, url: found.url } : null;
    });
    mine.set(plan.kind, issue);
    results.set(plan.kind, {
      kind: plan.kind,
      issue: issue.number,
      url: issue.url,
      created: true,
      writes: issue.writes,
    });
  }
  if (mine.size > 0) {
    const all = await listFollowUps(ctx, input.since, input.pr);
    const after = canonical(all);
    for (const [kind, issue] of mine) {
      const standing = after.get(kind);
      const result = results.get(kind);
      if (!standing || !result || standing.number === issue.number) continue;
      results.set(kind, { ...result, issue: standing.number, url: standing.url, created: false });
    }
    for (const duplicate of all) {
      const standing = after.get(duplicate.kind);
      if (!duplicate.open || !standing || standing.number === duplicate.number) continue;
      await octokit.rest.issues.update({
        ...repo,
        issue_number: duplicate.number,
        state: "closed",
        state_reason: "not_planned",
      });
      const result = results.get(duplicate.kind);
      if (result) result.writes++;
    }
  }
  return input.plans.flatMap((plan) => results.get(plan.kind) ?? []);
}
