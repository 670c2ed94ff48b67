import {
  sweepOneRepository
} from "./chunk-HZR7FSDF.js";
import "./chunk-VJKOLBUU.js";
import {
  explainGitHubError,
  githubContext,
  parseApiUrl,
  parseRepo,
  stderrLog
} from "./chunk-C74ZTEPE.js";
import "./chunk-IFHMZTJI.js";
import "./chunk-HOZ5FGTY.js";
import {
  parseCommandArgs
} from "./chunk-DI577RAP.js";
import {
  EXIT,
  UsageError
} from "./chunk-BLGKLY6J.js";

// src/cli/sweep.ts
var help = (name) => `Usage: hotfix-bot ${name} --repo OWNER/NAME [--api-url URL] [--config-path PATH] [--json] [--verbose]
(\`sweep\` and \`reconcile\`, its former name, are the same command.)

Finishes, from GitHub state alone, every hotfix workflow that a crash, a lost webhook or an API outage left
half done in the last two weeks: intake (branch, checklist), the draft PR after the first push, after-merge
pipelines (tag, release, deploy trigger, backports, follow-ups, timeline), deployments whose outcome the
timeline does not record (deployed, or the rollback), stale pipeline claims and leftover temporary
cherry-pick branches. Safe to run at any time and repeatedly: it only creates what is missing. Reads the
token from GITHUB_TOKEN.

Options:
  --repo OWNER/NAME   the repository
  --api-url URL       REST API base URL (default https://api.github.com; GitHub Enterprise Server:
                      https://HOST/api/v3; or a sandbox's URL)
  --config-path PATH  the configuration file in the repository (default .github/hotfix.yml)
  --json              print the report as one line of JSON
  -v, --verbose       log each step on stderr
  -h, --help          show this help

Exit codes: 0 nothing left to do or everything finished, 1 something could not be finished or the
configuration is broken, 2 usage error (missing --repo, GITHUB_TOKEN not set).
`;
function sweepCommand(name) {
  return {
    name,
    help: help(name),
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(name, argv, {
        repo: { type: "string" },
        "api-url": { type: "string" },
        "config-path": { type: "string" },
        json: { type: "boolean" },
        verbose: { type: "boolean", short: "v" }
      });
      if (values.help) {
        io.stdout(help(name));
        return EXIT.ok;
      }
      if (positionals.length > 0) throw new UsageError(name, `unexpected argument "${positionals[0]}"`);
      if (values.repo === void 0) throw new UsageError(name, "--repo OWNER/NAME is required");
      const repo = parseRepo(values.repo);
      const apiUrl = parseApiUrl(values["api-url"]);
      const ctx = githubContext({
        env: io.env,
        repo,
        apiUrl,
        log: stderrLog(io.stderr, values.verbose ?? false),
        access: "write",
        ...values["config-path"] ? { configPath: values["config-path"] } : {}
      });
      const report = await sweepOneRepository(ctx).catch((error) => {
        throw explainGitHubError(error, { repo, apiUrl });
      });
      if (values.json) {
        io.stdout(JSON.stringify(report));
      } else if (report.skipped) {
        io.stderr(`${report.repo}: skipped: ${report.skipped}`);
      } else {
        io.stdout(`${report.repo}: checked ${report.checked} merged hotfix pull request(s)`);
        for (const r of report.results) {
          if (r.outcome === "finished") io.stdout(`${r.task}: finished ${r.target} (${r.detail})`);
          else io.stderr(`${r.task}: could not finish ${r.target}: ${r.detail}`);
        }
        if (report.results.length === 0) io.stdout("nothing was left half done");
      }
      const failed = report.results.some((r) => r.outcome === "failed");
      return report.skipped || failed ? EXIT.failed : EXIT.ok;
    }
  };
}
export {
  sweepCommand
};
