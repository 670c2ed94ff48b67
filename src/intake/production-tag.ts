import { semverTagsDescending, type TagScheme } from "../incident/tag-name.js";

/**
 * Which tags could be "the latest production tag". Names alone cannot order a hotfix tag against a release tag
 * (`hotfix-20261121-1405` against `v2.4.0`), so each kind gives its own newest candidates, the configured scheme's
 * first; the caller keeps those reachable from production and picks the one closest to its head.
 */

const HOTFIX_TAG = /^hotfix-(\d{8})-(\d{4})(?:-([1-9]\d{0,5}))?$/;

/** `hotfix-YYYYMMDD-HHmm[-n]` tags, newest first (date, time, then suffix). */
export function hotfixTagsDescending(names: readonly string[]): string[] {
  const keyed = names.flatMap((name) => {
    const match = HOTFIX_TAG.exec(name);
    if (!match) return [];
    return [{ name, key: `${match[1]}${match[2]}`, suffix: Number(match[3] ?? "1") }];
  });
  keyed.sort((a, b) => (a.key === b.key ? b.suffix - a.suffix : a.key < b.key ? 1 : -1));
  return keyed.map((tag) => tag.name);
}

/** Up to `perKind` newest candidates of each kind, interleaved with the configured scheme's kind first. */
export function productionTagCandidates(names: readonly string[], scheme: TagScheme, perKind = 3): string[] {
  const hotfix = hotfixTagsDescending(names).slice(0, perKind);
  const semver = semverTagsDescending(names)
    .slice(0, perKind)
    .map((tag) => tag.name);
  const [first, second] = scheme === "semver-patch" ? [semver, hotfix] : [hotfix, semver];
  const out: string[] = [];
  for (let i = 0; i < perKind; i++) {
    if (first[i] !== undefined) out.push(first[i] as string);
    if (second[i] !== undefined) out.push(second[i] as string);
  }
  return out;
}

export interface TagDistance {
  name: string;
  /** Commits on production that the tag does not have (compare tag...production: ahead_by). */
  aheadBy: number;
  /** Commits on the tag that production does not have: anything but 0 means it is not a production tag. */
  behindBy: number;
}

/** The reachable tag closest to production's head; on a tie the earlier candidate (the configured scheme) wins. */
export function closestProductionTag(distances: readonly TagDistance[]): string | null {
  let best: TagDistance | null = null;
  for (const d of distances) {
    if (d.behindBy !== 0) continue;
    if (best === null || d.aheadBy < best.aheadBy) best = d;
  }
  return best?.name ?? null;
}
