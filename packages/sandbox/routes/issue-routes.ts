import { ApiError, notFound, validationFailed } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { announce } from "../services/announce.js";
import { announceIssueOrPull } from "../services/pull-events.js";
import { commentShape, issueShape, labelShape } from "../shapes/issue-shapes.js";
import { userShape } from "../shapes/user-shape.js";
import type { CommentRecord, IssueRecord, LabelRecord, Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";
import {
  actorOf,
  bodyOf,
  hasWrite,
  json,
  numberParam,
  optionalString,
  paginate,
  repoOf,
  requiredString,
  requireTriage,
  requireWrite,
} from "./common.js";

function issueOf(repo: Repository, req: SandboxRequest): IssueRecord {
  const issue = repo.issues.get(numberParam(req, "issue_number"));
  if (!issue) throw notFound();
  return issue;
}

/** Label names from `["a"]`, `[{ name: "a" }]`, `{ labels: [...] }` — every form GitHub accepts. */
function labelNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : (value as { labels?: unknown } | null)?.labels;
  if (!Array.isArray(list)) throw new ApiError(422, "Invalid request.\n\nFor 'labels', expected an array.");
  return list.map((item) => {
    const name = typeof item === "string" ? item : (item as { name?: unknown } | null)?.name;
    if (typeof name !== "string" || name.trim() === "")
      throw new ApiError(422, "Invalid request.\n\nLabel name is empty.");
    return name;
  });
}

/** A repository label, created on first use as GitHub does when an unknown label is applied. */
export function ensureLabel(world: World, repo: Repository, name: string, actor: User): LabelRecord {
  const existing = repo.labels.get(name.toLowerCase());
  if (existing) return existing;
  const label: LabelRecord = {
    id: world.nextId(),
    name,
    color: "ededed",
    description: null,
    isDefault: false,
  };
  repo.labels.set(name.toLowerCase(), label);
  announce(world, repo, "label", actor, { action: "created", label: labelShape(world, repo, label) });
  return label;
}

/** Replaces or extends an issue's labels and announces each label added and removed, in order. */
async function applyLabels(
  world: World,
  repo: Repository,
  issue: IssueRecord,
  wanted: string[],
  actor: User,
): Promise<void> {
  const labels = wanted.map((name) => ensureLabel(world, repo, name, actor).name);
  const before = new Set(issue.labels.map((name) => name.toLowerCase()));
  const after = new Set(labels.map((name) => name.toLowerCase()));
  const removed = issue.labels.filter((name) => !after.has(name.toLowerCase()));
  const added = [...new Set(labels)].filter((name) => !before.has(name.toLowerCase()));
  issue.labels = [...new Map(labels.map((name) => [name.toLowerCase(), name])).values()];
  if (added.length > 0 || removed.length > 0) issue.updatedAt = world.now();
  for (const name of removed) {
    const label = repo.labels.get(name.toLowerCase());
    await announceIssueOrPull(
      world,
      repo,
      issue,
      "unlabeled",
      actor,
      label ? { label: labelShape(world, repo, label) } : {},
    );
  }
  for (const name of added) {
    const label = repo.labels.get(name.toLowerCase()) as LabelRecord;
    await announceIssueOrPull(world, repo, issue, "labeled", actor, {
      label: labelShape(world, repo, label),
    });
  }
}

function checkAssignees(world: World, repo: Repository, logins: string[]): string[] {
  const invalid = logins.filter((login) => {
    const user = world.user(login);
    return !user || !hasWrite(repo, user);
  });
  if (invalid.length > 0) {
    throw validationFailed(
      invalid.map((value) => ({ resource: "Issue", field: "assignees", code: "invalid", value })),
    );
  }
  return logins.map((login) => world.user(login)?.login ?? login);
}

async function applyAssignees(
  world: World,
  repo: Repository,
  issue: IssueRecord,
  wanted: string[],
  actor: User,
) {
  const before = new Set(issue.assignees.map((login) => login.toLowerCase()));
  const after = new Set(wanted.map((login) => login.toLowerCase()));
  const removed = issue.assignees.filter((login) => !after.has(login.toLowerCase()));
  const added = wanted.filter((login) => !before.has(login.toLowerCase()));
  issue.assignees = [...wanted];
  for (const login of removed) {
    const user = world.user(login);
    if (user)
      await announceIssueOrPull(world, repo, issue, "unassigned", actor, {
        assignee: userShape(world, user),
      });
  }
  for (const login of added) {
    const user = world.user(login);
    if (user)
      await announceIssueOrPull(world, repo, issue, "assigned", actor, { assignee: userShape(world, user) });
  }
}

export async function createIssue(
  world: World,
  repo: Repository,
  actor: User,
  input: { title: string; body: string | null; isPull: boolean; app: IssueRecord["app"] },
): Promise<IssueRecord> {
  const now = world.now();
  const issue: IssueRecord = {
    id: world.nextId(),
    number: repo.nextNumber++,
    title: input.title,
    body: input.body,
    user: actor,
    state: "open",
    stateReason: null,
    labels: [],
    assignees: [],
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    locked: false,
    isPull: input.isPull,
    app: input.app,
  };
  repo.issues.set(issue.number, issue);
  return issue;
}

function sortIssues(req: SandboxRequest, issues: IssueRecord[], repo: Repository): IssueRecord[] {
  const sort = req.query.get("sort") ?? "created";
  const direction = req.query.get("direction") ?? "desc";
  const commentsOf = (issue: IssueRecord) =>
    [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  const key = (issue: IssueRecord): string | number =>
    sort === "updated" ? issue.updatedAt : sort === "comments" ? commentsOf(issue) : issue.number;
  const sorted = [...issues].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
  });
  return direction === "asc" ? sorted : sorted.reverse();
}

/** The App whose installation token made the request, if any: what GitHub shows as `performed_via_github_app`. */
function appOf(req: SandboxRequest): IssueRecord["app"] {
  return req.identity.kind === "installation" ? req.identity.app : null;
}

function commentOf(repo: Repository, req: SandboxRequest): CommentRecord {
  const comment = repo.comments.get(numberParam(req, "comment_id"));
  if (!comment) throw notFound();
  return comment;
}

export function registerIssueRoutes(table: RouteTable<Handler>): void {
  table.add("POST", "/repos/{owner}/{repo}/issues", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const body = bodyOf(req);
    const title = body.title;
    if (typeof title !== "string" && typeof title !== "number") {
      throw validationFailed([{ resource: "Issue", field: "title", code: "missing_field" }]);
    }
    const pushAccess = req.identity.kind === "installation" || hasWrite(repo, actor);
    // Without push access GitHub silently drops labels and assignees; with it, it validates them.
    const labels = pushAccess && body.labels !== undefined ? labelNames({ labels: body.labels }) : [];
    const assigneeList = [
      ...(typeof body.assignee === "string" ? [body.assignee] : []),
      ...(Array.isArray(body.assignees)
        ? (body.assignees as unknown[]).filter((a): a is string => typeof a === "string")
        : []),
    ];
    const assignees = pushAccess ? checkAssignees(world, repo, assigneeList) : [];
    const issue = await createIssue(world, repo, actor, {
      title: String(title),
      body: optionalString(body, "body") ?? null,
      isPull: false,
      // GitHub marks what an App wrote with its installation token: `performed_via_github_app`.
      app: appOf(req),
    });
    issue.labels = labels.map((name) => ensureLabel(world, repo, name, actor).name);
    issue.assignees = assignees;
    announce(world, repo, "issues", actor, { action: "opened", issue: issueShape(world, repo, issue) });
    for (const name of issue.labels) {
      const label = repo.labels.get(name.toLowerCase()) as LabelRecord;
      announce(world, repo, "issues", actor, {
        action: "labeled",
        issue: issueShape(world, repo, issue),
        label: labelShape(world, repo, label),
      });
    }
    return json(201, issueShape(world, repo, issue));
  });

  table.add("GET", "/repos/{owner}/{repo}/issues", async (req, world) => {
    const repo = repoOf(world, req);
    const state = req.query.get("state") ?? "open";
    const labels = (req.query.get("labels") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== "");
    const creator = req.query.get("creator")?.toLowerCase();
    const assignee = req.query.get("assignee");
    const since = req.query.get("since");
    let issues = [...repo.issues.values()];
    if (state !== "all") issues = issues.filter((issue) => issue.state === state);
    if (labels.length > 0) {
      issues = issues.filter((issue) =>
        labels.every((label) => issue.labels.some((name) => name.toLowerCase() === label)),
      );
    }
    if (creator) issues = issues.filter((issue) => issue.user.login.toLowerCase() === creator);
    if (assignee === "none") issues = issues.filter((issue) => issue.assignees.length === 0);
    else if (assignee === "*") issues = issues.filter((issue) => issue.assignees.length > 0);
    else if (assignee)
      issues = issues.filter((issue) =>
        issue.assignees.some((login) => login.toLowerCase() === assignee.toLowerCase()),
      );
    if (since) {
      const from = Date.parse(since);
      if (Number.isNaN(from)) throw new ApiError(422, `Invalid since: ${since}`);
      issues = issues.filter((issue) => Date.parse(issue.updatedAt) >= from);
    }
    const { page, headers } = paginate(world, req, sortIssues(req, issues, repo));
    return json(
      200,
      page.map((issue) => issueShape(world, repo, issue)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}", async (req, world) => {
    const repo = repoOf(world, req);
    return json(200, issueShape(world, repo, issueOf(repo, req)));
  });

  table.add("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const issue = issueOf(repo, req);
    if (issue.user !== actor && req.identity.kind !== "installation" && !hasWrite(repo, actor)) {
      throw new ApiError(403, "Must have admin rights to Repository.");
    }
    await updateIssue(world, repo, issue, bodyOf(req), actor);
    return json(200, issueShape(world, repo, issue));
  });

  table.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", async (req, world) => {
    const repo = repoOf(world, req);
    const issue = issueOf(repo, req);
    let comments = [...repo.comments.values()].filter((comment) => comment.issueNumber === issue.number);
    const since = req.query.get("since");
    if (since) comments = comments.filter((comment) => Date.parse(comment.updatedAt) >= Date.parse(since));
    comments.sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(world, req, comments);
    return json(
      200,
      page.map((comment) => commentShape(world, repo, comment)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/issues/comments", async (req, world) => {
    const repo = repoOf(world, req);
    const comments = [...repo.comments.values()].sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(world, req, comments);
    return json(
      200,
      page.map((comment) => commentShape(world, repo, comment)),
      headers,
    );
  });

  table.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const issue = issueOf(repo, req);
    const body = requiredString(bodyOf(req), "body", "IssueComment");
    if (body.length > 65536) {
      throw validationFailed([
        {
          resource: "IssueComment",
          field: "body",
          code: "custom",
          message: "body is too long (maximum is 65536 characters)",
        },
      ]);
    }
    const now = world.now();
    const comment: CommentRecord = {
      id: world.nextId(),
      issueNumber: issue.number,
      body,
      user: actor,
      createdAt: now,
      updatedAt: now,
      app: appOf(req),
    };
    repo.comments.set(comment.id, comment);
    issue.updatedAt = now;
    announce(world, repo, "issue_comment", actor, {
      action: "created",
      issue: issueShape(world, repo, issue),
      comment: commentShape(world, repo, comment),
    });
    return json(201, commentShape(world, repo, comment));
  });

  table.add("GET", "/repos/{owner}/{repo}/issues/comments/{comment_id}", async (req, world) => {
    const repo = repoOf(world, req);
    return json(200, commentShape(world, repo, commentOf(repo, req)));
  });

  table.add("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const comment = commentOf(repo, req);
    if (comment.user !== actor && !(req.identity.kind === "installation" || hasWrite(repo, actor))) {
      throw new ApiError(403, "You must have write access to edit this comment.");
    }
    const body = requiredString(bodyOf(req), "body", "IssueComment");
    if (body.length > 65536) {
      throw validationFailed([
        {
          resource: "IssueComment",
          field: "body",
          code: "custom",
          message: "body is too long (maximum is 65536 characters)",
        },
      ]);
    }
    const previous = comment.body;
    comment.body = body;
    comment.updatedAt = world.now();
    const issue = repo.issues.get(comment.issueNumber) as IssueRecord;
    announce(world, repo, "issue_comment", actor, {
      action: "edited",
      changes: { body: { from: previous } },
      issue: issueShape(world, repo, issue),
      comment: commentShape(world, repo, comment),
    });
    return json(200, commentShape(world, repo, comment));
  });

  table.add("DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = actorOf(req);
    const comment = commentOf(repo, req);
    if (comment.user !== actor && !(req.identity.kind === "installation" || hasWrite(repo, actor))) {
      throw new ApiError(403, "You must have write access to delete this comment.");
    }
    const shape = commentShape(world, repo, comment);
    repo.comments.delete(comment.id);
    const issue = repo.issues.get(comment.issueNumber) as IssueRecord;
    announce(world, repo, "issue_comment", actor, {
      action: "deleted",
      issue: issueShape(world, repo, issue),
      comment: shape,
    });
    return { status: 204 };
  });

  // --- labels on issues and pull requests -------------------------------------------------------------------
  const currentLabels = (world: World, repo: Repository, issue: IssueRecord) =>
    issue.labels.flatMap((name) => {
      const label = repo.labels.get(name.toLowerCase());
      return label ? [labelShape(world, repo, label)] : [];
    });

  table.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const issue = issueOf(repo, req);
    const { page, headers } = paginate(world, req, currentLabels(world, repo, issue));
    return json(200, page, headers);
  });

  table.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireTriage(req, repo);
    const issue = issueOf(repo, req);
    await applyLabels(world, repo, issue, [...issue.labels, ...labelNames(req.body)], actor);
    return json(200, currentLabels(world, repo, issue));
  });

  table.add("PUT", "/repos/{owner}/{repo}/issues/{issue_number}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireTriage(req, repo);
    const issue = issueOf(repo, req);
    await applyLabels(world, repo, issue, labelNames(req.body ?? []), actor);
    return json(200, currentLabels(world, repo, issue));
  });

  table.add("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireTriage(req, repo);
    const issue = issueOf(repo, req);
    await applyLabels(world, repo, issue, [], actor);
    return { status: 204 };
  });

  table.add("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireTriage(req, repo);
    const issue = issueOf(repo, req);
    const name = (req.params.name ?? "").toLowerCase();
    if (!issue.labels.some((label) => label.toLowerCase() === name))
      throw new ApiError(404, "Label does not exist");
    await applyLabels(
      world,
      repo,
      issue,
      issue.labels.filter((label) => label.toLowerCase() !== name),
      actor,
    );
    return json(200, currentLabels(world, repo, issue));
  });

  table.add("POST", "/repos/{owner}/{repo}/issues/{issue_number}/assignees", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const issue = issueOf(repo, req);
    const wanted = (bodyOf(req).assignees ?? []) as string[];
    const valid = wanted.filter((login) => {
      const user = world.user(login);
      return user && hasWrite(repo, user);
    });
    await applyAssignees(
      world,
      repo,
      issue,
      [...new Set([...issue.assignees, ...valid.map((login) => world.user(login)?.login ?? login)])],
      actor,
    );
    return json(201, issueShape(world, repo, issue));
  });

  table.add("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/assignees", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const issue = issueOf(repo, req);
    const drop = new Set(((bodyOf(req).assignees ?? []) as string[]).map((login) => login.toLowerCase()));
    await applyAssignees(
      world,
      repo,
      issue,
      issue.assignees.filter((login) => !drop.has(login.toLowerCase())),
      actor,
    );
    return json(200, issueShape(world, repo, issue));
  });

  // --- repository labels ------------------------------------------------------------------------------------
  table.add("GET", "/repos/{owner}/{repo}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const { page, headers } = paginate(world, req, [...repo.labels.values()]);
    return json(
      200,
      page.map((label) => labelShape(world, repo, label)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/labels/{name}", async (req, world) => {
    const repo = repoOf(world, req);
    const label = repo.labels.get((req.params.name ?? "").toLowerCase());
    if (!label) throw notFound();
    return json(200, labelShape(world, repo, label));
  });

  table.add("POST", "/repos/{owner}/{repo}/labels", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const name = requiredString(body, "name", "Label");
    if (repo.labels.has(name.toLowerCase())) {
      throw validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
    }
    const color = (optionalString(body, "color") ?? "ededed").replace(/^#/, "");
    if (!/^[0-9a-fA-F]{6}$/.test(color))
      throw validationFailed([{ resource: "Label", code: "invalid", field: "color" }]);
    const label: LabelRecord = {
      id: world.nextId(),
      name,
      color,
      description: optionalString(body, "description") ?? null,
      isDefault: false,
    };
    repo.labels.set(name.toLowerCase(), label);
    announce(world, repo, "label", actor, { action: "created", label: labelShape(world, repo, label) });
    return json(201, labelShape(world, repo, label));
  });
}

/** PATCH of an issue (or of a PR through the issues API): fields, state, labels, assignees, with their events. */
export async function updateIssue(
  world: World,
  repo: Repository,
  issue: IssueRecord,
  body: Record<string, unknown>,
  actor: User,
): Promise<void> {
  const changes: Record<string, { from: unknown }> = {};
  const title = optionalString(body, "title");
  if (title !== undefined && title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = title;
  }
  if ("body" in body) {
    const text = optionalString(body, "body") ?? null;
    if (text !== issue.body) {
      changes.body = { from: issue.body ?? "" };
      issue.body = text;
    }
  }
  if (Object.keys(changes).length > 0) {
    issue.updatedAt = world.now();
    await announceIssueOrPull(world, repo, issue, "edited", actor, { changes });
  }
  if (body.labels !== undefined)
    await applyLabels(world, repo, issue, labelNames({ labels: body.labels }), actor);
  if (body.assignees !== undefined || body.assignee !== undefined) {
    const wanted = Array.isArray(body.assignees)
      ? (body.assignees as string[])
      : typeof body.assignee === "string"
        ? [body.assignee]
        : [];
    await applyAssignees(world, repo, issue, checkAssignees(world, repo, wanted), actor);
  }
  const state = optionalString(body, "state");
  if (state !== undefined && state !== "open" && state !== "closed") {
    throw validationFailed([{ resource: "Issue", field: "state", code: "invalid", value: state }]);
  }
  if (state && state !== issue.state) {
    const pull = repo.pulls.get(issue.number);
    if (state === "open" && pull?.merged) throw new ApiError(422, "Cannot reopen a merged pull request");
    const now = world.now();
    issue.state = state;
    issue.updatedAt = now;
    if (state === "closed") {
      if (pull) pull.baseSha = repo.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.baseSha;
      issue.closedAt = now;
      issue.closedBy = actor;
      issue.stateReason = issue.isPull
        ? null
        : ((optionalString(body, "state_reason") as IssueRecord["stateReason"]) ?? "completed");
    } else {
      issue.closedAt = null;
      issue.closedBy = null;
      issue.stateReason = issue.isPull ? null : "reopened";
    }
    await announceIssueOrPull(world, repo, issue, state === "closed" ? "closed" : "reopened", actor);
  }
}
