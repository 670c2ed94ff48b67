import { diffFiles } from "../git/diff-files.js";
import { ApiError, notFound } from "../http/api-error.js";
import type { Handler } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { renderPull } from "../services/pull-events.js";
import { moveRef } from "../services/ref-effects.js";
import { resolveCommit } from "../services/resolve.js";
import { commitShape, diffEntryShape } from "../shapes/git-shapes.js";
import { gitIdentityOf } from "../shapes/user-shape.js";
import { fullName } from "../state/model.js";
import { bodyOf, json, paginate, repoOf, requiredString, requireWrite } from "./common.js";

export function registerCommitRoutes(table: RouteTable<Handler>): void {
  table.add("GET", "/repos/{owner}/{repo}/commits", async (req, world) => {
    const repo = repoOf(world, req);
    const start = req.query.get("sha") ?? repo.defaultBranch;
    const sha = await resolveCommit(repo, start);
    if (!sha) throw new ApiError(404, `No commit found for SHA: ${start}`);
    const path = req.query.get("path") ?? undefined;
    const shas = await repo.store.revList([sha], [], path ? { path } : {});
    const since = req.query.get("since");
    const until = req.query.get("until");
    const commits = await Promise.all(shas.map((one) => repo.store.readCommit(one)));
    let list = commits.flatMap((commit) => (commit ? [commit] : []));
    if (since) list = list.filter((commit) => commit.committer.date >= since);
    if (until) list = list.filter((commit) => commit.committer.date <= until);
    const author = req.query.get("author");
    if (author) {
      const user = world.user(author);
      list = list.filter((commit) => commit.author.email === (user?.email ?? author));
    }
    const { page, headers } = paginate(world, req, list);
    return json(
      200,
      page.map((commit) => commitShape(world, repo, commit)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const ref = req.params.ref ?? "";
    const sha = await resolveCommit(repo, ref);
    if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`);
    const commit = await repo.store.readCommit(sha);
    if (!commit) throw notFound();
    if (req.headers.accept?.includes("application/vnd.github.sha")) {
      return { status: 200, raw: { data: sha, contentType: "text/plain; charset=utf-8" } };
    }
    const files = await diffFiles(repo.store, commit.parents[0] ?? null, sha);
    // Files are paginated 300 to a page (GitHub's cap on one response).
    const perPage = Math.min(300, Math.max(1, Number(req.query.get("per_page") ?? 300) || 300));
    const pageNumber = Math.max(1, Number(req.query.get("page") ?? 1) || 1);
    const pageFiles = files.slice((pageNumber - 1) * perPage, pageNumber * perPage);
    const shape = commitShape(world, repo, commit, pageFiles);
    // Stats cover the whole commit, not just this page.
    const additions = files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
    shape.stats = { total: additions + deletions, additions, deletions };
    const headers: Record<string, string> = {};
    if (pageNumber * perPage < files.length) {
      const query = new URLSearchParams(req.query);
      query.set("page", String(pageNumber + 1));
      const last = new URLSearchParams(req.query);
      last.set("page", String(Math.ceil(files.length / perPage)));
      headers.link = `<${world.apiUrl(req.path)}?${query}>; rel="next", <${world.apiUrl(req.path)}?${last}>; rel="last"`;
    }
    return json(200, shape, headers);
  });

  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/pulls", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(422, `No commit found for SHA: ${req.params.ref}`);
    const found = [];
    for (const pull of repo.pulls.values()) {
      if (pull.headSha === sha || pull.mergeCommitSha === sha) {
        found.push(pull);
        continue;
      }
      const commits = await repo.store.revList([pull.headSha], [pull.baseSha]);
      if (commits.includes(sha)) found.push(pull);
    }
    const rendered = await Promise.all(found.map((pull) => renderPull(world, repo, pull)));
    const { page, headers } = paginate(world, req, rendered);
    return json(200, page, headers);
  });

  table.add("GET", "/repos/{owner}/{repo}/compare/{basehead+}", async (req, world) => {
    const repo = repoOf(world, req);
    const basehead = req.params.basehead ?? "";
    const separator = basehead.includes("...") ? "..." : "..";
    const at = basehead.indexOf(separator);
    if (at === -1) throw notFound();
    const baseName = basehead.slice(0, at);
    const headName = basehead.slice(at + separator.length);
    const [base, head] = await Promise.all([resolveCommit(repo, baseName), resolveCommit(repo, headName)]);
    if (!base || !head) throw notFound();
    const mergeBase = await repo.store.mergeBase(base, head);
    if (!mergeBase) throw new ApiError(404, `No common ancestor between ${baseName} and ${headName}.`);
    const [ahead, behind, baseCommit, mergeBaseCommit] = await Promise.all([
      repo.store.revList([head], [base], { reverse: true }),
      repo.store.revList([base], [head]),
      repo.store.readCommit(base),
      repo.store.readCommit(mergeBase),
    ]);
    if (!baseCommit || !mergeBaseCommit) throw notFound();
    const status =
      ahead.length === 0 && behind.length === 0
        ? "identical"
        : behind.length === 0
          ? "ahead"
          : ahead.length === 0
            ? "behind"
            : "diverged";
    const commits = await Promise.all(ahead.slice(0, 250).map((sha) => repo.store.readCommit(sha)));
    const files = await diffFiles(repo.store, mergeBase, head);
    const name = fullName(repo);
    return json(200, {
      url: world.apiUrl(`/repos/${name}/compare/${basehead}`),
      html_url: world.htmlUrl(`/${name}/compare/${basehead}`),
      permalink_url: world.htmlUrl(`/${name}/compare/${base}...${head}`),
      diff_url: world.htmlUrl(`/${name}/compare/${basehead}.diff`),
      patch_url: world.htmlUrl(`/${name}/compare/${basehead}.patch`),
      base_commit: commitShape(world, repo, baseCommit),
      merge_base_commit: commitShape(world, repo, mergeBaseCommit),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: commits.flatMap((commit) => (commit ? [commitShape(world, repo, commit)] : [])),
      files: files.slice(0, 300).map((file) => diffEntryShape(world, repo, file, head)),
    });
  });

  table.add("POST", "/repos/{owner}/{repo}/merges", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const baseName = requiredString(body, "base", "Merge");
    const headName = requiredString(body, "head", "Merge");
    const ref = `refs/heads/${baseName}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const baseSha = repo.refs.get(ref);
      if (!baseSha) throw new ApiError(404, "Base does not exist");
      const head = await resolveCommit(repo, headName);
      if (!head) throw new ApiError(404, "Head does not exist");
      if (await repo.store.isAncestor(head, baseSha)) return { status: 204 };
      const merge = await repo.store.mergeTree(baseSha, head);
      if (!merge.clean) throw new ApiError(409, "Merge conflict");
      const identity = gitIdentityOf(actor, world.now());
      const message =
        typeof body.commit_message === "string" ? body.commit_message : `Merge ${headName} into ${baseName}`;
      const sha = await repo.store.writeCommit({
        tree: merge.tree,
        parents: [baseSha, head],
        message,
        author: identity,
        committer: identity,
      });
      try {
        await moveRef(world, repo, ref, sha, actor, { expected: baseSha, force: true });
      } catch (error) {
        // The branch moved while we merged: merge again onto the new tip, as GitHub's merge is atomic.
        if (error instanceof ApiError && error.status === 409) continue;
        throw error;
      }
      const commit = await repo.store.readCommit(sha);
      if (!commit) throw new Error(`merge commit ${sha} vanished`);
      return json(201, commitShape(world, repo, commit, await diffFiles(repo.store, baseSha, sha)));
    }
    throw new ApiError(409, "Merge conflict: the base branch kept moving");
  });
}
