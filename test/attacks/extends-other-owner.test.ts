import type { Sandbox } from "@hotfix-bot/sandbox";
import { appOnSandboxOnDemand, configuredWebshop } from "../support/app-on-sandbox.js";

// Attack: whoever controls `.github/hotfix.yml` points `_extends` at a repository of another owner that the
// installation can read, and the gate echoes that file's unknown top-level keys into the check output, where
// every reader of the repository sees them. `_extends` stays within the owner, and content that came from an
// extended file is never echoed.

const stage = appOnSandboxOnDemand();
let sandbox: Sandbox;

async function repoWithConfig(config: string): Promise<void> {
  await sandbox.createRepository(
    configuredWebshop(config, { files: { "src/auth.js": "export const ok = true;\n" }, branches: {} }),
  );
}

/** The gate run of a fresh hotfix PR on acme/webshop. */
async function gateOfHotfixPr() {
  const alice = sandbox.as("alice", "acme/webshop");
  const head = await alice.push(
    "hotfix/incident-1",
    { "src/auth.js": "export const ok = 1;\n" },
    { from: "main" },
  );
  await alice.openPullRequest({ head: "hotfix/incident-1", base: "main", title: "[SPF-1] Fix" });
  await sandbox.settle();
  const gates = [...sandbox.internalRepo("acme/webshop").checkRuns.values()].filter(
    (run) => run.name === "hotfix-gate" && run.headSha === head,
  );
  expect(gates).toHaveLength(1);
  return gates[0] as NonNullable<(typeof gates)[0]>;
}

beforeEach(async () => {
  sandbox = await stage.startSandbox({ repository: null });
  await sandbox.createRepository({
    owner: "other-owner",
    name: "secrets",
    history: [
      {
        message: "Someone else's file",
        files: { ".github/hotfix.yml": "deploy_token_ghp_s3cr3t: yes\nproductionBranch: main\n" },
      },
    ],
  });
  await sandbox.createRepository({
    owner: "acme",
    name: "shared",
    history: [
      {
        message: "Shared settings",
        files: { ".github/hotfix.yml": "internal_codename_bluebird: yes\nproductionBranch: main\n" },
      },
    ],
  });
});

test("_extends to another owner fails the gate, naming the field and value, and echoes nothing of that file", async () => {
  await repoWithConfig("_extends: other-owner/secrets:.github/hotfix.yml\n");
  await stage.startApp();
  const gate = await gateOfHotfixPr();
  expect(`${gate.status}/${gate.conclusion}`).toBe("completed/failure");
  expect(gate.output.title).toBe("Invalid configuration: .github/hotfix.yml");
  // Without markdown escapes, so that the assertions read like the rendered text.
  const shown = JSON.stringify(gate.output).replace(/\\/g, "");
  expect(shown).toMatch(/_extends/);
  expect(shown).toMatch(/_extends: other-owner\/secrets:.github\/hotfix.yml/);
  expect(shown).toMatch(/only repositories of acme/);
  expect(shown).not.toMatch(/deploy_token|s3cr3t/);
});

test("_extends within the owner works, and an unknown key there is reported without its name", async () => {
  await repoWithConfig("_extends: shared\nunknownOwnKey: 1\n");
  await stage.startApp();
  const gate = await gateOfHotfixPr();
  expect(`${gate.status}/${gate.conclusion}`).toBe("completed/failure");
  // Without markdown escapes, so that the assertions read like the rendered text.
  const shown = JSON.stringify(gate.output).replace(/\\/g, "");
  // The repository's own mistake is named; the extended file's is counted, pointing at the file to fix.
  expect(shown).toMatch(/unknownOwnKey/);
  expect(shown).toMatch(/1 unknown key in acme\/shared:.github\/hotfix.yml/);
  expect(shown).not.toMatch(/internal_codename|bluebird/);
});
