import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { explainGitHubError, githubContext, stderrLog } from "../cli/github-context.js";
import type { CliIo } from "../cli/io.js";
import { validateConfig } from "../config/parse-config.js";
import type { HotfixConfig } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { errorMessage, isErrorOfKind } from "../util/errors.js";
import { computeMetrics, type RecoveryMetrics } from "./compute-metrics.js";
import { renderHtmlReport } from "./html/render-html-report.js";
import { readIncidents } from "./read-incidents.js";
import { renderReport } from "./render-report.js";
import { parseReportArgs, REPORT_USAGE, ReportUsageError } from "./report-args.js";

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

/**
 * `report --repo owner/name [--since DATE] [--json] [--html FILE] [--api-url URL]` with the token from GITHUB_TOKEN: prints the
 * report (or its JSON) and returns the exit code: 0 printed, 1 failed, 2 usage.
 */
export async function runReport(
  argv: string[],
  io: Pick<CliIo, "stdout" | "stderr" | "env">,
): Promise<number> {
  let args: ReturnType<typeof parseReportArgs>;
  try {
    args = parseReportArgs(argv);
  } catch (error) {
    if (!(error instanceof ReportUsageError)) throw error;
    io.stderr(`report: ${error.message}\n\n${REPORT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  const apiUrl = args.apiUrl ?? io.env.GITHUB_API_URL?.replace(/\/+$/, "") ?? "https://api.github.com";
  try {
    const ctx = githubContext({
      env: io.env,
      repo: args.repo,
      apiUrl,
      log: stderrLog(io.stderr, false),
      access: "read",
    });
    const report = await generateReport(ctx, { since: args.since });
    if (report.configProblem) io.stderr(`warning: default severity labels used: ${report.configProblem}`);
    if (args.html !== null) {
      const page = report.html();
      const path = resolve(args.html);
      try {
        await writeFile(path, page);
      } catch (error) {
        io.stderr(`report: --html: cannot write ${path}: ${(error as Error).message}`);
        return 1;
      }
      io.stderr(`HTML report written to ${path} (${Buffer.byteLength(page)} bytes)`);
    }
    io.stdout(args.json ? JSON.stringify(report.metrics) : report.text);
    return 0;
  } catch (caught) {
    const error = explainGitHubError(caught, { repo: args.repo, apiUrl });
    const message = errorMessage(error);
    io.stderr(`report: ${message}`);
    return isErrorOfKind(error, "usage") ? 2 : 1;
  }
}
