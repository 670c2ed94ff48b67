import { TREE_MODES, type TreeEntry } from "../git/git-objects.js";
import { isFullSha, type TreeEdit, TreeEditError } from "../git/git-store.js";
import { ApiError, notFound } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { createRef, deleteRef, moveRef } from "../services/ref-effects.js";
import { resolveCommit } from "../services/resolve.js";
import { blobShape, gitCommitShape, refShape, tagShape, treeEntryShape } from "../shapes/git-shapes.js";
import { gitIdentityOf } from "../shapes/user-shape.js";
import type { Repository } from "../state/model.js";
import type { World } from "../state/world.js";
import { actorOf, bodyOf, json, optionalBoolean, repoOf, requiredString, requireWrite } from "./common.js";

const BAD_OBJECT = "GitRPC::BadObjectState";

async function renderTree(world: World, repo: Repository, treeSha: string, recursive: boolean) {
  const args = ["ls-tree", "-l", "-z", ...(recursive ? ["-r", "-t"] : []), treeSha];
  const { stdout } = await repo.store.git(args);
  const tree = stdout
    .toString("utf8")
    .split("\0")
    .filter((line) => line !== "")
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode = "", type = "", sha = "", size = ""] = line.slice(0, tab).split(/ +/);
      const entry = { mode, type: type as TreeEntry["type"], sha, name: "", path: line.slice(tab + 1) };
      return treeEntryShape(world, repo, entry, size === "-" ? undefined : Number(size));
    });
  return {
    sha: treeSha,
    url: world.apiUrl(`/repos/${repo.owner.login}/${repo.name}/git/trees/${treeSha}`),
    tree,
    truncated: false,
  };
}

function validPath(path: string): boolean {
  return (
    path !== "" &&
    path.split("/").every((part) => part !== "" && part !== "." && part !== ".." && part !== ".git")
  );
}

async function parseTreeEdits(repo: Repository, items: unknown): Promise<TreeEdit[]> {
  if (!Array.isArray(items)) throw new ApiError(422, 'Invalid request.\n\n"tree" wasn\'t supplied.');
  const edits: TreeEdit[] = [];
  for (const item of items) {
    if (typeof item !== "object" || item === null) throw new ApiError(422, "Invalid tree info");
    const { path, mode, type, sha, content } = item as Record<string, unknown>;
    if (typeof path !== "string" || !validPath(path))
      throw new ApiError(422, `Invalid tree info: path ${JSON.stringify(path)}`);
    if (typeof mode !== "string" || !(TREE_MODES as readonly string[]).includes(mode)) {
      throw new ApiError(422, `Invalid tree info: mode ${JSON.stringify(mode)} for ${path}`);
    }
    const expectedType = mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob";
    if (type !== undefined && type !== expectedType)
      throw new ApiError(422, `Invalid tree info: type ${String(type)} for mode ${mode}`);
    const hasSha = "sha" in (item as object);
    const hasContent = content !== undefined;
    if (hasSha === hasContent) {
      throw new ApiError(
        422,
        "Must supply either tree.sha or tree.content. Request will be rejected if both are present.",
      );
    }
    if (hasContent) {
      if (typeof content !== "string" || expectedType !== "blob")
        throw new ApiError(422, `Invalid tree info: content for ${path}`);
      const blob = await repo.store.writeBlob(Buffer.from(content, "utf8"));
      edits.push({ path, entry: { mode, type: "blob", sha: blob } });
      continue;
    }
    if (sha === null) {
      edits.push({ path, entry: null });
      continue;
    }
    if (!isFullSha(sha)) throw new ApiError(422, BAD_OBJECT);
    if (expectedType !== "commit" && (await repo.store.objectType(sha)) !== expectedType)
      throw new ApiError(422, BAD_OBJECT);
    edits.push({ path, entry: { mode, type: expectedType, sha } });
  }
  return edits;
}

function identityField(
  value: unknown,
  field: string,
  fallback: { name: string; email: string; date: string },
) {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "object")
    throw new ApiError(422, `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not an object.`);
  const { name, email, date } = value as Record<string, unknown>;
  if (typeof name !== "string" || typeof email !== "string") {
    throw new ApiError(422, `Invalid request.\n\n"name" and "email" are required in '${field}'.`);
  }
  if (date !== undefined && (typeof date !== "string" || Number.isNaN(Date.parse(date)))) {
    throw new ApiError(422, `Invalid request.\n\n'${field}.date' is not a valid date.`);
  }
  return {
    name,
    email,
    date: typeof date === "string" ? new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z") : fallback.date,
  };
}

/** `heads/main` (as the API spells it) to `refs/heads/main`; tolerates an explicit `refs/` prefix. */
function fullRef(req: SandboxRequest): string {
  const ref = req.params.ref ?? "";
  return ref.startsWith("refs/") ? ref : `refs/${ref}`;
}

async function renderRef(world: World, repo: Repository, ref: string, sha: string) {
  const type = (await repo.store.objectType(sha)) ?? "commit";
  return refShape(world, repo, ref, sha, type);
}

export function registerGitDataRoutes(table: RouteTable<Handler>): void {
  table.add("POST", "/repos/{owner}/{repo}/git/blobs", async (req, world) => {
    const repo = repoOf(world, req);
    requireWrite(req, repo);
    const body = bodyOf(req);
    const content = body.content;
    if (typeof content !== "string")
      throw new ApiError(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
    const encoding = body.encoding ?? "utf-8";
    if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "base64") {
      throw new ApiError(422, `encoding must be one of utf-8 or base64, got ${String(encoding)}`);
    }
    const sha = await repo.store.writeBlob(Buffer.from(content, encoding === "base64" ? "base64" : "utf8"));
    return json(201, { sha, url: world.apiUrl(`/repos/${repo.owner.login}/${repo.name}/git/blobs/${sha}`) });
  });

  table.add("GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = req.params.file_sha ?? "";
    const content = isFullSha(sha) ? await repo.store.readBlob(sha) : null;
    if (!content) throw notFound();
    if (req.headers.accept?.includes("raw"))
      return { status: 200, raw: { data: content, contentType: "application/octet-stream" } };
    return json(200, blobShape(world, repo, sha, content));
  });

  table.add("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha+}", async (req, world) => {
    const repo = repoOf(world, req);
    const name = req.params.tree_sha ?? "";
    let tree: string | null = null;
    if (isFullSha(name)) tree = await repo.store.treeOf(name);
    else {
      const commit = await resolveCommit(repo, name);
      tree = commit ? await repo.store.treeOf(commit) : null;
    }
    if (!tree) throw notFound();
    const recursive =
      req.query.has("recursive") && !["0", "false", ""].includes(req.query.get("recursive") ?? "");
    return json(200, await renderTree(world, repo, tree, recursive));
  });

  table.add("POST", "/repos/{owner}/{repo}/git/trees", async (req, world) => {
    const repo = repoOf(world, req);
    requireWrite(req, repo);
    const body = bodyOf(req);
    let baseTree: string | null = null;
    if (body.base_tree !== undefined && body.base_tree !== null) {
      if (!isFullSha(body.base_tree)) throw new ApiError(422, "Invalid tree info: base_tree");
      baseTree = await repo.store.treeOf(body.base_tree);
      if (!baseTree) throw new ApiError(422, `Invalid tree info: base_tree ${body.base_tree} is not a tree`);
    }
    const edits = await parseTreeEdits(repo, body.tree);
    let sha: string;
    try {
      sha = await repo.store.editTree(baseTree, edits);
    } catch (error) {
      if (error instanceof TreeEditError) throw new ApiError(422, BAD_OBJECT);
      throw error;
    }
    return json(201, await renderTree(world, repo, sha, false));
  });

  table.add("POST", "/repos/{owner}/{repo}/git/commits", async (req, world) => {
    const repo = repoOf(world, req);
    requireWrite(req, repo);
    const body = bodyOf(req);
    const message = body.message;
    if (typeof message !== "string")
      throw new ApiError(422, 'Invalid request.\n\n"message" wasn\'t supplied.');
    const tree = requiredString(body, "tree", "Commit");
    if (!isFullSha(tree) || (await repo.store.objectType(tree)) !== "tree")
      throw new ApiError(422, "Tree SHA does not exist");
    const parents = body.parents ?? [];
    if (!Array.isArray(parents)) throw new ApiError(422, "Invalid request.\n\nFor 'parents', not an array.");
    for (const parent of parents) {
      if (!isFullSha(parent) || (await repo.store.objectType(parent)) !== "commit") {
        throw new ApiError(422, "Parent SHA does not exist or is not a commit object");
      }
    }
    const fallback = gitIdentityOf(actorOf(req), world.now());
    const author = identityField(body.author, "author", fallback);
    const committer = identityField(body.committer, "committer", body.author ? author : fallback);
    const sha = await repo.store.writeCommit({
      tree,
      parents: parents as string[],
      message,
      author,
      committer,
    });
    const commit = await repo.store.readCommit(sha);
    if (!commit) throw new Error(`commit ${sha} vanished after writing`);
    return json(201, gitCommitShape(world, repo, commit));
  });

  table.add("GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = req.params.commit_sha ?? "";
    const commit = isFullSha(sha) ? await repo.store.readCommit(sha) : null;
    if (!commit) throw notFound();
    return json(200, gitCommitShape(world, repo, commit));
  });

  table.add("GET", "/repos/{owner}/{repo}/git/ref/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const ref = fullRef(req);
    const sha = repo.refs.get(ref);
    if (!sha) throw notFound();
    return json(200, await renderRef(world, repo, ref, sha));
  });

  table.add("GET", "/repos/{owner}/{repo}/git/matching-refs/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const matches = repo.refs.list(fullRef(req));
    return json(200, await Promise.all(matches.map(({ ref, sha }) => renderRef(world, repo, ref, sha))));
  });

  table.add("POST", "/repos/{owner}/{repo}/git/refs", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const ref = requiredString(body, "ref", "Reference");
    const sha = requiredString(body, "sha", "Reference");
    if (!ref.startsWith("refs/") || ref.split("/").length < 3) {
      throw new ApiError(422, "Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!isFullSha(sha) || !(await repo.store.objectType(sha)))
      throw new ApiError(422, "Object does not exist");
    await createRef(world, repo, ref, sha, actor);
    return json(201, await renderRef(world, repo, ref, sha));
  });

  table.add("PATCH", "/repos/{owner}/{repo}/git/refs/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const sha = requiredString(body, "sha", "Reference");
    const force = optionalBoolean(body, "force") ?? false;
    const ref = fullRef(req);
    if (!isFullSha(sha) || !(await repo.store.objectType(sha)))
      throw new ApiError(422, "Object does not exist");
    await moveRef(world, repo, ref, sha, actor, { force });
    return json(200, await renderRef(world, repo, ref, sha));
  });

  table.add("DELETE", "/repos/{owner}/{repo}/git/refs/{ref+}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    await deleteRef(world, repo, fullRef(req), actor);
    return { status: 204 };
  });

  table.add("POST", "/repos/{owner}/{repo}/git/tags", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const tag = requiredString(body, "tag", "Tag");
    const message = typeof body.message === "string" ? body.message : "";
    const object = requiredString(body, "object", "Tag");
    const type = requiredString(body, "type", "Tag");
    if (!["commit", "tree", "blob"].includes(type)) throw new ApiError(422, `Invalid type ${type}`);
    if (!isFullSha(object) || (await repo.store.objectType(object)) !== type)
      throw new ApiError(422, "Object does not exist");
    const tagger = identityField(body.tagger, "tagger", gitIdentityOf(actor, world.now()));
    const sha = await repo.store.writeTag({ object, type: type as "commit", tag, message, tagger });
    const written = await repo.store.readTag(sha);
    if (!written) throw new Error(`tag ${sha} vanished after writing`);
    return json(201, tagShape(world, repo, written));
  });

  table.add("GET", "/repos/{owner}/{repo}/git/tags/{tag_sha}", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = req.params.tag_sha ?? "";
    const tag = isFullSha(sha) ? await repo.store.readTag(sha) : null;
    if (!tag) throw notFound();
    return json(200, tagShape(world, repo, tag));
  });
}
