import type { Octokit } from "../context.js";
import type { BotIdentity } from "./bot-identity.js";

/**
 * The App's identity from GitHub itself: `GET /app` with the App's JWT answers with the App the private key
 * belongs to. Its comments and check runs need no seal: no one else can write with that id.
 */
export async function appIdentity(jwtOctokit: Octokit): Promise<BotIdentity> {
  const { data } = await jwtOctokit.request("GET /app");
  if (!data || typeof data.id !== "number") throw new Error("GET /app did not say which App this is");
  return { appId: data.id, stateSecret: null };
}
