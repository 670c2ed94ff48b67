import type { TreeEntry } from "../git/git-objects.js";
import { ApiError, invalidField, notFound } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { moveRef } from "../services/ref-effects.js";
import { resolveCommit } from "../services/resolve.js";
import { gitCommitShape } from "../shapes/git-shapes.js";
import { gitIdentityOf } from "../shapes/user-shape.js";
import { fullName, type Repository } from "../state/model.js";
import type { World } from "../state/world.js";
import { bodyOf, json, optionalString, repoOf, requiredString, requireWrite } from "./common.js";

function contentType(entry: TreeEntry): string {
  if (entry.type === "tree") return "dir";
  if (entry.type === "commit") return "submodule";
  return entry.mode === "120000" ? "symlink" : "file";
}

function entryShape(
  world: World,
  repo: Repository,
  path: string,
  entry: TreeEntry,
  size: number,
  ref: string,
) {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  const url = world.apiUrl(`/repos/${fullName(repo)}/contents/${encoded}?ref=${encodeURIComponent(ref)}`);
  const gitUrl = world.apiUrl(
    `/repos/${fullName(repo)}/git/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`,
  );
  const html = world.htmlUrl(
    `/${fullName(repo)}/${entry.type === "tree" ? "tree" : "blob"}/${ref}/${encoded}`,
  );
  return {
    type: contentType(entry),
    size,
    name: path.split("/").pop() ?? path,
    path,
    sha: entry.sha,
    url,
    git_url: gitUrl,
    html_url: html,
    download_url: entry.type === "blob" ? world.htmlUrl(`/${fullName(repo)}/raw/${ref}/${encoded}`) : null,
    _links: { self: url, git: gitUrl, html },
  };
}

function isRawRequest(req: SandboxRequest): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(req.headers.accept ?? "");
}

async function readContents(req: SandboxRequest, world: World) {
  const repo = repoOf(world, req);
  const ref = req.query.get("ref") ?? repo.defaultBranch;
  const commit = await resolveCommit(repo, ref);
  if (!commit) throw new ApiError(404, `No commit found for the ref ${ref}`);
  const tree = await repo.store.treeOf(commit);
  const path = (req.params.path ?? "").replace(/^\/+|\/+$/g, "");
  const entry = tree ? await repo.store.entryAt(tree, path) : null;
  if (!entry) throw notFound();
  if (entry.type === "tree") {
    const entries = (await repo.store.readTree(entry.sha)) ?? [];
    const listing = await Promise.all(
      entries.map(async (child) => {
        const childPath = path === "" ? child.name : `${path}/${child.name}`;
        const size = child.type === "blob" ? ((await repo.store.readBlob(child.sha))?.length ?? 0) : 0;
        return entryShape(world, repo, childPath, child, size, ref);
      }),
    );
    return json(200, listing);
  }
  if (entry.type === "commit")
    return json(200, { ...entryShape(world, repo, path, entry, 0, ref), submodule_git_url: "" });
  const content = (await repo.store.readBlob(entry.sha)) ?? Buffer.alloc(0);
  if (isRawRequest(req)) {
    const text = content.toString("utf8");
    const utf8 = Buffer.from(text, "utf8").equals(content);
    return {
      status: 200,
      raw: {
        data: content,
        contentType: utf8 ? "application/vnd.github.raw; charset=utf-8" : "application/octet-stream",
      },
    };
  }
  const shape: Record<string, unknown> = {
    ...entryShape(world, repo, path, entry, content.length, ref),
    content: content.toString("base64").replace(/(.{60})/g, "$1\n"),
    encoding: "base64",
  };
  if (entry.mode === "120000") shape.target = content.toString("utf8");
  return json(200, shape);
}

/** One commit on a branch that sets or deletes one file: the contents API's writes. */
async function commitFileChange(
  req: SandboxRequest,
  world: World,
  change: "put" | "delete",
): Promise<{ status: number; body: unknown }> {
  const repo = repoOf(world, req);
  const actor = requireWrite(req, repo);
  const body = bodyOf(req);
  const path = (req.params.path ?? "").replace(/^\/+|\/+$/g, "");
  const message = requiredString(body, "message", "Commit");
  const branch = optionalString(body, "branch") ?? repo.defaultBranch;
  const ref = `refs/heads/${branch}`;
  const tip = repo.refs.get(ref);
  if (!tip) throw new ApiError(404, `Branch ${branch} not found`);
  const tipCommit = await repo.store.readCommit(tip);
  if (!tipCommit) throw notFound();
  const existing = await repo.store.entryAt(tipCommit.tree, path);
  const sha = optionalString(body, "sha");
  if (existing?.type === "tree") throw new ApiError(422, `${path} is a directory`);
  if (existing && sha === undefined) throw new ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (existing && sha !== existing.sha) throw new ApiError(409, `${path} does not match ${sha}`);
  if (!existing && change === "delete") throw notFound();
  let blob: string | null = null;
  if (change === "put") {
    const content = body.content;
    if (typeof content !== "string") throw invalidField("Content", "content");
    blob = await repo.store.writeBlob(Buffer.from(content, "base64"));
  }
  const tree = await repo.store.editTree(tipCommit.tree, [
    { path, entry: blob ? { mode: existing?.mode ?? "100644", type: "blob", sha: blob } : null },
  ]);
  const fallback = gitIdentityOf(actor, world.now());
  const person = (value: unknown) => {
    if (typeof value !== "object" || value === null) return fallback;
    const { name, email } = value as Record<string, unknown>;
    return typeof name === "string" && typeof email === "string"
      ? { name, email, date: fallback.date }
      : fallback;
  };
  const author = person(body.author);
  const committer = body.committer ? person(body.committer) : author;
  const commitSha = await repo.store.writeCommit({ tree, parents: [tip], message, author, committer });
  try {
    await moveRef(world, repo, ref, commitSha, actor, { expected: tip, force: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409)
      throw new ApiError(409, `${path} does not match ${sha ?? "the branch tip"}`);
    throw error;
  }
  const commit = await repo.store.readCommit(commitSha);
  if (!commit) throw new Error(`commit ${commitSha} vanished`);
  const content = blob
    ? entryShape(
        world,
        repo,
        path,
        { mode: "100644", type: "blob", sha: blob, name: "" },
        Buffer.from(String(body.content), "base64").length,
        branch,
      )
    : null;
  return {
    status: change === "put" && !existing ? 201 : 200,
    body: { content, commit: gitCommitShape(world, repo, commit) },
  };
}

export function registerContentsRoutes(table: RouteTable<Handler>): void {
  // `{path*}`: the root directory is `/contents` or `/contents/` (an empty path).
  table.add("GET", "/repos/{owner}/{repo}/contents/{path*}", (req, world) => readContents(req, world));
  table.add("PUT", "/repos/{owner}/{repo}/contents/{path+}", async (req, world) => {
    const result = await commitFileChange(req, world, "put");
    return json(result.status, result.body);
  });
  table.add("DELETE", "/repos/{owner}/{repo}/contents/{path+}", async (req, world) => {
    const result = await commitFileChange(req, world, "delete");
    return json(result.status, result.body);
  });
}
