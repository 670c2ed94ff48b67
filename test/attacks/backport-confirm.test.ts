import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxEachTest } from "../support/app-on-sandbox.js";

// Attack: a backport draft with a file the bot could not draft (here git's rename/delete: develop renamed the
// file the fix deletes, so no conflict marker shows what to do) must not pass silently. Its `hotfix-backport`
// check stays failing until a writer confirms, for the head they looked at: a reader's confirmation, and a
// writer's confirmation of an older head, leave it failing.

const REPO = "acme/webshop";
const AUTH =
  "export function checkPassword(user, password) {\n  if (!user) return false;\n  return user.password === password;\n}\n";

const stage = appOnSandboxEachTest();
const { repo } = stage;
let sandbox: Sandbox;
beforeEach(() => {
  sandbox = stage.sandbox;
});

const backportCheck = (sha: string) =>
  [...repo().checkRuns.values()]
    .filter((run) => run.name === "hotfix-backport" && run.headSha === sha)
    .sort((x, y) => y.id - x.id)[0];
const refusals = (pr: number) =>
  [...repo().comments.values()].filter(
    (c) => c.issueNumber === pr && c.user.type === "Bot" && c.body.includes("@carol"),
  );

test("a reader's or a stale confirmation leaves the backport check failing; a writer's for the head passes it", async () => {
  const alice = sandbox.as("alice", REPO);
  await alice.push(
    "develop",
    { "src/auth.js": null, "src/login.js": AUTH },
    { message: "Rename auth to login" },
  );
  const incident = await alice.createIssue({ title: "Legacy auth is exploitable", labels: ["P1-hotfix"] });
  await alice.createBranch("hotfix/incident-1", "main");
  const fix = await alice.push(
    "hotfix/incident-1",
    { "src/auth.js": null, "src/cart.js": "export const total = () => 0;\n" },
    { message: "Remove the legacy auth" },
  );
  const { number } = await alice.openPullRequest({
    head: "hotfix/incident-1",
    base: "main",
    title: "[SPF-7] Remove legacy auth",
    body: `Incident: #${incident}`,
  });
  const ci = sandbox.asApp("ci", REPO);
  await ci.runCheck("critical-tests", fix, "success");
  await ci.runCheck("security-scan", fix, "success");
  await sandbox.settle();
  await alice.merge(number, "squash");
  await sandbox.settle();

  const backport = [...repo().pulls.values()].find((p) => p.headRef.startsWith("hotfix-bot/backport-"));
  expect(backport?.draft).toBe(true);
  const body = repo().issues.get(backport?.number ?? 0)?.body ?? "";
  expect(body).toContain("`src/login.js`");
  expect(body).toContain("/backport confirm");
  const head = backport?.headSha ?? "";
  expect(backportCheck(head)?.conclusion).toBe("failure");

  // A reader confirms the current head: refused once, politely; the check stays failing.
  const carol = sandbox.as("carol", REPO);
  await carol.comment(backport?.number ?? 0, `/backport confirm ${head.slice(0, 7)}`);
  await carol.comment(backport?.number ?? 0, `/backport confirm ${head}`);
  await sandbox.settle();
  expect(backportCheck(head)?.conclusion).toBe("failure");
  expect(refusals(backport?.number ?? 0)).toHaveLength(1);

  // A person pushes a resolution; a writer's confirmation naming the older head does not pass the new one.
  const resolved = await alice.push(
    backport?.headRef ?? "",
    { "src/login.js": null },
    { message: "Resolve" },
  );
  await sandbox.settle();
  await alice.comment(backport?.number ?? 0, `/backport confirm ${head.slice(0, 7)}`);
  await sandbox.settle();
  expect(backportCheck(resolved)?.conclusion).toBe("failure");
  expect(backportCheck(head)?.conclusion).toBe("failure");

  // The writer confirms the head she looked at: the check passes for that head only.
  await alice.comment(backport?.number ?? 0, `/backport confirm ${resolved.slice(0, 10)}`);
  await sandbox.settle();
  expect(backportCheck(resolved)?.conclusion).toBe("success");
  expect(backportCheck(resolved)?.output.summary).toContain("@alice");
}, 120_000);
