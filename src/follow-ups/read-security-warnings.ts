import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { type CheckRunFact, checkRunFactOf, countedRuns } from "../rules/required-checks.js";
import { collectPages, PER_PAGE } from "../util/collect-pages.js";
import {
  LISTED_ANNOTATIONS_MAX,
  passedWithWarnings,
  type ScanAnnotation,
  type ScanWithWarnings,
  WARNING_LEVELS,
} from "./security-warnings.js";

/** Page caps: a commit with hundreds of runs, or a scan with thousands of annotations, costs bounded reads. */
const MAX_CHECK_RUN_PAGES = 3;
const MAX_ANNOTATION_PAGES = 2;

interface ListedRun extends CheckRunFact {
  url: string | null;
  annotationsCount: number;
}

/**
 * The required security-scan runs (`checks.securityScan`, pinned ones only from their App) on the merged PR's
 * head — the commit the gate judged — that passed with warnings: concluded neutral, or succeeded with warning
 * level annotations. Read at merge, in the after-merge pipeline: the runs are final then, and a re-run of the
 * pipeline reads the same answer. One listing of the head's check runs, plus the annotations of each passing scan
 * run that has any (GitHub says how many in `output.annotations_count`, so a clean scan costs no further read).
 * Commit statuses carry no annotations and no neutral state: they never open the follow-up.
 */
export async function readSecurityWarnings(
  ctx: Pick<EngineContext, "octokit" | "repo">,
  config: Pick<HotfixConfig, "checks">,
  headSha: string,
): Promise<ScanWithWarnings[]> {
  if (config.checks.securityScan.length === 0) return [];
  const { octokit, repo } = ctx;
  const { items } = await collectPages(
    octokit.paginate.iterator(octokit.rest.checks.listForRef, {
      ...repo,
      ref: headSha,
      filter: "latest",
      per_page: PER_PAGE,
    }),
    MAX_CHECK_RUN_PAGES,
  );
  const runs: ListedRun[] = items.map((run) => ({
    ...checkRunFactOf(run),
    url: run.html_url ?? null,
    annotationsCount: run.output?.annotations_count ?? 0,
  }));
  const scans = countedRuns(config.checks.securityScan, runs) as ListedRun[];
  const found: ScanWithWarnings[] = [];
  for (const run of scans.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)) {
    if (run.status !== "completed" || (run.conclusion !== "success" && run.conclusion !== "neutral"))
      continue;
    const annotations = run.annotationsCount > 0 ? await readAnnotations(ctx, run.id) : null;
    const warnings = (annotations?.items ?? []).filter((a) => WARNING_LEVELS.has(a.level));
    // Unread pages may hold warnings too: a success whose first pages hold none is not known to be clean, so the
    // unread annotations are counted as possible warnings rather than dropped.
    const unread = annotations?.complete === false ? run.annotationsCount - annotations.items.length : 0;
    const total = warnings.length + unread;
    if (!passedWithWarnings(run.conclusion, total)) continue;
    found.push({
      name: run.name,
      app: run.app?.slug ?? "an unknown app",
      conclusion: run.conclusion,
      url: run.url,
      annotations: warnings.slice(0, LISTED_ANNOTATIONS_MAX),
      warningsTotal: total,
    });
  }
  return found;
}

async function readAnnotations(
  ctx: Pick<EngineContext, "octokit" | "repo">,
  checkRunId: number,
): Promise<{ items: ScanAnnotation[]; complete: boolean }> {
  const { octokit, repo } = ctx;
  const { items, complete } = await collectPages(
    octokit.paginate.iterator(octokit.rest.checks.listAnnotations, {
      ...repo,
      check_run_id: checkRunId,
      per_page: PER_PAGE,
    }),
    MAX_ANNOTATION_PAGES,
  );
  return {
    complete,
    items: items.map((a) => ({
      path: a.path,
      startLine: a.start_line,
      level: a.annotation_level ?? "notice",
      title: a.title ?? null,
      message: a.message ?? null,
    })),
  };
}
