import { existsSync, lstatSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { cherryPickWith } from "../../src/cherry-pick/cherry-pick.js";
import { splitCoAuthors } from "./co-author.js";
import { type GitRepo, LocalGitWriter, LocalTreeSource, readCommitAsync } from "./git-repo.js";
import { type RenameHistory, writeRenameHistory } from "./rename-history.js";

/** What `git cherry-pick -x` (with `-m 1` for a merge) left: a commit, a conflict, or nothing to do. */
type GitOutcome =
  | { status: "clean"; tree: string; message: string }
  | {
      status: "conflict";
      /** `git diff --name-only --diff-filter=U`. */
      unmerged: string[];
      /** Resolved paths (stage 0 of the index, as in the work tree): mode and object. */
      resolved: Map<string, string>;
      /** Bytes of each unmerged path in the work tree, or null when git left none there. */
      workTree: Map<string, Buffer | null>;
    }
  | { status: "empty" };

export interface FidelityVerdict {
  status: "clean" | "conflict" | "empty";
  /** Empty when the bot ended where git ends; otherwise what differs. */
  disagreements: string[];
  /** Files the bot handed to a person (no markers explain them). */
  undrafted: number;
}

async function gitCherryPick(repo: GitRepo, onto: string, pick: string, mainline?: 1): Promise<GitOutcome> {
  // The work tree is left clean after every pick (below), so a checkout is all it takes.
  await repo.run(["checkout", "-q", "-f", "--detach", onto]);
  const attempt = await repo.tryRun(["cherry-pick", "-x", ...(mainline ? ["-m", "1"] : []), pick]);
  try {
    if (attempt.status === 0) {
      const head = await readCommitAsync(repo, "HEAD");
      return { status: "clean", tree: head.tree, message: head.message };
    }
    const unmerged = (await repo.run(["diff", "--name-only", "--diff-filter=U"]))
      .split("\n")
      .filter(Boolean)
      .sort();
    if (unmerged.length === 0) return { status: "empty" };
    const resolved = new Map<string, string>();
    for (const line of (await repo.run(["ls-files", "-s", "-z"])).split("\0").filter(Boolean)) {
      const [meta = "", path = ""] = line.split("\t");
      const [mode, sha, stage] = meta.split(" ");
      if (stage === "0") resolved.set(path, `${mode} ${sha}`);
    }
    const workTree = new Map<string, Buffer | null>();
    for (const path of unmerged) {
      const full = join(repo.dir, path);
      if (!existsSync(full) && !isLink(full)) workTree.set(path, null);
      else if (isLink(full)) workTree.set(path, Buffer.from(readlinkSync(full)));
      else workTree.set(path, lstatSync(full).isDirectory() ? Buffer.alloc(0) : readFileSync(full));
    }
    return { status: "conflict", unmerged, resolved, workTree };
  } finally {
    if (attempt.status !== 0) await repo.tryRun(["cherry-pick", "--abort"]);
    await repo.run(["clean", "-q", "-f", "-d", "-x"]);
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether `path` is `prefix` or lies under it, or is git's aside copy of it (`lib~HEAD`). */
function covers(prefix: string, path: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}~`);
}

/**
 * Cherry-picks a generated history both ways and compares: a clean pick must give git's tree and message; a
 * conflicting pick must list git's conflicted paths (a path handed to a person counts for itself and what lies
 * under it), commit git's content for every path git resolved, and have each conflicted path it drafted where git
 * left it. Paths the bot hands to a person without git's content are not compared, but they are counted.
 */
export async function compareWithGit(repo: GitRepo, h: RenameHistory): Promise<FidelityVerdict> {
  const { base, develop, hotfix, mainline } = await writeRenameHistory(repo, h);
  const git = await gitCherryPick(repo, develop, hotfix, mainline);
  const source = new LocalTreeSource(repo);
  const writer = new LocalGitWriter(repo);
  const result = await cherryPickWith(source, writer, {
    ontoSha: develop,
    ontoLabel: "develop",
    picks: [{ sha: hotfix, parent: base, ...(mainline ? { mainline } : {}) }],
    verified: true,
  }).finally(() => source.close());

  const undrafted = (result.undraftedFiles ?? []) as { path: string; asGit?: boolean }[];
  const verdict: FidelityVerdict = { status: git.status, disagreements: [], undrafted: undrafted.length };
  const differ = (what: string) => verdict.disagreements.push(what);
  if (result.status !== git.status) {
    differ(`git: ${git.status}, bot: ${result.status} (${result.conflictFiles.join(", ")})`);
    return verdict;
  }
  if (git.status === "clean") {
    const made = await readCommitAsync(repo, result.headSha);
    if (made.tree !== git.tree) differ(`tree ${made.tree} is not git's ${git.tree}`);
    if (splitCoAuthors(made.message).message !== git.message) differ("message differs from git's");
    return verdict;
  }
  if (git.status === "empty") return verdict;

  const handedOver = undrafted.filter((u) => !u.asGit).map((u) => u.path);
  const handedOverAsGit = new Set(undrafted.filter((u) => u.asGit).map((u) => u.path));
  const notCompared = (path: string) => handedOver.some((prefix) => covers(prefix, path));
  const listed = new Set(result.conflictFiles);
  for (const path of git.unmerged) {
    if (!listed.has(path) && !notCompared(path)) differ(`git conflicts on ${path}, the bot does not say so`);
  }
  const gitUnmerged = new Set(git.unmerged);
  for (const path of result.conflictFiles) {
    if (!gitUnmerged.has(path) && !notCompared(path))
      differ(`the bot lists ${path}, git does not conflict there`);
  }
  const botTree = new Map<string, string>();
  for (const line of (await repo.run(["ls-tree", "-r", "-z", result.headSha])).split("\0").filter(Boolean)) {
    const [meta = "", path = ""] = line.split("\t");
    const [mode, , sha] = meta.split(" ");
    botTree.set(path, `${mode} ${sha}`);
  }
  for (const [path, entry] of git.resolved) {
    if (notCompared(path)) continue;
    if (botTree.get(path) !== entry)
      differ(`${path}: git has ${entry}, the bot ${botTree.get(path) ?? "nothing"}`);
  }
  for (const path of botTree.keys()) {
    if (!git.resolved.has(path) && !gitUnmerged.has(path) && !notCompared(path)) {
      differ(`the bot writes ${path}, which git does not have`);
    }
  }
  for (const [path, bytes] of git.workTree) {
    if (notCompared(path)) continue;
    const entry = botTree.get(path);
    if ((bytes === null) !== (entry === undefined)) {
      differ(`${path}: git ${bytes === null ? "leaves no file" : "leaves a file"}, the bot the opposite`);
    } else if (
      bytes !== null &&
      entry !== undefined &&
      handedOverAsGit.has(path) &&
      !entry.startsWith("160000")
    ) {
      const sha = entry.split(" ")[1] ?? "";
      if (!(await repo.runBytes(["cat-file", "-p", sha])).equals(bytes))
        differ(`${path}: not what git leaves`);
    }
  }
  return verdict;
}
