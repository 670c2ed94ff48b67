/**
 * Whether the markers of a conflict block end in CRLF (`is_cr_needed` in xmerge.c): when the target's line
 * before the block ends in CRLF, and so does the picked commit's line before it, and so does the base's first
 * line. For each of these, a position past the file's last terminated line looks at the line above it, and an
 * empty file or a lone unterminated line leaves the question open; open at the end means LF.
 */
export function markersNeedCr(
  oursLines: readonly string[],
  oursAt: number,
  theirsLines: readonly string[],
  theirsAt: number,
  baseLines: readonly string[],
): boolean {
  let answer = endsInCrlf(oursLines, oursAt > 0 ? oursAt - 1 : 0);
  if (answer !== false) answer = endsInCrlf(theirsLines, theirsAt > 0 ? theirsAt - 1 : 0);
  if (answer !== false) answer = endsInCrlf(baseLines, 0);
  return answer === true;
}

/** true / false for CRLF / LF, null when it cannot be told (`is_eol_crlf`). */
function endsInCrlf(lines: readonly string[], i: number): boolean | null {
  const crlf = (line: string | undefined) => line !== undefined && line.length > 1 && line.endsWith("\r\n");
  if (i < lines.length - 1) return crlf(lines[i]);
  if (lines.length === 0) return null;
  const line = lines[i] as string;
  if (line.endsWith("\n")) return crlf(line);
  if (i === 0) return null;
  return crlf(lines[i - 1]);
}
