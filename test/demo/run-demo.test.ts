import { runDemo } from "../../src/demo/run-demo.js";

test("the demo plays the incident from the label to the deploy and ends with the JSON outcome", async () => {
  const lines: string[] = [];
  const code = await runDemo({ json: true, realisticPacing: false, write: (line) => lines.push(line) });
  expect(code).toBe(0);
  const text = lines.join("\n");
  // In order: the label, the bot's intake, the push, the bot's draft PR, ..., the deploy.
  const order = [
    "alice      opens incident #1 with the P1-hotfix label",
    "hotfix-bot branch hotfix/incident-1 cut",
    "hotfix-bot checklist and rollback plan posted",
    "alice      pushes the fix to hotfix/incident-1",
    "hotfix-bot draft PR #2 into main: [KEY-000] Checkout: logins fail for users without a password",
    "alice      squash-merges PR #2",
    "hotfix-bot deployment of hotfix-",
    "deployer   deployment of hotfix-",
    "hotfix-bot issue #1 closed",
  ].map((needle) => text.indexOf(needle));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(text).toMatch(/Recovery of incident #1: detection → PR \d+ s, → merge \d+ s, → deploy \d+ s/);
  expect(text).toMatch(/rollback rate\s+0 of 1\s+0 %\s+< 5 %\s+met/);
  const outcome = JSON.parse(lines.at(-1) ?? "");
  expect(Object.keys(outcome).sort()).toEqual([
    "backports",
    "botRequests",
    "botWrites",
    "followUps",
    "release",
    "tag",
  ]);
  expect(outcome.backports.map((b: { target: string }) => b.target).sort()).toEqual([
    "develop",
    "release/1.x",
  ]);
}, 120_000);
