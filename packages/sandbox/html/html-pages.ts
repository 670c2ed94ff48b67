import { diffFiles, type FileChange } from "../git/diff-files.js";
import { currentBaseSha, pullFacts } from "../services/pull-facts.js";
import {
  type CheckRunRecord,
  type CommentRecord,
  fullName,
  type IssueRecord,
  type PullRecord,
  type Repository,
} from "../state/model.js";
import type { World } from "../state/world.js";
import { escapeHtml, safeHref } from "./escape-html.js";
import { page } from "./page-shell.js";
import { renderMarkdown } from "./render-markdown.js";

/** A page of the sandbox's read-only web view: GitHub's pages for what the sandbox holds, plainly styled. */
export interface HtmlPage {
  status: number;
  html: string;
}

const href = (world: World, path: string) => safeHref(world.htmlUrl(path));

function shell(world: World, repo: Repository | null, title: string, body: string, status = 200): HtmlPage {
  const home = repo ? world.htmlUrl(`/${fullName(repo)}`) : world.htmlUrl("/");
  return { status, html: page({ title, home: safeHref(home), body }) };
}

export function notFound(world: World, what: string): HtmlPage {
  return shell(world, null, "Not found", `<h1>Not found</h1><p>${escapeHtml(what)}</p>`, 404);
}

function stateBadge(state: string): string {
  return `<span class="state state-${escapeHtml(state)}" data-state="${escapeHtml(state)}">${escapeHtml(state)}</span>`;
}

function who(login: string, isBot: boolean): string {
  return `<strong>${escapeHtml(login)}</strong>${isBot ? ' <span class="bot">bot</span>' : ""}`;
}

function comment(c: CommentRecord): string {
  return (
    `<article class="box" id="issuecomment-${c.id}" data-comment-id="${c.id}">` +
    `<div class="box-head">${who(c.user.login, c.user.type === "Bot")} <span class="meta">commented ${escapeHtml(c.createdAt)}</span></div>` +
    `<div class="box-body markdown">${renderMarkdown(c.body)}</div></article>`
  );
}

function commentsOf(repo: Repository, number: number): string {
  const list = [...repo.comments.values()]
    .filter((c) => c.issueNumber === number)
    .sort((a, b) => a.id - b.id);
  return list.map(comment).join("");
}

function labels(issue: IssueRecord): string {
  return issue.labels.map((name) => `<span class="label">${escapeHtml(name)}</span>`).join("");
}

function opening(issue: IssueRecord): string {
  return (
    `<article class="box" data-issue-body><div class="box-head">${who(issue.user.login, issue.user.type === "Bot")} ` +
    `<span class="meta">opened ${escapeHtml(issue.createdAt)}</span></div>` +
    `<div class="box-body markdown">${renderMarkdown(issue.body)}</div></article>`
  );
}

export function repositoryPage(world: World, repo: Repository): HtmlPage {
  const name = fullName(repo);
  const branches = repo.refs.list("refs/heads/").map(({ ref, sha }) => ({ name: ref.slice(11), sha }));
  const tags = repo.refs.list("refs/tags/").map(({ ref }) => ref.slice(10));
  const items = [...repo.issues.values()].sort((a, b) => b.number - a.number);
  const item = (issue: IssueRecord) => {
    const pull = issue.isPull ? repo.pulls.get(issue.number) : undefined;
    const state = pull?.merged ? "merged" : issue.state;
    const path = `/${name}/${issue.isPull ? "pull" : "issues"}/${issue.number}`;
    return `<li>${stateBadge(state)}<a href="${href(world, path)}">${escapeHtml(issue.title)}</a> <span class="meta">#${issue.number} ${issue.isPull ? "pull request" : "issue"} by ${escapeHtml(issue.user.login)}</span> ${labels(issue)}</li>`;
  };
  const body =
    `<h1>${escapeHtml(name)}</h1><p class="meta">${escapeHtml(repo.description ?? "")} · default branch <code>${escapeHtml(repo.defaultBranch)}</code></p>` +
    `<h2>Issues and pull requests</h2>${items.length ? `<ul class="list">${items.map(item).join("")}</ul>` : '<p class="empty">None yet.</p>'}` +
    `<h2>Branches</h2><ul class="list">${branches.map((b) => `<li><code>${escapeHtml(b.name)}</code> <a href="${href(world, `/${name}/commit/${b.sha}`)}"><code>${b.sha.slice(0, 7)}</code></a></li>`).join("")}</ul>` +
    `<h2>Tags and releases</h2><p>${tags.map((t) => `<code>${escapeHtml(t)}</code>`).join(" ") || "No tags."} · <a href="${href(world, `/${name}/releases`)}">Releases (${repo.releases.size})</a></p>`;
  return shell(world, repo, name, body);
}

export function issuePage(world: World, repo: Repository, issue: IssueRecord): HtmlPage {
  const body =
    `<h1><span data-title>${escapeHtml(issue.title)}</span> <span class="num">#${issue.number}</span></h1>` +
    `<p>${stateBadge(issue.state)} ${labels(issue)} <span class="meta">${escapeHtml(fullName(repo))}</span></p>` +
    opening(issue) +
    commentsOf(repo, issue.number);
  return shell(world, repo, `${issue.title} · Issue #${issue.number}`, body);
}

function conclusion(run: CheckRunRecord): string {
  const value = run.conclusion ?? run.status;
  return `<span class="conclusion-${escapeHtml(value)}" data-conclusion="${escapeHtml(value)}">${escapeHtml(value)}</span>`;
}

function checkRun(world: World, repo: Repository, run: CheckRunRecord): string {
  const output = run.output;
  return (
    `<article class="box" data-check-run="${escapeHtml(run.name)}"><div class="box-head"><strong>${escapeHtml(run.name)}</strong> ${conclusion(run)} ` +
    `<span class="meta">by ${escapeHtml(run.app.slug)}</span> <a href="${href(world, `/${fullName(repo)}/runs/${run.id}`)}">details</a></div>` +
    (output.title || output.summary || output.text
      ? `<div class="box-body markdown">${output.title ? `<h3>${escapeHtml(output.title)}</h3>` : ""}${output.summary ? renderMarkdown(output.summary) : ""}${output.text ? renderMarkdown(output.text) : ""}</div>`
      : "") +
    "</article>"
  );
}

function diff(file: FileChange): string {
  const patch = file.patch
    ? `<pre class="diff"><code>${file.patch
        .split("\n")
        .map((line) => {
          const kind = line.startsWith("@@")
            ? "hunk"
            : line.startsWith("+")
              ? "add"
              : line.startsWith("-")
                ? "del"
                : "ctx";
          return `<span class="${kind}">${escapeHtml(line) || " "}</span>`;
        })
        .join("")}</code></pre>`
    : `<p class="meta">${file.binary ? "Binary file not shown." : "Diff too large to show."}</p>`;
  return (
    `<article class="box" data-file="${escapeHtml(file.filename)}"><div class="box-head"><code>${escapeHtml(file.filename)}</code> ` +
    `<span class="meta">${escapeHtml(file.status)}, +${file.additions} −${file.deletions}</span></div><div class="box-body">${patch}</div></article>`
  );
}

async function commitList(world: World, repo: Repository, shas: string[]): Promise<string> {
  const commits = await Promise.all(shas.map((sha) => repo.store.readCommit(sha)));
  return `<ul class="list">${commits
    .flatMap((c) =>
      c
        ? [
            `<li data-commit="${c.sha}"><a href="${href(world, `/${fullName(repo)}/commit/${c.sha}`)}"><code>${c.sha.slice(0, 7)}</code></a> ` +
              `${escapeHtml(c.message.split("\n")[0] ?? "")} <span class="meta">${escapeHtml(c.author.name)}</span></li>`,
          ]
        : [],
    )
    .join("")}</ul>`;
}

export async function pullPage(
  world: World,
  repo: Repository,
  issue: IssueRecord,
  pull: PullRecord,
): Promise<HtmlPage> {
  const state = pull.merged ? "merged" : issue.state === "open" && pull.draft ? "draft" : issue.state;
  const facts = await pullFacts(repo, pull);
  const shas = await repo.store.revList([pull.headSha], [currentBaseSha(repo, pull)], {
    reverse: true,
    max: 250,
  });
  // As GitHub lists checks: the latest run of each name per app (a re-run replaces the earlier one).
  const latest = new Map<string, CheckRunRecord>();
  for (const run of [...repo.checkRuns.values()].sort((a, b) => a.id - b.id))
    if (run.headSha === pull.headSha) latest.set(`${run.app.slug}/${run.name}`, run);
  const runs = [...latest.values()];
  const statuses = repo.statuses.filter((s) => s.sha === pull.headSha);
  const reviews = [...repo.reviews.values()].filter((r) => r.pullNumber === pull.number);
  const body =
    `<h1><span data-title>${escapeHtml(issue.title)}</span> <span class="num">#${pull.number}</span></h1>` +
    `<p>${stateBadge(state)} <span class="meta">${escapeHtml(issue.user.login)} wants to merge ${facts.commits} commit${facts.commits === 1 ? "" : "s"} into <code>${escapeHtml(pull.baseRef)}</code> from <code>${escapeHtml(pull.headRef)}</code>` +
    `${pull.mergedAt ? `; merged ${escapeHtml(pull.mergedAt)}${pull.mergeCommitSha ? ` as <code>${pull.mergeCommitSha.slice(0, 7)}</code>` : ""}` : ""}</span> ${labels(issue)}</p>` +
    opening(issue) +
    `<h2>Checks on <code>${pull.headSha.slice(0, 7)}</code></h2>` +
    (runs.length
      ? runs.map((run) => checkRun(world, repo, run)).join("")
      : '<p class="empty">No check runs.</p>') +
    (statuses.length
      ? `<ul class="list">${statuses.map((s) => `<li><strong>${escapeHtml(s.context)}</strong> <span class="conclusion-${escapeHtml(s.state)}">${escapeHtml(s.state)}</span> ${escapeHtml(s.description ?? "")}</li>`).join("")}</ul>`
      : "") +
    (reviews.length
      ? `<h2>Reviews</h2><ul class="list">${reviews.map((r) => `<li>${who(r.user.login, r.user.type === "Bot")} ${escapeHtml(r.state.toLowerCase().replace("_", " "))} <code>${escapeHtml(r.commitId.slice(0, 7))}</code>${r.body ? `<div class="markdown">${renderMarkdown(r.body)}</div>` : ""}</li>`).join("")}</ul>`
      : "") +
    `<h2>Conversation</h2>${commentsOf(repo, pull.number) || '<p class="empty">No comments.</p>'}` +
    `<h2 id="commits">Commits (${shas.length})</h2>${await commitList(world, repo, shas)}` +
    `<h2 id="files">Files changed (${facts.files.length}) <span class="meta">+${facts.additions} −${facts.deletions}</span></h2>${facts.files.slice(0, 300).map(diff).join("")}`;
  return shell(world, repo, `${issue.title} · Pull Request #${pull.number}`, body);
}

export async function commitPage(world: World, repo: Repository, sha: string): Promise<HtmlPage> {
  const commit = await repo.store.readCommit(sha);
  if (!commit) return notFound(world, `No commit ${sha} in ${fullName(repo)}`);
  const files = await diffFiles(repo.store, commit.parents[0] ?? null, commit.sha);
  const body =
    `<h1>${escapeHtml(commit.message.split("\n")[0] ?? "")}</h1><pre>${escapeHtml(commit.message)}</pre>` +
    `<p class="meta">${escapeHtml(commit.author.name)} · commit <code>${commit.sha}</code>${commit.parents.map((p) => ` · parent <a href="${href(world, `/${fullName(repo)}/commit/${p}`)}"><code>${p.slice(0, 7)}</code></a>`).join("")}</p>` +
    files.slice(0, 300).map(diff).join("");
  return shell(world, repo, commit.message.split("\n")[0] ?? sha, body);
}

export function releasesPage(world: World, repo: Repository, tag: string | null): HtmlPage {
  const releases = [...repo.releases.values()]
    .filter((r) => tag === null || r.tagName === tag)
    .sort((a, b) => b.id - a.id);
  if (tag !== null && releases.length === 0) return notFound(world, `No release for tag ${tag}`);
  const body =
    `<h1>Releases · ${escapeHtml(fullName(repo))}</h1>` +
    (releases.length
      ? releases
          .map(
            (r) =>
              `<article class="box" data-release="${escapeHtml(r.tagName)}"><div class="box-head"><strong>${escapeHtml(r.name ?? r.tagName)}</strong> ` +
              `<code>${escapeHtml(r.tagName)}</code>${r.draft ? " (draft)" : ""}${r.prerelease ? " (pre-release)" : ""} <span class="meta">by ${escapeHtml(r.author.login)} ${escapeHtml(r.publishedAt ?? r.createdAt)}</span></div>` +
              `<div class="box-body markdown">${renderMarkdown(r.body)}</div></article>`,
          )
          .join("")
      : '<p class="empty">No releases.</p>');
  return shell(world, repo, `Releases · ${fullName(repo)}`, body);
}

export function checkRunPage(world: World, repo: Repository, run: CheckRunRecord): HtmlPage {
  const body =
    `<h1>${escapeHtml(run.name)} ${conclusion(run)}</h1><p class="meta">on <a href="${href(world, `/${fullName(repo)}/commit/${run.headSha}`)}"><code>${run.headSha.slice(0, 7)}</code></a> by ${escapeHtml(run.app.slug)}; started ${escapeHtml(run.startedAt ?? "–")}, completed ${escapeHtml(run.completedAt ?? "–")}</p>` +
    checkRun(world, repo, run);
  return shell(world, repo, `${run.name} · check run`, body);
}
