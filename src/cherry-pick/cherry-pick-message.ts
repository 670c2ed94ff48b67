/**
 * The message `git cherry-pick -x` writes: the original message, then `(cherry picked from commit <sha>)` on a
 * line of its own — after a blank line, unless the message already ends in a block of trailers
 * (`Signed-off-by: …`), which the new line then joins — with git's whitespace clean-up applied. With `coAuthor`
 * (a commit GitHub signs has the bot as author), `Co-authored-by: Name <email>` follows in the same trailer block,
 * which is how GitHub credits the original author.
 */
export function cherryPickMessage(
  message: string,
  sha: string,
  coAuthor?: { name: string; email: string },
): string {
  const completed = message === "" || message.endsWith("\n") ? message : `${message}\n`;
  const credit = coAuthor ? coAuthorTrailer(coAuthor) : "";
  const origin = `(cherry picked from commit ${sha})\n${completed.includes(credit) ? "" : credit}`;
  return stripSpace(endsWithTrailers(completed) ? completed + origin : `${completed}\n${origin}`);
}

/**
 * `Co-authored-by: Name <email>\n`. Name and email come from a commit (anyone's input): characters that would end
 * the line or the address are dropped, so the trailer stays one well-formed line.
 */
export function coAuthorTrailer(author: { name: string; email: string }): string {
  const name = author.name.replace(/[<>\r\n]/g, "").trim() || author.email;
  const email = author.email.replace(/[<>\s]/g, "");
  return `Co-authored-by: ${name} <${email}>\n`;
}

/** Trailing whitespace off every line, no blank lines at either end, runs of blank lines cut to one. */
function stripSpace(message: string): string {
  const out: string[] = [];
  let blank = false;
  for (const raw of message.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (line === "") {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push("");
    blank = false;
    out.push(line);
  }
  return out.map((line) => `${line}\n`).join("");
}

const GIT_GENERATED = ["Signed-off-by: ", "(cherry picked from commit "];
const TRAILER = /^[A-Za-z0-9-]+[ \t]*:/;

/**
 * git's rule for a trailer block: the last paragraph, not the title, whose lines are all trailers (`Token: value`,
 * with indented continuation lines), or at least a quarter trailers if one of them is one git itself writes.
 */
function endsWithTrailers(message: string): boolean {
  const lines = message.split("\n");
  while (lines.length > 0 && (lines.at(-1) as string).trim() === "") lines.pop();
  let start = lines.length;
  while (start > 0 && (lines[start - 1] as string).trim() !== "") start--;
  const hasTitleBefore = lines.slice(0, start).some((line) => line.trim() !== "");
  if (start === lines.length || !hasTitleBefore) return false;

  let trailers = 0;
  let others = 0;
  let recognized = false;
  let inTrailer = false;
  for (const line of lines.slice(start)) {
    if (line.startsWith("#")) continue;
    if (GIT_GENERATED.some((prefix) => line.startsWith(prefix))) {
      trailers++;
      recognized = true;
      inTrailer = true;
    } else if (/^[ \t]/.test(line)) {
      if (!inTrailer) others++;
    } else if (TRAILER.test(line)) {
      trailers++;
      inTrailer = true;
    } else {
      others++;
      inTrailer = false;
    }
  }
  return (trailers > 0 && others === 0) || (recognized && trailers * 3 >= others);
}
