import type { Exchange } from "@hotfix-bot/sandbox";

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
      if (ref.startsWith("refs/heads/hotfix/")) return `branch ${ref.slice("refs/heads/".length)} cut`;
      if (
        ref.startsWith("refs/heads/hotfix-bot/backport-") ||
        ref.startsWith("refs/heads/hotfix-bot/revert-")
      )
        return `branch ${ref.slice("refs/heads/".length)} created`;
      return null;
    }
    case "POST /releases":
      return `release ${String(answer.tag_name)} published: ${String(answer.html_url)}`;
    case "POST /pulls": {
      const head = String(body.head ?? "");
      const title = String(answer.title);
      if (head.startsWith("hotfix-bot/revert-")) return `revert PR #${String(answer.number)}: ${title}`;
      if (!head.startsWith("hotfix-bot/"))
        return `draft PR #${String(answer.number)} into ${String(body.base)}: ${title}`;
      return `backport PR #${String(answer.number)} into ${String(body.base)}${body.draft ? " (draft: conflict to resolve)" : ""}: ${title}`;
    }
    case "POST /deployments":
      return `deployment of ${String(body.ref)} to ${String(body.environment)} created`;
    case "POST /actions/workflows/{workflow_id}/dispatches":
      return `deploy workflow started on ${String(body.ref)}`;
    case "PUT /contents/{path+}":
      return `incident report committed to ${String(body.branch)}`;
    case "PATCH /issues/{issue_number}":
      return body.state === "closed" ? `issue #${String(answer.number)} closed` : null;
    case "POST /issues":
      return `follow-up issue #${String(answer.number)}: ${String(answer.title)}`;
    case "POST /issues/{issue_number}/labels":
      return `labels ${(body.labels as string[] | undefined)?.join(", ") ?? ""} added`;
    case "POST /pulls/{pull_number}/requested_reviewers":
      return `review requested from ${(body.reviewers as string[] | undefined)?.join(", ") ?? ""}`;
    case "POST /issues/{issue_number}/comments": {
      const text = String(body.body ?? "");
      if (text.includes("hotfix-bot:timeline")) return "timeline comment written";
      if (text.includes("hotfix-bot:checklist")) return "checklist and rollback plan posted";
      if (text.includes("hotfix-bot:escalation")) return "escalation posted";
      if (text.includes("hotfix-bot:rollback-reply"))
        return `reply to /rollback: ${text.split("\n")[1] ?? ""}`;
      if (text.includes("hotfix-bot:command-refused")) return "command refused: no write access";
      return "comment posted";
    }
    case "PATCH /issues/comments/{comment_id}":
      return "timeline comment updated";
    default:
      return null;
  }
}
