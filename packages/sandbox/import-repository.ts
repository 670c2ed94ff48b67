import type { Permission, Repository } from "./state/model.js";
import type { World } from "./state/world.js";

export interface ImportSpec {
  owner?: string;
  name: string;
  /** A git repository on disk (bare or not) whose branches and tags become the sandbox repository's. */
  from: string;
  /** Default: `main`; the source must have that branch. */
  defaultBranch?: string;
  collaborators?: Record<string, Permission>;
}

/** An import whose source lacks what the sandbox repository needs; names the source. */
export class ImportRepositoryError extends Error {
  constructor(
    readonly from: string,
    reason: string,
  ) {
    super(`cannot import ${from}: ${reason}`);
    this.name = "ImportRepositoryError";
  }
}

/**
 * Creates a sandbox repository from an existing git repository (one built fast with `git fast-import`, say):
 * git fetches its branches and tags, which then enter the ref table. Like `createRepository`, it happens before
 * anything is installed: no webhook, no request counted.
 */
export async function importRepository(world: World, spec: ImportSpec): Promise<Repository> {
  const owner = spec.owner ?? "acme";
  if (world.repo(owner, spec.name)) {
    throw new ImportRepositoryError(spec.from, `${owner}/${spec.name} exists in the sandbox`);
  }
  const repo = await world.createRepository({
    owner,
    name: spec.name,
    ...(spec.defaultBranch ? { defaultBranch: spec.defaultBranch } : {}),
  });
  for (const [login, permission] of Object.entries(spec.collaborators ?? {})) {
    repo.collaborators.set(world.ensureUser(login).login.toLowerCase(), permission);
  }
  const store = repo.store;
  await store.git([
    "fetch",
    "--quiet",
    "--no-tags",
    spec.from,
    "+refs/heads/*:refs/heads/*",
    "+refs/tags/*:refs/tags/*",
  ]);
  const { stdout } = await store.git([
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    "refs/heads",
    "refs/tags",
  ]);
  for (const line of stdout.toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) repo.refs.create(line.slice(space + 1), line.slice(0, space));
  }
  if (repo.refs.get(`refs/heads/${repo.defaultBranch}`) === null) {
    world.repos.delete(`${owner}/${spec.name}`.toLowerCase());
    throw new ImportRepositoryError(spec.from, `it has no branch ${repo.defaultBranch}`);
  }
  await store.flush();
  return repo;
}
