import type { EngineContext } from "../context.js";
import type { TagScheme } from "../incident/tag-name.js";
import { httpStatus } from "../util/http-status.js";
import { closestProductionTag, productionTagCandidates, type TagDistance } from "./production-tag.js";

const MAX_TAG_PAGES = 5;

/**
 * The latest production tag: among the newest hotfix and release tags, the one reachable from the production branch
 * that is closest to its head. One read for the tag list and one compare per candidate (at most six).
 */
export async function findProductionTag(
  ctx: EngineContext,
  productionBranch: string,
  scheme: TagScheme,
  /** Only tags starting with this count (`v1.` for release/1.x: a newer line's tags are not its tags). */
  tagPrefix: string | null = null,
): Promise<{ name: string; sha: string } | null> {
  const { octokit, repo } = ctx;
  // GitHub does not promise an order for the tag list; a few pages hold the newest of each kind in practice, and
  // the bound keeps a repository with thousands of tags from costing thousands of reads.
  let pages = 0;
  const tags = await octokit.paginate(
    octokit.rest.repos.listTags,
    { ...repo, per_page: 100 },
    (response, done) => {
      pages += 1;
      if (pages >= MAX_TAG_PAGES) done();
      return response.data;
    },
  );
  const shaOf = new Map(
    tags
      .filter((tag) => tagPrefix === null || tag.name.startsWith(tagPrefix))
      .map((tag) => [tag.name, tag.commit.sha]),
  );
  const distances: TagDistance[] = [];
  for (const name of productionTagCandidates([...shaOf.keys()], scheme)) {
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${name}...${productionBranch}`,
        per_page: 1,
      });
      distances.push({ name, aheadBy: data.ahead_by, behindBy: data.behind_by });
    } catch (error) {
      // A tag on an unrelated history cannot be compared: it is not a production tag.
      if (httpStatus(error) !== 404 && httpStatus(error) !== 422) throw error;
    }
  }
  const name = closestProductionTag(distances);
  const sha = name === null ? undefined : shaOf.get(name);
  return name !== null && sha !== undefined ? { name, sha } : null;
}
