import { type Sandbox, WEBSHOP } from "@hotfix-bot/sandbox";
import { routes } from "../../src/engine.js";
import { parseTimeline } from "../../src/incident/timeline-markdown.js";

/**
 * The end-to-end hotfix, played by people and CI on the sandbox while an App answers the webhooks: an incident
 * issue labelled P1-hotfix, a fix on `hotfix/incident-<n>`, its PR gated by `hotfix-gate`, CI and an approval, the
 * merge (tag, release, backport to develop, follow-ups, cleanup, timeline), then `/backport release/1.x` from a
 * writer and the same from a reader (refused). Every webhook of the scenario is therefore one of ours: gate,
 * after-merge, `/backport`, and the incident label (intake, where the engine routes it).
 */

export const REPO = "acme/webshop";

export const CONFIG = [
  "productionBranch: main",
  "developBranch: develop",
  "checks:",
  "  criticalTests: [critical-tests]",
  "  securityScan: [security-scan]",
  "backport:",
  "  targets: ['{develop}']",
  "",
].join("\n");

const FIXED_AUTH =
  "export function checkPassword(user, password) {\n  if (!user || !password) return false;\n  return user.password === password;\n}\n";

export const TITLE = "[SPF-1290] Fix critical auth failure";

/** acme/webshop with the scenario's configuration and a release branch. */
export async function seedWebshop(sandbox: Sandbox): Promise<void> {
  await sandbox.createRepository(WEBSHOP);
  const alice = sandbox.as("alice", REPO);
  await alice.push(
    "main",
    { ".github/hotfix.yml": CONFIG },
    { message: "Configure the reliability scenario" },
  );
  await alice.createBranch("release/1.x", "main");
}

export interface OpenedHotfix {
  incident: number;
  pr: number;
  head: string;
  /** The PR's title; its Jira key differs per hotfix, so follow-up titles do too. */
  title: string;
  /** The Jira key in the title, e.g. `SPF-1290`. */
  key: string;
}

export interface ScenarioFacts extends OpenedHotfix {
  mergeSha: string;
  /** Whether the `/backport` commands were played (the release/1.x backport and carol's refusal). */
  commands: boolean;
}

/** What waits between the scenario's steps: `sandbox.settle()`, or a wait that also tolerates other instances. */
export type Settle = () => Promise<void>;

/** Plays the whole scenario; `settle` runs after every step that the App reacts to, `beforeMerge` before merging. */
export async function playHotfix(
  sandbox: Sandbox,
  settle: Settle,
  hooks: { beforeMerge?: () => void } = {},
): Promise<ScenarioFacts> {
  const opened = await openHotfix(sandbox, settle);
  hooks.beforeMerge?.();
  const mergeSha = await mergeHotfix(sandbox, settle, opened);
  await backportCommands(sandbox, settle, opened);
  return { ...opened, mergeSha, commands: true };
}

/**
 * The hotfix up to the merge: the incident (label P1-hotfix), the fix on its branch, the PR (intake's draft or
 * alice's), CI green, bob's approval. `n` tells several hotfixes of one repository apart (file, Jira key).
 */
export async function openHotfix(sandbox: Sandbox, settle: Settle, n = 0): Promise<OpenedHotfix> {
  const alice = sandbox.as("alice", REPO);
  const incident = await alice.createIssue({
    title: n === 0 ? "Logins fail for users without a password" : `Outage number ${n}`,
    labels: ["P1-hotfix"],
  });
  await settle();
  const branch = `hotfix/incident-${incident}`;
  // Intake may have cut the branch already; otherwise the incident commander does.
  if (!sandbox.repository(REPO).branch(branch)) await alice.createBranch(branch, "main");
  const files =
    n === 0 ? { "src/auth.js": FIXED_AUTH } : { [`src/fix-${n}.js`]: `export const fix = ${n};\n` };
  const head = await alice.push(branch, files, { message: `Fix ${n === 0 ? "empty passwords" : n}` });
  await settle();
  const key = n === 0 ? "SPF-1290" : `SPF-${2000 + n}`;
  const title = n === 0 ? TITLE : `[${key}] Fix outage ${n}`;
  const pr = await openOrFindPull(sandbox, branch, incident, title);
  await settle();
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", head, "success");
  await settle();
  await ci.runCheck("security-scan", head, "success");
  await settle();
  await sandbox.as("bob", REPO).review(pr, "APPROVE", "Looks right");
  await settle();
  return { incident, pr, head, title, key };
}

/** alice merges the PR (a merge commit); returns the merge commit. */
export async function mergeHotfix(sandbox: Sandbox, settle: Settle, opened: OpenedHotfix): Promise<string> {
  const mergeSha = await sandbox.as("alice", REPO).merge(opened.pr, "merge");
  await settle();
  return mergeSha;
}

/** `/backport release/1.x` from alice (a writer), then the same from carol (a reader: refused). */
export async function backportCommands(
  sandbox: Sandbox,
  settle: Settle,
  opened: OpenedHotfix,
): Promise<void> {
  await sandbox.as("alice", REPO).comment(opened.pr, "/backport release/1.x");
  await settle();
  await sandbox.as("carol", REPO).comment(opened.pr, "/backport release/1.x");
  await settle();
}

/** The PR from the hotfix branch: intake's draft (made ready) where intake opened one, else alice's. */
async function openOrFindPull(
  sandbox: Sandbox,
  branch: string,
  incident: number,
  title: string,
): Promise<number> {
  const alice = sandbox.as("alice", REPO);
  const existing = [...sandbox.internalRepo(REPO).pulls.values()].find(
    (pull) => pull.headRef === branch && pull.baseRef === "main",
  );
  if (existing) {
    await alice.updatePullRequest(existing.number, { title, body: `Incident: #${incident}` });
    // GitHub marks a draft ready only through GraphQL, which the sandbox does not serve: the record is flipped
    // directly (without its ready_for_review event; the CI results that follow re-evaluate the gate).
    existing.draft = false;
    return existing.number;
  }
  const opened = await alice.openPullRequest({
    head: branch,
    base: "main",
    title,
    body: `Incident: #${incident}`,
  });
  return opened.number;
}

/**
 * Which of the scenario's outcomes are in place, read from the sandbox's records. `missing` names what is not
 * (empty: the scenario completed); counts of duplicates are the effects snapshot's business.
 */
export async function scenarioOutcome(
  sandbox: Sandbox,
  facts: ScenarioFacts,
): Promise<{ missing: string[] }> {
  const repo = sandbox.internalRepo(REPO);
  const app = sandbox.app.slug;
  const bot = appLogin(sandbox);
  const missing: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) missing.push(what);
  };

  const gate = [...repo.checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === facts.head && run.app.slug === app,
  );
  const latestGate = gate.sort((a, b) => b.id - a.id)[0];
  need(
    latestGate?.status === "completed" && latestGate.conclusion === "success",
    "hotfix-gate success on the head",
  );

  const tagged: string[] = [];
  for (const { ref, sha } of repo.refs.list("refs/tags/hotfix-")) {
    if ((await repo.store.peelToCommit(sha)) === facts.mergeSha) tagged.push(ref.slice("refs/tags/".length));
  }
  need(tagged.length > 0, "tag on the merge commit");
  need(
    [...repo.releases.values()].some((release) => tagged.includes(release.tagName)),
    "release of the tag",
  );

  const targets = facts.commands ? ["develop", "release/1.x"] : ["develop"];
  for (const target of targets) {
    const pull = [...repo.pulls.values()].find(
      (p) => p.headRef === `hotfix-bot/backport-${facts.pr}-to-${target}` && p.baseRef === target,
    );
    need(pull !== undefined, `backport PR to ${target}`);
    if (pull) {
      need(
        repo.issues.get(pull.number)?.labels.includes("backport") ?? false,
        `label on backport to ${target}`,
      );
      // The original author reviews the backport, when a person opened the hotfix PR (not intake's draft).
      const author = repo.issues.get(facts.pr)?.user.login;
      if (author !== bot)
        need(pull.requestedReviewers.includes(author ?? ""), `review request on backport to ${target}`);
    }
  }

  const followUps = [...repo.issues.values()].filter((i) => !i.isPull && i.user.login === bot);
  for (const prefix of ["Post-mortem: ", `Regression tests for ${facts.key}: `]) {
    need(
      followUps.some((i) => i.title === `${prefix}${facts.title}` && i.state === "open"),
      `follow-up "${prefix.trim()}"`,
    );
  }

  need(repo.refs.get(`refs/heads/hotfix/incident-${facts.incident}`) === null, "hotfix branch deleted");

  const timeline = [...repo.comments.values()].filter(
    (c) =>
      c.issueNumber === facts.incident &&
      c.user.login === bot &&
      c.body.startsWith("<!-- hotfix-bot:timeline "),
  );
  const state = timeline[0] ? parseTimeline(timeline[0].body) : null;
  const pipeline = state?.pipelines[String(facts.pr)];
  need(pipeline?.done === true, "timeline records the pipeline done");
  need(
    targets.every((t) => ["open", "conflict"].includes(pipeline?.backports[t]?.status ?? "")),
    "timeline records every backport",
  );

  if (routes.some((route) => route.step === "intake")) {
    need(
      [...repo.comments.values()].some(
        (c) =>
          c.issueNumber === facts.incident &&
          c.user.login === bot &&
          c.body.startsWith("<!-- hotfix-bot:checklist "),
      ),
      "intake checklist on the incident",
    );
    need(repo.issues.get(facts.pr)?.user.login === bot, "intake's draft PR");
  }

  if (facts.commands) {
    const refusals = [...repo.comments.values()].filter(
      (c) =>
        c.issueNumber === facts.pr &&
        c.user.login === bot &&
        c.body.includes("only people with write access"),
    );
    need(refusals.length > 0, "refusal of carol's /backport");
  }
  return { missing };
}

/** The login the App's installation token acts as (`hotfix-bot[bot]`). */
export function appLogin(sandbox: Sandbox): string {
  return sandbox.world.app.bot.login;
}
