import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { isMaintenanceLine, lineTagPrefix } from "../patterns/production-lines.js";
import { HotfixBotError } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { findProductionTag } from "./find-production-tag.js";
import { incidentBranchName } from "./incident-branch.js";

export interface CutBranch {
  branch: string;
  /** The tag or branch name the branch starts from. */
  cutFrom: string;
  /** Where the branch points (when it already existed: where it points now). */
  baseSha: string;
  productionSha: string;
  previousTag: { name: string; sha: string } | null;
  /** False when the ref existed and points elsewhere: someone made the branch by hand, and it is kept as it is. */
  created: boolean;
}

/** `/hotfix release/9.x` for a production line that matches the configuration but does not exist (yet). */
export class MissingLineError extends HotfixBotError {
  override readonly kind = "unworkable";
  override readonly name = "MissingLineError";
  constructor(readonly line: string) {
    super(`the branch ${line} does not exist`);
  }
}

/**
 * Cuts `hotfix/incident-<n>` from its production line (the main line, or the maintenance line `/hotfix release/1.x`
 * named, already validated against `productionBranches`): its head, or the latest production tag with `intake.cutFromLatestTag`.
 * The ref creation is atomic (422 when the ref exists), so it is the ledger: a redelivery or a concurrent run finds
 * the branch and goes on with it; a branch at the same commit counts as this cut (a crash after the ref write).
 */
export async function cutIncidentBranch(
  ctx: EngineContext,
  config: HotfixConfig,
  incident: number,
  line: string = config.productionBranch,
): Promise<CutBranch> {
  const { octokit, repo } = ctx;
  const branch = incidentBranchName(incident);
  let productionSha: string;
  try {
    const { data: head } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${line}` });
    productionSha = head.object.sha;
  } catch (error) {
    if (httpStatus(error) === 404) throw new MissingLineError(line);
    throw error;
  }
  // A maintenance line is tagged vX.Y.Z in its own family (see release/line-tag.ts), whatever the main line uses.
  const previousTag = isMaintenanceLine(config, line)
    ? await findProductionTag(ctx, line, "semver-patch", lineTagPrefix(config, line))
    : await findProductionTag(ctx, line, config.release.tagScheme);
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
