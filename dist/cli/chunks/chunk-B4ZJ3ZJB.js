import {
  NO_BLIND_RETRY,
  changelogEntry,
  createOnce,
  escapeMarkdown,
  httpStatus,
  isOpenedByAnApp,
  isTrustedState,
  isWrittenByUs,
  parseFollowUpMarkers,
  planFollowUps,
  prependChangelog,
  readTimeline,
  renderReleaseNotes,
  sealState,
  severityFromLabels,
  truncate,
  writeTimeline
} from "./chunk-4ADIYY7L.js";
import {
  globMatcher,
  isHotfixFamilyBranch,
  jiraKeyOf,
  renderDeployInputs
} from "./chunk-Y7K2DOCE.js";

// src/after-merge/merged-pull-request.ts
import { z } from "zod";
var pullRequestShape = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable().optional(),
  html_url: z.string(),
  user: z.object({ login: z.string(), id: z.number().int().optional() }).nullable(),
  labels: z.array(z.object({ name: z.string() })).default([]),
  head: z.object({
    ref: z.string(),
    sha: z.string().regex(/^[0-9a-f]{40}$/),
    repo: z.object({ id: z.number().int() }).nullable().optional()
  }),
  base: z.object({ ref: z.string(), repo: z.object({ id: z.number().int() }) }),
  commits: z.number().int().nonnegative().optional(),
  merged: z.boolean().nullable().optional(),
  merge_commit_sha: z.string().regex(/^[0-9a-f]{40}$/).nullable(),
  merged_at: z.string().nullable()
});
function mergedPullRequestFrom(raw) {
  const parsed = pullRequestShape.safeParse(raw);
  if (!parsed.success) return null;
  const pr = parsed.data;
  if (!pr.merge_commit_sha || !pr.merged_at || pr.merged === false) return null;
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    url: pr.html_url,
    author: pr.user?.login ?? "ghost",
    authorId: pr.user?.id ?? null,
    labels: pr.labels.map((label) => label.name),
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    // A deleted fork leaves `head.repo` null: that is still not this repository.
    fromFork: pr.head.repo?.id !== pr.base.repo.id,
    commitCount: pr.commits ?? null,
    baseRef: pr.base.ref,
    mergeSha: pr.merge_commit_sha,
    mergedAt: pr.merged_at
  };
}

// src/after-merge/pipeline-claim.ts
function claimRefName(pr) {
  return `refs/hotfix-bot/claims/pr-${pr}`;
}
var CLAIM_WAIT = { timeoutMs: 18e4, pollMs: 2e3 };
var PipelineClaimedError = class extends Error {
  constructor(repo, pr) {
    super(
      `the after-merge pipeline of ${repo.owner}/${repo.repo}#${pr} is claimed by another run (${claimRefName(pr)}); if that run died, reconcile finishes the pipeline`
    );
    this.repo = repo;
    this.pr = pr;
  }
  repo;
  pr;
  name = "PipelineClaimedError";
};
async function claimPipeline(ctx, pr, sha) {
  try {
    return await createOnce(
      async () => {
        await ctx.octokit.rest.git.createRef({ ...ctx.repo, ref: claimRefName(pr), sha, ...NO_BLIND_RETRY });
        return true;
      },
      async () => await claimExists(ctx, pr) ? true : null
    );
  } catch (error) {
    if (httpStatus(error) === 422) return false;
    throw error;
  }
}
async function releasePipeline(ctx, pr) {
  try {
    await ctx.octokit.rest.git.deleteRef({ ...ctx.repo, ref: claimRefName(pr).slice("refs/".length) });
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 404 && status !== 422) throw error;
  }
}
async function claimExists(ctx, pr) {
  try {
    await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref: claimRefName(pr).slice("refs/".length) });
    return true;
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}
async function waitForRelease(ctx, pr, wait = CLAIM_WAIT) {
  const deadline = Date.now() + wait.timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, wait.pollMs));
    if (!await claimExists(ctx, pr)) return "released";
  }
  return "timeout";
}
async function listClaims(ctx) {
  const refs = await ctx.octokit.paginate(ctx.octokit.rest.git.listMatchingRefs, {
    ...ctx.repo,
    ref: "hotfix-bot/claims/pr-",
    per_page: 100
  });
  const prs = refs.flatMap((r) => {
    const match = /^refs\/hotfix-bot\/claims\/pr-(\d+)$/.exec(r.ref);
    return match?.[1] ? [Number(match[1])] : [];
  });
  return new Set(prs);
}

// src/backport/backport-branch.ts
var UnsafeBranchNameError = class extends Error {
  constructor(value, reason) {
    super(`unsafe backport branch input ${JSON.stringify(value)}: ${reason}`);
    this.value = value;
  }
  value;
  name = "UnsafeBranchNameError";
};
var PREFIX = "hotfix-bot/";
var MAX_TARGET_LENGTH = 200;
function branchNameProblem(name) {
  if (name.length === 0) return "it is empty";
  if (name.length > MAX_TARGET_LENGTH) return `it is longer than ${MAX_TARGET_LENGTH} characters`;
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return "only letters, digits, '.', '_', '-' and '/' are allowed";
  if (name.startsWith("-")) return "it starts with '-'";
  if (name === "HEAD") return "HEAD is not a branch";
  for (const component of name.split("/")) {
    if (component === "") return "it has an empty path component";
    if (component.startsWith(".")) return "a path component starts with '.'";
    if (component.endsWith(".lock")) return "a path component ends with '.lock'";
  }
  if (name.includes("..")) return "it contains '..'";
  if (name.endsWith(".")) return "it ends with '.'";
  return null;
}
function backportBranchName(pr, target) {
  if (!Number.isSafeInteger(pr) || pr <= 0) {
    throw new UnsafeBranchNameError(String(pr), "a pull request number is a positive integer");
  }
  const problem = branchNameProblem(target);
  if (problem) throw new UnsafeBranchNameError(target, problem);
  return `${PREFIX}backport-${pr}-to-${target}`;
}
var GLOB = /[*?[\]{}()!+@]/;
function expandTargets(patterns, branches, developBranch, productionBranch) {
  const existing = new Set(branches);
  const eligible = (name) => name !== productionBranch && !name.startsWith(PREFIX) && branchNameProblem(name) === null;
  const targets = [];
  const add = (name) => {
    if (eligible(name) && !targets.includes(name)) targets.push(name);
  };
  for (const raw of patterns) {
    const pattern = raw.split("{develop}").join(developBranch);
    if (GLOB.test(pattern)) {
      const matches = globMatcher(pattern);
      for (const branch of branches) if (matches(branch)) add(branch);
    } else if (existing.has(pattern)) {
      add(pattern);
    }
  }
  return targets;
}

// src/backport/pick-list.ts
var PickListError = class extends Error {
  constructor(mergeCommitSha, reason) {
    super(`cannot work out what to pick for ${mergeCommitSha}: ${reason}`);
    this.mergeCommitSha = mergeCommitSha;
  }
  mergeCommitSha;
  name = "PickListError";
};
function commitsToPick(input) {
  const { mergeCommitSha, mergeCommitParents, prCommits, firstParentChain } = input;
  const [firstParent] = mergeCommitParents;
  if (firstParent === void 0) throw new PickListError(mergeCommitSha, "it has no parent (a root commit)");
  if (mergeCommitParents.length >= 2) {
    return { method: "merge", picks: [{ sha: mergeCommitSha, parent: firstParent, mainline: 1 }] };
  }
  const n = prCommits.length;
  const total = input.prCommitTotal ?? n;
  if (total > n) {
    throw new PickListError(
      mergeCommitSha,
      `the pull request has ${total} commits and GitHub lists only ${n} of them, so whether it was rebased (pick every commit) or squashed (pick one) cannot be verified; backport it by hand with the manual steps`
    );
  }
  const head = firstParentChain[0];
  if (head && head.sha !== mergeCommitSha) {
    throw new PickListError(mergeCommitSha, `the first-parent chain starts at ${head.sha}`);
  }
  for (let k = 0; k + 1 < firstParentChain.length; k++) {
    const commit = firstParentChain[k];
    const older = firstParentChain[k + 1];
    if (commit.parents[0] !== older.sha) {
      throw new PickListError(mergeCommitSha, `${older.sha} is not the first parent of ${commit.sha}`);
    }
  }
  const last = firstParentChain.at(-1);
  if (n > firstParentChain.length && (!last || last.parents.length > 0)) {
    throw new PickListError(
      mergeCommitSha,
      `the first-parent chain has ${firstParentChain.length} commits, the pull request ${n}`
    );
  }
  if (n > 0 && n <= firstParentChain.length) {
    const newestFirst = firstParentChain.slice(0, n);
    const oldestFirst = [...newestFirst].reverse();
    const rebased = oldestFirst.every(
      (commit, k) => commit.parents.length === 1 && sameMessage(commit.message, prCommits[k]?.message ?? "")
    );
    if (rebased) {
      return {
        method: "rebase",
        picks: oldestFirst.map((commit) => ({ sha: commit.sha, parent: commit.parents[0] }))
      };
    }
  }
  return { method: "squash", picks: [{ sha: mergeCommitSha, parent: firstParent }] };
}
function sameMessage(x, y) {
  const norm = (message) => message.replace(/\r\n/g, "\n").trimEnd();
  return norm(x) === norm(y);
}

// src/backport/read-pick-plan.ts
var PULL_COMMITS_LIMIT = 250;
var PER_PAGE = 100;
var HISTORY_PAGE_SLACK = 10;
function firstParentPath(listed, head, count) {
  const bySha = new Map(listed.map((commit) => [commit.sha, commit]));
  const path = [];
  let next = head;
  while (next !== void 0 && path.length < count) {
    const commit = bySha.get(next);
    if (!commit) break;
    path.push(commit);
    next = commit.parents[0];
  }
  return path;
}
async function readPullCommits(ctx, pullNumber) {
  const { octokit, repo } = ctx;
  const listed = await octokit.paginate(octokit.rest.pulls.listCommits, {
    ...repo,
    pull_number: pullNumber,
    per_page: PER_PAGE
  });
  const commits = listed.map((c) => ({ sha: c.sha, message: c.commit.message }));
  if (commits.length < PULL_COMMITS_LIMIT) return { commits, total: commits.length };
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return { commits, total: Math.max(pull.commits, commits.length) };
}
async function readFirstParentChain(ctx, head, count) {
  const { octokit, repo } = ctx;
  const listed = [];
  const maxPages = Math.ceil(count / PER_PAGE) + HISTORY_PAGE_SLACK;
  let pages = 0;
  let path = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.repos.listCommits, {
    ...repo,
    sha: head,
    per_page: PER_PAGE
  })) {
    for (const c of data) {
      listed.push({ sha: c.sha, message: c.commit.message, parents: c.parents.map((p) => p.sha) });
    }
    pages++;
    path = firstParentPath(listed, head, count);
    const atRoot = path.at(-1)?.parents.length === 0;
    const isMerge = (path[0]?.parents.length ?? 0) >= 2;
    if (path.length >= count || atRoot || isMerge || pages >= maxPages) break;
  }
  return path;
}
async function readPickPlan(ctx, mergeSha, pulled) {
  const chain = await readFirstParentChain(ctx, mergeSha, pulled.commits.length + 1);
  if (chain[0]?.sha !== mergeSha) {
    throw new PickListError(mergeSha, "the repository's commit list does not start at the merge commit");
  }
  return commitsToPick({
    mergeCommitSha: mergeSha,
    mergeCommitParents: chain[0].parents,
    prCommits: pulled.commits,
    prCommitTotal: pulled.total,
    firstParentChain: chain
  });
}

// src/incident/timeline-state.ts
var ENTRY_TEXT_MAX = 1e3;
function emptyTimeline(incident) {
  return { v: 1, incident, entries: [], pipelines: {} };
}
function timeOf(entry) {
  const t = Date.parse(entry.at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
function addEntry(state, entry) {
  const next = { ...entry, text: truncate(entry.text, ENTRY_TEXT_MAX) };
  const index = state.entries.findIndex((e) => e.key === entry.key);
  const entries = index === -1 ? [...state.entries, next] : state.entries.map((e, i) => i === index ? next : e);
  entries.sort((a, b) => {
    const x = timeOf(a);
    const y = timeOf(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
  return { ...state, entries };
}

// src/deploy/deploy-marker.ts
var DEPLOY_PAYLOAD_KEY = "hotfix_bot";
function deploymentPayload(marker) {
  return { [DEPLOY_PAYLOAD_KEY]: marker };
}
function deploymentDescription(marker) {
  const incident = marker.incident === null ? "" : ` for incident #${marker.incident}`;
  return `hotfix-bot: deploy ${marker.tag} (#${marker.pr})${incident}`.slice(0, 140);
}
var positive = (value) => typeof value === "number" && Number.isSafeInteger(value) && value > 0;
function markerOf(payload) {
  let data = payload;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof data !== "object" || data === null) return null;
  const marker = data[DEPLOY_PAYLOAD_KEY];
  if (typeof marker !== "object" || marker === null) return null;
  const { incident, pr, tag } = marker;
  if (!positive(pr) || typeof tag !== "string" || tag === "") return null;
  if (incident !== null && !positive(incident)) return null;
  return { incident, pr, tag };
}

// src/deploy/trigger-deploy.ts
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
function dispatchProblem(error, workflow) {
  const status = httpStatus(error);
  if (status === 403)
    return `hotfix-bot may not run workflows: the App needs the "actions: write" permission for deploy.workflow`;
  if (status === 404) return `there is no workflow ${workflow} (or it has no workflow_dispatch trigger)`;
  return errorText(error);
}
async function findOurDeployment(ctx, tag, environment, pr) {
  const { data } = await ctx.octokit.rest.repos.listDeployments({
    ...ctx.repo,
    ref: tag,
    environment,
    per_page: 100
  });
  const identity = await ctx.identity();
  const ours = data.find((d) => isWrittenByUs(d, identity) && markerOf(d.payload)?.pr === pr);
  return ours ? { id: ours.id, created_at: ours.created_at } : null;
}
async function triggerDeploy(ctx, config, request) {
  const { workflow, environment } = config.deploy;
  if (!workflow && !environment) return null;
  const { octokit, repo } = ctx;
  const now = () => ctx.clock().toISOString();
  const deploy = {};
  const entries = [];
  let mustRecord = false;
  if (workflow) {
    const ref = workflow.ref ?? config.productionBranch;
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: request.tag,
      incident: request.incident === null ? "" : String(request.incident),
      pr: String(request.pr),
      sha: request.mergeSha,
      severity: request.severity
    });
    try {
      await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: workflow.id, ref, inputs });
      deploy.workflow = { id: workflow.id, ref, at: now() };
      entries.push({
        key: `deploy-dispatch-${request.pr}`,
        at: deploy.workflow.at,
        text: `Deploy workflow ${workflow.id} started for ${request.tag}`
      });
    } catch (error) {
      const problem = dispatchProblem(error, workflow.id);
      ctx.log.error(`deploy of ${request.tag}: ${problem}`);
      deploy.error = problem;
      entries.push({
        key: `deploy-dispatch-${request.pr}`,
        at: now(),
        text: `Deploy not started: ${problem}`
      });
    }
    mustRecord = true;
  }
  if (environment) {
    const marker = { incident: request.incident, pr: request.pr, tag: request.tag };
    let found = await findOurDeployment(ctx, request.tag, environment, request.pr);
    if (!found) {
      try {
        const { data } = await octokit.rest.repos.createDeployment({
          ...repo,
          ref: request.tag,
          environment,
          auto_merge: false,
          required_contexts: [],
          payload: deploymentPayload(marker),
          description: deploymentDescription(marker)
        });
        if ("id" in data) found = { id: data.id, created_at: data.created_at };
        else throw new Error(data.message ?? "GitHub did not create the deployment");
      } catch (error) {
        const problem = errorText(error);
        ctx.log.error(`deployment of ${request.tag} to ${environment}: ${problem}`);
        deploy.error = problem;
        entries.push({
          key: `deployment-${request.pr}`,
          at: now(),
          text: `Deployment not created: ${problem}`
        });
      }
    }
    if (found) {
      deploy.environment = { name: environment, deployment: found.id, at: found.created_at };
      entries.push({
        key: `deployment-${request.pr}`,
        at: found.created_at,
        text: `Deployment of ${request.tag} to ${environment} created`
      });
    }
  }
  return { deploy, entries, mustRecord };
}
async function deployAfterTag(ctx, config, input) {
  const { pipeline, pr } = input;
  let { state, commentId } = input;
  if (pipeline.deploy || !pipeline.tag) return { state, commentId };
  const triggered = await triggerDeploy(ctx, config, {
    tag: pipeline.tag,
    mergeSha: pr.mergeSha,
    pr: pr.number,
    incident: input.incident,
    severity: input.severity
  });
  if (!triggered) return { state, commentId };
  pipeline.deploy = triggered.deploy;
  for (const entry of triggered.entries) state = addEntry(state, entry);
  if (triggered.mustRecord) {
    const snapshot = { ...state, pipelines: { ...state.pipelines, [String(pr.number)]: { ...pipeline } } };
    ({ commentId } = await writeTimeline(ctx, input.timelineIssue, commentId, snapshot));
  }
  return { state, commentId };
}

// src/follow-ups/open-follow-ups.ts
async function listFollowUps(ctx, since, pr) {
  const { octokit, repo } = ctx;
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    state: "all",
    since: since.toISOString(),
    sort: "created",
    direction: "asc",
    per_page: 100
  });
  const found = [];
  for (const issue of issues) {
    if (issue.pull_request) continue;
    const markers = parseFollowUpMarkers(issue.body).filter((m) => m.pr === pr);
    if (markers.length === 0 || !await isTrustedState(ctx, issue, { repo, issue: null })) continue;
    found.push(
      ...markers.map((m) => ({
        number: issue.number,
        url: issue.html_url,
        open: issue.state === "open",
        kind: m.kind
      }))
    );
  }
  return found;
}
function canonical(issues) {
  const byKind = /* @__PURE__ */ new Map();
  for (const issue of issues) {
    const current = byKind.get(issue.kind);
    if (!current || issue.number < current.number) byKind.set(issue.kind, issue);
  }
  return byKind;
}
async function createIssue(octokit, repo, plan, find) {
  let writes = 0;
  const send = async (assignees) => {
    writes++;
    const { data } = await octokit.rest.issues.create({
      ...repo,
      title: plan.title,
      body: plan.sealedBody,
      labels: plan.labels,
      ...assignees ? { assignees } : {},
      ...NO_BLIND_RETRY
    });
    return { number: data.number, url: data.html_url };
  };
  if (plan.assignee) {
    const assignee = plan.assignee;
    try {
      return { ...await createOnce(() => send([assignee]), find), writes };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
    }
  }
  return { ...await createOnce(() => send(), find), writes };
}
async function openFollowUps(ctx, input) {
  const { octokit, repo } = ctx;
  const before = canonical(await listFollowUps(ctx, input.since, input.pr));
  const mine = /* @__PURE__ */ new Map();
  const results = /* @__PURE__ */ new Map();
  for (const plan of input.plans) {
    const found = before.get(plan.kind);
    if (found) {
      results.set(plan.kind, {
        kind: plan.kind,
        issue: found.number,
        url: found.url,
        created: false,
        writes: 0
      });
      continue;
    }
    const sealedBody = await sealState(ctx, plan.body, { repo, issue: null });
    const issue = await createIssue(octokit, repo, { ...plan, sealedBody }, async () => {
      const found2 = canonical(await listFollowUps(ctx, input.since, input.pr)).get(plan.kind);
      return found2 ? { number: found2.number, url: found2.url } : null;
    });
    mine.set(plan.kind, issue);
    results.set(plan.kind, {
      kind: plan.kind,
      issue: issue.number,
      url: issue.url,
      created: true,
      writes: issue.writes
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
        state_reason: "not_planned"
      });
      const result = results.get(duplicate.kind);
      if (result) result.writes++;
    }
  }
  return input.plans.flatMap((plan) => results.get(plan.kind) ?? []);
}

// src/rules/incident-link.ts
var MAX_ISSUE_NUMBER = 2147483647;
var EXPLICIT = /(?<![\w/#-])incident\s*:\s*#([1-9][0-9]{0,9})(?![\w-])/i;
var CLOSING = /(?<![\w/#-])(?:close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved)(?:\s*:\s*|\s+)#([1-9][0-9]{0,9})(?![\w-])/i;
var BRANCH = /^hotfix\/incident-([1-9][0-9]{0,9})$/;
function toNumber(digits) {
  if (digits === void 0) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= MAX_ISSUE_NUMBER ? n : null;
}
function linkedIncidentNumber({
  body,
  headRef
}) {
  const text = body ?? "";
  return toNumber(EXPLICIT.exec(text)?.[1]) ?? toNumber(CLOSING.exec(text)?.[1]) ?? toNumber(BRANCH.exec(headRef ?? "")?.[1]);
}

// src/incident/pull-incident.ts
function incidentLinkHolds(state, headRef) {
  return state?.intake?.branch === headRef;
}
async function incidentOfPull(ctx, claim) {
  if (claim.fromFork !== false) return { incident: null, refused: null, timeline: null };
  const number = linkedIncidentNumber({ body: claim.body, headRef: claim.headRef });
  if (number === null) return { incident: null, refused: null, timeline: null };
  let timeline;
  try {
    timeline = await readTimeline(ctx, number);
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 404 && status !== 410) throw error;
    timeline = { commentId: null, state: null };
  }
  if (!incidentLinkHolds(timeline.state, claim.headRef)) {
    ctx.log.info(
      `incident #${number} does not record ${claim.headRef} as its hotfix branch: link not followed`
    );
    return { incident: null, refused: number, timeline: null };
  }
  return { incident: number, refused: null, timeline };
}

// src/incident/refused-branch-entries.ts
function refusedBranchEntries(refused, used, at) {
  return (refused ?? []).map(({ branch, tip }) => ({
    key: `refused-branch-${branch}`,
    at,
    text: `Refused the existing branch ${branch}: its tip ${tip.slice(0, 7)} is not the commit hotfix-bot computed` + (used ? `; used ${used} instead` : "")
  }));
}

// src/release/tag-name.ts
var pad = (n, width = 2) => String(n).padStart(width, "0");
function hotfixTagBase(mergedAt) {
  if (Number.isNaN(mergedAt.getTime())) throw new RangeError("hotfixTagBase: mergedAt is not a valid date");
  const date = `${pad(mergedAt.getUTCFullYear(), 4)}${pad(mergedAt.getUTCMonth() + 1)}${pad(mergedAt.getUTCDate())}`;
  return `hotfix-${date}-${pad(mergedAt.getUTCHours())}${pad(mergedAt.getUTCMinutes())}`;
}
var SEMVER_TAG = /^v(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/;
function parseSemverTag(name) {
  const match = SEMVER_TAG.exec(name);
  if (!match) return null;
  return { name, major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}
function compareSemver(a, b) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
function semverTagsDescending(names) {
  return names.map(parseSemverTag).filter((tag) => tag !== null).sort((a, b) => compareSemver(b, a));
}
function nextTagName(input) {
  const taken = new Set(input.existingTags);
  if (input.scheme === "semver-patch") {
    const latest = semverTagsDescending(input.existingTags)[0];
    if (!latest) return "v0.0.1";
    return `v${latest.major}.${latest.minor}.${latest.patch + 1}`;
  }
  const base = hotfixTagBase(input.mergedAt);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// src/release/update-changelog.ts
var CHANGELOG_PATH = "CHANGELOG.md";
var MAX_ATTEMPTS = 3;
var ChangelogConflictError = class extends Error {
  constructor(repo, branch) {
    super(`${CHANGELOG_PATH} on ${repo.owner}/${repo.repo}@${branch} kept changing under us; not updated`);
    this.repo = repo;
    this.branch = branch;
    this.name = "ChangelogConflictError";
  }
  repo;
  branch;
};
async function updateChangelog(octokit, repo, input) {
  let reads = 0;
  let writes = 0;
  let rejected = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let existing = null;
    let sha;
    reads++;
    try {
      const { data } = await octokit.rest.repos.getContent({
        ...repo,
        path: CHANGELOG_PATH,
        ref: input.branch
      });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
        throw new Error(`${CHANGELOG_PATH} on ${input.branch} is not a file`);
      }
      existing = Buffer.from(data.content, "base64").toString("utf8");
      sha = data.sha;
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
    if (rejected && rejected.sha === sha) throw rejected.error;
    const next = prependChangelog(existing, input.entry);
    if (next === existing) return { updated: false, reads, writes };
    try {
      writes++;
      const { data } = await octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: CHANGELOG_PATH,
        branch: input.branch,
        message: input.message,
        content: Buffer.from(next, "utf8").toString("base64"),
        ...sha ? { sha } : {}
      });
      return { updated: true, ...data.commit.sha ? { commitSha: data.commit.sha } : {}, reads, writes };
    } catch (error) {
      const status = httpStatus(error);
      if (status !== 409 && status !== 422) throw error;
      rejected = { sha, error };
    }
  }
  throw new ChangelogConflictError(repo, input.branch);
}

// src/release/create-tag-and-release.ts
var MAX_NAME_ATTEMPTS = 20;
var TagNameExhaustedError = class extends Error {
  constructor(repo, mergeSha, tried) {
    super(
      `could not find a free tag name for ${mergeSha} in ${repo.owner}/${repo.repo} after ${tried.length} attempts (${tried.join(", ")})`
    );
    this.repo = repo;
    this.mergeSha = mergeSha;
    this.tried = tried;
    this.name = "TagNameExhaustedError";
  }
  repo;
  mergeSha;
  tried;
};
var TAG_PREFIX = "refs/tags/";
async function listTagRefs(octokit, repo, prefix, n) {
  n.reads++;
  const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, {
    ...repo,
    ref: `tags/${prefix}`,
    per_page: 100
  });
  return refs.filter((r) => r.ref.startsWith(TAG_PREFIX)).map((r) => ({ name: r.ref.slice(TAG_PREFIX.length), sha: r.object.sha, type: r.object.type }));
}
async function peel(octokit, repo, ref, n) {
  let { sha, type } = ref;
  for (let depth = 0; type === "tag" && depth < 5; depth++) {
    n.reads++;
    const { data } = await octokit.rest.git.getTag({ ...repo, tag_sha: sha });
    sha = data.object.sha;
    type = data.object.type;
  }
  return type === "commit" ? sha : null;
}
async function getTagRef(octokit, repo, name, n) {
  n.reads++;
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `tags/${name}` });
    return { name, sha: data.object.sha, type: data.object.type };
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
async function findHotfixDateTag(octokit, repo, input, n) {
  const base = hotfixTagBase(input.mergedAt);
  const ours = new RegExp(`^${base}(?:-[1-9]\\d*)?$`);
  const refs = (await listTagRefs(octokit, repo, base, n)).filter((r) => ours.test(r.name));
  for (const ref of refs) {
    if (await peel(octokit, repo, ref, n) === input.mergeSha)
      return { existing: ref, existingTags: [], taken: /* @__PURE__ */ new Set() };
  }
  const names = refs.map((r) => r.name);
  return { existingTags: names, taken: new Set(names) };
}
async function findSemverTag(octokit, repo, input, n) {
  const refs = await listTagRefs(octokit, repo, "v", n);
  const byName = new Map(refs.map((r) => [r.name, r]));
  const taken = new Set(refs.map((r) => r.name));
  for (const tag of semverTagsDescending([...byName.keys()])) {
    n.reads++;
    let status;
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${tag.name}...${input.mergeSha}`,
        per_page: 1
      });
      status = data.status;
    } catch (error) {
      if (httpStatus(error) === 404) continue;
      throw error;
    }
    if (status === "identical") return { existing: byName.get(tag.name), existingTags: [], taken };
    if (status === "ahead") return { existingTags: [tag.name], taken };
  }
  return { existingTags: [], taken };
}
function tagMessage(input, name) {
  const incident = input.incident === null ? "" : ` for incident #${input.incident}`;
  return `Hotfix ${name}${incident}: #${input.pr.number} ${input.pr.title.replace(/[\r\n]+/g, " ")}
`;
}
async function ensureTag(octokit, repo, input, n) {
  const scheme = input.config.release.tagScheme;
  const found = scheme === "semver-patch" ? await findSemverTag(octokit, repo, input, n) : await findHotfixDateTag(octokit, repo, input, n);
  if (found.existing) return { tag: found.existing.name, tagSha: found.existing.sha, created: false };
  const existingTags = [...found.existingTags];
  const tried = [];
  while (tried.length < MAX_NAME_ATTEMPTS) {
    const name = nextTagName({ scheme, mergedAt: input.mergedAt, existingTags });
    tried.push(name);
    existingTags.push(name);
    if (found.taken.has(name)) continue;
    n.writes++;
    const { data: tagObject } = await octokit.rest.git.createTag({
      ...repo,
      tag: name,
      message: tagMessage(input, name),
      object: input.mergeSha,
      type: "commit"
    });
    try {
      n.writes++;
      await octokit.rest.git.createRef({ ...repo, ref: `${TAG_PREFIX}${name}`, sha: tagObject.sha });
      return { tag: name, tagSha: tagObject.sha, created: true };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      const winner = await getTagRef(octokit, repo, name, n);
      if (!winner) throw error;
      if (await peel(octokit, repo, winner, n) === input.mergeSha) {
        return { tag: name, tagSha: winner.sha, created: false };
      }
    }
  }
  throw new TagNameExhaustedError(repo, input.mergeSha, tried);
}
async function ensureRelease(octokit, repo, input, tag, n) {
  const get = async () => {
    n.reads++;
    try {
      const { data } = await octokit.rest.repos.getReleaseByTag({ ...repo, tag });
      return { id: data.id, url: data.html_url };
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  };
  const existing = await get();
  if (existing) return existing;
  try {
    n.writes++;
    const { data } = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: tag,
      name: tag,
      body: renderReleaseNotes({
        tag,
        pr: input.pr,
        incident: input.incident,
        jiraKey: input.jiraKey,
        commits: input.commits
      })
    });
    return { id: data.id, url: data.html_url };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const raced = await get();
    if (!raced) throw error;
    return raced;
  }
}
async function tagAndRelease(octokit, repo, input) {
  const n = { reads: 0, writes: 0 };
  const tag = await ensureTag(octokit, repo, input, n);
  const result = { ...tag, writes: 0, reads: 0 };
  if (input.config.release.createRelease)
    result.release = await ensureRelease(octokit, repo, input, tag.tag, n);
  if (input.config.release.changelog) {
    const entry = changelogEntry({
      tag: tag.tag,
      mergedAt: input.mergedAt,
      pr: input.pr,
      incident: input.incident,
      jiraKey: input.jiraKey
    });
    try {
      const outcome = await updateChangelog(octokit, repo, {
        branch: input.config.productionBranch,
        entry,
        message: `Add ${tag.tag} to the changelog`
      });
      n.reads += outcome.reads;
      n.writes += outcome.writes;
      result.changelog = {
        updated: outcome.updated,
        ...outcome.commitSha ? { commitSha: outcome.commitSha } : {}
      };
    } catch (error) {
      result.changelog = { updated: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  result.writes = n.writes;
  result.reads = n.reads;
  return result;
}

// src/intake/bot-comment.ts
var RACE_MARGIN_MS = 5e3;
async function findMarked(ctx, issue, marker, since) {
  const comments = await ctx.octokit.paginate(ctx.octokit.rest.issues.listComments, {
    ...ctx.repo,
    issue_number: issue,
    per_page: 100,
    ...since ? { since } : {}
  });
  const marked = comments.filter((c) => (c.body ?? "").trimStart().startsWith(marker));
  const trusted = await Promise.all(marked.map((c) => isTrustedState(ctx, c, { repo: ctx.repo, issue })));
  return marked.filter((_, i) => trusted[i]);
}
async function ensureBotComment(ctx, issue, marker, body) {
  const startedAt = Date.now();
  const existing = await findMarked(ctx, issue, marker);
  if (existing[0]) return { id: existing[0].id, created: false };
  const sealed = await sealState(ctx, body, { repo: ctx.repo, issue });
  const created = await createOnce(
    async () => {
      const { data } = await ctx.octokit.rest.issues.createComment({
        ...ctx.repo,
        issue_number: issue,
        body: sealed,
        ...NO_BLIND_RETRY
      });
      return { id: data.id, createdAt: data.created_at };
    },
    async () => {
      const found = (await findMarked(ctx, issue, marker)).at(-1);
      return found ? { id: found.id, createdAt: found.created_at ?? new Date(startedAt).toISOString() } : null;
    }
  );
  const elapsed = Date.now() - startedAt;
  const since = new Date((Date.parse(created.createdAt) || startedAt) - elapsed - RACE_MARGIN_MS);
  const first = (await findMarked(ctx, issue, marker, since.toISOString()))[0];
  if (first && first.id !== created.id) {
    try {
      await ctx.octokit.rest.issues.deleteComment({ ...ctx.repo, comment_id: created.id });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
    return { id: first.id, created: false };
  }
  return { id: created.id, created: true };
}

// src/after-merge/backport-notice.ts
var MARKER = "<!-- hotfix-bot:backport-notice";
function backportNotice(pr, backports, targets) {
  const lines = targets.flatMap((target) => {
    const state = backports[target];
    if (state?.status === "already")
      return [`- \`${target}\`: already has this change; no backport PR is needed.`];
    if (state?.status === "failed")
      return [`- \`${target}\`: the backport failed \u2014 ${escapeMarkdown(state.error ?? "unknown error")}.`];
    return [];
  });
  if (lines.length === 0) return null;
  const keys = targets.filter((t) => backports[t]?.status === "already" || backports[t]?.status === "failed");
  return [
    `${MARKER} ${JSON.stringify({ pr, targets: keys })} -->`,
    `**Backports of #${pr}**`,
    "",
    ...lines
  ].join("\n");
}
async function noticeBackportsWithoutPr(ctx, pr, targets, backports) {
  const body = backportNotice(pr, backports, targets);
  if (!body) return;
  const marker = body.split("\n", 1)[0] ?? MARKER;
  await ensureBotComment(ctx, pr, marker, body);
}

// src/backport/backport-errors.ts
var WorkflowPermissionError = class extends Error {
  constructor(files, cause) {
    super(
      `GitHub refused to write ${files.join(", ")}: changing workflow files needs the App's "workflows" permission`
    );
    this.files = files;
    this.cause = cause;
  }
  files;
  cause;
  name = "WorkflowPermissionError";
};
var CherryPickError = class extends Error {
  constructor(pick, reason, cause) {
    super(`cannot cherry-pick ${pick}: ${reason}`);
    this.pick = pick;
    this.cause = cause;
  }
  pick;
  cause;
  name = "CherryPickError";
};
function isWorkflowPath(path) {
  return path.startsWith(".github/workflows/");
}
function workflowPermissionError(error, changedPaths) {
  const status = httpStatus(error);
  if (status !== 403 && status !== 422) return null;
  const workflows = changedPaths.filter(isWorkflowPath);
  if (workflows.length === 0) return null;
  const message = error instanceof Error ? error.message : String(error);
  if (!/workflow|permission|not accessible/i.test(message)) return null;
  const named = /`([^`]*\.github\/workflows\/[^`]*)`/.exec(message)?.[1];
  return new WorkflowPermissionError(named ? [named] : workflows, error);
}

// src/backport/cherry-pick-message.ts
function cherryPickMessage(message, sha, coAuthor) {
  const completed = message === "" || message.endsWith("\n") ? message : `${message}
`;
  const credit = coAuthor ? coAuthorTrailer(coAuthor) : "";
  const origin = `(cherry picked from commit ${sha})
${completed.includes(credit) ? "" : credit}`;
  return stripSpace(endsWithTrailers(completed) ? completed + origin : `${completed}
${origin}`);
}
function coAuthorTrailer(author) {
  const name = author.name.replace(/[<>\r\n]/g, "").trim() || author.email;
  const email = author.email.replace(/[<>\s]/g, "");
  return `Co-authored-by: ${name} <${email}>
`;
}
function stripSpace(message) {
  const out = [];
  let blank = false;
  for (const raw of message.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (line === "") {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push("");
    blank = false;
    out.push(line);
  }
  return out.map((line) => `${line}
`).join("");
}
var GIT_GENERATED = ["Signed-off-by: ", "(cherry picked from commit "];
var TRAILER = /^[A-Za-z0-9-]+[ \t]*:/;
function endsWithTrailers(message) {
  const lines = message.split("\n");
  while (lines.length > 0 && lines.at(-1).trim() === "") lines.pop();
  let start = lines.length;
  while (start > 0 && lines[start - 1].trim() !== "") start--;
  const hasTitleBefore = lines.slice(0, start).some((line) => line.trim() !== "");
  if (start === lines.length || !hasTitleBefore) return false;
  let trailers = 0;
  let others = 0;
  let recognized = false;
  let inTrailer = false;
  for (const line of lines.slice(start)) {
    if (line.startsWith("#")) continue;
    if (GIT_GENERATED.some((prefix) => line.startsWith(prefix))) {
      trailers++;
      recognized = true;
      inTrailer = true;
    } else if (/^[ \t]/.test(line)) {
      if (!inTrailer) others++;
    } else if (TRAILER.test(line)) {
      trailers++;
      inTrailer = true;
    } else {
      others++;
      inTrailer = false;
    }
  }
  return trailers > 0 && others === 0 || recognized && trailers * 3 >= others;
}

// src/backport/git-writer.ts
var strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var GitWriter = class {
  constructor(octokit, repo, changedPaths) {
    this.octokit = octokit;
    this.repo = repo;
    this.changedPaths = changedPaths;
  }
  octokit;
  repo;
  changedPaths;
  writes = 0;
  async write(request) {
    this.writes++;
    try {
      return await request();
    } catch (error) {
      throw workflowPermissionError(error, this.changedPaths()) ?? error;
    }
  }
  /**
   * One tree on top of `baseTree`. New content goes inline when it is UTF-8 (the API stores inline content as
   * UTF-8); other bytes need a blob of their own first.
   */
  async tree(baseTree, entries) {
    const items = [];
    for (const item of entries) {
      if ("entry" in item) {
        items.push({
          path: item.path,
          mode: item.entry.mode,
          type: item.entry.type,
          sha: item.entry.sha
        });
      } else if ("remove" in item) {
        items.push({
          path: item.path,
          mode: item.remove.mode,
          type: item.remove.type,
          sha: null
        });
      } else {
        const text = utf8OrNull(item.content);
        if (text !== null) {
          items.push({
            path: item.path,
            mode: item.mode,
            type: "blob",
            content: text
          });
        } else {
          const sha = await this.blob(item.content);
          items.push({ path: item.path, mode: item.mode, type: "blob", sha });
        }
      }
    }
    const { data } = await this.write(
      () => this.octokit.rest.git.createTree({
        ...this.repo,
        base_tree: baseTree,
        tree: items
      })
    );
    return data.sha;
  }
  async blob(content) {
    const { data } = await this.write(
      () => this.octokit.rest.git.createBlob({
        ...this.repo,
        content: Buffer.from(content).toString("base64"),
        encoding: "base64"
      })
    );
    return data.sha;
  }
  async commit(input) {
    const { data } = await this.write(() => this.octokit.rest.git.createCommit({ ...this.repo, ...input }));
    return data.sha;
  }
  async createBranch(branch, sha) {
    await this.write(
      () => this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${branch}`, sha })
    );
  }
  async moveBranch(branch, sha) {
    await this.write(
      () => this.octokit.rest.git.updateRef({ ...this.repo, ref: `heads/${branch}`, sha, force: true })
    );
  }
  async deleteBranch(branch) {
    await this.write(() => this.octokit.rest.git.deleteRef({ ...this.repo, ref: `heads/${branch}` }));
  }
  /** GitHub's merge endpoint: git's own merge of `head` into the branch `base`. */
  async merge(base, head, message) {
    try {
      const response = await this.write(
        () => this.octokit.rest.repos.merge({ ...this.repo, base, head, commit_message: message })
      );
      if (response.status === 204 || !response.data) return { merged: false, reason: "nothing" };
      return { merged: true, sha: response.data.sha, tree: response.data.commit.tree.sha };
    } catch (error) {
      if (httpStatus(error) === 409) return { merged: false, reason: "conflict" };
      throw error;
    }
  }
};
function utf8OrNull(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

// src/backport/github-tree-source.ts
var GitHubTreeSource = class {
  constructor(octokit, repo) {
    this.octokit = octokit;
    this.repo = repo;
  }
  octokit;
  repo;
  reads = 0;
  trees = /* @__PURE__ */ new Map();
  blobs = /* @__PURE__ */ new Map();
  commits = /* @__PURE__ */ new Map();
  tree(sha) {
    return once(this.trees, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getTree({ ...this.repo, tree_sha: sha });
      if (data.truncated) throw new Error(`tree ${sha} is too large to list`);
      return data.tree.flatMap(toItem);
    });
  }
  async files(sha) {
    this.reads++;
    const { data } = await this.octokit.rest.git.getTree({ ...this.repo, tree_sha: sha, recursive: "1" });
    if (data.truncated) return null;
    return data.tree.flatMap(toItem).filter((item) => item.type !== "tree");
  }
  blob(sha) {
    return once(this.blobs, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha });
      const encoding = data.encoding === "base64" ? "base64" : "utf8";
      return new Uint8Array(Buffer.from(data.content, encoding));
    });
  }
  commit(sha) {
    return once(this.commits, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getCommit({ ...this.repo, commit_sha: sha });
      return {
        sha: data.sha,
        tree: data.tree.sha,
        parents: data.parents.map((p) => p.sha),
        message: data.message,
        author: { name: data.author.name, email: data.author.email, date: data.author.date },
        verified: data.verification?.verified === true
      };
    });
  }
};
function once(cache, key, load) {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}
function toItem(entry) {
  const { path, mode, type, sha, size } = entry;
  if (!path || !mode || !sha || type !== "blob" && type !== "tree" && type !== "commit") return [];
  return [
    {
      path,
      mode: mode === "40000" ? "040000" : mode,
      type,
      sha,
      ...typeof size === "number" ? { size } : {}
    }
  ];
}

// src/backport/git-tree.ts
var REGULAR_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
function sameEntry(x, y) {
  if (x === null || y === null) return x === y;
  return x.sha === y.sha && x.mode === y.mode;
}
function parentDirs(path) {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, k) => parts.slice(0, k + 1).join("/"));
}

// src/backport/three-way-merge.ts
import { diffComm } from "node-diff3";

// src/backport/line-matching.ts
import { diffIndices } from "node-diff3";
var MAX_ANCHOR_OCCURRENCES = 64;
function trimmedMatching(a, b) {
  const m = new Int32Array(a.length).fill(-1);
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) {
    m[lo] = lo;
    lo++;
  }
  let aHi = a.length;
  let bHi = b.length;
  while (aHi > lo && bHi > lo && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
    m[aHi] = bHi;
  }
  return { m, lo, aHi, bHi };
}
function lcsRegion(a, b, m, region, backwards) {
  const { a0, a1, b0, b1 } = region;
  if (a0 >= a1 || b0 >= b1) return;
  let sa = a.slice(a0, a1);
  let sb = b.slice(b0, b1);
  if (backwards) {
    sa = sa.reverse();
    sb = sb.reverse();
  }
  let i = 0;
  let j = 0;
  const matchUpTo = (iEnd) => {
    while (i < iEnd) {
      const ai = backwards ? a1 - 1 - i : a0 + i;
      const bj = backwards ? b1 - 1 - j : b0 + j;
      m[ai] = bj;
      i++;
      j++;
    }
  };
  for (const chunk of diffIndices(sa, sb)) {
    matchUpTo(chunk.buffer1[0]);
    i += chunk.buffer1[1];
    j += chunk.buffer2[1];
  }
  matchUpTo(sa.length);
}
var HISTOGRAM_BUDGET = 5e7;
function histogramRegion(a, b, m, region) {
  let maxId = -1;
  for (const id of a) if (id > maxId) maxId = id;
  const first = new Int32Array(maxId + 1).fill(-1);
  const count = new Int32Array(maxId + 1);
  const next = new Int32Array(a.length).fill(-1);
  const occurrences = (id) => id <= maxId ? count[id] : 0;
  let work = 0;
  const stack = [region];
  for (let r = stack.pop(); r !== void 0; r = stack.pop()) {
    const { a0, a1, b0, b1 } = r;
    if (a0 >= a1 || b0 >= b1) continue;
    for (let i = a1 - 1; i >= a0; i--) {
      const id = a[i];
      next[i] = first[id];
      first[id] = i;
      count[id] = count[id] + 1;
    }
    let best = { ai: 0, bj: 0, len: 0, count: MAX_ANCHOR_OCCURRENCES + 1 };
    let common = false;
    for (let j = b0; j < b1; ) {
      let after = j + 1;
      const id = b[j];
      const seen = occurrences(id);
      if (seen > 0) common = true;
      if (seen > 0 && seen <= best.count) {
        let runEnd = -1;
        for (let i = first[id]; i >= 0; i = next[i]) {
          if (i < runEnd) continue;
          let start = 0;
          while (i - start > a0 && j - start > b0 && a[i - start - 1] === b[j - start - 1]) start++;
          let len = start + 1;
          while (i - start + len < a1 && j - start + len < b1 && a[i - start + len] === b[j - start + len])
            len++;
          let rarest = seen;
          for (let t = i - start; t < i - start + len; t++)
            rarest = Math.min(rarest, occurrences(a[t]));
          work += 2 * len;
          after = Math.max(after, j - start + len);
          runEnd = i - start + len;
          if (len > best.len || rarest < best.count)
            best = { ai: i - start, bj: j - start, len, count: rarest };
        }
      }
      j = after;
    }
    for (let i = a0; i < a1; i++) {
      first[a[i]] = -1;
      count[a[i]] = 0;
    }
    work += a1 - a0 + (b1 - b0);
    if (work > HISTOGRAM_BUDGET) return false;
    if (best.len === 0) {
      if (common) return false;
      continue;
    }
    for (let t = 0; t < best.len; t++) m[best.ai + t] = best.bj + t;
    stack.push({ a0, a1: best.ai, b0, b1: best.bj });
    stack.push({ a0: best.ai + best.len, a1, b0: best.bj + best.len, b1 });
  }
  return true;
}
function invert(m, bLength) {
  const inverse = new Int32Array(bLength).fill(-1);
  m.forEach((j, i) => {
    if (j >= 0) inverse[j] = i;
  });
  return inverse;
}
function slideAll(a, b, m, down) {
  const out = Int32Array.from(m);
  const inverse = invert(out, b.length);
  let moved = true;
  while (moved) {
    moved = slideSide(a, out, inverse, down) || slideSide(b, inverse, out, down);
  }
  return out;
}
function slideSide(lines, m, back, down) {
  let moved = false;
  const n = lines.length;
  if (down) {
    for (let s = 0; s < n; s++) {
      if (m[s] !== -1) continue;
      let e = s;
      while (e < n && m[e] === -1) e++;
      while (e < n && m[e] >= 0 && lines[s] === lines[e]) {
        const partner = m[e];
        m[s] = partner;
        back[partner] = s;
        m[e] = -1;
        s++;
        e++;
        while (e < n && m[e] === -1) e++;
        moved = true;
      }
      s = e;
    }
  } else {
    for (let e = n; e > 0; e--) {
      if (m[e - 1] !== -1) continue;
      let s = e - 1;
      while (s > 0 && m[s - 1] === -1) s--;
      while (s > 0 && m[s - 1] >= 0 && lines[s - 1] === lines[e - 1]) {
        const partner = m[s - 1];
        m[e - 1] = partner;
        back[partner] = e - 1;
        m[s - 1] = -1;
        s--;
        e--;
        while (s > 0 && m[s - 1] === -1) s--;
        moved = true;
      }
      e = s;
    }
  }
  return moved;
}

// src/backport/stable-matching.ts
function plausibleMatchings(a, b) {
  const whole = { a0: 0, a1: a.length, b0: 0, b1: b.length };
  const histogram = new Int32Array(a.length).fill(-1);
  if (!histogramRegion(a, b, histogram, whole)) return null;
  const bases = [histogram];
  const { m: trimmed, lo, aHi, bHi } = trimmedMatching(a, b);
  const region = { a0: lo, a1: aHi, b0: lo, b1: bHi };
  if (equalPairs(a, b, region) <= MAX_LCS_PAIRS) {
    for (const backwards of [false, true]) {
      const lcs = Int32Array.from(trimmed);
      lcsRegion(a, b, lcs, region, backwards);
      bases.push(lcs);
    }
  }
  return bases.flatMap((m) => [m, slideAll(a, b, m, false), slideAll(a, b, m, true)]);
}
var MAX_LCS_PAIRS = 5e4;
function equalPairs(a, b, r) {
  const counts = /* @__PURE__ */ new Map();
  for (let j = r.b0; j < r.b1; j++) counts.set(b[j], (counts.get(b[j]) ?? 0) + 1);
  let pairs = 0;
  for (let i = r.a0; i < r.a1; i++) pairs += counts.get(a[i]) ?? 0;
  return pairs;
}
function robustChanges(a, b) {
  const matchings = plausibleMatchings(a, b);
  if (!matchings) return [{ a0: 0, a1: a.length, b0: 0, b1: b.length }];
  const changes = [];
  let prevA = -1;
  let prevB = -1;
  const close = (i, j) => {
    if (i !== prevA + 1 || j !== prevB + 1) changes.push({ a0: prevA + 1, a1: i, b0: prevB + 1, b1: j });
    prevA = i;
    prevB = j;
  };
  const [first, ...others] = matchings;
  for (let i = 0; i < a.length; i++) {
    const j = first?.[i] ?? -1;
    if (j < 0 || others.some((m) => m[i] !== j)) continue;
    close(i, j);
  }
  close(a.length, b.length);
  return changes;
}

// src/backport/text-lines.ts
function splitLines(text) {
  if (text === "") return [];
  const lines = [];
  let start = 0;
  for (; ; ) {
    const end = text.indexOf("\n", start);
    if (end < 0) {
      if (start < text.length) lines.push(text.slice(start));
      return lines;
    }
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
}
var LineTable = class {
  ids = /* @__PURE__ */ new Map();
  lines = [];
  intern(lines) {
    return lines.map((line) => {
      let id = this.ids.get(line);
      if (id === void 0) {
        id = this.lines.length;
        this.ids.set(line, id);
        this.lines.push(line);
      }
      return id;
    });
  }
};

// src/backport/three-way-merge.ts
function mergeFile(input) {
  const { base, ours, theirs } = input;
  if (ours === theirs || base === theirs) return { clean: true, text: ours };
  if (base === ours) return { clean: true, text: theirs };
  const table = new LineTable();
  const b = table.intern(splitLines(base));
  const o = table.intern(splitLines(ours));
  const t = table.intern(splitLines(theirs));
  const oursChanges = robustChanges(b, o);
  const theirsChanges = robustChanges(b, t);
  const eol = detectEol(splitLines(ours));
  const text = (ids) => ids.map((id) => table.lines[id]);
  const out = [];
  let conflicts = 0;
  let position = 0;
  for (const cluster of clusters(oursChanges, theirsChanges)) {
    out.push(...text(b.slice(position, cluster.a0)));
    position = cluster.a1;
    const oursPart = o.slice(...cluster.ours);
    const theirsPart = t.slice(...cluster.theirs);
    if (!cluster.touchedByTheirs || sameLines(oursPart, theirsPart)) {
      out.push(...text(oursPart));
    } else if (!cluster.touchedByOurs) {
      out.push(...text(theirsPart));
    } else {
      conflicts += renderConflict(text(oursPart), text(theirsPart), eol, input, out);
    }
  }
  out.push(...text(b.slice(position)));
  const merged = out.join("");
  return conflicts === 0 ? { clean: true, text: merged } : { clean: false, text: merged, conflicts };
}
function clusters(oursChanges, theirsChanges) {
  const tagged = [
    ...oursChanges.map((change) => ({ change, ours: true })),
    ...theirsChanges.map((change) => ({ change, ours: false }))
  ].sort((x, y) => x.change.a0 - y.change.a0 || x.change.a1 - y.change.a1);
  const result = [];
  let oursShift = 0;
  let theirsShift = 0;
  let current;
  const finish = () => {
    if (!current) return;
    current.ours = [current.a0 + oursShift, current.a1 + current.oursShiftEnd];
    current.theirs = [current.a0 + theirsShift, current.a1 + current.theirsShiftEnd];
    oursShift = current.oursShiftEnd;
    theirsShift = current.theirsShiftEnd;
    result.push(current);
    current = void 0;
  };
  for (const { change, ours } of tagged) {
    if (current && change.a0 > current.a1) finish();
    if (!current) {
      current = {
        a0: change.a0,
        a1: change.a1,
        ours: [0, 0],
        theirs: [0, 0],
        touchedByOurs: false,
        touchedByTheirs: false,
        oursShiftEnd: oursShift,
        theirsShiftEnd: theirsShift
      };
    }
    current.a1 = Math.max(current.a1, change.a1);
    const growth = change.b1 - change.b0 - (change.a1 - change.a0);
    if (ours) {
      current.touchedByOurs = true;
      current.oursShiftEnd += growth;
    } else {
      current.touchedByTheirs = true;
      current.theirsShiftEnd += growth;
    }
  }
  finish();
  return result;
}
function sameLines(x, y) {
  return x.length === y.length && x.every((id, k) => id === y[k]);
}
function detectEol(lines) {
  const first = lines.find((line) => line.endsWith("\n"));
  return first?.endsWith("\r\n") ? "\r\n" : "\n";
}
function renderConflict(oursLines, theirsLines, eol, labels, out) {
  const terminated = (lines) => lines.map((line, k) => k === lines.length - 1 && !line.endsWith("\n") ? line + eol : line);
  const oneLine = (label) => label.replace(/[\r\n]+/g, " ");
  let blocks = 0;
  let head = 0;
  while (head < oursLines.length && head < theirsLines.length && oursLines[head] === theirsLines[head])
    head++;
  let tail = 0;
  while (tail < oursLines.length - head && tail < theirsLines.length - head && oursLines[oursLines.length - 1 - tail] === theirsLines[theirsLines.length - 1 - tail]) {
    tail++;
  }
  const oursMiddle = oursLines.slice(head, oursLines.length - tail);
  const theirsMiddle = theirsLines.slice(head, theirsLines.length - tail);
  const table = new LineTable();
  const cheap = equalPairs(table.intern(oursMiddle), table.intern(theirsMiddle), {
    a0: 0,
    a1: oursMiddle.length,
    b0: 0,
    b1: theirsMiddle.length
  }) <= MAX_LCS_PAIRS;
  const parts = cheap ? diffComm(oursMiddle, theirsMiddle) : [{ buffer1: oursMiddle, buffer2: theirsMiddle }];
  out.push(...oursLines.slice(0, head));
  for (const part of parts) {
    if (part.common) {
      out.push(...part.common);
      continue;
    }
    blocks++;
    out.push(
      `<<<<<<< ${oneLine(labels.oursLabel)}${eol}`,
      ...terminated(part.buffer1),
      `=======${eol}`,
      ...terminated(part.buffer2),
      `>>>>>>> ${oneLine(labels.theirsLabel)}${eol}`
    );
  }
  out.push(...oursLines.slice(oursLines.length - tail));
  return blocks;
}

// src/backport/tree-changes.ts
async function diffTrees(source, before, after) {
  const result = { files: [], removedDirs: [], clashes: [], incomplete: false };
  await walk(source, "", before, after, result);
  result.files.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
  return result;
}
async function walk(source, prefix, before, after, out) {
  if (before === after) return;
  const [left, right] = await Promise.all([
    before ? source.tree(before) : Promise.resolve([]),
    after ? source.tree(after) : Promise.resolve([])
  ]);
  const byName = (items) => new Map(items.map((item) => [item.path, item]));
  const l = byName(left);
  const r = byName(right);
  for (const name of /* @__PURE__ */ new Set([...l.keys(), ...r.keys()])) {
    const x = l.get(name) ?? null;
    const y = r.get(name) ?? null;
    if (x && y && x.sha === y.sha && x.mode === y.mode) continue;
    const path = prefix + name;
    const xDir = x?.type === "tree";
    const yDir = y?.type === "tree";
    if (xDir && yDir) {
      await walk(source, `${path}/`, x.sha, y.sha, out);
    } else if (xDir && y || yDir && x) {
      out.clashes.push(path);
    } else if (xDir || yDir) {
      const dir = xDir ? x : y;
      const files = await source.files(dir.sha);
      if (!files) {
        out.incomplete = true;
        continue;
      }
      if (xDir) out.removedDirs.push({ path, sha: dir.sha });
      for (const file of files) {
        const entry = strip(file);
        out.files.push({
          path: `${path}/${file.path}`,
          before: xDir ? entry : null,
          after: xDir ? null : entry
        });
      }
    } else {
      out.files.push({ path, before: x ? strip(x) : null, after: y ? strip(y) : null });
    }
  }
}
function strip(item) {
  const entry = { mode: item.mode, type: item.type, sha: item.sha };
  if (item.size !== void 0) entry.size = item.size;
  return entry;
}
async function entryAt(source, root, path) {
  let tree = root;
  const parts = path.split("/");
  for (let k = 0; k < parts.length; k++) {
    const item = (await source.tree(tree)).find((entry) => entry.path === parts[k]);
    if (!item) return null;
    if (k === parts.length - 1) return strip(item);
    if (item.type !== "tree") return "blocked";
    tree = item.sha;
  }
  return null;
}

// src/backport/local-pick.ts
var MAX_LOCAL_MERGE_BYTES = 1e6;
var BINARY_PROBE_BYTES = 8e3;
var MERGE_ATTRIBUTES = /(^|[\s!-])(merge|binary|conflict-marker-size)\b/m;
async function planPick(source, trees, labels) {
  const changes = await diffTrees(source, trees.base, trees.theirs);
  const changedPaths = [...changes.files.map((c) => c.path), ...changes.clashes];
  const plan = { entries: [], uncertain: [], changedPaths, mergedFiles: 0 };
  if (changes.incomplete || changes.clashes.length > 0) {
    plan.uncertain.push({
      reason: changes.incomplete ? "a changed directory is too large to list" : "a file and a directory swap places",
      paths: changes.clashes.length > 0 ? changes.clashes : changedPaths,
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false
    });
    return plan;
  }
  const ours = (path) => entryAt(source, trees.ours, path);
  const isDir = (entry) => entry !== null && entry !== "blocked" && entry.type === "tree";
  const adds = changes.files.some((c) => c.before === null);
  for (const dir of changes.removedDirs) {
    const there = await ours(dir.path);
    if (!adds || !isDir(there) || there.sha === dir.sha) continue;
    const before = new Set(changes.files.filter((c) => c.path.startsWith(`${dir.path}/`)).map((c) => c.path));
    const added = (await source.files(there.sha) ?? []).map((file) => `${dir.path}/${file.path}`).filter((path) => !before.has(path));
    if (added.length === 0) continue;
    plan.uncertain.push({
      reason: `the target added files under ${dir.path}/, which the picked commit empties`,
      paths: added,
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false
    });
  }
  const merges = [];
  for (const change of changes.files) {
    const { path, before: base, after: theirs } = change;
    const o = await ours(path);
    const uncertain = (reason, onConflict = [], conflictLikely = false) => plan.uncertain.push({ reason, paths: [path], theirs: [change], onConflict, conflictLikely });
    if (o === "blocked" || o !== null && o.type === "tree") {
      uncertain(`${path} is a directory path on the target`);
      continue;
    }
    if (sameEntry(theirs, o)) {
      if (theirs === null) uncertain(`${path} is deleted on both sides`);
      continue;
    }
    if (sameEntry(base, o)) {
      if (base === null) {
        let moved = false;
        for (const dir of parentDirs(path)) {
          if (isDir(await entryAt(source, trees.base, dir)) && !isDir(await ours(dir))) moved = true;
        }
        if (moved) {
          const onConflict = theirs ? [{ path, entry: theirs }] : [];
          uncertain(`the directory of the new file ${path} is gone on the target`, onConflict);
          continue;
        }
      }
      plan.entries.push(theirs ? { path, entry: theirs } : { path, remove: base });
      continue;
    }
    if (base === null || o === null || theirs === null) {
      const kind = base === null ? "added on both sides" : o === null ? "deleted on the target" : "deleted by the pick";
      const onConflict = o === null && theirs ? [{ path, entry: theirs }] : [];
      if (base === null && o && theirs && regular(o) && regular(theirs)) {
        merges.push({ change, ours: o, mode: o.mode, addedTwice: true });
        continue;
      }
      uncertain(`${path} is ${kind}`, onConflict, true);
      continue;
    }
    if (!regular(base) || !regular(o) || !regular(theirs)) {
      uncertain(`${path} is a symlink or submodule changed on both sides`, [], true);
      continue;
    }
    const mode = mergeMode(base.mode, o.mode, theirs.mode);
    if (mode === null) {
      uncertain(`${path} has its mode changed on both sides`, [], true);
      continue;
    }
    if (base.sha === theirs.sha || o.sha === theirs.sha) {
      if (mode !== o.mode) plan.entries.push({ path, entry: { ...o, mode } });
    } else if (base.sha === o.sha) {
      plan.entries.push({ path, entry: { ...theirs, mode } });
    } else {
      merges.push({ change, ours: o, mode });
    }
  }
  if (merges.length > 0) {
    const attributesChanged = changedPaths.some(
      (p) => p === ".gitattributes" || p.endsWith("/.gitattributes")
    );
    for (const { change, ours: o, mode, addedTwice } of merges) {
      const uncertain = (reason, onConflict = [], conflictLikely = false) => plan.uncertain.push({ reason, paths: [change.path], theirs: [change], onConflict, conflictLikely });
      const tooLarge = (path) => plan.uncertain.push({
        reason: `${path} is too large to merge here`,
        paths: [path],
        theirs: [change],
        onConflict: [],
        conflictLikely: false,
        undrafted: `over ${MAX_LOCAL_MERGE_BYTES / 1e6} MB, too large for the bot to write git's conflict blocks: it keeps the target's version, without the fix's change to it`
      });
      if (attributesChanged || await mergeAttributesApply(source, trees.ours, change.path)) {
        uncertain(`${change.path} may have merge attributes`);
        continue;
      }
      const theirs = change.after;
      if ([change.before, o, theirs].some((entry) => (entry?.size ?? 0) > MAX_LOCAL_MERGE_BYTES)) {
        tooLarge(change.path);
        continue;
      }
      const [b, x, y] = await Promise.all([
        change.before ? source.blob(change.before.sha) : Promise.resolve(new Uint8Array()),
        source.blob(o.sha),
        source.blob(theirs.sha)
      ]);
      if ([b, x, y].some((bytes) => bytes.length > MAX_LOCAL_MERGE_BYTES)) {
        tooLarge(change.path);
        continue;
      }
      if ([b, x, y].some(looksBinary)) {
        uncertain(`${change.path} is binary`, [], true);
        continue;
      }
      const merged = mergeFile({
        base: bytesToText(b),
        ours: bytesToText(x),
        theirs: bytesToText(y),
        oursLabel: bytesToText(utf8(labels.ours)),
        theirsLabel: bytesToText(utf8(labels.theirs))
      });
      const content = textToBytes(merged.text);
      if (merged.clean && !addedTwice) {
        plan.mergedFiles++;
        if (mode === o.mode && sameBytes(content, x)) continue;
        plan.entries.push({ path: change.path, mode, content });
      } else {
        const reason = addedTwice ? `${change.path} is added on both sides` : `${change.path} may conflict`;
        uncertain(reason, [{ path: change.path, mode, content }], true);
      }
    }
  }
  return plan;
}
function regular(entry) {
  return entry.type === "blob" && REGULAR_MODES.has(entry.mode);
}
function mergeMode(base, ours, theirs) {
  if (ours === theirs || base === theirs) return ours;
  if (base === ours) return theirs;
  return null;
}
async function mergeAttributesApply(source, oursTree, path) {
  for (const dir of ["", ...parentDirs(path)]) {
    const file = await entryAt(source, oursTree, dir === "" ? ".gitattributes" : `${dir}/.gitattributes`);
    if (file === null || file === "blocked" || file.type !== "blob") continue;
    if (MERGE_ATTRIBUTES.test(bytesToText(await source.blob(file.sha)))) return true;
  }
  return false;
}
function looksBinary(bytes) {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}
function bytesToText(bytes) {
  return Buffer.from(bytes).toString("latin1");
}
function textToBytes(text) {
  return new Uint8Array(Buffer.from(text, "latin1"));
}
function utf8(text) {
  return new Uint8Array(Buffer.from(text, "utf8"));
}
function sameBytes(x, y) {
  return Buffer.from(x).equals(Buffer.from(y));
}

// src/backport/server-merge.ts
import { randomBytes } from "node:crypto";
async function serverCherryPick(source, writer, input) {
  const { pick, oursTree, plan } = input;
  const sibling = await writer.commit({
    message: `Merge base for cherry-picking ${pick.sha}`,
    tree: oursTree,
    parents: [pick.parent]
  });
  const branch = `hotfix-bot/tmp-pick-${pick.sha.slice(0, 12)}-${randomBytes(4).toString("hex")}`;
  await writer.createBranch(branch, sibling);
  try {
    const whole = await writer.merge(branch, pick.sha, `Cherry-pick ${pick.sha}`);
    if (whole.merged) return { tree: whole.tree, conflictFiles: [], undraftedFiles: [] };
    if (whole.reason === "nothing") {
      throw new CherryPickError(pick.sha, "GitHub found nothing to merge onto the sibling commit");
    }
    let conflicted = plan.uncertain;
    let resolved = [];
    if (plan.uncertain.length > 1 && plan.uncertain.length <= PROBE_EACH_MAX) {
      ({ conflicted, resolved } = await probeEach(source, writer, { ...input, branch, sibling }));
    } else if (plan.uncertain.length > PROBE_EACH_MAX) {
      const likely = plan.uncertain.filter((item) => item.conflictLikely);
      const unsure = plan.uncertain.filter((item) => !item.conflictLikely);
      const settled2 = likely.length > 0 && unsure.length > 0 ? (await probe(source, writer, { ...input, branch, items: unsure })).settled : null;
      if (settled2) {
        conflicted = likely;
        resolved = settled2;
      }
    }
    const entries = [...plan.entries, ...resolved, ...conflicted.flatMap((item) => item.onConflict)];
    const tree = entries.length > 0 ? await writer.tree(oursTree, entries) : oursTree;
    const undraftedFiles = conflicted.flatMap(
      (item) => item.undrafted === void 0 ? [] : item.paths.map((path) => ({ path, reason: item.undrafted }))
    );
    return {
      tree,
      conflictFiles: [...new Set(conflicted.flatMap((item) => item.paths))].sort(),
      undraftedFiles
    };
  } finally {
    await writer.deleteBranch(branch).catch(() => void 0);
  }
}
var PROBE_EACH_MAX = 6;
async function probeEach(source, writer, input) {
  const { plan, branch, sibling } = input;
  const conflicted = [];
  const resolved = [];
  let branchAtSibling = true;
  for (const item of plan.uncertain) {
    if (!branchAtSibling) await writer.moveBranch(branch, sibling);
    const { merged, settled: settled2 } = await probe(source, writer, { ...input, items: [item] });
    branchAtSibling = !merged;
    if (settled2 === null) conflicted.push(item);
    else resolved.push(...settled2);
  }
  if (conflicted.length === 0) return { conflicted: plan.uncertain, resolved: [] };
  return { conflicted, resolved };
}
async function probe(source, writer, input) {
  const { pick, baseTree, oursTree, branch, items } = input;
  const probeTree = await writer.tree(
    baseTree,
    items.flatMap((item) => item.theirs.map(afterEntry))
  );
  const probeCommit = await writer.commit({
    message: `Probe for cherry-picking ${pick.sha}`,
    tree: probeTree,
    parents: [pick.parent]
  });
  const outcome = await writer.merge(branch, probeCommit, `Probe ${pick.sha}`);
  if (!outcome.merged) return { merged: false, settled: null };
  const effect = await diffTrees(source, oursTree, outcome.tree);
  if (effect.incomplete || effect.clashes.length > 0) return { merged: true, settled: null };
  return { merged: true, settled: effect.files.map(afterEntry) };
}
function afterEntry(change) {
  if (change.after) return { path: change.path, entry: change.after };
  if (change.before) return { path: change.path, remove: change.before };
  throw new Error(`a change of ${change.path} with neither side`);
}

// src/backport/cherry-pick.ts
async function cherryPickCommits(octokit, repo, input) {
  const changed = /* @__PURE__ */ new Set();
  return cherryPickWith(
    new GitHubTreeSource(octokit, repo),
    new GitWriter(octokit, repo, () => [...changed]),
    input,
    changed
  );
}
async function cherryPickWith(source, writer, input, changed = /* @__PURE__ */ new Set()) {
  const result = {
    status: "empty",
    headSha: input.ontoSha,
    conflictFiles: [],
    undraftedFiles: [],
    usedServerMerge: false,
    writes: 0,
    reads: 0,
    commits: [],
    notApplied: [],
    workflowFiles: []
  };
  const finish = () => {
    result.writes = writer.writes;
    result.reads = source.reads;
    result.workflowFiles = [...changed].filter(isWorkflowPath).sort();
    return result;
  };
  let headTree = (await source.commit(input.ontoSha)).tree;
  for (const [index, pick] of input.picks.entries()) {
    const commit = await source.commit(pick.sha);
    if (commit.parents[0] !== pick.parent) {
      throw new CherryPickError(
        pick.sha,
        `its first parent is ${commit.parents[0] ?? "none"}, not ${pick.parent}`
      );
    }
    if (commit.parents.length > 1 && pick.mainline !== 1) {
      throw new CherryPickError(pick.sha, "it is a merge commit and no mainline was given");
    }
    const parent = await source.commit(pick.parent);
    const subject = commit.message.split("\n", 1)[0] ?? "";
    const labels = { ours: input.ontoLabel, theirs: `${pick.sha.slice(0, 7)} (${subject})` };
    const trees = { base: parent.tree, ours: headTree, theirs: commit.tree };
    const plan = await planPick(source, trees, labels);
    for (const path of plan.changedPaths) changed.add(path);
    let tree;
    let conflictFiles = [];
    let undraftedFiles = [];
    if (plan.uncertain.length === 0) {
      tree = plan.entries.length > 0 ? await writer.tree(headTree, plan.entries) : headTree;
    } else {
      result.usedServerMerge = true;
      const outcome = await serverCherryPick(source, writer, {
        pick,
        baseTree: parent.tree,
        oursTree: headTree,
        plan
      });
      tree = outcome.tree;
      conflictFiles = outcome.conflictFiles;
      undraftedFiles = outcome.undraftedFiles;
    }
    if (tree === headTree && conflictFiles.length === 0) {
      result.commits.push({ pick: pick.sha, commit: null });
      continue;
    }
    const sha = await writer.commit(
      input.verified ? {
        message: cherryPickMessage(commit.message, pick.sha, commit.author),
        tree,
        parents: [result.headSha]
      } : {
        message: cherryPickMessage(commit.message, pick.sha),
        tree,
        parents: [result.headSha],
        author: commit.author
      }
    );
    result.commits.push({ pick: pick.sha, commit: sha });
    result.headSha = sha;
    headTree = tree;
    result.status = "clean";
    if (conflictFiles.length > 0) {
      result.status = "conflict";
      result.conflictFiles = conflictFiles;
      result.undraftedFiles = undraftedFiles;
      result.conflictPick = pick.sha;
      result.notApplied = input.picks.slice(index + 1).map((p) => p.sha);
      break;
    }
  }
  return finish();
}

// src/backport/manual-steps.ts
var SHA = /^[0-9a-f]{7,64}$/;
function manualBackportSteps(input) {
  const { target, branch, picks, method, stoppedAt } = input;
  for (const name of [target, branch]) {
    const problem = branchNameProblem(name);
    if (problem) throw new UnsafeBranchNameError(name, problem);
  }
  for (const sha of [...picks.map((p) => p.sha), ...stoppedAt ? [stoppedAt] : []]) {
    if (!SHA.test(sha)) throw new UnsafeBranchNameError(sha, "not a hexadecimal commit id");
  }
  if (picks.length === 0) throw new UnsafeBranchNameError("", "there is nothing to pick");
  const shortList = picks.map((p) => `\`${p.sha.slice(0, 7)}\``).join(", ");
  const what = method === "merge" ? `the merge commit ${shortList} against its first parent (\`-m 1\`)` : method === "rebase" ? `the ${picks.length === 1 ? "commit" : `${picks.length} rebased commits`} ${shortList}${picks.length > 1 ? ", oldest first" : ""}` : `the squashed commit ${shortList}`;
  const lines = [
    `To backport by hand, pick ${what} onto \`${target}\`:`,
    "",
    "```sh",
    "git fetch origin",
    `git switch --no-track -C ${branch} origin/${target}`,
    ...pickCommands(picks),
    "```",
    "",
    "If git stops on a conflict, fix the files it names, then:",
    "",
    "```sh",
    "git add <fixed files>",
    "git cherry-pick --continue",
    "```",
    "",
    `Then publish the branch (this replaces what the bot pushed to \`${branch}\`):`,
    "",
    "```sh",
    `git push --force-with-lease origin ${branch}`,
    "```"
  ];
  const stopIndex = stoppedAt ? picks.findIndex((p) => p.sha === stoppedAt) : -1;
  if (stopIndex >= 0) {
    const rest = picks.slice(stopIndex + 1);
    lines.push(
      "",
      `Or finish the bot's branch, which has the conflict markers of \`${stoppedAt?.slice(0, 7)}\` committed:`,
      "",
      "```sh",
      "git fetch origin",
      `git switch --no-track -C ${branch} origin/${branch}`,
      "```",
      "",
      "Resolve the marked conflicts, then:",
      "",
      "```sh",
      'git commit -a -m "Resolve backport conflicts"',
      ...pickCommands(rest),
      `git push origin ${branch}`,
      "```"
    );
  }
  return lines.join("\n");
}
function pickCommands(picks) {
  if (picks.length === 0) return [];
  const mainline = (p) => p.mainline ? `-m ${p.mainline} ` : "";
  const first = picks[0];
  if (picks.every((p) => p.mainline === first.mainline)) {
    return [`git cherry-pick -x ${mainline(first)}${picks.map((p) => p.sha).join(" ")}`];
  }
  return picks.map((p) => `git cherry-pick -x ${mainline(p)}${p.sha}`);
}

// src/backport/branch-adoption.ts
var BRANCH_NAME_ATTEMPTS = 5;
function branchNameCandidates(name, attempts = BRANCH_NAME_ATTEMPTS) {
  return Array.from({ length: attempts }, (_, index) => index === 0 ? name : `${name}-${index + 1}`);
}
function sameChange(found, computed) {
  return found.tree === computed.tree && found.message === computed.message && found.parents.length === 1 && computed.parents.length === 1 && (computed.verified !== true || found.verified === true);
}

// src/backport/place-bot-branch.ts
var NoFreeBranchNameError = class extends Error {
  constructor(refused) {
    super(
      `every branch name hotfix-bot may use is taken by commits it did not write (${refused.map((r) => `${r.branch} at ${r.tip.slice(0, 7)}`).join(", ")}); delete them and retry`
    );
    this.refused = refused;
  }
  refused;
  name = "NoFreeBranchNameError";
};
function placementRecord(wanted, placed) {
  if (placed.branch === wanted && placed.refused.length === 0) return {};
  return { branch: placed.branch, refused: placed.refused };
}
var MAX_CHAIN = 250;
async function placeBotBranch(octokit, repo, input) {
  const source = new GitHubTreeSource(octokit, repo);
  const refused = [];
  for (const branch of branchNameCandidates(input.name)) {
    try {
      await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: input.head });
      return { branch, created: true, refused };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
    }
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    const tip = ref.object.sha;
    if (await holdsSameCommits(source, tip, input.head, input.onto)) {
      return { branch, created: false, refused };
    }
    refused.push({ branch, tip });
  }
  throw new NoFreeBranchNameError(refused);
}
async function holdsSameCommits(source, found, head, onto) {
  let theirs = found;
  let ours = head;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (theirs === ours) return true;
    if (ours === onto || theirs === onto) return false;
    const [foundCommit, computed] = await Promise.all([source.commit(theirs), source.commit(ours)]);
    if (!sameChange(foundCommit, computed)) return false;
    theirs = foundCommit.parents[0];
    ours = computed.parents[0];
  }
  return false;
}

// src/after-merge/backport-pr-text.ts
var TITLE_MAX = 256;
function backportTitle(pr, target) {
  const suffix = ` (backport #${pr.number} to ${target})`;
  const room = TITLE_MAX - suffix.length;
  const title = pr.title.length > room ? `${pr.title.slice(0, Math.max(0, room - 1))}\u2026` : pr.title;
  return title + suffix;
}
function backportBody(input) {
  const lines = [
    `Backport of #${input.pr.number} (${escapeMarkdown(input.pr.title)}) to \`${input.target}\`.`,
    "",
    ...input.picks.map((pick) => `(cherry picked from commit ${pick.sha})`)
  ];
  if (input.incident !== null) lines.push("", `Incident: #${input.incident}`);
  if (input.conflictFiles.length > 0) {
    lines.push(
      "",
      "> [!WARNING]",
      "> The cherry-pick conflicted. The commit on this branch contains the conflict markers; resolve them and push.",
      "> The PR stays a draft until a person marks it ready: check that no conflict marker is left before you do.",
      "",
      "Conflicting files:",
      ...input.conflictFiles.map((file) => {
        const undrafted = input.undraftedFiles?.find((u) => u.path === file);
        const name = `- \`${file.replace(/`/g, "'")}\``;
        return undrafted ? `${name} \u2014 **no conflict markers**: ${escapeMarkdown(undrafted.reason)}` : name;
      })
    );
    if ((input.undraftedFiles ?? []).length > 0) {
      lines.push(
        "",
        "> [!CAUTION]",
        "> Files marked **no conflict markers** above do not carry the fix's change, and no marker shows it: apply",
        "> the change to each by hand (`git cherry-pick -x` writes git's conflict blocks for them) before merging."
      );
    }
  }
  lines.push("", `Original author: @${input.pr.author}`);
  return lines.join("\n");
}

// src/after-merge/backport-to-target.ts
var BACKPORT_CONFLICT_LABEL = "backport-conflict";
async function backportToTarget(ctx, request) {
  const { octokit, repo } = ctx;
  const { pr, target } = request;
  const branch = backportBranchName(pr.number, target);
  const existing = await findBackportPr(ctx, branch, target);
  if (existing) return completeBackportPr(ctx, request, { branch, refused: [] }, existing, false);
  const { data: targetRef } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${target}` });
  let picked;
  try {
    picked = await cherryPickCommits(octokit, repo, {
      ontoSha: targetRef.object.sha,
      ontoLabel: target,
      picks: request.picks,
      verified: request.verified
    });
  } catch (error) {
    if (error instanceof WorkflowPermissionError) return workflowPermissionFailure(error);
    throw error;
  }
  if (picked.status === "empty") return { status: "already" };
  let placed;
  try {
    placed = await placeBotBranch(octokit, repo, {
      name: branch,
      head: picked.headSha,
      onto: targetRef.object.sha
    });
  } catch (error) {
    const denied = workflowPermissionError(error, picked.workflowFiles);
    if (denied) return workflowPermissionFailure(denied);
    throw error;
  }
  const where = { branch: placed.branch, refused: placed.refused };
  if (!placed.created) {
    const raced = await findBackportPr(ctx, placed.branch, target);
    if (raced) return completeBackportPr(ctx, request, where, raced, false, picked.conflictPick);
  }
  const conflict = picked.status === "conflict";
  const body = backportBody({
    pr,
    target,
    picks: request.picks,
    conflictFiles: picked.conflictFiles,
    undraftedFiles: picked.undraftedFiles,
    incident: request.incident
  });
  let created;
  try {
    ({ data: created } = await octokit.rest.pulls.create({
      ...repo,
      head: placed.branch,
      base: target,
      title: backportTitle(pr, target),
      body,
      draft: conflict
    }));
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const raced = await findBackportPr(ctx, placed.branch, target);
    if (raced) return completeBackportPr(ctx, request, where, raced, false, picked.conflictPick);
    throw error;
  }
  const opened = {
    number: created.number,
    url: created.html_url,
    labels: [],
    reviewers: [],
    draft: conflict
  };
  const state = await completeBackportPr(ctx, request, where, opened, true, picked.conflictPick, conflict);
  ctx.log.info(
    `backport of #${pr.number} to ${target}: PR #${created.number}${conflict ? " (conflict)" : ""}`
  );
  return state;
}
var STEPS_MARKER = "<!-- hotfix-bot:backport-steps -->";
async function completeBackportPr(ctx, request, where, pr, opened, stoppedAt, conflictKnown) {
  const conflict = conflictKnown ?? (pr.labels.includes(BACKPORT_CONFLICT_LABEL) || pr.labels.length === 0 && pr.draft);
  const wanted = conflict ? [...request.labels, BACKPORT_CONFLICT_LABEL] : request.labels;
  const missing = wanted.filter((label) => !pr.labels.includes(label));
  if (missing.length > 0) {
    await ctx.octokit.rest.issues.addLabels({ ...ctx.repo, issue_number: pr.number, labels: missing });
  }
  await requestAuthorReview(ctx, pr, request.pr.author, opened);
  if (conflict) {
    const steps = manualBackportSteps({
      target: request.target,
      branch: where.branch,
      picks: request.picks,
      method: request.method,
      ...stoppedAt ? { stoppedAt } : {}
    });
    await ensureBotComment(ctx, pr.number, STEPS_MARKER, `${STEPS_MARKER}
${steps}`);
  }
  return {
    status: conflict ? "conflict" : "open",
    pr: pr.number,
    url: pr.url,
    ...placementRecord(backportBranchName(request.pr.number, request.target), where)
  };
}
async function findBackportPr(ctx, branch, target) {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base: target,
    state: "all",
    per_page: 10
  });
  const pr = data.find(isOpenedByAnApp);
  if (!pr) return null;
  return {
    number: pr.number,
    url: pr.html_url,
    labels: pr.labels.map((label) => label.name),
    reviewers: (pr.requested_reviewers ?? []).map((user) => user.login),
    draft: pr.draft ?? false
  };
}
async function requestAuthorReview(ctx, pr, author, opened) {
  if (author.endsWith("[bot]") || author === "ghost" || pr.reviewers.includes(author)) return;
  if (!opened) {
    const { data: reviews } = await ctx.octokit.rest.pulls.listReviews({
      ...ctx.repo,
      pull_number: pr.number,
      per_page: 100
    });
    if (reviews.some((review) => review.user?.login === author)) return;
  }
  try {
    await ctx.octokit.rest.pulls.requestReviewers({
      ...ctx.repo,
      pull_number: pr.number,
      reviewers: [author]
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    ctx.log.warn(`could not request a review from ${author} on #${pr.number}: not a collaborator`);
  }
}
function workflowPermissionFailure(error) {
  return {
    status: "failed",
    error: `it changes ${error.files.join(", ")}, and GitHub lets an App write workflow files only with the "workflows" permission, which hotfix-bot does not request; grant it, or backport by hand`
  };
}

// src/rules/approvals.ts
function approvalTeams(severity, config) {
  return config.approvals[severity].from.filter((entry) => entry.includes("/")).map((t) => t.toLowerCase());
}
function standingReviews(reviews) {
  const ordered = reviews.filter((r) => r.reviewer !== null && r.state !== "PENDING").slice().sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.id - b.id);
  const standing = /* @__PURE__ */ new Map();
  for (const review of ordered) {
    const reviewer = review.reviewer;
    if (review.state === "APPROVED" || review.state === "CHANGES_REQUESTED") {
      standing.set(reviewer.id, { reviewer, state: review.state, commitId: review.commitId });
    } else if (review.state === "DISMISSED") {
      standing.delete(reviewer.id);
    }
  }
  return standing;
}
function needsContributors(reviews, required) {
  return required > 0 || standingReviews(reviews).size > 0;
}
function accountsToCheck(reviews, headSha, contributors) {
  return [...standingReviews(reviews).values()].filter((review) => !contributors?.roles.has(review.reviewer.id)).filter((review) => review.state === "CHANGES_REQUESTED" || review.commitId === headSha).map((review) => review.reviewer);
}
var ROLE_TEXT = {
  author: "they opened this PR",
  committer: "they wrote or committed commits in this PR",
  pusher: "they pushed to this PR"
};
var short = (sha) => sha ? sha.slice(0, 7) : "an unknown commit";
function countedApprovals(facts, severity, config) {
  const rule = config.approvals[severity];
  const from = rule.from.map((entry) => entry.toLowerCase());
  const fromLogins = new Set(from.filter((entry) => !entry.includes("/")));
  const fromTeams = from.filter((entry) => entry.includes("/"));
  const teamMembers = new Set(fromTeams.flatMap((team) => facts.teams[team] ?? []));
  const allowed = (account) => from.length === 0 || fromLogins.has(account.login.toLowerCase()) || teamMembers.has(account.id);
  const notes = [];
  const contributors = facts.contributors;
  let closed = null;
  if (contributors?.incomplete) closed = contributors.incomplete;
  else if (contributors && contributors.unattributable.length > 0) {
    const listed = contributors.unattributable.slice(0, 5).map(short).join(", ");
    const more = contributors.unattributable.length > 5 ? ` and ${contributors.unattributable.length - 5} more` : "";
    closed = `commit ${listed}${more} has no GitHub author or committer, so no approval can be checked against who wrote it; push it again from an account GitHub knows`;
  } else if (!facts.reviewsComplete) {
    closed = "too many reviews to read them all, so a change request may be missing";
  }
  const approvedBy = [];
  const blockers = [];
  for (const review of standingReviews(facts.reviews).values()) {
    const { reviewer } = review;
    const roles = contributors?.roles.get(reviewer.id);
    if (roles && roles.length > 0) {
      if (review.state === "APPROVED")
        notes.push(
          `approval by ${reviewer.login} does not count (${roles.map((r) => ROLE_TEXT[r]).join("; ")})`
        );
      continue;
    }
    const writer = facts.writers.get(reviewer.id) === true;
    if (review.state === "CHANGES_REQUESTED") {
      if (writer) blockers.push(reviewer);
      continue;
    }
    if (review.commitId !== facts.headSha) {
      notes.push(
        `approval by ${reviewer.login} was for ${short(review.commitId)}, not the head ${short(facts.headSha)}: it must be given again`
      );
    } else if (!writer) {
      notes.push(`approval by ${reviewer.login} does not count (no write access to the repository)`);
    } else if (!allowed(reviewer)) {
      notes.push(`approval by ${reviewer.login} does not count (not in approvals.${severity}.from)`);
    } else {
      approvedBy.push(reviewer);
    }
  }
  return { approvedBy: closed ? [] : approvedBy, blockers, notes, closed };
}
function checkApprovals(facts, severity, config) {
  const rule = config.approvals[severity];
  const counted = countedApprovals(facts, severity, config);
  const approvedBy = counted.approvedBy.map((account) => account.login);
  const details = [...counted.notes];
  const unreadable = approvalTeams(severity, config).filter((team) => !facts.teams[team]);
  for (const team of unreadable) {
    details.push(`team ${team} could not be read: the App needs the organization permission Members: read`);
  }
  const base = { rule: "approvals", label: "Approvals", approvedBy, details };
  const approvedText = approvedBy.length > 0 ? `approved by ${approvedBy.join(", ")}` : "no approval yet";
  if (counted.closed) return { ...base, state: "fail", reason: counted.closed };
  if (counted.blockers.length > 0) {
    return {
      ...base,
      state: "fail",
      reason: `changes requested by ${counted.blockers.map((a) => a.login).join(", ")}`
    };
  }
  if (rule.required === 0) {
    if (approvedBy.length > 0) {
      return { ...base, state: "pass", reason: `${approvedText} (none required for ${severity})` };
    }
    return {
      ...base,
      state: "warn",
      reason: `no approval: a post-deploy review follow-up will be opened (${severity} may merge without one)`
    };
  }
  if (approvedBy.length >= rule.required) {
    return { ...base, state: "pass", reason: `${approvedText} (${rule.required} required for ${severity})` };
  }
  const missing = rule.required - approvedBy.length;
  if (unreadable.length > 0) {
    return {
      ...base,
      state: "fail",
      reason: `team ${unreadable.join(", ")} cannot be read: grant the App the organization permission Members: read (members: read), or name people in approvals.${severity}.from`
    };
  }
  return {
    ...base,
    state: "pending",
    reason: `${missing} more approval${missing === 1 ? "" : "s"} needed for ${severity} (${rule.required} required; ${approvedText})`
  };
}

// src/util/collect-pages.ts
var PER_PAGE2 = 100;
async function collectPages(pages, maxPages) {
  const items = [];
  let count = 0;
  for await (const page of pages) {
    items.push(...page.data);
    count += 1;
    if (count >= maxPages) return { items, complete: page.data.length < PER_PAGE2 };
  }
  return { items, complete: true };
}

// src/util/permission.ts
var WRITERS = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
async function readWriteAccess(ctx, login, id) {
  try {
    const { data } = await ctx.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...ctx.repo,
      username: login
    });
    if (id !== null && data.user?.id !== id) return false;
    return WRITERS.has(data.role_name ?? "") || WRITERS.has(data.permission);
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}
function hasWritePermission(ctx, login) {
  return readWriteAccess(ctx, login, null);
}
var WriteAccessCache = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  answers = /* @__PURE__ */ new Map();
  hasWrite(account) {
    let answer = this.answers.get(account.id);
    if (!answer) {
      answer = readWriteAccess(this.ctx, account.login, account.id);
      this.answers.set(account.id, answer);
      answer.catch(() => this.answers.delete(account.id));
    }
    return answer;
  }
};

// src/approvals/read-approval-facts.ts
var MAX_REVIEW_PAGES = 5;
var MAX_COMMIT_PAGES = 3;
var MAX_ACTIVITY_PAGES = 5;
var MAX_TEAM_PAGES = 3;
var accountOf = (user) => user && typeof user.id === "number" && typeof user.login === "string" ? { id: user.id, login: user.login } : null;
async function readReviews(ctx, number) {
  const { items, complete } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      ...ctx.repo,
      pull_number: number,
      per_page: PER_PAGE2
    }),
    MAX_REVIEW_PAGES
  );
  const reviews = items.map((review) => ({
    id: Number(review.id),
    reviewer: accountOf(review.user),
    state: review.state,
    submittedAt: review.submitted_at ?? null,
    commitId: review.commit_id ?? null
  }));
  return { reviews, complete };
}
async function readContributors(ctx, subject) {
  const roles = /* @__PURE__ */ new Map();
  const add = (account, role) => {
    if (!account) return;
    const list = roles.get(account.id) ?? [];
    if (!list.includes(role)) list.push(role);
    roles.set(account.id, list);
  };
  add(subject.author, "author");
  const [commits, pushes] = await Promise.all([
    collectPages(
      ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", {
        ...ctx.repo,
        pull_number: subject.number,
        per_page: PER_PAGE2
      }),
      MAX_COMMIT_PAGES
    ),
    readPushes(ctx, subject.headRef)
  ]);
  const unattributable = [];
  for (const commit of commits.items) {
    const author = accountOf(commit.author);
    const committer = accountOf(commit.committer);
    add(author, "committer");
    add(committer, "committer");
    if (!author || !committer) unattributable.push(commit.sha);
  }
  let incomplete = null;
  const listed = commits.items.length;
  if (!commits.complete || subject.commitCount !== null && listed < subject.commitCount) {
    incomplete = `GitHub lists ${listed} of the PR's ${subject.commitCount ?? "more"} commits, so who wrote the rest cannot be checked; split the hotfix into smaller PRs`;
  }
  if (pushes === "unreadable") {
    incomplete ??= `who pushed to ${subject.headRef} cannot be read (the repository activity listing is unavailable)`;
  } else {
    for (const pusher of pushes.pushers) add(pusher, "pusher");
    if (!pushes.complete) incomplete ??= `${subject.headRef} has too many pushes to read who made them all`;
    if (pushes.anonymous) incomplete ??= `a push to ${subject.headRef} has no GitHub user behind it`;
  }
  return { roles, unattributable, incomplete };
}
async function readPushes(ctx, branch) {
  try {
    const { items, complete } = await collectPages(
      ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/activity", {
        ...ctx.repo,
        ref: `refs/heads/${branch}`,
        per_page: PER_PAGE2
      }),
      MAX_ACTIVITY_PAGES
    );
    const pushers = items.flatMap((activity) => {
      const actor = accountOf(activity.actor);
      return actor ? [actor] : [];
    });
    return { pushers, complete, anonymous: pushers.length < items.length };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 403) return "unreadable";
    throw error;
  }
}
async function teamMemberIds(ctx, team) {
  const [org, slug] = team.split("/", 2);
  if (!org || !slug) return null;
  try {
    const { items } = await collectPages(
      ctx.octokit.paginate.iterator("GET /orgs/{org}/teams/{team_slug}/members", {
        org,
        team_slug: slug,
        per_page: PER_PAGE2
      }),
      MAX_TEAM_PAGES
    );
    return items.map((member) => member.id);
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) return null;
    throw error;
  }
}
async function readApprovalFacts(ctx, subject, severity, config) {
  const [{ reviews, complete }, teams] = await Promise.all([
    readReviews(ctx, subject.number),
    (async () => {
      const entries = await Promise.all(
        approvalTeams(severity, config).map(async (team) => [team, await teamMemberIds(ctx, team)])
      );
      return Object.fromEntries(entries);
    })()
  ]);
  const contributors = needsContributors(reviews, config.approvals[severity].required) ? await readContributors(ctx, subject) : null;
  const access = new WriteAccessCache(ctx);
  const writers = /* @__PURE__ */ new Map();
  await Promise.all(
    accountsToCheck(reviews, subject.headSha, contributors).map(async (account) => {
      writers.set(account.id, await access.hasWrite(account));
    })
  );
  return { headSha: subject.headSha, reviews, reviewsComplete: complete, contributors, writers, teams };
}

// src/after-merge/merge-facts.ts
function severityOfLabels(labels, incidentSeverity, config) {
  const fromPr = severityFromLabels(labels, config);
  if (fromPr) return fromPr;
  if (incidentSeverity === "P0" || incidentSeverity === "P1" || incidentSeverity === "P2")
    return incidentSeverity;
  return config.severity.default;
}
async function wasApproved(ctx, pr, severity, config) {
  const facts = await readApprovalFacts(
    ctx,
    {
      number: pr.number,
      headSha: pr.headSha,
      headRef: pr.headRef,
      author: pr.authorId === null ? null : { id: pr.authorId, login: pr.author },
      commitCount: pr.commitCount
    },
    severity,
    config
  );
  return countedApprovals(facts, severity, config).approvedBy.length > 0;
}

// src/util/keyed-mutex.ts
var KeyedMutex = class {
  tails = /* @__PURE__ */ new Map();
  async run(key, task) {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    const tail = current.catch(() => void 0);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
};

// src/after-merge/pipeline-lock.ts
var pipelineLock = new KeyedMutex();

// src/after-merge/read-changed-files.ts
var PULL_FILES_LIMIT = 3e3;
async function readChangedFiles(ctx, pullNumber) {
  const { octokit, repo } = ctx;
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100
  });
  const files = listed.map((file) => file.filename);
  if (files.length < PULL_FILES_LIMIT) return { files, total: files.length };
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return { files, total: Math.max(pull.changed_files, files.length) };
}

// src/after-merge/run-after-merge.ts
function isMergedHotfix(pr, config) {
  return !pr.fromFork && pr.baseRef === config.productionBranch && isHotfixFamilyBranch(pr.headRef, config.branches.patterns);
}
function runAfterMerge(ctx, config, pr, options = {}) {
  return pipelineLock.run(
    `${ctx.repo.owner}/${ctx.repo.repo}#${pr.number}`,
    () => claimAndRun(ctx, config, pr, options)
  );
}
async function claimAndRun(ctx, config, pr, options) {
  for (let attempt = 1; ; attempt++) {
    const complete = await completeOutcome(ctx, config, pr, options);
    if (complete) return complete;
    const claimed = await claimPipeline(ctx, pr.number, pr.mergeSha);
    if (claimed || options.takeOver) {
      try {
        return await runPipeline(ctx, config, pr, options);
      } finally {
        await releasePipeline(ctx, pr.number);
      }
    }
    if (attempt >= 3) throw new PipelineClaimedError(ctx.repo, pr.number);
    ctx.log.info(`after-merge pipeline of #${pr.number} is claimed by another run; waiting for it`);
    if (await waitForRelease(ctx, pr.number, options.claimWait) === "timeout") {
      ctx.log.warn(`after-merge pipeline of #${pr.number}: taking over a claim that outlived the wait`);
      await releasePipeline(ctx, pr.number);
    }
  }
}
async function completeOutcome(ctx, config, pr, options) {
  const { state } = await pipelineTimeline(ctx, pr);
  const previous = state?.pipelines[String(pr.number)];
  if (!previous?.done) return null;
  const wanted = await backportTargets(ctx, config, options.extraTargets ?? []);
  if (!wanted.every((target) => settled(previous, target))) return null;
  ctx.log.info(`after-merge pipeline of #${pr.number} is already complete`);
  return outcomeOf(previous);
}
async function pipelineTimeline(ctx, pr) {
  const linked = await incidentOfPull(ctx, pr);
  const timelineIssue = linked.incident ?? pr.number;
  const timeline = linked.timeline ?? await readTimeline(ctx, timelineIssue);
  return { incident: linked.incident, timelineIssue, ...timeline };
}
async function runPipeline(ctx, config, pr, options) {
  const { octokit, repo, clock } = ctx;
  const timeline = await pipelineTimeline(ctx, pr);
  const { incident, timelineIssue } = timeline;
  let state = timeline.state ?? emptyTimeline(incident);
  let commentId = timeline.commentId;
  const previous = state.pipelines[String(pr.number)];
  const wanted = await backportTargets(ctx, config, options.extraTargets ?? []);
  if (previous?.done && wanted.every((target) => settled(previous, target))) {
    ctx.log.info(`after-merge pipeline of #${pr.number} is already complete`);
    return outcomeOf(previous);
  }
  const pipeline = previous ?? {
    pr: pr.number,
    mergeSha: pr.mergeSha,
    mergedAt: pr.mergedAt,
    backports: {},
    followUps: {},
    done: false,
    heartbeatAt: clock().toISOString()
  };
  const now = () => clock().toISOString();
  state = addEntry(state, {
    key: `merged-${pr.number}`,
    at: pr.mergedAt,
    text: `#${pr.number} merged into ${pr.baseRef} by the hotfix pipeline`,
    url: pr.url
  });
  const pulled = await readPullCommits(ctx, pr.number);
  const { commits } = pulled;
  const jiraKey = jiraKeyOf(pr.title, config);
  const released = await tagAndRelease(octokit, repo, {
    config,
    mergeSha: pr.mergeSha,
    mergedAt: new Date(pr.mergedAt),
    pr: { number: pr.number, title: pr.title, url: pr.url, author: pr.author },
    incident,
    jiraKey,
    commits
  });
  pipeline.tag = released.tag;
  if (released.release) pipeline.release = released.release;
  state = addEntry(state, { key: `tag-${pr.number}`, at: now(), text: `Tagged ${released.tag}` });
  if (released.release) {
    state = addEntry(state, {
      key: `release-${pr.number}`,
      at: now(),
      text: `Release ${released.tag} published`,
      url: released.release.url
    });
  }
  ({ state, commentId } = await deployAfterTag(ctx, config, {
    state,
    pipeline,
    pr,
    incident,
    severity: severityOfLabels(pr.labels, state.severity, config),
    timelineIssue,
    commentId
  }));
  const todo = wanted.filter((target) => !settled(pipeline, target));
  if (todo.length > 0) {
    const plan = await readPickPlan(ctx, pr.mergeSha, pulled).catch((error) => {
      if (!(error instanceof PickListError)) throw error;
      return error;
    });
    for (const target of todo) {
      try {
        if (plan instanceof PickListError) throw plan;
        pipeline.backports[target] = await backportToTarget(ctx, {
          pr,
          target,
          picks: plan.picks,
          method: plan.method,
          labels: config.backport.labels,
          incident,
          verified: config.commits.verified
        });
      } catch (error) {
        ctx.log.error(`backport of #${pr.number} to ${target} failed: ${String(error)}`);
        pipeline.backports[target] = {
          status: "failed",
          error: error instanceof Error ? error.message : String(error)
        };
      }
      const backport = pipeline.backports[target];
      for (const entry of refusedBranchEntries(backport?.refused, backport?.branch, now())) {
        state = addEntry(state, entry);
      }
      state = addEntry(state, backportEntry(pr.number, target, backport, now()));
    }
    if (timelineIssue !== pr.number) {
      await noticeBackportsWithoutPr(ctx, pr.number, todo, pipeline.backports);
    }
  }
  const changed = await readChangedFiles(ctx, pr.number);
  if (changed.total > changed.files.length) {
    ctx.log.warn(
      `#${pr.number} changed ${changed.total} files; GitHub listed ${changed.files.length} of them`
    );
  }
  const severity = severityOfLabels(pr.labels, state.severity, config);
  const plans = planFollowUps({
    config,
    pr: { number: pr.number, title: pr.title, author: pr.author, labels: pr.labels, url: pr.url },
    changedFiles: changed.files,
    changedFilesTotal: changed.total,
    severity,
    approved: await wasApproved(ctx, pr, severity, config),
    incident,
    jiraKey,
    tag: released.tag
  });
  const opened = await openFollowUps(ctx, { plans, since: new Date(pr.mergedAt), pr: pr.number });
  for (const followUp of opened) {
    pipeline.followUps[followUp.kind] = { issue: followUp.issue, url: followUp.url };
    state = addEntry(state, {
      key: `follow-up-${pr.number}-${followUp.kind}`,
      at: now(),
      text: `Follow-up #${followUp.issue} opened (${followUp.kind})`,
      url: followUp.url
    });
  }
  const allBackportsOpen = wanted.every(
    (t) => ["open", "conflict", "already"].includes(pipeline.backports[t]?.status ?? "")
  );
  if (config.backport.deleteHotfixBranch && allBackportsOpen && !pipeline.branchDeleted) {
    const cleanup = await deleteBranch(ctx, pr);
    pipeline.branchDeleted = cleanup !== "failed";
    if (cleanup === "deleted") {
      state = addEntry(state, {
        key: `branch-deleted-${pr.number}`,
        at: now(),
        text: `Deleted branch ${pr.headRef}`
      });
    } else if (cleanup === "moved") {
      state = addEntry(state, {
        key: `branch-kept-${pr.number}`,
        at: now(),
        text: `Kept branch ${pr.headRef}: it moved past the merged head ${pr.headSha.slice(0, 7)}`
      });
    }
  }
  pipeline.done = allBackportsOpen && (pipeline.branchDeleted === true || !config.backport.deleteHotfixBranch);
  pipeline.heartbeatAt = now();
  state = { ...state, pipelines: { ...state.pipelines, [String(pr.number)]: pipeline } };
  await writeTimeline(ctx, timelineIssue, commentId, state);
  return outcomeOf(pipeline);
}
function settled(pipeline, target) {
  const status = pipeline.backports[target]?.status;
  return status === "open" || status === "conflict" || status === "already";
}
async function backportTargets(ctx, config, extra) {
  const patterns = [...config.backport.targets, ...extra];
  const needsBranchList = patterns.some((p) => /[*?[\]{}]/.test(p.replace("{develop}", "")));
  let branches = [];
  if (needsBranchList) {
    const all = await ctx.octokit.paginate(ctx.octokit.rest.repos.listBranches, {
      ...ctx.repo,
      per_page: 100
    });
    branches = all.map((b) => b.name);
  } else {
    branches = patterns.map((p) => p.replace("{develop}", config.developBranch));
  }
  return expandTargets(patterns, branches, config.developBranch, config.productionBranch);
}
async function deleteBranch(ctx, pr) {
  const ref = `heads/${pr.headRef}`;
  try {
    const { data } = await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref });
    if (data.object.sha !== pr.headSha) return "moved";
    await ctx.octokit.rest.git.deleteRef({ ...ctx.repo, ref });
    return "deleted";
  } catch (error) {
    if (httpStatus(error) === 422 || httpStatus(error) === 404) return "gone";
    ctx.log.warn(`could not delete ${pr.headRef}: ${String(error)}`);
    return "failed";
  }
}
function backportEntry(pr, target, state, at) {
  const key = `backport-${pr}-${target}`;
  switch (state?.status) {
    case "open":
      return { key, at, text: `Backport to ${target}: PR #${state.pr}`, url: state.url };
    case "conflict":
      return {
        key,
        at,
        text: `Backport to ${target}: draft PR #${state.pr} with conflicts to resolve`,
        url: state.url
      };
    case "already":
      return { key, at, text: `Backport to ${target}: already there, no PR needed` };
    default:
      return { key, at, text: `Backport to ${target} failed: ${state?.error ?? "unknown error"}` };
  }
}
function outcomeOf(pipeline) {
  return {
    ...pipeline.tag ? { tag: pipeline.tag } : {},
    ...pipeline.release ? { releaseUrl: pipeline.release.url } : {},
    backports: Object.entries(pipeline.backports).map(([target, b]) => ({
      target,
      ...b.pr ? { pr: b.pr } : {},
      ...b.url ? { url: b.url } : {},
      conflict: b.status === "conflict",
      status: b.status
    })),
    followUps: Object.entries(pipeline.followUps).map(([kind, f]) => ({ kind, issue: f.issue, url: f.url }))
  };
}

// src/reconcile.ts
var RECONCILE_LOOKBACK_DAYS = 14;
async function reconcileRepo(ctx) {
  const report = {
    repo: `${ctx.repo.owner}/${ctx.repo.repo}`,
    checked: 0,
    finished: [],
    failed: []
  };
  const loaded = await ctx.config();
  if (!loaded.ok) return { ...report, skipped: loaded.error.message };
  const config = loaded.config;
  const cutoff = ctx.clock().getTime() - RECONCILE_LOOKBACK_DAYS * 864e5;
  const { data: closed } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    state: "closed",
    base: config.productionBranch,
    sort: "updated",
    direction: "desc",
    per_page: 50
  });
  const claims = await listClaims(ctx);
  for (const raw of closed) {
    const pr = mergedPullRequestFrom(raw);
    if (!pr || !isMergedHotfix(pr, config) || Date.parse(pr.mergedAt) < cutoff) continue;
    report.checked += 1;
    const linked = await incidentOfPull(ctx, pr);
    const { state } = linked.timeline ?? await readTimeline(ctx, pr.number);
    if (state?.pipelines[String(pr.number)]?.done) {
      if (claims.has(pr.number)) await releasePipeline(ctx, pr.number);
      continue;
    }
    try {
      ctx.log.info(`reconcile: finishing the after-merge pipeline of #${pr.number}`);
      await runAfterMerge(ctx, config, pr, { takeOver: true });
      report.finished.push(pr.number);
    } catch (error) {
      report.failed.push({ pr: pr.number, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
async function reconcileInstallations(app, contextFor) {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  const reports = [];
  for (const installation of installations) {
    const octokit = await app.auth(installation.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100
    });
    for (const repository of repos) {
      const report = await reconcileRepo(
        contextFor(octokit, { owner: repository.owner.login, repo: repository.name })
      );
      if (report.finished.length || report.failed.length) app.log.info(`reconcile ${JSON.stringify(report)}`);
      reports.push(report);
    }
  }
  return reports;
}

export {
  mergedPullRequestFrom,
  branchNameProblem,
  readPullCommits,
  readPickPlan,
  emptyTimeline,
  addEntry,
  markerOf,
  incidentOfPull,
  refusedBranchEntries,
  semverTagsDescending,
  ensureBotComment,
  GitWriter,
  GitHubTreeSource,
  planPick,
  serverCherryPick,
  placementRecord,
  placeBotBranch,
  checkApprovals,
  PER_PAGE2 as PER_PAGE,
  collectPages,
  hasWritePermission,
  readApprovalFacts,
  KeyedMutex,
  pipelineLock,
  isMergedHotfix,
  runAfterMerge,
  reconcileRepo,
  reconcileInstallations
};
