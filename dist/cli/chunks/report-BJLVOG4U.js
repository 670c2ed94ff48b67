import {
  generateReport
} from "./chunk-QRM6KDSJ.js";
import {
  explainGitHubError,
  githubContext,
  stderrLog
} from "./chunk-C74ZTEPE.js";
import "./chunk-IFHMZTJI.js";
import {
  EXIT,
  HotfixBotError,
  errorMessage,
  isErrorOfKind
} from "./chunk-BLGKLY6J.js";

// src/cli/report.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/metrics/report-args.ts
var ReportUsageError = class extends HotfixBotError {
  kind = "usage";
  name = "ReportUsageError";
};
var REPORT_USAGE = [
  "Usage: report --repo owner/name [--since DATE] [--json] [--html FILE] [--api-url URL]",
  "",
  "Recovery metrics of a repository's hotfix incidents, from the incident records hotfix-bot keeps:",
  "detection \u2192 PR, \u2192 merge, merge \u2192 deploy, detection \u2192 deploy, rollback rate and follow-up completion,",
  "set against the policy (resolution under 1 h, rollback rate under 5 %, every follow-up closed).",
  "",
  "  --repo owner/name  the repository (required)",
  "  --since DATE       only incidents detected since this date (YYYY-MM-DD or an ISO 8601 time)",
  "  --json             print the figures as JSON",
  "  --html FILE        also write the report as one self-contained HTML page with charts to FILE",
  "  --api-url URL      the REST API (GitHub Enterprise, the sandbox); default $GITHUB_API_URL or GitHub's",
  "",
  "The token is read from GITHUB_TOKEN."
].join("\n");
var REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function parseReportArgs(argv) {
  const args = {
    repo: { owner: "", repo: "" },
    since: null,
    json: false,
    html: null,
    apiUrl: null,
    help: false
  };
  let repo = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    const value = () => {
      if (inline !== void 0) return inline;
      const next = argv[i + 1];
      if (next === void 0 || next.startsWith("--")) throw new ReportUsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    switch (flag) {
      case "--repo":
        repo = value();
        break;
      case "--since": {
        const text = value();
        const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? /* @__PURE__ */ new Date(`${text}T00:00:00Z`) : new Date(text);
        if (Number.isNaN(date.getTime())) throw new ReportUsageError(`--since: not a date: ${text}`);
        args.since = date;
        break;
      }
      case "--json":
        args.json = true;
        break;
      case "--html": {
        const file = value();
        if (file.trim() === "") throw new ReportUsageError("--html: needs a file name");
        args.html = file;
        break;
      }
      case "--api-url": {
        const url = value();
        if (!/^https?:\/\/[^\s]+$/.test(url))
          throw new ReportUsageError(`--api-url: not an http(s) URL: ${url}`);
        args.apiUrl = url.replace(/\/+$/, "");
        break;
      }
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        throw new ReportUsageError(`unknown argument ${arg}`);
    }
  }
  if (args.help) return args;
  if (repo === null) throw new ReportUsageError("--repo owner/name is required");
  const match = REPO.exec(repo);
  if (!match) throw new ReportUsageError(`--repo: not owner/name: ${repo}`);
  args.repo = { owner: match[1], repo: match[2] };
  return args;
}

// src/cli/report.ts
var help = `Usage: hotfix-bot ${REPORT_USAGE.replace(/^Usage: /, "")}

Exit codes: 0 the report was printed, 1 it could not be made, 2 usage error (missing --repo, GITHUB_TOKEN not set).
`;
var command = {
  name: "report",
  help,
  async run(argv, io) {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.stdout(help);
      return EXIT.ok;
    }
    return runReport(argv, io);
  }
};
async function runReport(argv, io) {
  let args;
  try {
    args = parseReportArgs(argv);
  } catch (error) {
    if (!(error instanceof ReportUsageError)) throw error;
    io.stderr(`report: ${error.message}

${REPORT_USAGE}`);
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
      access: "read"
    });
    const report = await generateReport(ctx, { since: args.since });
    if (report.configProblem) io.stderr(`warning: default severity labels used: ${report.configProblem}`);
    if (args.html !== null) {
      const page = report.html();
      const path = resolve(args.html);
      try {
        await writeFile(path, page);
      } catch (error) {
        io.stderr(`report: --html: cannot write ${path}: ${errorMessage(error)}`);
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
export {
  command,
  runReport
};
