import { createHash, timingSafeEqual } from "node:crypto";

/** Shortest DASHBOARD_TOKEN accepted: 32 characters, e.g. `openssl rand -hex 16`. */
export const MIN_DASHBOARD_TOKEN_LENGTH = 32;

/**
 * The token a request presents: `Authorization: Bearer <token>` (scripts), or Basic with the token as the
 * password (a browser's own sign-in prompt; the user name is ignored). Never from the URL, which proxies log.
 */
export function presentedToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (!basic?.[1]) return null;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? null : decoded.slice(colon + 1);
}

/**
 * Compares in constant time: both sides are hashed first, so neither the content nor the length of the expected
 * token shows in how long a wrong guess takes.
 */
export function tokenMatches(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
