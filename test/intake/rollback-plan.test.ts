import { redeployCommands, rollbackPlan } from "../../src/intake/rollback-plan.js";
import { configOf } from "../support/config-of.js";

const base = (deploy = configOf().deploy) => ({
  repo: { owner: "acme", repo: "webshop" },
  incident: 12,
  productionBranch: "main",
  previousTag: { name: "v1.4.0", sha: "a".repeat(40) },
  productionSha: "b".repeat(40),
  deploy,
});

test("with a deploy workflow: gh workflow run with the configured inputs, the previous tag filled in", () => {
  const deploy = configOf({
    deploy: {
      workflow: { id: "deploy.yml", inputs: { version: "{tag}", reason: "rollback of #{incident}" } },
    },
  }).deploy;
  expect(redeployCommands(base(deploy), "v1.4.0", "a".repeat(40))).toEqual([
    "gh workflow run deploy.yml --repo acme/webshop --ref main -f version=v1.4.0 -f 'reason=rollback of #12'",
  ]);
  const defaults = configOf({ deploy: { workflow: { id: "deploy.yml", ref: "ops" } } }).deploy;
  expect(redeployCommands(base(defaults), "v1.4.0", "x")).toEqual([
    "gh workflow run deploy.yml --repo acme/webshop --ref ops -f tag=v1.4.0 -f incident=12",
  ]);
});

test("with a deployment environment: the exact API call, its JSON body in a quoted here-document", () => {
  const deploy = configOf({ deploy: { environment: "production" } }).deploy;
  const [command] = redeployCommands(base(deploy), "v1.4.0", "a") ?? [];
  const [first, json, end] = (command ?? "").split("\n");
  expect(first).toBe("gh api repos/acme/webshop/deployments --input - <<'JSON'");
  expect(JSON.parse(json ?? "")).toEqual({
    ref: "v1.4.0",
    environment: "production",
    auto_merge: false,
    required_contexts: [],
    description: "rollback for incident #12",
  });
  expect(end).toBe("JSON");
});

test("without a configured deploy there is no command to invent", () => {
  expect(redeployCommands(base(), "v1.4.0", "a")).toBeNull();
  const plan = rollbackPlan(base()).join("\n");
  expect(plan).toContain("Production runs `v1.4.0` (the latest production tag, `aaaaaaa`)");
  expect(plan).toContain("Deploy `v1.4.0` again with your usual deploy process.");
  expect(plan).toContain("git switch -c revert/incident-12 origin/main");
  expect(plan).toContain("git revert -m 1 <merge commit>");
  expect(plan).toContain("labels this issue `rollback`");
});

test("without a production tag the plan restores the production head", () => {
  const plan = rollbackPlan({ ...base(), previousTag: null }).join("\n");
  expect(plan).toContain("No production tag was found; production is `main` at `bbbbbbb`.");
  expect(plan).toContain(`Deploy \`${"b".repeat(40)}\` again`);
});

test("names from the repository are quoted in commands", () => {
  const plan = rollbackPlan({ ...base(), productionBranch: "prod$(x)" }).join("\n");
  expect(plan).toContain("git switch -c revert/incident-12 'origin/prod$(x)'");
});
