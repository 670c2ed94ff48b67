import type { Sandbox } from "@hotfix-bot/sandbox";
import { parseTimeline } from "../../src/incident/timeline-markdown.js";
import type { TimelineState } from "../../src/incident/timeline-state.js";
import { appLogin } from "./hotfix-scenario.js";

/** The state in the App's timeline comment on an issue, read from the sandbox's records (null: none yet). */
export function readTimelineState(sandbox: Sandbox, repoName: string, issue: number): TimelineState | null {
  const bot = appLogin(sandbox);
  const comment = [...sandbox.internalRepo(repoName).comments.values()].find(
    (c) => c.issueNumber === issue && c.user.login === bot && c.body.startsWith("<!-- hotfix-bot:timeline "),
  );
  return comment ? parseTimeline(comment.body) : null;
}
