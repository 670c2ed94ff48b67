import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OtherApp, Person } from "./actor.js";
import { assertGitVersion } from "./git/git-version.js";
import { ApiServer, type Exchange } from "./http/api-server.js";
import { GitHttpBackend, type GitHttpLog } from "./http/git-http-backend.js";
import type { Handler } from "./http/handler.js";
import { htmlRoutes } from "./http/html-routes.js";
import type { RouteTable } from "./http/route-table.js";
import { type ImportSpec, importRepository } from "./import-repository.js";
import { FaultInjector, type FaultOptions } from "./instruments/faults.js";
import { type Interception, type InterceptionOptions, Interceptor } from "./instruments/interceptions.js";
import { LatencyInjector, type LatencyOptions } from "./instruments/latency.js";
import { RequestLog } from "./instruments/request-log.js";
import type { ConformanceRecorder, OpenApiValidator } from "./openapi-conformance.js";
import { createRouteTable } from "./routes/all-routes.js";
import { SandboxClient } from "./sandbox-client.js";
import { type RepositorySpec, seedRepository } from "./seed-repository.js";
import { enqueueMergeGroup } from "./services/merge-group.js";
import { markReadyForReview } from "./services/ready-for-review.js";
import { commitInWebEditor } from "./services/web-editor-commit.js";
import { fullName, type Repository } from "./state/model.js";
import { World } from "./state/world.js";
import { trackTempDir, untrackTempDir } from "./temp-dirs.js";
import { WebhookDispatcher, type WebhookTarget } from "./webhooks/webhook-dispatcher.js";

export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Time for timestamps and commit dates; fix it for reproducible SHAs. Default: the real clock. */
  clock?: () => Date;
  /** The App under test: its id, slug and installation id (defaults 1, `hotfix-bot`, 1). */
  app?: { id?: number; slug?: string; name?: string; installationId?: number };
  /** Where webhooks go; can be set later with `setWebhook`. */
  webhook?: WebhookTarget;
  /** Deliveries in flight at once (default 1: in order, one at a time). */
  webhookConcurrency?: number;
  /** Only these events are delivered (like an App's subscription); default all. */
  events?: string[];
  faults?: FaultOptions;
  latency?: LatencyOptions;
  /** Parent of the temporary directory holding the bare repositories (default the OS temp dir). */
  tmpRoot?: string;
  /** Where unexpected internal errors are reported (default stderr). */
  report?: (message: string) => void;
}

/** Work an App runs after answering a delivery; `settle()` waits until it is idle. */
export interface BackgroundTracker {
  readonly busy: boolean;
  idle(): Promise<void>;
}

export interface RepositoryHandle {
  owner: string;
  name: string;
  fullName: string;
  /** The bare repository on disk (`git --git-dir <gitDir> log main`). */
  gitDir: string;
  branch(name: string): string | null;
}

/** A running sandbox: a local, git-backed GitHub on 127.0.0.1. */
export class Sandbox {
  readonly url: string;
  readonly requests: RequestLog;
  readonly webhooks: WebhookDispatcher;
  readonly faults: FaultInjector;
  readonly latency: LatencyInjector;
  /** Scripted turns of events on the App's requests (see `intercept`). */
  readonly interceptions: Interceptor;
  /** Clones, fetches and pushes served over git's smart HTTP protocol (see `gitUrl`). */
  readonly gitHttp: GitHttpLog;
  private closed = false;
  private readonly work = new Set<BackgroundTracker>();

  constructor(
    readonly world: World,
    private readonly server: ApiServer,
    private readonly dir: string,
    url: string,
    instruments: {
      requests: RequestLog;
      webhooks: WebhookDispatcher;
      faults: FaultInjector;
      latency: LatencyInjector;
      interceptions: Interceptor;
      gitHttp: GitHttpLog;
    },
  ) {
    this.url = url;
    this.requests = instruments.requests;
    this.webhooks = instruments.webhooks;
    this.faults = instruments.faults;
    this.latency = instruments.latency;
    this.interceptions = instruments.interceptions;
    this.gitHttp = instruments.gitHttp;
  }

  /** The App under test, as the sandbox knows it. */
  get app(): { id: number; slug: string; installationId: number; identity: string } {
    const app = this.world.app;
    return { id: app.id, slug: app.slug, installationId: app.installationId, identity: `app:${app.slug}` };
  }

  /** Request and write counters; `counters.forApp()` is what the App itself sent. */
  get counters(): RequestLog {
    return this.requests;
  }

  setWebhook(target: WebhookTarget | null): void {
    this.webhooks.setTarget(target);
  }

  setFaults(options: FaultOptions | null): void {
    this.faults.configure(options);
  }

  setLatency(options: LatencyOptions | null): void {
    this.latency.configure(options);
  }

  /**
   * The next `times` (default 1) of the App's requests to `route` (`PUT /repos/{owner}/{repo}/contents/{path}`)
   * first run `before` (the world changes just before GitHub serves it: a race), and with `refuse` are answered
   * with that status and message instead of being served. `clearInterceptions()` ends all of them.
   */
  intercept(options: InterceptionOptions): Interception {
    return this.interceptions.add(options);
  }

  clearInterceptions(): void {
    this.interceptions.clear();
  }

  /**
   * Starts recording conformance violations: every response, and every request body the App sends, checked
   * against GitHub's OpenAPI description. The description is loaded once per process (about a second).
   * Loaded on first use: conformance needs ajv and the OpenAPI description, development dependencies that the
   * demo in the packaged CLI does without.
   */
  async recordConformance(): Promise<ConformanceRecorder> {
    const conformance = await import("./openapi-conformance.js");
    validatorLoad ??= conformance.OpenApiValidator.load();
    const recorder = new conformance.ConformanceRecorder(await validatorLoad);
    this.observe(recorder.observe);
    return recorder;
  }

  /** Sees every request/response pair (conformance recording uses this). */
  observe(observer: (exchange: Exchange) => void): () => void {
    return this.server.observe(observer);
  }

  /** A fork of a repository (`acme/webshop`) owned by `owner`; PRs from it name their head `owner:branch`. */
  fork(source: string, owner: string): string {
    const [sourceOwner = "", name = ""] = source.split("/");
    const parent = this.world.repo(sourceOwner, name);
    if (!parent) throw new Error(`no repository ${source}`);
    const fork = this.world.createFork(parent, owner);
    return `${fork.owner.login}/${fork.name}`;
  }

  /** A team of an organization (`acme/sre`) with these members; `GET /orgs/{org}/teams/{slug}/members` lists them. */
  createTeam(org: string, slug: string, members: string[]): void {
    for (const login of members) this.world.ensureUser(login);
    this.world.teams.set(`${org}/${slug}`.toLowerCase(), members);
  }

  /** Grants (or withdraws) the App's organization permission Members: read, which team listings need. */
  grantMembersRead(granted = true): void {
    this.world.appReadsMembers = granted;
  }

  async createRepository(spec: RepositorySpec): Promise<RepositoryHandle> {
    const repo = await seedRepository(this.world, spec);
    return this.handle(repo);
  }

  /**
   * A sandbox repository made from a git repository on disk (its branches and tags), for histories too large
   * to seed commit by commit.
   */
  async importRepository(spec: ImportSpec): Promise<RepositoryHandle> {
    return this.handle(await importRepository(this.world, spec));
  }

  /**
   * Where git clones, fetches and pushes a repository over HTTP (`git clone <gitUrl>`), as from
   * `https://github.com/<owner>/<repo>.git`; credentials as on GitHub (`x-access-token:<token>`).
   */
  gitUrl(name: string): string {
    return `${this.url}/${fullName(this.internalRepo(name))}.git`;
  }

  repository(name: string): RepositoryHandle {
    return this.handle(this.internalRepo(name));
  }

  /** The records behind a repository, for assertions on state (issues, pulls, check runs …). */
  internalRepo(name: string): Repository {
    const [owner = "", repoName = ""] = name.split("/");
    const repo = this.world.repo(owner, repoName);
    if (!repo) throw new Error(`no repository ${name} in the sandbox`);
    return repo;
  }

  /** A token for a person (created on first use). */
  tokenFor(login: string): string {
    return this.world.tokenFor(login);
  }

  /** A scripted person acting on a repository (`acme/webshop`). */
  as(login: string, repo: string): Person {
    this.internalRepo(repo);
    return new Person(login, repo, new SandboxClient(this.server, this.world.tokenFor(login)));
  }

  /** Another GitHub App (e.g. CI posting `critical-tests`) acting on a repository with its own installation. */
  asApp(slug: string, repo: string): OtherApp {
    this.internalRepo(repo);
    return new OtherApp(slug, repo, new SandboxClient(this.server, this.tokenForApp(slug)));
  }

  /** An installation token of another App (registered on first use), e.g. a workflow's `github-actions`. */
  tokenForApp(slug: string): string {
    const app =
      this.world.apps.get(slug) ??
      this.world.registerApp({
        id: 100 + this.world.apps.size,
        slug,
        name: slug,
        installationId: 100 + this.world.apps.size,
      });
    return this.world.issueInstallationToken(app);
  }

  /** An in-process client with any token (or none); for raw requests in tests. */
  client(token: string | null): SandboxClient {
    return new SandboxClient(this.server, token);
  }

  /** An installation token of the App under test, as Probot would obtain one. */
  appToken(): string {
    return this.world.issueInstallationToken(this.world.app);
  }

  /** Puts a pull request into the merge queue: a `gh-readonly-queue/...` branch and `merge_group checks_requested`. */
  async enqueueMergeGroup(
    repo: string,
    number: number,
    login: string,
  ): Promise<{ headSha: string; headRef: string }> {
    return enqueueMergeGroup(this.world, this.internalRepo(repo), number, this.world.ensureUser(login));
  }

  /** Marks a draft PR ready for review, as a person does in the UI: `pull_request.ready_for_review`. */
  async markReadyForReview(repo: string, number: number, login: string): Promise<void> {
    await markReadyForReview(this.world, this.internalRepo(repo), number, this.world.ensureUser(login));
  }

  /** A commit made in GitHub's web editor on `branch` (signed by GitHub, as it does); returns its SHA. */
  commitInWebEditor(
    repo: string,
    login: string,
    input: { branch: string; files: Record<string, string>; message: string },
  ): Promise<string> {
    return commitInWebEditor(this.world, this.internalRepo(repo), this.world.ensureUser(login), input);
  }

  /**
   * Registers work that outlives a delivery (an App answering webhooks before its long steps finish), so
   * that `settle()` waits for it too. Returns a function that unregisters it.
   */
  trackWork(work: BackgroundTracker): () => void {
    this.work.add(work);
    return () => this.work.delete(work);
  }

  /**
   * Waits until no webhook delivery is queued or in flight and no tracked background work is running — the
   * App's own follow-up deliveries included, looping until everything is quiet.
   */
  async settle(options: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      await this.webhooks.settle({ timeoutMs: Math.max(1, deadline - Date.now()) });
      const busy = [...this.work].filter((work) => work.busy);
      if (busy.length === 0) return;
      if (Date.now() > deadline) throw new Error("settle: background work did not finish in time");
      await Promise.race([
        Promise.all(busy.map((work) => work.idle())),
        new Promise((resolve) => setTimeout(resolve, Math.max(1, deadline - Date.now())).unref()),
      ]);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.webhooks.setTarget(null);
    await this.server.close();
    await Promise.all([...this.world.repos.values()].map((repo) => repo.store.flush()));
    await rm(this.dir, { recursive: true, force: true });
    untrackTempDir(this.dir);
  }

  private handle(repo: Repository): RepositoryHandle {
    return {
      owner: repo.owner.login,
      name: repo.name,
      fullName: fullName(repo),
      gitDir: repo.store.gitDir,
      branch: (name: string) => repo.refs.get(`refs/heads/${name}`),
    };
  }
}

let validatorLoad: Promise<OpenApiValidator> | null = null;

/** Starts a sandbox in-process, listening on 127.0.0.1. Close it to free the port and its temp directory. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  await assertGitVersion();
  const dir = await mkdtemp(join(options.tmpRoot ?? tmpdir(), "hotfix-sandbox-"));
  trackTempDir(dir);
  const world = new World({
    dir,
    clock: options.clock ?? (() => new Date()),
    app: {
      id: options.app?.id ?? 1,
      slug: options.app?.slug ?? "hotfix-bot",
      name: options.app?.name ?? "hotfix-bot",
      installationId: options.app?.installationId ?? 1,
    },
  });
  const requests = new RequestLog(() => `app:${world.app.slug}`);
  const faults = new FaultInjector();
  const latency = new LatencyInjector();
  const interceptions = new Interceptor();
  if (options.faults) faults.configure(options.faults);
  if (options.latency) latency.configure(options.latency);
  const webhooks = new WebhookDispatcher({ concurrency: options.webhookConcurrency ?? 1 });
  if (options.webhook) webhooks.setTarget(options.webhook);
  const events = options.events ? new Set(options.events) : null;
  world.onAnnouncement(({ event, payload }) => {
    if (!events || events.has(event)) webhooks.enqueue(event, payload);
  });
  const table: RouteTable<Handler> = createRouteTable();
  const report = options.report ?? ((message: string) => process.stderr.write(`${message}\n`));
  const server = new ApiServer(world, table, { log: requests, faults, latency, interceptions }, report);
  const gitHttp = new GitHttpBackend(world, latency, report);
  server.mount(gitHttp.handle);
  server.mount(htmlRoutes(world, report));
  let url: string;
  try {
    url = await server.listen(options.port ?? 0);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    untrackTempDir(dir);
    throw error;
  }
  world.baseUrl = url;
  return new Sandbox(world, server, dir, url, {
    requests,
    webhooks,
    faults,
    latency,
    interceptions,
    gitHttp: gitHttp.log,
  });
}
