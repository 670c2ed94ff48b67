/**
 * Lines as git's merge sees them: each line keeps its terminator, so `"x"` (last line without a newline) and
 * `"x\n"` are different lines, and `"\r\n"` stays part of the line. Only `"\n"` ends a line.
 */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    if (end < 0) {
      if (start < text.length) lines.push(text.slice(start));
      return lines;
    }
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
}

/**
 * Interns the lines of several texts into small integers (equal lines, equal numbers), so that the diff
 * algorithms compare numbers and can count occurrences in arrays instead of maps of strings.
 */
export class LineTable {
  private readonly ids = new Map<string, number>();
  readonly lines: string[] = [];

  intern(lines: readonly string[]): number[] {
    return lines.map((line) => {
      let id = this.ids.get(line);
      if (id === undefined) {
        id = this.lines.length;
        this.ids.set(line, id);
        this.lines.push(line);
      }
      return id;
    });
  }
}
