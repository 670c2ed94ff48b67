/**
 * A value as one word of a POSIX shell command that a person will copy: plain when it is made of characters no
 * shell treats specially, else in single quotes (a quote inside becomes '\''). Names we echo (tags, branches,
 * inputs from the configuration) are data, so a command we print must not run anything they contain.
 */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9._/@%+=:,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Text inside a markdown code span: backticks cannot end it early, line breaks cannot break the line. */
export function codeSpan(value: string): string {
  return `\`${value.replace(/`/g, "'").replace(/[\r\n]+/g, " ")}\``;
}
