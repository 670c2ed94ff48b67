import type { MergedPullRequest } from "../incident/merged-pull-request.js";
import { escapeMarkdown } from "../text/escape-markdown.js";

// GitHub rejects PR titles over 256 characters; the suffix must survive so the provenance stays visible.
const TITLE_MAX = 256;

/** `<original title> (backport #<pr> to <target>)`; the Jira key at the front of the original is kept. */
export function backportTitle(pr: Pick<MergedPullRequest, "number" | "title">, target: string): string {
  const suffix = ` (backport #${pr.number} to ${target})`;
  const room = TITLE_MAX - suffix.length;
  const title = pr.title.length > room ? `${pr.title.slice(0, Math.max(0, room - 1))}…` : pr.title;
  return title + suffix;
}

/** The backport PR's body: where it came from, and what the reviewer has to do. */
export function backportBody(input: {
  pr: Pick<MergedPullRequest, "number" | "title" | "author">;
  target: string;
  picks: { sha: string }[];
  conflictFiles: string[];
  /** Conflicting files the bot committed without git's conflict blocks, and why. */
  undraftedFiles?: { path: string; reason: string }[];
  /** The draft's head, which a writer names to confirm the files marked **no conflict markers**. */
  headSha?: string;
  incident: number | null;
}): string {
  const lines = [
    `Backport of #${input.pr.number} (${escapeMarkdown(input.pr.title)}) to \`${input.target}\`.`,
    "",
    ...input.picks.map((pick) => `(cherry picked from commit ${pick.sha})`),
  ];
  if (input.incident !== null) lines.push("", `Incident: #${input.incident}`);
  if (input.conflictFiles.length > 0) {
    const unmarked = new Set((input.undraftedFiles ?? []).map((u) => u.path));
    const marked = input.conflictFiles.filter((file) => !unmarked.has(file)).length;
    lines.push(
      "",
      "> [!WARNING]",
      marked === 0
        ? "> The cherry-pick conflicted, in files no conflict marker shows (see below); handle each and push."
        : unmarked.size === 0
          ? "> The cherry-pick conflicted. The commit on this branch contains the conflict markers; resolve them and push."
          : "> The cherry-pick conflicted. The commit on this branch contains conflict markers in the files not marked otherwise below; resolve them and push.",
      "> The PR stays a draft until a person marks it ready: check that no conflict marker is left before you do.",
      `> The conflict blocks are the ones \`git cherry-pick -x\` writes, except that \`<<<<<<<\` names \`${input.target.replace(/`/g, "'")}\` where git writes \`HEAD\`.`,
      "",
      "Conflicting files:",
      ...input.conflictFiles.map((file) => {
        const undrafted = input.undraftedFiles?.find((u) => u.path === file);
        const name = `- \`${file.replace(/`/g, "'")}\``;
        return undrafted ? `${name} — **no conflict markers**: ${escapeMarkdown(undrafted.reason)}` : name;
      }),
    );
    if ((input.undraftedFiles ?? []).length > 0) {
      lines.push(
        "",
        "> [!CAUTION]",
        "> No conflict marker shows what to do with the files marked **no conflict markers** above: do what each",
        "> says by hand (`git cherry-pick -x` shows git's result). The `hotfix-backport` check stays failing until",
        `> a person with write access confirms the head they checked with \`/backport confirm ${(input.headSha ?? "<sha>").slice(0, 12)}\``,
        "> (a new push needs a new confirmation).",
      );
    }
  }
  lines.push("", `Original author: @${input.pr.author}`);
  return lines.join("\n");
}
