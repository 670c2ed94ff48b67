/**
 * Waits for `work` to finish, but no longer than `timeoutMs`: "settled" when it finished in time, "timed-out"
 * otherwise (the work is left running; the caller decides what to do with it). A failure of `work` counts as
 * finished: what failed was logged where it failed.
 */
export async function settleWithin(
  work: Promise<unknown>,
  timeoutMs: number,
): Promise<"settled" | "timed-out"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timed-out">((resolve) => {
    timer = setTimeout(() => resolve("timed-out"), timeoutMs);
  });
  try {
    return await Promise.race([
      work.then(
        () => "settled" as const,
        () => "settled" as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
