import type { Exchange } from "../sandbox/http/api-server.js";

/**
 * Turns one of the bot's successful writes into a line a person can follow during the demo, or null for writes
 * that are plumbing (blobs, trees, commits) rather than steps.
 */
export function narrate(
  exchange: Pick<Exchange, "method" | "route" | "status" | "requestBody" | "responseBody">,
): string | null {
  if (exchange.status >= 400) return null;
  const body = (exchange.requestBody ?? {}) as Record<string, unknown>;
  const answer = (exchange.responseBody ?? {}) as Record<string, unknown>;
  const key = `${exchange.method} ${exchange.route.replace(/^\/repos\/\{owner\}\/\{repo\}/, "")}`;
  switch (key) {
    case "POST /check-runs":
    case "PATCH /check-runs/{check_run_id}": {
      const state = answer.conclusion ?? answer.status ?? body.conclusion ?? body.status;
      const title = (answer.output as { title?: unknown } | undefined)?.title;
      return `check ${String(answer.name ?? body.name)}: ${String(state)}${title ? ` — ${String(title)}` : ""}`;
    }
    case "POST /git/refs": {
      const ref = String(body.ref ?? "");
      if (ref.startsWith("refs/tags/")) return `tag ${ref.slice("refs/tags/".length)} created`;
      if (ref.startsWith("refs/heads/hotfix-bot/backport-"))
        return `branch ${ref.slice("refs/heads/".length)} created`;
      return null;
    }
    case "POST /releases":
      return `release ${String(answer.tag_name)} published: ${String(answer.html_url)}`;
    case "POST /pulls":
      return `backport PR #${String(answer.number)} into ${String(body.base)}${body.draft ? " (draft: conflict to resolve)" : ""}: ${String(answer.title)}`;
    case "POST /issues":
      return `follow-up issue #${String(answer.number)}: ${String(answer.title)}`;
    case "POST /issues/{issue_number}/labels":
      return `labels ${(body.labels as string[] | undefined)?.join(", ") ?? ""} added`;
    case "POST /pulls/{pull_number}/requested_reviewers":
      return `review requested from ${(body.reviewers as string[] | undefined)?.join(", ") ?? ""}`;
    case "POST /issues/{issue_number}/comments":
      return String(body.body ?? "").includes("hotfix-bot:timeline")
        ? "timeline comment written"
        : "comment posted";
    case "PATCH /issues/comments/{comment_id}":
      return "timeline comment updated";
    default:
      return null;
  }
}
