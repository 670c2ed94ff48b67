import {
  checkTitle,
  jiraKeyOf
} from "./chunk-VJKOLBUU.js";
import {
  FOLLOW_UP_KINDS,
  NO_BLIND_RETRY,
  createOnce,
  escapeMarkdown,
  escapeTableCell,
  formatDuration,
  httpStatus,
  incidentDurations,
  isDeliberateStop,
  isOpenedByAnApp,
  isOurCheckRun,
  isTrustedState,
  isWrittenByUs,
  linkTarget,
  readTimeline,
  recoveryLine,
  resolveSeverity,
  sealState,
  severityFromLabels,
  severityRow,
  stoppedWith,
  truncate,
  writeTimeline,
  writtenBefore
} from "./chunk-C74ZTEPE.js";
import {
  DEPLOY_PLACEHOLDERS,
  ENVIRONMENT_PLACEHOLDERS,
  FOLLOW_UP_PLACEHOLDERS,
  MILESTONE_TITLE,
  branchPatternProblems,
  closestWord,
  durationMs,
  fillPlaceholders,
  globMatcher,
  isHotfixFamilyBranch,
  isMaintenanceLine,
  isProductionLine,
  lineTagPrefix,
  matchingBranchPattern,
  newerLines
} from "./chunk-IFHMZTJI.js";
import {
  codeSpan,
  shellWord
} from "./chunk-HOZ5FGTY.js";
import {
  HotfixBotError,
  errorMessage
} from "./chunk-BLGKLY6J.js";

// src/sweep/discover-active-repositories.ts
function quoted(value) {
  return `"${value.replaceAll('"', "")}"`;
}
function scopeQualifier(scope) {
  if (scope.kind === "repo") return `repo:${scope.repo.owner}/${scope.repo.repo}`;
  return `${scope.organization ? "org" : "user"}:${scope.login}`;
}
function discoveryQueries(input) {
  const since = input.since.toISOString().replace(/\.\d{3}Z$/, "Z");
  const base = `${scopeQualifier(input.scope)} updated:>=${since}`;
  const queries = [];
  if (input.severityLabels.length > 0)
    queries.push(`${base} is:issue label:${input.severityLabels.map(quoted).join(",")}`);
  if (input.appSlug) queries.push(`${base} is:pr author:app/${input.appSlug}`);
  return queries;
}
function repoOfRepositoryUrl(url) {
  const match = /\/repos\/([^/]+)\/([^/]+)$/.exec(url);
  return match?.[1] && match[2] ? { owner: match[1], repo: match[2] } : null;
}
function groupByRepository(items) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const repo = repoOfRepositoryUrl(item.repository_url);
    if (!repo) continue;
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    const group = groups.get(key) ?? { repo, found: [] };
    if (!group.found.some((f) => f.number === item.number)) {
      group.found.push({
        number: item.number,
        title: item.title,
        state: item.state === "closed" ? "closed" : "open",
        labels: item.labels.flatMap(
          (label) => typeof label === "string" ? [label] : label.name ? [label.name] : []
        ),
        url: item.html_url,
        isPull: item.pull_request !== void 0 && item.pull_request !== null,
        updatedAt: item.updated_at
      });
    }
    groups.set(key, group);
  }
  return groups;
}
var SEARCH_PAGES_MAX = 10;
async function discoverActiveRepositories(octokit, input) {
  const items = [];
  for (const q of discoveryQueries(input)) {
    for (let page = 1; page <= SEARCH_PAGES_MAX; page++) {
      const { data } = await octokit.rest.search.issuesAndPullRequests({
        q,
        sort: "updated",
        order: "desc",
        per_page: 100,
        page
      });
      items.push(...data.items);
      if (data.items.length < 100 || page * 100 >= data.total_count) break;
    }
  }
  return groupByRepository(items);
}

// src/after-merge/pipeline-claim.ts
function claimRefName(pr) {
  return `refs/hotfix-bot/claims/pr-${pr}`;
}
var CLAIM_WAIT = { timeoutMs: 18e4, pollMs: 2e3 };
var PipelineClaimedError = class extends HotfixBotError {
  constructor(repo, pr) {
    super(
      `the after-merge pipeline of ${repo.owner}/${repo.repo}#${pr} is claimed by another run (${claimRefName(pr)}); if that run died, reconcile finishes the pipeline`
    );
    this.repo = repo;
    this.pr = pr;
  }
  repo;
  pr;
  kind = "contention";
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

// src/incident/merged-pull-request.ts
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
function isMergedHotfix(pr, config) {
  return !pr.fromFork && isProductionLine(config, pr.baseRef) && isHotfixFamilyBranch(pr.headRef, config.branches.patterns);
}

// src/sweep/read-swept-repository.ts
var SWEEP_LOOKBACK_DAYS = 14;
var STALE_AFTER_MS = 10 * 6e4;
async function readSweptRepository(ctx, found, options = {}) {
  const loaded = await ctx.config();
  if (!loaded.ok) return { ok: false, skipped: loaded.error.message };
  const config = loaded.config;
  const now = ctx.clock();
  const cutoff = now.getTime() - SWEEP_LOOKBACK_DAYS * 864e5;
  const { data: closed } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    state: "closed",
    // With maintenance lines (globs) no one base names them all: the newest closed PRs are filtered below.
    ...config.productionBranches.length === 1 ? { base: config.productionBranch } : {},
    sort: "updated",
    direction: "desc",
    per_page: config.productionBranches.length === 1 ? 50 : 100
  });
  const mergedHotfixes = closed.flatMap((raw) => {
    const pr = mergedPullRequestFrom(raw);
    return pr && isMergedHotfix(pr, config) && Date.parse(pr.mergedAt) >= cutoff ? [pr] : [];
  });
  const claims = await listClaims(ctx);
  const timelines = /* @__PURE__ */ new Map();
  return {
    ok: true,
    swept: {
      repo: ctx.repo,
      config,
      now,
      found,
      mergedHotfixes,
      claims,
      staleAfterMs: options.staleAfterMs ?? STALE_AFTER_MS,
      timeline(issue) {
        let read = timelines.get(issue);
        if (!read) {
          read = readTimeline(ctx, issue);
          read.catch(() => timelines.delete(issue));
          timelines.set(issue, read);
        }
        return read;
      }
    }
  };
}

// src/incident/bot-comment.ts
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

// src/incident/incident-lock.ts
function withIncidentLock(ctx, incident, task) {
  return ctx.locks.pipeline.run(`${ctx.repo.owner}/${ctx.repo.repo}#incident-${incident}`, task);
}

// src/incident/incident-resolution.ts
function backportLanded(backport) {
  return backport.status === "already" || backport.end?.state === "merged" || backport.waived !== void 0;
}
function incidentProgress(state, deployConfigured2) {
  const pipelines = Object.values(state.pipelines).sort((a, b) => a.pr - b.pr);
  const recovered = pipelines.length > 0 && (deployConfigured2 ? pipelines.some((p) => p.deploy?.deployedAt !== void 0) : true);
  const pending = [];
  for (const pipeline of pipelines) {
    for (const [target, backport] of Object.entries(pipeline.backports).sort(
      ([a], [b]) => a.localeCompare(b)
    )) {
      if (backportLanded(backport)) continue;
      const why = backport.end?.state === "closed" ? "closed" : backport.status;
      pending.push({ hotfixPr: pipeline.pr, target, pr: backport.pr ?? null, why });
    }
  }
  return { recovered, resolved: recovered && pending.length === 0, pending };
}
function describePending(pending) {
  return pending.map((p) => {
    const what = p.why === "closed" ? "closed unmerged" : p.why === "failed" ? "failed" : p.why;
    return `${p.target} (${p.pr === null ? "" : `#${p.pr}, `}${what})`;
  }).join(", ");
}

// src/incident/pipeline-lock.ts
function withPipelineLock(ctx, pr, task) {
  return ctx.locks.pipeline.run(`${ctx.repo.owner}/${ctx.repo.repo}#${pr}`, task);
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

// src/incident/read-merged-hotfix.ts
async function readMergedHotfix(ctx, config, number) {
  try {
    const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: number });
    const pr = mergedPullRequestFrom(data);
    return pr && isMergedHotfix(pr, config) ? pr : null;
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
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

// src/util/collect-pages.ts
var PER_PAGE = 100;
async function collectPages(pages, maxPages) {
  const items = [];
  let count = 0;
  for await (const page of pages) {
    items.push(...page.data);
    count += 1;
    if (count >= maxPages) return { items, complete: page.data.length < PER_PAGE };
  }
  return { items, complete: true };
}

// src/util/log-with.ts
function logWith(log, fields) {
  return log.child ? log.child(fields) : log;
}
function withLogFields(ctx, fields) {
  return { ...ctx, log: logWith(ctx.log, fields) };
}

// src/backport/backport-pr-event.ts
import { z as z2 } from "zod";
var BACKPORT_PR_ACTIONS = ["closed", "reopened", "ready_for_review"];
var BACKPORT_BRANCH = /^hotfix-bot\/backport-([1-9][0-9]{0,9})-to-/;
var eventShape = z2.object({
  action: z2.enum(BACKPORT_PR_ACTIONS),
  pull_request: z2.object({
    number: z2.number().int().positive(),
    html_url: z2.string(),
    head: z2.object({ ref: z2.string() }),
    base: z2.object({ ref: z2.string() }),
    merged: z2.boolean().nullable().optional(),
    merge_commit_sha: z2.string().nullable().optional(),
    merged_at: z2.string().nullable().optional(),
    closed_at: z2.string().nullable().optional(),
    updated_at: z2.string().nullable().optional(),
    merged_by: z2.object({ login: z2.string() }).nullable().optional()
  }),
  sender: z2.object({ login: z2.string() }).nullable().optional()
});
function backportPrEventFrom(payload) {
  const parsed = eventShape.safeParse(payload);
  if (!parsed.success) return null;
  const { action, pull_request: pr, sender } = parsed.data;
  const branch = BACKPORT_BRANCH.exec(pr.head.ref);
  if (!branch?.[1]) return null;
  const merged = action === "closed" && pr.merged === true && typeof pr.merge_commit_sha === "string";
  return {
    action,
    number: pr.number,
    url: pr.html_url,
    hotfixPr: Number(branch[1]),
    baseRef: pr.base.ref,
    merged,
    mergeSha: merged ? pr.merge_commit_sha ?? null : null,
    at: (merged ? pr.merged_at : action === "closed" ? pr.closed_at : pr.updated_at) ?? null,
    actor: (merged ? pr.merged_by?.login : void 0) ?? sender?.login ?? null
  };
}
var who = (actor) => actor ? ` by @${actor}` : "";
function recordBackportEvent(state, event, now) {
  const pipeline = state.pipelines[String(event.hotfixPr)];
  const found = Object.entries(pipeline?.backports ?? {}).find(
    ([target2, backport2]) => backport2.pr === event.number && target2 === event.baseRef
  );
  if (!pipeline || !found) return null;
  const [target, backport] = found;
  const at = validTime(event.at) ?? now;
  let end = backport.end;
  let entry;
  if (event.action === "closed" && event.merged && event.mergeSha) {
    const conflict = backport.status === "conflict";
    end = backport.end?.state === "merged" ? backport.end : { state: "merged", sha: event.mergeSha, at, by: event.actor, ...conflict ? { conflict } : {} };
    entry = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at: end.at,
      text: `Backport to ${target} merged${conflict ? " (conflicts resolved)" : ""}: #${event.number} as ${event.mergeSha.slice(0, 7)}${who(end.by)}`,
      url: event.url
    };
  } else if (event.action === "closed") {
    if (backport.end?.state === "merged") return { state, changed: false };
    end = backport.end?.state === "closed" ? backport.end : { state: "closed", at, by: event.actor };
    entry = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at: end.at,
      text: `Backport to ${target} closed without merging${who(end.by)}: #${event.number}; merge a new backport or waive it with /backport skip ${target} <reason>`,
      url: event.url
    };
  } else if (event.action === "reopened") {
    if (backport.end?.state !== "closed") return { state, changed: false };
    end = void 0;
    entry = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at,
      text: `Backport to ${target} reopened${who(event.actor)}: #${event.number}`,
      url: event.url
    };
  } else {
    if (backport.status !== "conflict") return { state, changed: false };
    entry = {
      key: `backport-ready-${event.hotfixPr}-${target}`,
      at,
      text: `Backport to ${target}: conflicts resolved in #${event.number}, ready for review${who(event.actor)}`,
      url: event.url
    };
    if (state.entries.some((e) => e.key === entry.key)) return { state, changed: false };
  }
  const { end: _old, ...rest } = backport;
  const next = end ? { ...rest, end } : rest;
  const sameEnd = JSON.stringify(next) === JSON.stringify(backport);
  const sameEntry2 = state.entries.some((e) => e.key === entry.key && e.text === entry.text);
  if (sameEnd && sameEntry2) return { state, changed: false };
  const pipelines = {
    ...state.pipelines,
    [String(event.hotfixPr)]: { ...pipeline, backports: { ...pipeline.backports, [target]: next } }
  };
  return { state: addEntry({ ...state, pipelines }, entry), changed: true };
}
function validTime(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// src/backport/stale-backports.ts
function reminderKey(pr) {
  return `backport-reminder-${pr}`;
}
function staleBackports(state, openPrs, now, remindAfterMs) {
  const opened = new Map(openPrs.map((pr) => [pr.number, Date.parse(pr.createdAt)]));
  const reminded = new Set(state.entries.map((e) => e.key));
  const stale = [];
  for (const pipeline of Object.values(state.pipelines).sort((a, b) => a.pr - b.pr)) {
    for (const [target, backport] of Object.entries(pipeline.backports)) {
      const pr = backport.pr;
      if (pr === void 0 || backportLanded(backport) || backport.end !== void 0) continue;
      const since = opened.get(pr);
      if (since === void 0 || Number.isNaN(since) || reminded.has(reminderKey(pr))) continue;
      const openFor = now.getTime() - since;
      if (openFor >= remindAfterMs) stale.push({ hotfixPr: pipeline.pr, target, pr, openFor });
    }
  }
  return stale;
}

// src/backport/remind-stale-backports.ts
function reminderMarker(pr) {
  return `<!-- hotfix-bot:backport-reminder ${JSON.stringify({ pr })} -->`;
}
var MAX_OPEN_PR_PAGES = 3;
function reminderText(stale, commander) {
  const who2 = commander ? `@${commander}` : "The incident's commander";
  return `${reminderMarker(stale.pr)}
${who2}: this backport of #${stale.hotfixPr} to ${escapeMarkdown(stale.target)} has been open for ${formatDuration(stale.openFor)}. The incident is resolved only once the fix lands here too: merge it, or close it and waive it on the incident with \`/backport skip ${escapeMarkdown(stale.target)} <reason>\`.`;
}
async function remind(ctx, state, stale, now) {
  let next = state;
  for (const item of stale) {
    await ensureBotComment(ctx, item.pr, reminderMarker(item.pr), reminderText(item, state.commander));
    next = addEntry(next, {
      key: reminderKey(item.pr),
      at: now.toISOString(),
      text: `Reminded ${state.commander ? `@${state.commander}` : "the commander"}: the backport to ${item.target} (#${item.pr}) has been open for ${formatDuration(item.openFor)}`
    });
  }
  return next;
}
async function remindOnIncident(ctx, config, state) {
  const now = ctx.clock();
  const after = durationMs(config.backport.remindAfter);
  const candidates = Object.values(state.pipelines).filter((p) => now.getTime() - Date.parse(p.mergedAt) >= after).flatMap((p) => Object.values(p.backports)).filter((b) => b.pr !== void 0 && !backportLanded(b) && b.end === void 0).map((b) => b.pr).filter((pr) => !state.entries.some((e) => e.key === reminderKey(pr)));
  const open = [];
  for (const number of candidates) {
    try {
      const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: number });
      if (data.state === "open") open.push({ number, createdAt: data.created_at });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return remind(ctx, state, staleBackports(state, open, now, after), now);
}
async function remindStaleBackports(ctx, repo, now) {
  const here = withLogFields({ ...ctx, repo }, { repo: `${repo.owner}/${repo.repo}` });
  const loaded = await here.config();
  if (!loaded.ok) {
    here.log.warn(`backport reminders skipped: ${loaded.error.message}`);
    return 0;
  }
  const config = loaded.config;
  const after = durationMs(config.backport.remindAfter);
  const { items } = await collectPages(
    here.octokit.paginate.iterator(here.octokit.rest.pulls.list, {
      ...repo,
      state: "open",
      sort: "created",
      direction: "asc",
      per_page: PER_PAGE
    }),
    MAX_OPEN_PR_PAGES
  );
  const byHotfix = /* @__PURE__ */ new Map();
  for (const pr of items) {
    const event = backportPrEventFrom({ action: "reopened", pull_request: pr, sender: null });
    if (!event || !isOpenedByAnApp(pr) || now.getTime() - Date.parse(pr.created_at) < after) continue;
    byHotfix.set(event.hotfixPr, [
      ...byHotfix.get(event.hotfixPr) ?? [],
      { number: pr.number, createdAt: pr.created_at }
    ]);
  }
  let reminded = 0;
  for (const [number, open] of byHotfix) {
    const hotfix = await readMergedHotfix(here, config, number);
    if (!hotfix) continue;
    const { incident } = await incidentOfPull(here, hotfix);
    const issue = incident ?? hotfix.number;
    await withPipelineLock(
      here,
      hotfix.number,
      () => withIncidentLock(here, issue, async () => {
        const timeline = await readTimeline(here, issue);
        if (!timeline.state) return;
        const stale = staleBackports(timeline.state, open, now, after);
        if (stale.length === 0) return;
        const state = await remind(here, timeline.state, stale, now);
        await writeTimeline(here, issue, timeline.commentId, state);
        reminded += stale.length;
      })
    );
  }
  return reminded;
}

// src/sweep/sweep-task.ts
function dueNow(items, now) {
  return items.filter((item) => {
    const t = Date.parse(item.dueAt);
    return !Number.isNaN(t) && t <= now.getTime();
  }).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
function everySweep(name, act2) {
  return { name, run: async (ctx, swept) => await act2(ctx, swept.repo, swept.now, swept) ?? [] };
}
function failedResult(task, target, error) {
  return { task, target, outcome: "failed", detail: errorMessage(error) };
}

// src/sweep/tasks/delete-leftover-pick-branches.ts
var PICK_BRANCH_PREFIX = "hotfix-bot/tmp-pick-";
var deleteLeftoverPickBranches = {
  name: "tmp-pick-branches",
  async run(ctx, swept) {
    const results = [];
    const { octokit, repo } = ctx;
    const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, {
      ...repo,
      ref: `heads/${PICK_BRANCH_PREFIX}`,
      per_page: 100
    });
    for (const ref of refs) {
      const branch = ref.ref.slice("refs/heads/".length);
      try {
        const { data: commit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: ref.object.sha });
        const age = swept.now.getTime() - Date.parse(commit.committer.date);
        if (!(age >= swept.staleAfterMs)) continue;
        try {
          await octokit.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
        } catch (error) {
          const status = httpStatus(error);
          if (status !== 404 && status !== 422) throw error;
        }
        results.push({
          task: this.name,
          target: branch,
          outcome: "finished",
          detail: "leftover branch deleted"
        });
      } catch (error) {
        results.push(failedResult(this.name, branch, error));
      }
    }
    return results;
  }
};

// src/incident/settle-incident.ts
var CLOSED_AT_RESOLUTION_KEY = "closed-resolved";
function deployConfigured(config) {
  return config.deploy.workflow !== void 0 || config.deploy.environment !== void 0;
}
async function settleIncident(ctx, config, state, incident) {
  if (state.resolvedAt !== void 0) return state;
  const progress = incidentProgress(state, deployConfigured(config));
  if (!progress.recovered) return state;
  const now = ctx.clock().toISOString();
  if (!progress.resolved) {
    const previous = state.entries.find((e) => e.key === "recovered");
    const what = deployConfigured(config) ? "the fix is deployed" : "the fix is merged";
    return addEntry(state, {
      key: "recovered",
      at: previous?.at ?? now,
      text: `Recovered: ${what}; resolved once every backport lands \u2014 waiting for ${describePending(progress.pending)}`
    });
  }
  let next = { ...state, resolvedAt: now };
  next = addEntry(next, {
    key: "resolved",
    at: now,
    text: "Resolved: the fix is deployed and has landed on every backport target"
  });
  if (config.deploy.closeIncidentOnSuccess && incident !== null && !next.entries.some((e) => e.key === CLOSED_AT_RESOLUTION_KEY)) {
    await ctx.octokit.rest.issues.update({
      ...ctx.repo,
      issue_number: incident,
      state: "closed",
      state_reason: "completed"
    });
    next = addEntry(next, {
      key: CLOSED_AT_RESOLUTION_KEY,
      at: ctx.clock().toISOString(),
      text: "Incident closed: the fix is deployed and every backport has landed"
    });
  }
  return next;
}

// src/deploy/merged-hotfix-record.ts
async function withMergedHotfixRecord(ctx, pr, act2) {
  const { incident } = await incidentOfPull(ctx, pr);
  const issue = incident ?? pr.number;
  return withPipelineLock(
    ctx,
    pr.number,
    () => withIncidentLock(ctx, issue, () => act2({ pr, incident, issue }))
  );
}

// src/deploy/monitoring-window.ts
function startMonitoring(monitoring, sha, now) {
  return {
    sha,
    since: now.toISOString(),
    until: new Date(now.getTime() + monitoring.windowMinutes * 6e4).toISOString()
  };
}
function utcClock(iso) {
  return new Date(iso).toISOString().slice(11, 16);
}
function monitoringEntry(pr, monitor, monitoring) {
  const checklist = monitoring.checklist.length > 0 ? `; check: ${monitoring.checklist.join("; ")}` : "";
  return {
    key: `monitoring-${pr}`,
    at: monitor.since,
    text: `Monitoring until ${utcClock(monitor.until)} (UTC)${checklist} \u2014 unstable? comment /rollback [reason]`
  };
}
function monitoringPhase(pipeline, now) {
  const monitor = pipeline?.monitor;
  if (!monitor) return "none";
  if (monitor.stableAt !== void 0 || pipeline.rollbackBy !== void 0) return "ended";
  if (pipeline.deploy?.rollback !== void 0 || pipeline.deploy?.failedAt !== void 0) return "ended";
  const until = Date.parse(monitor.until);
  if (Number.isNaN(until)) return "open";
  return now.getTime() >= until ? "due" : "open";
}
function stableEntry(pr, monitor, at) {
  return {
    key: `stable-${pr}`,
    at,
    text: `Stable: the monitoring window of #${pr} ended at ${utcClock(monitor.until)} (UTC) without a rollback`
  };
}

// src/deploy/end-monitoring.ts
async function recordStable(ctx, config, state, pipeline, incident) {
  const monitor = pipeline.monitor;
  if (!monitor || monitor.stableAt !== void 0) return state;
  const at = ctx.clock().toISOString();
  let next = {
    ...state,
    pipelines: {
      ...state.pipelines,
      [String(pipeline.pr)]: { ...pipeline, monitor: { ...monitor, stableAt: at } }
    }
  };
  next = addEntry(next, stableEntry(pipeline.pr, monitor, at));
  if (!config.monitoring.closeWhenStable || incident === null) return next;
  if (next.entries.some((e) => e.key === CLOSED_AT_RESOLUTION_KEY)) return next;
  const progress = incidentProgress(next, deployConfigured(config));
  if (!progress.resolved) {
    return addEntry(next, {
      key: `stable-not-closed-${pipeline.pr}`,
      at,
      text: "Not closed: stable, but some backports have not landed yet"
    });
  }
  await ctx.octokit.rest.issues.update({
    ...ctx.repo,
    issue_number: incident,
    state: "closed",
    state_reason: "completed"
  });
  return addEntry(next, {
    key: CLOSED_AT_RESOLUTION_KEY,
    at: ctx.clock().toISOString(),
    text: "Incident closed: stable after the monitoring window, and every backport has landed"
  });
}
async function endMonitoringIfDue(ctx, config, pr) {
  return withMergedHotfixRecord(ctx, pr, async (origin) => ({
    stable: await endUnderLock(ctx, config, origin),
    incident: origin.incident
  }));
}
async function endMonitoringUnderLock(ctx, config, origin, state) {
  const pipeline = state.pipelines[String(origin.pr.number)];
  if (!pipeline || monitoringPhase(pipeline, ctx.clock()) !== "due") return state;
  return recordStable(ctx, config, state, pipeline, origin.incident);
}
async function endUnderLock(ctx, config, origin) {
  const timeline = await readTimeline(ctx, origin.issue);
  if (!timeline.state) return false;
  const next = await endMonitoringUnderLock(ctx, config, origin, timeline.state);
  if (next === timeline.state) return false;
  await writeTimeline(ctx, origin.issue, timeline.commentId, next);
  return true;
}

// src/incident/notify/milestone-message.ts
function isWebUrl(url) {
  return /^https?:\/\//i.test(url);
}
function milestoneMessage(input) {
  const { state, details } = input;
  const declared = state.entries.find((e) => e.key === "declared");
  return {
    milestone: input.milestone,
    title: `${MILESTONE_TITLE[input.milestone]} \u2014 incident #${input.incident}`,
    summary: details.summary,
    at: details.at ?? input.now,
    repository: `${input.repo.owner}/${input.repo.repo}`,
    incident: {
      number: input.incident,
      url: declared?.url && isWebUrl(declared.url) ? declared.url : null,
      severity: state.severity ?? null,
      commander: state.commander ?? null,
      detectedAt: state.detectedAt ?? null
    },
    links: (details.links ?? []).filter((link) => isWebUrl(link.url)).slice(0, 5)
  };
}

// src/incident/notify/notification-record.ts
function notificationKey(milestone) {
  return `notified-${milestone}`;
}
function planNotification(input) {
  const { wanted, defined } = input;
  if (wanted.channels.length === 0 || !wanted.milestones.includes(input.milestone))
    return { kind: "skip", why: "off" };
  if (input.state.notifications?.[input.milestone]) return { kind: "skip", why: "already-sent" };
  const channels = [];
  const unknown = [];
  for (const name of new Set(wanted.channels)) {
    const channel = defined.get(name);
    if (channel) {
      channels.push(channel);
      continue;
    }
    const guess = closestWord(name, [...defined.keys()]);
    unknown.push({
      channel: name,
      kind: "webhook",
      ok: false,
      error: `unknown channel "${name}" (notify.channels in .github/hotfix.yml): hotfix-bot defines no channel of that name${guess ? `; did you mean "${guess}"?` : ""}`
    });
  }
  return { kind: "send", channels, unknown };
}
function resultText(result) {
  if (result.ok) return `${result.channel} (${result.kind})`;
  if (result.error?.startsWith("unknown channel")) return result.error;
  return `${result.channel} (${result.kind}) failed: ${result.error ?? "unknown error"}`;
}
function recordNotification(state, milestone, at, results) {
  const record = {
    at,
    channels: results.map((r) => ({
      channel: r.channel,
      ...r.error?.startsWith("unknown channel") ? {} : { kind: r.kind },
      ok: r.ok,
      ...r.status !== void 0 ? { status: r.status } : {},
      ...r.error !== void 0 ? { error: r.error } : {}
    }))
  };
  const sent = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  const parts = [
    ...sent.length > 0 ? [`sent to ${sent.map(resultText).join(", ")}`] : [],
    ...failed.length > 0 ? [`not sent: ${failed.map(resultText).join("; ")}`] : []
  ];
  const next = {
    ...state,
    notifications: { ...state.notifications ?? {}, [milestone]: record }
  };
  return addEntry(next, {
    key: notificationKey(milestone),
    at,
    text: `Notification "${MILESTONE_TITLE[milestone]}" ${parts.join("; ")}`
  });
}

// src/incident/notify/send-notification.ts
import { IncomingWebhook, IncomingWebhookHTTPError } from "@slack/webhook";

// src/incident/notify/json-payload.ts
function jsonPayload(message) {
  return {
    schema: "hotfix-bot.notification/v1",
    milestone: message.milestone,
    title: message.title,
    summary: message.summary,
    at: message.at,
    repository: message.repository,
    incident: message.incident,
    links: message.links
  };
}

// src/incident/notify/slack-message.ts
function escapeSlack(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
var HEADER_MAX = 150;
function facts(message) {
  const { incident } = message;
  return [
    escapeSlack(message.repository),
    incident.url ? `<${incident.url}|incident #${incident.number}>` : `incident #${incident.number}`,
    ...incident.severity ? [`severity ${escapeSlack(incident.severity)}`] : [],
    ...incident.commander ? [`commander ${escapeSlack(incident.commander)}`] : [],
    `${message.at.slice(0, 16).replace("T", " ")} UTC`
  ].join(" \xB7 ");
}
function slackMessage(message) {
  const links = message.links.map((link) => `<${link.url}|${escapeSlack(link.label)}>`).join(" \xB7 ");
  return {
    // Notifications and clients without Block Kit show `text`.
    text: `${message.title}: ${escapeSlack(message.summary)}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, HEADER_MAX) } },
      { type: "section", text: { type: "mrkdwn", text: escapeSlack(message.summary) } },
      { type: "context", elements: [{ type: "mrkdwn", text: facts(message) }] },
      ...links ? [{ type: "section", text: { type: "mrkdwn", text: links } }] : []
    ]
  };
}

// src/incident/notify/teams-card.ts
function escapeTeams(text) {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
function teamsCard(message) {
  const { incident } = message;
  const facts2 = [
    { title: "Repository", value: escapeTeams(message.repository) },
    { title: "Incident", value: `#${incident.number}` },
    ...incident.severity ? [{ title: "Severity", value: escapeTeams(incident.severity) }] : [],
    ...incident.commander ? [{ title: "Commander", value: escapeTeams(incident.commander) }] : [],
    { title: "At (UTC)", value: message.at.slice(0, 16).replace("T", " ") }
  ];
  const links = [
    ...incident.url ? [{ label: `Incident #${incident.number}`, url: incident.url }] : [],
    ...message.links
  ];
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              size: "Medium",
              weight: "Bolder",
              wrap: true,
              text: escapeTeams(message.title)
            },
            { type: "TextBlock", wrap: true, text: escapeTeams(message.summary) },
            { type: "FactSet", facts: facts2 }
          ],
          actions: links.map((link) => ({ type: "Action.OpenUrl", title: link.label, url: link.url }))
        }
      }
    ]
  };
}

// src/incident/notify/send-notification.ts
var HttpStatusError = class extends Error {
  constructor(status) {
    super(`HTTP ${status}`);
    this.status = status;
  }
  status;
};
function errorCode(error) {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code: code2, name } = current;
    if (typeof code2 === "string" && /^E[A-Z_]+$/.test(code2)) return code2;
    if (name === "TimeoutError" || name === "AbortError") return "TIMEOUT";
    const { original, cause } = current;
    current = original ?? cause;
  }
  return null;
}
function failureOf(error, timeoutMs) {
  const status = error instanceof IncomingWebhookHTTPError ? error.statusCode : error instanceof HttpStatusError ? error.status : null;
  if (status !== null) return { status, error: `HTTP ${status}` };
  const code2 = errorCode(error);
  if (code2 === "TIMEOUT") return { error: `timed out after ${Math.round(timeoutMs / 100) / 10} s` };
  if (code2 === "ECONNREFUSED") return { error: "connection refused" };
  if (code2 === "ENOTFOUND" || code2 === "EAI_AGAIN") return { error: "host not found" };
  if (code2 === "ECONNRESET") return { error: "connection reset" };
  return { error: code2 ? `request failed (${code2})` : "request failed" };
}
async function postJson(url, body, timeoutMs, fetchFn) {
  const response = await fetchFn(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "hotfix-bot" },
    body: JSON.stringify(body),
    // A redirect would send the body somewhere the secret URL did not name.
    redirect: "error",
    signal: AbortSignal.timeout(timeoutMs)
  });
  await response.arrayBuffer().catch(() => void 0);
  if (!response.ok) throw new HttpStatusError(response.status);
  return response.status;
}
async function sendNotification(channel, message, options) {
  const base = { channel: channel.name, kind: channel.kind };
  if (channel.refused !== void 0) return { ...base, ok: false, error: channel.refused };
  let transportError = null;
  const transport = options.fetch ?? fetch;
  const fetchFn = async (input, init) => {
    try {
      return await transport(input, init);
    } catch (error) {
      transportError = error;
      throw error;
    }
  };
  try {
    if (channel.kind === "slack") {
      const webhook = new IncomingWebhook(channel.url, { timeout: options.timeoutMs, fetch: fetchFn });
      await webhook.send(slackMessage(message));
      return { ...base, ok: true };
    }
    const body = channel.kind === "teams" ? teamsCard(message) : jsonPayload(message);
    const status = await postJson(channel.url, body, options.timeoutMs, fetchFn);
    return { ...base, ok: true, status };
  } catch (error) {
    return { ...base, ok: false, ...failureOf(transportError ?? error, options.timeoutMs) };
  }
}

// src/incident/notify/notify-milestone.ts
function notificationsWanted(config, milestone) {
  return config.notify.channels.length > 0 && config.notify.milestones.includes(milestone);
}
async function notifyMilestone(ctx, config, incident, milestone, details, options = {}) {
  if (!notificationsWanted(config, milestone)) return { outcome: "off" };
  if (incident === null) return { outcome: "no-incident" };
  const key = `notify:${ctx.repo.owner}/${ctx.repo.repo}#${incident}`;
  const acrossInstances = (task) => ctx.instancesLock ? ctx.instancesLock.run(key, task) : task();
  try {
    return await withIncidentLock(
      ctx,
      incident,
      () => acrossInstances(() => notifyLocked(ctx, config, incident, milestone, details, options))
    );
  } catch (error) {
    ctx.log.warn(`notification "${milestone}" of incident #${incident} not recorded: ${errorMessage(error)}`);
    const timeline = isDeliberateStop(error) ? error.partial?.timeline : void 0;
    return timeline === void 0 ? { outcome: "failed" } : { outcome: "failed", timeline };
  }
}
async function notifyLocked(ctx, config, incident, milestone, source, options) {
  const timeline = await readTimeline(ctx, incident);
  if (!timeline.state) return { outcome: "no-incident" };
  const plan = planNotification({
    state: timeline.state,
    milestone,
    wanted: config.notify,
    defined: ctx.notifyChannels ?? /* @__PURE__ */ new Map()
  });
  if (plan.kind === "skip") return { outcome: plan.why === "already-sent" ? "already-sent" : "off" };
  const details = typeof source === "function" ? source(timeline.state) : source;
  if (details === null) return { outcome: "not-reached" };
  const now = ctx.clock().toISOString();
  const message = milestoneMessage({
    repo: ctx.repo,
    incident,
    state: timeline.state,
    milestone,
    details,
    now
  });
  const timeoutMs = config.notify.timeoutSeconds * 1e3;
  const sent = await Promise.all(
    plan.channels.map(
      (channel) => sendNotification(channel, message, { timeoutMs, ...options.fetch ? { fetch: options.fetch } : {} })
    )
  );
  const results = [...sent, ...plan.unknown];
  for (const r of results) {
    if (r.ok) ctx.log.info(`incident #${incident}: "${milestone}" sent to ${r.channel} (${r.kind})`);
    else ctx.log.warn(`incident #${incident}: "${milestone}" not sent to ${r.channel}: ${r.error}`);
  }
  const state = recordNotification(timeline.state, milestone, ctx.clock().toISOString(), results);
  const { markdown } = await writeTimeline(ctx, incident, timeline.commentId, state);
  return { outcome: results.every((r) => r.ok) ? "sent" : "failed", timeline: markdown };
}

// src/incident/notify/resolved-details.ts
function resolvedDetails(state) {
  if (state.resolvedAt === void 0) return null;
  const figures = recoveryLine(incidentDurations(state));
  return {
    summary: `The fix is out and has landed on every backport target${figures ? ` \u2014 ${figures}` : ""}`,
    at: state.resolvedAt
  };
}

// src/deploy/notify-deploy-outcome.ts
async function notifyDeployOutcome(ctx, config, incident, pr, status) {
  if (incident === null) return void 0;
  const wanted = ["deployed", "rollback", "resolved"].some((m) => notificationsWanted(config, m));
  if (!wanted) return void 0;
  if (status.state === "success") {
    const deployed = await notifyMilestone(ctx, config, incident, "deployed", (state) => {
      const deploy = state.pipelines[String(pr)]?.deploy;
      if (deploy?.deployedAt === void 0) return null;
      return {
        summary: `${status.ref} deployed to ${status.environment} (PR #${pr})`,
        at: deploy.deployedAt,
        links: deploy.url ? [{ label: "Deployment", url: deploy.url }] : []
      };
    });
    const resolved = await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
    return resolved.timeline ?? deployed.timeline;
  }
  const rolledBack = await notifyMilestone(ctx, config, incident, "rollback", (state) => {
    const deploy = state.pipelines[String(pr)]?.deploy;
    if (deploy?.failedAt === void 0 || !deploy.rollback) return null;
    const { rollback } = deploy;
    const links = revertLinks(rollback);
    if (status.url) links.push({ label: "Failed deployment", url: status.url });
    const what = revertOutcome(rollback);
    return {
      summary: `Deployment of ${status.ref} to ${status.environment} failed (${status.state}); ${what}`,
      at: deploy.failedAt,
      links
    };
  });
  return rolledBack.timeline;
}
function revertOutcome(rollback) {
  if (rollback.status === "open") return `revert PR #${rollback.pr} opened`;
  if (rollback.status === "conflict")
    return `draft revert PR #${rollback.pr} opened, with conflicts to resolve`;
  if (rollback.status === "empty") return "nothing to revert: production no longer has the change";
  return `the revert could not be opened (${rollback.error ?? "unknown error"})`;
}
function revertLinks(rollback) {
  return rollback.url && rollback.pr !== void 0 ? [{ label: `Revert PR #${rollback.pr}`, url: rollback.url }] : [];
}

// src/deploy/deploy-log-link.ts
function deployLogLink(url) {
  if (url === null || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return `[Deploy log](${linkTarget(url)})`;
}

// src/deploy/revert-pr-text.ts
var TITLE_MAX = 256;
function revertBranchName(pr) {
  if (!Number.isSafeInteger(pr) || pr < 1) throw new RangeError(`not a pull request number: ${pr}`);
  return `hotfix-bot/revert-${pr}`;
}
function revertTitle(title) {
  const room = TITLE_MAX - 'Revert ""'.length;
  const oneLine4 = title.replace(/\s+/g, " ").trim();
  const cut = oneLine4.length > room ? `${oneLine4.slice(0, room - 1)}\u2026` : oneLine4;
  return `Revert "${cut}"`;
}
function triggerText(trigger) {
  if (trigger.kind === "check")
    return `the check ${trigger.by} failed (${trigger.reason}) on the deployed commit during the monitoring window`;
  return `${trigger.by} asked for it with /rollback${trigger.reason ? `: ${trigger.reason}` : ""}`;
}
function triggerMarkdown(trigger) {
  if (trigger.kind === "check")
    return `the check \`${trigger.by.replace(/`/g, "'")}\` failed (${escapeMarkdown(trigger.reason)}) on the deployed commit during the monitoring window`;
  const why = trigger.reason ? `: ${escapeMarkdown(trigger.reason)}` : "";
  return `${escapeMarkdown(trigger.by)} asked for it with \`/rollback\`${why}`;
}
function revertMessage(input) {
  const why = input.trigger ? `a rollback of ${input.tag}: ${triggerText(input.trigger)}` : `the deployment of ${input.tag} failed`;
  return [
    revertTitle(input.title),
    "",
    `This reverts commit ${input.mergeSha} (#${input.pr}): ${why}.`,
    ""
  ].join("\n");
}
function revertBody(input) {
  const why = input.description ? ` (${input.state}: ${escapeMarkdown(input.description)})` : ` (${input.state})`;
  const sha = `\`${input.mergeSha.slice(0, 7)}\``;
  const lines = [
    input.trigger ? `Reverts #${input.pr} (${sha}), released as \`${input.tag}\`: a rollback \u2014 ${triggerMarkdown(input.trigger)}.` : `Reverts #${input.pr} (${sha}): the deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed${why}.`,
    "",
    input.previousTag ? `Merging this takes the change back out of production; the last good tag was \`${input.previousTag}\`. Deploy after merging.` : "Merging this takes the change back out of production. Deploy after merging."
  ];
  const log = deployLogLink(input.logUrl);
  if (log) lines.push("", log);
  if (input.incident !== null) lines.push("", `Incident: #${input.incident}`);
  if (input.conflictFiles.length > 0) {
    lines.push(
      "",
      "> [!WARNING]",
      "> Production changed the same lines since the fix. The commit on this branch contains conflict markers; resolve them and push.",
      "",
      "Conflicting files:",
      ...input.conflictFiles.map((file) => `- \`${file.replace(/`/g, "'")}\``)
    );
  }
  return lines.join("\n");
}

// src/deploy/notify-monitoring-outcome.ts
async function notifyMonitoringDone(ctx, config, incident, pr) {
  if (incident === null || !notificationsWanted(config, "monitoring-done")) return void 0;
  const notified = await notifyMilestone(ctx, config, incident, "monitoring-done", (state) => {
    const monitor = state.pipelines[String(pr)]?.monitor;
    if (monitor?.stableAt === void 0) return null;
    return {
      summary: `No rollback in the monitoring window after the deploy of PR #${pr}: stable since ${monitor.until}`,
      at: monitor.stableAt
    };
  });
  return notified.timeline;
}
async function notifyRollbackAsked(ctx, config, incident, pr) {
  if (incident === null || !notificationsWanted(config, "rollback")) return void 0;
  const notified = await notifyMilestone(
    ctx,
    config,
    incident,
    "rollback",
    (state) => rollbackAskedDetails(state, pr)
  );
  return notified.timeline;
}
function rollbackAskedDetails(state, pr) {
  const pipeline = state.pipelines[String(pr)];
  const trigger = pipeline?.rollbackBy;
  const revert = pipeline?.deploy?.rollback;
  if (!trigger || !revert) return null;
  return {
    summary: `Rollback of PR #${pr}: ${triggerText(trigger)}; ${revertOutcome(revert)}`,
    at: trigger.at,
    links: revertLinks(revert)
  };
}

// src/sweep/tasks/timeline-of-merged-hotfix.ts
async function timelineOfMergedHotfix(swept, pr) {
  const linked = pr.fromFork ? null : linkedIncidentNumber({ body: pr.body, headRef: pr.headRef });
  if (linked !== null) {
    const { state } = await swept.timeline(linked).catch(() => ({ state: null }));
    if (incidentLinkHolds(state, pr.headRef)) return { issue: linked, incident: linked, state };
  }
  return { issue: pr.number, incident: null, state: (await swept.timeline(pr.number)).state };
}

// src/sweep/tasks/end-monitoring-windows.ts
var endMonitoringWindows = {
  name: "monitoring",
  async run(ctx, swept) {
    const results = [];
    const open = [];
    for (const pr of swept.mergedHotfixes) {
      try {
        const { state } = await timelineOfMergedHotfix(swept, pr);
        const pipeline = state?.pipelines[String(pr.number)];
        const phase = monitoringPhase(pipeline, swept.now);
        if (!pipeline?.monitor || phase !== "open" && phase !== "due") continue;
        open.push({ key: `monitoring-${pr.number}`, dueAt: pipeline.monitor.until, pr });
      } catch (error) {
        results.push(failedResult(this.name, `#${pr.number}`, error));
      }
    }
    for (const item of dueNow(open, swept.now)) {
      const target = `#${item.pr.number}`;
      try {
        const { stable, incident } = await endMonitoringIfDue(ctx, swept.config, item.pr);
        if (!stable) continue;
        results.push({ task: this.name, target, outcome: "finished", detail: "stable" });
        await notifyMonitoringDone(ctx, swept.config, incident, item.pr.number);
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/cherry-pick/backport-branch.ts
var UnsafeBranchNameError = class extends HotfixBotError {
  constructor(value, reason) {
    super(`unsafe backport branch input ${JSON.stringify(value)}: ${reason}`);
    this.value = value;
  }
  value;
  kind = "unworkable";
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
var NEWER_LINES = "newer-lines";
function expandTargets(patterns, branches, developBranch, mergedInto, newer2 = []) {
  const existing = new Set(branches);
  const eligible = (name) => name !== mergedInto && !name.startsWith(PREFIX) && branchNameProblem(name) === null;
  const targets = [];
  const add = (name) => {
    if (eligible(name) && !targets.includes(name)) targets.push(name);
  };
  for (const raw of patterns) {
    if (raw === NEWER_LINES) {
      for (const line of newer2) add(line);
      continue;
    }
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

// src/cherry-pick/pick-list.ts
var PickListError = class extends HotfixBotError {
  constructor(mergeCommitSha, reason) {
    super(`cannot work out what to pick for ${mergeCommitSha}: ${reason}`);
    this.mergeCommitSha = mergeCommitSha;
  }
  mergeCommitSha;
  kind = "unworkable";
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

// src/cherry-pick/read-pick-plan.ts
var PULL_COMMITS_LIMIT = 250;
var PER_PAGE2 = 100;
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
    per_page: PER_PAGE2
  });
  const commits = listed.map((c) => ({ sha: c.sha, message: c.commit.message }));
  if (commits.length < PULL_COMMITS_LIMIT) return { commits, total: commits.length };
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return { commits, total: Math.max(pull.commits, commits.length) };
}
async function readFirstParentChain(ctx, head, count) {
  const { octokit, repo } = ctx;
  const listed = [];
  const maxPages = Math.ceil(count / PER_PAGE2) + HISTORY_PAGE_SLACK;
  let pages = 0;
  let path = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.repos.listCommits, {
    ...repo,
    sha: head,
    per_page: PER_PAGE2
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

// src/incident/timeline-recorder.ts
var TimelineRecorder = class {
  constructor(ctx, issue, read) {
    this.ctx = ctx;
    this.issue = issue;
    this.current = read.state;
    this.commentId = read.commentId;
  }
  ctx;
  issue;
  current;
  commentId;
  lastMarkdown;
  /** The state as it will be written by the next flush. */
  get state() {
    return this.current;
  }
  /** The markdown of the last flush, without its hidden state line; undefined before the first. */
  get markdown() {
    return this.lastMarkdown;
  }
  /** Adds an entry (or replaces the one with its key: a re-run adds no second line). */
  add(entry) {
    this.current = addEntry(this.current, entry);
  }
  addAll(entries) {
    for (const entry of entries) this.add(entry);
  }
  /** Any other change of the state, as a pure function of it. */
  update(change) {
    this.current = change(this.current);
  }
  /** Records the pipeline of a merged PR (keyed by its number), replacing what was there. */
  setPipeline(pipeline) {
    this.update((state) => ({
      ...state,
      pipelines: { ...state.pipelines, [String(pipeline.pr)]: pipeline }
    }));
  }
  /** Writes the timeline as it stands and returns its markdown. */
  async flush() {
    const written = await writeTimeline(this.ctx, this.issue, this.commentId, this.current);
    this.commentId = written.commentId;
    this.lastMarkdown = written.markdown;
    return written.markdown;
  }
};

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
function countedApprovals(facts2, severity, config) {
  const rule = config.approvals[severity];
  const from = rule.from.map((entry) => entry.toLowerCase());
  const fromLogins = new Set(from.filter((entry) => !entry.includes("/")));
  const fromTeams = from.filter((entry) => entry.includes("/"));
  const teamMembers = new Set(fromTeams.flatMap((team) => facts2.teams[team] ?? []));
  const allowed = (account) => from.length === 0 || fromLogins.has(account.login.toLowerCase()) || teamMembers.has(account.id);
  const notes = [];
  const contributors = facts2.contributors;
  let closed = null;
  if (contributors?.incomplete) closed = contributors.incomplete;
  else if (contributors && contributors.unattributable.length > 0) {
    const listed = contributors.unattributable.slice(0, 5).map(short).join(", ");
    const more = contributors.unattributable.length > 5 ? ` and ${contributors.unattributable.length - 5} more` : "";
    closed = `commit ${listed}${more} has no GitHub author or committer, so no approval can be checked against who wrote it; push it again from an account GitHub knows`;
  } else if (!facts2.reviewsComplete) {
    closed = "too many reviews to read them all, so a change request may be missing";
  }
  const approvedBy = [];
  const blockers = [];
  for (const review of standingReviews(facts2.reviews).values()) {
    const { reviewer } = review;
    const roles = contributors?.roles.get(reviewer.id);
    if (roles && roles.length > 0) {
      if (review.state === "APPROVED")
        notes.push(
          `approval by ${reviewer.login} does not count (${roles.map((r) => ROLE_TEXT[r]).join("; ")})`
        );
      continue;
    }
    const writer = facts2.writers.get(reviewer.id) === true;
    if (review.state === "CHANGES_REQUESTED") {
      if (writer) blockers.push(reviewer);
      continue;
    }
    if (review.commitId !== facts2.headSha) {
      notes.push(
        `approval by ${reviewer.login} was for ${short(review.commitId)}, not the head ${short(facts2.headSha)}: it must be given again`
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
function checkApprovals(facts2, severity, config) {
  const rule = config.approvals[severity];
  const counted = countedApprovals(facts2, severity, config);
  const approvedBy = counted.approvedBy.map((account) => account.login);
  const details = [...counted.notes];
  const unreadable = approvalTeams(severity, config).filter((team) => !facts2.teams[team]);
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
      per_page: PER_PAGE
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
        per_page: PER_PAGE
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
        per_page: PER_PAGE
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
        per_page: PER_PAGE
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
  const facts2 = await readApprovalFacts(
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
  return countedApprovals(facts2, severity, config).approvedBy.length > 0;
}

// src/after-merge/notify-after-merge.ts
async function notifyAfterMerge(ctx, config, pr) {
  if (!notificationsWanted(config, "merged") && !notificationsWanted(config, "resolved")) return;
  let incident;
  try {
    ({ incident } = await incidentOfPull(ctx, pr));
  } catch (error) {
    ctx.log.warn(`notifications for the merge of #${pr.number} skipped: ${String(error)}`);
    return;
  }
  if (incident === null) return;
  await notifyMilestone(ctx, config, incident, "merged", (state) => {
    const pipeline = state.pipelines[String(pr.number)];
    if (!pipeline) return null;
    const links = [{ label: `PR #${pr.number}`, url: pr.url }];
    if (pipeline.release && pipeline.tag)
      links.push({ label: `Release ${pipeline.tag}`, url: pipeline.release.url });
    return {
      summary: `PR #${pr.number} merged into ${pr.baseRef}${pipeline.tag ? `, tagged ${pipeline.tag}` : ""}`,
      at: pipeline.mergedAt,
      links
    };
  });
  await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
}

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
async function runAfterMerge(ctx, config, pr, steps, options = {}) {
  const here = withLogFields(ctx, { pr: pr.number });
  const outcome = await withPipelineLock(
    here,
    pr.number,
    () => claimAndRun(here, config, pr, steps, options)
  );
  await notifyAfterMerge(here, config, pr);
  return outcome;
}
async function claimAndRun(ctx, config, pr, steps, options) {
  for (let attempt = 1; ; attempt++) {
    const complete = await completeOutcome(ctx, config, pr, options);
    if (complete) return complete;
    const claimed = await claimPipeline(ctx, pr.number, pr.mergeSha);
    if (claimed || options.takeOver || ctx.resumedRun) {
      try {
        return await runPipeline(ctx, config, pr, steps, options);
      } finally {
        await releasePipeline(ctx, pr.number);
      }
    }
    if (attempt >= 3) throw new PipelineClaimedError(ctx.repo, pr.number);
    ctx.log.info("after-merge pipeline is claimed by another run; waiting for it");
    if (await waitForRelease(ctx, pr.number, options.claimWait) === "timeout") {
      ctx.log.warn("after-merge pipeline: taking over a claim that outlived the wait");
      await releasePipeline(ctx, pr.number);
    }
  }
}
async function completeOutcome(ctx, config, pr, options) {
  const { state } = await pipelineTimeline(ctx, pr);
  const previous = state?.pipelines[String(pr.number)];
  if (!previous?.done) return null;
  const wanted = await backportTargets(ctx, config, pr.baseRef, options.extraTargets ?? []);
  if (!wanted.every((target) => settled(previous, target))) return null;
  ctx.log.info("after-merge pipeline is already complete");
  return outcomeOf(previous);
}
async function pipelineTimeline(ctx, pr) {
  const linked = await incidentOfPull(ctx, pr);
  const timelineIssue = linked.incident ?? pr.number;
  const timeline = linked.timeline ?? await readTimeline(ctx, timelineIssue);
  return { incident: linked.incident, timelineIssue, ...timeline };
}
async function runPipeline(ctx, config, pr, steps, options) {
  const timeline = await pipelineTimeline(ctx, pr);
  const { incident, timelineIssue } = timeline;
  const recorder = new TimelineRecorder(ctx, timelineIssue, {
    state: timeline.state ?? emptyTimeline(incident),
    commentId: timeline.commentId
  });
  const previous = recorder.state.pipelines[String(pr.number)];
  const wanted = await backportTargets(ctx, config, pr.baseRef, options.extraTargets ?? []);
  if (previous?.done && wanted.every((target) => settled(previous, target))) {
    ctx.log.info("after-merge pipeline is already complete");
    return outcomeOf(previous);
  }
  const now = () => ctx.clock().toISOString();
  const pipeline = previous ? structuredClone(previous) : {
    pr: pr.number,
    mergeSha: pr.mergeSha,
    mergedAt: pr.mergedAt,
    backports: {},
    followUps: {},
    done: false,
    heartbeatAt: now()
  };
  recorder.add({
    key: `merged-${pr.number}`,
    at: pr.mergedAt,
    text: `#${pr.number} merged into ${pr.baseRef} by the hotfix pipeline`,
    url: pr.url
  });
  const pulled = await readPullCommits(ctx, pr.number);
  const jiraKey = jiraKeyOf(pr.title, config);
  const released = await steps.release(ctx, config, { pr, incident, jiraKey, commits: pulled.commits });
  pipeline.tag = released.tag;
  if (released.release) pipeline.release = released.release;
  recorder.addAll(released.entries);
  if (!pipeline.deploy) {
    const severity2 = severityOfLabels(pr.labels, recorder.state.severity, config);
    const deployed = await steps.deploy(ctx, config, { pr, tag: released.tag, incident, severity: severity2 });
    if (deployed) {
      pipeline.deploy = deployed.deploy;
      recorder.addAll(deployed.entries);
      if (deployed.mustRecord) {
        recorder.setPipeline({ ...pipeline });
        await recorder.flush();
      }
    }
  }
  const todo = wanted.filter((target) => !settled(pipeline, target));
  if (todo.length > 0) {
    const plan = await readPickPlan(ctx, pr.mergeSha, pulled).catch((error) => {
      if (!(error instanceof PickListError)) throw error;
      return error;
    });
    for (const target of todo) {
      const backported = await steps.backport(ctx, config, { pr, target, plan, incident });
      pipeline.backports[target] = backported.backport;
      recorder.addAll(backported.entries);
    }
    if (timelineIssue !== pr.number) {
      await steps.noticeBackportsWithoutPr(ctx, pr.number, todo, pipeline.backports);
    }
  }
  const changedFiles = await readChangedFiles(ctx, pr.number);
  if (changedFiles.total > changedFiles.files.length) {
    ctx.log.warn(
      `the pull request changed ${changedFiles.total} files; GitHub listed ${changedFiles.files.length} of them`
    );
  }
  const severity = severityOfLabels(pr.labels, recorder.state.severity, config);
  const followUps = await steps.followUps(ctx, config, {
    pr,
    incident,
    jiraKey,
    tag: released.tag,
    severity,
    approved: await wasApproved(ctx, pr, severity, config),
    commander: recorder.state.commander ?? null,
    changedFiles
  });
  for (const { kind, ...opened } of followUps.opened) {
    pipeline.followUps[kind] = { ...pipeline.followUps[kind], ...opened };
  }
  recorder.addAll(followUps.entries);
  const allBackportsOpen = wanted.every(
    (t) => ["open", "conflict", "already"].includes(pipeline.backports[t]?.status ?? "")
  );
  if (config.backport.deleteHotfixBranch && allBackportsOpen && !pipeline.branchDeleted) {
    const cleanup = await deleteBranch(ctx, pr);
    pipeline.branchDeleted = cleanup !== "failed";
    if (cleanup === "deleted") {
      recorder.add({ key: `branch-deleted-${pr.number}`, at: now(), text: `Deleted branch ${pr.headRef}` });
    } else if (cleanup === "moved") {
      recorder.add({
        key: `branch-kept-${pr.number}`,
        at: now(),
        text: `Kept branch ${pr.headRef}: it moved past the merged head ${pr.headSha.slice(0, 7)}`
      });
    }
  }
  pipeline.done = allBackportsOpen && (pipeline.branchDeleted === true || !config.backport.deleteHotfixBranch);
  pipeline.heartbeatAt = now();
  recorder.setPipeline(pipeline);
  const settledState = await settleIncident(ctx, config, recorder.state, incident);
  recorder.update(() => settledState);
  const markdown = await recorder.flush();
  return { ...outcomeOf(pipeline), timeline: markdown };
}
function settled(pipeline, target) {
  const status = pipeline.backports[target]?.status;
  return status === "open" || status === "conflict" || status === "already";
}
async function backportTargets(ctx, config, mergedInto, extra) {
  const patterns = [...config.backport.targets, ...extra];
  const forward = patterns.includes(NEWER_LINES);
  const needsBranchList = forward && config.productionBranches.length > 1 || patterns.some((p) => p !== NEWER_LINES && /[*?[\]{}]/.test(p.replace("{develop}", "")));
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
  const newer2 = forward ? newerLines(config, mergedInto, branches) : [];
  return expandTargets(patterns, branches, config.developBranch, mergedInto, newer2);
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

// src/backport/backport-notice.ts
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

// src/incident/refused-branch-entries.ts
function refusedBranchEntries(refused, used, at) {
  return (refused ?? []).map(({ branch, tip }) => ({
    key: `refused-branch-${branch}`,
    at,
    text: `Refused the existing branch ${branch}: its tip ${tip.slice(0, 7)} is not the commit hotfix-bot computed` + (used ? `; used ${used} instead` : "")
  }));
}

// src/cherry-pick/backport-errors.ts
var WorkflowPermissionError = class extends HotfixBotError {
  constructor(files, cause) {
    super(
      `GitHub refused to write ${files.join(", ")}: changing workflow files needs the App's "workflows" permission`
    );
    this.files = files;
    this.cause = cause;
  }
  files;
  cause;
  kind = "refused";
  name = "WorkflowPermissionError";
};
var CherryPickError = class extends HotfixBotError {
  constructor(pick, reason, cause) {
    super(`cannot cherry-pick ${pick}: ${reason}`);
    this.pick = pick;
    this.cause = cause;
  }
  pick;
  cause;
  kind = "unworkable";
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
  const message = errorMessage(error);
  if (!/workflow|permission|not accessible/i.test(message)) return null;
  const named2 = /`([^`]*\.github\/workflows\/[^`]*)`/.exec(message)?.[1];
  return new WorkflowPermissionError(named2 ? [named2] : workflows, error);
}

// src/cherry-pick/bot-pull.ts
async function findBotPull(ctx, branch, base) {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "all",
    per_page: 10
  });
  return data.find(isOpenedByAnApp) ?? null;
}

// src/cherry-pick/cherry-pick-message.ts
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

// src/cherry-pick/git-writer.ts
var strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var MAX_INLINE_CONTENT_BYTES = 1024 * 1024;
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
   * UTF-8) and at most MAX_INLINE_CONTENT_BYTES; other content needs a blob of its own first.
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
        const text = item.content.length <= MAX_INLINE_CONTENT_BYTES ? utf8OrNull(item.content) : null;
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

// src/cherry-pick/github-tree-source.ts
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

// src/cherry-pick/git-merge/conflict-markers.ts
function markersNeedCr(oursLines, oursAt, theirsLines, theirsAt, baseLines) {
  let answer = endsInCrlf(oursLines, oursAt > 0 ? oursAt - 1 : 0);
  if (answer !== false) answer = endsInCrlf(theirsLines, theirsAt > 0 ? theirsAt - 1 : 0);
  if (answer !== false) answer = endsInCrlf(baseLines, 0);
  return answer === true;
}
function endsInCrlf(lines, i) {
  const crlf = (line2) => line2 !== void 0 && line2.length > 1 && line2.endsWith("\r\n");
  if (i < lines.length - 1) return crlf(lines[i]);
  if (lines.length === 0) return null;
  const line = lines[i];
  if (line.endsWith("\n")) return crlf(line);
  if (i === 0) return null;
  return crlf(lines[i - 1]);
}

// src/cherry-pick/git-merge/change-marks.ts
function emptyMarks(lines) {
  return new Uint8Array(lines + 2);
}
var MERGE_WORK_LIMIT = 5e7;

// src/cherry-pick/git-merge/change-compaction.ts
function compactChanges(lines, marks, otherMarks) {
  const n = lines.length;
  const otherN = otherMarks.length - 2;
  const changed = (i) => marks[i + 1] === 1;
  const set = (i, value) => {
    marks[i + 1] = value;
  };
  const otherChanged = (i) => otherMarks[i + 1] === 1;
  const g = { start: 0, end: 0 };
  const go = { start: 0, end: 0 };
  const init = (isChanged, group) => {
    group.start = 0;
    group.end = 0;
    while (isChanged(group.end)) group.end++;
  };
  const nextGroup = (isChanged, size, group) => {
    if (group.end === size) return false;
    group.start = group.end + 1;
    group.end = group.start;
    while (isChanged(group.end)) group.end++;
    return true;
  };
  const previousGroup = (isChanged, group) => {
    if (group.start === 0) return false;
    group.end = group.start - 1;
    group.start = group.end;
    while (isChanged(group.start - 1)) group.start--;
    return true;
  };
  const slideDown = () => {
    if (g.end < n && lines[g.start] === lines[g.end]) {
      set(g.start++, 0);
      set(g.end++, 1);
      while (changed(g.end)) g.end++;
      return true;
    }
    return false;
  };
  const slideUp = () => {
    if (g.start > 0 && lines[g.start - 1] === lines[g.end - 1]) {
      set(--g.start, 1);
      set(--g.end, 0);
      while (changed(g.start - 1)) g.start--;
      return true;
    }
    return false;
  };
  const inStep = (moved) => {
    if (!moved) throw new Error("change compaction lost step with the other file");
  };
  init(changed, g);
  init(otherChanged, go);
  for (; ; ) {
    if (g.end !== g.start) {
      let groupSize;
      let earliestEnd;
      let endMatchingOther;
      do {
        groupSize = g.end - g.start;
        endMatchingOther = -1;
        while (slideUp()) inStep(previousGroup(otherChanged, go));
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        while (slideDown()) {
          inStep(nextGroup(otherChanged, otherN, go));
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (groupSize !== g.end - g.start);
      if (g.end !== earliestEnd && endMatchingOther !== -1) {
        while (go.end === go.start) {
          inStep(slideUp());
          inStep(previousGroup(otherChanged, go));
        }
      }
    }
    if (!nextGroup(changed, n, g)) break;
    inStep(nextGroup(otherChanged, otherN, go));
  }
}

// src/cherry-pick/git-merge/myers-diff.ts
function myersDiff(a, b, budget) {
  const changedA = emptyMarks(a.length);
  const changedB = emptyMarks(b.length);
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < shorter - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const endA = a.length - tail;
  const endB = b.length - tail;
  const keptA = keptLines(a, b, start, endA, changedA);
  const keptB = keptLines(b, a, start, endB, changedB);
  const ha = keptA.map((i) => a[i]);
  const hb = keptB.map((j) => b[j]);
  const markA = (k) => {
    changedA[keptA[k] + 1] = 1;
  };
  const markB = (k) => {
    changedB[keptB[k] + 1] = 1;
  };
  budget.steps -= a.length + b.length;
  if (!compareBoxes(ha, hb, markA, markB, budget)) return null;
  return { changedA, changedB };
}
function roughSqrt(n) {
  let root = 1;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 4)) root *= 2;
  return root;
}
var MAX_EQUAL_LIMIT = 1024;
var SIMILAR_SCAN_WINDOW = 100;
var UNMATCHED_RUN_FACTOR = 4;
function keptLines(lines, other, start, end, marks) {
  const inOther = /* @__PURE__ */ new Map();
  for (const id of other) inOther.set(id, (inOther.get(id) ?? 0) + 1);
  const limit = Math.min(roughSqrt(lines.length), MAX_EQUAL_LIMIT);
  const kind = new Uint8Array(lines.length);
  for (let i = start; i < end; i++) {
    const matches = inOther.get(lines[i]) ?? 0;
    kind[i] = matches === 0 ? 0 : matches >= limit ? 2 : 1;
  }
  const kept = [];
  for (let i = start; i < end; i++) {
    if (kind[i] === 1 || kind[i] === 2 && !amongUnmatched(kind, i, start, end - 1)) kept.push(i);
    else marks[i + 1] = 1;
  }
  return kept;
}
function amongUnmatched(kind, i, first, last) {
  const s = i - first > SIMILAR_SCAN_WINDOW ? i - SIMILAR_SCAN_WINDOW : first;
  const e = last - i > SIMILAR_SCAN_WINDOW ? i + SIMILAR_SCAN_WINDOW : last;
  let unmatchedBefore = 0;
  let manyBefore = 1;
  for (let r = 1; i - r >= s; r++) {
    const k = kind[i - r];
    if (k === 0) unmatchedBefore++;
    else if (k === 2) manyBefore++;
    else break;
  }
  if (unmatchedBefore === 0) return false;
  let unmatchedAfter = 0;
  let manyAfter = 1;
  for (let r = 1; i + r <= e; r++) {
    const k = kind[i + r];
    if (k === 0) unmatchedAfter++;
    else if (k === 2) manyAfter++;
    else break;
  }
  if (unmatchedAfter === 0) return false;
  const unmatched = unmatchedBefore + unmatchedAfter;
  const many = manyBefore + manyAfter;
  return many * UNMATCHED_RUN_FACTOR < many + unmatched;
}
var MAX_COST_MIN = 256;
var HEURISTIC_MIN_COST = 256;
var SNAKE_COUNT = 20;
var HEURISTIC_FACTOR = 4;
var LINE_MAX = Number.MAX_SAFE_INTEGER;
function compareBoxes(a, b, markA, markB, budget) {
  const diagonals = a.length + b.length + 3;
  const shift = b.length + 1;
  const forward = new Float64Array(diagonals);
  const backward = new Float64Array(diagonals);
  const maxCost = Math.max(roughSqrt(diagonals), MAX_COST_MIN);
  const boxes = [[0, a.length, 0, b.length, false]];
  for (let box = boxes.pop(); box; box = boxes.pop()) {
    let [off1, lim1, off2, lim2] = box;
    const needMinimal = box[4];
    while (off1 < lim1 && off2 < lim2 && a[off1] === b[off2]) {
      off1++;
      off2++;
    }
    while (off1 < lim1 && off2 < lim2 && a[lim1 - 1] === b[lim2 - 1]) {
      lim1--;
      lim2--;
    }
    if (off1 === lim1) {
      for (let k = off2; k < lim2; k++) markB(k);
    } else if (off2 === lim2) {
      for (let k = off1; k < lim1; k++) markA(k);
    } else {
      const split = middleSnake(a, b, [off1, lim1, off2, lim2], {
        forward,
        backward,
        shift,
        needMinimal,
        maxCost,
        budget
      });
      if (budget.steps < 0) return false;
      boxes.push([split.i1, lim1, split.i2, lim2, split.minimalHigh]);
      boxes.push([off1, split.i1, off2, split.i2, split.minimalLow]);
    }
  }
  return true;
}
function middleSnake(a, b, [off1, lim1, off2, lim2], env) {
  const { shift } = env;
  const kf = (d) => env.forward[d + shift];
  const kb = (d) => env.backward[d + shift];
  const setF = (d, v) => {
    env.forward[d + shift] = v;
  };
  const setB = (d, v) => {
    env.backward[d + shift] = v;
  };
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = (fmid - bmid & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  setF(fmid, off1);
  setB(bmid, lim1);
  for (let ec = 1; ; ec++) {
    let gotSnake = false;
    env.budget.steps -= fmax - fmin + (bmax - bmin) + 4;
    if (env.budget.steps < 0) return { i1: off1, i2: off2, minimalLow: true, minimalHigh: true };
    if (fmin > dmin) setF(--fmin - 1, -1);
    else ++fmin;
    if (fmax < dmax) setF(++fmax + 1, -1);
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = kf(d - 1) >= kf(d + 1) ? kf(d - 1) + 1 : kf(d + 1);
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 < lim1 && i2 < lim2 && a[i1] === b[i2]) {
        i1++;
        i2++;
      }
      env.budget.steps -= i1 - prev1;
      if (i1 - prev1 > SNAKE_COUNT) gotSnake = true;
      setF(d, i1);
      if (odd && bmin <= d && d <= bmax && kb(d) <= i1)
        return { i1, i2, minimalLow: true, minimalHigh: true };
    }
    if (bmin > dmin) setB(--bmin - 1, LINE_MAX);
    else ++bmin;
    if (bmax < dmax) setB(++bmax + 1, LINE_MAX);
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = kb(d - 1) < kb(d + 1) ? kb(d - 1) : kb(d + 1) - 1;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 > off1 && i2 > off2 && a[i1 - 1] === b[i2 - 1]) {
        i1--;
        i2--;
      }
      env.budget.steps -= prev1 - i1;
      if (prev1 - i1 > SNAKE_COUNT) gotSnake = true;
      setB(d, i1);
      if (!odd && fmin <= d && d <= fmax && i1 <= kf(d))
        return { i1, i2, minimalLow: true, minimalHigh: true };
    }
    if (env.needMinimal) continue;
    if (gotSnake && ec > HEURISTIC_MIN_COST) {
      let best = 0;
      let split = null;
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d;
        const i1 = kf(d);
        const i2 = i1 - d;
        const v = i1 - off1 + (i2 - off2) - dd;
        if (v > HEURISTIC_FACTOR * ec && v > best && off1 + SNAKE_COUNT <= i1 && i1 < lim1 && off2 + SNAKE_COUNT <= i2 && i2 < lim2) {
          for (let k = 1; a[i1 - k] === b[i2 - k]; k++) {
            if (k === SNAKE_COUNT) {
              best = v;
              split = { i1, i2, minimalLow: true, minimalHigh: false };
              break;
            }
          }
        }
      }
      if (split) return split;
      best = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d;
        const i1 = kb(d);
        const i2 = i1 - d;
        const v = lim1 - i1 + (lim2 - i2) - dd;
        if (v > HEURISTIC_FACTOR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_COUNT && off2 < i2 && i2 <= lim2 - SNAKE_COUNT) {
          for (let k = 0; a[i1 + k] === b[i2 + k]; k++) {
            if (k === SNAKE_COUNT - 1) {
              best = v;
              split = { i1, i2, minimalLow: false, minimalHigh: true };
              break;
            }
          }
        }
      }
      if (split) return split;
    }
    if (ec >= env.maxCost) {
      let fbest = -1;
      let fbest1 = -1;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kf(d), lim1);
        let i2 = i1 - d;
        if (lim2 < i2) {
          i1 = lim2 + d;
          i2 = lim2;
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2;
          fbest1 = i1;
        }
      }
      let bbest = LINE_MAX;
      let bbest1 = LINE_MAX;
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kb(d));
        let i2 = i1 - d;
        if (i2 < off2) {
          i1 = off2 + d;
          i2 = off2;
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2;
          bbest1 = i1;
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) {
        return { i1: fbest1, i2: fbest - fbest1, minimalLow: true, minimalHigh: false };
      }
      return { i1: bbest1, i2: bbest - bbest1, minimalLow: false, minimalHigh: true };
    }
  }
}

// src/cherry-pick/git-merge/histogram-diff.ts
var MAX_ANCHOR_OCCURRENCES = 64;
function histogramDiff(a, b, budget) {
  const changedA = emptyMarks(a.length);
  const changedB = emptyMarks(b.length);
  const { a: local, b: other, distinct } = renumber(a, b);
  a = local;
  b = other;
  const maxId = distinct - 1;
  const count = new Int32Array(maxId + 1);
  const first = new Int32Array(maxId + 1).fill(-1);
  const next = new Int32Array(a.length).fill(-1);
  const occurrences = (id) => id >= 0 && id <= maxId ? count[id] : 0;
  const regions = [[0, a.length, 0, b.length]];
  for (let region = regions.pop(); region; region = regions.pop()) {
    const [a0, a1, b0, b1] = region;
    if (a0 === a1 || b0 === b1) {
      for (let i = a0; i < a1; i++) changedA[i + 1] = 1;
      for (let j = b0; j < b1; j++) changedB[j + 1] = 1;
      continue;
    }
    for (let i = a1 - 1; i >= a0; i--) {
      const id = a[i];
      next[i] = first[id];
      first[id] = i;
      count[id] = count[id] + 1;
    }
    let bestA = -1;
    let bestB = -1;
    let bestLength = 1;
    let bestRarity = MAX_ANCHOR_OCCURRENCES + 1;
    let hasCommon = false;
    for (let j = b0; j < b1; ) {
      let after = j + 1;
      const id = b[j];
      const seen = occurrences(id);
      if (seen > 0) hasCommon = true;
      if (seen > 0 && seen <= bestRarity) {
        for (let i = first[id]; i >= 0; ) {
          let as = i;
          let bs = j;
          let ae = i;
          let be = j;
          let rarity = seen;
          while (as > a0 && bs > b0 && a[as - 1] === b[bs - 1]) {
            as--;
            bs--;
            if (rarity > 1) rarity = Math.min(rarity, occurrences(a[as]));
          }
          while (ae < a1 - 1 && be < b1 - 1 && a[ae + 1] === b[be + 1]) {
            ae++;
            be++;
            if (rarity > 1) rarity = Math.min(rarity, occurrences(a[ae]));
          }
          budget.steps -= ae - as + 1;
          if (after <= be) after = be + 1;
          if (bestLength < ae - as + 1 || rarity < bestRarity) {
            bestA = as;
            bestB = bs;
            bestLength = ae - as + 1;
            bestRarity = rarity;
          }
          let np = next[i];
          while (np >= 0 && np <= ae) np = next[np];
          i = np;
        }
      }
      j = after;
    }
    for (let i = a0; i < a1; i++) {
      const id = a[i];
      first[id] = -1;
      count[id] = 0;
    }
    budget.steps -= a1 - a0 + (b1 - b0);
    if (budget.steps < 0) return null;
    if (hasCommon && bestRarity > MAX_ANCHOR_OCCURRENCES) {
      const classic = myersDiff(a.slice(a0, a1), b.slice(b0, b1), budget);
      if (!classic) return null;
      changedA.set(classic.changedA.subarray(1, a1 - a0 + 1), a0 + 1);
      changedB.set(classic.changedB.subarray(1, b1 - b0 + 1), b0 + 1);
      continue;
    }
    if (bestA < 0) {
      for (let i = a0; i < a1; i++) changedA[i + 1] = 1;
      for (let j = b0; j < b1; j++) changedB[j + 1] = 1;
      continue;
    }
    regions.push([bestA + bestLength, a1, bestB + bestLength, b1]);
    regions.push([a0, bestA, b0, bestB]);
  }
  return { changedA, changedB };
}
function renumber(a, b) {
  const ids = /* @__PURE__ */ new Map();
  const localA = a.map((id) => {
    let local = ids.get(id);
    if (local === void 0) {
      local = ids.size;
      ids.set(id, local);
    }
    return local;
  });
  const localB = b.map((id) => ids.get(id) ?? -1);
  return { a: localA, b: localB, distinct: ids.size };
}

// src/cherry-pick/git-merge/edit-script.ts
function diffLikeGit(a, b, budget) {
  const diff = histogramDiff(a, b, budget);
  if (!diff) return null;
  compactChanges(a, diff.changedA, diff.changedB);
  compactChanges(b, diff.changedB, diff.changedA);
  return editScript(diff.changedA, diff.changedB);
}
function editScript(changedA, changedB) {
  const hunks = [];
  const isA = (i2) => changedA[i2 + 1] === 1;
  const isB = (j2) => changedB[j2 + 1] === 1;
  let i = changedA.length - 2;
  let j = changedB.length - 2;
  while (i >= 0 || j >= 0) {
    if (isA(i - 1) || isB(j - 1)) {
      const aEnd = i;
      const bEnd = j;
      while (isA(i - 1)) i--;
      while (isB(j - 1)) j--;
      hunks.push({ a0: i, aCount: aEnd - i, b0: j, bCount: bEnd - j });
    }
    i--;
    j--;
  }
  return hunks.reverse();
}

// src/cherry-pick/git-merge/merge-hunks.ts
var JOIN_CONFLICTS_WITHIN_LINES = 3;
function mergeHunks(base, ours, theirs, workLimit = MERGE_WORK_LIMIT) {
  const budget = { steps: workLimit };
  const oursDiff = diffLikeGit(base, ours, budget);
  const theirsDiff = diffLikeGit(base, theirs, budget);
  if (!oursDiff || !theirsDiff) return null;
  const hunks = pairChanges(oursDiff, theirsDiff, ours, theirs, {
    oursGrowth: ours.length - base.length,
    theirsGrowth: theirs.length - base.length
  });
  const refined = refineConflicts(hunks, ours, theirs, budget);
  return refined && joinCloseConflicts(refined);
}
function pairChanges(oursDiff, theirsDiff, ours, theirs, growth) {
  const hunks = [];
  const append = (kind, ours0, oursCount, theirs0, theirsCount) => {
    const last = hunks[hunks.length - 1];
    if (last && (ours0 <= last.ours0 + last.oursCount || theirs0 <= last.theirs0 + last.theirsCount)) {
      if (kind !== last.kind) last.kind = "conflict";
      last.oursCount = ours0 + oursCount - last.ours0;
      last.theirsCount = theirs0 + theirsCount - last.theirs0;
    } else {
      hunks.push({ kind, ours0, oursCount, theirs0, theirsCount });
    }
  };
  let x = 0;
  let y = 0;
  while (x < oursDiff.length && y < theirsDiff.length) {
    const o = oursDiff[x];
    const t = theirsDiff[y];
    if (o.a0 + o.aCount < t.a0) {
      append("ours", o.b0, o.bCount, t.b0 - t.a0 + o.a0, o.aCount);
      x++;
      continue;
    }
    if (t.a0 + t.aCount < o.a0) {
      append("theirs", o.b0 - o.a0 + t.a0, t.aCount, t.b0, t.bCount);
      y++;
      continue;
    }
    const sameChange2 = o.a0 === t.a0 && o.aCount === t.aCount && o.bCount === t.bCount && sameLines(ours, o.b0, theirs, t.b0, o.bCount);
    if (!sameChange2) {
      const off = o.a0 - t.a0;
      const ffo = off + o.aCount - t.aCount;
      let ours0 = o.b0;
      let theirs0 = t.b0;
      if (off > 0) ours0 -= off;
      else theirs0 += off;
      let oursCount = o.b0 + o.bCount - ours0;
      let theirsCount = t.b0 + t.bCount - theirs0;
      if (ffo < 0) oursCount -= ffo;
      else theirsCount += ffo;
      append("conflict", ours0, oursCount, theirs0, theirsCount);
    }
    const oursEnd = o.a0 + o.aCount;
    const theirsEnd = t.a0 + t.aCount;
    if (oursEnd >= theirsEnd) y++;
    if (theirsEnd >= oursEnd) x++;
  }
  for (; x < oursDiff.length; x++) {
    const o = oursDiff[x];
    append("ours", o.b0, o.bCount, o.a0 + growth.theirsGrowth, o.aCount);
  }
  for (; y < theirsDiff.length; y++) {
    const t = theirsDiff[y];
    append("theirs", t.a0 + growth.oursGrowth, t.aCount, t.b0, t.bCount);
  }
  return hunks;
}
function sameLines(x, x0, y, y0, count) {
  for (let k = 0; k < count; k++) if (x[x0 + k] !== y[y0 + k]) return false;
  return true;
}
function refineConflicts(hunks, ours, theirs, budget) {
  const refined = [];
  for (const hunk of hunks) {
    if (hunk.kind !== "conflict" || hunk.oursCount === 0 || hunk.theirsCount === 0) {
      refined.push(hunk);
      continue;
    }
    const diff = diffLikeGit(
      ours.slice(hunk.ours0, hunk.ours0 + hunk.oursCount),
      theirs.slice(hunk.theirs0, hunk.theirs0 + hunk.theirsCount),
      budget
    );
    if (!diff) return null;
    if (diff.length === 0) {
      refined.push({ ...hunk, kind: "identical" });
      continue;
    }
    for (const d of diff) {
      refined.push({
        kind: "conflict",
        ours0: hunk.ours0 + d.a0,
        oursCount: d.aCount,
        theirs0: hunk.theirs0 + d.b0,
        theirsCount: d.bCount
      });
    }
  }
  return refined;
}
function joinCloseConflicts(hunks) {
  const joined = [];
  for (const hunk of hunks) {
    const last = joined[joined.length - 1];
    if (last && last.kind === "conflict" && hunk.kind === "conflict" && hunk.ours0 - (last.ours0 + last.oursCount) <= JOIN_CONFLICTS_WITHIN_LINES) {
      last.oursCount = hunk.ours0 + hunk.oursCount - last.ours0;
      last.theirsCount = hunk.theirs0 + hunk.theirsCount - last.theirs0;
      continue;
    }
    joined.push(hunk);
  }
  return joined;
}

// src/cherry-pick/git-merge/text-lines.ts
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

// src/cherry-pick/git-merge/merge-file-like-git.ts
function mergeFileLikeGit(input) {
  const { base, ours, theirs } = input;
  const table = new LineTable();
  const baseLines = splitLines(base);
  const oursLines = splitLines(ours);
  const theirsLines = splitLines(theirs);
  const b = table.intern(baseLines);
  const o = table.intern(oursLines);
  const t = table.intern(theirsLines);
  const hunks = mergeHunks(b, o, t, input.workLimit);
  if (hunks === null) {
    return {
      reproduced: false,
      why: "the file is too large and changed too much for the bot to work out git's conflict blocks in time"
    };
  }
  return { reproduced: true, ...render(hunks, { ...input, baseLines, oursLines, theirsLines }) };
}
function render(hunks, input) {
  const { oursLines, theirsLines, baseLines } = input;
  const size = input.markerSize ?? 7;
  const label = (text) => ` ${text.replace(/[\r\n]+/g, " ")}`;
  const out = [];
  let conflicts = 0;
  let position = 0;
  for (const hunk of hunks) {
    if (hunk.kind === "identical") continue;
    out.push(...oursLines.slice(position, hunk.ours0));
    const oursPart = oursLines.slice(hunk.ours0, hunk.ours0 + hunk.oursCount);
    const theirsPart = theirsLines.slice(hunk.theirs0, hunk.theirs0 + hunk.theirsCount);
    if (hunk.kind === "ours") out.push(...oursPart);
    else if (hunk.kind === "theirs") out.push(...theirsPart);
    else {
      conflicts++;
      const eol = markersNeedCr(oursLines, hunk.ours0, theirsLines, hunk.theirs0, baseLines) ? "\r\n" : "\n";
      const terminated = (lines) => {
        const last = lines[lines.length - 1];
        return last === void 0 || last.endsWith("\n") ? lines : [...lines.slice(0, -1), last + eol];
      };
      out.push(
        `${"<".repeat(size)}${label(input.oursLabel)}${eol}`,
        ...terminated(oursPart),
        `${"=".repeat(size)}${eol}`,
        ...terminated(theirsPart),
        `${">".repeat(size)}${label(input.theirsLabel)}${eol}`
      );
    }
    position = hunk.ours0 + hunk.oursCount;
  }
  out.push(...oursLines.slice(position));
  return { text: out.join(""), conflicts };
}

// src/cherry-pick/git-tree.ts
var REGULAR_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
function sameEntry(x, y) {
  if (x === null || y === null) return x === y;
  return x.sha === y.sha && x.mode === y.mode;
}
function parentDirs(path) {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, k) => parts.slice(0, k + 1).join("/"));
}

// src/cherry-pick/pick-entries.ts
var MAX_READABLE_BLOB_BYTES = 100 * 1024 * 1024;
var BINARY_PROBE_BYTES = 8e3;
function regular(entry) {
  return entry.type === "blob" && REGULAR_MODES.has(entry.mode);
}
function mergeMode(base, ours, theirs) {
  if (ours === theirs || base === theirs) return ours;
  if (base === ours) return theirs;
  return null;
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

// src/cherry-pick/content-similarity.ts
function contentSimilarity(source, destination) {
  const larger = Math.max(source.length, destination.length);
  if (larger === 0) return 1;
  const smaller = Math.min(source.length, destination.length);
  if (smaller * 2 < larger) return 0;
  const kept = chunkCounts(destination);
  let copied = 0;
  for (const [chunk, bytes] of chunkCounts(source)) {
    copied += Math.min(bytes, kept.get(chunk) ?? 0);
  }
  return copied / larger;
}
function chunkCounts(bytes) {
  const text = !bytes.subarray(0, 8e3).includes(0);
  const counts2 = /* @__PURE__ */ new Map();
  let chunk = [];
  let length = 0;
  const flush = () => {
    const key = Buffer.from(chunk).toString("latin1");
    counts2.set(key, (counts2.get(key) ?? 0) + length);
    chunk = [];
    length = 0;
  };
  for (let k = 0; k < bytes.length; k++) {
    const byte = bytes[k];
    if (text && byte === 13 && bytes[k + 1] === 10) continue;
    chunk.push(byte);
    length++;
    if (length >= 64 || byte === 10) flush();
  }
  if (length > 0) flush();
  return counts2;
}

// src/cherry-pick/rename-pairs.ts
var RENAME_SCORE = 0.5;
var SCORE_MARGIN = 0.1;
var MAX_COMPARISONS = 2500;
async function pairRenames(sources, destinations, read) {
  const pairs = /* @__PURE__ */ new Map();
  const unsure = /* @__PURE__ */ new Set();
  if (sources.length === 0 || destinations.length === 0) return { pairs, unsure };
  const bySha = /* @__PURE__ */ new Map();
  const group = (sha) => {
    let found = bySha.get(sha);
    if (!found) {
      found = { sources: [], destinations: [] };
      bySha.set(sha, found);
    }
    return found;
  };
  for (const s of sources) group(s.entry.sha).sources.push(s);
  for (const d of destinations) group(d.entry.sha).destinations.push(d);
  const paired = /* @__PURE__ */ new Set();
  for (const { sources: from, destinations: to } of bySha.values()) {
    if (from.length === 0 || to.length === 0) continue;
    const [s, d] = [from[0], to[0]];
    if (from.length === 1 && to.length === 1 && regular2(s.entry) && regular2(d.entry) && !isEmpty(s.entry)) {
      pairs.set(s.path, d.path);
    } else {
      for (const c of [...from, ...to]) unsure.add(c.path);
    }
    for (const c of [...from, ...to]) paired.add(c.path);
  }
  const left = sources.filter((s) => !paired.has(s.path));
  const right = destinations.filter((d) => !paired.has(d.path));
  if (left.length === 0 || right.length === 0) return { pairs, unsure };
  const odd = (c) => !regular2(c.entry) || isEmpty(c.entry);
  if (left.length * right.length > MAX_COMPARISONS) {
    for (const c of [...left, ...right]) unsure.add(c.path);
    return { pairs, unsure };
  }
  const bytes = /* @__PURE__ */ new Map();
  const load = async (c) => {
    const known = bytes.get(c.entry.sha);
    if (known) return known;
    const loaded = await read(c.entry.sha);
    bytes.set(c.entry.sha, loaded);
    return loaded;
  };
  const scores = [];
  for (const s of left) {
    for (const d of right) {
      if (odd(s) || odd(d)) {
        if (s.entry.type !== "commit" && d.entry.type !== "commit") {
          unsure.add(s.path);
          unsure.add(d.path);
        }
        continue;
      }
      scores.push({
        source: s.path,
        destination: d.path,
        score: contentSimilarity(await load(s), await load(d))
      });
    }
  }
  const contenders = scores.filter((x) => x.score >= RENAME_SCORE - SCORE_MARGIN);
  for (const x of contenders) {
    const rivals = contenders.filter(
      (y) => y !== x && (y.source === x.source || y.destination === x.destination)
    );
    if (x.score >= RENAME_SCORE + SCORE_MARGIN && rivals.length === 0) {
      pairs.set(x.source, x.destination);
    } else {
      unsure.add(x.source);
      unsure.add(x.destination);
    }
  }
  return { pairs, unsure };
}
function regular2(entry) {
  return entry.type === "blob" && REGULAR_MODES.has(entry.mode);
}
var EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";
function isEmpty(entry) {
  return entry.sha === EMPTY_BLOB || entry.size === 0;
}

// src/cherry-pick/tree-changes.ts
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

// src/cherry-pick/renamed-files.ts
var MANUAL = "replay the fix on this file by hand (`git cherry-pick -x` shows git's result)";
async function planRenames(source, trees, labels, theirsChanges) {
  const plan = { entries: [], uncertain: [], handled: /* @__PURE__ */ new Set(), theirsRenames: /* @__PURE__ */ new Map() };
  const ours = async (path) => entryAt(source, trees.ours, path);
  const byPath = new Map(theirsChanges.map((change) => [change.path, change]));
  const theirs = await pairRenames(
    theirsChanges.flatMap((c) => c.before && !c.after ? [{ path: c.path, entry: c.before }] : []),
    theirsChanges.flatMap((c) => c.after && !c.before ? [{ path: c.path, entry: c.after }] : []),
    (sha) => source.blob(sha)
  );
  plan.theirsRenames = theirs.pairs;
  const missing = [];
  for (const change of theirsChanges) {
    if (change.before && await ours(change.path) === null) missing.push(change);
  }
  let orphans = false;
  for (const change of theirsChanges) {
    const dir = change.path.includes("/") ? change.path.slice(0, change.path.lastIndexOf("/")) : "";
    if (change.before !== null || dir === "" || orphans) continue;
    const [inBase, inOurs] = [await entryAt(source, trees.base, dir), await ours(dir)];
    orphans = inBase !== null && inOurs === null;
  }
  let oursPairs = /* @__PURE__ */ new Map();
  const oursUnsure = /* @__PURE__ */ new Set();
  if (missing.length > 0 || orphans) {
    const oursChanges = await diffTrees(source, trees.base, trees.ours);
    if (oursChanges.incomplete) {
      for (const change of missing) oursUnsure.add(change.path);
    } else {
      const found = await pairRenames(
        oursChanges.files.flatMap((c) => c.before && !c.after ? [{ path: c.path, entry: c.before }] : []),
        oursChanges.files.flatMap((c) => c.after && !c.before ? [{ path: c.path, entry: c.after }] : []),
        (sha) => source.blob(sha)
      );
      oursPairs = found.pairs;
      for (const path of found.unsure) oursUnsure.add(path);
    }
  }
  const item = (fields) => {
    plan.uncertain.push({ conflictLikely: false, ...fields });
    for (const change of fields.theirs) plan.handled.add(change.path);
  };
  const changesOf = (...paths) => paths.flatMap((path) => {
    const change = byPath.get(path);
    return change ? [change] : [];
  });
  let theirsUnsureMatters = false;
  for (const path of theirs.unsure) {
    const before = byPath.get(path)?.before;
    const there = before ? await ours(path) : null;
    if (before && (there === null || there === "blocked" || there.sha !== before.sha || there.mode !== before.mode)) {
      theirsUnsureMatters = true;
    }
  }
  const unsure = /* @__PURE__ */ new Set([
    ...theirsUnsureMatters ? theirs.unsure : [],
    ...[...oursUnsure].filter((path) => byPath.has(path))
  ]);
  const unsureChanges = changesOf(...unsure);
  if (unsureChanges.length > 0) {
    const paths = [.../* @__PURE__ */ new Set([...unsureChanges.map((c) => c.path), ...[...oursUnsure]])].sort();
    item({
      reason: `git may pair ${paths.join(", ")} as renames differently`,
      paths,
      theirs: unsureChanges,
      onConflict: [],
      undrafted: `a rename git may or may not see here (similar files, or a score near git's 50 % threshold): ${MANUAL}`
    });
  }
  for (const change of theirsChanges) {
    if (change.before !== null || plan.handled.has(change.path) || change.after === null) continue;
    const moved = await movedWithDirectory(source, trees, change.path, oursPairs);
    if (moved === null) continue;
    item({
      reason: `${change.path} is added in a directory the target renamed`,
      paths: [.../* @__PURE__ */ new Set([change.path, moved])].sort(),
      theirs: [change],
      onConflict: [],
      undrafted: `added by the fix in a directory the target renamed; git moves it to \`${moved}\`: check where it belongs`
    });
  }
  for (const [from, to] of theirs.pairs) {
    if (unsure.has(from) || unsure.has(to)) continue;
    const deleted = byPath.get(from);
    const added = byPath.get(to);
    const base = deleted.before;
    const fixed = added.after;
    const changes = [deleted, added];
    const oursFrom = await ours(from);
    const oursTo = await ours(to);
    const oursRenamed = oursPairs.get(from);
    if (oursRenamed !== void 0 && oursRenamed !== to) {
      item({
        reason: `${from} is renamed to ${oursRenamed} on the target and to ${to} by the fix`,
        paths: [from, oursRenamed, to].sort(),
        theirs: changes,
        onConflict: [{ path: to, entry: fixed }],
        conflictLikely: true,
        undrafted: `renamed to \`${oursRenamed}\` on the target and to \`${to}\` by the fix (rename/rename): choose one name and ${MANUAL}`
      });
      continue;
    }
    if (oursRenamed === to) {
      await mergeAt(to, { base, ours: oursTo, theirs: fixed }, changes, [], true);
      continue;
    }
    if (oursFrom === null && oursTo === null && !oursUnsure.has(from)) {
      item({
        reason: `${from} is deleted on the target and renamed to ${to} by the fix`,
        paths: [to],
        theirs: changes,
        onConflict: [{ path: to, entry: fixed }],
        conflictLikely: true,
        undrafted: `deleted on the target, renamed from \`${from}\` by the fix (rename/delete): git leaves the fix's version without markers; keep it or delete it`,
        asGit: true
      });
      continue;
    }
    if (oursFrom === null || oursFrom === "blocked" || oursFrom.type === "tree" || oursTo !== null) {
      item({
        reason: `the fix renames ${from} to ${to}, which the target changed in another way`,
        paths: [to],
        theirs: changes,
        onConflict: oursFrom !== null && oursFrom !== "blocked" && oursFrom.type !== "tree" ? [{ path: from, remove: oursFrom }] : [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` by the fix onto a path the target changed or added: ${MANUAL}`
      });
      continue;
    }
    if (oursFrom.sha === base.sha && oursFrom.mode === base.mode) {
      plan.entries.push({ path: from, remove: oursFrom }, { path: to, entry: fixed });
      plan.handled.add(from).add(to);
      continue;
    }
    await mergeAt(
      to,
      { base, ours: oursFrom, theirs: fixed },
      changes,
      [{ path: from, remove: oursFrom }],
      false,
      {
        ours: `${labels.ours}:${from}`,
        theirs: `${labels.theirs}:${to}`
      }
    );
  }
  for (const [from, to] of oursPairs) {
    const change = byPath.get(from);
    if (!change || plan.handled.has(from) || unsure.has(from) || theirs.pairs.has(from)) continue;
    const base = change.before;
    const oursTo = await ours(to);
    if (byPath.has(to)) {
      item({
        reason: `${from} is renamed to ${to} on the target, where the fix adds a file`,
        paths: [to],
        theirs: changesOf(from, to),
        onConflict: [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` on the target onto a path the fix also writes: ${MANUAL}`
      });
      continue;
    }
    if (change.after === null) {
      item({
        reason: `${from} is renamed to ${to} on the target and deleted by the fix`,
        paths: [to],
        theirs: [change],
        onConflict: [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` on the target, deleted by the fix (rename/delete): git keeps the target's file without markers; keep it or delete it`,
        asGit: true
      });
      continue;
    }
    await mergeAt(to, { base, ours: oursTo, theirs: change.after }, [change], [], true, {
      ours: `${labels.ours}:${to}`,
      theirs: `${labels.theirs}:${from}`
    });
  }
  return plan;
  async function mergeAt(path, versions, changes, extra, oursAtPath, markerLabels = labels) {
    const cannot = (why) => item({
      reason: `${path} (renamed) ${why}`,
      paths: [path],
      theirs: changes,
      onConflict: extra,
      conflictLikely: true,
      undrafted: `renamed, and ${why}: ${MANUAL}`
    });
    const { base, ours: o, theirs: t } = versions;
    if (!regular(base) || !regular(o) || !regular(t)) return cannot("a symlink or submodule on one side");
    const mode = mergeMode(base.mode, o.mode, t.mode);
    if (mode === null) return cannot("its mode changed on both sides");
    if ([base, o, t].some((entry) => (entry.size ?? 0) > MAX_READABLE_BLOB_BYTES)) {
      return cannot("too large to read through GitHub's API");
    }
    const [b, x, y] = await Promise.all([source.blob(base.sha), source.blob(o.sha), source.blob(t.sha)]);
    if ([b, x, y].some(looksBinary)) return cannot("binary on one side");
    const merged = mergeFileLikeGit({
      base: bytesToText(b),
      ours: bytesToText(x),
      theirs: bytesToText(y),
      oursLabel: bytesToText(utf8(markerLabels.ours)),
      theirsLabel: bytesToText(utf8(markerLabels.theirs))
    });
    if (!merged.reproduced) return cannot(merged.why);
    const content = textToBytes(merged.text);
    const write = oursAtPath && mode === o.mode && sameBytes(content, x) ? extra : [...extra, { path, mode, content }];
    if (merged.conflicts === 0) {
      plan.entries.push(...write);
      for (const change of changes) plan.handled.add(change.path);
      return;
    }
    item({
      reason: `${path} (renamed) may conflict`,
      paths: [path],
      theirs: changes,
      onConflict: write,
      conflictLikely: true
    });
  }
}
async function movedWithDirectory(source, trees, path, renames) {
  const parts = path.split("/");
  for (let depth = parts.length - 1; depth >= 1; depth--) {
    const dir = parts.slice(0, depth).join("/");
    const inBase = await entryAt(source, trees.base, dir);
    const inOurs = await entryAt(source, trees.ours, dir);
    if (inBase === null || inBase === "blocked" || inBase.type !== "tree") continue;
    if (inOurs !== null && inOurs !== "blocked" && inOurs.type === "tree") continue;
    const votes = /* @__PURE__ */ new Map();
    for (const [from, to] of renames) {
      if (!from.startsWith(`${dir}/`)) continue;
      const fromDir = from.slice(0, from.lastIndexOf("/"));
      const toDir = to.includes("/") ? to.slice(0, to.lastIndexOf("/")) : "";
      const rest = fromDir.slice(dir.length);
      if (rest !== "" && !toDir.endsWith(rest)) continue;
      const target = toDir.slice(0, toDir.length - rest.length);
      votes.set(target, (votes.get(target) ?? 0) + 1);
    }
    const ranked = [...votes.entries()].sort((x, y) => y[1] - x[1]);
    const [best, second] = ranked;
    if (!best || second && second[1] === best[1]) return best ? path : null;
    const tail = parts.slice(depth).join("/");
    return best[0] === "" ? tail : `${best[0]}/${tail}`;
  }
  return null;
}

// src/cherry-pick/local-pick.ts
var NO_MARKERS = "apply the fix's change by hand (`git cherry-pick -x` shows git's result)";
var MERGE_ATTRIBUTES = /(^|[\s!-])(merge|binary|conflict-marker-size)\b/m;
async function planPick(source, trees, labels) {
  const changes = await diffTrees(source, trees.base, trees.theirs);
  const changedPaths = [...changes.files.map((c) => c.path), ...changes.clashes];
  const plan = { entries: [], uncertain: [], changedPaths, mergedFiles: 0 };
  if (changes.incomplete) {
    plan.uncertain.push({
      reason: "a changed directory is too large to list",
      paths: changedPaths,
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false,
      undrafted: "the fix changes a directory too large for the bot to list: replay the fix by hand"
    });
    return plan;
  }
  for (const path of changes.clashes) {
    plan.uncertain.push({
      reason: `a directory and a file or submodule swap places at ${path}`,
      paths: [path],
      theirs: await clashChanges(source, trees, path),
      onConflict: [],
      conflictLikely: false,
      undrafted: "a directory and a submodule (or a file) swap places here, and git moves one of them aside: replay the fix's change to this path by hand"
    });
  }
  const ours = (path) => entryAt(source, trees.ours, path);
  const isDir = (entry) => entry !== null && entry !== "blocked" && entry.type === "tree";
  const renamed = await planRenames(source, trees, labels, changes.files);
  plan.entries.push(...renamed.entries);
  plan.uncertain.push(...renamed.uncertain);
  const adds = changes.files.some((c) => c.before === null);
  for (const dir of changes.removedDirs) {
    const there = await ours(dir.path);
    if (!adds || !isDir(there) || there.sha === dir.sha) continue;
    const before = new Set(changes.files.filter((c) => c.path.startsWith(`${dir.path}/`)).map((c) => c.path));
    const added = (await source.files(there.sha) ?? []).map((file) => `${dir.path}/${file.path}`).filter((path) => !before.has(path));
    if (added.length === 0) continue;
    const swapped = { base: trees.base, ours: trees.theirs, theirs: trees.ours };
    const moved = await Promise.all(
      added.map((path) => movedWithDirectory(source, swapped, path, renamed.theirsRenames))
    );
    plan.uncertain.push({
      reason: `the target added files under ${dir.path}/, which the picked commit empties`,
      paths: [.../* @__PURE__ */ new Set([...added, ...moved.filter((path) => path !== null)])].sort(),
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false,
      undrafted: `added on the target under ${dir.path}/, which the fix empties; git may move it with the directory: check where it belongs`
    });
  }
  const merges = [];
  for (const change of changes.files) {
    if (renamed.handled.has(change.path)) continue;
    const { path, before: base, after: theirs } = change;
    const o = await ours(path);
    const uncertain = (reason, onConflict = [], conflictLikely = false, forPerson = {}) => plan.uncertain.push({
      reason,
      paths: [path],
      theirs: [change],
      onConflict,
      conflictLikely,
      ...forPerson
    });
    if (o === "blocked" || o !== null && o.type === "tree") {
      const blocker = o === "blocked" ? await blockingPath(source, trees.ours, path) : path;
      plan.uncertain.push({
        reason: `${path} is a directory path on the target`,
        paths: [.../* @__PURE__ */ new Set([path, blocker])].sort(),
        theirs: [change],
        onConflict: [],
        conflictLikely: false,
        undrafted: `the target has a file, submodule or directory in the way at \`${blocker}\`; git moves one of them aside: replay the fix's change here by hand`
      });
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
          plan.uncertain.push({
            reason: `the directory of the new file ${path} is gone on the target`,
            paths: [path],
            theirs: [change],
            onConflict: theirs ? [{ path, entry: theirs }] : [],
            conflictLikely: false,
            undrafted: "added by the fix in a directory the target removed or renamed; git may move it: check where it belongs"
          });
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
      const forPerson = base === null ? { undrafted: `added on both sides, as different kinds of file: ${NO_MARKERS}` } : {
        undrafted: `${kind}, changed on the other side (modify/delete): git leaves the changed version without markers; keep it or delete it`,
        asGit: true
      };
      uncertain(`${path} is ${kind}`, onConflict, true, forPerson);
      continue;
    }
    if (!regular(base) || !regular(o) || !regular(theirs)) {
      uncertain(`${path} is a symlink or submodule changed on both sides`, [], true, {
        undrafted: `a symlink or submodule changed on both sides; the draft keeps the target's: ${NO_MARKERS}`
      });
      continue;
    }
    const mode = mergeMode(base.mode, o.mode, theirs.mode);
    if (mode === null) {
      uncertain(`${path} has its mode changed on both sides`, [], true, {
        undrafted: `its executable bit changed differently on both sides; the draft keeps the target's file: ${NO_MARKERS}`
      });
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
      const undrafted = (reason, undraftedWhy) => plan.uncertain.push({
        reason,
        paths: [change.path],
        theirs: [change],
        onConflict: [],
        conflictLikely: false,
        undrafted: undraftedWhy
      });
      if (attributesChanged || await mergeAttributesApply(source, trees.ours, change.path)) {
        uncertain(`${change.path} may have merge attributes`);
        continue;
      }
      const theirs = change.after;
      if ([change.before, o, theirs].some((entry) => (entry?.size ?? 0) > MAX_READABLE_BLOB_BYTES)) {
        undrafted(
          `${change.path} is too large to read through the API`,
          `over ${MAX_READABLE_BLOB_BYTES / 1024 / 1024} MB, more than GitHub's API serves: the bot keeps the target's version, without the fix's change to it`
        );
        continue;
      }
      const [b, x, y] = await Promise.all([
        change.before ? source.blob(change.before.sha) : Promise.resolve(new Uint8Array()),
        source.blob(o.sha),
        source.blob(theirs.sha)
      ]);
      if ([b, x, y].some(looksBinary)) {
        plan.uncertain.push({
          reason: `${change.path} is binary`,
          paths: [change.path],
          theirs: [change],
          onConflict: [],
          conflictLikely: true,
          undrafted: "a binary file, which git does not merge either: it keeps the target's version, without the fix's change to it; apply the fix's version by hand if it is needed",
          asGit: true
        });
        continue;
      }
      const merged = mergeFileLikeGit({
        base: bytesToText(b),
        ours: bytesToText(x),
        theirs: bytesToText(y),
        oursLabel: bytesToText(utf8(labels.ours)),
        theirsLabel: bytesToText(utf8(labels.theirs))
      });
      if (!merged.reproduced) {
        undrafted(
          `${change.path} may conflict`,
          `${merged.why}: the bot keeps the target's version, without the fix's change to it`
        );
        continue;
      }
      const content = textToBytes(merged.text);
      if (merged.conflicts === 0 && !addedTwice) {
        plan.mergedFiles++;
        if (mode === o.mode && sameBytes(content, x)) continue;
        plan.entries.push({ path: change.path, mode, content });
      } else if (addedTwice) {
        uncertain(`${change.path} is added on both sides`, [{ path: change.path, mode, content }], true);
      } else {
        const blocks = `${merged.conflicts} conflict block${merged.conflicts === 1 ? "" : "s"}`;
        plan.uncertain.push({
          reason: `${change.path} has ${blocks}`,
          paths: [change.path],
          theirs: [change],
          onConflict: [{ path: change.path, mode, content }],
          conflictLikely: true,
          certain: true
        });
      }
    }
  }
  return plan;
}
async function clashChanges(source, trees, path) {
  const [before, after] = await Promise.all([
    entryAt(source, trees.base, path),
    entryAt(source, trees.theirs, path)
  ]);
  const filesOf2 = async (entry) => entry !== null && entry !== "blocked" && entry.type === "tree" ? (await source.files(entry.sha) ?? []).map((file) => ({
    path: `${path}/${file.path}`,
    entry: { mode: file.mode, type: file.type, sha: file.sha }
  })) : entry !== null && entry !== "blocked" ? [{ path, entry }] : [];
  const removed = (await filesOf2(before)).map(({ path: p, entry }) => ({
    path: p,
    before: entry,
    after: null
  }));
  const added = (await filesOf2(after)).map(({ path: p, entry }) => ({ path: p, before: null, after: entry }));
  return [...removed, ...added];
}
async function blockingPath(source, tree, path) {
  for (const dir of parentDirs(path)) {
    const entry = await entryAt(source, tree, dir);
    if (entry !== null && entry !== "blocked" && entry.type !== "tree") return dir;
  }
  return path;
}
async function mergeAttributesApply(source, oursTree, path) {
  for (const dir of ["", ...parentDirs(path)]) {
    const file = await entryAt(source, oursTree, dir === "" ? ".gitattributes" : `${dir}/.gitattributes`);
    if (file === null || file === "blocked" || file.type !== "blob") continue;
    if (MERGE_ATTRIBUTES.test(bytesToText(await source.blob(file.sha)))) return true;
  }
  return false;
}

// src/cherry-pick/server-merge.ts
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
      (item) => item.undrafted === void 0 ? [] : item.paths.map((path) => ({
        path,
        reason: item.undrafted,
        ...item.asGit ? { asGit: true } : {}
      }))
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

// src/cherry-pick/cherry-pick.ts
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
    if (plan.uncertain.every((item) => item.certain)) {
      const drafts = plan.uncertain.flatMap((item) => item.onConflict);
      const entries = [...plan.entries, ...drafts];
      tree = entries.length > 0 ? await writer.tree(headTree, entries) : headTree;
      conflictFiles = [...new Set(plan.uncertain.flatMap((item) => item.paths))].sort();
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

// src/cherry-pick/manual-steps.ts
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

// src/cherry-pick/branch-adoption.ts
var BRANCH_NAME_ATTEMPTS = 5;
function branchNameCandidates(name, attempts = BRANCH_NAME_ATTEMPTS) {
  return Array.from({ length: attempts }, (_, index) => index === 0 ? name : `${name}-${index + 1}`);
}
function sameChange(found, computed) {
  return found.tree === computed.tree && found.message === computed.message && found.parents.length === 1 && computed.parents.length === 1 && (computed.verified !== true || found.verified === true);
}

// src/cherry-pick/place-bot-branch.ts
var NoFreeBranchNameError = class extends HotfixBotError {
  constructor(refused) {
    super(
      `every branch name hotfix-bot may use is taken by commits it did not write (${refused.map((r) => `${r.branch} at ${r.tip.slice(0, 7)}`).join(", ")}); delete them and retry`
    );
    this.refused = refused;
  }
  refused;
  kind = "unworkable";
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

// src/backport/backport-check.ts
var BACKPORT_CHECK_NAME = "hotfix-backport";
function backportCheckOutput(sha, files) {
  return {
    title: backportCheckTitle(files.length),
    summary: [
      "The cherry-pick left files that no conflict marker explains: the bot could not write git's result there,",
      "or git leaves a decision without markers. Apply the fix to each by hand, then a person with write access",
      `comments \`/backport confirm ${sha.slice(0, 12)}\` on this pull request to confirm this head.`,
      "A new push needs a new confirmation."
    ].join("\n"),
    text: files.map((file) => `- \`${file.path.replace(/`/g, "'")}\`: ${escapeMarkdown(file.reason)}`).join("\n")
  };
}
function backportCheckTitle(files) {
  return `${files} file${files === 1 ? " needs" : "s need"} a person before this backport can merge`;
}
async function findBackportRun(ctx, sha) {
  const identity = await ctx.identity();
  const { data } = await ctx.octokit.rest.checks.listForRef({
    ...ctx.repo,
    ref: sha,
    check_name: BACKPORT_CHECK_NAME,
    per_page: 100
  });
  const ours = data.check_runs.filter((run) => run.name === BACKPORT_CHECK_NAME && isOurCheckRun(run, identity)).sort((x, y) => y.id - x.id)[0];
  return ours ? { id: ours.id, conclusion: ours.conclusion, text: ours.output?.text ?? "" } : null;
}
async function openBackportCheck(ctx, sha, output) {
  if (await findBackportRun(ctx, sha)) return;
  const now = ctx.clock().toISOString();
  await createOnce(
    async () => {
      await ctx.octokit.rest.checks.create({
        ...ctx.repo,
        name: BACKPORT_CHECK_NAME,
        head_sha: sha,
        status: "completed",
        conclusion: "failure",
        started_at: now,
        completed_at: now,
        output,
        ...NO_BLIND_RETRY
      });
      return true;
    },
    async () => await findBackportRun(ctx, sha) ? true : null
  );
}
async function passBackportCheck(ctx, run, confirmer, sha) {
  await ctx.octokit.rest.checks.update({
    ...ctx.repo,
    check_run_id: run.id,
    status: "completed",
    conclusion: "success",
    completed_at: ctx.clock().toISOString(),
    output: {
      title: "Confirmed by a person with write access",
      summary: `@${confirmer} confirmed ${sha.slice(0, 12)}: the files listed below were handled by hand.`,
      text: run.text
    }
  });
}

// src/backport/backport-pr-text.ts
var TITLE_MAX2 = 256;
function backportTitle(pr, target) {
  const suffix = ` (backport #${pr.number} to ${target})`;
  const room = TITLE_MAX2 - suffix.length;
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
    const unmarked = new Set((input.undraftedFiles ?? []).map((u) => u.path));
    const marked = input.conflictFiles.filter((file) => !unmarked.has(file)).length;
    lines.push(
      "",
      "> [!WARNING]",
      marked === 0 ? "> The cherry-pick conflicted, in files no conflict marker shows (see below); handle each and push." : unmarked.size === 0 ? "> The cherry-pick conflicted. The commit on this branch contains the conflict markers; resolve them and push." : "> The cherry-pick conflicted. The commit on this branch contains conflict markers in the files not marked otherwise below; resolve them and push.",
      "> The PR stays a draft until a person marks it ready: check that no conflict marker is left before you do.",
      `> The conflict blocks are the ones \`git cherry-pick -x\` writes, except that \`<<<<<<<\` names \`${input.target.replace(/`/g, "'")}\` where git writes \`HEAD\`.`,
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
        "> No conflict marker shows what to do with the files marked **no conflict markers** above: do what each",
        "> says by hand (`git cherry-pick -x` shows git's result). The `hotfix-backport` check stays failing until",
        `> a person with write access confirms the head they checked with \`/backport confirm ${(input.headSha ?? "<sha>").slice(0, 12)}\``,
        "> (a new push needs a new confirmation)."
      );
    }
  }
  lines.push("", `Original author: @${input.pr.author}`);
  return lines.join("\n");
}

// src/backport/backport-to-target.ts
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
    headSha: picked.headSha,
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
  if (picked.undraftedFiles.length > 0) {
    await openBackportCheck(ctx, picked.headSha, backportCheckOutput(picked.headSha, picked.undraftedFiles));
  }
  const opened = {
    number: created.number,
    url: created.html_url,
    labels: [],
    reviewers: [],
    draft: conflict
  };
  const state = await completeBackportPr(ctx, request, where, opened, true, picked.conflictPick, conflict);
  ctx.log.info(`backport to ${target}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
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
  const pr = await findBotPull(ctx, branch, target);
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

// src/backport/enable-auto-merge.ts
var MUTATION = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) {
    pullRequest { number autoMergeRequest { mergeMethod enabledAt } }
  }
}`;
function graphqlMessage(error) {
  const errors = error?.errors;
  const first = Array.isArray(errors) ? errors.find((e) => typeof e?.message === "string")?.message : void 0;
  if (typeof first === "string") return first;
  return errorMessage(error);
}
async function enableAutoMerge(ctx, config, pr) {
  const method = config.backport.autoMergeMethod;
  const at = ctx.clock().toISOString();
  try {
    const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: pr });
    if (data.auto_merge) return { method: data.auto_merge.merge_method, at };
    await ctx.octokit.graphql(MUTATION, { pullRequestId: data.node_id, mergeMethod: method.toUpperCase() });
    return { method, at };
  } catch (error) {
    const message = graphqlMessage(error);
    ctx.log.warn(`auto-merge of backport PR #${pr} not enabled: ${message}`);
    return { method, at, error: message };
  }
}
function autoMergeEntry(hotfixPr, target, backport) {
  const auto = backport.autoMerge;
  if (!auto || backport.pr === void 0) return null;
  return {
    key: `auto-merge-${hotfixPr}-${target}`,
    at: auto.at,
    text: auto.error ? `Auto-merge of the backport to ${target} (#${backport.pr}) not enabled: ${auto.error}; merge it by hand` : `Auto-merge (${auto.method}) enabled on the backport to ${target} (#${backport.pr}): it lands once its required checks pass`,
    ...backport.url ? { url: backport.url } : {}
  };
}

// src/backport/backport-step.ts
var backportStep = async (ctx, config, { pr, target, plan, incident }) => {
  const now = () => ctx.clock().toISOString();
  let backport;
  try {
    if (plan instanceof PickListError) throw plan;
    backport = await backportToTarget(ctx, {
      pr,
      target,
      picks: plan.picks,
      method: plan.method,
      labels: config.backport.labels,
      incident,
      verified: config.commits.verified
    });
  } catch (error) {
    ctx.log.error(`backport to ${target} failed: ${String(error)}`);
    backport = { status: "failed", error: errorMessage(error) };
  }
  const entries = [
    ...refusedBranchEntries(backport.refused, backport.branch, now()),
    backportEntry(pr.number, target, backport, now())
  ];
  if (config.backport.autoMerge && backport.status === "open" && backport.pr !== void 0) {
    backport = { ...backport, autoMerge: await enableAutoMerge(ctx, config, backport.pr) };
    const entry = autoMergeEntry(pr.number, target, backport);
    if (entry) entries.push(entry);
  }
  return { backport, entries };
};
function backportEntry(pr, target, state, at) {
  const key = `backport-${pr}-${target}`;
  switch (state.status) {
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
      return { key, at, text: `Backport to ${target} failed: ${state.error ?? "unknown error"}` };
  }
}

// src/config/deploy-inputs.ts
var DEFAULT_DEPLOY_INPUTS = {
  tag: "{tag}",
  incident: "{incident}"
};
function renderEnvironment(template, line) {
  return fillPlaceholders(template, ENVIRONMENT_PLACEHOLDERS, { line });
}
function renderDeployInputs(configured, values) {
  const inputs = Object.keys(configured).length > 0 ? configured : DEFAULT_DEPLOY_INPUTS;
  const rendered = {};
  for (const [name, template] of Object.entries(inputs)) {
    rendered[name] = fillPlaceholders(template, DEPLOY_PLACEHOLDERS, values);
  }
  return rendered;
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
function dispatchProblem(error, workflow) {
  const status = httpStatus(error);
  if (status === 403)
    return `hotfix-bot may not run workflows: the App needs the "actions: write" permission for deploy.workflow`;
  if (status === 404) return `there is no workflow ${workflow} (or it has no workflow_dispatch trigger)`;
  return errorMessage(error);
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
  const { workflow } = config.deploy;
  const environment = config.deploy.environment === void 0 ? void 0 : renderEnvironment(config.deploy.environment, request.line);
  if (!workflow && !environment) return null;
  const { octokit, repo } = ctx;
  const now = () => ctx.clock().toISOString();
  const deploy = {};
  const entries = [];
  let mustRecord = false;
  if (workflow) {
    const ref = workflow.ref ?? request.line;
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: request.tag,
      incident: request.incident === null ? "" : String(request.incident),
      pr: String(request.pr),
      sha: request.mergeSha,
      severity: request.severity,
      line: request.line
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
        const problem = errorMessage(error);
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

// src/deploy/deploy-step.ts
var deployStep = (ctx, config, { pr, tag, incident, severity }) => triggerDeploy(ctx, config, {
  tag,
  line: pr.baseRef,
  mergeSha: pr.mergeSha,
  pr: pr.number,
  incident,
  severity
});

// src/incident/hotfix-team.ts
var MAX_ASSIGNEES = 10;
var isBot = (login) => login.toLowerCase().endsWith("[bot]");
function people(logins) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const login of logins) {
    if (!login || isBot(login) || seen.has(login.toLowerCase())) continue;
    seen.add(login.toLowerCase());
    out.push(login);
  }
  return out.slice(0, MAX_ASSIGNEES);
}
function incidentAssignees(config, commander) {
  return people([commander, ...config.team.assignees]);
}
function followUpAssignees(config, commander, author) {
  return people([...config.team.assignees, commander || author]);
}
function reviewRequest(config, owner, author) {
  const request = { reviewers: [], teamReviewers: [], refused: [] };
  const seen = /* @__PURE__ */ new Set();
  for (const entry of config.team.reviewers) {
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const slash = entry.indexOf("/");
    if (slash < 0) {
      if (author !== null && key === author.toLowerCase())
        request.refused.push({ reviewer: entry, reason: "the PR's author cannot review it" });
      else request.reviewers.push(entry);
      continue;
    }
    const org = entry.slice(0, slash);
    if (org.toLowerCase() !== owner.toLowerCase())
      request.refused.push({ reviewer: entry, reason: `not a team of ${owner}, which owns the repository` });
    else request.teamReviewers.push(entry.slice(slash + 1));
  }
  return request;
}

// src/follow-ups/security-warnings.ts
var WARNING_LEVELS = /* @__PURE__ */ new Set(["warning", "failure"]);
var LISTED_ANNOTATIONS_MAX = 30;
var FIELD_MAX = 300;
function passedWithWarnings(conclusion, warningAnnotations) {
  return conclusion === "neutral" || conclusion === "success" && warningAnnotations > 0;
}
function annotationLine(annotation) {
  const where = escapeTableCell(truncate(`${annotation.path}:${annotation.startLine}`, FIELD_MAX));
  const title = annotation.title ? `**${escapeTableCell(truncate(annotation.title, FIELD_MAX))}**: ` : "";
  const message = escapeTableCell(truncate(annotation.message ?? "", FIELD_MAX));
  return `- \`${annotation.level === "failure" ? "failure" : "warning"}\` ${where}: ${title}${message}`;
}
function runLink(url) {
  return url && /^https?:\/\/[^\s()<>[\]]+$/.test(url) ? `[the check run](${url})` : "the check run";
}
function securityWarningsSection(runs) {
  const lines = ["## Security scan warnings", ""];
  let budget = LISTED_ANNOTATIONS_MAX;
  for (const run of runs) {
    const named2 = `${escapeTableCell(truncate(run.name, 100))} (${escapeTableCell(truncate(run.app, 100))})`;
    const count = `${run.warningsTotal} warning annotation${run.warningsTotal === 1 ? "" : "s"}`;
    lines.push(`### ${named2}: ${run.conclusion}, ${count}`);
    const listed = run.annotations.slice(0, budget);
    budget -= listed.length;
    lines.push(...listed.map(annotationLine));
    const more = run.warningsTotal - listed.length;
    const where = runLink(run.url);
    if (more > 0) lines.push(`- \u2026 and ${more} more: see ${where}`);
    if (run.warningsTotal === 0) lines.push(`- concluded neutral without a warning annotation: see ${where}`);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

// src/follow-ups/templates.ts
function renderTemplate(template, values) {
  return fillPlaceholders(template, FOLLOW_UP_PLACEHOLDERS, values);
}

// src/follow-ups/plan-follow-ups.ts
var TEMPORARY_FIX_LABEL = "temporary-fix";
var TEMPLATE_KEY = {
  "post-mortem": "postMortem",
  "proper-fix": "properFix",
  "regression-tests": "regressionTests",
  "post-deploy-review": "postDeployReview",
  "security-review": "securityReview"
};
var TITLE_MAX3 = 256;
var BODY_MAX = 65e3;
var MARKER_PREFIX = "<!-- hotfix-bot:follow-up ";
var MARKER2 = /<!-- hotfix-bot:follow-up (\{[^<>]*\}) -->/g;
function followUpMarker(pr, kind) {
  return `${MARKER_PREFIX}${JSON.stringify({ pr, kind })} -->`;
}
function parseFollowUpMarkers(body) {
  if (!body) return [];
  const found = [];
  for (const match of body.matchAll(MARKER2)) {
    try {
      const data = JSON.parse(match[1]);
      if (typeof data !== "object" || data === null) continue;
      const { pr, kind } = data;
      if (Number.isSafeInteger(pr) && pr > 0 && FOLLOW_UP_KINDS.includes(kind)) {
        found.push({ pr, kind });
      }
    } catch {
    }
  }
  return found;
}
function followUpKindsFor(input) {
  const kinds = ["post-mortem"];
  if (input.pr.labels.some((l) => l.toLowerCase() === TEMPORARY_FIX_LABEL)) kinds.push("proper-fix");
  const isTest = globMatcher(input.testGlobs);
  if (!input.changedFiles.some((file) => isTest(file))) kinds.push("regression-tests");
  if (!input.approved) kinds.push("post-deploy-review");
  if ((input.securityWarnings?.length ?? 0) > 0) kinds.push("security-review");
  return kinds;
}
var NONE = "(none)";
function templateValues(input, present) {
  return {
    pr: `#${input.pr.number}`,
    incident: input.incident === null ? NONE : `#${input.incident}`,
    jira: input.jiraKey === null ? NONE : present(input.jiraKey),
    tag: input.tag === null ? NONE : present(input.tag),
    title: present(input.pr.title),
    severity: input.severity,
    author: present(input.pr.author),
    url: input.pr.url
  };
}
function unlistedFilesNote(input) {
  const total = input.changedFilesTotal ?? input.changedFiles.length;
  if (total <= input.changedFiles.length) return "";
  return `

GitHub listed only ${input.changedFiles.length} of the ${total} files this pull request changed, and none of those is a test file; check the rest by hand and close this issue if a regression test is among them.`;
}
function followUpDueAt(config, kind, mergedAt) {
  return new Date(mergedAt.getTime() + durationMs(config.followUps.due[TEMPLATE_KEY[kind]])).toISOString();
}
function formatDueTime(iso) {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
var oneLine = (text) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();
function planFollowUps(input) {
  const kinds = followUpKindsFor({
    pr: input.pr,
    changedFiles: input.changedFiles,
    testGlobs: input.config.followUps.testGlobs,
    severity: input.severity,
    approved: input.approved,
    ...input.securityWarnings ? { securityWarnings: input.securityWarnings } : {}
  });
  const titleValues = templateValues(input, oneLine);
  const bodyValues = templateValues(input, escapeMarkdown);
  const assignees = followUpAssignees(input.config, input.commander, input.pr.author);
  return kinds.flatMap((kind) => {
    const template = input.config.followUps[TEMPLATE_KEY[kind]];
    if (!template.enabled) return [];
    const title = truncate(oneLine(renderTemplate(template.title, titleValues)), TITLE_MAX3);
    const marker = followUpMarker(input.pr.number, kind);
    const dueAt = followUpDueAt(input.config, kind, input.mergedAt);
    const due = `Due: ${formatDueTime(dueAt)} (${input.config.followUps.due[TEMPLATE_KEY[kind]]} after #${input.pr.number} merged)`;
    const text = `${renderTemplate(template.body, bodyValues).replace(/\s+$/, "")}${kind === "regression-tests" ? unlistedFilesNote(input) : ""}${kind === "security-review" ? `

${securityWarningsSection(input.securityWarnings ?? [])}` : ""}`;
    const tail = `

${due}

${marker}`;
    const body = `${truncate(text, BODY_MAX - tail.length)}${tail}`;
    return [{ kind, title, body, labels: [...template.labels], assignees: [...assignees], dueAt }];
  });
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
  if (plan.assignees.length > 0) {
    const assignees = plan.assignees;
    try {
      return { ...await createOnce(() => send(assignees), find), writes };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
    }
    const created = await createOnce(() => send(), find);
    writes++;
    try {
      await octokit.rest.issues.addAssignees({
        ...repo,
        issue_number: created.number,
        assignees: plan.assignees
      });
    } catch (error) {
      const status = httpStatus(error);
      if (status === void 0 || status >= 500) throw error;
    }
    return { ...created, writes };
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

// src/patterns/check-name-glob.ts
function matchesCheckName(pattern, name) {
  if (pattern === name) return true;
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === "?" || c !== void 0 && c !== "*" && c === name[n]) {
      p += 1;
      n += 1;
    } else if (c === "*") {
      star = p;
      resume = n;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      n = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p += 1;
  return p === pattern.length;
}

// src/rules/rule-result.ts
var SEVERITY = { pass: 0, warn: 1, pending: 2, fail: 3 };
function worstState(states) {
  let worst = "pass";
  for (const state of states) if (SEVERITY[state] > SEVERITY[worst]) worst = state;
  return worst;
}

// src/rules/required-checks.ts
function checkRunFactOf(run) {
  return {
    id: Number(run.id),
    name: run.name,
    status: run.status,
    conclusion: run.conclusion ?? null,
    startedAt: run.started_at ?? null,
    completedAt: run.completed_at ?? null,
    app: run.app ? { id: run.app.id, slug: run.app.slug ?? String(run.app.id) } : null
  };
}
function statusAsCheckRun(status) {
  const pending = status.state === "pending";
  return {
    id: status.id,
    name: status.context,
    status: pending ? "pending" : "completed",
    conclusion: pending ? null : status.state,
    startedAt: status.createdAt,
    completedAt: pending ? null : status.createdAt,
    app: null,
    creator: status.creator
  };
}
var time = (iso) => {
  if (iso === null) return Number.POSITIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};
function newer(a, b) {
  const started = time(a.startedAt) - time(b.startedAt);
  if (started !== 0 && !Number.isNaN(started)) return started > 0;
  if (isStatus(a) && isStatus(b)) return a.id > b.id;
  const completed = time(a.completedAt) - time(b.completedAt);
  if (completed !== 0 && !Number.isNaN(completed)) return completed > 0;
  return a.id > b.id;
}
function isStatus(run) {
  return run.app === null && run.creator !== null && run.creator !== void 0;
}
function reporterKey(run) {
  if (run.app) return `app:${run.app.id}`;
  if (run.creator) return `user:${run.creator.id}`;
  return "?";
}
function latestRunPerName(runs) {
  const latest = /* @__PURE__ */ new Map();
  for (const run of runs) {
    const key = `${reporterKey(run)}\0${run.name}`;
    const current = latest.get(key);
    if (!current || newer(run, current)) latest.set(key, run);
  }
  return [...latest.values()];
}
function reportedBy(run, app) {
  if (!run.app) return false;
  if (typeof app === "number" || /^[0-9]+$/.test(app)) return run.app.id === Number(app);
  return run.app.slug.toLowerCase() === app.toLowerCase();
}
function createdBy(run, creator) {
  if (!run.creator) return false;
  if (typeof creator === "number" || /^[0-9]+$/.test(creator)) return run.creator.id === Number(creator);
  return run.creator.login.toLowerCase() === creator.toLowerCase();
}
function counts(check, run) {
  if (check.app !== null) return reportedBy(run, check.app);
  if (check.creator !== null) return createdBy(run, check.creator);
  return true;
}
function pinOf(check) {
  if (check.app !== null) return String(check.app);
  if (check.creator !== null) return String(check.creator);
  return null;
}
function runState(run, config) {
  if (run.status !== "completed") return "pending";
  switch (run.conclusion) {
    case "success":
      return "pass";
    case "neutral":
      return config.checks.neutralPasses ? "pass" : "fail";
    case "skipped":
      return config.checks.skippedPasses ? "pass" : "fail";
    default:
      return "fail";
  }
}
var appName = (run) => run.app?.slug ?? run.creator?.login ?? "an unknown app";
function describe(run) {
  return run.status === "completed" ? run.conclusion ?? "completed" : run.status;
}
function listNames(items) {
  return items.length > 5 ? `${items.slice(0, 5).join(", ")}, \u2026 (${items.length})` : items.join(", ");
}
function passedByApp(items) {
  const byApp = /* @__PURE__ */ new Map();
  for (const item of items) {
    const [app = "", name = ""] = item.split("\0");
    byApp.set(app, [...byApp.get(app) ?? [], name]);
  }
  return [...byApp].map(([app, names]) => `${listNames(names)} (${app})`).join("; ");
}
function entryVerdict(check, latest, config) {
  const passed = [];
  const waiting = [];
  const failed = [];
  const runs = latest.filter((run) => matchesCheckName(check.name, run.name));
  const pin = pinOf(check);
  const counted = runs.filter((run) => counts(check, run));
  const missing = counted.length === 0 ? `${check.name}${pin === null ? "" : ` from ${pin}`}` : null;
  if (missing !== null) waiting.push(`${missing} (not reported yet)`);
  for (const run of runs) {
    const state = runState(run, config);
    const shown = `${run.name} (${describe(run)}, ${appName(run)})`;
    if (state === "fail") failed.push(shown);
    else if (!counted.includes(run)) continue;
    else if (state === "pending") waiting.push(shown);
    else passed.push(`${appName(run)}\0${run.name}`);
  }
  return { passed, waiting, failed, missing };
}
function category(rule, label, field, checks, runs, config) {
  if (checks.length === 0) {
    return {
      rule,
      label,
      state: "warn",
      reason: `none configured (${field} is empty): no ${label.toLowerCase()} result is required`
    };
  }
  const passed = /* @__PURE__ */ new Set();
  const waiting = /* @__PURE__ */ new Set();
  const failed = /* @__PURE__ */ new Set();
  const missing = /* @__PURE__ */ new Set();
  for (const check of checks) {
    const verdict2 = entryVerdict(check, runs, config);
    for (const item of verdict2.passed) passed.add(item);
    for (const item of verdict2.waiting) waiting.add(item);
    for (const item of verdict2.failed) failed.add(item);
    if (verdict2.missing !== null) missing.add(verdict2.missing);
  }
  const reported = runs.filter((run) => checks.some((check) => matchesCheckName(check.name, run.name)));
  const details = [
    ...[...missing].map((name) => `${name}: not reported yet`),
    ...reported.map((run) => `${run.name}: ${describe(run)} (${appName(run)})`)
  ];
  const state = worstState([
    ...[...failed].map(() => "fail"),
    ...[...waiting].map(() => "pending"),
    "pass"
  ]);
  let reason;
  if (state === "fail") {
    const hint = [...failed].some((f) => /\((neutral|skipped),/.test(f)) ? " (neutral/skipped count as passing only with checks.neutralPasses/skippedPasses)" : "";
    reason = `failed: ${listNames([...failed])}${hint}`;
  } else if (state === "pending") reason = `waiting for ${listNames([...waiting])}`;
  else reason = `passed: ${passedByApp([...passed])}`;
  return { rule, label, state, reason, details };
}
function checkRequiredChecks(runs, config, ownName) {
  const latest = latestRunPerName(runs.filter((run) => run.name !== ownName));
  return [
    category(
      "critical-tests",
      "Critical tests",
      "checks.criticalTests",
      config.checks.criticalTests,
      latest,
      config
    ),
    category(
      "security-scan",
      "Security scan",
      "checks.securityScan",
      config.checks.securityScan,
      latest,
      config
    )
  ];
}
function countedRuns(checks, runs) {
  return latestRunPerName(runs).filter(
    (run) => checks.some((check) => matchesCheckName(check.name, run.name) && counts(check, run))
  );
}
function isRequiredCheckName(name, config) {
  return [...config.checks.criticalTests, ...config.checks.securityScan].some(
    (check) => matchesCheckName(check.name, name)
  );
}

// src/follow-ups/read-security-warnings.ts
var MAX_CHECK_RUN_PAGES = 3;
var MAX_ANNOTATION_PAGES = 2;
async function readSecurityWarnings(ctx, config, headSha) {
  if (config.checks.securityScan.length === 0) return [];
  const { octokit, repo } = ctx;
  const { items } = await collectPages(
    octokit.paginate.iterator(octokit.rest.checks.listForRef, {
      ...repo,
      ref: headSha,
      filter: "latest",
      per_page: PER_PAGE
    }),
    MAX_CHECK_RUN_PAGES
  );
  const runs = items.map((run) => ({
    ...checkRunFactOf(run),
    url: run.html_url ?? null,
    annotationsCount: run.output?.annotations_count ?? 0
  }));
  const scans = countedRuns(config.checks.securityScan, runs);
  const found = [];
  for (const run of scans.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)) {
    if (run.status !== "completed" || run.conclusion !== "success" && run.conclusion !== "neutral")
      continue;
    const annotations = run.annotationsCount > 0 ? await readAnnotations(ctx, run.id) : null;
    const warnings = (annotations?.items ?? []).filter((a) => WARNING_LEVELS.has(a.level));
    const unread = annotations?.complete === false ? run.annotationsCount - annotations.items.length : 0;
    const total = warnings.length + unread;
    if (!passedWithWarnings(run.conclusion, total)) continue;
    found.push({
      name: run.name,
      app: run.app?.slug ?? "an unknown app",
      conclusion: run.conclusion,
      url: run.url,
      annotations: warnings.slice(0, LISTED_ANNOTATIONS_MAX),
      warningsTotal: total
    });
  }
  return found;
}
async function readAnnotations(ctx, checkRunId) {
  const { octokit, repo } = ctx;
  const { items, complete } = await collectPages(
    octokit.paginate.iterator(octokit.rest.checks.listAnnotations, {
      ...repo,
      check_run_id: checkRunId,
      per_page: PER_PAGE
    }),
    MAX_ANNOTATION_PAGES
  );
  return {
    complete,
    items: items.map((a) => ({
      path: a.path,
      startLine: a.start_line,
      level: a.annotation_level ?? "notice",
      title: a.title ?? null,
      message: a.message ?? null
    }))
  };
}

// src/follow-ups/follow-ups-step.ts
var followUpsStep = async (ctx, config, input) => {
  const { pr } = input;
  const plans = planFollowUps({
    config,
    pr: { number: pr.number, title: pr.title, author: pr.author, labels: pr.labels, url: pr.url },
    changedFiles: input.changedFiles.files,
    changedFilesTotal: input.changedFiles.total,
    severity: input.severity,
    approved: input.approved,
    incident: input.incident,
    jiraKey: input.jiraKey,
    tag: input.tag,
    commander: input.commander,
    mergedAt: new Date(pr.mergedAt),
    securityWarnings: await readSecurityWarnings(ctx, config, pr.headSha)
  });
  const now = () => ctx.clock().toISOString();
  const opened = [];
  const entries = [];
  for (const followUp of await openFollowUps(ctx, { plans, since: new Date(pr.mergedAt), pr: pr.number })) {
    const dueAt = plans.find((plan) => plan.kind === followUp.kind)?.dueAt;
    opened.push({
      kind: followUp.kind,
      issue: followUp.issue,
      url: followUp.url,
      ...dueAt ? { dueAt } : {}
    });
    entries.push({
      key: `follow-up-${pr.number}-${followUp.kind}`,
      at: now(),
      text: `Follow-up #${followUp.issue} opened (${followUp.kind})${dueAt ? `, due ${formatDueTime(dueAt)}` : ""}`,
      url: followUp.url
    });
  }
  return { opened, entries };
};

// src/incident/tag-name.ts
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

// src/release/line-tag.ts
function lineTagPlan(config, line) {
  if (!isMaintenanceLine(config, line)) {
    return { line, scheme: config.release.tagScheme, family: null, fallback: null };
  }
  return { line, scheme: "semver-patch", family: lineTagPrefix(config, line), fallback: "hotfix-date" };
}
function familyTags(plan, names) {
  const family = plan.family;
  return family === null ? [...names] : names.filter((name) => name.startsWith(family));
}
function noLineTagNote(plan, tag) {
  const family = plan.family === null ? "vX.Y.Z" : `${plan.family}*`;
  return `${plan.line} has no ${family} tag reachable from the merge, so it was tagged ${tag}; tag the line's latest release (${family}) and later hotfixes on it are tagged as its next patch`;
}

// src/release/release-notes.ts
var RELEASE_NOTES_MAX = 1e5;
var MAX_LISTED_COMMITS = 250;
function commitSubject(message) {
  return escapeMarkdown(truncate((message.split(/\r?\n/, 1)[0] ?? "").trim(), 200));
}
function commitLines(commits) {
  const listed = commits.slice(0, MAX_LISTED_COMMITS).map((c) => {
    const sha = c.sha.replace(/[^0-9a-f]/gi, "").slice(0, 7);
    return `- \`${sha}\` ${commitSubject(c.message)}`;
  });
  if (commits.length > MAX_LISTED_COMMITS) listed.push(`- \u2026 and ${commits.length - MAX_LISTED_COMMITS} more`);
  return listed.length > 0 ? listed : ["- (no commits listed)"];
}
function renderReleaseNotes(input) {
  const { pr } = input;
  const lines = [
    `Hotfix release \`${input.tag}\`.`,
    "",
    `- Pull request: [#${pr.number} ${escapeMarkdown(pr.title)}](${linkTarget(pr.url)}) by ${escapeMarkdown(`@${pr.author}`)}`,
    `- Incident: ${input.incident === null ? "none" : `#${input.incident}`}`,
    `- Jira: ${input.jiraKey === null ? "none" : escapeMarkdown(input.jiraKey)}`,
    "",
    "### Commits",
    "",
    ...commitLines(input.commits),
    ""
  ];
  return truncate(lines.join("\n"), RELEASE_NOTES_MAX);
}
function changelogHeading(tag, mergedAt) {
  return `## ${tag} (${mergedAt.toISOString().slice(0, 10)})`;
}
function changelogEntry(input) {
  const { pr } = input;
  const refs = [
    `[#${pr.number}](${linkTarget(pr.url)})`,
    ...input.incident === null ? [] : [`incident #${input.incident}`],
    ...input.jiraKey === null ? [] : [escapeMarkdown(input.jiraKey)]
  ];
  const title = escapeMarkdown(pr.title.replace(/\r\n|\r|\n/g, " "));
  return `${changelogHeading(input.tag, input.mergedAt)}

### Fixed

- ${title} (${refs.join(", ")})
`;
}
var CHANGELOG_TITLE = "# Changelog\n";
function prependChangelog(existing, entry) {
  if (existing === null || existing.trim() === "") return `${CHANGELOG_TITLE}
${entry}`;
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const normalised = entry.replace(/\r?\n/g, eol).replace(/(\r?\n)*$/, eol);
  const heading = entry.split(/\r?\n/, 1)[0] ?? "";
  const lines = existing.split(/\r?\n/);
  if (heading !== "" && lines.includes(heading)) return existing;
  const firstSection = lines.findIndex((line) => /^##\s/.test(line));
  if (firstSection === -1) {
    const body = existing.endsWith(eol) ? existing : existing + eol;
    return `${body}${eol}${normalised}`;
  }
  const before = lines.slice(0, firstSection).join(eol);
  const after = lines.slice(firstSection).join(eol);
  return `${before}${before === "" ? "" : eol}${normalised}${eol}${after}`;
}

// src/release/update-changelog.ts
var CHANGELOG_PATH = "CHANGELOG.md";
var MAX_ATTEMPTS = 3;
var ChangelogConflictError = class extends HotfixBotError {
  constructor(repo, branch) {
    super(`${CHANGELOG_PATH} on ${repo.owner}/${repo.repo}@${branch} kept changing under us; not updated`);
    this.repo = repo;
    this.branch = branch;
    this.name = "ChangelogConflictError";
  }
  repo;
  branch;
  kind = "contention";
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
var TagNameExhaustedError = class extends HotfixBotError {
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
  kind = "contention";
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
async function findSemverTag(octokit, repo, input, plan, n) {
  const refs = await listTagRefs(octokit, repo, plan.family ?? "v", n);
  const byName = new Map(refs.map((r) => [r.name, r]));
  const taken = new Set(refs.map((r) => r.name));
  for (const tag of semverTagsDescending(familyTags(plan, [...byName.keys()]))) {
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
  const plan = lineTagPlan(input.config, input.line ?? input.config.productionBranch);
  let scheme = plan.scheme;
  let found = scheme === "semver-patch" ? await findSemverTag(octokit, repo, input, plan, n) : await findHotfixDateTag(octokit, repo, input, n);
  if (found.existing) return { tag: found.existing.name, tagSha: found.existing.sha, created: false };
  let note;
  if (scheme === "semver-patch" && found.existingTags.length === 0 && plan.fallback !== null) {
    scheme = plan.fallback;
    found = await findHotfixDateTag(octokit, repo, input, n);
    note = (tag) => noLineTagNote(plan, tag);
    if (found.existing) {
      const { name, sha } = found.existing;
      return { tag: name, tagSha: sha, created: false, note: note(name) };
    }
  }
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
      return { tag: name, tagSha: tagObject.sha, created: true, ...note ? { note: note(name) } : {} };
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
        // The changelog of the line the fix went into.
        branch: input.line ?? input.config.productionBranch,
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
      result.changelog = { updated: false, error: errorMessage(error) };
    }
  }
  result.writes = n.writes;
  result.reads = n.reads;
  return result;
}

// src/release/release-step.ts
var releaseStep = async (ctx, config, { pr, incident, jiraKey, commits }) => {
  const released = await tagAndRelease(ctx.octokit, ctx.repo, {
    config,
    line: pr.baseRef,
    mergeSha: pr.mergeSha,
    mergedAt: new Date(pr.mergedAt),
    pr: { number: pr.number, title: pr.title, url: pr.url, author: pr.author },
    incident,
    jiraKey,
    commits
  });
  const now = () => ctx.clock().toISOString();
  const entries = [{ key: `tag-${pr.number}`, at: now(), text: `Tagged ${released.tag}` }];
  if (released.note) entries.push({ key: `tag-note-${pr.number}`, at: now(), text: released.note });
  if (released.release) {
    entries.push({
      key: `release-${pr.number}`,
      at: now(),
      text: `Release ${released.tag} published`,
      url: released.release.url
    });
  }
  return {
    tag: released.tag,
    ...released.release ? { release: released.release } : {},
    entries
  };
};

// src/after-merge-wiring.ts
var afterMergeSteps = {
  release: releaseStep,
  deploy: deployStep,
  backport: backportStep,
  noticeBackportsWithoutPr,
  followUps: followUpsStep
};
var runAfterMergeWithTarget = (ctx, config, pr, target) => runAfterMerge(ctx, config, pr, afterMergeSteps, { extraTargets: [target] });

// src/sweep/tasks/finish-after-merge.ts
var finishAfterMerge = {
  name: "after-merge",
  async run(ctx, swept) {
    const results = [];
    for (const pr of swept.mergedHotfixes) {
      const target = `#${pr.number}`;
      try {
        const { state } = await timelineOfMergedHotfix(swept, pr);
        const claimed = swept.claims.has(pr.number);
        if (state?.pipelines[String(pr.number)]?.done) {
          if (claimed) {
            await releasePipeline(ctx, pr.number);
            results.push({ task: this.name, target, outcome: "finished", detail: "stale claim deleted" });
          }
          continue;
        }
        const age = swept.now.getTime() - Date.parse(pr.mergedAt);
        if (claimed && age < swept.staleAfterMs) {
          ctx.log.info(`sweep: the pipeline of ${target} is claimed by a run in progress; left to it`);
          continue;
        }
        ctx.log.info(`sweep: finishing the after-merge pipeline of ${target}`);
        await runAfterMerge(ctx, swept.config, pr, afterMergeSteps, { takeOver: claimed });
        results.push({
          task: this.name,
          target,
          outcome: "finished",
          detail: "after-merge pipeline finished"
        });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/intake/notify-intake.ts
function notifyDeclared(ctx, config, incident) {
  return notifyMilestone(ctx, config, incident, "declared", (state) => {
    const declared = state.entries.find((e) => e.key === "declared");
    return declared ? { summary: declared.text, at: declared.at } : null;
  });
}
function notifyDraftPr(ctx, config, incident) {
  return notifyMilestone(ctx, config, incident, "draft-pr", (state) => {
    const pr = state.intake?.pr;
    if (!pr) return null;
    return {
      summary: `${pr.byBot ? "Draft PR" : "PR"} #${pr.number} opened from ${state.intake?.branch ?? "the hotfix branch"}`,
      at: pr.openedAt,
      links: [{ label: `PR #${pr.number}`, url: pr.url }]
    };
  });
}

// src/intake/draft-base.ts
function draftBase(config, intake) {
  return intake.line !== void 0 && isProductionLine(config, intake.line) ? intake.line : config.productionBranch;
}

// src/intake/draft-pr-text.ts
var TITLE_MAX4 = 256;
function placeholderKey(config) {
  return `${config.title.projects[0] ?? "KEY"}-000`;
}
function draftTitle(incidentTitle, config) {
  const summary = incidentTitle.replace(/\s+/g, " ").trim() || "hotfix";
  const format = config.title.format.trim();
  const fixed = format.replace(/\{key\}/g, placeholderKey(config)).replace(/\{summary\}/g, "").length;
  const room = Math.max(1, TITLE_MAX4 - fixed);
  const cut = summary.length > room ? `${summary.slice(0, Math.max(0, room - 1)).trimEnd()}\u2026` : summary;
  return format.replace(
    /\{key\}|\{summary\}/g,
    (token) => token === "{key}" ? placeholderKey(config) : cut
  );
}
function draftBody(input) {
  const key = placeholderKey(input.config);
  return [
    `Incident: #${input.incident}`,
    "",
    `Draft opened by hotfix-bot on the first push to ${codeSpan(input.branch)}. Before it merges into ${codeSpan(input.productionBranch)}:`,
    "",
    `- [ ] Replace ${codeSpan(key)} in the title with the Jira key (the title rule of ${codeSpan("hotfix-gate")} fails until then).`,
    `- [ ] Confirm the impact on #${input.incident}.`,
    "- [ ] Keep the fix minimal.",
    "- [ ] The critical tests and the security scan pass.",
    `- [ ] The rollback plan on #${input.incident} still holds.`,
    "- [ ] Mark this pull request ready for review.",
    "",
    `_Title format: ${escapeMarkdown(input.config.title.format)}._`
  ].join("\n");
}

// src/intake/team-requests.ts
var named = (logins) => logins.map((login) => `@${login}`).join(", ");
async function assignIncident(ctx, config, incident, state) {
  if (state.entries.some((e) => e.key === "assigned")) return state;
  const wanted = incidentAssignees(config, state.commander);
  if (wanted.length === 0) return state;
  const at = ctx.clock().toISOString();
  try {
    const { data } = await ctx.octokit.rest.issues.addAssignees({
      ...ctx.repo,
      issue_number: incident,
      assignees: wanted
    });
    const got = new Set((data.assignees ?? []).map((a) => a.login.toLowerCase()));
    const assigned = wanted.filter((login) => got.has(login.toLowerCase()));
    const missing = wanted.filter((login) => !got.has(login.toLowerCase()));
    const text = (assigned.length > 0 ? `Assigned ${named(assigned)}` : "Nobody could be assigned") + (missing.length > 0 ? `; GitHub did not assign ${named(missing)} (no such user, or no access to the repository)` : "");
    return addEntry(state, { key: "assigned", at, text });
  } catch (error) {
    const status = httpStatus(error);
    if (status === void 0 || status >= 500 || status === 429) throw error;
    return addEntry(state, {
      key: "assigned",
      at,
      text: `Could not assign ${named(wanted)}: ${errorMessage(error)}`
    });
  }
}
async function askForReviews(ctx, pr, reviewers, teamReviewers) {
  await ctx.octokit.rest.pulls.requestReviewers({
    ...ctx.repo,
    pull_number: pr,
    reviewers,
    team_reviewers: teamReviewers
  });
}
async function requestTeamReviews(ctx, config, pr, state) {
  const key = `reviewers-${pr.number}`;
  if (state.entries.some((e) => e.key === key)) return state;
  const request = reviewRequest(config, ctx.repo.owner, pr.author);
  const refused = request.refused.map((r) => `${r.reviewer} (${r.reason})`);
  const everyone = [
    ...request.reviewers.map((r) => ({ user: r })),
    ...request.teamReviewers.map((t) => ({ team: t }))
  ];
  if (everyone.length === 0 && refused.length === 0) return state;
  const asked = [];
  const clientError = (error) => {
    const status = httpStatus(error);
    return status !== void 0 && status >= 400 && status < 500 && status !== 429;
  };
  if (everyone.length > 0) {
    try {
      await askForReviews(ctx, pr.number, request.reviewers, request.teamReviewers);
      asked.push(
        ...request.reviewers.map((r) => `@${r}`),
        ...request.teamReviewers.map((t) => `${ctx.repo.owner}/${t}`)
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
            "team" in one ? [one.team] : []
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
    ...asked.length > 0 ? [`Review requested on #${pr.number} from ${asked.join(", ")}`] : [],
    ...refused.length > 0 ? [`could not request a review on #${pr.number} from ${refused.join("; ")}`] : []
  ];
  const text = parts.join("; ");
  return addEntry(state, {
    key,
    at: ctx.clock().toISOString(),
    text: text.charAt(0).toUpperCase() + text.slice(1)
  });
}

// src/intake/open-draft-pr.ts
async function openPullFrom(ctx, base, branch) {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "open",
    per_page: 10
  });
  const pr = data[0];
  return pr ? { number: pr.number, url: pr.html_url, openedAt: pr.created_at, byBot: false } : null;
}
async function openDraftPr(ctx, config, push) {
  const { octokit, repo } = ctx;
  const timeline = await readTimeline(ctx, push.incident);
  const state = timeline.state;
  const intake = state?.intake;
  if (!state || !intake || intake.branch !== push.branch) return null;
  if (intake.report?.commit === push.after) return null;
  if (intake.pr) return { pr: intake.pr.number, created: false };
  const base = draftBase(config, intake);
  let pr = await openPullFrom(ctx, base, push.branch);
  let created = false;
  if (!pr) {
    const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: push.incident });
    if (issue.state !== "open") {
      ctx.log.info(`the incident is closed: no draft PR for ${push.branch}`);
      return null;
    }
    try {
      const { data } = await octokit.rest.pulls.create({
        ...repo,
        head: push.branch,
        base,
        title: draftTitle(issue.title, config),
        body: draftBody({
          incident: push.incident,
          branch: push.branch,
          productionBranch: base,
          config
        }),
        draft: true
      });
      pr = { number: data.number, url: data.html_url, openedAt: data.created_at, byBot: true };
      created = true;
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      pr = await openPullFrom(ctx, base, push.branch);
      if (!pr) {
        ctx.log.info(`no draft PR for ${push.branch}: ${errorMessage(error)}`);
        return null;
      }
    }
  }
  let next = { ...state, intake: { ...intake, pr } };
  next = await requestTeamReviews(ctx, config, { number: pr.number, author: null }, next);
  next = addEntry(next, {
    key: `pr-${pr.number}`,
    at: pr.openedAt,
    text: pr.byBot ? `Draft PR #${pr.number} opened on the first push` : `PR #${pr.number} opened`,
    url: pr.url
  });
  const written = await writeTimeline(ctx, push.incident, timeline.commentId, next);
  return { pr: pr.number, created, timeline: written.markdown };
}

// src/sweep/tasks/finish-draft-pr.ts
var finishDraftPr = {
  name: "draft-pr",
  async run(ctx, swept) {
    const results = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const target = `#${issue.number}`;
      try {
        const { state } = await swept.timeline(issue.number);
        const intake = state?.intake;
        if (!intake?.checklist || intake.pr) continue;
        let tip;
        try {
          const { data } = await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref: `heads/${intake.branch}` });
          tip = data.object.sha;
        } catch (error) {
          if (httpStatus(error) === 404) continue;
          throw error;
        }
        if (tip === intake.baseSha || tip === intake.report?.commit) continue;
        const opened = await withIncidentLock(
          ctx,
          issue.number,
          () => openDraftPr(ctx, swept.config, {
            branch: intake.branch,
            incident: issue.number,
            after: tip,
            pusher: ""
          })
        );
        if (opened) await notifyDraftPr(ctx, swept.config, issue.number);
        if (opened)
          results.push({
            task: this.name,
            target,
            outcome: "finished",
            detail: opened.created ? `draft PR #${opened.pr} opened` : `PR #${opened.pr} recorded`
          });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/intake/rollback-plan.ts
function redeployCommands(input, ref, sha) {
  const repo = `${input.repo.owner}/${input.repo.repo}`;
  const commands = [];
  const workflow = input.deploy.workflow;
  if (workflow) {
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: ref,
      incident: String(input.incident),
      pr: "",
      sha,
      severity: "",
      line: input.productionBranch
    });
    const fields = Object.entries(inputs).map(([name, value]) => `-f ${shellWord(`${name}=${value}`)}`);
    commands.push(
      [
        "gh workflow run",
        shellWord(workflow.id),
        "--repo",
        shellWord(repo),
        "--ref",
        shellWord(workflow.ref ?? input.productionBranch),
        ...fields
      ].join(" ")
    );
  }
  if (input.deploy.environment) {
    const body = JSON.stringify({
      ref,
      environment: input.deploy.environment,
      auto_merge: false,
      required_contexts: [],
      description: `rollback for incident #${input.incident}`
    });
    commands.push(`gh api ${shellWord(`repos/${repo}/deployments`)} --input - <<'JSON'
${body}
JSON`);
  }
  return commands.length > 0 ? commands : null;
}
function rollbackPlan(input) {
  const previous = input.previousTag;
  const ref = previous?.name ?? input.productionSha;
  const sha = previous?.sha ?? input.productionSha;
  const what = previous ? `Production runs ${codeSpan(previous.name)} (the latest production tag, ${codeSpan(previous.sha.slice(0, 7))}).` : `No production tag was found; production is ${codeSpan(input.productionBranch)} at ${codeSpan(input.productionSha.slice(0, 7))}.`;
  const lines = ["#### Rollback plan", "", `${what} To get back to it:`, ""];
  const redeploy = redeployCommands(input, ref, sha);
  if (redeploy) {
    lines.push(`1. Deploy ${codeSpan(ref)} again:`, "", "   ```sh");
    for (const command of redeploy) lines.push(...command.split("\n").map((line) => `   ${line}`));
    lines.push("   ```", "");
  } else {
    lines.push(`1. Deploy ${codeSpan(ref)} again with your usual deploy process.`, "");
  }
  const branch = `revert/incident-${input.incident}`;
  const production = shellWord(`origin/${input.productionBranch}`);
  lines.push(
    "2. Or, once the fix is merged, revert it on production:",
    "",
    "   ```sh",
    "   git fetch origin",
    `   git switch -c ${shellWord(branch)} ${production}`,
    "   git revert -m 1 <merge commit>   # a squash or rebase merge: git revert <its commits>",
    `   git push -u origin ${shellWord(branch)}`,
    "   ```",
    "",
    `   When a deployment of the fix fails, hotfix-bot opens this revert as a pull request into ${codeSpan(input.productionBranch)} by itself and labels this issue ${codeSpan(input.deploy.rollbackLabel)}.`
  );
  return lines;
}

// src/intake/checklist.ts
function checklistMarker(incident) {
  return `<!-- hotfix-bot:checklist ${JSON.stringify({ incident })} -->`;
}
function checksLine(config) {
  const names = [...config.checks.criticalTests, ...config.checks.securityScan].map((check) => check.name);
  const named2 = names.length > 0 ? `: ${names.map(codeSpan).join(", ")}` : "";
  return `- [ ] **Critical tests only**: run the critical tests and the security scan${named2}; the ${codeSpan("hotfix-gate")} check waits for them, the full suite can follow the merge.`;
}
function checklistComment(input) {
  const { config } = input;
  const lines = [
    checklistMarker(input.incident),
    `### Hotfix checklist (${input.severity})`,
    "",
    `Branch ${codeSpan(input.branch)} was cut from ${codeSpan(input.cutFrom)} (${codeSpan(input.baseSha.slice(0, 7))}). Push the fix there: on the first push hotfix-bot opens a draft pull request into ${codeSpan(config.productionBranch)}.`
  ];
  if (matchingBranchPattern(input.branch, config.branches.patterns) === null) {
    lines.push(
      "",
      `> [!WARNING]
> ${codeSpan(input.branch)} matches none of ${codeSpan("branches.patterns")}: the branch rule of ${codeSpan("hotfix-gate")} will fail until the patterns include ${codeSpan("hotfix/incident-{n}")}.`
    );
  }
  lines.push(
    "",
    "- [ ] **Confirm the impact**: who and what is affected, since when; write it on this issue.",
    "- [ ] **Minimal fix**: the smallest change that stops the damage; the lasting fix is a follow-up.",
    checksLine(config),
    "- [ ] **Rollback plan**: read it below before the merge, so that nobody has to work it out during a failed deploy.",
    "",
    ...rollbackPlan({
      repo: input.repo,
      incident: input.incident,
      productionBranch: config.productionBranch,
      previousTag: input.previousTag,
      productionSha: input.productionSha,
      deploy: config.deploy
    })
  );
  return lines.join("\n");
}

// src/intake/production-tag.ts
var HOTFIX_TAG = /^hotfix-(\d{8})-(\d{4})(?:-([1-9]\d{0,5}))?$/;
function hotfixTagsDescending(names) {
  const keyed = names.flatMap((name) => {
    const match = HOTFIX_TAG.exec(name);
    if (!match) return [];
    return [{ name, key: `${match[1]}${match[2]}`, suffix: Number(match[3] ?? "1") }];
  });
  keyed.sort((a, b) => a.key === b.key ? b.suffix - a.suffix : a.key < b.key ? 1 : -1);
  return keyed.map((tag) => tag.name);
}
function productionTagCandidates(names, scheme, perKind = 3) {
  const hotfix = hotfixTagsDescending(names).slice(0, perKind);
  const semver = semverTagsDescending(names).slice(0, perKind).map((tag) => tag.name);
  const [first, second] = scheme === "semver-patch" ? [semver, hotfix] : [hotfix, semver];
  const out = [];
  for (let i = 0; i < perKind; i++) {
    if (first[i] !== void 0) out.push(first[i]);
    if (second[i] !== void 0) out.push(second[i]);
  }
  return out;
}
function closestProductionTag(distances) {
  let best = null;
  for (const d of distances) {
    if (d.behindBy !== 0) continue;
    if (best === null || d.aheadBy < best.aheadBy) best = d;
  }
  return best?.name ?? null;
}

// src/intake/find-production-tag.ts
var MAX_TAG_PAGES = 5;
async function findProductionTag(ctx, productionBranch, scheme, tagPrefix = null) {
  const { octokit, repo } = ctx;
  let pages = 0;
  const tags = await octokit.paginate(
    octokit.rest.repos.listTags,
    { ...repo, per_page: 100 },
    (response, done) => {
      pages += 1;
      if (pages >= MAX_TAG_PAGES) done();
      return response.data;
    }
  );
  const shaOf = new Map(
    tags.filter((tag) => tagPrefix === null || tag.name.startsWith(tagPrefix)).map((tag) => [tag.name, tag.commit.sha])
  );
  const distances = [];
  for (const name2 of productionTagCandidates([...shaOf.keys()], scheme)) {
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${name2}...${productionBranch}`,
        per_page: 1
      });
      distances.push({ name: name2, aheadBy: data.ahead_by, behindBy: data.behind_by });
    } catch (error) {
      if (httpStatus(error) !== 404 && httpStatus(error) !== 422) throw error;
    }
  }
  const name = closestProductionTag(distances);
  const sha = name === null ? void 0 : shaOf.get(name);
  return name !== null && sha !== void 0 ? { name, sha } : null;
}

// src/intake/incident-branch.ts
function incidentBranchName(incident) {
  if (!Number.isSafeInteger(incident) || incident < 1)
    throw new RangeError(`not an issue number: ${incident}`);
  return `hotfix/incident-${incident}`;
}
function incidentOfBranch(branch) {
  const match = /^hotfix\/incident-([1-9][0-9]{0,9})$/.exec(branch);
  if (!match) return null;
  const n = Number(match[1]);
  return n <= 2147483647 ? n : null;
}

// src/intake/cut-incident-branch.ts
var MissingLineError = class extends HotfixBotError {
  constructor(line) {
    super(`the branch ${line} does not exist`);
    this.line = line;
  }
  line;
  kind = "unworkable";
  name = "MissingLineError";
};
async function cutIncidentBranch(ctx, config, incident, line = config.productionBranch) {
  const { octokit, repo } = ctx;
  const branch = incidentBranchName(incident);
  let productionSha;
  try {
    const { data: head } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${line}` });
    productionSha = head.object.sha;
  } catch (error) {
    if (httpStatus(error) === 404) throw new MissingLineError(line);
    throw error;
  }
  const previousTag = isMaintenanceLine(config, line) ? await findProductionTag(ctx, line, "semver-patch", lineTagPrefix(config, line)) : await findProductionTag(ctx, line, config.release.tagScheme);
  const fromTag = config.intake.cutFromLatestTag && previousTag !== null;
  const cutFrom = fromTag ? previousTag.name : line;
  const baseSha = fromTag ? previousTag.sha : productionSha;
  try {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: baseSha });
    return { branch, cutFrom, baseSha, productionSha, previousTag, created: true };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
  }
  const { data: existing } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
  const sha = existing.object.sha;
  return { branch, cutFrom, baseSha: sha, productionSha, previousTag, created: sha === baseSha };
}

// src/intake/incident-report.ts
var SLUG_MAX = 50;
function incidentSlug(title, incident) {
  const words = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter((w) => w !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug === "" ? `incident-${incident}` : slug;
}
function incidentReportPath(input) {
  const date = new Date(input.detectedAt);
  const day = Number.isNaN(date.getTime()) ? "unknown-date" : date.toISOString().slice(0, 10);
  return `docs/incidents/HOTFIX-${day}-${incidentSlug(input.title, input.incident)}.md`;
}
var oneLine2 = (text) => text.replace(/[\r\n]+/g, " ").trim();
function incidentReport(input) {
  const detected = input.detectedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC");
  return [
    `# Incident #${input.incident}: ${oneLine2(input.title)}`,
    "",
    `- Incident: [#${input.incident}](${input.url})`,
    `- Severity: ${input.severity}`,
    `- Detected: ${detected}`,
    `- Commander: ${input.commander}`,
    `- Hotfix branch: \`${input.branch}\``,
    `- Rollback target: ${input.previousTag ? `\`${input.previousTag}\`` : "none (no production tag)"}`,
    "",
    "## Impact",
    "",
    "Who and what was affected, from when to when.",
    "",
    "## Timeline",
    "",
    "The incident's timeline comment lists every step of the hotfix with its time.",
    "",
    "## Root cause",
    "",
    "## Fix",
    "",
    "## Follow-ups",
    ""
  ].join("\n");
}

// src/intake/run-intake.ts
function asSeverity(value) {
  return value === "P0" || value === "P1" || value === "P2" ? value : null;
}
function hasLabel(labels, name) {
  return labels.some((label) => label.toLowerCase() === name.toLowerCase());
}
async function runIntake(ctx, config, request) {
  const written = {};
  try {
    return await intakeSteps(ctx, config, request, written);
  } catch (error) {
    throw written.timeline === void 0 ? error : writtenBefore(error, { timeline: written.timeline });
  }
}
async function intakeSteps(ctx, config, request, written) {
  const { octokit, repo } = ctx;
  const n = request.issue.number;
  const timeline = await readTimeline(ctx, n);
  const before = timeline.state ?? emptyTimeline(n);
  let state = { ...before, incident: n };
  let recorded = timeline.state;
  let commentId = timeline.commentId;
  if (state.detectedAt === void 0) {
    state = {
      ...state,
      detectedAt: request.at,
      severity: state.severity ?? request.severity,
      commander: state.commander ?? request.actor
    };
    const how = request.trigger === "label" ? `label ${config.severity.labels[request.severity]}` : "/hotfix";
    state = addEntry(state, {
      key: "declared",
      at: request.at,
      text: `Incident declared by @${request.actor} (${how}), severity ${request.severity}`,
      url: request.issue.url
    });
    ({ commentId, markdown: written.timeline } = await writeTimeline(ctx, n, commentId, state));
    recorded = state;
  }
  const severity = asSeverity(state.severity) ?? request.severity;
  const now = () => ctx.clock().toISOString();
  const label = config.severity.labels[severity];
  const labelled = state.entries.some((e) => e.key === "severity-label");
  if (!labelled && !hasLabel(request.issue.labels, label)) {
    await octokit.rest.issues.addLabels({ ...repo, issue_number: n, labels: [label] });
    state = addEntry(state, { key: "severity-label", at: now(), text: `Label ${label} added` });
  }
  state = await assignIncident(ctx, config, n, state);
  let intake = state.intake;
  if (!intake) {
    const line = request.line ?? config.productionBranch;
    const cut = await cutIncidentBranch(ctx, config, n, line);
    intake = {
      trigger: request.trigger,
      branch: cut.branch,
      cutFrom: cut.cutFrom,
      baseSha: cut.baseSha,
      productionSha: cut.productionSha,
      ...line !== config.productionBranch ? { line } : {},
      ...cut.previousTag ? { previousTag: cut.previousTag } : {}
    };
    state = addEntry(state, {
      key: "branch",
      at: now(),
      text: cut.created ? `Branch ${cut.branch} cut from ${cut.cutFrom} (${cut.baseSha.slice(0, 7)})` : `Branch ${cut.branch} already existed (${cut.baseSha.slice(0, 7)}); kept as it is`
    });
  }
  if (config.intake.incidentReport && !intake.report) {
    intake = { ...intake, report: await commitIncidentReport(ctx, state, request, intake) };
    state = addEntry(state, {
      key: "incident-report",
      at: now(),
      text: `Incident report ${intake.report?.path ?? ""} committed to ${intake.branch}`
    });
  }
  if (!intake.checklist) {
    const body = checklistComment({
      repo,
      incident: n,
      severity,
      branch: intake.branch,
      cutFrom: intake.cutFrom,
      baseSha: intake.baseSha,
      previousTag: intake.previousTag ?? null,
      productionSha: intake.productionSha,
      // The checklist and rollback plan speak of the incident's own line.
      config: { ...config, productionBranch: intake.line ?? config.productionBranch }
    });
    await ensureBotComment(ctx, n, checklistMarker(n), body);
    intake = { ...intake, checklist: true };
    state = addEntry(state, { key: "checklist", at: now(), text: "Checklist and rollback plan posted" });
  }
  state = { ...state, intake };
  const changed = JSON.stringify(state) !== JSON.stringify(timeline.state);
  if (JSON.stringify(state) !== JSON.stringify(recorded))
    ({ markdown: written.timeline } = await writeTimeline(ctx, n, commentId, state));
  else logWith(ctx.log, { incident: n }).info("intake already done");
  return {
    incident: n,
    branch: intake.branch,
    changed,
    ...written.timeline === void 0 ? {} : { timeline: written.timeline }
  };
}
async function commitIncidentReport(ctx, state, request, intake) {
  const { octokit, repo } = ctx;
  const detectedAt = state.detectedAt ?? request.at;
  const path = incidentReportPath({ title: request.issue.title, incident: request.issue.number, detectedAt });
  const content = incidentReport({
    incident: request.issue.number,
    title: request.issue.title,
    url: request.issue.url,
    severity: asSeverity(state.severity) ?? request.severity,
    detectedAt,
    commander: state.commander ?? request.actor,
    branch: intake.branch,
    previousTag: intake.previousTag?.name ?? null
  });
  try {
    const { data } = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch: intake.branch,
      message: `Incident report for #${request.issue.number}`,
      content: Buffer.from(content, "utf8").toString("base64")
    });
    return { path, commit: data.commit.sha ?? "" };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${intake.branch}` });
    return { path, commit: ref.object.sha };
  }
}

// src/sweep/tasks/finish-intake.ts
function intakeUnfinished(state, incidentReport2) {
  if (state.detectedAt === void 0 || state.commander === void 0) return false;
  const intake = state.intake;
  return !intake?.checklist || incidentReport2 && !intake.report;
}
function recordedIntakeRequest(issue, state, defaultSeverity) {
  const declared = state.entries.find((entry) => entry.key === "declared");
  const severity = state.severity;
  return {
    issue: {
      number: issue.number,
      title: issue.title,
      state: issue.state,
      labels: issue.labels,
      url: issue.url
    },
    trigger: state.intake?.trigger ?? (declared?.text.includes("(/hotfix)") ? "command" : "label"),
    severity: severity === "P0" || severity === "P1" || severity === "P2" ? severity : defaultSeverity,
    actor: state.commander ?? "",
    at: state.detectedAt ?? "",
    // The line intake accepted (`/hotfix release/1.x`), re-checked against the configuration when it cuts.
    line: state.intake?.line ?? null
  };
}
var finishIntake = {
  name: "intake",
  async run(ctx, swept) {
    const results = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const target = `#${issue.number}`;
      try {
        const { state } = await swept.timeline(issue.number);
        if (!state || !intakeUnfinished(state, swept.config.intake.incidentReport)) continue;
        ctx.log.info(`sweep: finishing the intake of incident ${target}`);
        const request = recordedIntakeRequest(issue, state, swept.config.severity.default);
        await withIncidentLock(ctx, issue.number, () => runIntake(ctx, swept.config, request));
        await notifyDeclared(ctx, swept.config, issue.number);
        results.push({ task: this.name, target, outcome: "finished", detail: "intake finished" });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/rules/branch.ts
var short2 = (sha) => sha.slice(0, 7);
function developOnlyCommits(lineage) {
  if (lineage.notInProduction === "unrelated") return [];
  const notInDevelop = lineage.notInDevelop;
  if (notInDevelop === "no-develop") return [];
  if (notInDevelop === "unrelated") return [];
  const lacking = new Set(notInDevelop.shas);
  return lineage.notInProduction.shas.filter((sha) => !lacking.has(sha));
}
function checkBranch(facts2, config) {
  const { headRef, baseRef, lineage } = facts2;
  const onLine = isProductionLine(config, baseRef);
  const production = onLine ? baseRef : config.productionBranch;
  const develop = config.developBranch;
  const problems = [];
  const details = [];
  const pattern = matchingBranchPattern(headRef, config.branches.patterns);
  if (pattern === null) {
    problems.push(`head branch "${headRef}" matches none of ${config.branches.patterns.join(", ")}`);
    for (const p of config.branches.patterns) {
      const problem = branchPatternProblems(p);
      if (problem) details.push(`pattern "${p}" is unusable: ${problem}`);
    }
  }
  if (!onLine) {
    const lines = config.productionBranches.join(", ");
    problems.push(`targets ${baseRef}, not a production branch (${lines})`);
  }
  const notInProduction = lineage.notInProduction;
  if (notInProduction === "unrelated") {
    problems.push(`shares no history with ${production}`);
  } else if (!notInProduction.complete) {
    problems.push(
      `carries more than ${notInProduction.shas.length} commits that ${production} lacks; cut it from ${production}`
    );
  } else {
    const developOnly = developOnlyCommits(lineage);
    const notInDevelop = lineage.notInDevelop;
    if (developOnly.length > 0 && typeof notInDevelop === "object" && !notInDevelop.complete) {
      problems.push(`could not verify it carries nothing from ${develop}: too many commits to compare`);
    } else if (developOnly.length > 0) {
      const listed = developOnly.slice(0, 3).map(short2).join(", ");
      const more = developOnly.length > 3 ? `, \u2026 (${developOnly.length})` : "";
      problems.push(
        `carries ${developOnly.length === 1 ? "a commit" : `${developOnly.length} commits`} from ${develop} that ${production} lacks (${listed}${more}); cut it from ${production}`
      );
      for (const sha of developOnly) details.push(`commit ${sha} is on ${develop}, not on ${production}`);
    }
  }
  if (problems.length > 0) {
    return { rule: "branch", label: "Branch", state: "fail", reason: problems.join("; "), details };
  }
  const developNote = lineage.notInDevelop === "no-develop" ? ` (no ${develop} branch to compare with)` : "";
  return {
    rule: "branch",
    label: "Branch",
    state: "pass",
    reason: `${headRef} matches ${pattern}, cut from ${production}${developNote}`
  };
}

// src/rules/conflict-markers.ts
var OPENING = /^<{7}(?:[ \t].*)?$/;
var CLOSING2 = /^>{7}(?:[ \t].*)?$/;
var SEPARATOR = /^={7}[ \t]*$/;
var HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
var UNDERLINED_HEADINGS = /\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt)$/i;
function conflictMarkersIn(file) {
  if (!file.patch) return [];
  const separatorCounts = !UNDERLINED_HEADINGS.test(file.filename);
  const found = [];
  let line = 0;
  for (const raw of file.patch.split("\n")) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    const sign = raw[0];
    if (sign === "+") {
      const text = raw.slice(1).replace(/\r$/, "");
      if (OPENING.test(text) || CLOSING2.test(text) || separatorCounts && SEPARATOR.test(text)) {
        found.push({ file: file.filename, line, marker: text.slice(0, 7) });
      }
      line += 1;
    } else if (sign === " " || sign === void 0) {
      line += 1;
    }
  }
  return found;
}
function uncheckedFiles(files) {
  return files.filter((f) => !f.patch && f.status !== "removed" && f.additions > 0).map((f) => f.filename);
}
function checkConflictMarkers(files, listComplete) {
  const markers = files.flatMap((file) => conflictMarkersIn(file));
  const base = { rule: "conflict-markers", label: "Conflict markers" };
  if (markers.length > 0) {
    const where = markers.slice(0, 3).map((m) => `${m.file}:${m.line}`).join(", ");
    const more = markers.length > 3 ? `, \u2026 (${markers.length})` : "";
    return {
      ...base,
      state: "fail",
      reason: `${markers.length === 1 ? "a conflict marker" : `${markers.length} conflict markers`} added: ${where}${more}`,
      details: markers.map((m) => `${m.file}:${m.line}: ${m.marker}`)
    };
  }
  const unchecked = uncheckedFiles(files);
  if (unchecked.length > 0 || !listComplete) {
    const parts = [];
    if (unchecked.length > 0) {
      const named2 = unchecked.slice(0, 3).join(", ");
      const more = unchecked.length > 3 ? `, \u2026 (${unchecked.length})` : "";
      parts.push(`not checked: ${named2}${more} (no patch: too large to show)`);
    }
    if (!listComplete) parts.push(`only the first ${files.length} files could be listed`);
    return {
      ...base,
      state: "warn",
      reason: `none found; ${parts.join("; ")}`,
      details: unchecked.map((f) => `${f}: not checked (no patch)`)
    };
  }
  return { ...base, state: "pass", reason: "none added" };
}

// src/rules/diff-budget.ts
function checkDiffBudget(size, config) {
  const { maxFiles, maxLines, mode } = config.diffBudget;
  const lines = size.additions + size.deletions;
  const measured = `${size.files} file${size.files === 1 ? "" : "s"}, ${lines} line${lines === 1 ? "" : "s"} changed`;
  const over = [];
  if (size.files > maxFiles) over.push(`more than ${maxFiles} files`);
  if (lines > maxLines) over.push(`more than ${maxLines} lines`);
  if (over.length === 0) {
    return {
      rule: "diff-budget",
      label: "Diff budget",
      state: "pass",
      reason: `${measured} (budget ${maxFiles} files, ${maxLines} lines)`
    };
  }
  return {
    rule: "diff-budget",
    label: "Diff budget",
    state: mode === "fail" ? "fail" : "warn",
    reason: `${measured}: ${over.join(" and ")} (diffBudget.mode is ${mode})`
  };
}

// src/rules/fast-track.ts
var hhmm = (iso) => `${iso.slice(11, 16)} UTC`;
function startOrNow(recorded, now) {
  const t = recorded === null ? Number.NaN : Date.parse(recorded);
  return Number.isNaN(t) ? now.getTime() : t;
}
function decideFastTrack(input) {
  const { approvals, timeoutMinutes } = input;
  const unchanged = { approvals, clock: null };
  if (timeoutMinutes === null || approvals.state !== "pending") return unchanged;
  if (input.draft) return unchanged;
  if (input.otherRows.some((row) => row.state === "fail" || row.state === "pending")) return unchanged;
  if (!input.timelineAvailable) {
    return {
      approvals: {
        ...approvals,
        reason: `${approvals.reason}; no fast-track: the PR is not linked to an incident whose timeline can hold its clock`
      },
      clock: null
    };
  }
  const sinceMs = Math.max(
    startOrNow(input.recorded.run, input.now),
    startOrNow(input.recorded.timeline, input.now)
  );
  const since = new Date(sinceMs).toISOString();
  const dueMs = sinceMs + timeoutMinutes * 6e4;
  const dueAt = new Date(dueMs).toISOString();
  const fired = input.now.getTime() >= dueMs;
  const clock = { since, dueAt, minutes: timeoutMinutes, fired };
  if (fired) {
    return {
      approvals: {
        ...approvals,
        state: "pass",
        reason: `fast-tracked after ${timeoutMinutes} min without review (ready with every other row passing since ${hhmm(since)}); a post-deploy review follow-up will be opened`
      },
      clock
    };
  }
  return {
    approvals: {
      ...approvals,
      reason: `${approvals.reason}; fast-track at ${hhmm(dueAt)} (${timeoutMinutes} min without review) unless someone reviews or pushes`
    },
    clock
  };
}

// src/gate/gate-check-name.ts
var GATE_CHECK_NAME = "hotfix-gate";

// src/gate/evaluate-gate.ts
function isHotfixPullRequest(pr, config) {
  return isHotfixFamilyBranch(pr.headRef, config.branches.patterns) || severityFromLabels(pr.labels, config) !== null;
}
var lower = (rows) => rows.map((row) => row.label.toLowerCase()).join(", ");
function verdict(rows) {
  const failed = rows.filter((row) => row.state === "fail");
  const pending = rows.filter((row) => row.state === "pending");
  const warned = rows.filter((row) => row.state === "warn");
  if (failed.length > 0) {
    return {
      status: "completed",
      conclusion: "failure",
      title: `Failed: ${lower(failed)}`,
      headline: `The hotfix gate failed on ${failed.length} of ${rows.length} criteria.`
    };
  }
  if (pending.length > 0) {
    return {
      status: "in_progress",
      conclusion: null,
      title: `Waiting for ${lower(pending)}`,
      headline: `The hotfix gate is waiting on ${pending.length} of ${rows.length} criteria.`
    };
  }
  return {
    status: "completed",
    conclusion: "success",
    title: warned.length > 0 ? `Passed with ${warned.length} warning${warned.length === 1 ? "" : "s"}: ${lower(warned)}` : `Passed: all ${rows.length} criteria met`,
    headline: `The hotfix gate passed${warned.length > 0 ? "; look at the warnings below" : ""}.`
  };
}
function evaluateGate(facts2, config, fastTrack = null) {
  const { pr } = facts2;
  const resolved = resolveSeverity({ prLabels: pr.labels, incident: facts2.incident }, config);
  const approvals = checkApprovals(facts2.approvals, resolved.severity, config);
  const [critical, security] = checkRequiredChecks(facts2.checkRuns, config, GATE_CHECK_NAME);
  const listed = facts2.files.list;
  const size = pr.size ?? {
    files: listed.length,
    additions: listed.reduce((sum, f) => sum + f.additions, 0),
    deletions: listed.reduce((sum, f) => sum + f.deletions, 0)
  };
  const { approvedBy, ...approvalRow } = approvals;
  const otherRows = [
    checkTitle(pr.title, config),
    checkBranch({ headRef: pr.headRef, baseRef: pr.baseRef, lineage: facts2.lineage }, config),
    severityRow(resolved, config),
    critical,
    security,
    checkDiffBudget(size, config),
    checkConflictMarkers(listed, facts2.files.complete)
  ];
  const decided = fastTrack ? decideFastTrack({
    timeoutMinutes: config.approvals[resolved.severity].timeoutMinutes,
    approvals: approvalRow,
    otherRows,
    draft: pr.draft,
    ...fastTrack
  }) : { approvals: approvalRow, clock: null };
  const rows = [...otherRows.slice(0, 3), decided.approvals, ...otherRows.slice(3)];
  return {
    ...verdict(rows),
    rows,
    severity: resolved.severity,
    jiraKey: jiraKeyOf(pr.title, config),
    approvedBy,
    ...decided.clock ? { fastTrack: { ...decided.clock, head: pr.headSha } } : {}
  };
}
function mayFastTrack(evaluation, pr, config) {
  if (evaluation.severity === null || config.approvals[evaluation.severity].timeoutMinutes === null)
    return false;
  if (pr.draft) return false;
  const approvals = evaluation.rows.find((row) => row.rule === "approvals");
  const others = evaluation.rows.filter((row) => row.rule !== "approvals");
  return approvals?.state === "pending" && others.every((row) => row.state === "pass" || row.state === "warn");
}
function notHotfixEvaluation(pr, config) {
  return {
    status: "completed",
    conclusion: "neutral",
    title: "Not a hotfix PR",
    headline: `Head branch "${pr.headRef}" is not a hotfix branch (${config.branches.patterns.join(", ")}) and the PR has no severity label, so the hotfix gate does not apply.`,
    rows: [],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
function forkEvaluation(pr) {
  const where = pr.headRepoName ? `the fork ${pr.headRepoName}` : "a fork (since deleted)";
  return {
    status: "completed",
    conclusion: "failure",
    title: "Hotfix PRs cannot come from a fork",
    headline: `This PR's head branch "${pr.headRef}" lives in ${where}, not in this repository, so it cannot be a hotfix PR.`,
    rows: [
      {
        rule: "branch",
        label: "Branch",
        state: "fail",
        reason: `${pr.headRef} is from ${where}: push the change to a branch of this repository and open the hotfix PR from there`
      }
    ],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
function configErrorEvaluation(error) {
  return {
    status: "completed",
    conclusion: "failure",
    title: `Invalid configuration: ${error.file}`,
    headline: `${error.file} cannot be used, so no hotfix can pass the gate until it is fixed.`,
    rows: [
      {
        rule: "config",
        label: "Configuration",
        state: "fail",
        reason: error.message,
        details: error.problems.map((p) => p.path ? `${p.path}: ${p.message}` : p.message)
      }
    ],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}

// src/gate/fast-track-marker.ts
var PREFIX2 = "<!-- hotfix-bot:fast-track ";
var LINE = /^<!-- hotfix-bot:fast-track (\{[^<>\n]*\}) -->/;
function fastTrackRunMarker(head, since) {
  return `${PREFIX2}${JSON.stringify({ head, since })} -->`;
}
function fastTrackMarkerLine(text) {
  return LINE.exec(text ?? "")?.[0] ?? null;
}
function fastTrackStartInRun(text, head) {
  const match = LINE.exec(text ?? "");
  if (!match) return null;
  try {
    const data = JSON.parse(match[1]);
    if (typeof data !== "object" || data === null) return null;
    const record = data;
    if (record.head !== head || typeof record.since !== "string") return null;
    return Number.isNaN(Date.parse(record.since)) ? null : record.since;
  } catch {
    return null;
  }
}

// src/gate/fast-track-clock.ts
async function readFastTrackRecords(ctx, pr, headRun) {
  const { incident, timeline } = await incidentOfPull(ctx, pr);
  const record = timeline?.state?.fastTrack?.[String(pr.number)];
  return {
    incident,
    facts: {
      recorded: {
        run: fastTrackStartInRun(headRun?.text, pr.headSha),
        timeline: record?.head === pr.headSha ? record.since : null
      },
      timelineAvailable: incident !== null && timeline?.state != null,
      now: ctx.clock()
    }
  };
}
var short3 = (sha) => sha.slice(0, 7);
var hhmm2 = (iso) => `${iso.slice(11, 16)} UTC`;
function fastTrackRecorded(record, head, clock) {
  return record?.head === head && record.since === clock.since && record.minutes === clock.minutes && (!clock.fired || record.firedAt !== void 0);
}
async function recordFastTrack(ctx, incident, pr, clock) {
  return withIncidentLock(ctx, incident, async () => {
    const timeline = await readTimeline(ctx, incident);
    if (!timeline.state) return void 0;
    const key = String(pr.number);
    const previous = timeline.state.fastTrack?.[key];
    if (fastTrackRecorded(previous, pr.headSha, clock)) return void 0;
    const sameStart = previous?.head === pr.headSha && previous.since === clock.since;
    const firedBefore = sameStart ? previous.firedAt : void 0;
    const firedAt = firedBefore ?? (clock.fired ? ctx.clock().toISOString() : void 0);
    const record = {
      head: pr.headSha,
      since: clock.since,
      minutes: clock.minutes,
      ...firedAt ? { firedAt } : {}
    };
    let state = {
      ...timeline.state,
      fastTrack: { ...timeline.state.fastTrack, [key]: record }
    };
    if (!sameStart) {
      state = addEntry(state, {
        key: `fast-track-${pr.number}-${short3(pr.headSha)}`,
        at: clock.since,
        text: `Fast-track clock started for #${pr.number} at ${short3(pr.headSha)} (ready for review, every other gate row passing): the approval requirement lapses at ${hhmm2(clock.dueAt)} (${clock.minutes} min) unless someone reviews or pushes`
      });
    }
    if (firedAt && !firedBefore) {
      state = addEntry(state, {
        key: `fast-tracked-${pr.number}-${short3(pr.headSha)}`,
        at: firedAt,
        text: `#${pr.number} fast-tracked after ${clock.minutes} min without review: its approvals row passed, and a post-deploy review follow-up opens at merge`
      });
    }
    return (await writeTimeline(ctx, incident, timeline.commentId, state)).markdown;
  });
}

// src/gate/list-commit-statuses.ts
var MAX_STATUS_PAGES = 10;
async function listCommitStatuses(ctx, sha) {
  const { items } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}/statuses", {
      ...ctx.repo,
      ref: sha,
      per_page: PER_PAGE
    }),
    MAX_STATUS_PAGES
  );
  return items.map(
    (status) => statusAsCheckRun({
      id: Number(status.id),
      context: status.context,
      state: status.state,
      createdAt: status.created_at ?? null,
      creator: status.creator ? { id: status.creator.id, login: status.creator.login } : null
    })
  );
}

// src/gate/pull-request-data.ts
var isObject = (value) => typeof value === "object" && value !== null;
var str = (value) => typeof value === "string" ? value : null;
var num = (value) => typeof value === "number" && Number.isFinite(value) ? value : null;
function pullRequestFrom(raw) {
  if (!isObject(raw) || !isObject(raw.head) || !isObject(raw.base)) return null;
  const number = num(raw.number);
  const headRef = str(raw.head.ref);
  const headSha = str(raw.head.sha);
  const baseRef = str(raw.base.ref);
  if (number === null || headRef === null || headSha === null || baseRef === null) return null;
  const labels = Array.isArray(raw.labels) ? raw.labels.flatMap((label) => {
    const name = isObject(label) ? str(label.name) : null;
    return name === null ? [] : [name];
  }) : [];
  const files = num(raw.changed_files);
  const additions = num(raw.additions);
  const deletions = num(raw.deletions);
  const headRepo = isObject(raw.head.repo) ? num(raw.head.repo.id) : null;
  const baseRepo = isObject(raw.base.repo) ? num(raw.base.repo.id) : null;
  return {
    number,
    title: str(raw.title) ?? "",
    body: str(raw.body),
    author: isObject(raw.user) ? str(raw.user.login) : null,
    authorId: isObject(raw.user) ? num(raw.user.id) : null,
    headRef,
    headSha,
    baseRef,
    labels,
    state: str(raw.state) ?? "open",
    draft: raw.draft === true,
    size: files !== null && additions !== null && deletions !== null ? { files, additions, deletions } : null,
    commitCount: num(raw.commits),
    // A deleted fork leaves `head.repo` null: that is still not this repository.
    fromFork: baseRepo === null ? null : headRepo !== baseRepo,
    headRepoName: isObject(raw.head.repo) ? str(raw.head.repo.full_name) : null
  };
}

// src/gate/gather-facts.ts
var MAX_CHECK_RUN_PAGES2 = 10;
var MAX_FILE_PAGES = 10;
var MAX_COMPARE_PAGES = 3;
async function listCheckRuns(ctx, sha, options = {}) {
  const { owner, repo } = ctx.repo;
  const identity = await ctx.identity();
  const { items } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner,
      repo,
      ref: sha,
      per_page: PER_PAGE,
      filter: "latest",
      ...options.onlyGate ? { check_name: GATE_CHECK_NAME, app_id: identity.appId } : {}
    }),
    MAX_CHECK_RUN_PAGES2
  );
  const runs = items.map(checkRunFactOf);
  let gateRun = null;
  for (const run of items) {
    if (run.name !== GATE_CHECK_NAME || !isOurCheckRun(run, identity)) continue;
    if (gateRun && gateRun.id > Number(run.id)) continue;
    gateRun = {
      id: Number(run.id),
      status: run.status,
      conclusion: run.conclusion ?? null,
      title: run.output?.title ?? null,
      summary: run.output?.summary ?? null,
      text: run.output?.text ?? null,
      url: run.html_url ?? null
    };
  }
  return { runs, gateRun };
}
async function fetchPullRequest(ctx, number) {
  try {
    const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...ctx.repo,
      pull_number: number
    });
    return pullRequestFrom(data);
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
async function commitsNotIn(ctx, base, sha) {
  const shas = [];
  for (let page = 1; page <= MAX_COMPARE_PAGES; page += 1) {
    let data;
    try {
      ({ data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        ...ctx.repo,
        basehead: `${base}...${sha}`,
        per_page: PER_PAGE,
        page
      }));
    } catch (error) {
      if (httpStatus(error) === 404) return "unrelated";
      throw error;
    }
    shas.push(...data.commits.map((c) => c.sha));
    if (shas.length >= data.total_commits || data.commits.length < PER_PAGE) {
      return { shas, complete: shas.length >= data.total_commits };
    }
  }
  return { shas, complete: false };
}
async function lineageOf(ctx, pr, config) {
  const [notInProduction, notInDevelop] = await Promise.all([
    // The PR's own production line: a hotfix into release/1.x is cut from release/1.x, not from main.
    commitsNotIn(ctx, pr.baseRef, pr.headSha),
    commitsNotIn(ctx, config.developBranch, pr.headSha)
  ]);
  return { notInProduction, notInDevelop: notInDevelop === "unrelated" ? "no-develop" : notInDevelop };
}
async function filesOf(ctx, number) {
  const { items, complete } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...ctx.repo,
      pull_number: number,
      per_page: PER_PAGE
    }),
    MAX_FILE_PAGES
  );
  const list = items.map((file) => ({
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    patch: file.patch ?? null
  }));
  return { list, complete };
}
async function incidentOf(ctx, pr, config) {
  if (severityFromLabels(pr.labels, config) !== null) return null;
  const { incident: number, refused } = await incidentOfPull(ctx, pr);
  if (refused !== null) return { number: refused, labels: null, unbound: true };
  if (number === null) return null;
  try {
    const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      ...ctx.repo,
      issue_number: number
    });
    const labels = data.labels.flatMap((l) => {
      const name = typeof l === "string" ? l : l.name;
      return name ? [name] : [];
    });
    return { number, labels };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 410 || status === 301) return { number, labels: null };
    throw error;
  }
}
async function gatherFacts(ctx, pr, config, runSha = pr.headSha) {
  const anyRequired = config.checks.criticalTests.length + config.checks.securityScan.length > 0;
  const [files, lineage, headRuns, headStatuses, incident, runShaListing] = await Promise.all([
    filesOf(ctx, pr.number),
    lineageOf(ctx, pr, config),
    listCheckRuns(ctx, pr.headSha),
    anyRequired ? listCommitStatuses(ctx, pr.headSha) : Promise.resolve([]),
    incidentOf(ctx, pr, config),
    runSha === pr.headSha ? Promise.resolve(null) : listCheckRuns(ctx, runSha, { onlyGate: true })
  ]);
  const { severity } = resolveSeverity({ prLabels: pr.labels, incident }, config);
  const author = pr.author !== null && pr.authorId !== null ? { login: pr.author, id: pr.authorId } : null;
  const approvals = await readApprovalFacts(
    ctx,
    { number: pr.number, headSha: pr.headSha, headRef: pr.headRef, author, commitCount: pr.commitCount },
    severity,
    config
  );
  const complete = files.complete && (pr.size === null || files.list.length >= pr.size.files);
  return {
    facts: {
      pr,
      incident,
      approvals,
      files: { ...files, complete },
      lineage,
      checkRuns: [...headRuns.runs, ...headStatuses]
    },
    gateRun: runShaListing ? runShaListing.gateRun : headRuns.gateRun,
    // Our run on the PR head, where the fast-track clock is kept (see fast-track-marker.ts).
    headGateRun: headRuns.gateRun
  };
}

// src/gate/merge-queue-ref.ts
var QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9][0-9]{0,9})-[0-9a-f]{40}$/;
function mergeQueuePullNumber(headRef) {
  const digits = QUEUE_REF.exec(headRef)?.[1];
  if (digits === void 0) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
function branchOfRef(ref) {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
}

// src/gate/notify-gate-green.ts
async function notifyGateGreen(ctx, config, pr, checkUrl) {
  if (!notificationsWanted(config, "gate-green")) return void 0;
  let incident;
  try {
    ({ incident } = await incidentOfPull(ctx, pr));
  } catch (error) {
    ctx.log.warn(`gate-green notification for #${pr.number} skipped: ${String(error)}`);
    return void 0;
  }
  if (incident === null) return void 0;
  const notified = await notifyMilestone(ctx, config, incident, "gate-green", {
    summary: `hotfix-gate passed on PR #${pr.number} (${pr.headSha.slice(0, 7)}): it can be merged`,
    ...checkUrl ? { links: [{ label: "hotfix-gate", url: checkUrl }] } : {}
  });
  return notified.timeline;
}

// src/gate/render-gate.ts
var OUTPUT_LIMIT = 65535;
var TITLE_LIMIT = 200;
var REASON_LIMIT = 600;
var DETAIL_LIMIT = 300;
var DETAILS_PER_ROW = 50;
var ICON = { pass: "\u2705", fail: "\u274C", pending: "\u23F3", warn: "\u26A0\uFE0F" };
var BoundedLines = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  lines = [];
  length = 0;
  full = false;
  push(line) {
    if (this.full) return;
    const marker = "\n_\u2026 cut to fit GitHub's output limit._";
    if (this.length + line.length + 1 + marker.length > this.limit) {
      this.lines.push(marker.trimStart());
      this.full = true;
      return;
    }
    this.lines.push(line);
    this.length += line.length + 1;
  }
  toString() {
    return this.lines.join("\n");
  }
};
function renderGate(evaluation) {
  const summary = new BoundedLines(OUTPUT_LIMIT);
  summary.push(escapeMarkdown(evaluation.headline));
  if (evaluation.rows.length > 0) {
    summary.push("");
    summary.push("| | Criterion | Result |");
    summary.push("| :-: | --- | --- |");
    for (const row of evaluation.rows) {
      summary.push(
        `| ${ICON[row.state]} | ${escapeTableCell(row.label)} | ${escapeTableCell(truncate(row.reason, REASON_LIMIT))} |`
      );
    }
  }
  const text = new BoundedLines(OUTPUT_LIMIT);
  if (evaluation.fastTrack)
    text.push(fastTrackRunMarker(evaluation.fastTrack.head, evaluation.fastTrack.since));
  for (const row of evaluation.rows) {
    const details = row.details ?? [];
    if (details.length === 0) continue;
    text.push(`**${escapeMarkdown(row.label)}**`);
    text.push("");
    for (const line of details.slice(0, DETAILS_PER_ROW)) {
      text.push(`- ${escapeTableCell(truncate(line, DETAIL_LIMIT))}`);
    }
    if (details.length > DETAILS_PER_ROW) text.push(`- \u2026 and ${details.length - DETAILS_PER_ROW} more`);
    text.push("");
  }
  return {
    title: truncate(evaluation.title.replace(/\s+/g, " "), TITLE_LIMIT),
    summary: summary.toString(),
    text: text.toString().trimEnd()
  };
}

// src/gate/upsert-gate-check.ts
function planGateWrite(existing, evaluation, output) {
  if (!existing) return { kind: "create" };
  const same = existing.status === evaluation.status && (existing.conclusion ?? null) === (evaluation.conclusion ?? null) && (existing.title ?? "") === output.title && (existing.summary ?? "") === output.summary && (existing.text ?? "") === output.text;
  if (same) return { kind: "none", id: existing.id };
  const clock = evaluation.fastTrack;
  const sameClock = fastTrackMarkerLine(existing.text) === (clock ? fastTrackRunMarker(clock.head, clock.since) : null);
  if (existing.status === "in_progress" && evaluation.status === "in_progress" && existing.title === output.title && sameClock) {
    return { kind: "none", id: existing.id };
  }
  if (existing.status === "completed" && evaluation.status !== "completed") return { kind: "create" };
  return { kind: "update", id: existing.id };
}
function renderedGate(state, output) {
  return {
    status: state.status,
    conclusion: state.conclusion ?? null,
    title: output.title,
    markdown: output.text ? `${output.summary}

${output.text}` : output.summary
  };
}
function gateOutcome(evaluation, output, written) {
  return {
    gate: {
      conclusion: evaluation.conclusion ?? "pending",
      summary: output.title,
      ...written.url ? { url: written.url } : {},
      ...written.rendered ? { rendered: written.rendered } : {}
    }
  };
}
function runState2(evaluation, now) {
  return evaluation.status === "completed" ? { status: "completed", conclusion: evaluation.conclusion ?? "neutral", completed_at: now } : { status: "in_progress" };
}
async function upsertGateCheck(ctx, input) {
  const { existing, evaluation, output } = input;
  const plan = planGateWrite(existing, evaluation, output);
  if (plan.kind === "none")
    return { action: "unchanged", id: plan.id, url: existing?.url ?? null, rendered: null };
  const now = ctx.clock().toISOString();
  const state = runState2(evaluation, now);
  const rendered = renderedGate(state, output);
  try {
    const written = await writeGateCheck(ctx, { ...input, plan, state, now });
    return { ...written, rendered };
  } catch (error) {
    throw stoppedWith(error, gateOutcome(evaluation, output, { url: null, rendered }));
  }
}
async function writeGateCheck(ctx, input) {
  const { sha, existing, output, plan, state, now } = input;
  const { owner, repo } = ctx.repo;
  if (plan.kind === "create") {
    const created = await createOnce(
      async () => {
        const { data: data2 } = await ctx.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
          owner,
          repo,
          name: GATE_CHECK_NAME,
          head_sha: sha,
          started_at: now,
          ...state,
          output,
          ...NO_BLIND_RETRY
        });
        return { id: Number(data2.id), url: data2.html_url ?? null };
      },
      async () => {
        const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
        return gateRun && gateRun.id > (existing?.id ?? 0) ? { id: gateRun.id, url: gateRun.url } : null;
      }
    );
    return { action: "created", ...created };
  }
  const { data } = await ctx.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner,
    repo,
    check_run_id: plan.id,
    ...state,
    output
  });
  return { action: "updated", id: Number(data.id), url: data.html_url ?? null };
}

// src/gate/gate-route.ts
var GATE_TRIGGERS = [
  {
    event: "pull_request",
    actions: ["opened", "edited", "synchronize", "reopened", "labeled", "unlabeled", "ready_for_review"]
  },
  { event: "pull_request_review", actions: ["submitted", "dismissed"] },
  { event: "check_run", actions: ["completed", "rerequested"] },
  { event: "check_suite", actions: ["completed", "rerequested"] },
  { event: "merge_group", actions: ["checks_requested"] },
  // A commit status (Jenkins, Buildkite, deploy tools) on a hotfix PR's head; GitHub sends it without actions.
  { event: "status" }
];
var actionsOf = (event) => {
  const trigger = GATE_TRIGGERS.find((t) => t.event === event);
  return new Set(trigger?.actions);
};
var PR_ACTIONS = actionsOf("pull_request");
var REVIEW_ACTIONS = actionsOf("pull_request_review");
var isObject2 = (value) => typeof value === "object" && value !== null;
var str2 = (value) => typeof value === "string" ? value : null;
function defaultBranchOf(payload) {
  return isObject2(payload.repository) ? str2(payload.repository.default_branch) : null;
}
function associatedPulls(raw, sha) {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((pr) => {
    if (!isObject2(pr) || !isObject2(pr.head) || !isObject2(pr.base)) return [];
    const baseRef = str2(pr.base.ref);
    if (typeof pr.number !== "number" || baseRef === null || pr.head.sha !== sha) return [];
    return [{ number: pr.number, baseRef }];
  });
}
function matchGate(event) {
  const payload = event.payload;
  if (!isObject2(payload)) return null;
  const action = str2(payload.action);
  const defaultBranch = defaultBranchOf(payload);
  switch (event.name) {
    case "pull_request":
    case "pull_request_review": {
      const actions = event.name === "pull_request" ? PR_ACTIONS : REVIEW_ACTIONS;
      if (action === null || !actions.has(action)) return null;
      const pr = pullRequestFrom(payload.pull_request);
      if (pr?.state !== "open") return null;
      return { kind: "pull-request", pr, defaultBranch };
    }
    case "check_run": {
      const run = payload.check_run;
      if (!isObject2(run)) return null;
      const name = str2(run.name);
      const sha = str2(run.head_sha);
      if (name === null || sha === null) return null;
      const ours = name === GATE_CHECK_NAME;
      if (!(action === "completed" && !ours || action === "rerequested" && ours)) return null;
      const prs = associatedPulls(run.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: ours ? null : name, defaultBranch };
    }
    case "check_suite": {
      const suite = payload.check_suite;
      if (!isObject2(suite) || action !== "completed" && action !== "rerequested") return null;
      const sha = str2(suite.head_sha);
      if (sha === null) return null;
      const prs = associatedPulls(suite.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: null, defaultBranch };
    }
    case "status": {
      const sha = str2(payload.sha);
      const context = str2(payload.context);
      if (sha === null || !/^[0-9a-f]{40}$/.test(sha) || context === null) return null;
      return { kind: "status", sha, context, defaultBranch };
    }
    case "merge_group": {
      const group = payload.merge_group;
      if (action !== "checks_requested" || !isObject2(group)) return null;
      const sha = str2(group.head_sha);
      const baseRef = str2(group.base_ref);
      const headRef = str2(group.head_ref);
      if (sha === null || baseRef === null || headRef === null) return null;
      return {
        kind: "merge-group",
        sha,
        baseRef: branchOfRef(baseRef),
        pullNumber: mergeQueuePullNumber(headRef),
        defaultBranch
      };
    }
    default:
      return null;
  }
}
async function publish(ctx, sha, evaluate) {
  const key = `${ctx.repo.owner}/${ctx.repo.repo}@${sha}`;
  const locked = (task) => ctx.instancesLock ? ctx.instancesLock.run(`gate:${key}`, task) : task();
  return ctx.locks.gate.run(
    key,
    () => locked(async () => {
      const { evaluation, gateRun } = await evaluate();
      const output = renderGate(evaluation);
      const written = await upsertGateCheck(ctx, { sha, existing: gateRun, evaluation, output });
      ctx.log.info(`${GATE_CHECK_NAME} ${written.action} on ${sha.slice(0, 7)}: ${output.title}`);
      return {
        outcome: gateOutcome(evaluation, output, written),
        turnedGreen: evaluation.conclusion === "success" && written.action !== "unchanged"
      };
    })
  );
}
async function publishPull(ctx, config, pr, sha) {
  let timeline;
  const evaluateAndWrite = () => publish(ctx, sha, async () => {
    if (isHotfixPullRequest(pr, config) && pr.fromFork !== false) {
      const { gateRun: gateRun2 } = await listCheckRuns(ctx, sha, { onlyGate: true });
      return { evaluation: forkEvaluation(pr), gateRun: gateRun2 };
    }
    if (!isHotfixPullRequest(pr, config)) {
      const { gateRun: gateRun2 } = await listCheckRuns(ctx, sha, { onlyGate: true });
      return { evaluation: notHotfixEvaluation(pr, config), gateRun: gateRun2 };
    }
    const { facts: facts2, gateRun, headGateRun } = await gatherFacts(ctx, pr, config, sha);
    const evaluation = evaluateGate(facts2, config);
    if (!mayFastTrack(evaluation, pr, config)) return { evaluation, gateRun };
    const records = await readFastTrackRecords(ctx, pr, headGateRun);
    const fastTracked = evaluateGate(facts2, config, records.facts);
    if (fastTracked.fastTrack && records.incident !== null && sha === pr.headSha) {
      timeline = await recordFastTrack(ctx, records.incident, pr, fastTracked.fastTrack) ?? timeline;
    }
    return { evaluation: fastTracked, gateRun };
  });
  const published = await evaluateAndWrite().catch((error) => {
    throw timeline === void 0 ? error : writtenBefore(error, { timeline });
  });
  if (published.turnedGreen && sha === pr.headSha && isHotfixPullRequest(pr, config))
    timeline = await notifyGateGreen(ctx, config, pr, published.outcome.gate?.url ?? null) ?? timeline;
  return timeline === void 0 ? published.outcome : { ...published.outcome, timeline };
}
async function reevaluatePull(ctx, config, number) {
  const pr = await fetchPullRequest(ctx, number);
  if (pr?.state !== "open" || !isProductionLine(config, pr.baseRef)) return void 0;
  return publishPull(ctx, config, pr, pr.headSha);
}
async function publishFixed(ctx, sha, evaluation) {
  const published = await publish(ctx, sha, async () => {
    const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
    return { evaluation, gateRun };
  });
  return published.outcome;
}
function unknownMergeGroup(reason) {
  return {
    status: "completed",
    conclusion: "failure",
    title: "Merge group not evaluated",
    headline: "The hotfix gate could not tell which pull request this merge group is for.",
    rows: [{ rule: "branch", label: "Merge group", state: "fail", reason }],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
async function reportConfigError(ctx, input, error) {
  const bases = /* @__PURE__ */ new Set(["main", ...input.defaultBranch ? [input.defaultBranch] : []]);
  const evaluation = configErrorEvaluation(error);
  switch (input.kind) {
    case "pull-request":
      return bases.has(input.pr.baseRef) ? publishFixed(ctx, input.pr.headSha, evaluation) : void 0;
    case "checks":
      return input.prs.some((pr) => bases.has(pr.baseRef)) ? publishFixed(ctx, input.sha, evaluation) : void 0;
    case "merge-group":
      return bases.has(input.baseRef) ? publishFixed(ctx, input.sha, evaluation) : void 0;
    case "status":
      return void 0;
  }
}
async function publishPullsAt(ctx, config, sha, numbers) {
  let outcome;
  for (const number of numbers) {
    const pr = await fetchPullRequest(ctx, number);
    if (pr?.state !== "open" || pr.headSha !== sha || !isProductionLine(config, pr.baseRef)) continue;
    outcome = await publishPull(ctx, config, pr, sha);
  }
  return outcome;
}
async function openPullsWithHead(ctx, sha, production) {
  const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    ...ctx.repo,
    commit_sha: sha,
    per_page: PER_PAGE
  });
  return data.filter((pr) => pr.state === "open" && pr.head.sha === sha && production(pr.base.ref)).map((pr) => pr.number);
}
async function runGate(input, ctx) {
  const loaded = await ctx.config();
  if (!loaded.ok) return reportConfigError(ctx, input, loaded.error);
  const config = loaded.config;
  const production = (base) => isProductionLine(config, base);
  if (input.kind === "pull-request") {
    if (!production(input.pr.baseRef)) return void 0;
    const pr2 = await fetchPullRequest(ctx, input.pr.number);
    if (pr2?.state !== "open" || pr2.headSha !== input.pr.headSha || !production(pr2.baseRef)) return void 0;
    return publishPull(ctx, config, pr2, pr2.headSha);
  }
  if (input.kind === "checks") {
    const pulls = input.prs.filter((pr2) => production(pr2.baseRef));
    if (pulls.length === 0) return void 0;
    if (input.checkName !== null && !isRequiredCheckName(input.checkName, config)) return void 0;
    return publishPullsAt(
      ctx,
      config,
      input.sha,
      pulls.map((pr2) => pr2.number)
    );
  }
  if (input.kind === "status") {
    if (!isRequiredCheckName(input.context, config)) return void 0;
    return publishPullsAt(ctx, config, input.sha, await openPullsWithHead(ctx, input.sha, production));
  }
  if (!production(input.baseRef)) return void 0;
  if (input.pullNumber === null) {
    return publishFixed(
      ctx,
      input.sha,
      unknownMergeGroup("no pull request number in the merge queue branch name")
    );
  }
  const pr = await fetchPullRequest(ctx, input.pullNumber);
  if (!pr)
    return publishFixed(ctx, input.sha, unknownMergeGroup(`pull request #${input.pullNumber} not found`));
  return publishPull(ctx, config, pr, input.sha);
}
var gateRoute = {
  step: "gate",
  triggers: GATE_TRIGGERS,
  match: matchGate,
  run: (input, ctx) => runGate(input, ctx)
};

// src/sweep/tasks/fire-fast-track.ts
function pendingFastTracks(state) {
  return Object.entries(state?.fastTrack ?? {}).flatMap(([key, record]) => {
    const pr = Number(key);
    const since = Date.parse(record.since);
    if (!Number.isSafeInteger(pr) || record.firedAt !== void 0 || Number.isNaN(since)) return [];
    const dueAt = new Date(since + record.minutes * 6e4).toISOString();
    return [{ key: `fast-track-${pr}`, dueAt, pr, head: record.head }];
  });
}
var fireFastTrack = {
  name: "fast-track",
  async run(ctx, swept) {
    const results = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const { state } = await swept.timeline(issue.number);
      for (const due of dueNow(pendingFastTracks(state), swept.now)) {
        const target = `#${due.pr}`;
        try {
          const outcome = await reevaluatePull({ ...ctx, clock: () => swept.now }, swept.config, due.pr);
          if (outcome?.gate)
            results.push({
              task: this.name,
              target,
              outcome: "finished",
              detail: `gate re-evaluated after the fast-track timeout: ${outcome.gate.summary}`
            });
        } catch (error) {
          results.push(failedResult(this.name, target, error));
        }
      }
    }
    return results;
  }
};

// src/follow-ups/overdue-notice.ts
function overdueMarker(issue) {
  return `<!-- hotfix-bot:follow-up-overdue ${JSON.stringify({ issue })} -->`;
}
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
function overdueMentions(assignees, commander) {
  const people2 = (logins) => logins.filter((l) => LOGIN.test(l) && !l.endsWith("[bot]"));
  const assigned = people2(assignees);
  if (assigned.length > 0) return [...new Set(assigned)];
  return people2(commander ? [commander] : []);
}
function overdueNoticeText(input) {
  const who2 = input.mentions.length > 0 ? `${input.mentions.map((m) => `@${m}`).join(" ")}: ` : "";
  const of = input.incident === null ? `hotfix #${input.pr}` : `incident #${input.incident} (hotfix #${input.pr})`;
  const nobody = input.mentions.length === 0 ? " Nobody is assigned, and the incident records no commander to ask." : "";
  return `${overdueMarker(input.issue)}
${who2}this ${input.kind} follow-up of ${of} was due ${formatDueTime(input.dueAt)} and is still open. Finish it and close this issue, or say here what holds it up.${nobody}`;
}

// src/sweep/tasks/notice-overdue-follow-ups.ts
function dueFollowUps(pipeline, now) {
  if (!pipeline) return [];
  const items = Object.entries(pipeline.followUps).flatMap(
    ([kind, f]) => f?.dueAt && !f.overdueNoticeAt && !f.closedAt ? [{ key: `follow-up-overdue-${f.issue}`, dueAt: f.dueAt, kind, issue: f.issue }] : []
  );
  return dueNow(items, now);
}
async function readIssue(ctx, issue) {
  try {
    const { data } = await ctx.octokit.rest.issues.get({ ...ctx.repo, issue_number: issue });
    return {
      open: data.state === "open",
      closedAt: data.closed_at ?? null,
      assignees: (data.assignees ?? []).map((a) => a.login)
    };
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 410) return null;
    throw error;
  }
}
async function settleDue(ctx, state, pipeline, due, now) {
  const record = pipeline.followUps[due.kind];
  if (!record) return null;
  const issue = await readIssue(ctx, due.issue);
  if (!issue) return null;
  if (!issue.open) {
    const closedAt = issue.closedAt ?? now.toISOString();
    const late = Date.parse(closedAt) > Date.parse(due.dueAt);
    pipeline.followUps[due.kind] = { ...record, closedAt };
    const text = `Follow-up #${due.issue} (${due.kind}) closed ${late ? `late, after its due time ${formatDueTime(due.dueAt)}` : "on time"}`;
    return {
      state: addEntry(state, { key: `follow-up-closed-${due.issue}`, at: closedAt, text, url: record.url }),
      detail: late ? "closed late" : "closed on time"
    };
  }
  const mentions = overdueMentions(issue.assignees, state.commander);
  await ensureBotComment(
    ctx,
    due.issue,
    overdueMarker(due.issue),
    overdueNoticeText({
      issue: due.issue,
      kind: due.kind,
      pr: pipeline.pr,
      incident: state.incident,
      dueAt: due.dueAt,
      mentions
    })
  );
  pipeline.followUps[due.kind] = { ...record, overdueNoticeAt: now.toISOString() };
  const who2 = mentions.length > 0 ? mentions.map((m) => `@${m}`).join(" ") : "nobody to mention";
  return {
    state: addEntry(state, {
      key: due.key,
      at: now.toISOString(),
      text: `Follow-up #${due.issue} (${due.kind}) overdue since ${formatDueTime(due.dueAt)}: reminded ${who2}`,
      url: record.url
    }),
    detail: `overdue, reminded ${who2}`
  };
}
var noticeOverdueFollowUps = {
  name: "follow-up-deadlines",
  async run(ctx, swept) {
    const results = [];
    for (const pr of swept.mergedHotfixes) {
      try {
        const { issue, state } = await timelineOfMergedHotfix(swept, pr);
        if (dueFollowUps(state?.pipelines[String(pr.number)], swept.now).length === 0) continue;
        await withPipelineLock(
          ctx,
          pr.number,
          () => withIncidentLock(ctx, issue, async () => {
            const timeline = await readTimeline(ctx, issue);
            let next = timeline.state;
            const pipeline = next?.pipelines[String(pr.number)];
            if (!next || !pipeline) return;
            let changed = false;
            for (const due of dueFollowUps(pipeline, swept.now)) {
              const target = `#${due.issue}`;
              try {
                const settled2 = await settleDue(ctx, next, pipeline, due, swept.now);
                if (!settled2) continue;
                next = settled2.state;
                changed = true;
                results.push({ task: this.name, target, outcome: "finished", detail: settled2.detail });
              } catch (error) {
                results.push(failedResult(this.name, target, error));
              }
            }
            if (!changed) return;
            next = { ...next, pipelines: { ...next.pipelines, [String(pr.number)]: pipeline } };
            await writeTimeline(ctx, issue, timeline.commentId, next);
          })
        );
      } catch (error) {
        results.push(failedResult(this.name, `#${pr.number}`, error));
      }
    }
    return results;
  }
};

// src/deploy/deploy-decision.ts
function pipelineForTag(state, pr, ref) {
  const pipeline = state?.pipelines[String(pr)];
  return pipeline?.tag === ref ? pipeline : null;
}
function decideDeploy(pipeline, status) {
  if (!pipeline) return { kind: "not-ours" };
  const deploy = pipeline.deploy ?? {};
  if (status.state === "success") {
    return deploy.deployedAt === void 0 ? { kind: "deployed", pipeline } : { kind: "done", pipeline };
  }
  const complete = deploy.rollback !== void 0 && deploy.rollback.status !== "failed" && deploy.escalated;
  return complete ? { kind: "done", pipeline } : { kind: "rollback", pipeline };
}

// src/deploy/resolution-section.ts
function backportStateText(backport) {
  if (backport.waived) return `waived by ${backport.waived.by}: ${backport.waived.reason}`;
  if (backport.end?.state === "merged") return "merged";
  if (backport.end?.state === "closed") return "closed without merging";
  switch (backport.status) {
    case "open":
      return "open";
    case "conflict":
      return "draft with conflicts";
    case "already":
      return "already there";
    default:
      return `failed${backport.error ? `: ${backport.error}` : ""}`;
  }
}
function resolutionFacts(state, pipeline, fix, environment) {
  const backports = Object.entries(pipeline.backports).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([branch, b]) => ({ branch, state: backportStateText(b), ...b.pr ? { pr: b.pr } : {} }));
  const followUps = Object.entries(pipeline.followUps).flatMap(
    ([kind, f]) => f ? [{ kind, issue: f.issue }] : []
  );
  followUps.sort((a, b) => a.issue - b.issue);
  return {
    incident: state.incident,
    fix,
    tag: pipeline.tag ?? "",
    environment,
    deployedAt: pipeline.deploy?.deployedAt ?? "",
    recovery: recoveryLine(incidentDurations(state)),
    backports,
    followUps
  };
}
function utcMinute(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "unknown" : `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
var oneLine3 = (text) => text.replace(/\s+/g, " ").trim();
var code = (text) => `\`${oneLine3(text).replace(/`/g, "'")}\``;
function resolutionSection(facts2) {
  const backports = facts2.backports.length === 0 ? ["- Backports: none"] : [
    "- Backports:",
    ...facts2.backports.map(
      (b) => `  - ${code(b.branch)}: ${b.pr ? `#${b.pr}, ` : ""}${escapeMarkdown(oneLine3(b.state))}`
    )
  ];
  const followUps = facts2.followUps.length === 0 ? "none" : facts2.followUps.map((f) => `#${f.issue} (${f.kind})`).join(", ");
  return [
    "## Resolution",
    "",
    `- Fixed by: [#${facts2.fix.number}](${facts2.fix.url}) ${escapeMarkdown(oneLine3(facts2.fix.title))}`,
    `- Tag: ${code(facts2.tag)}`,
    `- Deployed: ${utcMinute(facts2.deployedAt)} to ${code(facts2.environment)}`,
    `- Time to recovery: ${facts2.recovery ?? "unknown (the timeline lacks the detection time)"}`,
    ...backports,
    `- Follow-ups: ${followUps}`,
    ""
  ].join("\n");
}
function withResolutionSection(report, section) {
  const lines = report.split("\n");
  const start = lines.findIndex((line) => /^## Resolution\s*$/.test(line));
  if (start === -1) return `${report.replace(/\n*$/, "")}

${section}`;
  const rest = lines.slice(start + 1);
  const next = rest.findIndex((line) => /^## /.test(line));
  const before = lines.slice(0, start).join("\n");
  const after = next === -1 ? "" : `
${rest.slice(next).join("\n")}`;
  return `${before}
${section}${after}`;
}
function resolutionEntryText(facts2) {
  const backports = facts2.backports.length === 0 ? "none" : facts2.backports.map((b) => `${b.branch} ${b.pr ? `#${b.pr} ` : ""}${b.state}`).join("; ");
  const followUps = facts2.followUps.length === 0 ? "none" : facts2.followUps.map((f) => `#${f.issue} (${f.kind})`).join(", ");
  return [
    `Resolution: fixed by #${facts2.fix.number} "${oneLine3(facts2.fix.title)}"`,
    `tag ${facts2.tag}`,
    `deployed ${utcMinute(facts2.deployedAt)} to ${facts2.environment}`,
    `recovery: ${facts2.recovery ?? "unknown"}`,
    `backports: ${backports}`,
    `follow-ups: ${followUps}`
  ].join("; ");
}
function resolutionBranchName(incident) {
  if (!Number.isSafeInteger(incident) || incident < 1)
    throw new RangeError(`not an issue number: ${incident}`);
  return `hotfix-bot/resolution-${incident}`;
}
function resolutionCommitMessage(incident, fix) {
  return `Incident report for #${incident}: Resolution (#${fix} deployed)
`;
}
function resolutionPrTitle(incident) {
  return `Incident #${incident}: add the Resolution to the incident report`;
}
function resolutionPrBody(facts2, path) {
  const incident = facts2.incident !== null ? [`Incident: #${facts2.incident}`, ""] : [];
  return [
    `Adds the Resolution section to \`${path.replace(/`/g, "'")}\`: #${facts2.fix.number} was deployed as ${code(facts2.tag)}.`,
    "",
    ...incident,
    "Only the incident report changes."
  ].join("\n");
}

// src/deploy/record-resolution.ts
function resolutionDue(state, pipeline) {
  if (pipeline.deploy?.deployedAt === void 0) return false;
  if (pipeline.rollbackBy || pipeline.deploy.rollback || pipeline.deploy.failedAt !== void 0) return false;
  return state.resolution === void 0 || state.resolution.status === "failed";
}
function resolutionRetryDue(state, pipeline) {
  return state.resolution?.status === "failed" && state.resolution.fix === pipeline.pr && resolutionDue(state, pipeline);
}
async function recordResolution(ctx, config, state, fix, environment) {
  const pipeline = state.pipelines[String(fix.number)];
  if (!pipeline || !resolutionDue(state, pipeline)) return state;
  const facts2 = resolutionFacts(state, pipeline, fix, environment);
  const at = ctx.clock().toISOString();
  const report = state.intake?.report;
  if (!config.intake.incidentReport || !report || state.incident === null) {
    return withResolution(state, { status: "timeline", fix: fix.number, at }, resolutionEntryText(facts2));
  }
  const production = isProductionLine(config, fix.baseRef) ? fix.baseRef : config.productionBranch;
  try {
    const proposed = await proposeResolution(ctx, state.incident, facts2, report.path, production);
    if (proposed === "missing") {
      return withResolution(
        state,
        { status: "timeline", fix: fix.number, at },
        `${resolutionEntryText(facts2)} (the incident report ${report.path} is not on ${production})`
      );
    }
    const record = { status: "proposed", fix: fix.number, at, ...proposed };
    let next = state;
    for (const entry of refusedBranchEntries(proposed.refused, proposed.branch, at))
      next = addEntry(next, entry);
    return withResolution(
      next,
      record,
      `Resolution section for ${report.path} proposed in PR #${proposed.pr}`
    );
  } catch (error) {
    const message = errorMessage(error);
    ctx.log.error(`resolution record of #${state.incident} failed: ${message}`);
    return withResolution(
      state,
      { status: "failed", fix: fix.number, at, error: message },
      `The Resolution section could not be proposed (${message}); retried on the next successful deployment status. ${resolutionEntryText(facts2)}`
    );
  }
}
function withResolution(state, resolution, text) {
  const url = resolution.url ? { url: resolution.url } : {};
  return addEntry({ ...state, resolution }, { key: "resolution", at: resolution.at, text, ...url });
}
async function proposeResolution(ctx, incident, facts2, path, production) {
  const { octokit, repo } = ctx;
  const { data: tip } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${production}` });
  const report = await fileAt(ctx, path, tip.object.sha);
  if (report === null) return "missing";
  const { data: tipCommit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: tip.object.sha });
  const content = withResolutionSection(report, resolutionSection(facts2));
  const writer = new GitWriter(octokit, repo, () => [path]);
  const tree = await writer.tree(tipCommit.tree.sha, [
    { path, mode: "100644", content: new Uint8Array(Buffer.from(content, "utf8")) }
  ]);
  const head = await writer.commit({
    message: resolutionCommitMessage(incident, facts2.fix.number),
    tree,
    parents: [tip.object.sha]
  });
  const wanted = resolutionBranchName(incident);
  const placed = await placeBotBranch(octokit, repo, { name: wanted, head, onto: tip.object.sha });
  const record = placementRecord(wanted, placed);
  if (!placed.created) {
    const earlier = await findBotPull(ctx, placed.branch, production);
    if (earlier) return { pr: earlier.number, url: earlier.html_url, ...record };
  }
  const { data: created } = await octokit.rest.pulls.create({
    ...repo,
    head: placed.branch,
    base: production,
    title: resolutionPrTitle(incident),
    body: resolutionPrBody(facts2, path)
  });
  ctx.log.info(`resolution of #${incident}: PR #${created.number}`);
  return { pr: created.number, url: created.html_url, ...record };
}
async function fileAt(ctx, path, ref) {
  try {
    const { data } = await ctx.octokit.rest.repos.getContent({ ...ctx.repo, path, ref });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}

// src/deploy/escalation.ts
function escalationMarker(pr) {
  return `<!-- hotfix-bot:escalation ${JSON.stringify({ pr })} -->`;
}
function mention(login) {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/.test(login) ? `@${login}` : escapeMarkdown(login);
}
function escalationComment(input) {
  const who2 = input.commander ? `${mention(input.commander)} ` : "";
  const why = input.description ? `: ${escapeMarkdown(input.description)}` : "";
  const headline = input.trigger ? `${who2}**#${input.pr} (\`${input.tag}\`) is being rolled back**: ${triggerMarkdown(input.trigger)}.` : `${who2}**The deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed** (${input.state}${why}).`;
  const lines = [escalationMarker(input.pr), headline, ""];
  const revert = input.rollback;
  if (revert.status === "open") {
    lines.push(
      `Revert PR #${revert.pr} takes #${input.pr} back out of production: review it, merge it and deploy.`
    );
  } else if (revert.status === "conflict") {
    lines.push(
      `Revert PR #${revert.pr} is a draft: production changed the same lines since #${input.pr}. Resolve its conflicts, then merge and deploy.`
    );
  } else if (revert.status === "empty") {
    lines.push(
      `Production no longer contains the change of #${input.pr}: there was nothing to revert. Look at the deploy itself.`
    );
  } else {
    lines.push(
      `The revert of #${input.pr} could not be built (${escapeMarkdown(revert.error ?? "unknown error")}); revert it by hand with the rollback plan above.`
    );
  }
  const log = deployLogLink(input.logUrl);
  if (log) lines.push("", log);
  lines.push("", `This incident is labelled \`${input.label}\`.`);
  return lines.join("\n");
}

// src/deploy/revert-commit.ts
async function revertBase(ctx, pr, mergeSha) {
  const { picks } = await readPickPlan(ctx, mergeSha, await readPullCommits(ctx, pr));
  const oldest = picks[0];
  if (!oldest) throw new Error(`nothing to revert for #${pr}`);
  return oldest.parent;
}
async function revertCommit(ctx, input) {
  const { octokit, repo } = ctx;
  const source = new GitHubTreeSource(octokit, repo);
  const changed = /* @__PURE__ */ new Set();
  const writer = new GitWriter(octokit, repo, () => [...changed]);
  const [merged, before, onto] = await Promise.all([
    source.commit(input.mergeSha),
    source.commit(input.baseSha),
    source.commit(input.ontoSha)
  ]);
  const labels = { ours: input.ontoLabel, theirs: `revert of ${input.mergeSha.slice(0, 7)} (#${input.pr})` };
  const plan = await planPick(source, { base: merged.tree, ours: onto.tree, theirs: before.tree }, labels);
  for (const path of plan.changedPaths) changed.add(path);
  let tree;
  let conflictFiles = [];
  let usedServerMerge = false;
  if (plan.uncertain.length === 0) {
    tree = plan.entries.length > 0 ? await writer.tree(onto.tree, plan.entries) : onto.tree;
  } else {
    usedServerMerge = true;
    const inverse = await writer.commit({
      message: `Inverse of ${input.mergeSha} for a revert`,
      tree: before.tree,
      parents: [input.mergeSha]
    });
    const outcome = await serverCherryPick(source, writer, {
      pick: { sha: inverse, parent: input.mergeSha },
      baseTree: merged.tree,
      oursTree: onto.tree,
      plan
    });
    tree = outcome.tree;
    conflictFiles = outcome.conflictFiles;
  }
  if (tree === onto.tree && conflictFiles.length === 0) {
    return { status: "empty", headSha: input.ontoSha, conflictFiles, usedServerMerge, writes: writer.writes };
  }
  const headSha = await writer.commit({ message: input.message, tree, parents: [input.ontoSha] });
  return {
    status: conflictFiles.length > 0 ? "conflict" : "clean",
    headSha,
    conflictFiles,
    usedServerMerge,
    writes: writer.writes
  };
}

// src/deploy/roll-back.ts
function rollbackComplete(deploy) {
  return deploy?.rollback !== void 0 && deploy.rollback.status !== "failed" && deploy.escalated === true;
}
async function rollBack(ctx, config, state, origin, pipeline, reason) {
  const { octokit, repo } = ctx;
  const n = origin.pr.number;
  const deploy = { ...pipeline.deploy ?? {} };
  let next = state;
  if (!deploy.rollback || deploy.rollback.status === "failed") {
    deploy.rollback = await openRevertPr(ctx, config, reason, origin, state);
    const at = ctx.clock().toISOString();
    for (const entry of refusedBranchEntries(deploy.rollback.refused, deploy.rollback.branch, at)) {
      next = addEntry(next, entry);
    }
    next = addEntry(next, revertEntry(n, deploy.rollback, at));
  }
  if (!deploy.escalated) {
    await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: origin.issue,
      labels: [config.deploy.rollbackLabel]
    });
    const commander = next.commander ?? origin.pr.author;
    await ensureBotComment(
      ctx,
      origin.issue,
      escalationMarker(n),
      escalationComment({
        pr: n,
        tag: reason.tag,
        environment: reason.environment,
        state: reason.state,
        description: reason.description,
        logUrl: reason.logUrl,
        commander,
        rollback: deploy.rollback,
        label: config.deploy.rollbackLabel,
        ...reason.trigger ? { trigger: reason.trigger } : {}
      })
    );
    deploy.escalated = true;
    next = addEntry(next, {
      key: `escalated-${n}`,
      at: ctx.clock().toISOString(),
      text: `Labelled ${config.deploy.rollbackLabel}; escalated to @${commander}`
    });
  }
  const current = next.pipelines[String(n)] ?? pipeline;
  return { ...next, pipelines: { ...next.pipelines, [String(n)]: { ...current, deploy } } };
}
function revertEntry(pr, rollback, at) {
  const key = `revert-${pr}`;
  switch (rollback.status) {
    case "open":
      return { key, at, text: `Revert PR #${rollback.pr} opened`, url: rollback.url };
    case "conflict":
      return {
        key,
        at,
        text: `Draft revert PR #${rollback.pr} opened, with conflicts to resolve`,
        url: rollback.url
      };
    case "empty":
      return { key, at, text: `Nothing to revert: production no longer has #${pr}` };
    default:
      return { key, at, text: `The revert of #${pr} failed: ${rollback.error ?? "unknown error"}` };
  }
}
async function findRevertPr(ctx, branch, base) {
  const pr = await findBotPull(ctx, branch, base);
  if (!pr) return null;
  return { status: pr.draft ? "conflict" : "open", pr: pr.number, url: pr.html_url };
}
async function openRevertPr(ctx, config, reason, origin, state) {
  const { octokit, repo } = ctx;
  const { pr } = origin;
  const branch = revertBranchName(pr.number);
  const production = isProductionLine(config, pr.baseRef) ? pr.baseRef : config.productionBranch;
  const trigger = reason.trigger ? { trigger: reason.trigger } : {};
  try {
    const existing = await findRevertPr(ctx, branch, production);
    if (existing) return existing;
    const { data: tip } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${production}` });
    const revert = await revertCommit(ctx, {
      pr: pr.number,
      mergeSha: pr.mergeSha,
      baseSha: await revertBase(ctx, pr.number, pr.mergeSha),
      ontoSha: tip.object.sha,
      ontoLabel: production,
      message: revertMessage({
        title: pr.title,
        pr: pr.number,
        mergeSha: pr.mergeSha,
        tag: reason.tag,
        ...trigger
      })
    });
    if (revert.status === "empty") return { status: "empty" };
    const placed = await placeBotBranch(octokit, repo, {
      name: branch,
      head: revert.headSha,
      onto: tip.object.sha
    });
    const record = placementRecord(branch, placed);
    if (!placed.created) {
      const raced = await findRevertPr(ctx, placed.branch, production);
      if (raced) return { ...raced, ...record };
    }
    const conflict = revert.status === "conflict";
    const { data: created } = await octokit.rest.pulls.create({
      ...repo,
      head: placed.branch,
      base: production,
      title: revertTitle(pr.title),
      body: revertBody({
        pr: pr.number,
        mergeSha: pr.mergeSha,
        tag: reason.tag,
        environment: reason.environment,
        state: reason.state,
        description: reason.description,
        logUrl: reason.logUrl,
        incident: origin.incident,
        previousTag: state.intake?.previousTag?.name ?? null,
        conflictFiles: revert.conflictFiles,
        ...trigger
      }),
      draft: conflict
    });
    ctx.log.info(`revert of #${pr.number}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
    return { status: conflict ? "conflict" : "open", pr: created.number, url: created.html_url, ...record };
  } catch (error) {
    const message = errorMessage(error);
    ctx.log.error(`revert of #${pr.number} failed: ${message}`);
    return { status: "failed", error: message };
  }
}

// src/deploy/handle-deployment-status.ts
async function mergedPrOf(ctx, config, status) {
  const { octokit, repo } = ctx;
  if (status.marker) {
    try {
      const { data: data2 } = await octokit.rest.pulls.get({ ...repo, pull_number: status.marker.pr });
      const pr = mergedPullRequestFrom(data2);
      return pr && isMergedHotfix(pr, config) ? pr : null;
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  }
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...repo,
    commit_sha: status.sha,
    per_page: 10
  });
  for (const raw of data) {
    const pr = mergedPullRequestFrom(raw);
    if (pr && pr.mergeSha === status.sha && isMergedHotfix(pr, config)) return pr;
  }
  return null;
}
async function handleDeploymentStatus(ctx, config, status) {
  const pr = await mergedPrOf(ctx, config, status);
  if (!pr) return { handled: "not-ours" };
  const here = withLogFields(ctx, { pr: pr.number });
  const { origin, acted } = await withMergedHotfixRecord(here, pr, async (origin2) => ({
    origin: origin2,
    acted: await act(here, config, status, origin2)
  }));
  if (acted.handled === "not-ours") return acted;
  const notified = await notifyDeployOutcome(here, config, origin.incident, pr.number, status);
  return notified === void 0 ? acted : { ...acted, timeline: notified };
}
async function act(ctx, config, status, origin) {
  const timeline = await readTimeline(ctx, origin.issue);
  const decision = decideDeploy(pipelineForTag(timeline.state, origin.pr.number, status.ref), status);
  if (decision.kind === "not-ours") return { handled: decision.kind };
  if (!timeline.state) return { handled: "not-ours" };
  const written = async (handled, state2) => {
    const { markdown } = await writeTimeline(ctx, origin.issue, timeline.commentId, state2);
    return { handled, timeline: markdown };
  };
  if (decision.kind === "done") {
    if (status.state !== "success" || !resolutionRetryDue(timeline.state, decision.pipeline))
      return { handled: "done" };
    return written(
      "done",
      await recordResolution(ctx, config, timeline.state, origin.pr, status.environment)
    );
  }
  const at = validTime2(status.at) ?? ctx.clock().toISOString();
  let state = timeline.state;
  const deploy = { ...decision.pipeline.deploy ?? {} };
  const pipeline = { ...decision.pipeline, deploy };
  const n = origin.pr.number;
  if (decision.kind === "deployed") {
    deploy.deployedAt = at;
    deploy.deployment = status.deployment;
    if (status.url) deploy.url = status.url;
    if (config.monitoring.enabled && !pipeline.rollbackBy && !deploy.rollback && !pipeline.monitor)
      pipeline.monitor = startMonitoring(config.monitoring, status.sha, ctx.clock());
    state = withPipeline(state, pipeline);
    const figures = recoveryLine(incidentDurations(state));
    state = addEntry(state, {
      key: `deployed-${n}`,
      at,
      text: `Deployed ${status.ref} to ${status.environment}${figures ? ` \u2014 ${figures}` : ""}`,
      ...status.url ? { url: status.url } : {}
    });
    if (pipeline.monitor) state = addEntry(state, monitoringEntry(n, pipeline.monitor, config.monitoring));
    if (!hasEntry(state, `closed-by-deploy-${n}`))
      state = await settleIncident(ctx, config, state, origin.incident);
    state = await recordResolution(ctx, config, state, origin.pr, status.environment);
    return written("deployed", state);
  }
  if (deploy.failedAt === void 0) {
    deploy.failedAt = at;
    deploy.failedDeployment = status.deployment;
  }
  state = withPipeline(state, pipeline);
  state = addEntry(state, {
    key: `deploy-failed-${n}`,
    at: deploy.failedAt,
    text: `Deployment of ${status.ref} to ${status.environment} failed (${status.state})`,
    ...status.url ? { url: status.url } : {}
  });
  state = await rollBack(ctx, config, state, origin, pipeline, {
    tag: status.ref,
    environment: status.environment,
    state: status.state,
    description: status.description,
    logUrl: status.url
  });
  return written("rolled-back", state);
}
function withPipeline(state, pipeline) {
  return { ...state, pipelines: { ...state.pipelines, [String(pipeline.pr)]: pipeline } };
}
function hasEntry(state, key) {
  return state.entries.some((e) => e.key === key);
}
function validTime2(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// src/sweep/tasks/record-deploy-outcome.ts
function deployOutcomePending(pipeline) {
  const deploy = pipeline?.deploy;
  if (!pipeline?.tag || !deploy || !deploy.workflow && !deploy.environment) return false;
  if (deploy.deployedAt !== void 0) return false;
  if (deploy.failedAt === void 0) return true;
  return deploy.rollback === void 0 || deploy.rollback.status === "failed" || !deploy.escalated;
}
var FINAL = /* @__PURE__ */ new Set(["success", "failure", "error"]);
var recordDeployOutcome = {
  name: "deploy",
  async run(ctx, swept) {
    const results = [];
    const { octokit, repo } = ctx;
    for (const pr of swept.mergedHotfixes) {
      const target = `#${pr.number}`;
      try {
        const { state, incident } = await timelineOfMergedHotfix(swept, pr);
        const pipeline = state?.pipelines[String(pr.number)];
        if (!pipeline?.tag || !state) continue;
        const retryResolution = resolutionRetryDue(state, pipeline);
        if (!deployOutcomePending(pipeline) && !retryResolution) continue;
        const environment = pipeline.deploy?.environment;
        const deployment = environment ? (await octokit.rest.repos.getDeployment({ ...repo, deployment_id: environment.deployment })).data : (await octokit.rest.repos.listDeployments({ ...repo, ref: pipeline.tag, per_page: 1 })).data[0];
        if (!deployment) continue;
        const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: deployment.id,
          per_page: 30
        });
        const final = statuses.find((status2) => FINAL.has(status2.state));
        if (!final) continue;
        const status = {
          deployment: deployment.id,
          state: final.state,
          ref: pipeline.tag,
          sha: deployment.sha,
          environment: final.environment ?? deployment.environment,
          at: final.created_at,
          description: final.description ?? "",
          url: final.log_url || final.target_url || null,
          marker: { incident, pr: pr.number, tag: pipeline.tag }
        };
        ctx.log.info(
          `sweep: deployment ${deployment.id} of ${pipeline.tag} ended ${final.state}; recording it`
        );
        const { handled } = await handleDeploymentStatus(ctx, swept.config, status);
        if (retryResolution && handled === "done") {
          results.push({ task: this.name, target, outcome: "finished", detail: "resolution record retried" });
        } else if (handled === "deployed" || handled === "rolled-back")
          results.push({
            task: this.name,
            target,
            outcome: "finished",
            detail: `${pipeline.tag} ${handled}`
          });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/sweep/sweep-tasks.ts
var sweepTasks = [
  finishIntake,
  finishDraftPr,
  finishAfterMerge,
  recordDeployOutcome,
  endMonitoringWindows,
  fireFastTrack,
  deleteLeftoverPickBranches,
  noticeOverdueFollowUps,
  everySweep("stale-backports", async (ctx, repo, now) => {
    const reminded = await remindStaleBackports(ctx, repo, now);
    return reminded > 0 ? [
      {
        task: "stale-backports",
        target: `${reminded} backport PR(s)`,
        outcome: "finished",
        detail: "reminded"
      }
    ] : [];
  })
];

// src/sweep/sweep-repository.ts
var prNumber = (target) => Number(target.replace(/^#/, ""));
async function sweepRepository(ctx, found, options = {}) {
  const name = `${ctx.repo.owner}/${ctx.repo.repo}`;
  const read = await readSweptRepository(ctx, found, options);
  if (!read.ok)
    return { repo: name, checked: 0, finished: [], failed: [], skipped: read.skipped, results: [] };
  const results = [];
  for (const task of options.tasks ?? sweepTasks) {
    try {
      results.push(...await task.run(ctx, read.swept));
    } catch (error) {
      results.push({
        task: task.name,
        target: name,
        outcome: "failed",
        detail: errorMessage(error)
      });
    }
  }
  const afterMerge = results.filter((r) => r.task === "after-merge" && r.target.startsWith("#"));
  return {
    repo: name,
    checked: read.swept.mergedHotfixes.length,
    finished: afterMerge.filter((r) => r.outcome === "finished" && r.detail !== "stale claim deleted").map((r) => prNumber(r.target)),
    failed: afterMerge.filter((r) => r.outcome === "failed").map((r) => ({ pr: prNumber(r.target), error: r.detail })),
    results
  };
}
async function sweepOneRepository(ctx, options = {}) {
  const loaded = await ctx.config();
  const labels = loaded.ok ? Object.values(loaded.config.severity.labels) : [];
  const since = new Date(ctx.clock().getTime() - SWEEP_LOOKBACK_DAYS * 864e5);
  const active = await discoverActiveRepositories(ctx.octokit, {
    scope: { kind: "repo", repo: ctx.repo },
    since,
    severityLabels: labels,
    appSlug: null
  });
  const found = [...active.values()].flatMap((group) => group.found);
  return sweepRepository(ctx, found, options);
}

export {
  mergedPullRequestFrom,
  isMergedHotfix,
  logWith,
  withLogFields,
  branchNameProblem,
  withPipelineLock,
  incidentOfPull,
  backportLanded,
  addEntry,
  CLOSED_AT_RESOLUTION_KEY,
  settleIncident,
  hasWritePermission,
  WriteAccessCache,
  withIncidentLock,
  notifyMilestone,
  resolvedDetails,
  runAfterMerge,
  ensureBotComment,
  backportCheckOutput,
  backportCheckTitle,
  findBackportRun,
  openBackportCheck,
  passBackportCheck,
  markerOf,
  matchesCheckName,
  reportedBy,
  createdBy,
  afterMergeSteps,
  runAfterMergeWithTarget,
  readMergedHotfix,
  BACKPORT_PR_ACTIONS,
  backportPrEventFrom,
  recordBackportEvent,
  remindOnIncident,
  withMergedHotfixRecord,
  utcClock,
  monitoringPhase,
  triggerText,
  rollbackComplete,
  rollBack,
  handleDeploymentStatus,
  recordStable,
  endMonitoringUnderLock,
  notifyMonitoringDone,
  notifyRollbackAsked,
  gateRoute,
  incidentOfBranch,
  notifyDeclared,
  notifyDraftPr,
  openDraftPr,
  MissingLineError,
  runIntake,
  discoverActiveRepositories,
  SWEEP_LOOKBACK_DAYS,
  sweepRepository,
  sweepOneRepository
};
