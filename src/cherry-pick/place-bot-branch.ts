import type { Octokit, RepoRef } from "../context.js";
import { HotfixBotError } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { branchNameCandidates, sameChange } from "./branch-adoption.js";
import type { CommitSource } from "./git-tree.js";
import { GitHubTreeSource } from "./github-tree-source.js";

/** A branch the bot wanted but found holding commits it did not compute: left alone, never built on. */
export interface RefusedBranch {
  branch: string;
  tip: string;
}

export interface PlacedBranch {
  /** The branch that now points at the computed commits (the wanted name, or a fresh one). */
  branch: string;
  /** False when the branch existed already with exactly these commits (a crash or a concurrent run left it). */
  created: boolean;
  /** Names passed over, in order, because someone else's commits were there. */
  refused: RefusedBranch[];
}

/** Every name a bot branch may take is held by commits the bot did not compute. */
export class NoFreeBranchNameError extends HotfixBotError {
  override readonly kind = "unworkable";
  override readonly name = "NoFreeBranchNameError";
  constructor(readonly refused: RefusedBranch[]) {
    super(
      `every branch name hotfix-bot may use is taken by commits it did not write (${refused
        .map((r) => `${r.branch} at ${r.tip.slice(0, 7)}`)
        .join(", ")}); delete them and retry`,
    );
  }
}

/**
 * What the record (the timeline) keeps of a placement: nothing when the wanted name was used as it is, else the
 * branch used and the names refused on the way.
 */
export function placementRecord(
  wanted: string,
  placed: Pick<PlacedBranch, "branch" | "refused">,
): { branch?: string; refused?: RefusedBranch[] } {
  if (placed.branch === wanted && placed.refused.length === 0) return {};
  return { branch: placed.branch, refused: placed.refused };
}

/** The deepest chain of commits compared (a backport of a rebase merge has one commit per picked commit). */
const MAX_CHAIN = 250;

/**
 * Points a bot branch (a backport, a revert) at `head`, the last of the commits the bot computed on top of `onto`.
 * The ref creation is atomic; when the name exists, the branch is adopted only if it holds the same commits —
 * compared by parent, tree and message, never by SHA — so a redelivery or a second instance goes on with its own
 * earlier branch, while a branch someone else prepared (a backdoor under the bot's name) is refused and the next
 * name tried. Non-422 errors (a permission refusal) are thrown as they are.
 */
export async function placeBotBranch(
  octokit: Octokit,
  repo: RepoRef,
  input: { name: string; head: string; onto: string },
): Promise<PlacedBranch> {
  const source = new GitHubTreeSource(octokit, repo);
  const refused: RefusedBranch[] = [];
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

/** Whether the chain ending at `found` is, commit for commit, the chain the bot computed from `onto` to `head`. */
export async function holdsSameCommits(
  source: CommitSource,
  found: string,
  head: string,
  onto: string,
): Promise<boolean> {
  let theirs = found;
  let ours = head;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (theirs === ours) return true;
    if (ours === onto || theirs === onto) return false;
    const [foundCommit, computed] = await Promise.all([source.commit(theirs), source.commit(ours)]);
    if (!sameChange(foundCommit, computed)) return false;
    theirs = foundCommit.parents[0] as string;
    ours = computed.parents[0] as string;
  }
  return false;
}
