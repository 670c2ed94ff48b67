/**
 * Tag names are derived from the merge, never chosen at random, so that a redelivered event or a crashed run
 * arrives at the same name and finds its own tag instead of making a second one.
 */

export type TagScheme = "hotfix-date" | "semver-patch";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `hotfix-YYYYMMDD-HHmm` in UTC, from the merge time: "hotfix-20261121-1405". */
export function hotfixTagBase(mergedAt: Date): string {
  if (Number.isNaN(mergedAt.getTime())) throw new RangeError("hotfixTagBase: mergedAt is not a valid date");
  const date = `${pad(mergedAt.getUTCFullYear(), 4)}${pad(mergedAt.getUTCMonth() + 1)}${pad(mergedAt.getUTCDate())}`;
  return `hotfix-${date}-${pad(mergedAt.getUTCHours())}${pad(mergedAt.getUTCMinutes())}`;
}

export interface SemverTag {
  name: string;
  major: number;
  minor: number;
  patch: number;
}

// Only plain release tags count: no pre-release or build suffix, no leading zeros (v01.2.3 is not semver).
const SEMVER_TAG = /^v(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/;

/** Parses `vX.Y.Z`; anything else (v1.2, v1.2.3-rc.1, release-1, v01.2.3) is null. */
export function parseSemverTag(name: string): SemverTag | null {
  const match = SEMVER_TAG.exec(name);
  if (!match) return null;
  return { name, major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export function compareSemver(a: SemverTag, b: SemverTag): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** The `vX.Y.Z` tags among `names`, highest first. */
export function semverTagsDescending(names: readonly string[]): SemverTag[] {
  return names
    .map(parseSemverTag)
    .filter((tag): tag is SemverTag => tag !== null)
    .sort((a, b) => compareSemver(b, a));
}

/**
 * The name for the next hotfix tag.
 *
 * - `hotfix-date`: the base from the merge minute; when it is taken, `-2`, `-3`, … (the first free one).
 *   `existingTags` are the tags that start with the base.
 * - `semver-patch`: the highest `vX.Y.Z` in `existingTags` (the tags reachable from production) with the patch
 *   number raised by one; `v0.0.1` when there is none. Other tags are ignored. A name that is in the list is
 *   never returned, so a caller that lost a name to someone else adds it to the list and asks again.
 */
export function nextTagName(input: { scheme: TagScheme; mergedAt: Date; existingTags: string[] }): string {
  const taken = new Set(input.existingTags);
  if (input.scheme === "semver-patch") {
    const latest = semverTagsDescending(input.existingTags)[0];
    if (!latest) return "v0.0.1";
    // Every candidate above the latest is higher than all listed tags, so the first one is free.
    return `v${latest.major}.${latest.minor}.${latest.patch + 1}`;
  }
  const base = hotfixTagBase(input.mergedAt);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
