/**
 * An in-memory GitHub for the endpoints the gate uses, answering a real Probot Octokit through `request.fetch`
 * (no network at all). Check runs are stateful, so redeliveries and concurrent deliveries see what earlier ones
 * wrote. Every request is recorded for assertions on what was sent and how many requests an evaluation cost.
 */

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  /** Decoded path without the query: `/repos/acme/shop/contents/.github/hotfix.yml`. */
  path: string;
  query: URLSearchParams;
  body: Json | null;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  app: { id: number; slug: string };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_PATH = /^\/app\/installations\/\d+\/access_tokens$/;

export class FakeGitHub {
  readonly base = "https://api.github.com";
  readonly requests: RecordedRequest[] = [];
  /** Text of `.github/hotfix.yml`; null answers 404 (no file: defaults). */
  configText: string | null = null;
  readonly pulls = new Map<number, Json>();
  readonly reviews = new Map<number, Json[]>();
  readonly files = new Map<number, Json[]>();
  readonly issues = new Map<number, Json>();
  /** `base...sha` -> commits of sha that base lacks; a missing key answers 404. */
  readonly compares = new Map<string, string[]>();
  /** `org/slug` -> member logins, or the status GitHub answers instead. */
  readonly teams = new Map<string, string[] | number>();
  readonly checkRuns: FakeCheckRun[] = [];
  /** Commit statuses as `GET /commits/{sha}/statuses` lists them (newest first; default none). */
  readonly statuses: (Json & { sha: string })[] = [];
  /** Issue number -> its comments (default none; an unknown issue answers 404). */
  readonly issueComments = new Map<number, Json[]>();
  /** PR number -> its commits as `GET /pulls/{n}/commits` lists them (default none). */
  readonly pullCommits = new Map<number, Json[]>();
  /** Permission per login (default `write`). */
  readonly permissions = new Map<string, string>();
  private readonly userIds = new Map<string, number>();
  private nextId = 5000;
  /** By default a PR's commits are one commit, authored and committed by the PR's author. */
  private authorsCommit(number: number): Json[] {
    const pr = this.must(this.pulls.get(number));
    const login = String((pr.user as Json | undefined)?.login ?? "octocat");
    const user = { login, id: this.userId(login), type: "User" };
    return [{ sha: (pr.head as Json).sha, author: user, committer: user, commit: { message: "fix" } }];
  }

  /** A stable user id per login, as GitHub gives each account one. */
  userId(login: string): number {
    const key = login.toLowerCase();
    if (!this.userIds.has(key)) this.userIds.set(key, 9000 + this.userIds.size);
    return this.userIds.get(key) as number;
  }

  /** Optional hook run before each answer, to interleave concurrent deliveries. */
  beforeAnswer: (request: RecordedRequest) => Promise<void> = async () => {};

  constructor(
    readonly owner: string,
    readonly repo: string,
  ) {}

  /**
   * Requests made on behalf of the repository. App-level ones (`/app/...`: Probot's installation token, the
   * installation listing of a start-up reconcile) are not part of any evaluation and are excluded.
   */
  get apiRequests(): RecordedRequest[] {
    // The App's own JWT requests (who it is, installation tokens) are not requests of the installation.
    return this.requests.filter((r) => r.path !== "/app" && !r.path.startsWith("/app/"));
  }

  get writes(): RecordedRequest[] {
    return this.apiRequests.filter((r) => r.method !== "GET");
  }

  clear(): void {
    this.requests.length = 0;
  }

  addCheckRun(run: Partial<FakeCheckRun> & { name: string; head_sha: string }): FakeCheckRun {
    const full: FakeCheckRun = {
      id: this.nextId++,
      status: "completed",
      conclusion: "success",
      started_at: "2024-05-01T10:00:00Z",
      completed_at: "2024-05-01T10:05:00Z",
      external_id: null,
      output: { title: null, summary: null, text: null },
      app: { id: 15368, slug: "github-actions" },
      ...run,
    };
    this.checkRuns.push(full);
    return full;
  }

  gateRuns(sha?: string): FakeCheckRun[] {
    return this.checkRuns.filter(
      (r) => r.name === "hotfix-gate" && (sha === undefined || r.head_sha === sha),
    );
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (url.hostname !== "api.github.com") throw new Error(`unexpected host ${url.hostname}`);
    const method = (init?.method ?? "GET").toUpperCase();
    const text = typeof init?.body === "string" ? init.body : null;
    const request: RecordedRequest = {
      method,
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body: text ? (JSON.parse(text) as Json) : null,
    };
    this.requests.push(request);
    await this.beforeAnswer(request);
    let response: Response;
    try {
      response = this.answer(request, url);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      response = json(error.status, { message: error.message });
    }
    // A fetched Response knows its URL (Octokit's paginate reads it); a constructed one does not.
    Object.defineProperty(response, "url", { value: url.href });
    return response;
  };

  private answer(request: RecordedRequest, url: URL): Response {
    const { method, path, query } = request;
    if (method === "POST" && TOKEN_PATH.test(path)) {
      return json(201, {
        token: "ghs_fake",
        expires_at: "2999-01-01T00:00:00Z",
        permissions: { checks: "write", contents: "write", pull_requests: "write", issues: "write" },
        repository_selection: "all",
      });
    }
    if (method === "GET" && path === "/app/installations") return json(200, []);
    if (method === "GET" && path === "/app") return json(200, { id: 1, slug: "hotfix-bot" });
    const prefix = `/repos/${this.owner}/${this.repo}`;

    if (
      method === "GET" &&
      path.startsWith(`/repos/${this.owner}/`) &&
      path.endsWith("/contents/.github/hotfix.yml")
    ) {
      if (path !== `${prefix}/contents/.github/hotfix.yml` || this.configText === null)
        throw new HttpError(404, "Not Found");
      return new Response(this.configText, {
        status: 200,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    if (!path.startsWith(`${prefix}/`) && !path.startsWith("/orgs/")) throw new HttpError(404, "Not Found");
    const rest = path.slice(prefix.length);
    const on = (verb: string, pattern: RegExp, target = rest) =>
      method === verb ? pattern.exec(target) : null;

    const pullHit = on("GET", /^\/pulls\/(\d+)$/);
    if (pullHit) {
      return json(200, this.must(this.pulls.get(Number(pullHit[1]))));
    }
    const reviewsHit = on("GET", /^\/pulls\/(\d+)\/reviews$/);
    if (reviewsHit) {
      return this.page(url, this.reviews.get(Number(reviewsHit[1])) ?? []);
    }
    const commitsHit = on("GET", /^\/pulls\/(\d+)\/commits$/);
    if (commitsHit) {
      const number = Number(commitsHit[1]);
      return this.page(url, this.pullCommits.get(number) ?? this.authorsCommit(number));
    }
    if (method === "GET" && rest === "/activity") return this.page(url, []);
    const permissionHit = on("GET", /^\/collaborators\/([^/]+)\/permission$/);
    if (permissionHit) {
      const login = decodeURIComponent(permissionHit[1] ?? "");
      const permission = this.permissions.get(login.toLowerCase()) ?? "write";
      return json(200, { permission, role_name: permission, user: { login, id: this.userId(login) } });
    }
    const filesHit = on("GET", /^\/pulls\/(\d+)\/files$/);
    if (filesHit) {
      return this.page(url, this.files.get(Number(filesHit[1])) ?? []);
    }
    const commentsHit = on("GET", /^\/issues\/(\d+)\/comments$/);
    if (commentsHit) {
      const number = Number(commentsHit[1]);
      this.must(this.issues.get(number) ?? this.pulls.get(number));
      return this.page(url, this.issueComments.get(number) ?? []);
    }
    const issueHit = on("GET", /^\/issues\/(\d+)$/);
    if (issueHit) {
      return json(200, this.must(this.issues.get(Number(issueHit[1]))));
    }
    const compareHit = on("GET", /^\/compare\/(.+)$/);
    if (compareHit) {
      const commits = this.must(this.compares.get(compareHit[1] ?? ""));
      const perPage = Number(query.get("per_page") ?? 250);
      const page = Number(query.get("page") ?? 1);
      const slice = commits.slice((page - 1) * perPage, page * perPage);
      return json(200, {
        status: commits.length > 0 ? "ahead" : "identical",
        ahead_by: commits.length,
        behind_by: 0,
        total_commits: commits.length,
        commits: slice.map((sha) => ({ sha, commit: { message: `commit ${sha.slice(0, 7)}` } })),
        files: [],
      });
    }
    const statusesHit = on("GET", /^\/commits\/([0-9a-f]{40})\/statuses$/);
    if (statusesHit) {
      return this.page(
        url,
        this.statuses.filter((status) => status.sha === statusesHit[1]),
      );
    }
    const runsHit = on("GET", /^\/commits\/([0-9a-f]{40})\/check-runs$/);
    if (runsHit) {
      const sha = runsHit[1];
      let runs = this.checkRuns.filter((r) => r.head_sha === sha);
      const name = query.get("check_name");
      if (name !== null) runs = runs.filter((r) => r.name === name);
      const appId = query.get("app_id");
      if (appId !== null) runs = runs.filter((r) => String(r.app.id) === appId);
      if ((query.get("filter") ?? "latest") === "latest") {
        // GitHub's "latest" is per App and name.
        const latest = new Map<string, FakeCheckRun>();
        const key = (run: FakeCheckRun) => `${run.app.id}:${run.name}`;
        for (const run of runs) if ((latest.get(key(run))?.id ?? -1) < run.id) latest.set(key(run), run);
        runs = [...latest.values()];
      }
      return this.page(
        url,
        runs.map((r) => this.present(r)),
        "check_runs",
      );
    }
    if (method === "POST" && rest === "/check-runs") {
      const body = request.body ?? {};
      const run = this.addCheckRun({
        name: String(body.name),
        head_sha: String(body.head_sha),
        status: String(body.status ?? "queued"),
        conclusion: (body.conclusion as string | undefined) ?? null,
        started_at: (body.started_at as string | undefined) ?? null,
        completed_at: (body.completed_at as string | undefined) ?? null,
        external_id: (body.external_id as string | undefined) ?? null,
        output: outputOf(body.output),
        app: { id: 1, slug: "hotfix-bot" },
      });
      return json(201, this.present(run));
    }
    const patchHit = on("PATCH", /^\/check-runs\/(\d+)$/);
    if (patchHit) {
      const run = this.must(this.checkRuns.find((r) => r.id === Number(patchHit[1])));
      const body = request.body ?? {};
      if (run.status === "completed" && body.status !== undefined && body.status !== "completed") {
        // GitHub does not reopen a completed run; the gate must never ask it to.
        throw new HttpError(422, "a completed check run cannot go back to in progress");
      }
      if (body.status !== undefined) run.status = String(body.status);
      if (body.conclusion !== undefined) run.conclusion = String(body.conclusion);
      if (body.completed_at !== undefined) run.completed_at = String(body.completed_at);
      if (body.output !== undefined) run.output = outputOf(body.output);
      return json(200, this.present(run));
    }
    const teamHit = on("GET", /^\/orgs\/([^/]+)\/teams\/([^/]+)\/members$/, path);
    if (teamHit) {
      const members = this.teams.get(`${teamHit[1]}/${teamHit[2]}`);
      if (typeof members === "number") throw new HttpError(members, "Forbidden");
      return this.page(
        url,
        this.must(members).map((login) => ({ login, id: this.userId(login), type: "User" })),
      );
    }
    throw new HttpError(404, `Not Found: ${method} ${path}`);
  }

  private must<T>(value: T | undefined): T {
    if (value === undefined) throw new HttpError(404, "Not Found");
    return value;
  }

  private present(run: FakeCheckRun): Json {
    return {
      ...run,
      node_id: `CR_${run.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`,
      details_url: null,
      url: `${this.base}/repos/${this.owner}/${this.repo}/check-runs/${run.id}`,
      check_suite: { id: 1 },
      pull_requests: [],
    };
  }

  /** A page of a listing with GitHub's `link` header, optionally wrapped like `{ total_count, check_runs }`. */
  private page(url: URL, items: unknown[], key?: string): Response {
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    const page = Number(url.searchParams.get("page") ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url.href);
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return json(200, key ? { total_count: items.length, [key]: slice } : slice, headers);
  }
}

function outputOf(raw: unknown): FakeCheckRun["output"] {
  const o = (raw ?? {}) as Json;
  const s = (v: unknown) => (typeof v === "string" ? v : null);
  return { title: s(o.title), summary: s(o.summary), text: s(o.text) };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}
