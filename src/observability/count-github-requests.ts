import type { ProbotOctokit } from "probot";
import type { AppMetrics } from "./app-metrics.js";

/**
 * An Octokit plugin that counts every request the App sends, token requests included, by method and status
 * class: `ProbotOctokit.plugin(countGitHubRequests(metrics))`. Added after Probot's own plugins, it wraps them:
 * it sees each request once, as the engine made it, with its final status (a retry inside plugin-retry is not a
 * second request here; one sent again after a secondary rate limit is).
 */
export function countGitHubRequests(metrics: AppMetrics) {
  return (octokit: Pick<InstanceType<typeof ProbotOctokit>, "hook">): void => {
    octokit.hook.wrap("request", async (request, options) => {
      const method = options.method ?? "GET";
      try {
        const response = await request(options);
        metrics.githubRequest(method, response.status);
        return response;
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        metrics.githubRequest(method, typeof status === "number" ? status : null);
        throw error;
      }
    });
  };
}
