import type { FileSpec } from "./actor.js";
import type { TreeEdit } from "./git/git-store.js";
import type { Permission, Repository } from "./state/model.js";
import type { World } from "./state/world.js";

export interface CommitSpec {
  message: string;
  files: Record<string, FileSpec>;
  /** Login of the author (default: the repository owner). */
  author?: string;
}

export interface RepositorySpec {
  owner?: string;
  name: string;
  defaultBranch?: string;
  description?: string;
  /** Commits on the default branch, oldest first (default: one commit with a README). */
  history?: CommitSpec[];
  /** Other branches: cut from `from` (default the default branch's tip), then their own commits. */
  branches?: Record<string, { from?: string; commits?: CommitSpec[] }>;
  /** Users and their permission; `alice: "write"`. */
  collaborators?: Record<string, Permission>;
  labels?: (string | { name: string; color?: string; description?: string })[];
}

/**
 * Creates a repository and its history directly in git, before anything is installed: no webhooks, no
 * request counted. Commit times advance one second per commit from the sandbox clock.
 */
export async function seedRepository(world: World, spec: RepositorySpec): Promise<Repository> {
  const owner = spec.owner ?? "acme";
  const repo = await world.createRepository({
    owner,
    name: spec.name,
    ...(spec.defaultBranch ? { defaultBranch: spec.defaultBranch } : {}),
    ...(spec.description ? { description: spec.description } : {}),
  });
  for (const [login, permission] of Object.entries(spec.collaborators ?? {})) {
    const user = world.ensureUser(login);
    repo.collaborators.set(user.login.toLowerCase(), permission);
  }
  for (const label of spec.labels ?? []) {
    const { name, color, description } =
      typeof label === "string" ? { name: label, color: undefined, description: undefined } : label;
    repo.labels.set(name.toLowerCase(), {
      id: world.nextId(),
      name,
      color: color ?? "ededed",
      description: description ?? null,
      isDefault: false,
    });
  }
  let tick = 0;
  const commitOnto = async (parent: string | null, commit: CommitSpec): Promise<string> => {
    const store = repo.store;
    const edits: TreeEdit[] = [];
    for (const [path, file] of Object.entries(commit.files)) {
      if (file === null) {
        edits.push({ path, entry: null });
        continue;
      }
      const content = typeof file === "string" || Buffer.isBuffer(file) ? file : file.content;
      const mode = typeof file === "string" || Buffer.isBuffer(file) ? "100644" : file.mode;
      const sha = await store.writeBlob(Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"));
      edits.push({ path, entry: { mode, type: "blob", sha } });
    }
    const baseTree = parent ? ((await store.readCommit(parent))?.tree ?? null) : null;
    const tree = await store.editTree(baseTree, edits);
    const author = world.ensureUser(commit.author ?? repo.owner.login);
    const date = new Date(world.options.clock().getTime() + 1000 * tick++).toISOString();
    const identity = { name: author.name, email: author.email, date };
    return store.writeCommit({
      tree,
      parents: parent ? [parent] : [],
      message: commit.message,
      author: identity,
      committer: identity,
    });
  };

  const history = spec.history ?? [{ message: "Initial commit", files: { "README.md": `# ${spec.name}\n` } }];
  let tip: string | null = null;
  for (const commit of history) tip = await commitOnto(tip, commit);
  if (!tip) throw new Error(`${owner}/${spec.name}: the default branch needs at least one commit`);
  repo.refs.create(`refs/heads/${repo.defaultBranch}`, tip);

  const branches = spec.branches ?? { develop: {} };
  for (const [branch, { from, commits }] of Object.entries(branches)) {
    let branchTip: string | null = from ? (repo.refs.get(`refs/heads/${from}`) ?? from) : tip;
    for (const commit of commits ?? []) branchTip = await commitOnto(branchTip, commit);
    if (!branchTip) throw new Error(`${owner}/${spec.name}: branch ${branch} has no commit`);
    repo.refs.create(`refs/heads/${branch}`, branchTip);
  }
  await repo.store.flush();
  return repo;
}
