import type { IncomingMessage, ServerResponse } from "node:http";
import {
  checkRunPage,
  commitPage,
  type HtmlPage,
  issuePage,
  notFound,
  pullPage,
  releasesPage,
  repositoryPage,
} from "../html/html-pages.js";
import { SANDBOX_PAGE_CSP } from "../html/page-shell.js";
import type { World } from "../state/world.js";
import type { RawHttpHandler } from "./git-http-backend.js";

const PREFIX = "/html/";
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": SANDBOX_PAGE_CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

/** `/html/<owner>/<repo>/<rest>` to the page that shows it (pure dispatch over the world's records). */
function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

async function route(world: World, path: string): Promise<HtmlPage> {
  const parts = path.slice(PREFIX.length).split("/").map(decoded);
  if (parts.includes(null)) return notFound(world, `Not a valid address: ${path}`);
  const [owner, name, kind, id, ...more] = parts as string[];
  const repo = owner && name ? world.repo(owner, name) : null;
  if (!repo) return notFound(world, `No repository ${owner ?? ""}/${name ?? ""} in the sandbox`);
  if (kind === undefined || kind === "") return repositoryPage(world, repo);
  const number = Number(id);
  if ((kind === "issues" || kind === "pull") && Number.isInteger(number)) {
    const issue = repo.issues.get(number);
    if (!issue) return notFound(world, `No issue or pull request #${id}`);
    const pull = repo.pulls.get(number);
    if (issue.isPull && pull) return pullPage(world, repo, issue, pull);
    return issuePage(world, repo, issue);
  }
  if (kind === "releases") {
    if (id === undefined) return releasesPage(world, repo, null);
    if (id === "tag" && more.length > 0) return releasesPage(world, repo, more.join("/"));
  }
  if (kind === "commit" && id && /^[0-9a-f]{40}$/.test(id)) return commitPage(world, repo, id);
  if (kind === "runs" && Number.isInteger(number)) {
    const run = repo.checkRuns.get(number);
    if (run) return checkRunPage(world, repo, run);
  }
  return notFound(world, `The sandbox has no page for ${path}`);
}

/**
 * The read-only web view of the sandbox: the `html_url`s its API hands out (`/html/acme/webshop/pull/2`) answer
 * with a page, as github.com's would. GET and HEAD only; every page carries a Content-Security-Policy that allows
 * no script at all.
 */
export function htmlRoutes(world: World, report: (message: string) => void): RawHttpHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (!path.startsWith(PREFIX)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res
        .writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" })
        .end("The sandbox's pages are read-only\n");
      return true;
    }
    route(world, path)
      .then((found) => {
        res.writeHead(found.status, HEADERS).end(req.method === "HEAD" ? undefined : found.html);
      })
      .catch((error: unknown) => {
        report(
          `sandbox: GET ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        res.writeHead(500, { "content-type": "text/plain" }).end("Sandbox error\n");
      });
    return true;
  };
}
