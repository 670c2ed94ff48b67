import { validateConfig } from "../config/parse-config.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { computeMetrics, type RecoveryMetrics } from "./compute-metrics.js";
import { renderHtmlReport } from "./html/render-html-report.js";
import { readIncidents } from "./read-incidents.js";
import { renderReport } from "./render-report.js";

export interface RecoveryReport {
  repo: string;
  metrics: RecoveryMetrics;
  /** The report as text, for a terminal. */
  text: string;
  /** The report as one self-contained HTML page. */
  html(): string;
  /** Set when `.github/hotfix.yml` could not be used: the default severity labels were used instead. */
  configProblem?: string;
  /** API requests the report made (reads only). */
  reads: number;
}

function defaults(): HotfixConfig {
  const result = validateConfig({});
  if (!result.ok) throw result.error;
  return result.config;
}

/**
 * The recovery report of one repository, from its incident records (issues with a severity label and the timeline
 * in the bot's comment on each): the reads, then the pure computation and rendering. Makes no write.
 */
export async function generateReport(
  ctx: EngineContext,
  options: { since?: Date | null } = {},
): Promise<RecoveryReport> {
  const loaded = await ctx.config();
  const config = loaded.ok ? loaded.config : defaults();
  const records = await readIncidents(ctx, config, { since: options.since ?? null });
  const metrics = computeMetrics(records.incidents, records.followUps, {
    since: options.since ?? null,
    now: ctx.clock(),
  });
  const repo = `${ctx.repo.owner}/${ctx.repo.repo}`;
  return {
    repo,
    metrics,
    text: renderReport(repo, metrics),
    html: () => renderHtmlReport(repo, metrics),
    reads: records.reads + 1,
    ...(loaded.ok ? {} : { configProblem: loaded.error.message }),
  };
}
