/**
 * Answers of git queries that name commits only by full SHA (merge bases, ancestry, commit ranges, diffs between
 * two commits). Git objects never change, so such an answer holds for ever: the sandbox asks git once and serves
 * the same comparison again from memory — a gate re-evaluating a PR on every check run compares the same two
 * commits each time, and every question is a git process. Bounded: the oldest answers are forgotten first.
 */
export class ImmutableQueries {
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(private readonly limit = 5_000) {}

  /** The answer for `key`, computed by `ask` the first time; a failed question is asked again next time. */
  async answer<T>(key: string, ask: () => Promise<T>): Promise<T> {
    const known = this.answers.get(key) as Promise<T> | undefined;
    if (known) return known;
    const pending = ask();
    this.answers.set(key, pending);
    if (this.answers.size > this.limit) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    pending.catch(() => this.answers.delete(key));
    return pending;
  }
}
