import type { Octokit, RepoRef } from "../context.js";
import type { FoundIssue } from "./sweep-task.js";

/**
 * Where the sweep looks: the issue search API, scoped to one account (`org:` or `user:`) or one repository, for
 * what hotfix-bot's workflows leave on issues and PRs — the severity labels every incident carries (intake adds
 * the label when `/hotfix` declared it) and the PRs the App itself opens (draft hotfix PRs, backports, reverts),
 * updated within the lookback. An installation token searches exactly the installation's repositories. So one
 * sweep costs a page per query per hundred hits, whatever the number of repositories: an organisation with
 * 2,000 repositories and 3 incidents in the lookback answers in two requests.
 */

export type SearchScope =
  | { kind: "account"; login: string; organization: boolean }
  | { kind: "repo"; repo: RepoRef };

export interface DiscoveryInput {
  scope: SearchScope;
  since: Date;
  /** The severity labels to look for (the configuration's defaults unless the operator names others). */
  severityLabels: readonly string[];
  /** The App's slug (`author:app/<slug>`); null where the token is not an App's (a personal token). */
  appSlug: string | null;
}

/** Quotes a search term value (labels can hold spaces); a double quote in a name cannot be searched for. */
function quoted(value: string): string {
  return `"${value.replaceAll('"', "")}"`;
}

function scopeQualifier(scope: SearchScope): string {
  if (scope.kind === "repo") return `repo:${scope.repo.owner}/${scope.repo.repo}`;
  return `${scope.organization ? "org" : "user"}:${scope.login}`;
}

/** The search queries of one discovery (pure). */
export function discoveryQueries(input: DiscoveryInput): string[] {
  const since = input.since.toISOString().replace(/\.\d{3}Z$/, "Z");
  const base = `${scopeQualifier(input.scope)} updated:>=${since}`;
  const queries: string[] = [];
  if (input.severityLabels.length > 0)
    queries.push(`${base} is:issue label:${input.severityLabels.map(quoted).join(",")}`);
  if (input.appSlug) queries.push(`${base} is:pr author:app/${input.appSlug}`);
  return queries;
}

/** `https://api.github.com/repos/acme/webshop` -> acme/webshop (pure; null for anything else). */
export function repoOfRepositoryUrl(url: string): RepoRef | null {
  const match = /\/repos\/([^/]+)\/([^/]+)$/.exec(url);
  return match?.[1] && match[2] ? { owner: match[1], repo: match[2] } : null;
}

interface SearchItem {
  number: number;
  title: string;
  state: string;
  html_url: string;
  repository_url: string;
  updated_at: string;
  labels: ({ name?: string } | string)[];
  pull_request?: unknown;
}

/** The repositories with activity, each with what was found in it (pure). */
export function groupByRepository(
  items: readonly SearchItem[],
): Map<string, { repo: RepoRef; found: FoundIssue[] }> {
  const groups = new Map<string, { repo: RepoRef; found: FoundIssue[] }>();
  for (const item of items) {
    const repo = repoOfRepositoryUrl(item.repository_url);
    if (!repo) continue;
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    const group = groups.get(key) ?? { repo, found: [] };
    if (!group.found.some((f) => f.number === item.number)) {
      group.found.push({
        number: item.number,
        title: item.title,
        state: item.state === "closed" ? "closed" : "open",
        labels: item.labels.flatMap((label) =>
          typeof label === "string" ? [label] : label.name ? [label.name] : [],
        ),
        url: item.html_url,
        isPull: item.pull_request !== undefined && item.pull_request !== null,
        updatedAt: item.updated_at,
      });
    }
    groups.set(key, group);
  }
  return groups;
}

/** GitHub's search answers at most 1,000 results (ten pages of a hundred). */
const SEARCH_PAGES_MAX = 10;

/**
 * Runs the discovery: one request per query and hundred hits. Pages are followed by hand: the search answer
 * carries `search_type` beside `items`, which Octokit's paginate takes for the list.
 */
export async function discoverActiveRepositories(
  octokit: Octokit,
  input: DiscoveryInput,
): Promise<Map<string, { repo: RepoRef; found: FoundIssue[] }>> {
  const items: SearchItem[] = [];
  for (const q of discoveryQueries(input)) {
    for (let page = 1; page <= SEARCH_PAGES_MAX; page++) {
      const { data } = await octokit.rest.search.issuesAndPullRequests({
        q,
        sort: "updated",
        order: "desc",
        per_page: 100,
        page,
      });
      items.push(...(data.items as SearchItem[]));
      if (data.items.length < 100 || page * 100 >= data.total_count) break;
    }
  }
  return groupByRepository(items);
}
