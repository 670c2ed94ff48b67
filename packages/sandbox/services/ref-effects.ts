import type { CommitObject } from "../git/git-objects.js";
import { RefError } from "../git/ref-store.js";
import { treeChanges } from "../git/tree-changes.js";
import { ApiError } from "../http/api-error.js";
import { fullName, type Repository, type User } from "../state/model.js";
import type { World } from "../state/world.js";
import { announce } from "./announce.js";
import { announcePull } from "./pull-events.js";
import { branchOf } from "./resolve.js";

const ZERO = "0000000000000000000000000000000000000000";

/** Turns a ref-table refusal into GitHub's answer. */
export function refErrorToApi(error: unknown): never {
  if (error instanceof RefError) {
    if (error.reason === "exists") throw new ApiError(422, "Reference already exists");
    if (error.reason === "missing") throw new ApiError(422, "Reference does not exist");
    if (error.reason === "not-fast-forward") throw new ApiError(422, "Update is not a fast forward");
    if (error.reason === "invalid") throw new ApiError(422, `${error.ref} is not a valid ref name.`);
    throw new ApiError(422, error.message);
  }
  throw error;
}

async function pushCommit(world: World, repo: Repository, commit: CommitObject) {
  const parentTree = commit.parents[0]
    ? ((await repo.store.readCommit(commit.parents[0]))?.tree ?? null)
    : null;
  const changes = await treeChanges(repo.store, parentTree, commit.tree);
  const person = (identity: CommitObject["author"]) => {
    const user = [...world.users.values()].find((candidate) => candidate.email === identity.email);
    return user
      ? { name: identity.name, email: identity.email, username: user.login }
      : { name: identity.name, email: identity.email };
  };
  return {
    id: commit.sha,
    tree_id: commit.tree,
    distinct: true,
    message: commit.message,
    timestamp: commit.committer.date,
    url: world.htmlUrl(`/${fullName(repo)}/commit/${commit.sha}`),
    author: person(commit.author),
    committer: person(commit.committer),
    added: changes.added,
    removed: changes.removed,
    modified: changes.modified,
  };
}

/**
 * Everything GitHub does when a ref moves: `push` (always), `create`/`delete` for new or removed branches and
 * tags, and for branches the pull requests that follow them (`synchronize`, or `closed` when a branch is gone).
 */
export async function announceRefChange(
  world: World,
  repo: Repository,
  change: { ref: string; before: string | null; after: string | null },
  actor: User,
): Promise<void> {
  repo.pushedAt = world.now();
  const store = repo.store;
  const { ref, before, after } = change;
  let commitShas: string[] = [];
  let forced = false;
  if (after) {
    const afterCommit = await store.peelToCommit(after);
    if (afterCommit) {
      if (before) {
        const beforeCommit = await store.peelToCommit(before);
        forced = beforeCommit ? !(await store.isAncestor(beforeCommit, afterCommit)) : false;
        commitShas = await store.revList([afterCommit], beforeCommit ? [beforeCommit] : [], {
          reverse: true,
        });
      } else {
        const others = repo.refs
          .list("refs/heads/")
          .filter((entry) => entry.ref !== ref)
          .map((entry) => entry.sha);
        commitShas = others.length > 0 ? await store.revList([afterCommit], others, { reverse: true }) : [];
      }
    }
  }
  repo.activities.push({
    id: world.nextId(),
    ref,
    before: before ?? ZERO,
    after: after ?? ZERO,
    timestamp: world.now(),
    activityType:
      before === null
        ? "branch_creation"
        : after === null
          ? "branch_deletion"
          : forced
            ? "force_push"
            : "push",
    actor,
  });
  const commits = [];
  for (const sha of commitShas.slice(-20)) {
    const commit = await store.readCommit(sha);
    if (commit) commits.push(await pushCommit(world, repo, commit));
  }
  const headSha = after ? await store.peelToCommit(after) : null;
  const headCommitObject = headSha ? await store.readCommit(headSha) : null;
  const headCommit = headCommitObject
    ? (commits.find((commit) => commit.id === headCommitObject.sha) ??
      (await pushCommit(world, repo, headCommitObject)))
    : null;
  announce(
    world,
    repo,
    "push",
    actor,
    {
      ref,
      before: before ?? ZERO,
      after: after ?? ZERO,
      created: before === null,
      deleted: after === null,
      forced,
      base_ref: null,
      compare: world.htmlUrl(
        `/${fullName(repo)}/compare/${(before ?? ZERO).slice(0, 12)}...${(after ?? ZERO).slice(0, 12)}`,
      ),
      commits,
      head_commit: headCommit,
      pusher: { name: actor.login, email: actor.email },
    },
    { repositoryStyle: "push" },
  );

  const branch = branchOf(ref);
  const tag = ref.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : null;
  const refName = branch ?? tag;
  if (refName !== null && (before === null || after === null)) {
    const refType = branch !== null ? "branch" : "tag";
    if (before === null) {
      announce(world, repo, "create", actor, {
        ref: refName,
        ref_type: refType,
        master_branch: repo.defaultBranch,
        description: repo.description,
        pusher_type: "user",
      });
    } else {
      announce(world, repo, "delete", actor, { ref: refName, ref_type: refType, pusher_type: "user" });
    }
  }
  if (branch === null) return;

  for (const pull of repo.pulls.values()) {
    const issue = repo.issues.get(pull.number);
    if (issue?.state !== "open") continue;
    // A fork's PR follows the fork's branch, not a same-named branch here (fork pushes are not modelled).
    const ownHead = pull.headRef === branch && pull.headRepo === null;
    if (ownHead && after && pull.headSha !== after) {
      const previous = pull.headSha;
      pull.headSha = after;
      issue.updatedAt = world.now();
      await announcePull(world, repo, pull, "synchronize", actor, { before: previous, after });
    } else if ((ownHead || pull.baseRef === branch) && after === null) {
      // Freeze the base the PR was compared against when it closed.
      pull.baseSha =
        pull.baseRef === branch
          ? (before ?? pull.baseSha)
          : (repo.refs.get(`refs/heads/${pull.baseRef}`) ?? pull.baseSha);
      issue.state = "closed";
      issue.closedAt = world.now();
      issue.updatedAt = issue.closedAt;
      issue.closedBy = actor;
      await announcePull(world, repo, pull, "closed", actor);
    }
  }
}

/** Creates a ref atomically (422 when it exists) and announces it. */
export async function createRef(
  world: World,
  repo: Repository,
  ref: string,
  sha: string,
  actor: User,
): Promise<void> {
  try {
    repo.refs.create(ref, sha);
  } catch (error) {
    refErrorToApi(error);
  }
  await announceRefChange(world, repo, { ref, before: null, after: sha }, actor);
}

/**
 * Moves a ref. Without `force` the move must be a fast forward (checked with git, then applied with
 * compare-and-swap so that a concurrent move in between is noticed and re-checked).
 */
export async function moveRef(
  world: World,
  repo: Repository,
  ref: string,
  sha: string,
  actor: User,
  options: { force?: boolean; expected?: string } = {},
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const before = repo.refs.get(ref);
    if (before === null) throw new ApiError(422, "Reference does not exist");
    if (options.expected !== undefined && before !== options.expected) {
      throw new ApiError(409, `Reference ${ref} was updated concurrently`);
    }
    if (!options.force && before !== sha) {
      const [oldCommit, newCommit] = await Promise.all([
        repo.store.peelToCommit(before),
        repo.store.peelToCommit(sha),
      ]);
      const fastForward =
        oldCommit !== null && newCommit !== null && (await repo.store.isAncestor(oldCommit, newCommit));
      if (!fastForward) throw new ApiError(422, "Update is not a fast forward");
    }
    try {
      repo.refs.update(ref, sha, before);
    } catch (error) {
      if (error instanceof RefError && error.reason === "stale" && attempt < 10) continue;
      refErrorToApi(error);
    }
    if (before !== sha) await announceRefChange(world, repo, { ref, before, after: sha }, actor);
    return before;
  }
}

export async function deleteRef(world: World, repo: Repository, ref: string, actor: User): Promise<void> {
  let before: string;
  try {
    before = repo.refs.delete(ref);
  } catch (error) {
    refErrorToApi(error);
  }
  await announceRefChange(world, repo, { ref, before, after: null }, actor);
}
