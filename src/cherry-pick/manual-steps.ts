import { branchNameProblem, UnsafeBranchNameError } from "./backport-branch.js";
import type { MergeMethod, Pick } from "./pick-list.js";

export interface ManualStepsInput {
  /** The branch the backport goes to, e.g. `develop`. */
  target: string;
  /** The backport branch, `hotfix-bot/backport-<pr>-to-<target>`. */
  branch: string;
  /** Oldest first, as `commitsToPick` returns them. */
  picks: Pick[];
  method: MergeMethod;
  /**
   * The pick the bot stopped at with a conflict, when its branch already holds the picks before it and that
   * pick with conflict markers: adds the steps to finish that branch instead of starting over.
   */
  stoppedAt?: string;
}

const SHA = /^[0-9a-f]{7,64}$/;

/**
 * Markdown with the git commands that finish a backport by hand. Every name in a command has been checked to
 * be a plain branch name or a hexadecimal commit id, so the commands can be pasted as they are.
 */
export function manualBackportSteps(input: ManualStepsInput): string {
  const { target, branch, picks, method, stoppedAt } = input;
  for (const name of [target, branch]) {
    const problem = branchNameProblem(name);
    if (problem) throw new UnsafeBranchNameError(name, problem);
  }
  for (const sha of [...picks.map((p) => p.sha), ...(stoppedAt ? [stoppedAt] : [])]) {
    if (!SHA.test(sha)) throw new UnsafeBranchNameError(sha, "not a hexadecimal commit id");
  }
  if (picks.length === 0) throw new UnsafeBranchNameError("", "there is nothing to pick");

  const shortList = picks.map((p) => `\`${p.sha.slice(0, 7)}\``).join(", ");
  const what =
    method === "merge"
      ? `the merge commit ${shortList} against its first parent (\`-m 1\`)`
      : method === "rebase"
        ? `the ${picks.length === 1 ? "commit" : `${picks.length} rebased commits`} ${shortList}${picks.length > 1 ? ", oldest first" : ""}`
        : `the squashed commit ${shortList}`;

  const lines = [
    `To backport by hand, pick ${what} onto \`${target}\`:`,
    "",
    "```sh",
    "git fetch origin",
    `git switch --no-track -C ${branch} origin/${target}`,
    ...pickCommands(picks),
    "```",
    "",
    "If git stops on a conflict, fix the files it names, then:",
    "",
    "```sh",
    "git add <fixed files>",
    "git cherry-pick --continue",
    "```",
    "",
    `Then publish the branch (this replaces what the bot pushed to \`${branch}\`):`,
    "",
    "```sh",
    `git push --force-with-lease origin ${branch}`,
    "```",
  ];

  const stopIndex = stoppedAt ? picks.findIndex((p) => p.sha === stoppedAt) : -1;
  if (stopIndex >= 0) {
    const rest = picks.slice(stopIndex + 1);
    lines.push(
      "",
      `Or finish the bot's branch, which has the conflict markers of \`${stoppedAt?.slice(0, 7)}\` committed:`,
      "",
      "```sh",
      "git fetch origin",
      `git switch --no-track -C ${branch} origin/${branch}`,
      "```",
      "",
      "Resolve the marked conflicts, then:",
      "",
      "```sh",
      'git commit -a -m "Resolve backport conflicts"',
      ...pickCommands(rest),
      `git push origin ${branch}`,
      "```",
    );
  }
  return lines.join("\n");
}

/** One command when the picks share a mainline, else one per pick; `git cherry-pick A B` applies A first. */
function pickCommands(picks: Pick[]): string[] {
  if (picks.length === 0) return [];
  const mainline = (p: Pick) => (p.mainline ? `-m ${p.mainline} ` : "");
  const first = picks[0] as Pick;
  if (picks.every((p) => p.mainline === first.mainline)) {
    return [`git cherry-pick -x ${mainline(first)}${picks.map((p) => p.sha).join(" ")}`];
  }
  return picks.map((p) => `git cherry-pick -x ${mainline(p)}${p.sha}`);
}
