import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { WebFlowKey } from "../git/commit-signature.js";
import { GitStore } from "../git/git-store.js";
import { RefStore } from "../git/ref-store.js";
import type { AppInfo, Identity, Permission, Repository, User } from "./model.js";

/** An event the sandbox announces; the webhook dispatcher adds nothing but transport. */
export interface Announcement {
  event: string;
  payload: Record<string, unknown>;
}

export interface WorldOptions {
  dir: string;
  clock: () => Date;
  app: { id: number; slug: string; name: string; installationId: number };
}

/** A name GitHub would not accept for a user or repository. */
export class InvalidNameError extends Error {
  constructor(kind: string, name: string) {
    super(`invalid ${kind} name: ${JSON.stringify(name)}`);
    this.name = "InvalidNameError";
  }
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Everything the sandbox knows: users, apps and their tokens, repositories with their git stores and records.
 * Routes read and change it; `announce` hands events to the webhook dispatcher.
 */
export class World {
  baseUrl = "http://127.0.0.1";
  readonly users = new Map<string, User>();
  readonly repos = new Map<string, Repository>();
  readonly tokens = new Map<string, Identity>();
  readonly apps = new Map<string, AppInfo>();
  readonly app: AppInfo;
  /** The key GitHub signs its own commits with (web-flow). */
  readonly webFlow = new WebFlowKey();
  /** `org/slug` (lower case) -> member logins. */
  readonly teams = new Map<string, string[]>();
  /**
   * Whether the App under test holds the organization permission Members: read. Off by default, as for an App
   * that never asked for it: team listings then answer its installation token 403.
   */
  appReadsMembers = false;
  private id = 1000;
  private listeners: ((announcement: Announcement) => void)[] = [];

  constructor(readonly options: WorldOptions) {
    const owner = this.ensureUser("acme", "Organization");
    this.app = this.registerApp({ ...options.app, owner });
  }

  nextId(): number {
    this.id += 1;
    return this.id;
  }

  /** Now, as GitHub writes times: ISO 8601 in UTC without milliseconds. */
  now(): string {
    return this.options
      .clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }

  apiUrl(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  htmlUrl(path: string): string {
    return `${this.baseUrl}/html${path}`;
  }

  ensureUser(login: string, type: User["type"] = "User"): User {
    const existing = this.users.get(login.toLowerCase());
    if (existing) return existing;
    if (!NAME.test(login.replace(/\[bot\]$/, ""))) throw new InvalidNameError("user", login);
    const user: User = {
      login,
      id: this.nextId(),
      type,
      name: login,
      email:
        // GitHub writes `<id>+<slug>[bot]@…`; the brackets are left out so that the address is a valid email,
        // which GitHub's published webhook schemas require of commit authors and pushers.
        type === "Bot"
          ? `${this.id}+${login.replace(/\[bot\]$/, "")}@users.noreply.github.com`
          : `${login}@users.noreply.github.com`,
    };
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  user(login: string): User | null {
    return this.users.get(login.toLowerCase()) ?? null;
  }

  /** A token for a user (`ghp_…`), so scripted people are told apart from the App in logs and counters. */
  tokenFor(login: string): string {
    const user = this.ensureUser(login);
    for (const [token, identity] of this.tokens) {
      if (identity.kind === "user" && identity.user === user) return token;
    }
    const token = `ghp_${login.replace(/\W/g, "")}_${randomBytes(6).toString("hex")}`;
    this.tokens.set(token, { kind: "user", user, token });
    return token;
  }

  registerApp(input: {
    id: number;
    slug: string;
    name: string;
    installationId: number;
    owner?: User;
  }): AppInfo {
    const existing = this.apps.get(input.slug);
    if (existing) return existing;
    const app: AppInfo = {
      id: input.id,
      slug: input.slug,
      name: input.name,
      owner: input.owner ?? this.ensureUser("acme", "Organization"),
      bot: this.ensureUser(`${input.slug}[bot]`, "Bot"),
      installationId: input.installationId,
      createdAt: this.now(),
    };
    this.apps.set(app.slug, app);
    return app;
  }

  appById(id: number): AppInfo | null {
    return [...this.apps.values()].find((app) => app.id === id) ?? null;
  }

  appByInstallation(installationId: number): AppInfo | null {
    return [...this.apps.values()].find((app) => app.installationId === installationId) ?? null;
  }

  /** Hands out an installation token (`ghs_…`) for an app. */
  issueInstallationToken(app: AppInfo): string {
    const token = `ghs_${app.slug.replace(/\W/g, "")}_${randomBytes(12).toString("hex")}`;
    this.tokens.set(token, { kind: "installation", app, user: app.bot, token });
    return token;
  }

  repo(owner: string, name: string): Repository | null {
    return this.repos.get(`${owner}/${name}`.toLowerCase()) ?? null;
  }

  async createRepository(input: {
    owner: string;
    name: string;
    defaultBranch?: string;
    description?: string;
    private?: boolean;
  }): Promise<Repository> {
    if (!NAME.test(input.name)) throw new InvalidNameError("repository", input.name);
    const key = `${input.owner}/${input.name}`.toLowerCase();
    const found = this.repos.get(key);
    if (found) return found;
    const owner = this.ensureUser(input.owner, input.owner === "acme" ? "Organization" : "User");
    const store = await GitStore.create(join(this.options.dir, `${input.owner}--${input.name}.git`));
    const now = this.now();
    const repo: Repository = {
      id: this.nextId(),
      owner,
      name: input.name,
      defaultBranch: input.defaultBranch ?? "main",
      description: input.description ?? null,
      private: input.private ?? false,
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
      store,
      refs: new RefStore((change) => {
        void store.mirrorRef(change.ref, change.after);
      }),
      nextNumber: 1,
      issues: new Map(),
      pulls: new Map(),
      comments: new Map(),
      labels: new Map(),
      reviews: new Map(),
      checkSuites: new Map(),
      checkRuns: new Map(),
      statuses: [],
      releases: new Map(),
      deployments: new Map(),
      deploymentStatuses: [],
      collaborators: new Map([[owner.login.toLowerCase(), "admin" as Permission]]),
      dispatches: [],
      protections: new Map(),
      activities: [],
      forkOf: null,
    };
    this.repos.set(key, repo);
    return repo;
  }

  /**
   * A fork of `parent` owned by `ownerLogin`: the parent's branches, its git objects shared (a fork network shares
   * object storage on GitHub too). The fork's refs are mirrored into the shared git directory under
   * `refs/forks/<id>/` so that they never touch the parent's. The App is not installed on forks: no webhooks.
   */
  createFork(parent: Repository, ownerLogin: string): Repository {
    const key = `${ownerLogin}/${parent.name}`.toLowerCase();
    const found = this.repos.get(key);
    if (found) return found;
    const owner = this.ensureUser(ownerLogin);
    const id = this.nextId();
    const now = this.now();
    const store = parent.store;
    const fork: Repository = {
      ...parent,
      id,
      owner,
      description: parent.description,
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
      refs: new RefStore((change) => {
        void store.mirrorRef(change.ref.replace(/^refs\//, `refs/forks/${id}/`), change.after);
      }),
      nextNumber: 1,
      issues: new Map(),
      pulls: new Map(),
      comments: new Map(),
      labels: new Map(),
      reviews: new Map(),
      checkSuites: new Map(),
      checkRuns: new Map(),
      statuses: [],
      releases: new Map(),
      deployments: new Map(),
      deploymentStatuses: [],
      collaborators: new Map([[owner.login.toLowerCase(), "admin" as Permission]]),
      dispatches: [],
      activities: [],
      forkOf: parent,
    };
    for (const { ref, sha } of parent.refs.list("refs/heads/")) fork.refs.create(ref, sha);
    this.repos.set(key, fork);
    return fork;
  }

  onAnnouncement(listener: (announcement: Announcement) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((candidate) => candidate !== listener);
    };
  }

  /** Publishes an event GitHub would deliver; the payload is complete (repository, sender, installation). */
  announce(announcement: Announcement): void {
    for (const listener of this.listeners) listener(announcement);
  }
}
