import { ApiError } from "../http/api-error.js";
import type { Handler } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { issueShape } from "../shapes/issue-shapes.js";
import type { IssueRecord, Repository } from "../state/model.js";
import type { World } from "../state/world.js";
import { json, paginate } from "./common.js";

/**
 * `GET /search/issues`: issues and pull requests across the repositories the token sees, filtered by the
 * qualifiers GitHub documents for issue search that hotfix-bot's sweep uses — `org:`/`user:`, `repo:`,
 * `is:`/`type:`/`state:`, `label:` (comma-separated: any of them), `author:` (`app/<slug>` for an App), `updated:`
 * and `merged:` with `>`, `>=`, `<`, `<=` or `a..b` — plus words matched in the title or body. A qualifier the
 * sandbox does not know answers 422 naming it, so a query that GitHub would read differently never passes here
 * quietly. Results are sorted by `updated` (newest first, `order=asc` for oldest), as with `sort=updated`.
 */

type Filter = (repo: Repository, issue: IssueRecord) => boolean;

/** Splits a query into terms, keeping `label:"in progress"` and `"two words"` whole. */
export function searchTerms(q: string): string[] {
  const terms: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of q) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && /\s/.test(char)) {
      if (current) terms.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  if (current) terms.push(current);
  return terms;
}

const unquote = (value: string) => value.replaceAll('"', "");

/** `>=2026-01-01`, `<2026-01-01T10:00:00Z`, `2026-01-01..2026-02-01`, `2026-01-01` (that day). */
function dateFilter(value: string, term: string): (time: string | null) => boolean {
  const parse = (text: string) => {
    const t = Date.parse(text);
    if (Number.isNaN(t)) throw new ApiError(422, `Validation Failed: the date in "${term}" is not a date`);
    return t;
  };
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range?.[1] && range[2]) {
    const [from, to] = [parse(range[1]), parse(range[2])];
    return (time) => time !== null && Date.parse(time) >= from && Date.parse(time) <= to;
  }
  const compare = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (compare?.[1] && compare[2]) {
    const bound = parse(compare[2]);
    const op = compare[1];
    return (time) => {
      if (time === null) return false;
      const t = Date.parse(time);
      return op === ">=" ? t >= bound : op === "<=" ? t <= bound : op === ">" ? t > bound : t < bound;
    };
  }
  const day = parse(value);
  return (time) => time !== null && Date.parse(time) >= day && Date.parse(time) < day + 86_400_000;
}

function qualifierFilter(world: World, key: string, rawValue: string, term: string): Filter {
  const value = unquote(rawValue);
  const lower = value.toLowerCase();
  switch (key) {
    case "org":
    case "user":
      return (repo) => repo.owner.login.toLowerCase() === lower;
    case "repo":
      return (repo) => `${repo.owner.login}/${repo.name}`.toLowerCase() === lower;
    case "is":
    case "type":
    case "state":
      if (lower === "issue") return (_, issue) => !issue.isPull;
      if (lower === "pr" || lower === "pull-request") return (_, issue) => issue.isPull;
      if (lower === "open" || lower === "closed") return (_, issue) => issue.state === lower;
      if (lower === "merged") return (repo, issue) => Boolean(repo.pulls.get(issue.number)?.mergedAt);
      if (lower === "unmerged")
        return (repo, issue) => issue.isPull && !repo.pulls.get(issue.number)?.mergedAt;
      throw new ApiError(422, `Validation Failed: the sandbox does not know "${term}"`);
    case "label": {
      const wanted = new Set(
        rawValue
          .split(",")
          .map((name) => unquote(name).trim().toLowerCase())
          .filter(Boolean),
      );
      return (_, issue) => issue.labels.some((name) => wanted.has(name.toLowerCase()));
    }
    case "author": {
      if (lower.startsWith("app/")) {
        const slug = lower.slice("app/".length);
        return (_, issue) => issue.app?.slug.toLowerCase() === slug;
      }
      return (_, issue) => issue.user.login.toLowerCase() === lower;
    }
    case "updated": {
      const matches = dateFilter(value, term);
      return (_, issue) => matches(issue.updatedAt);
    }
    case "created": {
      const matches = dateFilter(value, term);
      return (_, issue) => matches(issue.createdAt);
    }
    case "merged": {
      const matches = dateFilter(value, term);
      return (repo, issue) => matches(repo.pulls.get(issue.number)?.mergedAt ?? null);
    }
    default:
      throw new ApiError(
        422,
        `Validation Failed: the sandbox does not know the qualifier "${key}:" (${term})`,
      );
  }
}

/** The filters of a query (pure apart from reading the world's repositories in `repo:` and `org:`). */
export function searchFilters(world: World, q: string): Filter[] {
  return searchTerms(q).map((term) => {
    const qualifier = /^(-?)([a-z-]+):(.+)$/i.exec(term);
    if (qualifier?.[2] && qualifier[3]) {
      const filter = qualifierFilter(world, qualifier[2].toLowerCase(), qualifier[3], term);
      return qualifier[1] === "-" ? (repo, issue) => !filter(repo, issue) : filter;
    }
    const word = unquote(term).toLowerCase();
    return (_, issue) => `${issue.title}\n${issue.body ?? ""}`.toLowerCase().includes(word);
  });
}

export function registerSearchRoutes(table: RouteTable<Handler>): void {
  table.add("GET", "/search/issues", async (req, world) => {
    const q = req.query.get("q");
    if (!q?.trim()) throw new ApiError(422, "Validation Failed: q is required");
    if (req.identity.kind === "anonymous") throw new ApiError(401, "Requires authentication");
    const filters = searchFilters(world, q);
    const found: { repo: Repository; issue: IssueRecord }[] = [];
    // Forks are not installed repositories (the App does not see them), as on GitHub for an installation.
    for (const repo of world.repos.values()) {
      if (repo.forkOf) continue;
      for (const issue of repo.issues.values())
        if (filters.every((filter) => filter(repo, issue))) found.push({ repo, issue });
    }
    const ascending = req.query.get("order") === "asc";
    found.sort((a, b) => {
      const order = Date.parse(a.issue.updatedAt) - Date.parse(b.issue.updatedAt);
      return ascending ? order : -order;
    });
    const { page, headers } = paginate(world, req, found);
    return json(
      200,
      {
        total_count: found.length,
        incomplete_results: false,
        search_type: "lexical",
        // GitHub's description of a search result item has a string body where an issue's may be null.
        items: page.map(({ repo, issue }) => ({
          ...issueShape(world, repo, issue),
          body: issue.body ?? "",
          score: 1,
        })),
      },
      headers,
    );
  });
}
