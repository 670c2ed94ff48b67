import type { Permission, Person } from "@hotfix-bot/sandbox";
import { type Sandbox, startSandbox } from "@hotfix-bot/sandbox";
import { parseTimeline } from "../../src/incident/timeline-markdown.js";
import type { TimelineState } from "../../src/incident/timeline-state.js";
import { type AppOnSandbox, startAppOnSandbox } from "../../src/sandbox-app/start-app-on-sandbox.js";
import { configuredWebshop } from "../support/app-on-sandbox.js";

/**
 * The stage of the approval, intake and fork attacks: acme/webshop on the sandbox, the real Probot App answering
 * its webhooks, CI as another App. The people: alice (write, the fixer), bob, dave and frank (write), carol (triage),
 * erin (read).
 */

export const REPO = "acme/webshop";

export const PEOPLE: Record<string, Permission> = {
  alice: "write",
  bob: "write",
  dave: "write",
  frank: "write",
  carol: "triage",
  erin: "read",
};

export const BASE_CONFIG = ["checks:", "  criticalTests: [critical-tests]", ""].join("\n");

export interface Stage {
  sandbox: Sandbox;
  app: AppOnSandbox;
  as(login: string): Person;
  close(): Promise<void>;
}

export async function startStage(
  config: string = BASE_CONFIG,
  options: { clock?: () => Date } = {},
): Promise<Stage> {
  const sandbox = await startSandbox();
  await sandbox.createRepository(
    configuredWebshop(config, {
      collaborators: PEOPLE,
      files: { "src/auth.js": "export const check = (u, p) => u.password === p;\n" },
      labels: ["P0-hotfix", "P1-hotfix", "P2-hotfix"],
    }),
  );
  const app = await startAppOnSandbox(sandbox, {
    ...(options.clock ? { clock: options.clock } : {}),
    throttle: { enabled: false },
    retry: { enabled: false },
    ...(process.env.ATTACK_LOG ? { logLevel: "info" as const } : {}),
  });
  return {
    sandbox,
    app,
    as: (login) => sandbox.as(login, REPO),
    async close() {
      await app.close();
      await sandbox.close();
    },
  };
}

/** Our newest `hotfix-gate` run on a commit, as the sandbox holds it. */
export function gateRun(stage: Stage, sha: string) {
  const runs = [...stage.sandbox.internalRepo(REPO).checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === sha && run.app.slug === "hotfix-bot",
  );
  return runs.at(-1) ?? null;
}

/** `completed/success`, `in_progress/null`, … or `none`. */
export function gateState(stage: Stage, sha: string): string {
  const run = gateRun(stage, sha);
  return run ? `${run.status}/${run.conclusion}` : "none";
}

/** The row of the gate's table for a criterion, e.g. `Approvals`. */
export function gateRow(stage: Stage, sha: string, label: string): string {
  const summary = gateRun(stage, sha)?.output.summary ?? "";
  const row = summary.split("\n").find((line) => line.includes(`| ${label} |`)) ?? "";
  return row.replace(/\\/g, "");
}

/** The gate's details below the table (why an approval did not count). */
export function gateDetails(stage: Stage, sha: string): string {
  return (gateRun(stage, sha)?.output.text ?? "").replace(/\\/g, "");
}

/** A hotfix fix pushed by `by` to `hotfix/incident-<n>` and its PR into main; CI passes on the head. */
export async function openHotfix(
  stage: Stage,
  by: Person,
  options: { incident?: number; body?: string; labels?: string[] } = {},
): Promise<{ number: number; head: string; branch: string }> {
  const branch = `hotfix/incident-${options.incident ?? 7}`;
  const head = await by.push(
    branch,
    { "src/auth.js": "export const check = (u, p) => Boolean(u) && u.password === p;\n" },
    { from: "main", message: "Fix critical auth failure" },
  );
  const pr = await by.openPullRequest({
    head: branch,
    base: "main",
    title: "[SPF-1290] Fix critical auth failure",
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  if (options.labels) await by.addLabels(pr.number, options.labels);
  await stage.sandbox.asApp("ci", REPO).runCheck("critical-tests", head, "success");
  await stage.sandbox.settle();
  return { number: pr.number, head, branch };
}

/** A commit written through the API with a chosen git author (and committer), then pushed onto `branch`. */
export async function pushAuthoredAs(
  person: Person,
  branch: string,
  files: Record<string, string>,
  identity: { author: { name: string; email: string }; committer?: { name: string; email: string } },
): Promise<string> {
  const parent = await person.branchSha(branch);
  if (!parent) throw new Error(`no branch ${branch}`);
  const base = await person.request<{ tree: { sha: string } }>("GET", `/repos/${REPO}/git/commits/${parent}`);
  const tree = await person.request<{ sha: string }>("POST", `/repos/${REPO}/git/trees`, {
    base_tree: base.tree.sha,
    tree: Object.entries(files).map(([path, content]) => ({ path, mode: "100644", type: "blob", content })),
  });
  const commit = await person.request<{ sha: string }>("POST", `/repos/${REPO}/git/commits`, {
    message: `Update ${Object.keys(files).join(", ")}`,
    tree: tree.sha,
    parents: [parent],
    author: identity.author,
    ...(identity.committer ? { committer: identity.committer } : {}),
  });
  await person.setBranch(branch, commit.sha);
  return commit.sha;
}

/** The follow-up issues the pipeline opened for a PR, by kind (`post-deploy-review`, …). */
export function followUpKinds(stage: Stage, pr: number): string[] {
  const marker = /<!-- hotfix-bot:follow-up (\{[^<>]*\}) -->/;
  return [...stage.sandbox.internalRepo(REPO).issues.values()].flatMap((issue) => {
    const found = marker.exec(issue.body ?? "");
    if (!found || issue.user.login !== "hotfix-bot[bot]") return [];
    const data = JSON.parse(found[1] as string) as { pr: number; kind: string };
    return data.pr === pr ? [data.kind] : [];
  });
}

/** The hidden timeline state the bot keeps on an issue, or null. */
export function timelineOf(stage: Stage, issue: number): TimelineState | null {
  for (const comment of stage.sandbox.internalRepo(REPO).comments.values()) {
    if (comment.issueNumber !== issue || comment.user.login !== "hotfix-bot[bot]") continue;
    const state = parseTimeline(comment.body);
    if (state) return state;
  }
  return null;
}
