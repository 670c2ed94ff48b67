import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * An HMAC-SHA256 over the hidden markers of a body (every `<!-- hotfix-bot:… -->`), keyed by a secret only
 * hotfix-bot's own runs hold, written as a last hidden line. Only the markers are covered, so people may edit the
 * visible text (fill in a post-mortem) without un-trusting the issue; changing, adding or removing a marker breaks
 * the seal. `scope` binds the markers to where they live (the repository, and the issue for a comment), so a
 * sealed comment copied onto another issue does not verify there.
 */
const OPEN = "<!-- hotfix-bot:";
const CLOSE = "-->";
const SEAL = `${OPEN}seal `;
const SEAL_VALUE = /^<!-- hotfix-bot:seal ([0-9a-f]{64}) -->$/;

/** The markers of a body in order, seal excluded; a scan with indexOf, linear in the body's length. */
export function hiddenMarkers(body: string): string[] {
  const markers: string[] = [];
  let from = 0;
  for (;;) {
    const start = body.indexOf(OPEN, from);
    if (start < 0) return markers;
    const end = body.indexOf(CLOSE, start + OPEN.length);
    if (end < 0) return markers;
    const marker = body.slice(start, end + CLOSE.length);
    if (!marker.startsWith(SEAL)) markers.push(marker);
    from = end + CLOSE.length;
  }
}

function mac(secret: string, scope: string, body: string): string {
  return createHmac("sha256", secret)
    .update(`${scope}\n${hiddenMarkers(body).join("\n")}`)
    .digest("hex");
}

export function sealBody(body: string, secret: string, scope: string): string {
  return `${body}\n${SEAL}${mac(secret, scope, body)} ${CLOSE}`;
}

/** Whether the body's seal (its last one, wherever people's edits moved it) matches its markers. */
export function hasValidSeal(body: string, secret: string, scope: string): boolean {
  const start = body.lastIndexOf(SEAL);
  if (start < 0) return false;
  const end = body.indexOf(CLOSE, start);
  const match = end < 0 ? null : SEAL_VALUE.exec(body.slice(start, end + CLOSE.length));
  if (!match?.[1]) return false;
  const expected = Buffer.from(mac(secret, scope, body), "hex");
  return timingSafeEqual(expected, Buffer.from(match[1], "hex"));
}
