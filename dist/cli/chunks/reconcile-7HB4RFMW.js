import {
  reconcileRepo
} from "./chunk-B4ZJ3ZJB.js";
import {
  explainGitHubError,
  githubContext,
  parseApiUrl,
  parseRepo,
  stderrLog
} from "./chunk-4ADIYY7L.js";
import "./chunk-Y7K2DOCE.js";
import {
  parseCommandArgs
} from "./chunk-LDPOZN2S.js";
import {
  EXIT,
  UsageError
} from "./chunk-UNCCS3NG.js";

// src/cli/reconcile.ts
var help = `Usage: hotfix-bot reconcile --repo OWNER/NAME [--api-url URL] [--config-path PATH] [--json] [--verbose]

Finishes every after-merge pipeline (tag, release, backports, follow-ups, timeline) that a crash, a lost
webhook or an API outage left half done, from GitHub state alone. Safe to run at any time and repeatedly:
it only creates what is missing. Reads the token from GITHUB_TOKEN.

Options:
  --repo OWNER/NAME   the repository
  --api-url URL       REST API base URL (default https://api.github.com; GitHub Enterprise Server:
                      https://HOST/api/v3; or a sandbox's URL)
  --config-path PATH  the configuration file in the repository (default .github/hotfix.yml)
  --json              print the report as one line of JSON
  -v, --verbose       log each step on stderr
  -h, --help          show this help

Exit codes: 0 nothing left to do or everything finished, 1 a pipeline could not be finished or the
configuration is broken, 2 usage error (missing --repo, GITHUB_TOKEN not set).
`;
var command = {
  name: "reconcile",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("reconcile", argv, {
      repo: { type: "string" },
      "api-url": { type: "string" },
      "config-path": { type: "string" },
      json: { type: "boolean" },
      verbose: { type: "boolean", short: "v" }
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError("reconcile", `unexpected argument "${positionals[0]}"`);
    if (values.repo === void 0) throw new UsageError("reconcile", "--repo OWNER/NAME is required");
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
    const report = await reconcileRepo(ctx).catch((error) => {
      throw explainGitHubError(error, { repo, apiUrl });
    });
    if (values.json) {
      io.stdout(JSON.stringify(report));
    } else if (report.skipped) {
      io.stderr(`${report.repo}: skipped: ${report.skipped}`);
    } else {
      io.stdout(`${report.repo}: checked ${report.checked} merged hotfix pull request(s)`);
      for (const pr of report.finished) io.stdout(`finished #${pr}`);
      for (const f of report.failed) io.stderr(`could not finish #${f.pr}: ${f.error}`);
      if (report.finished.length === 0 && report.failed.length === 0) io.stdout("nothing was left half done");
    }
    return report.skipped || report.failed.length > 0 ? EXIT.failed : EXIT.ok;
  }
};
export {
  command
};
