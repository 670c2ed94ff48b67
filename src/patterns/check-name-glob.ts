/**
 * Whether a check run name matches a configured name or glob. Check names are free text (`CI / test (20.x)`),
 * so `/`, parentheses and brackets are plain characters here: only `*` (any run of characters, `/` included)
 * and `?` (one character) are wildcards. Matching is the classic two-pointer wildcard walk, O(name × pattern) at
 * worst, so no configured pattern can make it slow.
 */
export function matchesCheckName(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === "?" || (c !== undefined && c !== "*" && c === name[n])) {
      p += 1;
      n += 1;
    } else if (c === "*") {
      star = p;
      resume = n;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      n = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p += 1;
  return p === pattern.length;
}
