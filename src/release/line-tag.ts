import type { TagScheme } from "../incident/tag-name.js";
import { isMaintenanceLine, lineTagPrefix, type ProductionLines } from "../patterns/production-lines.js";

/**
 * How a merge into a production line is tagged. The main line keeps `release.tagScheme`. A maintenance line
 * (`release/1.x`) is tagged in its own `vX.Y.Z` family whatever the main line uses: the next patch of the
 * latest tag of that family reachable from the merge (`v1.4.0` → `v1.4.1`), so that its tags never collide with
 * the newer lines' ones. A line without a version in its name counts every reachable `vX.Y.Z` tag.
 */
export interface LineTagPlan {
  line: string;
  scheme: TagScheme;
  /** Only tags starting with this count (`v1.`); null: every tag of the scheme. */
  family: string | null;
  /**
   * When the family has no tag reachable from the merge yet: the hotfix-date scheme, which claims no version
   * number nobody released (a made-up `v1.0.1` would later clash with a real release), with `noLineTagNote`.
   */
  fallback: TagScheme | null;
}

export function lineTagPlan(
  config: ProductionLines & { release: { tagScheme: TagScheme } },
  line: string,
): LineTagPlan {
  if (!isMaintenanceLine(config, line)) {
    return { line, scheme: config.release.tagScheme, family: null, fallback: null };
  }
  return { line, scheme: "semver-patch", family: lineTagPrefix(config, line), fallback: "hotfix-date" };
}

/** The tags of the plan's family among `names`. */
export function familyTags(plan: LineTagPlan, names: readonly string[]): string[] {
  const family = plan.family;
  return family === null ? [...names] : names.filter((name) => name.startsWith(family));
}

/** The timeline's words when a maintenance line had no tag of its family and got the fallback tag. */
export function noLineTagNote(plan: LineTagPlan, tag: string): string {
  const family = plan.family === null ? "vX.Y.Z" : `${plan.family}*`;
  return `${plan.line} has no ${family} tag reachable from the merge, so it was tagged ${tag}; tag the line's latest release (${family}) and later hotfixes on it are tagged as its next patch`;
}
