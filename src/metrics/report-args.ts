import { HotfixBotError } from "../util/errors.js";

/** `report --repo owner/name [--since DATE] [--json] [--api-url URL]`, parsed (pure). */
export interface ReportArgs {
  repo: { owner: string; repo: string };
  since: Date | null;
  json: boolean;
  /** Where to write the report as one HTML page, or null. */
  html: string | null;
  apiUrl: string | null;
  help: boolean;
}

export class ReportUsageError extends HotfixBotError {
  override readonly kind = "usage";
  override readonly name = "ReportUsageError";
}

export const REPORT_USAGE = [
  "Usage: report --repo owner/name [--since DATE] [--json] [--html FILE] [--api-url URL]",
  "",
  "Recovery metrics of a repository's hotfix incidents, from the incident records hotfix-bot keeps:",
  "detection → PR, → merge, merge → deploy, detection → deploy, rollback rate and follow-up completion,",
  "set against the policy (resolution under 1 h, rollback rate under 5 %, every follow-up closed).",
  "",
  "  --repo owner/name  the repository (required)",
  "  --since DATE       only incidents detected since this date (YYYY-MM-DD or an ISO 8601 time)",
  "  --json             print the figures as JSON",
  "  --html FILE        also write the report as one self-contained HTML page with charts to FILE",
  "  --api-url URL      the REST API (GitHub Enterprise, the sandbox); default $GITHUB_API_URL or GitHub's",
  "",
  "The token is read from GITHUB_TOKEN.",
].join("\n");

const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

export function parseReportArgs(argv: readonly string[]): ReportArgs {
  const args: ReportArgs = {
    repo: { owner: "", repo: "" },
    since: null,
    json: false,
    html: null,
    apiUrl: null,
    help: false,
  };
  let repo: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new ReportUsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    switch (flag) {
      case "--repo":
        repo = value();
        break;
      case "--since": {
        const text = value();
        const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
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
  args.repo = { owner: match[1] as string, repo: match[2] as string };
  return args;
}
