import type { RecordedWrite } from "./record-writes.js";

/** The commits a run created through the API, and how many of them GitHub signs. */
export interface CommitSigning {
  created: number;
  /** Sent without author, committer or signature: GitHub signs these as the token's bot. */
  signed: number;
}

const COMMIT_WRITE = /\/git\/commits$|\/contents\//;

/**
 * Counts, from the run's writes, the commits it created (`POST …/git/commits`, `PUT …/contents/…`) and those GitHub
 * signs: any custom author, committer or signature in the request makes a commit unsigned (pure).
 */
export function commitSigning(writes: readonly RecordedWrite[]): CommitSigning {
  let created = 0;
  let signed = 0;
  for (const write of writes) {
    if (write.result !== "sent" || !["POST", "PUT"].includes(write.method)) continue;
    const path = write.path.split("?")[0] ?? "";
    if (!COMMIT_WRITE.test(path) || (write.method === "PUT") !== path.includes("/contents/")) continue;
    created++;
    const body = (typeof write.body === "object" && write.body !== null ? write.body : {}) as Record<
      string,
      unknown
    >;
    if (
      !["author", "committer", "signature"].some((field) => body[field] !== undefined && body[field] !== null)
    ) {
      signed++;
    }
  }
  return { created, signed };
}

/** The job summary's word on the commits of this run; nothing when it created none (pure). */
export function commitSigningSection(signing: CommitSigning): string[] {
  if (signing.created === 0) return [];
  const plural = signing.created === 1 ? "commit" : "commits";
  if (signing.signed === signing.created) {
    return [
      "### Commits: Verified",
      "",
      `The ${signing.created} ${plural} this run created went without author or committer, so GitHub signed them ` +
        "as the token's bot (github-actions[bot] for the workflow token, the App's bot for an App token): they " +
        "merge into branches that require signed commits.",
      "",
    ];
  }
  const unsigned = signing.created - signing.signed;
  return [
    "### Commits: not verified",
    "",
    `${unsigned} of the ${signing.created} ${plural} this run created ${unsigned === 1 ? "carries" : "carry"} ` +
      "a custom author (`commits.verified: false`), so GitHub did not sign them: a branch that requires signed " +
      "commits refuses their pull requests.",
    "",
  ];
}
