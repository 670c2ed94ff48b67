import { example, inRepo } from "../support/webhook-examples.js";
import type { FakeGitHub } from "./harness.js";

type Json = Record<string, unknown>;

export const OWNER = "acme";
export const REPO = "shop";
export const HEAD = "1111111111111111111111111111111111111111";
export const MAIN_SHA = "2222222222222222222222222222222222222222";
export const DEVELOP_ONLY = "3333333333333333333333333333333333333333";
export const PR_NUMBER = 42;

export const CONFIG = `
checks:
  criticalTests: [unit, "e2e (*)"]
  securityScan: [codeql]
`;

export const CLEAN_PATCH =
  "@@ -10,3 +10,3 @@ export function login() {\n   const user = find();\n-  return check(user);\n+  return check(user, token);\n }";

export interface PullOptions {
  number?: number;
  title?: string;
  body?: string | null;
  headRef?: string;
  headSha?: string;
  baseRef?: string;
  labels?: string[];
  author?: string;
  state?: string;
}

/** A pull request object as both the REST API and webhook payloads carry it, built on a real example. */
export function pullObject(options: PullOptions = {}): Json {
  const pr = example("pull_request", "opened").pull_request as Json;
  const number = options.number ?? PR_NUMBER;
  pr.number = number;
  pr.title = options.title ?? "[SPF-1290] Fix critical auth failure";
  pr.body = options.body === undefined ? "Incident: #7" : options.body;
  pr.state = options.state ?? "open";
  pr.draft = false;
  pr.labels = (options.labels ?? ["P1-hotfix"]).map((name, i) => ({ id: i + 1, name, color: "ff0000" }));
  (pr.user as Json).login = options.author ?? "octo-author";
  const head = pr.head as Json;
  head.ref = options.headRef ?? "hotfix/incident-7";
  head.sha = options.headSha ?? HEAD;
  (pr.base as Json).ref = options.baseRef ?? "main";
  (pr.base as Json).sha = MAIN_SHA;
  pr.changed_files = 1;
  pr.additions = 1;
  pr.deletions = 1;
  return pr;
}

/**
 * A clean P1 hotfix PR: branch cut from main, one file changed without markers, Jira title, the configured
 * checks green on the head, no review. Tests then break one thing at a time.
 */
export function cleanHotfix(github: FakeGitHub, options: PullOptions = {}): Json {
  const pr = pullObject(options);
  const number = pr.number as number;
  const sha = (pr.head as Json).sha as string;
  github.configText = CONFIG;
  github.pulls.set(number, pr);
  github.reviews.set(number, []);
  github.files.set(number, [
    {
      sha: "f".repeat(40),
      filename: "src/auth.ts",
      status: "modified",
      additions: 1,
      deletions: 1,
      changes: 2,
      patch: CLEAN_PATCH,
    },
  ]);
  github.compares.set(`main...${sha}`, [sha]);
  github.compares.set(`develop...${sha}`, [sha]);
  for (const name of ["unit", "e2e (1)", "e2e (2)", "codeql"]) github.addCheckRun({ name, head_sha: sha });
  return pr;
}

export function pullRequestEvent(action: string, pr: Json): Json {
  // Not every action has an example (edited has none): the opened one carries the same fields.
  const payload = inRepo(example("pull_request", "opened"), OWNER, REPO);
  payload.action = action;
  payload.pull_request = structuredClone(pr);
  payload.number = pr.number;
  return payload;
}

export function reviewEvent(action: string, pr: Json, review: Json): Json {
  const payload = inRepo(example("pull_request_review", action), OWNER, REPO);
  const simple = structuredClone(pr);
  // Review payloads carry a simple pull request: no sizes.
  delete simple.additions;
  delete simple.deletions;
  delete simple.changed_files;
  payload.pull_request = simple;
  payload.review = { ...(payload.review as Json), ...review };
  return payload;
}

export function checkRunEvent(
  action: string,
  run: { name: string; head_sha: string; conclusion?: string | null; status?: string },
  prs: { number: number; headRef: string; baseRef: string }[],
): Json {
  const payload = inRepo(example("check_run", action), OWNER, REPO);
  const checkRun = payload.check_run as Json;
  checkRun.name = run.name;
  checkRun.head_sha = run.head_sha;
  checkRun.status = run.status ?? "completed";
  checkRun.conclusion = run.conclusion ?? "success";
  checkRun.pull_requests = prs.map((p) => ({
    url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${p.number}`,
    id: p.number * 10,
    number: p.number,
    head: { ref: p.headRef, sha: run.head_sha, repo: { id: 1, url: "", name: REPO } },
    base: { ref: p.baseRef, sha: MAIN_SHA, repo: { id: 1, url: "", name: REPO } },
  }));
  return payload;
}
