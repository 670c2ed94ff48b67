import type { Sandbox } from "@hotfix-bot/sandbox";

/**
 * A hotfix PR on acme/webshop as people make one: an incident issue labelled P1-hotfix, commits pushed to
 * `hotfix/incident-<n>`, the PR into main with a valid title. With hotfix-bot running, intake cuts the branch and
 * opens a draft PR on the first push; that draft is then retitled and marked ready, as a person would.
 */
export async function openHotfixPr(
  sandbox: Sandbox,
  commits: Record<string, string>[],
): Promise<{ number: number; head: string; incident: number }> {
  const alice = sandbox.as("alice", "acme/webshop");
  const incident = await alice.createIssue({ title: "Logins fail", labels: ["P1-hotfix"] });
  await sandbox.settle();
  const branch = `hotfix/incident-${incident}`;
  if (!sandbox.repository("acme/webshop").branch(branch)) await alice.createBranch(branch, "main");
  let head = "";
  for (const [index, files] of commits.entries()) {
    head = await alice.push(branch, files, { message: `Fix, part ${index + 1}` });
  }
  await sandbox.settle();
  const title = "[SPF-1290] Fix critical auth failure";
  const body = `Incident: #${incident}`;
  const draft = [...sandbox.internalRepo("acme/webshop").pulls.values()].find(
    (pull) => pull.headRef === branch,
  );
  if (draft) {
    await alice.updatePullRequest(draft.number, { title, body });
    await sandbox.markReadyForReview("acme/webshop", draft.number, "alice");
    await sandbox.settle();
    return { number: draft.number, head, incident };
  }
  const opened = await alice.openPullRequest({ head: branch, base: "main", title, body });
  await sandbox.settle();
  return { number: opened.number, head, incident };
}
