import type { OtherApp, Person } from "@hotfix-bot/sandbox";
import { example, inRepo } from "../support/webhook-examples.js";
import type { GateStage } from "./harness.js";

// The gate suites' world on the sandbox: a shop repository per configuration (shared by the tests of a file that
// use the same one), and per test a hotfix PR of its own — a real branch, real commits, the configured checks run
// by another App — that tests then break one thing at a time. Payloads are real webhook examples carrying it.

type Json = Record<string, unknown>;

export const OWNER = "acme";

export const CONFIG = `
checks:
  criticalTests: [unit, "e2e (*)"]
  securityScan: [codeql]
`;

/** `src/auth.ts` on main; a clean hotfix changes one line of it. */
const AUTH = "export function login() {\n  const user = find();\n  return check(user);\n}\n";

export interface Shop {
  /** `acme/shop-3` */
  fullName: string;
  name: string;
  alice: Person;
  /** The commit develop has and main lacks. */
  developOnly: string;
}

const shops = new Map<string, Promise<Shop>>();

/** The shop repository with this configuration file on main (null: none), created on first use. */
export function shop(stage: GateStage, config: string | null = CONFIG): Promise<Shop> {
  const key = JSON.stringify(config);
  let found = shops.get(key);
  if (!found) {
    found = createShop(stage, config, `shop-${shops.size + 1}`);
    shops.set(key, found);
  }
  return found;
}

async function createShop(stage: GateStage, config: string | null, name: string): Promise<Shop> {
  const fullName = `${OWNER}/${name}`;
  await stage.sandbox.createRepository({
    owner: OWNER,
    name,
    history: [
      {
        message: "Initial commit",
        files: { "src/auth.ts": AUTH, ...(config !== null ? { ".github/hotfix.yml": config } : {}) },
      },
    ],
    collaborators: { alice: "write", reviewer: "write", sam: "write" },
    branches: {},
  });
  const alice = stage.sandbox.as("alice", fullName);
  const developOnly = await alice.push(
    "develop",
    { "src/next.ts": "export const next = true;\n" },
    { from: "main", message: "Start the next release" },
  );
  return { fullName, name, alice, developOnly };
}

export interface HotfixOptions {
  config?: string | null;
  title?: string;
  body?: string;
  /** Default `hotfix/incident-<n>`, unique per PR. */
  headRef?: string;
  baseRef?: string;
  labels?: string[];
  /** Cut the branch from develop instead of main. */
  fromDevelop?: boolean;
  /** The head's files (default: one line of `src/auth.ts` changed). */
  files?: Record<string, string>;
}

export interface Hotfix {
  shop: Shop;
  number: number;
  head: string;
  headRef: string;
  baseRef: string;
  mainSha: string;
  /** The pull request as webhook payloads carry it: the example's object with this PR's facts. */
  pr: Json;
  /** The CI App (`github-actions`) that runs the configured checks. */
  ci: OtherApp;
}

let hotfixes = 0;

/**
 * A clean P1 hotfix PR: branch cut from main, one file changed without markers, Jira title, the configured
 * checks green on the head (run by `github-actions`), no review.
 */
export async function cleanHotfix(stage: GateStage, options: HotfixOptions = {}): Promise<Hotfix> {
  const repo = await shop(stage, options.config === undefined ? CONFIG : options.config);
  const n = ++hotfixes;
  const headRef = options.headRef ?? `hotfix/incident-${n}`;
  const baseRef = options.baseRef ?? "main";
  const files = options.files ?? { "src/auth.ts": AUTH.replace("check(user)", `check(user, token${n})`) };
  const head = await repo.alice.push(headRef, files, {
    from: options.fromDevelop ? "develop" : "main",
    message: "Fix critical auth failure",
  });
  const ci = stage.sandbox.asApp("github-actions", repo.fullName);
  for (const name of ["unit", "e2e (1)", "e2e (2)", "codeql"]) {
    await ci.createCheckRun({ name, headSha: head, status: "completed", conclusion: "success" });
  }
  const opened = await repo.alice.openPullRequest({
    head: headRef,
    base: baseRef,
    title: options.title ?? "[SPF-1290] Fix critical auth failure",
    body: options.body ?? "Incident: #9000",
  });
  const labels = options.labels ?? ["P1-hotfix"];
  if (labels.length > 0) await repo.alice.addLabels(opened.number, labels);
  const hotfix = { shop: repo, number: opened.number, head, headRef, baseRef, ci };
  return {
    ...hotfix,
    mainSha: await repo.alice.branchSha("main").then(String),
    pr: await pullObject(hotfix),
  };
}

/** The PR as it is now on the sandbox, in the shape of the example payload's pull request. */
export async function pullObject(hotfix: Pick<Hotfix, "shop" | "number">): Promise<Json> {
  const rest = await hotfix.shop.alice.request<Json>(
    "GET",
    `/repos/${hotfix.shop.fullName}/pulls/${hotfix.number}`,
  );
  const pr = example("pull_request", "opened").pull_request as Json;
  for (const field of [
    "number",
    "title",
    "body",
    "state",
    "draft",
    "labels",
    "changed_files",
    "additions",
    "deletions",
  ])
    pr[field] = rest[field];
  (pr.user as Json).login = (rest.user as Json).login;
  for (const side of ["head", "base"] as const) {
    const mine = pr[side] as Json;
    const theirs = rest[side] as Json;
    mine.ref = theirs.ref;
    mine.sha = theirs.sha;
  }
  return pr;
}

export function pullRequestEvent(hotfix: Pick<Hotfix, "shop">, action: string, pr: Json): Json {
  // Not every action has an example (edited has none): the opened one carries the same fields.
  const payload = inRepo(example("pull_request", "opened"), OWNER, hotfix.shop.name);
  payload.action = action;
  payload.pull_request = structuredClone(pr);
  payload.number = pr.number;
  return payload;
}

export function reviewEvent(hotfix: Pick<Hotfix, "shop">, action: string, pr: Json, review: Json): Json {
  const payload = inRepo(example("pull_request_review", action), OWNER, hotfix.shop.name);
  const simple = structuredClone(pr);
  // Review payloads carry a simple pull request: no sizes.
  delete simple.additions;
  delete simple.deletions;
  delete simple.changed_files;
  payload.pull_request = simple;
  payload.review = { ...(payload.review as Json), ...review };
  return payload;
}

/** `check_run.<action>` for a run of `name` on the hotfix's head, listing the hotfix's PR. */
export function checkRunEvent(hotfix: Hotfix, action: string, name: string): Json {
  const payload = inRepo(example("check_run", action), OWNER, hotfix.shop.name);
  const checkRun = payload.check_run as Json;
  checkRun.name = name;
  checkRun.head_sha = hotfix.head;
  checkRun.status = "completed";
  checkRun.conclusion = "success";
  checkRun.pull_requests = [
    {
      url: `https://api.github.com/repos/${hotfix.shop.fullName}/pulls/${hotfix.number}`,
      id: hotfix.number * 10,
      number: hotfix.number,
      head: { ref: hotfix.headRef, sha: hotfix.head, repo: { id: 1, url: "", name: hotfix.shop.name } },
      base: { ref: hotfix.baseRef, sha: hotfix.mainSha, repo: { id: 1, url: "", name: hotfix.shop.name } },
    },
  ];
  return payload;
}
