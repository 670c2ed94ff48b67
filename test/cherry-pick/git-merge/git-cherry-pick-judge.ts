import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GitRepo } from "../git-repo.js";
import type { ConflictCase } from "./conflict-cases.js";

/** What `git cherry-pick -x` left for one file: whether it is unmerged, and the work tree's bytes (latin1). */
export interface GitVerdict {
  conflicted: boolean;
  text: string;
}

/** The subject of every picked commit: the `>>>>>>>` label is `<abbreviated sha> (Fix the login loop)`. */
export const PICK_SUBJECT = "Fix the login loop";

/**
 * Real git as the judge: the cases' files go into one base commit, one commit for the target and one for the
 * pick (one file per case, all modified on both sides so that no rename is possible, and each file merges on
 * its own); `git cherry-pick -x` of the pick onto the target in a work tree; then each file's index state and
 * bytes. Returns one verdict per case and the label git used for the pick.
 */
export class CherryPickJudge {
  private readonly repo = new GitRepo();

  constructor() {
    this.repo.git(["config", "core.autocrlf", "false"]);
  }

  judge(cases: readonly ConflictCase[]): { verdicts: GitVerdict[]; theirsLabel: string } {
    const name = (k: number) => `case-${String(k).padStart(4, "0")}.txt`;
    const files = (side: "base" | "ours" | "theirs") =>
      Object.fromEntries(cases.map((c, k) => [name(k), Buffer.from(c[side], "latin1")]));
    const [, ours = "", theirs = ""] = this.repo.importCommits([
      { message: "Base\n", parents: [], files: files("base") },
      { message: "Target work\n", parents: [0], files: files("ours") },
      { message: `${PICK_SUBJECT}\n`, parents: [0], files: files("theirs") },
    ]);
    this.repo.git(["checkout", "-q", "-f", "--detach", ours]);
    const picked = this.repo.tryGit(["cherry-pick", "-x", theirs]);
    const unmerged = new Set(
      picked.status === 0
        ? []
        : this.repo
            .git(["diff", "--name-only", "--diff-filter=U"])
            .split("\n")
            .filter((line) => line !== ""),
    );
    const verdicts = cases.map((_, k) => ({
      conflicted: unmerged.has(name(k)),
      text: readFileSync(join(this.repo.dir, name(k))).toString("latin1"),
    }));
    if (picked.status !== 0) this.repo.git(["cherry-pick", "--abort"]);
    const abbrev = this.repo.git(["rev-parse", "--short", theirs]).trim();
    return { verdicts, theirsLabel: `${abbrev} (${PICK_SUBJECT})` };
  }

  close(): void {
    this.repo.remove();
  }
}

/** The conflict blocks of a text, each as its lines from `<<<<<<<` to `>>>>>>>`. */
export function conflictBlocks(text: string): string[] {
  return text.match(/^<{7}[^\n]*\n[\s\S]*?^>{7}[^\n]*(\n|$)/gm) ?? [];
}

/** git writes `<<<<<<< HEAD`; the bot names the target branch there. Only that label is normalised. */
export function withOursLabel(gitText: string, oursLabel: string): string {
  return gitText.replace(/^<{7} HEAD(\r?)$/gm, `<<<<<<< ${oursLabel}$1`);
}
