/**
 * The repository's refs, in memory. This table is the authority (so compare-and-swap is exact and atomic in
 * one event loop); the GitStore mirrors every change to disk.
 */

export class RefError extends Error {
  constructor(
    readonly ref: string,
    readonly reason: "exists" | "missing" | "not-fast-forward" | "invalid" | "conflict" | "stale",
    message: string,
  ) {
    super(message);
    this.name = "RefError";
  }
}

/** git's check-ref-format rules, for names GitHub would refuse. */
export function isValidRefName(name: string): boolean {
  if (!name.startsWith("refs/") || name.split("/").length < 3) return false;
  if (name.endsWith("/") || name.endsWith(".") || name.includes("//") || name.includes("..")) return false;
  if (name.includes("@{") || name === "@") return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: git forbids control characters in ref names
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return false;
  return name.split("/").every((part) => part !== "" && !part.startsWith(".") && !part.endsWith(".lock"));
}

export interface RefChange {
  ref: string;
  before: string | null;
  after: string | null;
}

export class RefStore {
  private readonly refs = new Map<string, string>();

  constructor(private readonly onChange: (change: RefChange) => void) {}

  get(ref: string): string | null {
    return this.refs.get(ref) ?? null;
  }

  /** Refs whose full name starts with `prefix`, sorted by name like GitHub. */
  list(prefix = "refs/"): { ref: string; sha: string }[] {
    return [...this.refs.entries()]
      .filter(([ref]) => ref.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ref, sha]) => ({ ref, sha }));
  }

  /** Atomic create: fails when the ref (or a ref it would collide with as a directory) exists. */
  create(ref: string, sha: string): void {
    if (!isValidRefName(ref)) throw new RefError(ref, "invalid", `${ref} is not a valid ref name.`);
    if (this.refs.has(ref)) throw new RefError(ref, "exists", "Reference already exists");
    for (const existing of this.refs.keys()) {
      if (existing.startsWith(`${ref}/`) || ref.startsWith(`${existing}/`)) {
        throw new RefError(ref, "conflict", `Reference cannot be created: it conflicts with ${existing}`);
      }
    }
    this.refs.set(ref, sha);
    this.onChange({ ref, before: null, after: sha });
  }

  /** Compare-and-swap: `expected` (when given) must be the current value. */
  update(ref: string, sha: string, expected?: string): string {
    const before = this.refs.get(ref);
    if (before === undefined) throw new RefError(ref, "missing", "Reference does not exist");
    if (expected !== undefined && before !== expected) {
      throw new RefError(ref, "stale", `Reference ${ref} moved from ${expected} to ${before}`);
    }
    this.refs.set(ref, sha);
    if (before !== sha) this.onChange({ ref, before, after: sha });
    return before;
  }

  delete(ref: string): string {
    const before = this.refs.get(ref);
    if (before === undefined) throw new RefError(ref, "missing", "Reference does not exist");
    this.refs.delete(ref);
    this.onChange({ ref, before, after: null });
    return before;
  }
}
