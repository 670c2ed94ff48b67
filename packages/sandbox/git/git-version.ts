import { runGit } from "./run-git.js";

/** git is missing or older than 2.38, which brought `merge-tree --write-tree`. */
export class GitVersionError extends Error {
  constructor(readonly found: string | null) {
    super(
      found === null
        ? "the sandbox needs git >= 2.38 (merge-tree --write-tree), but no git was found on PATH"
        : `the sandbox needs git >= 2.38 (merge-tree --write-tree), found git ${found}`,
    );
    this.name = "GitVersionError";
  }
}

/** Parses `git version 2.39.5` (and vendor suffixes like `2.39.3 (Apple Git-146)`) into numbers. */
export function parseGitVersion(text: string): [number, number, number] | null {
  const match = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

export function isSupportedGitVersion(version: readonly [number, number, number]): boolean {
  const [major, minor] = version;
  return major > 2 || (major === 2 && minor >= 38);
}

let checked: Promise<string> | null = null;

/** Resolves with the version string, or rejects with GitVersionError. Checked once per process. */
export function assertGitVersion(): Promise<string> {
  checked ??= (async () => {
    let text: string;
    try {
      text = (await runGit(["version"])).stdout.toString("utf8").trim();
    } catch {
      throw new GitVersionError(null);
    }
    const version = parseGitVersion(text);
    if (!version || !isSupportedGitVersion(version))
      throw new GitVersionError(text.replace(/^git version /, ""));
    return version.join(".");
  })();
  return checked;
}
