import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { generateReport } from "../metrics/report.js";
import { parseReportArgs, REPORT_USAGE, ReportUsageError } from "../metrics/report-args.js";
import type { Command } from "./command.js";
import { explainGitHubError, githubContext, stderrLog } from "./github-context.js";
import type { CliIo } from "./io.js";
import { EXIT } from "./usage-error.js";

const help = `Usage: hotfix-bot ${REPORT_USAGE.replace(/^Usage: /, "")}

Exit codes: 0 the report was printed, 1 it could not be made, 2 usage error (missing --repo, GITHUB_TOKEN not set).
`;

/** The metrics report parses its own arguments (src/metrics/report-args.ts); this only puts it on the command line. */
export const command: Command = {
  name: "report",
  help,
  async run(argv, io) {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.stdout(help);
      return EXIT.ok;
    }
    return runReport(argv, io);
  },
};

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
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`report: ${message}`);
    return error instanceof Error && error.name === "CliEnvError" ? 2 : 1;
  }
}
