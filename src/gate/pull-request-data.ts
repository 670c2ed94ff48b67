import type { GatePullRequest } from "./gate-facts.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/**
 * Reads a pull request object (webhook `pull_request`, REST `GET /pulls/{n}`) without trusting its shape: a
 * payload missing what the gate needs gives null rather than a half-filled object.
 */
export function pullRequestFrom(raw: unknown): GatePullRequest | null {
  if (!isObject(raw) || !isObject(raw.head) || !isObject(raw.base)) return null;
  const number = num(raw.number);
  const headRef = str(raw.head.ref);
  const headSha = str(raw.head.sha);
  const baseRef = str(raw.base.ref);
  if (number === null || headRef === null || headSha === null || baseRef === null) return null;
  const labels = Array.isArray(raw.labels)
    ? raw.labels.flatMap((label) => {
        const name = isObject(label) ? str(label.name) : null;
        return name === null ? [] : [name];
      })
    : [];
  const files = num(raw.changed_files);
  const additions = num(raw.additions);
  const deletions = num(raw.deletions);
  const headRepo = isObject(raw.head.repo) ? num(raw.head.repo.id) : null;
  const baseRepo = isObject(raw.base.repo) ? num(raw.base.repo.id) : null;
  return {
    number,
    title: str(raw.title) ?? "",
    body: str(raw.body),
    author: isObject(raw.user) ? str(raw.user.login) : null,
    authorId: isObject(raw.user) ? num(raw.user.id) : null,
    headRef,
    headSha,
    baseRef,
    labels,
    state: str(raw.state) ?? "open",
    draft: raw.draft === true,
    size: files !== null && additions !== null && deletions !== null ? { files, additions, deletions } : null,
    commitCount: num(raw.commits),
    // A deleted fork leaves `head.repo` null: that is still not this repository.
    fromFork: baseRepo === null ? null : headRepo !== baseRepo,
    headRepoName: isObject(raw.head.repo) ? str(raw.head.repo.full_name) : null,
  };
}
