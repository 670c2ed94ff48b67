import type { FileChange } from "../git/diff-files.js";
import type { CommitObject, GitIdentity, TagObject, TreeEntry } from "../git/git-objects.js";
import { fullName, type Repository } from "../state/model.js";
import type { World } from "../state/world.js";
import { userShape } from "./user-shape.js";

const UNSIGNED = { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };

function repoUrl(world: World, repo: Repository, path: string): string {
  return world.apiUrl(`/repos/${fullName(repo)}${path}`);
}

function shaNode(kind: string, sha: string): string {
  return Buffer.from(`0:${kind}${sha}`).toString("base64").replace(/=+$/, "");
}

export function blobShape(
  world: World,
  repo: Repository,
  sha: string,
  content: Buffer,
): Record<string, unknown> {
  // GitHub wraps base64 at 60 columns with a trailing newline.
  const encoded = content.toString("base64").replace(/(.{60})/g, "$1\n");
  return {
    sha,
    node_id: shaNode("Blob", sha),
    size: content.length,
    url: repoUrl(world, repo, `/git/blobs/${sha}`),
    content: encoded.endsWith("\n") || encoded === "" ? encoded : `${encoded}\n`,
    encoding: "base64",
  };
}

export function treeEntryShape(
  world: World,
  repo: Repository,
  entry: TreeEntry & { path: string },
  size: number | undefined,
): Record<string, unknown> {
  const shape: Record<string, unknown> = {
    path: entry.path,
    mode: entry.mode,
    type: entry.type,
    sha: entry.sha,
  };
  if (entry.type === "blob") {
    shape.size = size ?? 0;
    shape.url = repoUrl(world, repo, `/git/blobs/${entry.sha}`);
  } else if (entry.type === "tree") {
    shape.url = repoUrl(world, repo, `/git/trees/${entry.sha}`);
  }
  return shape;
}

export function gitCommitShape(
  world: World,
  repo: Repository,
  commit: CommitObject,
): Record<string, unknown> {
  return {
    sha: commit.sha,
    node_id: shaNode("Commit", commit.sha),
    url: repoUrl(world, repo, `/git/commits/${commit.sha}`),
    html_url: world.htmlUrl(`/${fullName(repo)}/commit/${commit.sha}`),
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: repoUrl(world, repo, `/git/trees/${commit.tree}`) },
    parents: commit.parents.map((sha) => ({
      sha,
      url: repoUrl(world, repo, `/git/commits/${sha}`),
      html_url: world.htmlUrl(`/${fullName(repo)}/commit/${sha}`),
    })),
    verification: UNSIGNED,
  };
}

export function refShape(
  world: World,
  repo: Repository,
  ref: string,
  sha: string,
  type: string,
): Record<string, unknown> {
  return {
    ref,
    node_id: Buffer.from(`0:Ref${repo.id}:${ref}`).toString("base64").replace(/=+$/, ""),
    url: repoUrl(world, repo, `/git/${ref}`),
    object: { sha, type, url: repoUrl(world, repo, `/git/${type === "tag" ? "tags" : "commits"}/${sha}`) },
  };
}

export function tagShape(world: World, repo: Repository, tag: TagObject): Record<string, unknown> {
  return {
    node_id: shaNode("Tag", tag.sha),
    sha: tag.sha,
    url: repoUrl(world, repo, `/git/tags/${tag.sha}`),
    tag: tag.tag,
    message: tag.message,
    tagger: tag.tagger ?? { name: "", email: "", date: new Date(0).toISOString() },
    object: {
      sha: tag.object,
      type: tag.type,
      url: repoUrl(world, repo, `/git/${tag.type === "tag" ? "tags" : `${tag.type}s`}/${tag.object}`),
    },
    verification: UNSIGNED,
  };
}

/** A GitHub user whose commit email matches, as GitHub links commits to accounts. */
function accountOf(world: World, identity: GitIdentity): Record<string, unknown> | null {
  for (const user of world.users.values()) {
    if (user.email.toLowerCase() === identity.email.toLowerCase()) return userShape(world, user);
  }
  return null;
}

export function diffEntryShape(
  world: World,
  repo: Repository,
  file: FileChange,
  ref: string,
): Record<string, unknown> {
  const encodedPath = file.filename.split("/").map(encodeURIComponent).join("/");
  const shape: Record<string, unknown> = {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: world.htmlUrl(`/${fullName(repo)}/blob/${ref}/${encodedPath}`),
    raw_url: world.htmlUrl(`/${fullName(repo)}/raw/${ref}/${encodedPath}`),
    contents_url: repoUrl(world, repo, `/contents/${encodedPath}?ref=${ref}`),
  };
  if (file.patch !== undefined) shape.patch = file.patch;
  if (file.previous_filename !== undefined) shape.previous_filename = file.previous_filename;
  return shape;
}

/** GitHub's REST `commit` (GET /commits/{ref}); `files` only where GitHub includes them. */
export function commitShape(
  world: World,
  repo: Repository,
  commit: CommitObject,
  files?: FileChange[],
): Record<string, unknown> {
  const shape: Record<string, unknown> = {
    url: repoUrl(world, repo, `/commits/${commit.sha}`),
    sha: commit.sha,
    node_id: shaNode("Commit", commit.sha),
    html_url: world.htmlUrl(`/${fullName(repo)}/commit/${commit.sha}`),
    comments_url: repoUrl(world, repo, `/commits/${commit.sha}/comments`),
    commit: {
      url: repoUrl(world, repo, `/git/commits/${commit.sha}`),
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: repoUrl(world, repo, `/git/trees/${commit.tree}`) },
      verification: UNSIGNED,
    },
    author: accountOf(world, commit.author),
    committer: accountOf(world, commit.committer),
    parents: commit.parents.map((sha) => ({
      sha,
      url: repoUrl(world, repo, `/commits/${sha}`),
      html_url: world.htmlUrl(`/${fullName(repo)}/commit/${sha}`),
    })),
  };
  if (files) {
    const additions = files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
    shape.stats = { total: additions + deletions, additions, deletions };
    shape.files = files.map((file) => diffEntryShape(world, repo, file, commit.sha));
  }
  return shape;
}
