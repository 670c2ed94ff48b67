import type { HotfixConfig } from "../config/schema.js";
import type { Octokit, RepoRef } from "../context.js";
import { hotfixTagBase, nextTagName, semverTagsDescending } from "../incident/tag-name.js";
import { errorMessage, HotfixBotError } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";
import { familyTags, type LineTagPlan, lineTagPlan, noLineTagNote } from "./line-tag.js";
import { changelogEntry, type ReleaseCommit, type ReleasePr, renderReleaseNotes } from "./release-notes.js";
import { updateChangelog } from "./update-changelog.js";

export interface TagAndReleaseInput {
  config: HotfixConfig;
  /** The production line the merge went into (the PR's base); default the main line. */
  line?: string;
  mergeSha: string;
  mergedAt: Date;
  pr: ReleasePr;
  incident: number | null;
  jiraKey: string | null;
  commits: ReleaseCommit[];
}

export interface TagAndReleaseResult {
  tag: string;
  /** What `refs/tags/<tag>` points at: the annotated tag object (or the commit, for a reused lightweight tag). */
  tagSha: string;
  /** Whether this call created the tag (false when it found one already on the merge commit). */
  created: boolean;
  /** Said on the timeline: why a maintenance line got a fallback tag (see line-tag.ts). */
  note?: string;
  release?: { id: number; url: string };
  /** Present when `release.changelog` is on. A failure here is reported, not thrown: the tag is what matters. */
  changelog?: { updated: boolean; commitSha?: string; error?: string };
  /** Content-creating requests made (tag objects, refs, release, changelog commit). */
  writes: number;
  reads: number;
}

/** Someone kept taking the next name; after this many attempts something else is wrong. */
const MAX_NAME_ATTEMPTS = 20;

export class TagNameExhaustedError extends HotfixBotError {
  override readonly kind = "contention";
  constructor(
    readonly repo: RepoRef,
    readonly mergeSha: string,
    readonly tried: string[],
  ) {
    super(
      `could not find a free tag name for ${mergeSha} in ${repo.owner}/${repo.repo} after ${tried.length} attempts (${tried.join(", ")})`,
    );
    this.name = "TagNameExhaustedError";
  }
}

interface Counters {
  reads: number;
  writes: number;
}

interface TagRef {
  name: string;
  /** The ref's target: a commit, or a tag object for an annotated tag. */
  sha: string;
  type: string;
}

const TAG_PREFIX = "refs/tags/";

async function listTagRefs(octokit: Octokit, repo: RepoRef, prefix: string, n: Counters): Promise<TagRef[]> {
  n.reads++;
  const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, {
    ...repo,
    ref: `tags/${prefix}`,
    per_page: 100,
  });
  return refs
    .filter((r) => r.ref.startsWith(TAG_PREFIX))
    .map((r) => ({ name: r.ref.slice(TAG_PREFIX.length), sha: r.object.sha, type: r.object.type }));
}

/** The commit a tag ref ends at: annotated tags are peeled (one read each, chains of tags included). */
async function peel(octokit: Octokit, repo: RepoRef, ref: TagRef, n: Counters): Promise<string | null> {
  let { sha, type } = ref;
  for (let depth = 0; type === "tag" && depth < 5; depth++) {
    n.reads++;
    const { data } = await octokit.rest.git.getTag({ ...repo, tag_sha: sha });
    sha = data.object.sha;
    type = data.object.type;
  }
  return type === "commit" ? sha : null;
}

async function getTagRef(octokit: Octokit, repo: RepoRef, name: string, n: Counters): Promise<TagRef | null> {
  n.reads++;
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `tags/${name}` });
    return { name, sha: data.object.sha, type: data.object.type };
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}

interface Found {
  existing?: TagRef;
  /** Names to avoid and, for semver, the latest tag reachable from the merge. */
  existingTags: string[];
  taken: Set<string>;
}

/** hotfix-date: the tags of the merge minute (`base`, `base-2`, …); one of them on our commit is ours. */
async function findHotfixDateTag(
  octokit: Octokit,
  repo: RepoRef,
  input: TagAndReleaseInput,
  n: Counters,
): Promise<Found> {
  const base = hotfixTagBase(input.mergedAt);
  const ours = new RegExp(`^${base}(?:-[1-9]\\d*)?$`);
  const refs = (await listTagRefs(octokit, repo, base, n)).filter((r) => ours.test(r.name));
  for (const ref of refs) {
    if ((await peel(octokit, repo, ref, n)) === input.mergeSha)
      return { existing: ref, existingTags: [], taken: new Set() };
  }
  const names = refs.map((r) => r.name);
  return { existingTags: names, taken: new Set(names) };
}

/**
 * semver-patch: the `vX.Y.Z` tags, highest first, each compared with the merge commit until the first one that
 * is an ancestor of it (reachable from production, since the merge commit is on production). If that first one
 * is the merge commit itself, it is ours. Reads: one list plus one compare per tag above the latest reachable one
 * (usually none: release branches with higher versions are the exception), plus one.
 */
async function findSemverTag(
  octokit: Octokit,
  repo: RepoRef,
  input: TagAndReleaseInput,
  plan: LineTagPlan,
  n: Counters,
): Promise<Found> {
  // The family's prefix narrows the list GitHub returns (`v1.`), so a maintenance line reads only its own tags.
  const refs = await listTagRefs(octokit, repo, plan.family ?? "v", n);
  const byName = new Map(refs.map((r) => [r.name, r]));
  const taken = new Set(refs.map((r) => r.name));
  for (const tag of semverTagsDescending(familyTags(plan, [...byName.keys()]))) {
    n.reads++;
    let status: string;
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${tag.name}...${input.mergeSha}`,
        per_page: 1,
      });
      status = data.status;
    } catch (error) {
      // Deleted since we listed it: not a candidate.
      if (httpStatus(error) === 404) continue;
      throw error;
    }
    if (status === "identical") return { existing: byName.get(tag.name), existingTags: [], taken };
    if (status === "ahead") return { existingTags: [tag.name], taken };
  }
  return { existingTags: [], taken };
}

function tagMessage(input: TagAndReleaseInput, name: string): string {
  const incident = input.incident === null ? "" : ` for incident #${input.incident}`;
  return `Hotfix ${name}${incident}: #${input.pr.number} ${input.pr.title.replace(/[\r\n]+/g, " ")}\n`;
}

/**
 * Creates the tag, or finds the one already on the merge commit. Creating the ref is the atomic ledger step:
 * GitHub answers 422 when the ref exists, and then it is ours when it points at our commit (a concurrent or
 * earlier run), else someone else's hotfix took the name and we take the next one.
 */
async function ensureTag(
  octokit: Octokit,
  repo: RepoRef,
  input: TagAndReleaseInput,
  n: Counters,
): Promise<{ tag: string; tagSha: string; created: boolean; note?: string }> {
  const plan = lineTagPlan(input.config, input.line ?? input.config.productionBranch);
  let scheme = plan.scheme;
  let found =
    scheme === "semver-patch"
      ? await findSemverTag(octokit, repo, input, plan, n)
      : await findHotfixDateTag(octokit, repo, input, n);
  if (found.existing) return { tag: found.existing.name, tagSha: found.existing.sha, created: false };
  let note: ((tag: string) => string) | undefined;
  if (scheme === "semver-patch" && found.existingTags.length === 0 && plan.fallback !== null) {
    // A maintenance line with no tag of its family yet: a redelivery finds the fallback tag the same way.
    scheme = plan.fallback;
    found = await findHotfixDateTag(octokit, repo, input, n);
    note = (tag) => noLineTagNote(plan, tag);
    if (found.existing) {
      const { name, sha } = found.existing;
      return { tag: name, tagSha: sha, created: false, note: note(name) };
    }
  }

  const existingTags = [...found.existingTags];
  const tried: string[] = [];
  while (tried.length < MAX_NAME_ATTEMPTS) {
    const name = nextTagName({ scheme, mergedAt: input.mergedAt, existingTags });
    tried.push(name);
    existingTags.push(name);
    // Known to be taken (an unreachable semver tag on another branch): no write wasted on it.
    if (found.taken.has(name)) continue;
    n.writes++;
    const { data: tagObject } = await octokit.rest.git.createTag({
      ...repo,
      tag: name,
      message: tagMessage(input, name),
      object: input.mergeSha,
      type: "commit",
    });
    try {
      n.writes++;
      await octokit.rest.git.createRef({ ...repo, ref: `${TAG_PREFIX}${name}`, sha: tagObject.sha });
      return { tag: name, tagSha: tagObject.sha, created: true, ...(note ? { note: note(name) } : {}) };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      const winner = await getTagRef(octokit, repo, name, n);
      if (!winner) throw error;
      if ((await peel(octokit, repo, winner, n)) === input.mergeSha) {
        return { tag: name, tagSha: winner.sha, created: false };
      }
    }
  }
  throw new TagNameExhaustedError(repo, input.mergeSha, tried);
}

async function ensureRelease(
  octokit: Octokit,
  repo: RepoRef,
  input: TagAndReleaseInput,
  tag: string,
  n: Counters,
): Promise<{ id: number; url: string }> {
  const get = async () => {
    n.reads++;
    try {
      const { data } = await octokit.rest.repos.getReleaseByTag({ ...repo, tag });
      return { id: data.id, url: data.html_url };
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  };
  const existing = await get();
  if (existing) return existing;
  try {
    n.writes++;
    const { data } = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: tag,
      name: tag,
      body: renderReleaseNotes({
        tag,
        pr: input.pr,
        incident: input.incident,
        jiraKey: input.jiraKey,
        commits: input.commits,
      }),
    });
    return { id: data.id, url: data.html_url };
  } catch (error) {
    // already_exists: a concurrent run created it between our read and our write.
    if (httpStatus(error) !== 422) throw error;
    const raced = await get();
    if (!raced) throw error;
    return raced;
  }
}

/**
 * Tags the merge commit (annotated tag, whatever the merge method: the merge SHA is the result on production),
 * publishes a release for it and, when configured, prepends a CHANGELOG.md entry on the production branch.
 * Idempotent: a second call, or a concurrent one, finds the tag on the commit and the release by tag name.
 *
 * Writes when nothing exists yet: 2 for the tag (tag object + ref), 1 for the release, 1 for the changelog.
 * Reads: hotfix-date 1 list + 1 per annotated tag of the same minute; semver-patch see findSemverTag.
 */
export async function tagAndRelease(
  octokit: Octokit,
  repo: RepoRef,
  input: TagAndReleaseInput,
): Promise<TagAndReleaseResult> {
  const n: Counters = { reads: 0, writes: 0 };
  const tag = await ensureTag(octokit, repo, input, n);
  const result: TagAndReleaseResult = { ...tag, writes: 0, reads: 0 };
  if (input.config.release.createRelease)
    result.release = await ensureRelease(octokit, repo, input, tag.tag, n);
  if (input.config.release.changelog) {
    const entry = changelogEntry({
      tag: tag.tag,
      mergedAt: input.mergedAt,
      pr: input.pr,
      incident: input.incident,
      jiraKey: input.jiraKey,
    });
    try {
      const outcome = await updateChangelog(octokit, repo, {
        // The changelog of the line the fix went into.
        branch: input.line ?? input.config.productionBranch,
        entry,
        message: `Add ${tag.tag} to the changelog`,
      });
      n.reads += outcome.reads;
      n.writes += outcome.writes;
      result.changelog = {
        updated: outcome.updated,
        ...(outcome.commitSha ? { commitSha: outcome.commitSha } : {}),
      };
    } catch (error) {
      result.changelog = { updated: false, error: errorMessage(error) };
    }
  }
  result.writes = n.writes;
  result.reads = n.reads;
  return result;
}
