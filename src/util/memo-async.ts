/**
 * A lazily computed value, computed at most once while it succeeds: concurrent callers share one computation,
 * and a failure (a network error on the one read) is forgotten, so the next caller tries again.
 */
export function memoAsync<T>(compute: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= compute().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
