/**
 * A message without its `Co-authored-by:` trailers, and those trailers: a commit GitHub signs credits the original
 * author in the message, which is otherwise exactly what `git cherry-pick -x` writes.
 */
export function splitCoAuthors(message: string): { message: string; coAuthors: string[] } {
  const lines = message.split("\n");
  const coAuthors = lines.filter((line) => line.startsWith("Co-authored-by: "));
  return { message: lines.filter((line) => !line.startsWith("Co-authored-by: ")).join("\n"), coAuthors };
}
