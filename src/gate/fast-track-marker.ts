/**
 * The fast-track clock's start as the gate's check run keeps it: a hidden first line of the run's output text.
 * GitHub lets only the App that created a check run update it, and the gate trusts only runs of our App id, so
 * a writer cannot forge or backdate this copy the way they could edit an unsealed timeline comment. User text in
 * the output is escaped (`<` never survives), and only a marker at the very start of the text is read.
 */
const PREFIX = "<!-- hotfix-bot:fast-track ";
const LINE = /^<!-- hotfix-bot:fast-track (\{[^<>\n]*\}) -->/;

export function fastTrackRunMarker(head: string, since: string): string {
  return `${PREFIX}${JSON.stringify({ head, since })} -->`;
}

/** The marker line at the start of a run's text, whatever it says, or null. */
export function fastTrackMarkerLine(text: string | null | undefined): string | null {
  return LINE.exec(text ?? "")?.[0] ?? null;
}

/** The start recorded in our run's text for `head`, or null (no marker, another head, a damaged marker). */
export function fastTrackStartInRun(text: string | null | undefined, head: string): string | null {
  const match = LINE.exec(text ?? "");
  if (!match) return null;
  try {
    const data: unknown = JSON.parse(match[1] as string);
    if (typeof data !== "object" || data === null) return null;
    const record = data as { head?: unknown; since?: unknown };
    if (record.head !== head || typeof record.since !== "string") return null;
    return Number.isNaN(Date.parse(record.since)) ? null : record.since;
  } catch {
    return null;
  }
}
