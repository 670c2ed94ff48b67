import { ApiError, notFound, validationFailed } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { announce } from "../services/announce.js";
import { cherryPickTree } from "../services/merging.js";
import { announcePull, renderPull } from "../services/pull-events.js";
import { currentBaseSha, pullFacts } from "../services/pull-facts.js";
import { moveRef } from "../services/ref-effects.js";
import { requireVerifiedCommits } from "../services/signed-commits.js";
import { WEB_FLOW, webFlowSigner } from "../services/web-flow.js";
import { commitShape, diffEntryShape } from "../shapes/git-shapes.js";
import { pullShape, reviewShape, teamShape } from "../shapes/pull-shapes.js";
import { gitIdentityOf, userShape } from "../shapes/user-shape.js";
import type { IssueRecord, PullRecord, Repository, ReviewRecord, User } from "../state/model.js";
import type { World } from "../state/world.js";
import {
  actorOf,
  bodyOf,
  hasWrite,
  json,
  numberParam,
  optionalBoolean,
  optionalString,
  paginate,
  repoOf,
  requireWrite,
} from "./common.js";
import { createIssue, updateIssue } from "./issue-routes.js";

function pullOf(repo: Repository, req: SandboxRequest): { pull: PullRecord; issue: IssueRecord } {
  const number = numberParam(req, "pull_number");
  const pull = repo.pulls.get(number);
  const issue = repo.issues.get(number);
  if (!pull || !issue) throw notFound();
  return { pull, issue };
}

/** `branch` or `owner:branch`, where `owner` is this repository's owner or the owner of a fork of it. */
function headOf(
  world: World,
  repo: Repository,
  head: string,
): { branch: string; fork: Repository | null } | null {
  const colon = head.indexOf(":");
  if (colon === -1) return { branch: head, fork: null };
  const owner = head.slice(0, colon);
  const branch = head.slice(colon + 1);
  if (owner.toLowerCase() === repo.owner.login.toLowerCase()) return { branch, fork: null };
  const fork = world.repo(owner, repo.name);
  return fork?.forkOf === repo ? { branch, fork } : null;
}

function headBranch(repo: Repository, head: string): string | null {
  const colon = head.indexOf(":");
  if (colon === -1) return head;
  return head.slice(0, colon).toLowerCase() === repo.owner.login.toLowerCase() ? head.slice(colon + 1) : null;
}

async function mergePull(
  world: World,
  repo: Repository,
  pull: PullRecord,
  issue: IssueRecord,
  actor: User,
  body: Record<string, unknown>,
): Promise<string> {
  const method = optionalString(body, "merge_method") ?? "merge";
  if (!["merge", "squash", "rebase"].includes(method)) {
    throw validationFailed([
      { resource: "PullRequest", field: "merge_method", code: "invalid", value: method },
    ]);
  }
  const expectedHead = optionalString(body, "sha");
  if (expectedHead !== undefined && expectedHead !== pull.headSha) {
    throw new ApiError(409, "Head branch was modified. Review and try the merge again.");
  }
  const store = repo.store;
  const baseRef = `refs/heads/${pull.baseRef}`;
  const baseSha = repo.refs.get(baseRef);
  if (!baseSha) throw new ApiError(405, "Base branch does not exist");
  await requireVerifiedCommits(world, repo, { branch: pull.baseRef, sha: baseSha }, pull.headSha);
  const now = world.now();
  // Merge, squash and rebase commits are GitHub's own (web-flow), and signed.
  const committer = { ...WEB_FLOW, date: now };
  const sign = webFlowSigner(world);
  const title = optionalString(body, "commit_title");
  const message = optionalString(body, "commit_message");
  let newTip: string;
  if (method === "merge") {
    const merge = await store.mergeTree(baseSha, pull.headSha);
    if (!merge.clean) throw new ApiError(405, "Pull Request is not mergeable");
    const subject = title ?? `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.headRef}`;
    newTip = await store.writeCommit(
      {
        tree: merge.tree,
        parents: [baseSha, pull.headSha],
        message: `${subject}\n\n${message ?? issue.title}`,
        author: gitIdentityOf(actor, now),
        committer,
      },
      sign,
    );
  } else if (method === "squash") {
    const merge = await store.mergeTree(baseSha, pull.headSha);
    if (!merge.clean) throw new ApiError(405, "Pull Request is not mergeable");
    const commits = await store.revList([pull.headSha], [baseSha], { reverse: true });
    const messages = await Promise.all(
      commits.map(async (sha) => (await store.readCommit(sha))?.message.trim() ?? ""),
    );
    const subject = title ?? `${issue.title} (#${pull.number})`;
    const details = message ?? messages.map((text) => `* ${text}`).join("\n\n");
    newTip = await store.writeCommit(
      {
        tree: merge.tree,
        parents: [baseSha],
        message: details === "" ? subject : `${subject}\n\n${details}`,
        author: gitIdentityOf(issue.user, now),
        committer,
      },
      sign,
    );
  } else {
    const commits = await store.revList([pull.headSha], [baseSha], { reverse: true });
    newTip = baseSha;
    for (const sha of commits) {
      const commit = await store.readCommit(sha);
      if (!commit || commit.parents.length > 1) throw new ApiError(405, "This branch can't be rebased");
      const picked = await cherryPickTree(repo, newTip, sha);
      if (!picked.clean) throw new ApiError(405, "This branch can't be rebased");
      newTip = await store.writeCommit(
        {
          tree: picked.tree,
          parents: [newTip],
          message: commit.message,
          author: commit.author,
          committer,
        },
        sign,
      );
    }
  }
  try {
    await moveRef(world, repo, baseRef, newTip, actor, { expected: baseSha, force: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      throw new ApiError(405, "Base branch was modified. Review and try the merge again.");
    }
    throw error;
  }
  pull.baseSha = baseSha;
  pull.merged = true;
  pull.mergedAt = now;
  pull.mergedBy = actor;
  pull.mergeCommitSha = newTip;
  issue.state = "closed";
  issue.closedAt = now;
  issue.closedBy = actor;
  issue.updatedAt = now;
  await announcePull(world, repo, pull, "closed", actor);
  return newTip;
}

async function requestReviewers(
  world: World,
  repo: Repository,
  pull: PullRecord,
  issue: IssueRecord,
  logins: string[],
  actor: User,
): Promise<void> {
  for (const login of logins) {
    const user = world.user(login);
    if (!user || !hasWrite(repo, user)) {
      throw new ApiError(
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner.login}/${repo.name} repository.`,
      );
    }
    if (user === issue.user) throw new ApiError(422, "Review cannot be requested from pull request author.");
  }
  for (const login of logins) {
    const user = world.user(login) as User;
    if (pull.requestedReviewers.some((existing) => existing.toLowerCase() === user.login.toLowerCase()))
      continue;
    pull.requestedReviewers.push(user.login);
    await announcePull(world, repo, pull, "review_requested", actor, {
      requested_reviewer: userShape(world, user),
    });
  }
}

export function registerPullRoutes(table: RouteTable<Handler>): void {
  table.add("POST", "/repos/{owner}/{repo}/pulls", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const body = bodyOf(req);
    const head = optionalString(body, "head");
    const base = optionalString(body, "base");
    const title = optionalString(body, "title");
    if (!head) throw validationFailed([{ resource: "PullRequest", field: "head", code: "missing_field" }]);
    if (!base) throw validationFailed([{ resource: "PullRequest", field: "base", code: "missing_field" }]);
    if (!title) throw validationFailed([{ resource: "PullRequest", field: "title", code: "missing_field" }]);
    const target = headOf(world, repo, head);
    const branch = target?.branch ?? null;
    const headSha = target ? (target.fork ?? repo).refs.get(`refs/heads/${target.branch}`) : null;
    if (!branch || !headSha)
      throw validationFailed([{ resource: "PullRequest", field: "head", code: "invalid" }]);
    const baseSha = repo.refs.get(`refs/heads/${base}`);
    if (!baseSha) throw validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
    for (const pull of repo.pulls.values()) {
      if (
        pull.headRef === branch &&
        pull.headRepo === (target?.fork ?? null) &&
        pull.baseRef === base &&
        repo.issues.get(pull.number)?.state === "open"
      ) {
        throw validationFailed([
          {
            resource: "PullRequest",
            code: "custom",
            message: `A pull request already exists for ${repo.owner.login}:${branch}.`,
          },
        ]);
      }
    }
    if ((await repo.store.revList([headSha], [baseSha], { max: 1 })).length === 0) {
      throw validationFailed([
        { resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${branch}` },
      ]);
    }
    const issue = await createIssue(world, repo, actor, {
      title,
      body: optionalString(body, "body") ?? null,
      isPull: true,
      app: null,
    });
    const pull: PullRecord = {
      number: issue.number,
      id: world.nextId(),
      headRef: branch,
      headSha,
      baseRef: base,
      baseSha,
      draft: optionalBoolean(body, "draft") ?? false,
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      requestedReviewers: [],
      maintainerCanModify: optionalBoolean(body, "maintainer_can_modify") ?? true,
      headRepo: target?.fork ?? null,
    };
    repo.pulls.set(pull.number, pull);
    await announcePull(world, repo, pull, "opened", actor);
    return json(201, await renderPull(world, repo, pull));
  });

  table.add("GET", "/repos/{owner}/{repo}/pulls", async (req, world) => {
    const repo = repoOf(world, req);
    const state = req.query.get("state") ?? "open";
    const head = req.query.get("head");
    const base = req.query.get("base");
    let pulls = [...repo.pulls.values()];
    if (state !== "all") pulls = pulls.filter((pull) => repo.issues.get(pull.number)?.state === state);
    if (head) {
      const branch = headBranch(repo, head);
      pulls = pulls.filter((pull) => pull.headRef === branch);
    }
    if (base) pulls = pulls.filter((pull) => pull.baseRef === base);
    const sort = req.query.get("sort") ?? "created";
    const direction = req.query.get("direction") ?? (sort === "created" ? "desc" : "desc");
    pulls.sort((a, b) => {
      if (sort === "updated") {
        const ua = repo.issues.get(a.number)?.updatedAt ?? "";
        const ub = repo.issues.get(b.number)?.updatedAt ?? "";
        if (ua !== ub) return ua < ub ? -1 : 1;
      }
      return a.number - b.number;
    });
    if (direction === "desc") pulls.reverse();
    const { page, headers } = paginate(world, req, pulls);
    return json(
      200,
      page.map((pull) => pullShape(world, repo, pull, repo.issues.get(pull.number) as IssueRecord, null)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    return json(200, await renderPull(world, repo, pull));
  });

  table.add("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const { pull, issue } = pullOf(repo, req);
    if (issue.user !== actor && req.identity.kind !== "installation" && !hasWrite(repo, actor)) {
      throw new ApiError(403, "Must have push access to the pull request.");
    }
    const body = bodyOf(req);
    const base = optionalString(body, "base");
    const canModify = optionalBoolean(body, "maintainer_can_modify");
    if (canModify !== undefined) pull.maintainerCanModify = canModify;
    await updateIssue(
      world,
      repo,
      issue,
      { title: body.title, ...("body" in body ? { body: body.body } : {}) },
      actor,
    );
    if (base !== undefined && base !== pull.baseRef) {
      const baseSha = repo.refs.get(`refs/heads/${base}`);
      if (!baseSha) throw validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
      const from = { ref: { from: pull.baseRef }, sha: { from: currentBaseSha(repo, pull) } };
      pull.baseRef = base;
      pull.baseSha = baseSha;
      issue.updatedAt = world.now();
      await announcePull(world, repo, pull, "edited", actor, { changes: { base: from } });
    }
    if (body.state !== undefined) await updateIssue(world, repo, issue, { state: body.state }, actor);
    return json(200, await renderPull(world, repo, pull));
  });

  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const facts = await pullFacts(repo, pull);
    const { page, headers } = paginate(world, req, facts.files.slice(0, 3000));
    return json(
      200,
      page.map((file) => diffEntryShape(world, repo, file, pull.headSha)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/commits", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const shas = await repo.store.revList([pull.headSha], [currentBaseSha(repo, pull)], { reverse: true });
    const { page, headers } = paginate(world, req, shas.slice(0, 250));
    const commits = await Promise.all(page.map((sha) => repo.store.readCommit(sha)));
    return json(
      200,
      commits.flatMap((commit) => (commit ? [commitShape(world, repo, commit)] : [])),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/merge", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    if (!pull.merged) throw notFound();
    return { status: 204 };
  });

  table.add("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const { pull, issue } = pullOf(repo, req);
    if (pull.merged) throw new ApiError(405, "Pull Request is not mergeable");
    if (issue.state !== "open") throw new ApiError(422, "Pull Request is not open");
    if (pull.draft) throw new ApiError(405, "Pull Request is still a draft");
    const sha = await mergePull(world, repo, pull, issue, actor, bodyOf(req));
    return json(200, { sha, merged: true, message: "Pull Request successfully merged" });
  });

  // --- reviews ------------------------------------------------------------------------------------------------
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const actor =
      req.identity.kind === "user" || req.identity.kind === "installation" ? req.identity.user : null;
    const reviews = [...repo.reviews.values()]
      .filter((review) => review.pullNumber === pull.number)
      .filter((review) => review.state !== "PENDING" || review.user === actor)
      .sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(world, req, reviews);
    return json(
      200,
      page.map((review) => reviewShape(world, repo, review)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const review = repo.reviews.get(numberParam(req, "review_id"));
    if (!review || review.pullNumber !== pull.number) throw notFound();
    return json(200, reviewShape(world, repo, review));
  });

  table.add("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const { pull, issue } = pullOf(repo, req);
    const body = bodyOf(req);
    const event = optionalString(body, "event");
    const text = optionalString(body, "body") ?? "";
    const states: Record<string, ReviewRecord["state"]> = {
      APPROVE: "APPROVED",
      REQUEST_CHANGES: "CHANGES_REQUESTED",
      COMMENT: "COMMENTED",
    };
    if (event !== undefined && !(event in states)) {
      throw validationFailed([
        { resource: "PullRequestReview", field: "event", code: "invalid", value: event },
      ]);
    }
    const state = event ? (states[event] as ReviewRecord["state"]) : "PENDING";
    if (actor === issue.user && state === "APPROVED")
      throw new ApiError(422, "Unprocessable Entity: Can not approve your own pull request");
    if (actor === issue.user && state === "CHANGES_REQUESTED") {
      throw new ApiError(422, "Unprocessable Entity: Can not request changes on your own pull request");
    }
    if ((state === "CHANGES_REQUESTED" || state === "COMMENTED") && text === "") {
      throw new ApiError(422, "Unprocessable Entity: Body is required for this review event");
    }
    const review: ReviewRecord = {
      id: world.nextId(),
      pullNumber: pull.number,
      user: actor,
      body: text,
      state,
      commitId: optionalString(body, "commit_id") ?? pull.headSha,
      submittedAt: state === "PENDING" ? null : world.now(),
    };
    repo.reviews.set(review.id, review);
    if (state !== "PENDING") await submitted(world, repo, pull, review, actor);
    return json(200, reviewShape(world, repo, review));
  });

  table.add(
    "POST",
    "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events",
    async (req, world) => {
      const repo = repoOf(world, req);
      const actor = actorOf(req);
      const { pull, issue } = pullOf(repo, req);
      const review = repo.reviews.get(numberParam(req, "review_id"));
      if (!review || review.pullNumber !== pull.number || review.user !== actor) throw notFound();
      if (review.state !== "PENDING")
        throw new ApiError(422, "Unprocessable Entity: Can not submit a non-pending review");
      const event = optionalString(bodyOf(req), "event");
      const state =
        event === "APPROVE"
          ? "APPROVED"
          : event === "REQUEST_CHANGES"
            ? "CHANGES_REQUESTED"
            : event === "COMMENT"
              ? "COMMENTED"
              : null;
      if (!state)
        throw validationFailed([
          { resource: "PullRequestReview", field: "event", code: "invalid", value: event },
        ]);
      if (actor === issue.user && state !== "COMMENTED")
        throw new ApiError(422, "Unprocessable Entity: Can not approve your own pull request");
      review.state = state;
      review.body = optionalString(bodyOf(req), "body") ?? review.body;
      review.submittedAt = world.now();
      await submitted(world, repo, pull, review, actor);
      return json(200, reviewShape(world, repo, review));
    },
  );

  table.add(
    "PUT",
    "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals",
    async (req, world) => {
      const repo = repoOf(world, req);
      const actor = requireWrite(req, repo);
      const { pull } = pullOf(repo, req);
      const review = repo.reviews.get(numberParam(req, "review_id"));
      if (!review || review.pullNumber !== pull.number) throw notFound();
      if (review.state !== "APPROVED" && review.state !== "CHANGES_REQUESTED") {
        throw new ApiError(
          422,
          `Unprocessable Entity: Can not dismiss a ${review.state.toLowerCase()} pull request review`,
        );
      }
      review.state = "DISMISSED";
      announce(world, repo, "pull_request_review", actor, {
        action: "dismissed",
        review: reviewEventShape(world, repo, review),
        pull_request: pullShape(world, repo, pull, repo.issues.get(pull.number) as IssueRecord, null),
      });
      return json(200, reviewShape(world, repo, review));
    },
  );

  // --- requested reviewers ------------------------------------------------------------------------------------
  table.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", async (req, world) => {
    const repo = repoOf(world, req);
    const { pull } = pullOf(repo, req);
    const users = pull.requestedReviewers.flatMap((login) => {
      const user = world.user(login);
      return user ? [userShape(world, user)] : [];
    });
    const teams = (pull.requestedTeams ?? []).map((slug) => teamShape(world, repo.owner.login, slug));
    return json(200, { users, teams });
  });

  table.add("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const { pull, issue } = pullOf(repo, req);
    const reviewers = bodyOf(req).reviewers ?? [];
    const teams = bodyOf(req).team_reviewers ?? [];
    if (!Array.isArray(reviewers))
      throw validationFailed([{ resource: "PullRequest", field: "reviewers", code: "invalid" }]);
    if (!Array.isArray(teams))
      throw validationFailed([{ resource: "PullRequest", field: "team_reviewers", code: "invalid" }]);
    // As GitHub: a team must be one of the owner's organization that the sandbox knows; one unknown name refuses all.
    for (const slug of teams as string[]) {
      if (!world.teams.has(`${repo.owner.login}/${slug}`.toLowerCase()))
        throw new ApiError(
          422,
          `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner.login}/${repo.name} repository.`,
        );
    }
    await requestReviewers(world, repo, pull, issue, reviewers as string[], actor);
    for (const slug of teams as string[]) {
      const known = pull.requestedTeams ?? [];
      if (!known.some((existing) => existing.toLowerCase() === slug.toLowerCase()))
        pull.requestedTeams = [...known, slug];
    }
    return json(201, pullShape(world, repo, pull, issue, null));
  });

  table.add("DELETE", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const { pull, issue } = pullOf(repo, req);
    const drop = new Set(((bodyOf(req).reviewers ?? []) as string[]).map((login) => login.toLowerCase()));
    const removed = pull.requestedReviewers.filter((login) => drop.has(login.toLowerCase()));
    pull.requestedReviewers = pull.requestedReviewers.filter((login) => !drop.has(login.toLowerCase()));
    for (const login of removed) {
      const user = world.user(login);
      if (user)
        await announcePull(world, repo, pull, "review_request_removed", actor, {
          requested_reviewer: userShape(world, user),
        });
    }
    return json(200, pullShape(world, repo, pull, issue, null));
  });
}

/** Webhooks spell review states in lower case (`approved`), unlike the REST API (`APPROVED`). */
function reviewEventShape(world: World, repo: Repository, review: ReviewRecord): Record<string, unknown> {
  return { ...reviewShape(world, repo, review), state: review.state.toLowerCase() };
}

async function submitted(
  world: World,
  repo: Repository,
  pull: PullRecord,
  review: ReviewRecord,
  actor: User,
) {
  pull.requestedReviewers = pull.requestedReviewers.filter(
    (login) => login.toLowerCase() !== actor.login.toLowerCase(),
  );
  announce(world, repo, "pull_request_review", actor, {
    action: "submitted",
    review: reviewEventShape(world, repo, review),
    pull_request: pullShape(world, repo, pull, repo.issues.get(pull.number) as IssueRecord, null),
  });
}
