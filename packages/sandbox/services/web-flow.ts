import type { GitIdentity } from "../git/git-objects.js";
import type { SandboxRequest } from "../http/handler.js";
import type { World } from "../state/world.js";

/** The committer GitHub writes on the commits it signs itself. */
export const WEB_FLOW: Omit<GitIdentity, "date"> = { name: "GitHub", email: "noreply@github.com" };

/**
 * Whether GitHub signs a commit an API request creates: only for an App installation (or the Actions token, which
 * is one) that sends no custom author, committer or signature. Anything else is written as sent, unsigned.
 */
export function githubSignsRequest(req: SandboxRequest, body: Record<string, unknown>): boolean {
  const custom = (field: string) => body[field] !== undefined && body[field] !== null;
  return (
    req.identity.kind === "installation" && !custom("author") && !custom("committer") && !custom("signature")
  );
}

/** GitHub's signing function for GitStore.writeCommit. */
export function webFlowSigner(world: World): (payload: string) => string {
  return (payload) => world.webFlow.sign(payload);
}

/** GitHub's `verification` object of a commit: `valid` only for a signature GitHub itself made. */
export function verificationOf(
  world: World,
  commit: { signed: { signature: string; payload: string } | null; committer: GitIdentity },
): Record<string, unknown> {
  if (!commit.signed) {
    return { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };
  }
  const { signature, payload } = commit.signed;
  if (!world.webFlow.verifies(payload, signature)) {
    return { verified: false, reason: "unknown_key", signature, payload, verified_at: null };
  }
  return { verified: true, reason: "valid", signature, payload, verified_at: commit.committer.date };
}
