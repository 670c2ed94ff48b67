import type { Octokit } from "../context.js";
import type { BotIdentity } from "../identity/bot-identity.js";
import { ActionInputError } from "./inputs.js";
import type { TokenKind } from "./token-kind.js";

/** Reads an App named by id (digits) or slug. */
export function appReference(text: string): { id: number } | { slug: string } {
  return /^[0-9]+$/.test(text) ? { id: Number(text) } : { slug: text };
}

/** The App GitHub runs workflow tokens as; its runs, comments and issues carry its id (15368 on github.com). */
export const WORKFLOW_TOKEN_APP = "github-actions";

/**
 * Which App the step's token belongs to, decided without a request: an installation token cannot ask GitHub who
 * it is (`GET /app` needs the App's JWT). The workflow token is always `github-actions`'s; any other token needs
 * the `app` input (the id or slug the workflow gave actions/create-github-app-token).
 */
export function tokenApp(input: { app: string; kind: TokenKind }): { id: number } | { slug: string } {
  const app = input.app.trim();
  if (app) return appReference(app);
  if (input.kind === "workflow") return { slug: WORKFLOW_TOKEN_APP };
  throw new ActionInputError(
    "app",
    "github-token is not the workflow token, so name the GitHub App it belongs to (its id or slug, e.g. the app-id given to actions/create-github-app-token): hotfix-bot recognises its own check runs and comments by that App's id",
  );
}

/**
 * The step's identity: the token's App id (a slug is looked up once, `GET /apps/{slug}`, which installation
 * tokens may call) and the state secret. Every workflow of a repository writes as `github-actions`, so with the
 * workflow token only the secret tells hotfix-bot's state from another workflow's.
 */
export async function tokenIdentity(
  octokit: Octokit,
  app: { id: number } | { slug: string },
  stateSecret: string,
): Promise<BotIdentity> {
  let appId: number;
  if ("id" in app) appId = app.id;
  else {
    const { data } = await octokit.request("GET /apps/{app_slug}", { app_slug: app.slug });
    if (!data || typeof data.id !== "number") throw new Error(`GitHub knows no App "${app.slug}"`);
    appId = data.id;
  }
  return { appId, stateSecret: stateSecret === "" ? null : stateSecret };
}

/** Shown in the log and the job summary when the state is not sealed. */
export function unsealedStateWarning(appName: string): string {
  return `state-secret is not set: any workflow of this repository that writes as ${appName} can forge hotfix-bot's hidden state (and, for example, make it skip the tag, backports and follow-ups of a hotfix). Set state-secret from a repository secret.`;
}
