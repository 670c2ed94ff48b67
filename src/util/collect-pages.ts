/** Page size of every listing the bot reads. */
export const PER_PAGE = 100;

/**
 * Collects up to `maxPages` pages of a paginated listing (an Octokit `paginate.iterator`), so that every read
 * costs a bounded number of requests; `complete` says whether the listing ended.
 */
export async function collectPages<T>(pages: AsyncIterable<{ data: T[] }>, maxPages: number) {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    items.push(...page.data);
    count += 1;
    if (count >= maxPages) return { items, complete: page.data.length < PER_PAGE };
  }
  return { items, complete: true };
}
