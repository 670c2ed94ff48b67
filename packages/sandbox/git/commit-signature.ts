import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * GitHub's own signature on the commits it makes (web-flow: the web editor, PR merges, and an App's Git Data API
 * commits without a custom author or committer), modelled with a key only this sandbox holds. The signature sits
 * where git keeps one, in the commit's `gpgsig` header, so a signed commit has its own SHA, as on GitHub, and a
 * commit anyone else writes (through the API or a push) carries none that verifies.
 */
export class WebFlowKey {
  private readonly key = randomBytes(32);

  /** An armored signature over `payload` (the commit object without its `gpgsig` header). */
  sign(payload: string): string {
    const mac = createHmac("sha256", this.key).update(payload, "utf8").digest("base64");
    return `-----BEGIN PGP SIGNATURE-----\n\n${mac}\n-----END PGP SIGNATURE-----\n`;
  }

  verifies(payload: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** A commit object's text with `signature` as its `gpgsig` header (after the committer line, as git writes it). */
export function withSignature(payload: string, signature: string): string {
  const end = payload.indexOf("\n\n");
  const head = end === -1 ? payload : payload.slice(0, end);
  const rest = end === -1 ? "\n" : payload.slice(end);
  const folded = signature.replace(/\n$/, "").split("\n").join("\n ");
  return `${head}\ngpgsig ${folded}${rest}`;
}

/** The signature a commit object carries and the payload it signs (the object without it), or null. */
export function splitSignature(text: string): { signature: string; payload: string } | null {
  const end = text.indexOf("\n\n");
  const head = (end === -1 ? text : text.slice(0, end)).split("\n");
  const start = head.findIndex((line) => line.startsWith("gpgsig "));
  if (start === -1) return null;
  let stop = start + 1;
  while (stop < head.length && (head[stop] as string).startsWith(" ")) stop++;
  const lines = head
    .slice(start, stop)
    .map((line, i) => (i === 0 ? line.slice("gpgsig ".length) : line.slice(1)));
  const payloadHead = [...head.slice(0, start), ...head.slice(stop)].join("\n");
  return { signature: `${lines.join("\n")}\n`, payload: payloadHead + (end === -1 ? "" : text.slice(end)) };
}
