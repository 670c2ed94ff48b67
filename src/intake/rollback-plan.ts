import { renderDeployInputs } from "../config/deploy-inputs.js";
import type { HotfixConfig } from "../config/schema.js";
import type { RepoRef } from "../context.js";
import { codeSpan, shellWord } from "./shell-word.js";

export interface RollbackPlanInput {
  repo: RepoRef;
  incident: number;
  productionBranch: string;
  /** The latest production tag when the incident was declared, and its commit; null when there is none. */
  previousTag: { name: string; sha: string } | null;
  /** The production head when the incident was declared (what to restore when there is no tag). */
  productionSha: string;
  deploy: HotfixConfig["deploy"];
}

/** How to deploy a ref again with the configured deploy: exact commands, or null when none is configured. */
export function redeployCommands(input: RollbackPlanInput, ref: string, sha: string): string[] | null {
  const repo = `${input.repo.owner}/${input.repo.repo}`;
  const commands: string[] = [];
  const workflow = input.deploy.workflow;
  if (workflow) {
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: ref,
      incident: String(input.incident),
      pr: "",
      sha,
      severity: "",
      line: input.productionBranch,
    });
    const fields = Object.entries(inputs).map(([name, value]) => `-f ${shellWord(`${name}=${value}`)}`);
    commands.push(
      [
        "gh workflow run",
        shellWord(workflow.id),
        "--repo",
        shellWord(repo),
        "--ref",
        shellWord(workflow.ref ?? input.productionBranch),
        ...fields,
      ].join(" "),
    );
  }
  if (input.deploy.environment) {
    const body = JSON.stringify({
      ref,
      environment: input.deploy.environment,
      auto_merge: false,
      required_contexts: [],
      description: `rollback for incident #${input.incident}`,
    });
    commands.push(`gh api ${shellWord(`repos/${repo}/deployments`)} --input - <<'JSON'\n${body}\nJSON`);
  }
  return commands.length > 0 ? commands : null;
}

/**
 * The rollback plan of the checklist: what production runs now (the previous stable tag) and the two ways back
 * to it — deploy that tag again, or revert the fix once it is merged — as commands to copy. Pure.
 */
export function rollbackPlan(input: RollbackPlanInput): string[] {
  const previous = input.previousTag;
  const ref = previous?.name ?? input.productionSha;
  const sha = previous?.sha ?? input.productionSha;
  const what = previous
    ? `Production runs ${codeSpan(previous.name)} (the latest production tag, ${codeSpan(previous.sha.slice(0, 7))}).`
    : `No production tag was found; production is ${codeSpan(input.productionBranch)} at ${codeSpan(input.productionSha.slice(0, 7))}.`;
  const lines = ["#### Rollback plan", "", `${what} To get back to it:`, ""];
  const redeploy = redeployCommands(input, ref, sha);
  if (redeploy) {
    lines.push(`1. Deploy ${codeSpan(ref)} again:`, "", "   ```sh");
    for (const command of redeploy) lines.push(...command.split("\n").map((line) => `   ${line}`));
    lines.push("   ```", "");
  } else {
    lines.push(`1. Deploy ${codeSpan(ref)} again with your usual deploy process.`, "");
  }
  const branch = `revert/incident-${input.incident}`;
  const production = shellWord(`origin/${input.productionBranch}`);
  lines.push(
    "2. Or, once the fix is merged, revert it on production:",
    "",
    "   ```sh",
    "   git fetch origin",
    `   git switch -c ${shellWord(branch)} ${production}`,
    "   git revert -m 1 <merge commit>   # a squash or rebase merge: git revert <its commits>",
    `   git push -u origin ${shellWord(branch)}`,
    "   ```",
    "",
    `   When a deployment of the fix fails, hotfix-bot opens this revert as a pull request into ${codeSpan(input.productionBranch)} by itself and labels this issue ${codeSpan(input.deploy.rollbackLabel)}.`,
  );
  return lines;
}
