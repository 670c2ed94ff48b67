import type { CheckRunRecord, Sandbox } from "@hotfix-bot/sandbox";
import { appLogin } from "./hotfix-scenario.js";

/**
 * What the App has created in a sandbox repository, counted per identity of the effect: the same key twice is a
 * duplicate. Read from the sandbox's records (not through the API), so faults and counters are not disturbed.
 *
 * - tags: per commit the tag finally points at (one hotfix tag per merge commit);
 * - releases: per tag name;
 * - pulls: per `head -> base` (the App's backport PRs and the people's PRs alike);
 * - issues: the App's issues (not PRs), per title;
 * - comments: the App's comments, per issue and kind: the hidden marker kind for the timeline (its state changes
 *   with every update), the first line for any other (a reply, a notice, manual steps);
 * - checkRuns: the App's check runs, per name and SHA; redundantRuns: those that duplicate another.
 */
export interface EffectsSnapshot {
  tags: Record<string, string[]>;
  releases: Record<string, number>;
  pulls: Record<string, number>;
  issues: Record<string, number>;
  comments: Record<string, number>;
  /** Runs per name and SHA (more than one is legitimate when a verdict went back to pending). */
  checkRuns: Record<string, number>;
  /** Runs that duplicate another run of the same name and SHA (see effectsSnapshot). */
  redundantRuns: string[];
  /** Closed-as-not-planned App issues: duplicates that were noticed and closed after the fact. */
  closedDuplicates: number;
}

export async function effectsSnapshot(sandbox: Sandbox, repoName: string): Promise<EffectsSnapshot> {
  const repo = sandbox.internalRepo(repoName);
  const app = sandbox.app.slug;
  const bot = appLogin(sandbox);
  const count = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };

  const tags: Record<string, string[]> = {};
  for (const { ref, sha } of repo.refs.list("refs/tags/")) {
    const commit = (await repo.store.peelToCommit(sha)) ?? sha;
    const names = tags[commit] ?? [];
    names.push(ref.slice("refs/tags/".length));
    tags[commit] = names;
  }

  const releases: Record<string, number> = {};
  for (const release of repo.releases.values()) count(releases, release.tagName);

  const pulls: Record<string, number> = {};
  for (const pull of repo.pulls.values()) count(pulls, `${pull.headRef} -> ${pull.baseRef}`);

  const issues: Record<string, number> = {};
  let closedDuplicates = 0;
  for (const issue of repo.issues.values()) {
    if (issue.isPull || issue.user.login !== bot) continue;
    count(issues, issue.title);
    if (issue.stateReason === "not_planned") closedDuplicates++;
  }

  const comments: Record<string, number> = {};
  for (const comment of repo.comments.values()) {
    if (comment.user.login !== bot) continue;
    const firstLine = comment.body.split("\n", 1)[0] ?? "";
    const marker = /^<!-- hotfix-bot:timeline /.test(firstLine) ? "<!-- hotfix-bot:timeline -->" : firstLine;
    count(comments, `#${comment.issueNumber} ${marker}`);
  }

  const checkRuns: Record<string, number> = {};
  const redundantRuns: string[] = [];
  const runsByKey = new Map<string, CheckRunRecord[]>();
  for (const run of repo.checkRuns.values()) {
    if (run.app.slug !== app) continue;
    const key = `${run.name}@${run.headSha}`;
    count(checkRuns, key);
    runsByKey.set(key, [...(runsByKey.get(key) ?? []), run]);
  }
  // A completed run cannot be reopened, so a verdict that goes back to pending legitimately takes a new run. A
  // duplicate is a run that changed nothing: the same verdict as the run before it, or an older run left open.
  for (const [key, runs] of runsByKey) {
    runs.sort((a, b) => a.id - b.id);
    runs.forEach((run, i) => {
      const next = runs[i + 1];
      if (!next) return;
      if (run.status !== "completed") redundantRuns.push(`${key}: run ${run.id} left ${run.status}`);
      else if (verdict(run) === verdict(next))
        redundantRuns.push(`${key}: run ${next.id} repeats run ${run.id} (${verdict(run)})`);
    });
  }

  return { tags, releases, pulls, issues, comments, checkRuns, redundantRuns, closedDuplicates };
}

/** Every effect that exists more than once, as readable lines (empty: nothing is duplicated). */
export function duplicatesIn(snapshot: EffectsSnapshot): string[] {
  const lines: string[] = [];
  for (const [commit, names] of Object.entries(snapshot.tags))
    if (names.length > 1) lines.push(`tags on ${commit}: ${names.join(", ")}`);
  const kinds = ["releases", "pulls", "issues", "comments"] as const;
  for (const kind of kinds) {
    for (const [key, n] of Object.entries(snapshot[kind])) if (n > 1) lines.push(`${kind} ${key}: ${n}`);
  }
  for (const line of snapshot.redundantRuns) lines.push(`check run ${line}`);
  if (snapshot.closedDuplicates > 0) lines.push(`issues closed as duplicates: ${snapshot.closedDuplicates}`);
  return lines;
}

/** How many effects of each kind, for summaries. */
export function effectCounts(snapshot: EffectsSnapshot): Record<string, number> {
  const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
  return {
    tags: Object.values(snapshot.tags).reduce((a, names) => a + names.length, 0),
    releases: sum(snapshot.releases),
    pulls: sum(snapshot.pulls),
    issues: sum(snapshot.issues),
    comments: sum(snapshot.comments),
    checkRuns: sum(snapshot.checkRuns),
  };
}

function verdict(run: CheckRunRecord): string {
  return `${run.status}/${run.conclusion ?? ""}/${run.output.title ?? ""}`;
}
