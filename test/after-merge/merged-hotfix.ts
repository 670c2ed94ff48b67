import type { Sandbox } from "@hotfix-bot/sandbox";
import { loadConfig } from "../../src/config/load-config.js";
import { mergedPullRequestFrom } from "../../src/incident/merged-pull-request.js";
import { emptyTimeline } from "../../src/incident/timeline-state.js";
import { writeTimeline } from "../../src/incident/upsert-timeline.js";
import { appContext } from "../reliability/app-context.js";
import { mergeHotfix, openHotfix } from "../reliability/hotfix-scenario.js";

/**
 * A merged hotfix on the sandbox seeded by `seedWebshop` (no App listening: alice opens the PR herself), with the
 * incident's timeline as intake would have left it, and what runAfterMerge needs for it.
 */
export async function mergedHotfix(sandbox: Sandbox) {
  const settle = () => sandbox.settle();
  const opened = await openHotfix(sandbox, settle);
  const mergeSha = await mergeHotfix(sandbox, settle, opened);
  const ctx = appContext(sandbox);
  const loaded = await loadConfig(ctx.octokit, ctx.repo);
  if (!loaded.ok) throw loaded.error;
  const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: opened.pr });
  const pr = mergedPullRequestFrom(data);
  if (!pr) throw new Error("not merged");
  // Intake would have recorded the incident's branch (no App ran here): that record binds the PR to the incident.
  const intake = {
    trigger: "label" as const,
    branch: pr.headRef,
    cutFrom: "main",
    baseSha: mergeSha,
    productionSha: mergeSha,
  };
  await writeTimeline(ctx, opened.incident, null, {
    ...emptyTimeline(opened.incident),
    intake,
  });
  return { ctx, config: loaded.config, pr, facts: { ...opened, mergeSha, commands: false } };
}
