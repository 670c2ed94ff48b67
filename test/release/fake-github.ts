import { createHash } from "node:crypto";
import { ProbotOctokit } from "probot";
import type { Octokit } from "../../src/context.js";

/**
 * A small in-memory GitHub for the endpoints the release, follow-up and timeline effects use, plugged into a real
 * Octokit through `request.fetch` (no network). Every request is an await, so two calls run with Promise.all
 * interleave like two concurrent deliveries. It records requests so tests can count reads and writes.
 */

type Json = Record<string, unknown>;

interface Issue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  user: { login: string; type: string };
  labels: string[];
  assignees: string[];
  updated_at: string;
  pull_request?: Json;
  performed_via_github_app?: Json | null;
}

interface Comment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
}

export const BOT = { login: "hotfix-bot[bot]", type: "Bot" };
export const HUMAN = { login: "mallory", type: "User" };
/** The App the fake's BOT user belongs to: what GitHub shows on its issues and comments. */
export const FAKE_APP = { id: 1, slug: "hotfix-bot" };
/** The engine's identity as hotfix-bot on the fake. */
export const fakeIdentity = async () => ({ appId: FAKE_APP.id, stateSecret: null });

const appOf = (user: { login: string }) => (user.login === BOT.login ? FAKE_APP : null);

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Json = {},
  ) {
    super(message);
  }
}

export class FakeGitHub {
  readonly owner = "acme";
  readonly repo = "shop";
  readonly parents = new Map<string, string[]>();
  readonly refs = new Map<string, { sha: string; type: string }>();
  readonly tagObjects = new Map<
    string,
    { tag: string; message: string; object: { sha: string; type: string } }
  >();
  readonly releases: { id: number; tag_name: string; name: string; body: string }[] = [];
  readonly issues: Issue[] = [];
  readonly comments: Comment[] = [];
  readonly files = new Map<string, { content: string; sha: string }>();
  readonly collaborators = new Set(["octocat"]);
  readonly requests: { method: string; path: string }[] = [];
  /** Who the token acts as when creating issues and comments. */
  actor = BOT;
  /** Runs before every request is served; a test can change the world in between (a race). */
  beforeRequest: ((method: string, path: string) => void | Promise<void>) | null = null;
  /** Answer these (method + path prefix) with this status once. */
  readonly faults: { method: string; path: string; status: number; message?: string }[] = [];
  private nextId = 1;
  private nextNumber = 1;
  private clock = Date.parse("2026-11-21T14:10:00Z");

  get writes(): number {
    return this.requests.filter((r) => r.method !== "GET").length;
  }

  get reads(): number {
    return this.requests.filter((r) => r.method === "GET").length;
  }

  /** A linear history c0 <- c1 <- … on main; returns the SHAs. */
  commitChain(count: number, from: string | null = null, label = "c"): string[] {
    const shas: string[] = [];
    let parent = from;
    for (let i = 0; i < count; i++) {
      const sha = sha1(`${label}${i}${parent ?? ""}`);
      this.parents.set(sha, parent ? [parent] : []);
      shas.push(sha);
      parent = sha;
    }
    return shas;
  }

  lightweightTag(name: string, commit: string): void {
    this.refs.set(`refs/tags/${name}`, { sha: commit, type: "commit" });
  }

  annotatedTag(name: string, commit: string): string {
    const sha = sha1(`tag ${name} ${commit}`);
    this.tagObjects.set(sha, { tag: name, message: "", object: { sha: commit, type: "commit" } });
    this.refs.set(`refs/tags/${name}`, { sha, type: "tag" });
    return sha;
  }

  tagsOn(commit: string): string[] {
    return [...this.refs.entries()]
      .filter(([ref]) => ref.startsWith("refs/tags/"))
      .filter(([, target]) => this.peel(target.sha) === commit)
      .map(([ref]) => ref.slice("refs/tags/".length));
  }

  addIssue(fields: Partial<Issue> & { title: string; body: string }): Issue {
    const issue: Issue = {
      number: this.nextNumber++,
      state: "open",
      state_reason: null,
      user: HUMAN,
      labels: [],
      assignees: [],
      updated_at: this.now(),
      ...fields,
    };
    this.issues.push(issue);
    return issue;
  }

  addComment(issue: number, body: string, user = HUMAN): Comment {
    const comment = { id: this.nextId++, issue, body, user };
    this.comments.push(comment);
    return comment;
  }

  octokit(): Octokit {
    return new ProbotOctokit({
      auth: { token: "test-token" },
      baseUrl: "http://127.0.0.1:9",
      request: { fetch: (url: string, init: RequestInit) => this.fetch(url, init) },
      throttle: { enabled: false },
      retry: { enabled: false },
    }) as Octokit;
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private peel(sha: string): string | null {
    let current = sha;
    for (let i = 0; i < 5; i++) {
      const tag = this.tagObjects.get(current);
      if (!tag) return this.parents.has(current) ? current : null;
      current = tag.object.sha;
    }
    return null;
  }

  private isAncestor(ancestor: string, of: string): boolean {
    const seen = new Set<string>();
    const todo = [of];
    while (todo.length > 0) {
      const sha = todo.pop() as string;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      todo.push(...(this.parents.get(sha) ?? []));
    }
    return false;
  }

  private resolve(rev: string): string | null {
    if (this.parents.has(rev)) return rev;
    const ref = this.refs.get(`refs/tags/${rev}`) ?? this.refs.get(`refs/heads/${rev}`);
    return ref ? this.peel(ref.sha) : null;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    const method = (init.method ?? "GET").toUpperCase();
    const parsed = new URL(url);
    const path = decodeURIComponent(parsed.pathname);
    this.requests.push({ method, path });
    await new Promise((resolve) => setImmediate(resolve));
    if (this.beforeRequest) await this.beforeRequest(method, path);
    const body = init.body ? (JSON.parse(String(init.body)) as Json) : {};
    try {
      const fault = this.faults.findIndex((f) => f.method === method && path.startsWith(f.path));
      if (fault !== -1) {
        const [f] = this.faults.splice(fault, 1);
        throw new HttpError(f?.status ?? 500, f?.message ?? "injected fault");
      }
      const { status, data, link } = this.serve(method, path, parsed.searchParams, body);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (link) headers.link = link;
      return new Response(status === 204 ? null : JSON.stringify(data), { status, headers });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return new Response(JSON.stringify({ message: error.message, ...error.extra }), {
        status: error.status,
        headers: { "content-type": "application/json" },
      });
    }
  }

  private page<T>(
    items: T[],
    query: URLSearchParams,
    path: string,
  ): { status: number; data: T[]; link?: string } {
    const perPage = Number(query.get("per_page") ?? 30);
    const page = Number(query.get("page") ?? 1);
    const data = items.slice((page - 1) * perPage, page * perPage);
    if (page * perPage >= items.length) return { status: 200, data };
    const next = new URLSearchParams(query);
    next.set("page", String(page + 1));
    return { status: 200, data, link: `<http://127.0.0.1:9${path}?${next}>; rel="next"` };
  }

  private issueJson(i: Issue): Json {
    return {
      performed_via_github_app: appOf(i.user),
      ...i,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}`,
      labels: i.labels.map((name) => ({ name })),
      assignees: i.assignees.map((login) => ({ login })),
    };
  }

  private serve(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Json,
  ): { status: number; data?: unknown; link?: string } {
    const base = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(base)) throw new HttpError(404, "Not Found");
    const p = path.slice(base.length);
    let m: RegExpExecArray | null;
    const route = (verb: string, re: RegExp) => {
      if (method !== verb) return false;
      m = re.exec(p);
      return m !== null;
    };
    const param = (i: number) => (m as RegExpExecArray)[i] as string;

    if (route("GET", /^\/git\/matching-refs\/(.+)$/)) {
      const prefix = `refs/${param(1)}`;
      const list = [...this.refs.entries()]
        .filter(([ref]) => ref.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([ref, object]) => ({ ref, object }));
      return this.page(list, query, path);
    }
    if (route("GET", /^\/git\/ref\/(.+)$/)) {
      const ref = `refs/${param(1)}`;
      const object = this.refs.get(ref);
      if (!object) throw new HttpError(404, "Not Found");
      return { status: 200, data: { ref, object } };
    }
    if (route("POST", /^\/git\/refs$/)) {
      const ref = String(body.ref);
      const sha = String(body.sha);
      if (this.refs.has(ref)) throw new HttpError(422, "Reference already exists");
      const type = this.tagObjects.has(sha) ? "tag" : this.parents.has(sha) ? "commit" : null;
      if (!type) throw new HttpError(422, "Object does not exist");
      this.refs.set(ref, { sha, type });
      return { status: 201, data: { ref, object: { sha, type } } };
    }
    if (route("POST", /^\/git\/tags$/)) {
      const object = { sha: String(body.object), type: String(body.type) };
      if (!this.parents.has(object.sha)) throw new HttpError(422, "Object does not exist");
      const tag = { tag: String(body.tag), message: String(body.message), object };
      const sha = sha1(JSON.stringify(tag) + this.now());
      this.tagObjects.set(sha, tag);
      return { status: 201, data: { sha, ...tag } };
    }
    if (route("GET", /^\/git\/tags\/([0-9a-f]{40})$/)) {
      const tag = this.tagObjects.get(param(1));
      if (!tag) throw new HttpError(404, "Not Found");
      return { status: 200, data: { sha: param(1), ...tag } };
    }
    if (route("GET", /^\/compare\/(.+)\.\.\.(.+)$/)) {
      const baseSha = this.resolve(param(1));
      const headSha = this.resolve(param(2));
      if (!baseSha || !headSha) throw new HttpError(404, "Not Found");
      const status =
        baseSha === headSha
          ? "identical"
          : this.isAncestor(baseSha, headSha)
            ? "ahead"
            : this.isAncestor(headSha, baseSha)
              ? "behind"
              : "diverged";
      return { status: 200, data: { status, commits: [] } };
    }
    if (route("GET", /^\/releases\/tags\/(.+)$/)) {
      const release = this.releases.find((r) => r.tag_name === param(1));
      if (!release) throw new HttpError(404, "Not Found");
      return { status: 200, data: this.releaseJson(release) };
    }
    if (route("POST", /^\/releases$/)) {
      if (this.releases.some((r) => r.tag_name === body.tag_name)) {
        throw new HttpError(422, "Validation Failed", {
          errors: [{ resource: "Release", code: "already_exists", field: "tag_name" }],
        });
      }
      const release = {
        id: this.nextId++,
        tag_name: String(body.tag_name),
        name: String(body.name),
        body: String(body.body),
      };
      this.releases.push(release);
      return { status: 201, data: this.releaseJson(release) };
    }
    if (route("GET", /^\/contents\/(.+)$/)) {
      const file = this.files.get(`${query.get("ref")}:${param(1)}`);
      if (!file) throw new HttpError(404, "Not Found");
      return {
        status: 200,
        data: {
          type: "file",
          path: param(1),
          sha: file.sha,
          encoding: "base64",
          content: Buffer.from(file.content).toString("base64"),
        },
      };
    }
    if (route("PUT", /^\/contents\/(.+)$/)) {
      const key = `${body.branch}:${param(1)}`;
      const current = this.files.get(key);
      if (current && body.sha !== current.sha)
        throw new HttpError(409, `${param(1)} does not match ${String(body.sha)}`);
      if (!current && body.sha) throw new HttpError(422, "sha does not match");
      const content = Buffer.from(String(body.content), "base64").toString("utf8");
      const file = { content, sha: sha1(`blob ${content}`) };
      this.files.set(key, file);
      return {
        status: current ? 200 : 201,
        data: { content: { sha: file.sha }, commit: { sha: sha1(`commit ${content}`) } },
      };
    }
    if (route("GET", /^\/issues$/)) {
      const since = query.get("since");
      const list = this.issues
        .filter((i) => query.get("state") === "all" || i.state === (query.get("state") ?? "open"))
        .filter((i) => !since || i.updated_at >= since)
        .sort((a, b) => a.number - b.number)
        .map((i) => this.issueJson(i));
      return this.page(list, query, path);
    }
    if (route("POST", /^\/issues$/)) {
      const assignees = (body.assignees as string[] | undefined) ?? [];
      if (assignees.some((a) => !this.collaborators.has(a))) {
        throw new HttpError(422, "Validation Failed", {
          errors: [{ resource: "Issue", field: "assignees", code: "invalid" }],
        });
      }
      const issue = this.addIssue({
        title: String(body.title),
        body: String(body.body ?? ""),
        labels: (body.labels as string[] | undefined) ?? [],
        assignees,
        user: this.actor,
      });
      return { status: 201, data: this.issueJson(issue) };
    }
    if (route("PATCH", /^\/issues\/(\d+)$/)) {
      const issue = this.issues.find((i) => i.number === Number(param(1)));
      if (!issue) throw new HttpError(404, "Not Found");
      if (body.state === "closed" || body.state === "open") issue.state = body.state;
      if (typeof body.state_reason === "string") issue.state_reason = body.state_reason;
      issue.updated_at = this.now();
      return { status: 200, data: this.issueJson(issue) };
    }
    if (route("GET", /^\/issues\/(\d+)\/comments$/)) {
      const list = this.comments.filter((c) => c.issue === Number(param(1))).map((c) => this.commentJson(c));
      return this.page(list, query, path);
    }
    if (route("POST", /^\/issues\/(\d+)\/comments$/)) {
      const comment = this.addComment(Number(param(1)), String(body.body), this.actor);
      return { status: 201, data: this.commentJson(comment) };
    }
    if (route("PATCH", /^\/issues\/comments\/(\d+)$/)) {
      const comment = this.comments.find((c) => c.id === Number(param(1)));
      if (!comment) throw new HttpError(404, "Not Found");
      if (String(body.body).length > 65_536)
        throw new HttpError(422, "body is too long (maximum is 65536 characters)");
      comment.body = String(body.body);
      return { status: 200, data: this.commentJson(comment) };
    }
    if (route("DELETE", /^\/issues\/comments\/(\d+)$/)) {
      const index = this.comments.findIndex((c) => c.id === Number(param(1)));
      if (index === -1) throw new HttpError(404, "Not Found");
      this.comments.splice(index, 1);
      return { status: 204 };
    }
    throw new HttpError(404, `fake GitHub does not serve ${method} ${path}`);
  }

  private releaseJson(r: { id: number; tag_name: string; name: string; body: string }): Json {
    return { ...r, html_url: `https://github.com/${this.owner}/${this.repo}/releases/tag/${r.tag_name}` };
  }

  private commentJson(c: Comment): Json {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      performed_via_github_app: appOf(c.user),
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${c.issue}#issuecomment-${c.id}`,
    };
  }
}
